package dev.refheap.lang.modules.posix;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.PyType;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code posix.ScandirIterator} and {@code posix.DirEntry}, CPython 3.11's (heap types, not GC):
 * <pre>
 * ScandirIterator (104): refcnt | type | path_t (..., fd at 56, object at 72, cleanup at 80) | DIR* at 88 | fd at 96
 * DirEntry (72):         refcnt | type | name | path | stat | lstat | d_type (byte) | d_ino | dir_fd (int)
 * </pre>
 * The iterator reads the directory with opendir/readdir (skipping "." and ".."), closes it when
 * exhausted, by close()/__exit__, or when freed. An entry answers is_dir/is_file/is_symlink from
 * d_type when it can and otherwise stats the path once, caching stat and lstat as CPython does.
 * scandir(fd) reads a duplicate of the descriptor (fdopendir; the iterator's fd at 96, closed with
 * its stream after a rewinddir, so the caller's descriptor is left at its start): its entries'
 * path is their name, and they stat it relative to the caller's descriptor (dir_fd, fstatat).
 * The path_t's nullable slot (32) holds whether names come back as bytes (decided once, from
 * the path as converted: bytes, a bytes-like object or an os.PathLike giving bytes).
 */
final class ScandirTypes {
    static final int DT_UNKNOWN = 0, DT_DIR = 4, DT_REG = 8, DT_LNK = 10;
    static final int S_IFMT = 0170000, S_IFDIR = 0040000, S_IFREG = 0100000, S_IFLNK = 0120000;

    interface EntrySink {
        void accept(byte[] name, int type, long ino);
    }

    final EntryType entry;
    final IteratorType iterator;
    private final VmApi vm;

    ScandirTypes(VmApi vm, Posix.State st, long module) {
        this(vm, st, true, module);
    }

    /**
     * The types, registered with their methods, or ({@code register} false) made for a start-up
     * image's type objects, which have their methods already: the methods' implementations are
     * only recorded, for the image's descriptors to find.
     */
    ScandirTypes(VmApi vm, Posix.State st, boolean register, long module) {
        this.vm = vm;
        // heap types made with the module (PyType_FromModuleAndSpec: ht_module), in posixmodule_exec's order
        entry = register ? vm.registerHeapType(new EntryType(vm, st), module) : new EntryType(vm, st);
        if (register) {
            entry.install();
            vm.readyHeapType(entry);
        }
        iterator = register ? vm.registerHeapType(new IteratorType(vm, this), module) : new IteratorType(vm, this);
        if (register) {
            iterator.install();
            vm.readyHeapType(iterator);
        } else {
            entry.defineForImage(entry::install);
            iterator.defineForImage(iterator::install);
        }
    }

    private static final FunctionDescriptor P_P = FunctionDescriptor.of(Libc.PTR, Libc.PTR);

    /**
     * opendir of a path, or for a descriptor fdopendir of a duplicate (closedir closes what it
     * reads: CPython's _Py_dup, non-inheritable), which {@link #closedir(long, boolean)} rewinds.
     */
    static long opendir(VmApi vm, PathArg path) {
        if (path.isFd()) {
            long fd = Libc.call("fcntl", FunctionDescriptor.of(Libc.INT, Libc.INT, Libc.INT, Libc.INT), path.fd(), 1030, 0);  // F_DUPFD_CLOEXEC
            if (fd < 0) throw Posix.error(vm, 0, 0);
            long dir = Libc.call("fdopendir", FunctionDescriptor.of(Libc.PTR, Libc.INT), (int) fd);
            if (dir == 0) {
                PyException e = path.error(vm);
                Libc.call("close", Libc.I_I, (int) fd);
                throw e;
            }
            return dir;
        }
        try (Arena arena = Arena.ofConfined()) {
            long dir = Libc.call("opendir", P_P, Libc.cString(arena, path.bytes()));
            if (dir == 0) throw path.error(vm);
            return dir;
        }
    }

