package dev.refheap.lang.modules.io;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.BytesType;
import dev.refheap.object.PyType;

/**
 * {@code _io.BytesIO}: CPython 3.11's bytesio struct, 64 bytes plus the GC head:
 * <pre> refcnt | type | buf (a bytes object) | pos | string_size | dict | weakreflist | exports </pre>
 * The data lives in a bytes object whose length is the allocation (resize_buffer's policy: an
 * eighth more on a moderate growth, exact on a large one); bytes past string_size are not data.
 * The buffer is shared (copy-on-write) while its refcount is above 1: {@code BytesIO(b)} keeps b
 * itself, getvalue() and a whole read() hand the buffer out, and the next write copies it
 * (unshare_buffer). States: open (buf set), closed (buf NULL); exporting (exports > 0: getbuffer()'s
 * views through {@link BufferObjectType}), when every resize, truncate and close is BufferError.
 * Tracked; traverse visits the dict only; __sizeof__ adds the buffer's size while it is not shared.
 */
final class BytesIOType extends IoType {
    static final int BUF = 16, POS = 24, STRING_SIZE = 32, DICT = 40, WEAKREFLIST = 48, EXPORTS = 56;

    BytesIOType(VmApi vm, IoModule.State st, PyType base) {
        super(vm, st, "_io.BytesIO", base, PyType.HAVE_GC | PyType.BASETYPE, 64, DICT, WEAKREFLIST,
                BUF, DICT);
    }

