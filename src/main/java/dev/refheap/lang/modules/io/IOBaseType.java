package dev.refheap.lang.modules.io;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.PyType;

/**
 * {@code _io._IOBase} and its abstract children {@code _RawIOBase}, {@code _BufferedIOBase},
 * {@code _TextIOBase}: CPython 3.11's iobase struct, 32 bytes plus the GC head,
 * <pre> refcnt | type | dict | weakreflist </pre>
 * tracked, traverse visits the dict. Their methods are CPython's generic ones, written in terms
 * of the instance's own methods (close() calls self.flush(), readline() calls self.read(1) or
 * peek, __next__ calls self.readline()...), so a Python subclass that supplies read/readinto/
 * write gets the rest. "Closed" is the {@code __IOBase_closed} entry of the instance dict.
 */
final class IOBaseType extends IoType {
    static final int DICT = 16, WEAKREFLIST = 24;

    enum Kind { IOBASE, RAW, BUFFERED, TEXT }

    final Kind kind;

    IOBaseType(VmApi vm, IoModule.State st, Kind kind, PyType base) {
        super(vm, st, "_io." + switch (kind) {
            case IOBASE -> "_IOBase";
            case RAW -> "_RawIOBase";
            case BUFFERED -> "_BufferedIOBase";
            case TEXT -> "_TextIOBase";
        }, base, PyType.HAVE_GC | PyType.BASETYPE, 32, DICT, WEAKREFLIST, DICT);
        this.kind = kind;
    }