    /** readdir: the next entry other than "." and "..", or false at the end. */
    static boolean next(long dir, EntrySink sink) {
        while (true) {
            long e = Libc.call("readdir", P_P, MemorySegment.ofAddress(dir));
            if (e == 0) return false;
            MemorySegment d = MemorySegment.ofAddress(e).reinterpret(19 + 256);
            String probe = d.getString(19, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (probe.equals(".") || probe.equals("..")) continue;
            sink.accept(probe.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), d.get(ValueLayout.JAVA_BYTE, 18) & 0xff, d.get(Libc.LONG, 0));
            return true;
        }
    }

    /**
     * closedir; a stream over a duplicated descriptor is rewound first (the duplicate shares the
     * caller's file offset, which a later listdir or scandir of it then reads from the start).
     */
    static void closedir(long dir, boolean overFd) {
        if (overFd) Libc.call("rewinddir", FunctionDescriptor.ofVoid(Libc.PTR), MemorySegment.ofAddress(dir));
        Libc.call("closedir", Libc.I_P, MemorySegment.ofAddress(dir));
    }

    /** listdir's loop: every entry's name, in readdir's order. */
    static void readDir(VmApi vm, PathArg path, EntrySink sink) {
        long dir = opendir(vm, path);
        try {
            while (next(dir, sink)) { }
        } finally {
            closedir(dir, path.isFd());
        }
    }

    long open(PathArg path) {
        long dir = opendir(vm, path);
        return iterator.create(path, dir);
    }

    /** {@code posix.ScandirIterator}. */
    static final class IteratorType extends FieldsType {
        static final int BYTES = 32, PATH_FD = 56, OBJECT = 72, CLEANUP = 80, DIRP = 88, FD = 96;
        private final ScandirTypes types;

        IteratorType(VmApi vm, ScandirTypes types) {
            super(vm, "posix.ScandirIterator", PyType.HEAPTYPE, 104, 0, OBJECT, CLEANUP);
            cpythonFlags(0x1281);  // READY | HEAPTYPE | DISALLOW_INSTANTIATION, and bit 0 as CPython 3.11.7 reports it
            this.types = types;
        }

        @Override
        protected boolean heapTypeInstances() { return true; }

        /** How many iterators hold a directory stream (a start-up image cannot carry one: the stream is the C library's). */
        int open;

        long create(PathArg path, long dir) {
            long o = alloc();
            open++;
            put(o, OBJECT, path.filename(vm));  // path_t's object: __fspath__'s result for an os.PathLike
            if (!path.isFd()) put(o, CLEANUP, heap.bytes.of(path.bytes()));
            put(o, DIRP, dir);
            Native.putInt(o + PATH_FD, path.isFd() ? path.fd() : -1);
            Native.putInt(o + FD, path.isFd() ? (int) Libc.call("dirfd", Libc.I_P, MemorySegment.ofAddress(dir)) : -1);
            Native.putInt(o + BYTES, path.isBytes() ? 1 : 0);
            return o;
        }

        private void close(long o) {
            long dir = get(o, DIRP);
            if (dir != 0) {
                put(o, DIRP, 0);
                open--;
                closedir(dir, Native.getInt(o + PATH_FD) >= 0);
            }
        }

        @Override
        public boolean isIteratorType() { return true; }

        @Override
        public long nextOf(long o) {
            long dir = get(o, DIRP);
            if (dir == 0) return 0;
            long[] out = {0};
            int dirFd = Native.getInt(o + PATH_FD);
            boolean isBytes = Native.getInt(o + BYTES) != 0;
            byte[] base = get(o, OBJECT) == heap.None || dirFd >= 0 ? null : dev.refheap.object.BytesType.value(get(o, CLEANUP));
            if (!next(dir, (name, type, ino) -> out[0] = types.entry.create(base, name, isBytes, type, ino, dirFd))) {
                close(o);
                return 0;
            }
            return out[0];
        }

        @Override
        public boolean hasFinalizer() { return true; }

        /** tp_dealloc: the finalizer first (PyObject_CallFinalizerFromDealloc; it may resurrect), then the fields. */
        @Override
        public void dealloc(long o) {
            if (heap.callFinalizerFromDealloc(o, this)) return;
            close(o);
            super.dealloc(o);
        }