    @Override
    protected boolean traversesDictOnly() { return true; }

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        long o = alloc();
        put(o, BUF, heap.bytes.of(new byte[0]));
        return trackAndInit(o, a, off, n, kwnames, this::init);
    }

    @Override
    public void initSubtypeInstance(long o) { put(o, BUF, heap.bytes.of(new byte[0])); }

    @Override
    public long sizeOf(long o) { return subtypeSizeOf(o, basicSize()); }

    @Override
    public long subtypeSizeOf(long o, long basic) {
        long b = get(o, BUF);
        return b != 0 && Native.getLong(b) == 1 ? basic + heap.bytes.sizeOf(b) : basic;
    }

    /**
     * {@code _io._BytesIOBuffer} (bytesiobuf: 24 bytes plus the GC head, tracked, its referent the
     * BytesIO): the exporter getbuffer() hands to memoryview. Each export counts in the BytesIO's
     * {@code exports}, so it cannot resize or close while a view lives; the data is made private
     * (unshare_buffer) before it is exported writable.
     */
    static final class BufferObjectType extends dev.refheap.lang.modules.FieldsType {
        static final int SOURCE = 16;
        private final BytesIOType bytesio;

        BufferObjectType(VmApi vm, BytesIOType bytesio) {
            super(vm, "_io._BytesIOBuffer", PyType.HAVE_GC, 24, 0, SOURCE);
            this.bytesio = bytesio;
        }

        /** DEFAULT | HAVE_GC | READY | IMMUTABLETYPE | DISALLOW_INSTANTIATION, as CPython 3.11.7 reports, plus the version tag once set. */
        @Override
        protected long declaredFlags() { return 0x5180; }

        long create(long source) {
            long o = alloc();
            put(o, SOURCE, vm.incref(source));
            heap.track(o);
            return o;
        }

        @Override
        public boolean exportsBuffer() { return true; }

        @Override
        public Buffer getBuffer(long o) {
            long b = get(o, SOURCE);
            if (buf(b) == 0) throw bytesio.closedError();
            if (shared(b)) bytesio.unshare(b, size(b));
            put(b, EXPORTS, get(b, EXPORTS) + 1);
            return new Buffer(buf(b) + BytesType.SVAL, size(b), false, 'B', 1);
        }

        @Override
        public void releaseBuffer(long o) {
            long b = get(o, SOURCE);
            put(b, EXPORTS, get(b, EXPORTS) - 1);
        }

        @Override
        public long newInstance(long[] a, int off, int n, long kw) {
            throw vm.error("TypeError", "cannot create '_io._BytesIOBuffer' instances");
        }
    }

    private static long buf(long o) { return get(o, BUF); }

    private static long bufLen(long o) { return BytesType.length(buf(o)); }

    static long size(long o) { return get(o, STRING_SIZE); }

    static long pos(long o) { return get(o, POS); }

    private static boolean shared(long o) { return Native.getLong(buf(o)) > 1; }

    private void init(long o, long[] a, int off, int n, long kw) {
        long[] p = Params.parse(vm, "BytesIO", new String[] {"initial_bytes"}, 0, 1, 0, a, off, n, kw);
        put(o, STRING_SIZE, 0);  // reset before the exports check, as 3.11's __init__ does (a refused re-init still empties it)
        put(o, POS, 0);
        if (get(o, EXPORTS) > 0) throw vm.error("BufferError", "Existing exports of data: object cannot be re-sized");
        long init = p[0];
        if (init != 0 && init != heap.None) {
            if (heap.typeOf(init) == heap.bytes) {
                set(o, BUF, vm.incref(init));
                put(o, STRING_SIZE, BytesType.length(init));
            } else {
                if (buf(o) == 0) put(o, BUF, heap.bytes.of(new byte[0]));
                writeBytes(o, bytesArg(init));
                put(o, POS, 0);
            }
        } else if (buf(o) == 0) {
            put(o, BUF, heap.bytes.of(new byte[0]));
        }
    }

    private byte[] bytesArg(long v) {
        byte[] b = vm.bytesLike(v);
        if (b == null) throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(v) + "'");
        return b;
    }

    /** A bytes object of {@code n} bytes starting with the first min(n, string_size) bytes of the buffer. */
    private long copyOf(long o, long n) {
        byte[] b = new byte[(int) n];
        Native.copyTo(buf(o) + BytesType.SVAL, b, 0, (int) Math.min(n, size(o)));
        // a new object even for one byte: the buffer is written in place, so never a shared singleton
        return n == 0 ? heap.bytes.of(b) : heap.bytes.fresh(b);
    }

    /** unshare_buffer: a private copy of {@code n} bytes. */
    private void unshare(long o, long n) { set(o, BUF, copyOf(o, n)); }

    /** resize_buffer: 3.11's allocation policy; a shared buffer is copied, a private one resized. */
    private void resize(long o, long size) {
        long alloc = bufLen(o);
        if (size < alloc / 2) {
            alloc = size + 1;
        } else if (size < alloc) {
            return;
        } else if (size <= alloc + alloc / 8) {
            alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
        } else {
            alloc = size + 1;
        }
        if (alloc > Integer.MAX_VALUE - 64) throw vm.error("OverflowError", "new buffer size too large");
        set(o, BUF, copyOf(o, alloc));  // _PyBytes_Resize: the same content, a new size
    }

    /** write_bytes: at pos, padding with zeros past string_size. */
    long writeBytes(long o, byte[] data) {
        if (get(o, EXPORTS) > 0) throw vm.error("BufferError", "Existing exports of data: object cannot be re-sized");
        if (data.length == 0) return 0;
        long pos = pos(o), end = pos + data.length;
        if (end > bufLen(o)) resize(o, end);
        else if (shared(o)) unshare(o, Math.max(end, size(o)));
        long b = buf(o) + BytesType.SVAL;
        if (pos > size(o)) Native.fill(b + size(o), pos - size(o), (byte) 0);
        Native.copyFrom(data, 0, b + pos, data.length);
        put(o, POS, end);
        if (end > size(o)) put(o, STRING_SIZE, end);
        return data.length;
    }

    /** read_bytes: the whole buffer itself when the read covers exactly all of it. */
    private long readBytes(long o, long size) {
        long pos = pos(o);
        if (size > 1 && pos == 0 && size == bufLen(o) && get(o, EXPORTS) == 0) {
            put(o, POS, size);
            return vm.incref(buf(o));
        }
        byte[] b = new byte[(int) size];
        Native.copyTo(buf(o) + BytesType.SVAL + pos, b, 0, (int) size);
        put(o, POS, pos + size);
        return heap.bytes.of(b);
    }

    private long scanEol(long o, long limit) {
        long pos = pos(o), avail = size(o) - pos;
        if (avail <= 0) return 0;
        long maxlen = limit < 0 || limit > avail ? avail : limit;
        long b = buf(o) + BytesType.SVAL + pos;
        for (long i = 0; i < maxlen; i++) if (Native.getByte(b + i) == '\n') return i + 1;
        return maxlen;
    }

    private void check(long o) {
        if (buf(o) == 0) throw closedError();
    }

    private void checkExports(long o) {
        if (get(o, EXPORTS) > 0) throw vm.error("BufferError", "Existing exports of data: object cannot be re-sized");
    }

    @Override
    long ownAttr(long o, String attrName) {
        if (attrName.equals("closed")) return bool(buf(o) == 0);
        return 0;
    }

    private long readSized(long s, long[] a, int o, int n, long kw, String name) {
        long[] p = Params.parse(vm, name, new String[] {"size"}, 0, 1, 1, a, o, n, kw);
        long size = optSize(p[0]);
        check(s);
        long avail = Math.max(0, size(s) - pos(s));
        if (size < 0 || size > avail) size = avail;
        return readBytes(s, size);
    }

    void install() {
        defSlotWrapper("__init__", (s, a, o, n, kw) -> {
            init(s, a, o, n, kw);
            return none();
        });
        defMethod("getvalue", (s, a, o, n, kw) -> {
            Params.unpack(vm, "getvalue", n, kw, 0, 0);
            check(s);
            if (size(s) <= 1 || get(s, EXPORTS) > 0) return copyOf(s, size(s));
            if (size(s) != bufLen(s)) {
                if (shared(s)) unshare(s, size(s));
                else set(s, BUF, copyOf(s, size(s)));
            }
            return vm.incref(buf(s));
        });
        defMethod("getbuffer", (s, a, o, n, kw) -> {
            Params.unpack(vm, "getbuffer", n, kw, 0, 0);
            check(s);
            if (shared(s)) unshare(s, size(s));
            long view = st.bytesioBuffer.create(s);
            try {
                return vm.memoryViewOver(view);
            } finally {
                heap.decref(view);
            }
        });
        defMethod("read", (s, a, o, n, kw) -> readSized(s, a, o, n, kw, "read"));
        defMethod("read1", (s, a, o, n, kw) -> readSized(s, a, o, n, kw, "read1"));
        defMethod("readline", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "readline", new String[] {"size"}, 0, 1, 1, a, o, n, kw);
            long size = optSize(p[0]);
            check(s);
            return readBytes(s, scanEol(s, size));
        });
        defMethod("readlines", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "readlines", new String[] {"size"}, 0, 1, 1, a, o, n, kw);
            long maxsize = optSize(p[0]);
            check(s);
            long list = heap.lists.alloc(0);
            long total = 0;
            for (long len = scanEol(s, -1); len != 0; len = scanEol(s, -1)) {
                byte[] b = new byte[(int) len];
                Native.copyTo(buf(s) + BytesType.SVAL + pos(s), b, 0, (int) len);
                put(s, POS, pos(s) + len);
                long line = heap.bytes.of(b);
                heap.lists.append(list, line);
                heap.decref(line);
                total += len;
                if (maxsize > 0 && total >= maxsize) break;
            }
            return list;
        });
        for (String name : new String[] {"readinto"}) {  // readinto1 is _BufferedIOBase's, through read1
            defMethod(name, (s, a, o, n, kw) -> {
                Params.unpack(vm, name, n, kw, 1, 1);
                check(s);
                long target = a[o];
                byte[] cur = vm.bytesLike(target);
                if (cur == null) throw vm.error("TypeError", name + "() argument must be read-write bytes-like object, not " + vm.typeName(target));
                long len = Math.min(cur.length, Math.max(0, size(s) - pos(s)));
                byte[] b = new byte[(int) len];
                Native.copyTo(buf(s) + BytesType.SVAL + pos(s), b, 0, (int) len);
                vm.writeBuffer(target, 0, b);
                put(s, POS, pos(s) + len);
                return vm.newInt(len);
            });
        }
        defMethod("truncate", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "truncate", new String[] {"size"}, 0, 1, 1, a, o, n, kw);
            check(s);
            checkExports(s);
            long size = p[0] == 0 || p[0] == heap.None ? pos(s) : optSize(p[0]);  // _Py_convert_optional_to_ssize_t
            if (size < 0) throw vm.error("ValueError", "negative size value " + size);
            if (size < size(s)) {
                put(s, STRING_SIZE, size);
                resize(s, size);
            }
            return vm.newInt(size);
        });
        defMethod("seek", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "seek", new String[] {"pos", "whence"}, 1, 2, 2, a, o, n, kw);
            long pos = Params.ssize(vm, p[0]);
            int whence = p[1] == 0 ? 0 : (int) Params.ssize(vm, p[1]);
            check(s);
            if (pos < 0 && whence == 0) throw vm.error("ValueError", "negative seek value " + pos);
            if (whence == 1) pos = pos > Long.MAX_VALUE - pos(s) ? Long.MAX_VALUE : pos + pos(s);
            else if (whence == 2) pos = pos > Long.MAX_VALUE - size(s) ? Long.MAX_VALUE : pos + size(s);
            else if (whence != 0) throw vm.error("ValueError", "invalid whence (" + whence + ", should be 0, 1 or 2)");
            if (pos < 0) pos = 0;
            put(s, POS, pos);
            return vm.newInt(pos);
        });
        defMethod("tell", (s, a, o, n, kw) -> {
            Params.unpack(vm, "tell", n, kw, 0, 0);
            check(s);
            return vm.newInt(pos(s));
        });
        defMethod("write", (s, a, o, n, kw) -> {
            Params.unpack(vm, "write", n, kw, 1, 1);
            check(s);
            checkExports(s);
            return vm.newInt(writeBytes(s, bytesArg(a[o])));
        });
        defMethod("writelines", (s, a, o, n, kw) -> {
            Params.unpack(vm, "writelines", n, kw, 1, 1);
            check(s);
            vm.forEach(a[o], line -> writeBytes(s, bytesArg(line)));
            return none();
        });
        for (String m : new String[] {"readable", "writable", "seekable"}) {
            defMethod(m, (s, a, o, n, kw) -> {
                Params.unpack(vm, m, n, kw, 0, 0);
                check(s);
                return bool(true);
            });
        }
        defMethod("flush", (s, a, o, n, kw) -> {
            Params.unpack(vm, "flush", n, kw, 0, 0);
            check(s);
            return none();
        });
        defMethod("isatty", (s, a, o, n, kw) -> {
            Params.unpack(vm, "isatty", n, kw, 0, 0);
            check(s);
            return bool(false);
        });
        defMethod("close", (s, a, o, n, kw) -> {
            Params.unpack(vm, "close", n, kw, 0, 0);
            checkExports(s);
            set(s, BUF, 0);
            return none();
        });
        defSlotWrapper("__next__", (s, a, o, n, kw) -> {
            Params.unpack(vm, "__next__", n, kw, 0, 0);
            long line = nextOf(s);
            if (line == 0) throw vm.error("StopIteration", null);
            return line;
        });
        defSlotWrapper("__iter__", (s, a, o, n, kw) -> {  // PyObject_SelfIter: no closed check
            Params.unpack(vm, "__iter__", n, kw, 0, 0);
            return vm.incref(s);
        });
        defMethod("__sizeof__", (s, a, o, n, kw) -> {
            Params.unpack(vm, "__sizeof__", n, kw, 0, 0);
            return vm.newInt(heap.typeOf(s).sizeOf(s));  // bytesio_sizeof: the buffer counts while not shared
        });
        defMethod("__getstate__", (s, a, o, n, kw) -> { throw vm.error("NotImplementedError", "refheap does not support BytesIO.__getstate__ yet"); });
        defMethod("__setstate__", (s, a, o, n, kw) -> { throw vm.error("NotImplementedError", "refheap does not support BytesIO.__setstate__ yet"); });
    }

    @Override
    public boolean isIteratorType() { return true; }

    /** bytesio_iternext: the next line, 0 at the end. */
    @Override
    public long nextOf(long o) {
        check(o);
        long n = scanEol(o, -1);
        if (n == 0) return 0;
        return readBytes(o, n);
    }
}
