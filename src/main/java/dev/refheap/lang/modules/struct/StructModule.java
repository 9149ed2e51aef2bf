package dev.refheap.lang.modules.struct;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code _struct}: pack, unpack, pack_into, unpack_from, iter_unpack, calcsize and {@code Struct}
 * (formats: {@link Formats}), with CPython 3.11's objects:
 * <pre>
 *  Struct (heap type, 56 + GC head): s_size | s_len | s_codes (PyMem: (ncodes + 1) formatcodes of 32 bytes) | s_format (bytes) | weakreflist
 *  unpack_iterator (heap type, 112 + GC head): so | Py_buffer (buf, obj, len, ...: 80 bytes) | index
 * </pre>
 * {@code __sizeof__} of a Struct counts its formatcodes, as s_sizeof does. The module functions
 * go through a cache of up to 100 Struct objects keyed by the format object (cleared when full,
 * {@code _clearcache()}), held for the runtime's life. {@code struct.error} is an Exception
 * subclass created at first import.
 */
public final class StructModule {
    private StructModule() {}

    /** PyFloat_Pack2/4/8: {@code x} as an IEEE float of {@code size} bytes (2, 4 or 8), little- or big-endian; OverflowError as 3.11 raises it. */
    public static byte[] packFloat(VmApi vm, int size, double x, boolean little) {
        long bits;
        switch (size) {
            case 2 -> bits = Formats.half(vm, x);
            case 4 -> {
                float f = (float) x;
                if (Float.isInfinite(f) && !Double.isInfinite(x)) throw vm.error("OverflowError", "float too large to pack with f format");
                bits = Float.floatToRawIntBits(f) & 0xffffffffL;
            }
            default -> bits = Double.doubleToRawLongBits(x);
        }
        byte[] out = new byte[size];
        for (int k = 0; k < size; k++) out[little ? k : size - 1 - k] = (byte) (bits >>> (8 * k));
        return out;
    }

    /** PyFloat_Unpack2/4/8 of {@code b} (2, 4 or 8 bytes), little- or big-endian. */
    public static double unpackFloat(byte[] b, boolean little) {
        long bits = Formats.readInteger(b, 0, b.length, little, false);
        return switch (b.length) {
            case 2 -> Float.float16ToFloat((short) bits);
            case 4 -> Float.intBitsToFloat((int) bits);
            default -> Double.longBitsToDouble(bits);
        };
    }

    static final int S_SIZE = 16, S_LEN = 24, S_CODES = 32, S_FORMAT = 40, WEAKREFLIST = 48;
    static final int MAXCACHE = 100;

    /** The runtime's _struct state: the error class, the types, the cache dict, the parsed formats. */
    static final class State {
        final VmApi vm;
        final long error;
        final long cache;
        final StructType structType;
        final UnpackIterType iterType;
        final Map<Long, Formats.Parsed> parsed = new HashMap<>();

        State(VmApi vm) {
            this.vm = vm;
            Heap heap = vm.heap;
            long name = vm.str("error");
            long bases = heap.tuples.of(vm.exceptionType("Exception").address());
            long dict = heap.dicts.create();
            long mod = vm.str("struct");
            heap.dicts.setItem(dict, "__module__", mod);
            heap.decref(mod);
            try {
                error = vm.hold(vm.call(heap.typeType.address(), name, bases, dict));
            } finally {
                heap.decref(name);
                heap.decref(bases);
                heap.decref(dict);
            }
            cache = vm.hold(heap.dicts.create());
            structType = vm.registerType(new StructType(vm, this));
            iterType = vm.registerType(new UnpackIterType(vm, this));
        }

        PyException error(String message) {
            long msg = vm.str(message);
            try {
                return new PyException(vm.call(error, msg));
            } finally {
                vm.heap.decref(msg);
            }
        }

        /** cache_struct_converter: the cached Struct for a format object (a new reference). */
        long cached(long fmt) {
            if (!vm.isStr(fmt) && vm.heap.typeOf(fmt) != vm.heap.bytes) {
                vm.hash(fmt);  // an unhashable format fails the cache lookup first
                return structType.create(fmt);
            }
            long s = vm.heap.dicts.getItem(cache, fmt);
            if (s != 0) return vm.incref(s);
            s = structType.create(fmt);
            if (dev.refheap.object.DictType.size(cache) >= MAXCACHE) vm.heap.dicts.clear(cache);
            vm.heap.dicts.setItem(cache, fmt, s);
            return s;
        }
    }

    static final class StructType extends FieldsType {
        private final State st;