        /**
         * ScandirIterator_finalize: an iterator not exhausted or closed closes its directory stream,
         * then warns (ResourceWarning, source the iterator); a warning made an error is reported as
         * unraisable in the iterator.
         */
        @Override
        public void finalize(long o) {
            if (get(o, DIRP) == 0) return;
            close(o);
            if (vm.closing()) return;
            try {
                vm.resourceWarning(o, "unclosed scandir iterator " + vm.repr(o));
            } catch (PyException e) {
                if (vm.isInstance(e, "ResourceWarning")) vm.writeUnraisable(e, null, o);
                else heap.decref(e.exc());  // PyErr_Restore puts the saved error back over it
            }
        }

        /** The dict's entries in ScandirIteratorType_spec's order: tp_iter's, tp_iternext's and tp_finalize's wrappers, then its methods. */
        void install() {
            defSlotWrapper("__iter__", (s, a, off, n, kw) -> {
                Params.noArgs(vm, "__iter__", n, kw);
                return vm.incref(s);
            });
            defSlotWrapper("__next__", (s, a, off, n, kw) -> {
                Params.noArgs(vm, "__next__", n, kw);
                long v = nextOf(s);
                if (v == 0) throw vm.error("StopIteration", null);
                return v;
            });
            defSlotWrapper("__del__", (s, a, off, n, kw) -> {
                Params.noArgs(vm, "__del__", n, kw);
                finalize(s);
                return vm.incref(heap.None);
            });
            defMethod("__enter__", (s, a, off, n, kw) -> vm.incref(s));
            defMethod("__exit__", (s, a, off, n, kw) -> {
                close(s);
                return vm.incref(heap.None);
            });
            defMethod("close", (s, a, off, n, kw) -> {
                Params.noArgs(vm, "ScandirIterator.close", n, kw);
                close(s);
                return vm.incref(heap.None);
            });
        }
    }

    /** {@code posix.DirEntry}. */
    static final class EntryType extends FieldsType {
        static final int NAME = 16, PATH = 24, STAT = 32, LSTAT = 40, D_TYPE = 48, D_INO = 56, DIR_FD = 64;
        private final Posix.State st;

        EntryType(VmApi vm, Posix.State st) {
            super(vm, "posix.DirEntry", PyType.HEAPTYPE, 72, 0, NAME, PATH, STAT, LSTAT);
            cpythonFlags(0x1280);  // READY | HEAPTYPE | DISALLOW_INSTANTIATION
            this.st = st;
        }

        @Override
        protected boolean heapTypeInstances() { return true; }

        /**
         * An entry of directory {@code base} (null: the working directory, or {@code dirFd}'s
         * when that is not -1, whose entries' path is their name).
         */
        long create(byte[] base, byte[] name, boolean isBytes, int type, long ino, int dirFd) {
            long o = alloc();
            try {
                put(o, NAME, isBytes ? heap.bytes.of(name) : vm.fsDecode(name));
                Native.putByte(o + D_TYPE, (byte) type);
                put(o, D_INO, ino);
                Native.putInt(o + DIR_FD, dirFd >= 0 ? dirFd : Posix.AT_FDCWD);
                if (dirFd >= 0) {
                    put(o, PATH, vm.incref(get(o, NAME)));
                    return o;
                }
                byte[] full = name;
                if (base != null) {
                    boolean slash = base.length > 0 && base[base.length - 1] != '/';
                    full = new byte[base.length + (slash ? 1 : 0) + name.length];
                    System.arraycopy(base, 0, full, 0, base.length);
                    if (slash) full[base.length] = '/';
                    System.arraycopy(name, 0, full, full.length - name.length, name.length);
                }
                put(o, PATH, isBytes ? heap.bytes.of(full) : vm.fsDecode(full));
                return o;
            } catch (RuntimeException e) {
                heap.decref(o);
                throw e;
            }
        }

        private int dType(long o) { return Native.getByte(o + D_TYPE) & 0xff; }

        private PathArg pathArg(long o) {
            long p = get(o, PATH);
            byte[] b = heap.typeOf(p) == heap.bytes ? dev.refheap.object.BytesType.value(p) : encode(p);
            return new PathArg(p, b, heap.typeOf(p) == heap.bytes, -1);
        }

        private byte[] encode(long s) {
            long b = vm.fsEncode(s);
            try {
                return dev.refheap.object.BytesType.value(b);
            } finally {
                heap.decref(b);
            }
        }