    @Override
    public boolean inheritsTpNew() { return kind != Kind.IOBASE; }

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        long o = alloc();
        heap.track(o);
        return o;
    }

    // ---- closed -------------------------------------------------------------------------------------

    /** iobase_is_closed: the instance dict has {@code __IOBase_closed}. */
    static boolean iobaseClosed(VmApi vm, long o) {
        IoType t = ioBase(vm, o);
        if (t == null) return false;
        long d = Native.getLong(o + t.dictOff);
        return d != 0 && vm.heap.dicts.getItem(d, "__IOBase_closed") != 0;
    }

    /** self.closed, through the attribute (subclasses override it). */
    static boolean closedAttr(VmApi vm, long o) {
        long c = vm.getAttrOrNull(o, "closed");
        if (c == 0) throw vm.error("AttributeError", "'" + vm.typeName(o) + "' object has no attribute 'closed'");
        return vm.truthyNew(c);
    }

    /** _io__IOBase_close_impl: once, self.flush(), then the closed flag (set even when flush fails). */
    static void closeGeneric(VmApi vm, long s) {
        if (iobaseClosed(vm, s)) return;
        PyException flushError = null;
        try {
            vm.heap.decref(vm.callMethod(s, "flush"));
        } catch (PyException e) {
            flushError = e;
        }
        IoType t = ioBase(vm, s);
        vm.heap.dicts.setItem(t.dict(s), "__IOBase_closed", vm.heap.True);
        if (flushError != null) throw flushError;
    }

    static void checkClosed(VmApi vm, long o) {
        if (closedAttr(vm, o)) throw vm.error("ValueError", "I/O operation on closed file.");
    }

    @Override
    long ownAttr(long o, String attrName) {
        if (attrName.equals("closed")) return bool(iobaseClosed(vm, o));
        if (kind == Kind.TEXT && (attrName.equals("encoding") || attrName.equals("newlines") || attrName.equals("errors"))) return none();
        return 0;
    }

    // ---- the methods ----------------------------------------------------------------------------------

    void install() {
        switch (kind) {
            case IOBASE -> installIOBase();
            case RAW -> installRaw();
            case BUFFERED -> {
                for (String m : new String[] {"detach", "read", "read1", "write"}) {
                    defMethod(m, (s, a, o, n, kw) -> { throw unsupported(m); });
                }
                defMethod("readinto", (s, a, o, n, kw) -> readinto(s, a, o, n, kw, "read", "readinto"));
                defMethod("readinto1", (s, a, o, n, kw) -> readinto(s, a, o, n, kw, "read1", "readinto1"));
            }
            case TEXT -> {
                for (String m : new String[] {"detach", "read", "readline", "write"}) {
                    defMethod(m, (s, a, o, n, kw) -> { throw unsupported(m); });
                }
            }
        }
    }

    /** _bufferediobase_readinto_generic: data = self.read(len(b)) (or read1), copied into b. */
    private long readinto(long s, long[] a, int o, int n, long kw, String reader, String name) {
        Params.unpack(vm, name, n, kw, 1, 1);
        long buf = a[o];
        byte[] current = vm.bytesLike(buf);
        if (current == null) throw vm.error("TypeError", name + "() argument must be read-write bytes-like object, not " + vm.typeName(buf));
        long len = vm.newInt(current.length);
        long data;
        try {
            data = vm.callMethod(s, reader, len);
        } finally {
            heap.decref(len);
        }
        try {
            byte[] got = vm.bytesLike(data);
            if (got == null || heap.typeOf(data) != heap.bytes) throw vm.error("TypeError", "read() should return bytes");
            if (got.length > current.length) {
                throw vm.error("ValueError", "read() returned too much data: " + current.length + " bytes requested, " + got.length + " returned");
            }
            vm.writeBuffer(buf, 0, got);
            return vm.newInt(got.length);
        } finally {
            heap.decref(data);
        }
    }

    private void installIOBase() {
        defMethod("seek", (s, a, o, n, kw) -> { throw unsupported("seek"); });
        defMethod("truncate", (s, a, o, n, kw) -> { throw unsupported("truncate"); });
        defMethod("fileno", (s, a, o, n, kw) -> { throw unsupported("fileno"); });
        defMethod("tell", (s, a, o, n, kw) -> {
            Params.unpack(vm, "tell", n, kw, 0, 0);
            long zero = vm.newInt(0), one = vm.newInt(1);
            try {
                return vm.callMethod(s, "seek", zero, one);
            } finally {
                heap.decref(zero);
                heap.decref(one);
            }
        });
        defMethod("flush", (s, a, o, n, kw) -> {
            Params.unpack(vm, "flush", n, kw, 0, 0);
            if (iobaseClosed(vm, s)) throw closedError();
            return none();
        });
        defMethod("close", (s, a, o, n, kw) -> {
            Params.unpack(vm, "close", n, kw, 0, 0);
            closeGeneric(vm, s);
            return none();
        });
        defSlotWrapper("__del__", (s, a, o, n, kw) -> {
            finalize(s);
            return none();
        });
        for (String m : new String[] {"seekable", "readable", "writable"}) {
            defMethod(m, (s, a, o, n, kw) -> {
                Params.unpack(vm, m, n, kw, 0, 0);
                return bool(false);
            });
        }
        defCheck("_checkClosed", null);
        defCheck("_checkSeekable", "seekable");
        defCheck("_checkReadable", "readable");
        defCheck("_checkWritable", "writable");
        defMethod("__enter__", (s, a, o, n, kw) -> {
            Params.unpack(vm, "__enter__", n, kw, 0, 0);
            checkClosed(vm, s);
            return vm.incref(s);
        });
        defMethod("__exit__", (s, a, o, n, kw) -> vm.callMethod(s, "close"));
        defMethod("isatty", (s, a, o, n, kw) -> {
            Params.unpack(vm, "isatty", n, kw, 0, 0);
            checkClosed(vm, s);
            return bool(false);
        });
        defSlotWrapper("__iter__", (s, a, o, n, kw) -> {
            Params.unpack(vm, "__iter__", n, kw, 0, 0);
            checkClosed(vm, s);
            return vm.incref(s);
        });
        defSlotWrapper("__next__", (s, a, o, n, kw) -> {
            Params.unpack(vm, "__next__", n, kw, 0, 0);
            long line = vm.callMethod(s, "readline");
            if (vm.callLen(line) == 0) {
                heap.decref(line);
                throw vm.error("StopIteration", null);
            }
            return line;
        });
        defMethod("readline", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "readline", new String[] {"size"}, 0, 1, 1, a, o, n, kw);
            return readlineGeneric(s, optSize(p[0]));
        });
        defMethod("readlines", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "readlines", new String[] {"hint"}, 0, 1, 1, a, o, n, kw);
            return readlines(vm, s, optSize(p[0]));
        });
        defMethod("writelines", (s, a, o, n, kw) -> {
            Params.unpack(vm, "writelines", n, kw, 1, 1);
            checkClosed(vm, s);
            vm.forEach(a[o], line -> heap.decref(vm.callMethod(s, "write", line)));
            return none();
        });
    }

    private void defCheck(String name, String method) {
        defMethod(name, (s, a, o, n, kw) -> {
            if (method == null) {
                checkClosed(vm, s);
                return none();
            }
            long r = vm.callMethod(s, method);
            if (r != heap.True) {
                heap.decref(r);
                String what = method.equals("seekable") ? "seekable" : method.equals("readable") ? "readable" : "writable";
                throw unsupported("File or stream is not " + what + ".");
            }
            return r;
        });
    }

    /** _io__IOBase_readline_impl: peek() when there is one, else read(1) a byte at a time, to b'\n'. */
    private long readlineGeneric(long s, long limit) {
        boolean hasPeek = vm.typeHas(s, "peek");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (limit < 0 || out.size() < limit) {
            long nreadahead = 1;
            if (hasPeek) {
                long one = vm.newInt(1);
                long ra;
                try {
                    ra = vm.callMethod(s, "peek", one);
                } finally {
                    heap.decref(one);
                }
                try {
                    if (heap.typeOf(ra) != heap.bytes) throw vm.error("OSError", "peek() should have returned a bytes object, not '" + vm.typeName(ra) + "'");
                    byte[] b = vm.bytesLike(ra);
                    if (b.length > 0) {
                        int k = 0;
                        long lim = limit >= 0 ? limit - out.size() : b.length;
                        while (k < b.length && k < lim) {
                            if (b[k++] == '\n') break;
                        }
                        nreadahead = k;
                    }
                } finally {
                    heap.decref(ra);
                }
            }
            long want = vm.newInt(nreadahead);
            long b;
            try {
                b = vm.callMethod(s, "read", want);
            } finally {
                heap.decref(want);
            }
            byte[] got;
            try {
                if (heap.typeOf(b) != heap.bytes) throw vm.error("OSError", "read() should have returned a bytes object, not '" + vm.typeName(b) + "'");
                got = vm.bytesLike(b);
            } finally {
                heap.decref(b);
            }
            if (got.length == 0) break;
            out.write(got, 0, got.length);
            if (got[got.length - 1] == '\n') break;
        }
        return heap.bytes.of(out.toByteArray());
    }

    /** _io__IOBase_readlines_impl: list(self) without a hint, else lines until their total passes it. */
    /** iobase_iternext: {@code readline()} by the object's own method, 0 (exhausted) when it is empty. */
    static long nextLine(VmApi vm, long o) {
        long line = vm.callMethod(o, "readline");
        if (vm.callLen(line) == 0) {
            vm.heap.decref(line);
            return 0;
        }
        return line;
    }

    static long readlines(VmApi vm, long s, long hint) {
        var heap = vm.heap;
        checkClosed(vm, s);  // PyObject_GetIter(self): iobase_iter refuses a closed stream
        long list = heap.lists.alloc(0);
        try {
            long it = vm.iter(s);
            try {
                long total = 0;
                for (long line = vm.next(it); line != 0; line = vm.next(it)) {
                    heap.lists.append(list, line);
                    long len = vm.callLen(line);
                    heap.decref(line);
                    total += len;
                    if (hint > 0 && total >= hint) break;
                }
            } finally {
                heap.decref(it);
            }
        } catch (RuntimeException e) {
            heap.decref(list);
            throw e;
        }
        return list;
    }

    private void installRaw() {
        defMethod("read", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "read", new String[] {"size"}, 0, 1, 1, a, o, n, kw);
            long size = optSize(p[0]);
            if (size < 0) return vm.callMethod(s, "readall");
            long sz = vm.newInt(size);
            long ba;
            try {
                ba = vm.call(heap.dicts.getItem(vm.builtinsDict(), "bytearray"), sz);
            } finally {
                heap.decref(sz);
            }
            try {
                long r = vm.callMethod(s, "readinto", ba);
                try {
                    if (r == heap.None) return none();
                    long got = Params.ssize(vm, r);
                    byte[] all = vm.bytesLike(ba);
                    if (got < 0 || got > all.length) throw vm.error("ValueError", "readinto returned " + got + " outside buffer size " + all.length);
                    return heap.bytes.of(java.util.Arrays.copyOf(all, (int) got));
                } finally {
                    heap.decref(r);
                }
            } finally {
                heap.decref(ba);
            }
        });
        defMethod("readall", (s, a, o, n, kw) -> {
            Params.unpack(vm, "readall", n, kw, 0, 0);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            while (true) {
                long size = vm.newInt(IoModule.DEFAULT_BUFFER_SIZE);
                long data;
                try {
                    data = vm.callMethod(s, "read", size);
                } finally {
                    heap.decref(size);
                }
                if (data == heap.None) {
                    if (out.size() == 0) return data;
                    heap.decref(data);
                    break;
                }
                try {
                    if (heap.typeOf(data) != heap.bytes) throw vm.error("TypeError", "read() should return bytes");
                    byte[] b = vm.bytesLike(data);
                    if (b.length == 0) break;
                    out.write(b, 0, b.length);
                } finally {
                    heap.decref(data);
                }
            }
            return heap.bytes.of(out.toByteArray());
        });
        defMethod("readinto", (s, a, o, n, kw) -> { throw vm.error("NotImplementedError", null); });
        defMethod("write", (s, a, o, n, kw) -> { throw vm.error("NotImplementedError", null); });
    }
}
