package dev.refheap.lang.modules.io;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.modules.posix.PosixFiles;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.BytesType;
import dev.refheap.object.PyType;
import java.io.ByteArrayOutputStream;

/**
 * {@code _io.FileIO}: CPython 3.11's fileio struct, 48 bytes plus the GC head:
 * <pre> refcnt | type | fd (int) | flags (int bitfield) | blksize | weakreflist | dict </pre>
 * flags: created, readable, writable, appending, seekable known/yes (2 bits: unknown until asked),
 * closefd, finalizing. The file's name lives in the instance dict ({@code name}), as
 * FileIO.__init__ stores it with setattr. States: not yet open (fd -1), open (fd >= 0), closed
 * (fd -1 again; close() closes the descriptor when closefd). Reads and writes are the system calls
 * through {@link PosixFiles}; errors are OSError subclasses from errno.
 */
final class FileIOType extends IoType {
    static final int FD = 16, FLAGS = 20, BLKSIZE = 24, WEAKREFLIST = 32, DICT = 40;
    static final int CREATED = 1, READABLE = 2, WRITABLE = 4, APPENDING = 8, SEEK_KNOWN = 16, SEEKABLE = 32, CLOSEFD = 64, FINALIZING = 128;

    FileIOType(VmApi vm, IoModule.State st, PyType base) {
        super(vm, st, "_io.FileIO", base, PyType.HAVE_GC | PyType.BASETYPE, 48, DICT, WEAKREFLIST, DICT);
    }

    static int fd(long o) { return Native.getInt(o + FD); }

    static int flags(long o) { return Native.getInt(o + FLAGS); }

    private static void setFd(long o, int fd) { Native.putInt(o + FD, fd); }

    private static void setFlags(long o, int f) { Native.putInt(o + FLAGS, f); }

    private static boolean has(long o, int f) { return (flags(o) & f) != 0; }

