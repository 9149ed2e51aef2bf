package dev.refheap.lang.modules.io;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.BytesType;
import dev.refheap.object.PyType;
import java.io.ByteArrayOutputStream;
import java.util.function.LongConsumer;

/**
 * {@code _io.BufferedReader}, {@code BufferedWriter} and {@code BufferedRandom}: CPython 3.11's
 * buffered struct, 152 bytes plus the GC head, and a buffer of buffer_size bytes in PyMem
 * (getsizeof counts it, as buffered_sizeof does):
 * <pre>
 *  refcnt | type | raw | ok, detached, readable, writable, finalizing (chars) | abs_pos | buffer
 *  | pos | raw_pos | read_end | write_pos | write_end | lock | owner | buffer_size | buffer_mask
 *  | (2 words) | dict | weakreflist
 * </pre>
 * refheap's use of the buffer: bytes [0, read_end) were read from raw and pos is the next one to
 * hand out (a read buffer), or bytes [0, write_end) wait to be written (a write buffer); never both
 * (BufferedRandom flushes writes before reading and drops the read-ahead, seeking raw back,
 * before writing). The raw stream is called through its methods (FileIO's directly).
 * States: uninitialized (ok 0), open, detached (raw released), closed (raw closed).
 */
final class BufferedType extends IoType {
    static final int RAW = 16, OK = 24, DETACHED = 25, READABLE = 26, WRITABLE = 27, FINALIZING = 28, ABS_POS = 32, BUFFER = 40,
            POS = 48, RAW_POS = 56, READ_END = 64, WRITE_POS = 72, WRITE_END = 80, BUFFER_SIZE = 104, BUFFER_MASK = 112,
            DICT = 136, WEAKREFLIST = 144;

    enum Kind { READER, WRITER, RANDOM }

    final Kind kind;

    BufferedType(VmApi vm, IoModule.State st, Kind kind, PyType base) {
        super(vm, st, "_io." + switch (kind) {
            case READER -> "BufferedReader";
            case WRITER -> "BufferedWriter";
            case RANDOM -> "BufferedRandom";
        }, base, PyType.HAVE_GC | PyType.BASETYPE, 152, DICT, WEAKREFLIST, RAW, DICT);
        this.kind = kind;
    }

    @Override
    public void traverse(long o, LongConsumer visit) {
        long r = get(o, RAW);
        if (r != 0) visit.accept(r);
        long d = get(o, DICT);
        if (d != 0) visit.accept(d);
    }

    @Override
    protected void freeArrays(long o) {
        long b = get(o, BUFFER);
        if (b != 0) {
            put(o, BUFFER, 0);
            heap.memFree(b);
        }
    }

    @Override
    public long sizeOf(long o) { return subtypeSizeOf(o, basicSize()); }