        StructType(VmApi vm, State st) {
            super(vm, "_struct.Struct", PyType.HAVE_GC | PyType.BASETYPE, 56, WEAKREFLIST, S_FORMAT);
            cpythonFlags(0x5700);  // HAVE_GC | READY | BASETYPE | HEAPTYPE | IMMUTABLETYPE
            this.st = st;
        }

        @Override
        protected boolean heapTypeInstances() { return true; }

        /** Py_TPFLAGS_BASETYPE: a Python class may extend it (its instances made zeroed, filled by Struct's __init__). */
        @Override
        public boolean allowsPythonSubclasses() { return true; }

        /**
         * The parsed format of Struct {@code s}. An instance of a subclass whose {@code __init__} did
         * not call Struct's has none (CPython's methods read its NULL codes and crash): refused by name.
         */
        Formats.Parsed parsed(long s) {
            Formats.Parsed p = st.parsed.get(s);
            if (p == null) throw vm.error("ValueError", "refheap does not support using a Struct whose __init__ was not called (its format is not set)");
            return p;
        }

        /** Struct(format): a str (ASCII) or bytes format, parsed at once. */
        long create(long fmt) {
            long s = alloc();
            heap.track(s);
            try {
                init(s, fmt);
            } catch (RuntimeException e) {
                heap.decref(s);
                throw e;
            }
            return s;
        }

        /**
         * Struct___init__: s_format becomes the format's bytes, then the format is parsed into new
         * codes (the old ones freed); a format that does not parse leaves s_format changed and the
         * old codes, size and length in place, as CPython's prepare_s failing after the SETREF.
         */
        void init(long s, long fmt) {
            byte[] b;
            if (vm.isStr(fmt)) {
                String f = vm.strValue(fmt);
                for (int i = 0; i < f.length(); i++) {
                    if (f.charAt(i) > 127) throw new dev.refheap.lang.vm.PyException(vm.unicodeEncodeError("ascii", fmt, i, i + 1, "ordinal not in range(128)"));
                }
                b = f.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            } else if (Heap.isBytes(fmt)) {
                b = vm.bytesLike(fmt);
            } else {
                throw vm.error("TypeError", "Struct() argument 1 must be a str or bytes object, not " + vm.typeName(fmt));
            }
            set(s, S_FORMAT, heap.bytes.of(b));
            Formats.Parsed p = Formats.parse(vm, st, b);
            Native.putLong(s + S_SIZE, p.size());
            Native.putLong(s + S_LEN, p.len());
            long codes = heap.memAlloc(32L * (p.codes().size() + 1));
            for (int i = 0; i < p.codes().size(); i++) {
                Formats.Code c = p.codes().get(i);
                Native.putLong(codes + 32L * i, c.format());
                Native.putLong(codes + 32L * i + 8, c.offset());
                Native.putLong(codes + 32L * i + 16, c.size());
                Native.putLong(codes + 32L * i + 24, c.repeat());
            }
            Native.putLong(codes + 32L * p.codes().size(), 0);
            long old = Native.getLong(s + S_CODES);
            Native.putLong(s + S_CODES, codes);
            if (old != 0) heap.memFree(old);
            st.parsed.put(s, p);
        }

        @Override
        protected void freeArrays(long s) {
            long codes = Native.getLong(s + S_CODES);
            if (codes != 0) heap.memFree(codes);
            st.parsed.remove(s);
        }

        @Override
        public long sizeOf(long s) {
            Formats.Parsed p = st.parsed.get(s);
            return basicSize() + (p == null ? 0 : 32L * (p.codes().size() + 1));
        }

        @Override
        public long newInstance(long[] a, int off, int n, long kw) {
            long[] p = Params.parse(vm, "Struct", new String[] {"format"}, 1, 1, 0, a, off, n, kw);
            return create(p[0]);
        }

        @Override
        public long attrOf(long s, String name) {
            return switch (name) {
                case "format" -> vm.str(new String(vm.bytesLike(get(parsedFormat(s), S_FORMAT)), java.nio.charset.StandardCharsets.ISO_8859_1));
                case "size" -> heap.ints.of(Native.getLong(parsedFormat(s) + S_SIZE));
                default -> 0;
            };
        }

        /** {@code s}, once it has a format ({@link #parsed}'s refusal otherwise). */
        private long parsedFormat(long s) {
            if (get(s, S_FORMAT) == 0) parsed(s);
            return s;
        }

        long size(long s) { return Native.getLong(parsedFormat(s) + S_SIZE); }