    @Override
    public void initSubtypeInstance(long o) {
        setFd(o, -1);
        setFlags(o, CLOSEFD);
    }

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        long o = alloc();
        initSubtypeInstance(o);
        return trackAndInit(o, a, off, n, kwnames, this::init);
    }

    @Override
    void markFinalizing(long o) { setFlags(o, flags(o) | FINALIZING); }

    @Override
    void setBlksize(long o, long v) { Native.putLong(o + BLKSIZE, v); }

    @Override
    void setFinalizing(long o, boolean on) { setFlags(o, on ? flags(o) | FINALIZING : flags(o) & ~FINALIZING); }

    @Override
    void closeAtExit(long o) {
        if (fd(o) >= 0 && has(o, CLOSEFD)) PosixFiles.close(fd(o));
        setFd(o, -1);
    }

    /** The path as the bytes the system call takes (str: UTF-8 with surrogateescape); a new reference in {@code keep[0]}. */
    byte[] pathBytes(long name) {
        long p = name;
        boolean own = false;
        if (!vm.isStr(p) && heap.typeOf(p) != heap.bytes && vm.typeHas(p, "__fspath__")) {
            p = vm.callMethod(p, "__fspath__");
            own = true;
        }
        try {
            byte[] b;
            if (vm.isStr(p)) {
                long enc = vm.fsEncode(p);
                try {
                    b = BytesType.value(enc);
                } finally {
                    heap.decref(enc);
                }
            } else if (heap.typeOf(p) == heap.bytes) {
                b = BytesType.value(p);
            } else {
                throw vm.error("TypeError", "expected str, bytes or os.PathLike object, not " + vm.typeName(p));
            }
            for (byte c : b) if (c == 0) throw vm.error("ValueError", "embedded null byte");
            return b;
        } finally {
            if (own) heap.decref(p);
        }
    }

    private static final String[] INIT = {"file", "mode", "closefd", "opener"};

    /** _io_FileIO___init___impl. */
    void init(long o, long[] a, int off, int n, long kw) {
        long[] p = Params.parse(vm, "FileIO", INIT, 1, 4, 0, a, off, n, kw);
        long nameobj = p[0];
        String mode = p[1] == 0 ? "r" : vm.isStr(p[1]) ? vm.strValue(p[1]) : null;
        if (mode == null) throw vm.error("TypeError", "FileIO() argument 'mode' must be str, not " + vm.typeName(p[1]));
        boolean closefd = p[2] == 0 || vm.truthy(p[2]);
        long opener = p[3] == 0 ? heap.None : p[3];
        if (fd(o) >= 0) {
            if (has(o, CLOSEFD)) PosixFiles.close(fd(o));
            setFd(o, -1);
        }
        int fd = -1;
        if (vm.isFloat(nameobj)) throw vm.error("TypeError", "integer argument expected, got float");
        if (vm.isInt(nameobj)) {
            long v = Params.ssize(vm, nameobj);
            if (v < 0) throw vm.error("ValueError", "negative file descriptor");
            if (v > Integer.MAX_VALUE) throw vm.error("OverflowError", "Python int too large to convert to C int");
            fd = (int) v;
        }
        byte[] path = fd < 0 ? pathBytes(nameobj) : null;
        boolean rwa = false, plus = false;
        int f = 0, flagsOs = 0;
        for (int i = 0; i < mode.length(); i++) {
            char c = mode.charAt(i);
            switch (c) {
                case 'x' -> {
                    if (rwa) throw badMode();
                    rwa = true;
                    f |= CREATED | WRITABLE;
                    flagsOs |= PosixFiles.O_EXCL | PosixFiles.O_CREAT;
                }
                case 'r' -> {
                    if (rwa) throw badMode();
                    rwa = true;
                    f |= READABLE;
                }
                case 'w' -> {
                    if (rwa) throw badMode();
                    rwa = true;
                    f |= WRITABLE;
                    flagsOs |= PosixFiles.O_CREAT | PosixFiles.O_TRUNC;
                }
                case 'a' -> {
                    if (rwa) throw badMode();
                    rwa = true;
                    f |= WRITABLE | APPENDING;
                    flagsOs |= PosixFiles.O_APPEND | PosixFiles.O_CREAT;
                }
                case 'b' -> { }
                case '+' -> {
                    if (plus) throw badMode();
                    f |= READABLE | WRITABLE;
                    plus = true;
                }
                default -> throw vm.error("ValueError", "invalid mode: " + mode);
            }
        }
        if (!rwa) throw badMode();
        if ((f & READABLE) != 0 && (f & WRITABLE) != 0) flagsOs |= PosixFiles.O_RDWR;
        else if ((f & READABLE) != 0) flagsOs |= PosixFiles.O_RDONLY;
        else flagsOs |= PosixFiles.O_WRONLY;
        if (fd >= 0) {
            if (closefd) f |= CLOSEFD;
        } else {
            f |= CLOSEFD;
            if (!closefd) throw vm.error("ValueError", "Cannot use closefd=False with file name");
            if (opener == heap.None) {
                fd = PosixFiles.open(path, flagsOs, 0666);
                if (fd < 0) throw PosixFiles.error(vm, nameobj);
            } else {
                long flagsObj = vm.newInt(flagsOs | PosixFiles.O_CLOEXEC);
                long r;
                try {
                    r = vm.call(opener, nameobj, flagsObj);
                } finally {
                    heap.decref(flagsObj);
                }
                try {
                    if (!vm.isInt(r)) throw vm.error("TypeError", "expected integer from opener");
                    long v = Params.ssize(vm, r);
                    if (v < 0) throw vm.error("ValueError", "opener returned " + v);
                    fd = (int) v;
                } finally {
                    heap.decref(r);
                }
            }
        }
        setFd(o, fd);
        setFlags(o, f);
        Native.putLong(o + BLKSIZE, IoModule.DEFAULT_BUFFER_SIZE);
        try {
            long[] stat = PosixFiles.fstat(fd);
            if (stat == null) {
                if (PosixFiles.errno() == PosixFiles.EBADF) throw PosixFiles.error(vm, 0);
            } else {
                if ((stat[0] & 0170000) == 0040000) {
                    throw vm.osError(PosixFiles.EISDIR, PosixFiles.strerror(PosixFiles.EISDIR), nameobj, 0);
                }
                if (stat[2] > 1) Native.putLong(o + BLKSIZE, stat[2]);
            }
            heap.dicts.setItem(dict(o), "name", nameobj);
            if ((f & APPENDING) != 0) PosixFiles.lseek(fd, 0, 2);  // as if every write seeks to the end
        } catch (RuntimeException e) {
            if (has(o, CLOSEFD) && path != null) PosixFiles.close(fd);
            setFd(o, -1);
            throw e;
        }
    }

    private PyException badMode() {
        return vm.error("ValueError", "Must have exactly one of create/read/write/append mode and at most one plus");
    }

    static String modeString(long o) {
        int f = flags(o);
        if ((f & CREATED) != 0) return (f & READABLE) != 0 ? "xb+" : "xb";
        if ((f & APPENDING) != 0) return (f & READABLE) != 0 ? "ab+" : "ab";
        if ((f & READABLE) != 0) return (f & WRITABLE) != 0 ? "rb+" : "rb";
        return "wb";
    }

    private void check(long o) {
        if (fd(o) < 0) throw vm.error("ValueError", "I/O operation on closed file");
    }

    private void checkReadable(long o) {
        check(o);
        if (!has(o, READABLE)) throw unsupported("File not open for reading");
    }

    private void checkWritable(long o) {
        check(o);
        if (!has(o, WRITABLE)) throw unsupported("File not open for writing");
    }

    @Override
    long ownAttr(long o, String attrName) {
        return switch (attrName) {
            case "closed" -> bool(fd(o) < 0);
            case "closefd" -> bool(has(o, CLOSEFD));
            case "mode" -> vm.str(modeString(o));
            case "_blksize" -> vm.newInt(Native.getLong(o + BLKSIZE));
            case "_finalizing" -> bool(has(o, FINALIZING));
            default -> 0;
        };
    }

    /** read(2) of up to n bytes (null: EAGAIN on a non-blocking fd). */
    byte[] readRaw(long o, long n) {
        PosixFiles.awaitReadable(vm, fd(o));  // Ctrl-C interrupts a read that waits (sys.stdin from a terminal or a pipe)
        byte[] b = PosixFiles.read(fd(o), n);
        if (b == null) {
            if (PosixFiles.errno() == 11) return null;
            throw PosixFiles.error(vm, 0);
        }
        return b;
    }

    long writeRaw(long o, byte[] data, int off, int len) {
        java.io.PrintStream sink = fd(o) == 1 || fd(o) == 2 ? vm.stdSink(o) : null;
        if (sink != null) {  // an embedder's captured stdout or stderr stands for the descriptor
            sink.write(data, off, len);
            sink.flush();
            return len;
        }
        long r = PosixFiles.writeInterruptibly(vm, fd(o), data, off, len);  // a signal interrupts a write that waits for room
        if (r < 0) {
            if (PosixFiles.errno() == 11) return -1;
            throw PosixFiles.error(vm, 0);
        }
        return r;
    }

    /** _io_FileIO_readall_impl: to the end, sized by fstat when it can. */
    byte[] readall(long o) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long chunk = IoModule.DEFAULT_BUFFER_SIZE;
        long[] stat = PosixFiles.fstat(fd(o));
        long pos = PosixFiles.lseek(fd(o), 0, 1);
        if (stat != null && stat[1] > 0 && pos >= 0 && stat[1] >= pos) chunk = Math.max(1, stat[1] - pos + 1);
        while (true) {
            byte[] b = readRaw(o, Math.min(chunk, 1 << 26));
            if (b == null) {
                if (out.size() == 0) return null;
                break;
            }
            if (b.length == 0) break;
            out.write(b, 0, b.length);
            chunk = Math.max(IoModule.DEFAULT_BUFFER_SIZE, out.size());
        }
        return out.toByteArray();
    }

    long seekRaw(long o, long pos, int whence) {
        long r = PosixFiles.lseek(fd(o), pos, whence);
        if (r < 0) throw PosixFiles.error(vm, 0);
        setFlags(o, flags(o) | SEEK_KNOWN | SEEKABLE);
        return r;
    }

    boolean seekable(long o) {
        if (!has(o, SEEK_KNOWN)) {
            long r = PosixFiles.lseek(fd(o), 0, 1);
            setFlags(o, flags(o) | SEEK_KNOWN | (r >= 0 ? SEEKABLE : 0));
        }
        return has(o, SEEKABLE);
    }

    /** close(): the base class's close (flush, the closed flag), then the descriptor. */
    void closeFd(long o) {
        int fd = fd(o);
        setFd(o, -1);
        if (fd >= 0 && has(o, CLOSEFD)) {
            if (PosixFiles.close(fd) < 0) throw PosixFiles.error(vm, 0);
        }
    }

    void install() {
        defSlotWrapper("__init__", (s, a, o, n, kw) -> {
            init(s, a, o, n, kw);
            return none();
        });
        defMethod("read", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "read", new String[] {"size"}, 0, 1, 1, a, o, n, kw);
            long size = optSize(p[0]);
            checkReadable(s);
            byte[] b = size < 0 ? readall(s) : readRaw(s, size);
            return b == null ? none() : heap.bytes.of(b);
        });
        defMethod("readall", (s, a, o, n, kw) -> {
            Params.unpack(vm, "readall", n, kw, 0, 0);
            check(s);
            byte[] b = readall(s);
            return b == null ? none() : heap.bytes.of(b);
        });
        defMethod("readinto", (s, a, o, n, kw) -> {
            Params.unpack(vm, "readinto", n, kw, 1, 1);
            checkReadable(s);
            byte[] cur = vm.bytesLike(a[o]);
            if (cur == null) throw vm.error("TypeError", "readinto() argument must be read-write bytes-like object, not " + vm.argTypeName(a[o]));
            byte[] b = readRaw(s, cur.length);
            if (b == null) return none();
            vm.writeBuffer(a[o], 0, b);
            return vm.newInt(b.length);
        });
        defMethod("write", (s, a, o, n, kw) -> {
            Params.unpack(vm, "write", n, kw, 1, 1);
            checkWritable(s);
            byte[] b = vm.bytesLike(a[o]);
            if (b == null) throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(a[o]) + "'");
            long r = writeRaw(s, b, 0, b.length);
            return r < 0 ? none() : vm.newInt(r);
        });
        defMethod("seek", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "seek", new String[] {"pos", "whence"}, 1, 2, 2, a, o, n, kw);
            check(s);
            if (vm.isFloat(p[0])) throw vm.error("TypeError", "an integer is required");
            long pos = Params.ssize(vm, p[0]);
            int whence = p[1] == 0 ? 0 : (int) Params.ssize(vm, p[1]);
            return vm.newInt(seekRaw(s, pos, whence));
        });
        defMethod("tell", (s, a, o, n, kw) -> {
            Params.unpack(vm, "tell", n, kw, 0, 0);
            check(s);
            return vm.newInt(seekRaw(s, 0, 1));
        });
        defMethod("truncate", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "truncate", new String[] {"size"}, 0, 1, 1, a, o, n, kw);
            checkWritable(s);
            long size = p[0] == 0 || p[0] == heap.None ? seekRaw(s, 0, 1) : Params.ssize(vm, p[0]);
            if (PosixFiles.ftruncate(fd(s), size) != 0) throw PosixFiles.error(vm, 0);
            return vm.newInt(size);
        });
        defMethod("close", (s, a, o, n, kw) -> {
            Params.unpack(vm, "close", n, kw, 0, 0);
            PyException first = null;
            try {
                IOBaseType.closeGeneric(vm, s);
            } catch (PyException e) {
                first = e;
            }
            if (has(s, FINALIZING)) deallocWarn(s, s);  // closed by its finalizer: "unclosed file"
            try {
                closeFd(s);
            } catch (PyException e) {
                if (first == null) first = e;
                else heap.decref(e.exc());
            }
            if (first != null) throw first;
            return none();
        });
        defMethod("seekable", (s, a, o, n, kw) -> {
            check(s);
            return bool(seekable(s));
        });
        defMethod("readable", (s, a, o, n, kw) -> {
            check(s);
            return bool(has(s, READABLE));
        });
        defMethod("writable", (s, a, o, n, kw) -> {
            check(s);
            return bool(has(s, WRITABLE));
        });
        defMethod("fileno", (s, a, o, n, kw) -> {
            check(s);
            return vm.newInt(fd(s));
        });
        defMethod("isatty", (s, a, o, n, kw) -> {
            check(s);
            return bool(PosixFiles.isatty(fd(s)));
        });
        defMethod("_dealloc_warn", (s, a, o, n, kw) -> {
            Params.unpack(vm, "_dealloc_warn", n, kw, 1, 1);
            deallocWarn(s, a[o]);
            return none();
        });
        defSlotWrapper("__repr__", (s, a, o, n, kw) -> {
            Params.unpack(vm, "__repr__", n, kw, 0, 0);
            return vm.str(reprOf(s));
        });
        defSlotWrapper("__getattribute__", (s, a, o, n, kw) -> {  // PyObject_GenericGetAttr, set as fileio's tp_getattro
            Params.unpack(vm, "__getattribute__", n, kw, 1, 1);
            return vm.genericGetAttr(s, a[o]);
        });
    }

    /**
     * fileio_dealloc_warn: an open descriptor this object would close is a ResourceWarning
     * "unclosed file" naming {@code source} (the object finalized: this one, or the buffered or text
     * object over it); a warning turned into an error is reported as unraisable in this object,
     * any other error dropped.
     */
    void deallocWarn(long o, long source) {
        if (fd(o) < 0 || !has(o, CLOSEFD)) return;
        try {
            vm.resourceWarning(source, "unclosed file " + vm.repr(source));
        } catch (PyException e) {
            if (vm.isInstance(e, "Warning")) vm.writeUnraisable(e, null, o);
            else heap.decref(e.exc());
        }
    }

    @Override
    public String reprOf(long o) {
        String type = "_io.FileIO";
        if (fd(o) < 0) return "<" + type + " [closed]>";
        long name = vm.getAttrOrNull(o, "name");
        String closefd = has(o, CLOSEFD) ? "True" : "False";
        if (name == 0) return "<" + type + " fd=" + fd(o) + " mode='" + modeString(o) + "' closefd=" + closefd + ">";
        try {
            return "<" + type + " name=" + vm.repr(name) + " mode='" + modeString(o) + "' closefd=" + closefd + ">";
        } finally {
            heap.decref(name);
        }
    }

    /** IOBase's iteration: next() is readline() (IOBase's, over read) until it is empty; a closed file's readline is ValueError. */
    @Override
    public boolean isIteratorType() { return true; }

    @Override
    public long nextOf(long o) { return IOBaseType.nextLine(vm, o); }
}