    @Override
    public long subtypeSizeOf(long o, long basic) { return basic + (get(o, BUFFER) != 0 ? get(o, BUFFER_SIZE) : 0); }

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        long o = alloc();
        return trackAndInit(o, a, off, n, kwnames, this::init);
    }

    @Override
    void markFinalizing(long o) { Native.putByte(o + FINALIZING, (byte) 1); }

    @Override
    void closeAtExit(long o) { closeAtExit(o, new byte[0]); }

    /** As {@link #closeAtExit(long)}, with {@code after} (a text wrapper's pending bytes) written after the buffer. */
    void closeAtExit(long o, byte[] after) {
        long raw = get(o, RAW);
        if (raw == 0 || flag(o, DETACHED) || !flag(o, OK)) return;
        if ((get(o, WRITE_END) > 0 && get(o, BUFFER) != 0 || after.length > 0) && st.fileio.exact(raw) && FileIOType.fd(raw) >= 0) {
            byte[] b = new byte[(int) get(o, WRITE_END)];
            Native.copyTo(get(o, BUFFER), b, 0, b.length);
            int rawFd = FileIOType.fd(raw);
            java.io.PrintStream sink = rawFd == 1 || rawFd == 2 ? vm.stdSink(raw) : null;
            for (byte[] part : new byte[][] {b, after}) {
                if (sink != null) {
                    sink.write(part, 0, part.length);
                    sink.flush();
                    continue;
                }
                int done = 0;
                while (done < part.length) {
                    long r = dev.refheap.lang.modules.posix.PosixFiles.write(FileIOType.fd(raw), part, done, part.length - done);
                    if (r <= 0) break;
                    done += (int) r;
                }
            }
            put(o, WRITE_END, 0);
        }
        if (st.fileio.exact(raw)) st.fileio.closeAtExit(raw);
    }

    private static boolean flag(long o, int off) { return Native.getByte(o + off) != 0; }

    // ---- the lock (ENTER_BUFFERED, LEAVE_BUFFERED) ---------------------------------------------------

    /**
     * Each buffered object's lock as CPython's lock and owner fields: the Java thread holding it, by
     * the object's address; absent when free. write(), flush() and close() hold it (close() not while
     * it calls flush()), so a write from another thread while a close is in the raw stream's close
     * waits for it and then finds the object closed; the same thread entering again (a signal
     * handler's or the raw stream's call back into the object) is RuntimeError, as in CPython.
     */
    private final java.util.concurrent.ConcurrentHashMap<Long, Long> owners = new java.util.concurrent.ConcurrentHashMap<>();

    /** ENTER_BUFFERED: takes the lock, waiting (without the interpreter lock) while another thread holds it. */
    private void enter(long o) {
        long me = Thread.currentThread().threadId();
        if (owners.putIfAbsent(o, me) == null) return;
        Long owner = owners.get(o);
        if (owner != null && owner == me) throw vm.error("RuntimeError", "reentrant call inside " + reprOf(o));
        while (!vm.acquireLock(() -> owners.putIfAbsent(o, me) == null, -1)) vm.checkInterrupt();
    }

    /** LEAVE_BUFFERED. */
    private void leave(long o) {
        owners.remove(o);
        vm.lockReleased();
    }

    /** The buffer's memory; close() freed it (as buffered_close does): ValueError then, never a read of address 0. */
    private long buf(long o) {
        long b = get(o, BUFFER);
        if (b == 0) throw closedError();
        return b;
    }

    /** buffered_dealloc_warn: the raw stream's _dealloc_warn(source), its errors dropped. */
    private void deallocWarn(long o, long source) {
        if (!flag(o, OK) || get(o, RAW) == 0) return;
        try {
            heap.decref(vm.callMethod(get(o, RAW), "_dealloc_warn", source));
        } catch (PyException e) {
            heap.decref(e.exc());
        }
    }

    private static void setFlag(long o, int off, boolean v) { Native.putByte(o + off, (byte) (v ? 1 : 0)); }

    boolean readable() { return kind != Kind.WRITER; }

    boolean writable() { return kind != Kind.READER; }

    private void init(long o, long[] a, int off, int n, long kw) {
        long[] p = Params.parse(vm, shortName(), new String[] {"raw", "buffer_size"}, 1, 2, 0, a, off, n, kw);
        long raw = p[0];
        long size = p[1] == 0 ? IoModule.DEFAULT_BUFFER_SIZE : Params.ssize(vm, p[1]);
        setFlag(o, OK, false);
        setFlag(o, DETACHED, false);
        if (readable()) requireTrue(raw, "readable", "File or stream is not readable.");
        if (writable()) requireTrue(raw, "writable", "File or stream is not writable.");
        if (kind == Kind.RANDOM) requireTrue(raw, "seekable", "File or stream is not seekable.");
        if (size <= 0) throw vm.error("ValueError", "buffer size must be strictly positive");
        set(o, RAW, vm.incref(raw));
        put(o, BUFFER_SIZE, size);
        put(o, BUFFER_MASK, (size & (size - 1)) == 0 ? size - 1 : 0);
        long old = get(o, BUFFER);
        put(o, BUFFER, old == 0 ? heap.memAlloc(size) : heap.memRealloc(old, size));
        put(o, POS, 0);
        put(o, READ_END, 0);
        put(o, WRITE_POS, 0);
        put(o, WRITE_END, 0);
        put(o, RAW_POS, 0);
        put(o, ABS_POS, -1);
        setFlag(o, READABLE, readable());
        setFlag(o, WRITABLE, writable());
        setFlag(o, OK, true);
    }

    private void requireTrue(long raw, String method, String message) {
        long r = vm.callMethod(raw, method);
        if (!vm.truthyNew(r)) throw unsupported(message);
    }

    private void checkInit(long o) {
        if (!flag(o, OK)) {
            if (flag(o, DETACHED)) throw vm.error("ValueError", "raw stream has been detached");
            throw vm.error("ValueError", "I/O operation on uninitialized object");
        }
    }

    boolean closed(long o) {
        long raw = get(o, RAW);
        if (st.fileio.exact(raw)) return FileIOType.fd(raw) < 0;
        long c = vm.getAttrOrNull(raw, "closed");
        return c != 0 && vm.truthyNew(c);
    }

    private void checkClosed(long o, String message) {
        if (closed(o) && readAvail(o) == 0) throw vm.error("ValueError", message);
    }

    private static long readAvail(long o) { return get(o, READ_END) - get(o, POS); }

    // ---- raw calls ----------------------------------------------------------------------------------

    /**
     * _bufferedreader_raw_read: raw.readinto(memoryview) over n writable bytes (a bytearray here,
     * CPython's buffer there), its result an index: the bytes read, null when it would block
     * (None). A result that is not an index is OSError "raw readinto() failed" caused by the
     * conversion's error; one outside [0, n] is OSError "invalid length". An exact FileIO's read is
     * the system call itself.
     */
    private byte[] rawRead(long o, long n) {
        long raw = get(o, RAW);
        if (st.fileio.exact(raw)) {
            if (FileIOType.fd(raw) < 0) throw vm.error("ValueError", "I/O operation on closed file");
            return st.fileio.readRaw(raw, n);
        }
        long size = vm.newInt(n);
        long target;
        try {
            target = vm.call(vm.byteArrayType().address(), size);
        } finally {
            heap.decref(size);
        }
        try {
            long view = vm.memoryViewOver(target);
            long r;
            try {
                r = vm.callMethod(raw, "readinto", view);
            } finally {
                heap.decref(view);
            }
            long got;
            try {
                if (r == heap.None) return null;
                java.math.BigInteger big = vm.asIndex(r);  // PyNumber_AsSsize_t(r, ValueError)
                if (big.bitLength() > 63) throw vm.error("ValueError", "cannot fit '" + vm.typeName(r) + "' into an index-sized integer");
                got = big.longValue();
            } catch (PyException e) {
                PyException failed = vm.error("OSError", "raw readinto() failed");  // _PyErr_FormatFromCause
                vm.setAttr(failed.exc(), "__cause__", e.exc());
                vm.setAttr(failed.exc(), "__context__", e.exc());
                heap.decref(e.exc());
                throw failed;
            } finally {
                heap.decref(r);
            }
            if (got < 0 || got > n) throw vm.error("OSError", "raw readinto() returned invalid length " + got + " (should have been between 0 and " + n + ")");
            byte[] all = vm.bytesLike(target);
            return got == all.length ? all : java.util.Arrays.copyOf(all, (int) got);
        } finally {
            heap.decref(target);
        }
    }

    /**
     * _bufferedwriter_raw_write: raw.write(memoryview) over the bytes to write, the view (and its
     * managed buffer, two GC objects) released after the call; an exact FileIO's write is the system
     * call itself, the view made and released around it all the same. The view is over a copy of
     * the bytes here (CPython's is over the buffer's memory).
     */
    private long rawWrite(long o, byte[] b, int off, int len) {
        long raw = get(o, RAW);
        if (st.fileio.exact(raw)) {
            if (FileIOType.fd(raw) < 0) throw vm.error("ValueError", "I/O operation on closed file");
            long view = vm.memoryViewOf(java.util.Arrays.copyOfRange(b, off, off + len));
            try {
                return st.fileio.writeRaw(raw, b, off, len);
            } finally {
                heap.decref(view);
            }
        }
        long data = vm.memoryViewOf(java.util.Arrays.copyOfRange(b, off, off + len));
        long r;
        try {
            r = vm.callMethod(raw, "write", data);
        } finally {
            heap.decref(data);
        }
        try {
            if (r == heap.None) return -1;
            long n = Params.ssize(vm, r);
            if (n < 0 || n > len) throw vm.error("OSError", "raw write() returned invalid length " + n + " (should have been between 0 and " + len + ")");
            return n;
        } finally {
            heap.decref(r);
        }
    }

    private long rawSeek(long o, long pos, int whence) {
        long raw = get(o, RAW);
        if (st.fileio.exact(raw)) {
            if (FileIOType.fd(raw) < 0) throw vm.error("ValueError", "I/O operation on closed file");  // a closed FileIO's seek/tell (err_closed)
            return st.fileio.seekRaw(raw, pos, whence);
        }
        long p = vm.newInt(pos), w = vm.newInt(whence);
        try {
            long r = vm.callMethod(raw, "seek", p, w);
            try {
                long v = Params.ssize(vm, r);
                if (v < 0) throw vm.error("OSError", "Raw stream returned invalid position " + v);
                return v;
            } finally {
                heap.decref(r);
            }
        } finally {
            heap.decref(p);
            heap.decref(w);
        }
    }

    // ---- the buffer ---------------------------------------------------------------------------------

    /** Writes out the pending bytes (_bufferedwriter_flush_unlocked). */
    void flushWrites(long o) {
        long end = get(o, WRITE_END);
        if (end == 0) return;
        byte[] b = new byte[(int) end];
        Native.copyTo(buf(o), b, 0, (int) end);
        int done = 0;
        try {
            while (done < b.length) {
                long r = rawWrite(o, b, done, b.length - done);
                if (r < 0) throw blocking(0);
                done += (int) r;
                // a write cut short by a signal: its handlers run before the next write can block (PyErr_CheckSignals)
                if (done < b.length) vm.checkInterrupt();
            }
        } finally {
            if (done > 0 && done < b.length) Native.copyFrom(b, done, buf(o), b.length - done);
            put(o, WRITE_END, b.length - done);
        }
    }

    /** Drops the read-ahead, moving raw back to the logical position. */
    private void dropReadAhead(long o) {
        long avail = readAvail(o);
        if (avail > 0) rawSeek(o, -avail, 1);
        put(o, POS, 0);
        put(o, READ_END, 0);
    }

    private byte[] take(long o, long n) {
        byte[] b = new byte[(int) n];
        Native.copyTo(buf(o) + get(o, POS), b, 0, (int) n);
        put(o, POS, get(o, POS) + n);
        return b;
    }

    /** Refills the read buffer from raw; the count read (0 at EOF, -1 would block). */
    private long fill(long o) {
        flushWrites(o);
        byte[] b = rawRead(o, get(o, BUFFER_SIZE));
        if (b == null) return -1;
        Native.copyFrom(b, 0, buf(o), b.length);
        put(o, POS, 0);
        put(o, READ_END, b.length);
        return b.length;
    }

    byte[] read(long o, long n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long avail = readAvail(o);
        if (n < 0) {
            if (avail > 0) out.writeBytes(take(o, avail));
            flushWrites(o);
            long raw = get(o, RAW);
            byte[] rest;
            if (st.fileio.exact(raw)) rest = st.fileio.readall(raw);
            else if (!vm.typeHas(raw, "readall")) {
                ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                rest = null;
                while (true) {
                    byte[] c = rawRead(o, get(o, BUFFER_SIZE));
                    if (c == null || c.length == 0) {
                        if (c != null || chunks.size() > 0) rest = chunks.toByteArray();
                        break;
                    }
                    chunks.writeBytes(c);
                }
            } else {
                long r = vm.callMethod(raw, "readall");
                try {
                    rest = r == heap.None ? null : vm.bytesLike(r);
                } finally {
                    heap.decref(r);
                }
            }
            if (rest == null) return out.size() == 0 ? null : out.toByteArray();
            out.writeBytes(rest);
            return out.toByteArray();
        }
        if (n <= avail) return take(o, n);
        out.writeBytes(take(o, avail));
        while (out.size() < n) {
            long want = n - out.size();
            if (want >= get(o, BUFFER_SIZE)) {
                flushWrites(o);
                put(o, POS, 0);
                put(o, READ_END, 0);
                byte[] b = rawRead(o, want);
                if (b == null) return out.size() == 0 ? null : out.toByteArray();
                if (b.length == 0) break;
                out.writeBytes(b);
            } else {
                long r = fill(o);
                if (r < 0) return out.size() == 0 ? null : out.toByteArray();
                if (r == 0) break;
                out.writeBytes(take(o, Math.min(r, want)));
            }
        }
        return out.toByteArray();
    }

    /**
     * _buffered_readinto_generic: what is buffered first; then, while the destination is not full,
     * a raw read straight into it when what is left is more than the buffer, else a refill of the
     * buffer (not for readinto1 once something is copied). readinto1 makes at most one raw read.
     * Null: nothing read, the raw stream would block.
     */
    byte[] readInto(long o, int len, boolean one) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long avail = readAvail(o);
        if (avail > 0) out.writeBytes(take(o, Math.min(avail, len)));
        if (out.size() == len) return out.toByteArray();
        flushWrites(o);
        put(o, POS, 0);
        put(o, READ_END, 0);
        long bufferSize = get(o, BUFFER_SIZE);
        while (out.size() < len) {
            int remaining = len - out.size();
            byte[] b;
            if (remaining > bufferSize) {
                b = rawRead(o, remaining);
            } else if (!(one && out.size() > 0)) {
                long n = fill(o);
                if (n > 0) {
                    out.writeBytes(take(o, Math.min(n, remaining)));
                    continue;
                }
                b = n < 0 ? null : new byte[0];
            } else {
                b = new byte[0];
            }
            if (b == null) {
                if (out.size() > 0) break;
                return null;
            }
            if (b.length == 0) break;
            out.writeBytes(b);
            if (one) break;
        }
        return out.toByteArray();
    }

    byte[] peek(long o) {
        if (readAvail(o) == 0) fill(o);
        byte[] b = new byte[(int) readAvail(o)];
        Native.copyTo(buf(o) + get(o, POS), b, 0, b.length);
        return b;
    }

    byte[] read1(long o, long n) {
        if (n < 0) n = get(o, BUFFER_SIZE);
        if (n == 0) return new byte[0];
        long avail = readAvail(o);
        if (avail > 0) return take(o, Math.min(avail, n));
        put(o, POS, 0);
        put(o, READ_END, 0);
        if (n > get(o, BUFFER_SIZE)) {
            flushWrites(o);
            byte[] b = rawRead(o, n);
            return b == null ? new byte[0] : b;
        }
        long r = fill(o);
        if (r <= 0) return new byte[0];
        return take(o, Math.min(r, n));
    }

    byte[] readline(long o, long limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (limit < 0 || out.size() < limit) {
            if (readAvail(o) == 0 && fill(o) <= 0) break;
            long b = buf(o), pos = get(o, POS), end = get(o, READ_END);
            if (limit >= 0) end = Math.min(end, pos + limit - out.size());
            long i = pos;
            boolean nl = false;
            while (i < end) {
                if (Native.getByte(b + i++) == '\n') {
                    nl = true;
                    break;
                }
            }
            out.writeBytes(take(o, i - pos));
            if (nl) break;
        }
        return out.toByteArray();
    }

    /**
     * _set_BlockingIOError: BlockingIOError(EAGAIN, "write could not complete without blocking",
     * written), {@code characters_written} the bytes of this write that were written or buffered.
     */
    private PyException blocking(long written) {
        long errno = vm.newInt(11), msg = vm.str("write could not complete without blocking"), n = vm.newInt(written);
        try {
            return new PyException(vm.call(vm.exceptionType("BlockingIOError").address(), errno, msg, n));
        } finally {
            heap.decref(errno);
            heap.decref(msg);
            heap.decref(n);
        }
    }

    /**
     * bufferedwriter_write: into the buffer when it fits; else the buffer written out first (over a
     * non-blocking raw stream that would block, as much of the data as fits is buffered and
     * BlockingIOError says how much), then raw writes while more than a buffer's worth is left
     * (one that would block buffers a buffer's worth: BlockingIOError), the rest buffered.
     */
    long write(long o, byte[] data) {
        if (readAvail(o) > 0 || get(o, READ_END) > 0) dropReadAhead(o);
        long size = get(o, BUFFER_SIZE);
        if (get(o, WRITE_END) + data.length <= size) {
            Native.copyFrom(data, 0, buf(o) + get(o, WRITE_END), data.length);
            put(o, WRITE_END, get(o, WRITE_END) + data.length);
            return data.length;
        }
        try {
            flushWrites(o);
        } catch (PyException e) {
            if (!vm.isSubtype(e.exc(), vm.exceptionType("BlockingIOError"))) throw e;
            // what the raw stream took is gone from the buffer (flushWrites moved the rest to its start): buffer what fits
            long end = get(o, WRITE_END), avail = size - end;
            int take = (int) Math.min(avail, data.length);
            Native.copyFrom(data, 0, buf(o) + end, take);
            put(o, WRITE_END, end + take);
            heap.decref(e.exc());
            if (take == data.length) return data.length;
            throw blocking(take);
        }
        int written = 0;
        long remaining = data.length;
        while (remaining > size) {
            long r = rawWrite(o, data, written, data.length - written);
            if (r < 0) {  // the raw stream would block: a buffer's worth is kept
                Native.copyFrom(data, written, buf(o), (int) size);
                put(o, WRITE_END, size);
                throw blocking(written + size);
            }
            written += (int) r;
            remaining -= r;
            vm.checkInterrupt();  // as flushWrites
        }
        if (remaining > 0) Native.copyFrom(data, written, buf(o), (int) remaining);
        put(o, WRITE_END, remaining);
        return data.length;
    }

    long tell(long o) {
        long raw = rawSeek(o, 0, 1);
        long pos = raw - readAvail(o) + get(o, WRITE_END);
        if (pos < 0) throw vm.error("OSError", "Raw stream returned invalid position " + pos);
        return pos;
    }

    long seek(long o, long target, int whence) {
        if (whence < 0 || whence > 2) throw vm.error("ValueError", "whence value " + whence + " unsupported");
        flushWrites(o);
        if (whence == 1) target -= readAvail(o);
        put(o, POS, 0);
        put(o, READ_END, 0);
        return rawSeek(o, target, whence);
    }

    // ---- the methods --------------------------------------------------------------------------------

    private long bytesOrNone(byte[] b) { return b == null ? none() : heap.bytes.of(b); }

    private long rawCall(long o, String method) {
        checkInit(o);
        return vm.callMethod(get(o, RAW), method);
    }


    @Override
    void setFinalizing(long o, boolean on) { Native.putByte(o + FINALIZING, (byte) (on ? 1 : 0)); }

    @Override
    long ownAttr(long o, String attrName) {
        switch (attrName) {
            case "raw" -> {  // a T_OBJECT member: None before __init__ and after detach()
                long r = get(o, RAW);
                return vm.incref(r == 0 ? heap.None : r);
            }
            case "closed" -> {
                checkInit(o);
                return bool(closed(o));
            }
            case "name", "mode" -> {
                checkInit(o);
                long n = vm.str(attrName);
                try {
                    return vm.getAttr(get(o, RAW), n);
                } finally {
                    heap.decref(n);
                }
            }
            case "_finalizing" -> { return bool(flag(o, FINALIZING)); }
            default -> { return 0; }
        }
    }

    void install() {
        defSlotWrapper("__init__", (s, a, o, n, kw) -> {
            init(s, a, o, n, kw);
            return none();
        });
        defMethod("detach", (s, a, o, n, kw) -> {
            checkInit(s);
            heap.decref(vm.callMethod(s, "flush"));
            long raw = get(s, RAW);
            put(s, RAW, 0);
            setFlag(s, DETACHED, true);
            setFlag(s, OK, false);
            return raw;
        });
        defMethod("flush", (s, a, o, n, kw) -> {
            checkInit(s);
            if (!writable()) return rawCall(s, "flush");  // buffered_simple_flush: the raw stream's flush
            if (closed(s)) throw vm.error("ValueError", "flush of closed file");
            enter(s);
            try {
                flushWrites(s);
            } finally {
                leave(s);
            }
            return none();
        });
        defMethod("close", (s, a, o, n, kw) -> {
            checkInit(s);
            boolean wasClosed;
            enter(s);
            try {
                wasClosed = closed(s);
                if (!wasClosed && flag(s, FINALIZING)) deallocWarn(s, s);  // closed by its finalizer: the raw stream's "unclosed file"
            } finally {
                leave(s);
            }
            if (wasClosed) return none();
            PyException flushError = null;
            try {
                heap.decref(vm.callMethod(s, "flush"));  // without the lock: flush takes it
            } catch (PyException e) {
                flushError = e;
            }
            enter(s);
            try {
                heap.decref(vm.callMethod(get(s, RAW), "close"));
            } catch (PyException e) {
                if (flushError != null) {  // _PyErr_ChainExceptions: the close error, the flush error as its context
                    vm.setAttr(e.exc(), "__context__", flushError.exc());
                    heap.decref(flushError.exc());
                }
                throw e;
            } finally {
                // buffered_close frees the buffer whatever the raw close did (getsizeof drops its size)
                put(s, POS, 0);
                put(s, READ_END, 0);
                put(s, WRITE_POS, 0);
                put(s, WRITE_END, 0);
                freeArrays(s);
                leave(s);
            }
            if (flushError != null) throw flushError;
            return none();
        });
        // as bufferedio.c's method tables: a reader has readable, a writer writable (the other
        // is IOBase's, False), a random-access one both
        for (String m : new String[] {"seekable", "readable", "writable", "fileno", "isatty"}) {
            if (m.equals("readable") && !readable() || m.equals("writable") && !writable()) continue;
            defMethod(m, (s, a, o, n, kw) -> rawCall(s, m));
        }
        defMethod("_dealloc_warn", (s, a, o, n, kw) -> {
            Params.unpack(vm, "_dealloc_warn", n, kw, 1, 1);
            deallocWarn(s, a[o]);
            return none();
        });
        defMethod("tell", (s, a, o, n, kw) -> {
            checkInit(s);
            return vm.newInt(tell(s));
        });
        defMethod("seek", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "seek", new String[] {"target", "whence"}, 1, 2, 2, a, o, n, kw);
            checkInit(s);
            if (vm.isFloat(p[0]) || !vm.isInt(p[0]) && !vm.typeHas(p[0], "__index__")) throw vm.error("TypeError", "an integer is required");
            long target = Params.ssize(vm, p[0]);
            int whence = p[1] == 0 ? 0 : (int) Params.ssize(vm, p[1]);
            checkClosed(s, "seek of closed file");
            requireTrue(get(s, RAW), "seekable", "File or stream is not seekable.");
            return vm.newInt(seek(s, target, whence));
        });
        defMethod("truncate", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "truncate", new String[] {"pos"}, 0, 1, 1, a, o, n, kw);
            checkInit(s);
            checkClosed(s, "truncate of closed file");
            if (!writable()) throw unsupported("truncate");
            flushWrites(s);
            long pos = p[0] == 0 || p[0] == heap.None ? vm.newInt(tell(s)) : vm.incref(p[0]);
            dropReadAhead(s);
            try {
                return vm.callMethod(get(s, RAW), "truncate", pos);
            } finally {
                heap.decref(pos);
            }
        });
        if (readable()) installReads();
        if (writable()) {
            defMethod("write", (s, a, o, n, kw) -> {
                Params.unpack(vm, "write", n, kw, 1, 1);
                checkInit(s);
                byte[] b = vm.bytesLike(a[o]);
                if (b == null) throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(a[o]) + "'");
                if (closed(s)) throw vm.error("ValueError", "write to closed file");
                enter(s);
                try {
                    if (closed(s)) throw vm.error("ValueError", "write to closed file");  // closed by another thread meanwhile (bpo-31976)
                    return vm.newInt(write(s, b));
                } finally {
                    leave(s);
                }
            });
        }
        defMethod("__sizeof__", (s, a, o, n, kw) -> {
            Params.unpack(vm, "__sizeof__", n, kw, 0, 0);
            return vm.newInt(heap.typeOf(s).sizeOf(s));  // buffered_sizeof: the basic size and the buffer
        });
        defSlotWrapper("__repr__", (s, a, o, n, kw) -> {
            Params.unpack(vm, "__repr__", n, kw, 0, 0);
            return vm.str(reprOf(s));
        });
    }

    private void installReads() {
        defMethod("read", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "read", new String[] {"size"}, 0, 1, 1, a, o, n, kw);
            long size = optSize(p[0]);
            checkInit(s);
            if (size < -1) throw vm.error("ValueError", "read length must be non-negative or -1");
            checkClosed(s, "read of closed file");
            return bytesOrNone(read(s, size));
        });
        defMethod("read1", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "read1", new String[] {"size"}, 0, 1, 1, a, o, n, kw);
            long size = optSize(p[0]);
            checkInit(s);
            checkClosed(s, "read of closed file");
            return heap.bytes.of(read1(s, size));
        });
        defMethod("peek", (s, a, o, n, kw) -> {
            checkInit(s);
            checkClosed(s, "peek of closed file");
            return heap.bytes.of(peek(s));
        });
        defMethod("readline", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "readline", new String[] {"size"}, 0, 1, 1, a, o, n, kw);
            long size = optSize(p[0]);
            checkInit(s);
            checkClosed(s, "readline of closed file");
            return heap.bytes.of(readline(s, size));
        });
        for (String name : new String[] {"readinto", "readinto1"}) {
            defMethod(name, (s, a, o, n, kw) -> {
                Params.unpack(vm, name, n, kw, 1, 1);
                checkInit(s);
                byte[] cur = vm.bytesLike(a[o]);
                if (cur == null) throw vm.error("TypeError", name + "() argument must be read-write bytes-like object, not " + vm.argTypeName(a[o]));
                checkClosed(s, "readinto of closed file");
                byte[] got = readInto(s, cur.length, name.equals("readinto1"));
                if (got == null) return none();
                vm.writeBuffer(a[o], 0, got);
                return vm.newInt(got.length);
            });
        }
        defSlotWrapper("__next__", (s, a, o, n, kw) -> {
            long line = nextOf(s);
            if (line == 0) throw vm.error("StopIteration", null);
            return line;
        });
    }

    @Override
    public boolean isIteratorType() { return true; }  // IOBase's iteration, a writer's too (its next() is UnsupportedOperation)

    @Override
    public long nextOf(long o) {
        checkInit(o);
        if (!readable()) throw unsupported("read");  // IOBase's next() is readline(), which reads: _BufferedIOBase.read
        checkClosed(o, "readline of closed file");
        byte[] line = readline(o, -1);
        if (line.length == 0) return 0;
        return heap.bytes.of(line);
    }

    @Override
    public String reprOf(long o) {
        long name = 0;
        if (flag(o, OK)) {
            try {
                name = vm.getAttrOrNull(o, "name");
            } catch (PyException e) {
                // buffered_repr: a raw object without a name (AttributeError) or a ValueError leaves the name out
                if (!vm.isInstance(e, "AttributeError") && !vm.isInstance(e, "ValueError")) throw e;
                heap.decref(e.exc());
            }
        }
        if (name == 0) return "<" + name() + ">";
        try {
            // Py_ReprEnter: a name whose repr reaches this object again is refused, not recursed into
            if (vm.reprEnter(o) != 0) throw vm.error("RuntimeError", "reentrant call inside " + vm.heap.typeOf(o).name() + ".__repr__");
            try {
                return "<" + name() + " name=" + vm.repr(name) + ">";
            } finally {
                vm.reprLeave(o);
            }
        } finally {
            heap.decref(name);
        }
    }
}