        long pack(long s, String fname, long[] a, int off, int n) {
            Formats.Parsed p = parsed(s);
            if (n != p.len()) throw st.error(fname + " expected " + p.len() + " items for packing (got " + n + ")");
            byte[] out = new byte[(int) p.size()];
            Formats.pack(vm, st, p, out, 0, a, off);
            return heap.bytes.of(out);
        }

        void packInto(long s, long[] a, int off, int n) {
            Formats.Parsed p = parsed(s);
            if (n < 1) throw st.error("pack_into expected buffer argument");
            if (n < 2) throw st.error("pack_into expected offset argument");
            if (n - 2 != p.len()) throw st.error("pack_into expected " + p.len() + " items for packing (got " + (n - 2) + ")");
            byte[] buf = vm.bytesLike(a[off]);
            if (buf == null) throw vm.error("TypeError", "argument must be read-write bytes-like object, not " + vm.typeName(a[off]));
            long offset = Params.ssize(vm, a[off + 1]);
            long size = p.size(), len = buf.length;
            if (offset < 0) {
                if (offset + size > 0) throw st.error("no space to pack " + size + " bytes at offset " + offset);
                if (offset + len < 0) throw st.error("offset " + offset + " out of range for " + len + "-byte buffer");
                offset += len;
            }
            if (len - offset < size) {
                throw st.error("pack_into requires a buffer of at least " + Long.toUnsignedString(size + offset) + " bytes for packing " + size
                        + " bytes at offset " + offset + " (actual buffer size is " + len + ")");
            }
            byte[] out = new byte[(int) size];
            Formats.pack(vm, st, p, out, 0, a, off + 2);
            vm.writeBuffer(a[off], offset, out);
        }

        long unpack(long s, long buffer) {
            byte[] b = bytes(buffer);
            if (b.length != size(s)) throw st.error("unpack requires a buffer of " + size(s) + " bytes");
            return Formats.unpack(vm, parsed(s), b, 0);
        }

        long unpackFrom(long s, long buffer, long offset) {
            byte[] b = bytes(buffer);
            long len = b.length, size = size(s);
            if (offset < 0) {
                if (offset + size > 0) throw st.error("not enough data to unpack " + size + " bytes at offset " + offset);
                if (offset + len < 0) throw st.error("offset " + offset + " out of range for " + len + "-byte buffer");
                offset += len;
            }
            if (len - offset < size) {
                throw st.error("unpack_from requires a buffer of at least " + Long.toUnsignedString(size + offset) + " bytes for unpacking " + size
                        + " bytes at offset " + offset + " (actual buffer size is " + len + ")");
            }
            return Formats.unpack(vm, parsed(s), b, offset);
        }