        /** DirEntry_fetch_stat / get_lstat, cached: a borrowed stat_result. */
        private long stat(long o, boolean follow) {
            int dirFd = Native.getInt(o + DIR_FD);  // AT_FDCWD, or scandir(fd)'s descriptor: fstatat
            if (get(o, LSTAT) == 0) put(o, LSTAT, Posix.doStat(vm, st, pathArg(o), dirFd, false));
            if (!follow) return get(o, LSTAT);
            if (get(o, STAT) == 0) {
                put(o, STAT, isSymlink(o) ? Posix.doStat(vm, st, pathArg(o), dirFd, true) : vm.incref(get(o, LSTAT)));
            }
            return get(o, STAT);
        }

        private long mode(long statResult) {
            return vm.asIndex(dev.refheap.object.TupleType.item(statResult, 0)).longValue();  // st_mode
        }

        private boolean isSymlink(long o) {
            if (dType(o) != DT_UNKNOWN) return dType(o) == DT_LNK;
            return (mode(stat(o, false)) & S_IFMT) == S_IFLNK;
        }

        private boolean testMode(long o, boolean follow, int dt, int fmt) {
            int t = dType(o);
            if (t != DT_UNKNOWN && !(follow && t == DT_LNK)) return t == dt;
            try {
                return (mode(stat(o, follow)) & S_IFMT) == fmt;
            } catch (PyException e) {
                if (!vm.isInstance(e, "FileNotFoundError")) throw e;
                heap.decref(e.exc());
                return false;
            }
        }

        private boolean follow(String fn, long[] a, int off, int n, long kw) {
            long[] p = Params.parse(vm, fn, new String[] {"follow_symlinks"}, 0, 0, 0, a, off, n, kw);
            return p[0] == 0 || vm.truthy(p[0]);
        }

        private long bool(boolean b) { return vm.incref(b ? heap.True : heap.False); }

        /** The dict's entries in DirEntryType_spec's order: tp_repr's wrapper, the methods, then the members. */
        void install() {
            defSlotWrapper("__repr__", (s, a, off, n, kw) -> {
                Params.noArgs(vm, "__repr__", n, kw);
                return vm.str(reprOf(s));
            });
            defMethod("is_dir", (s, a, off, n, kw) -> bool(testMode(s, follow("is_dir", a, off, n, kw), DT_DIR, S_IFDIR)));
            defMethod("is_file", (s, a, off, n, kw) -> bool(testMode(s, follow("is_file", a, off, n, kw), DT_REG, S_IFREG)));
            defMethod("is_symlink", (s, a, off, n, kw) -> {
                Params.noArgs(vm, "DirEntry.is_symlink", n, kw);
                return bool(isSymlink(s));
            });
            defMethod("stat", (s, a, off, n, kw) -> vm.incref(stat(s, follow("stat", a, off, n, kw))));
            defMethod("inode", (s, a, off, n, kw) -> {
                Params.noArgs(vm, "DirEntry.inode", n, kw);
                return vm.newInt(new java.math.BigInteger(Long.toUnsignedString(get(s, D_INO))));
            });
            defMethod("__fspath__", (s, a, off, n, kw) -> {
                Params.noArgs(vm, "DirEntry.__fspath__", n, kw);
                return vm.incref(get(s, PATH));
            });
            defClassMethod("__class_getitem__", (cls, a, off, n, kw) -> {
                Params.unpack(vm, "__class_getitem__", n, kw, 1, 1);
                return vm.genericAlias(cls, a[off]);
            });
            defDescriptor("name", 'd');
            defDescriptor("path", 'd');
        }

        @Override
        public String reprOf(long o) { return "<DirEntry " + vm.repr(get(o, NAME)) + ">"; }

        @Override
        public long attrOf(long o, String name) {
            return switch (name) {
                case "name" -> vm.incref(get(o, NAME));
                case "path" -> vm.incref(get(o, PATH));
                default -> 0;
            };
        }

        @Override
        public boolean setAttrOf(long o, String name, long v) {
            if (name.equals("name") || name.equals("path")) throw vm.error("AttributeError", "readonly attribute");
            return false;
        }
    }
}