        byte[] bytes(long buffer) {
            byte[] b = vm.bytesLike(buffer);
            if (b == null) throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(buffer) + "'");
            return b;
        }
    }

    static final class UnpackIterType extends FieldsType {
        static final int SO = 16, BUF = 24, OBJ = 32, LEN = 40, INDEX = 104;
        private final State st;
        private final Map<Long, byte[]> buffers = new HashMap<>();

        UnpackIterType(VmApi vm, State st) {
            super(vm, "_struct.unpack_iterator", PyType.HAVE_GC, 112, 0, SO, OBJ);
            cpythonFlags(0x5300);  // HAVE_GC | READY | HEAPTYPE | IMMUTABLETYPE
            this.st = st;
        }

        @Override
        protected boolean heapTypeInstances() { return true; }

        @Override
        public boolean isIteratorType() { return true; }

        long create(long s, long buffer) {
            long size = st.structType.size(s);
            if (size == 0) throw st.error("cannot iteratively unpack with a struct of length 0");
            byte[] b = st.structType.bytes(buffer);
            if (b.length % size != 0) throw st.error("iterative unpacking requires a buffer of a multiple of " + size + " bytes");
            long it = alloc();
            put(it, SO, vm.incref(s));
            put(it, OBJ, vm.incref(buffer));
            Native.putLong(it + LEN, b.length);
            buffers.put(it, b);
            heap.track(it);
            return it;
        }

        @Override
        public long nextOf(long it) {
            long so = get(it, SO);
            if (so == 0) return 0;
            long index = Native.getLong(it + INDEX), len = Native.getLong(it + LEN);
            if (index >= len) {  // the buffer is released and the struct dropped once exhausted
                set(it, SO, 0);
                set(it, OBJ, 0);
                buffers.remove(it);
                return 0;
            }
            long r = Formats.unpack(vm, st.structType.parsed(so), buffers.get(it), index);
            Native.putLong(it + INDEX, index + st.structType.size(so));
            return r;
        }

        long lengthHint(long it) {
            long so = get(it, SO);
            if (so == 0) return 0;
            return (Native.getLong(it + LEN) - Native.getLong(it + INDEX)) / st.structType.size(so);
        }

        @Override
        protected void freeArrays(long it) { buffers.remove(it); }

        @Override
        public long newInstance(long[] a, int off, int n, long kw) {
            throw vm.error("TypeError", "cannot create '_struct.unpack_iterator' instances");
        }
    }

    public static long create(VmApi vm) {
        State st = vm.moduleState("_struct", () -> install(vm));
        Heap heap = vm.heap;
        long m = vm.newModule("_struct");
        long d = vm.moduleDict(m);
        heap.dicts.setItem(d, "Struct", st.structType.typeObject());
        heap.dicts.setItem(d, "error", st.error);
        vm.def(m, "calcsize", (s, a, o, n, kw) -> {
            Params.unpack(vm, "calcsize", n, kw, 1, 1);
            return withCached(st, a[o], so -> heap.ints.of(st.structType.size(so)));
        });
        vm.def(m, "pack", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "pack", kw);
            if (n < 1) throw vm.error("TypeError", "pack expected at least 1 argument, got 0");
            return withCached(st, a[o], so -> st.structType.pack(so, "pack", a, o + 1, n - 1));
        });
        vm.def(m, "pack_into", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "pack_into", kw);
            if (n < 1) throw vm.error("TypeError", "pack_into expected at least 1 argument, got 0");
            return withCached(st, a[o], so -> {
                st.structType.packInto(so, a, o + 1, n - 1);
                return vm.incref(heap.None);
            });
        });
        vm.def(m, "unpack", (s, a, o, n, kw) -> {
            Params.unpack(vm, "unpack", n, kw, 2, 2);
            return withCached(st, a[o], so -> st.structType.unpack(so, a[o + 1]));
        });
        vm.def(m, "unpack_from", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "unpack_from", new String[] {"format", "buffer", "offset"}, 2, 3, 1, a, o, n, kw);
            return withCached(st, p[0], so -> st.structType.unpackFrom(so, p[1], p[2] == 0 ? 0 : Params.ssize(vm, p[2])));
        });
        vm.def(m, "iter_unpack", (s, a, o, n, kw) -> {
            Params.unpack(vm, "iter_unpack", n, kw, 2, 2);
            return withCached(st, a[o], so -> st.iterType.create(so, a[o + 1]));
        });
        vm.def(m, "_clearcache", (s, a, o, n, kw) -> {
            heap.dicts.clear(st.cache);
            return vm.incref(heap.None);
        });
        return m;
    }

    interface WithStruct { long apply(long so); }

    private static long withCached(State st, long fmt, WithStruct f) {
        long so = st.cached(fmt);
        try {
            return f.apply(so);
        } finally {
            st.vm.heap.decref(so);
        }
    }

    private static State install(VmApi vm) {
        State st = new State(vm);
        StructType t = st.structType;
        Heap heap = vm.heap;
        t.defMethod("pack", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "pack", kw);
            return t.pack(s, "pack", a, o, n);
        });
        t.defMethod("pack_into", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "pack_into", kw);
            t.packInto(s, a, o, n);
            return vm.incref(heap.None);
        });
        t.defMethod("unpack", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "Struct.unpack", kw);
            if (n != 1) throw vm.error("TypeError", "Struct.unpack() takes exactly one argument (" + n + " given)");
            return t.unpack(s, a[o]);
        });
        t.defMethod("unpack_from", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "unpack_from", new String[] {"buffer", "offset"}, 1, 2, 0, a, o, n, kw);
            return t.unpackFrom(s, p[0], p[1] == 0 ? 0 : Params.ssize(vm, p[1]));
        });
        t.defMethod("iter_unpack", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "Struct.iter_unpack", kw);
            if (n != 1) throw vm.error("TypeError", "Struct.iter_unpack() takes exactly one argument (" + n + " given)");
            return st.iterType.create(s, a[o]);
        });
        t.defMethod("__sizeof__", (s, a, o, n, kw) -> heap.ints.of(t.sizeOf(s)));
        vm.defTpNew(t);  // Struct.__new__ bound to Struct, as CPython's
        t.defSlotWrapper("__init__", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "Struct", new String[] {"format"}, 1, 1, 0, a, o, n, kw);
            t.init(s, p[0]);
            return vm.incref(heap.None);
        });
        UnpackIterType it = st.iterType;
        it.defIteratorMethods();
        it.defMethod("__length_hint__", (s, a, o, n, kw) -> heap.ints.of(it.lengthHint(s)));
        return st;
    }
}
