package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.BytesType;
import dev.refheap.object.FloatType;
import dev.refheap.object.Hashing;
import dev.refheap.object.Heap;
import dev.refheap.object.StrType;
import dev.refheap.object.IntType;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.LongConsumer;

/**
 * {@code memoryview} over bytes, bytearray and native exporters ({@link NativeType#getBuffer}:
 * array.array), with CPython 3.11's two objects: the {@code managedbuffer} that holds the
 * exporter's buffer (and a reference to the exporter; a bytearray counts it in ob_exports, an
 * exporter in its own count, so neither can resize), shared by every view made from it, and
 * the views themselves. A view has a native single-character struct format (the exporter's: 'B', an array's typecode, or
 * one {@code cast} gives: b B c h H i I l L q Q n N f d ? P, optionally '@'-prefixed), an
 * itemsize, 0..64 dimensions with their shape and strides (in the object's own ob_array, as
 * CPython's), and the C/Fortran contiguity flags init_flags computes.
 * <pre>
 *  managedbuffer (112 + GC head): refcnt | type | flags | exports | master Py_buffer (buf obj len itemsize readonly/ndim format shape strides suboffsets internal)
 *  memoryview (144 + 3*max(ndim,1)*8 + GC head; 184 for one dimension): refcnt | type | ob_size | mbuf | hash | flags | exports
 *            | view (buf obj len itemsize readonly/ndim format shape strides suboffsets internal) | weakreflist | shape[] strides[] suboffsets[]
 * </pre>
 * Invariants: view.len = product(shape) * itemsize; view.format holds the format character (and
 * 0x100 for a leading '@'), not a char* as CPython's; suboffsets are always NULL (no exporter here
 * has PIL-style buffers). States: a view is live or released (release(), the with block's end, or
 * its death); the managed buffer is released (its buffer given back, the exporter's reference
 * dropped, untracked) when its last view is. A released view refuses every operation with
 * ValueError.
 */
final class MemoryViewType extends ExtType {
    // memoryview fields
    static final int MBUF = 24, HASH = 32, FLAGS = 40, EXPORTS = 48, V_BUF = 56, V_OBJ = 64, V_LEN = 72, V_ITEMSIZE = 80,
            V_READONLY = 88, V_NDIM = 92, V_FORMAT = 96, V_SHAPE = 104, V_STRIDES = 112, V_SUBOFFSETS = 120, V_INTERNAL = 128,
            WEAKLIST = 136, ARRAY = 144;
    // flags (CPython's _Py_MEMORYVIEW_*)
    static final int RELEASED = 0x1, C = 0x2, FORTRAN = 0x4, SCALAR = 0x8;
    static final int AT = 0x100;
    /** view.format is not one native character: the format string is the managed buffer's (FULL_FORMAT, a str). */
    static final int COMPLEX = 0x200;
    static final int MAX_NDIM = 64;
    final ManagedBufferType mbufType;
    final MemoryIterType iterType;
    private final VmApi api;

    MemoryViewType(Runtime rt) {
        super(rt, "memoryview", null, HAVE_GC, 144, 8, WEAKLIST);
        mbufType = new ManagedBufferType(rt);
        iterType = new MemoryIterType(rt, this);
        api = new VmApi(rt);
    }

    /**
     * {@code managedbuffer}: holds the exporter's buffer while views use it. Its master.obj owns a
     * reference to the exporter (the only reference traversed).
     */
    static final class ManagedBufferType extends LangType {
        static final int FLAGS = 16, EXPORTS = 24, BUF = 32, OBJ = 40, LEN = 48, ITEMSIZE = 56, READONLY = 64, FORMAT = 72;
        /** The exporter's struct format string when it is not one native character (a str the buffer owns; CPython's master.format). */
        static final int FULL_FORMAT = 104;
        /** The exporter's shape (null: one dimension of len / itemsize items); kept on the Java side for {@link #create}'s caller. */
        long[] lastShape;

        ManagedBufferType(Runtime rt) {
            super(rt, "managedbuffer", null, HAVE_GC, 112, 0, 0);
        }

        /** A managed buffer over bytes, bytearray or a native exporter {@code obj} (borrowed; it takes a reference). */
        long create(long obj) {
            PyType t = rt.ops.bufferView(obj);
            if (t instanceof NativeType nt && nt.exportsBuffer()) {
                long owner = nt.bufferOwner(obj);  // an exporter that hands out another object's buffer: that object's
                if (owner != obj) return create(owner);
            }
            if (t == rt.memoryViewType) return overView(obj);
            NativeType.Buffer exported = t instanceof NativeType nt ? nt.getBuffer(obj) : null;  // counted before anything is made
            long m;
            try {
                m = heap.allocObject(this, 0);
            } catch (RuntimeException e) {
                if (exported != null) ((NativeType) t).releaseBuffer(obj);
                throw e;
            }
            for (int off = 16; off < 112; off += 8) Native.putLong(m + off, 0);
            heap.incref(obj);
            put(m, OBJ, obj);
            Native.putLong(m + ITEMSIZE, 1);
            Native.putLong(m + FORMAT, 'B');
            if (exported != null) {
                Native.putLong(m + BUF, exported.buf());
                Native.putLong(m + LEN, exported.len());
                Native.putInt(m + READONLY, exported.readonly() ? 1 : 0);
                Native.putLong(m + ITEMSIZE, exported.itemsize());
                Native.putLong(m + FORMAT, exported.format());
                String full = exported.fullFormat();
                if (full != null) {
                    String core = full.startsWith("@") ? full.substring(1) : full;
                    if (core.length() == 1 && itemsizeOf(core.charAt(0)) > 0) {
                        Native.putLong(m + FORMAT, core.charAt(0) | (full.length() > 1 ? AT : 0));
                    } else {
                        Native.putLong(m + FORMAT, COMPLEX);
                        put(m, FULL_FORMAT, heap.strs.of(full));
                    }
                }
                lastShape = exported.shape();
            } else if (t == rt.byteArrayType) {  // a subclass instance exports its bytearray part
                ByteArrayType.addExport(obj, 1);
                Native.putLong(m + BUF, ByteArrayType.start(obj));
                Native.putLong(m + LEN, ByteArrayType.size(obj));
                Native.putInt(m + READONLY, 0);
            } else {
                Native.putLong(m + BUF, obj + BytesType.SVAL);
                Native.putLong(m + LEN, BytesType.length(obj));
                Native.putInt(m + READONLY, 1);
            }
            heap.track(m);
            return m;
        }

        /**
         * A managed buffer whose master is a memoryview's buffer (memory_getbuf: the view counts an
         * export and names itself), as a PickleBuffer over a memoryview hands out. One C-contiguous
         * dimension only.
         */
        private long overView(long mv) {
            MemoryViewType views = rt.memoryViewType;
            views.checkLive(mv);
            if (views.ndim(mv) != 1 || !views.contiguousC(mv)) {
                throw rt.error("NotImplementedError", "refheap does not support a memoryview of a buffer over a multi-dimensional or non-contiguous memoryview yet");
            }
            long m = heap.allocObject(this, 0);
            for (int off = 16; off < 112; off += 8) Native.putLong(m + off, 0);
            Native.putLong(mv + MemoryViewType.EXPORTS, Native.getLong(mv + MemoryViewType.EXPORTS) + 1);
            put(m, OBJ, Builtins.incref(heap, mv));
            Native.putLong(m + BUF, Native.getLong(mv + V_BUF));
            Native.putLong(m + LEN, Native.getLong(mv + V_LEN));
            Native.putInt(m + READONLY, Native.getInt(mv + V_READONLY));
            Native.putLong(m + ITEMSIZE, views.itemsize(mv));
            int format = Native.getInt(mv + V_FORMAT);  // its character and '@', or COMPLEX with the string its buffer keeps
            Native.putLong(m + FORMAT, format);
            if ((format & COMPLEX) != 0) put(m, FULL_FORMAT, Builtins.incref(heap, get(get(mv, MBUF), FULL_FORMAT)));
            heap.track(m);
            return m;
        }

        /** mbuf_release: gives the buffer back once. */
        void release(long m) {
            if ((Native.getInt(m + FLAGS) & RELEASED) != 0) return;
            Native.putInt(m + FLAGS, Native.getInt(m + FLAGS) | RELEASED);
            heap.untrackIfTracked(m);
            long obj = get(m, OBJ);
            if (obj != 0) {
                put(m, OBJ, 0);
                PyType t = rt.ops.bufferView(obj);
                if (t == rt.byteArrayType) ByteArrayType.addExport(obj, -1);
                else if (t == rt.memoryViewType) Native.putLong(obj + MemoryViewType.EXPORTS, Native.getLong(obj + MemoryViewType.EXPORTS) - 1);
                else if (t instanceof NativeType nt) nt.releaseBuffer(obj);
                heap.decref(obj);
            }
        }

        @Override public void traverse(long o, LongConsumer visit) { visitField(o, OBJ, visit); }
        @Override
        public void references(long o, LongConsumer visit) {
            visitField(o, OBJ, visit);
            visitField(o, FULL_FORMAT, visit);  // a str: not a GC referent, but a reference the verifier counts
        }

        @Override public boolean hasClear() { return true; }
        @Override public void clear(long o) { release(o); }

        @Override
        public void dealloc(long o) {
            release(o);
            clearField(o, FULL_FORMAT);
            heap.freeObject(o);
        }
    }

    /**
     * {@code memory_iterator} (memoryiterobject: it_index, it_seq, it_length, it_fmt; 48 bytes + GC
     * head = 64, tracked, its referent the view). States: running (it_seq set) or exhausted (it_seq
     * dropped).
     */
    static final class MemoryIterType extends ExtType {
        static final int INDEX = 16, SEQ = 24, LENGTH = 32, FMT = 40;
        private final MemoryViewType views;

        MemoryIterType(Runtime rt, MemoryViewType views) {
            super(rt, "memory_iterator", null, HAVE_GC, 48, 0, 0);
            this.views = views;
        }

        long create(long mv) {
            long o = heap.allocObject(this, 0);
            put(o, INDEX, 0);
            put(o, SEQ, Builtins.incref(heap, mv));
            put(o, LENGTH, views.shape(mv, 0));
            put(o, FMT, views.fmt(mv));
            heap.track(o);
            return o;
        }

        void install() {
            heap.register(this);
            rt.defDescr(BuiltinDescrType.Kind.WRAPPER, this, "__iter__", (s, a, o, n, kw) -> Builtins.incref(heap, s));
            rt.defDescr(BuiltinDescrType.Kind.WRAPPER, this, "__next__", (s, a, o, n, kw) -> {
                long r = next(s);
                if (r == 0) throw rt.error("StopIteration", null);
                return r;
            });
        }

        @Override String repr(long o) { return "<memory_iterator object at " + Ops.hex(o) + ">"; }
        @Override long iter(long o) { return Builtins.incref(heap, o); }
        @Override boolean isIterator() { return true; }

        @Override
        long next(long o) {
            long mv = get(o, SEQ);
            if (mv == 0) return 0;
            long i = get(o, INDEX);
            if (i < get(o, LENGTH)) {
                views.checkLive(mv);
                put(o, INDEX, i + 1);
                return views.unpack((int) get(o, FMT), get(mv, V_BUF) + views.stride(mv, 0) * i);
            }
            clearField(o, SEQ);
            return 0;
        }

        @Override public void traverse(long o, LongConsumer visit) { visitField(o, SEQ, visit); }
        @Override public void references(long o, LongConsumer visit) { visitField(o, SEQ, visit); }

        @Override
        public void dealloc(long o) {
            heap.untrackIfTracked(o);
            clearField(o, SEQ);
            heap.freeObject(o);
        }
    }

    // ---- geometry -------------------------------------------------------------------------------

    int ndim(long m) { return Native.getInt(m + V_NDIM); }
    long itemsize(long m) { return get(m, V_ITEMSIZE); }
    /** The format character (without '@'). */
    int fmt(long m) { return Native.getInt(m + V_FORMAT) & 0xff; }
    long shape(long m, int d) { return get(get(m, V_SHAPE) + 8L * d, 0); }
    long stride(long m, int d) { return get(get(m, V_STRIDES) + 8L * d, 0); }

    long[] shapes(long m) {
        long[] s = new long[ndim(m)];
        for (int d = 0; d < s.length; d++) s[d] = shape(m, d);
        return s;
    }

    long[] strides(long m) {
        long[] s = new long[ndim(m)];
        for (int d = 0; d < s.length; d++) s[d] = stride(m, d);
        return s;
    }

    String formatString(long m) {
        int f = Native.getInt(m + V_FORMAT);
        if ((f & COMPLEX) != 0) return StrType.value(get(get(m, MBUF), ManagedBufferType.FULL_FORMAT));
        return ((f & AT) != 0 ? "@" : "") + (char) (f & 0xff);
    }

    /** get_native_fmtchar: the itemsize of a native single-character format, or -1. */
    static int itemsizeOf(int c) {
        return switch (c) {
            case 'c', 'b', 'B', '?' -> 1;
            case 'h', 'H' -> 2;
            case 'i', 'I', 'f' -> 4;
            case 'l', 'L', 'q', 'Q', 'n', 'N', 'd', 'P' -> 8;
            default -> -1;
        };
    }

    static boolean isByteFormat(int c) { return c == 'b' || c == 'B' || c == 'c'; }

    /** A view of all of {@code obj} (bytes or bytearray), or of another memoryview's view. */
    long create(long source) {
        if (heap.typeOf(source) == this) {
            checkLive(source);
            long mbuf = get(source, MBUF);
            heap.incref(mbuf);
            return view(mbuf, get(source, V_BUF), Native.getInt(source + V_READONLY) != 0, Native.getInt(source + V_FORMAT),
                    itemsize(source), shapes(source), strides(source), get(source, V_LEN));
        }
        mbufType.lastShape = null;
        long mbuf = mbufType.create(source);
        long[] shape = mbufType.lastShape;
        mbufType.lastShape = null;
        long len = get(mbuf, ManagedBufferType.LEN), isz = get(mbuf, ManagedBufferType.ITEMSIZE);
        if (shape == null) shape = new long[] {len / isz};
        long[] strides = new long[shape.length];
        long sd = isz;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = sd;
            sd *= shape[d];
        }
        return view(mbuf, get(mbuf, ManagedBufferType.BUF), Native.getInt(mbuf + ManagedBufferType.READONLY) != 0,
                (int) get(mbuf, ManagedBufferType.FORMAT), isz, shape, strides, len);
    }

    /** adjust_fmt's refusal: a view whose format is not one native character has no item access. */
    private void checkItemFormat(long m) {
        if ((Native.getInt(m + V_FORMAT) & COMPLEX) != 0) throw rt.error("NotImplementedError", "memoryview: unsupported format " + formatString(m));
    }

    /** mbuf_add_view: a view sharing {@code mbuf} (a reference stolen), with its geometry and flags. */
    private long view(long mbuf, long buf, boolean readonly, int format, long itemsize, long[] shape, long[] strides) {
        return view(mbuf, buf, readonly, format, itemsize, shape, strides, -1);
    }

    /** The same with view.len {@code scalarLen} for a scalar (0 dimensions) when it is not -1: a ctypes object's whole size. */
    private long view(long mbuf, long buf, boolean readonly, int format, long itemsize, long[] shape, long[] strides, long scalarLen) {
        int ndim = shape.length, slots = Math.max(ndim, 1);
        long m = heap.allocObject(this, 3L * slots);
        for (int off = 24; off < ARRAY + 24 * slots; off += 8) Native.putLong(m + off, 0);
        put(m, MBUF, mbuf);
        put(m, HASH, -1);
        Native.putLong(mbuf + ManagedBufferType.EXPORTS, get(mbuf, ManagedBufferType.EXPORTS) + 1);
        put(m, V_BUF, buf);
        put(m, V_OBJ, get(mbuf, ManagedBufferType.OBJ));  // borrowed, as CPython's view.obj
        long len = itemsize;
        for (long s : shape) len *= s;
        if (ndim == 0 && scalarLen >= 0) len = scalarLen;
        put(m, V_LEN, len);
        put(m, V_ITEMSIZE, itemsize);
        Native.putInt(m + V_READONLY, readonly ? 1 : 0);
        Native.putInt(m + V_NDIM, ndim);
        Native.putInt(m + V_FORMAT, format);
        if (ndim > 0) {
            put(m, V_SHAPE, m + ARRAY);
            put(m, V_STRIDES, m + ARRAY + 8L * slots);
            for (int d = 0; d < ndim; d++) {
                put(m, ARRAY + 8 * d, shape[d]);
                put(m, ARRAY + 8 * (slots + d), strides[d]);
            }
        }
        initFlags(m);
        heap.track(m);
        return m;
    }

    /** init_flags: C/Fortran contiguity (PyBuffer_IsContiguous) and the scalar flag. */
    private void initFlags(long m) {
        int flags = Native.getInt(m + FLAGS) & RELEASED;
        int ndim = ndim(m);
        if (ndim == 0) {
            flags |= SCALAR | C | FORTRAN;
        } else if (ndim == 1) {
            if (shape(m, 0) == 1 || stride(m, 0) == itemsize(m)) flags |= C | FORTRAN;
        } else {
            if (contiguous(m, true)) flags |= C;
            if (contiguous(m, false)) flags |= FORTRAN;
        }
        Native.putInt(m + FLAGS, flags);
    }

    private boolean contiguous(long m, boolean cOrder) {
        if (get(m, V_LEN) == 0) return true;
        long sd = itemsize(m);
        int n = ndim(m);
        for (int k = 0; k < n; k++) {
            int d = cOrder ? n - 1 - k : k;
            long dim = shape(m, d);
            if (dim > 1 && stride(m, d) != sd) return false;
            sd *= dim;
        }
        return true;
    }

    /** Whether the view is C-contiguous (PyBuffer_IsContiguous(view, 'C')). */
    boolean contiguousC(long m) { return contiguous(m, true); }

    boolean released(long m) { return (Native.getInt(m + FLAGS) & RELEASED) != 0; }

    void checkLive(long m) {
        if (released(m)) throw rt.error("ValueError", "operation forbidden on released memoryview object");
    }

    /** Gives back one share of managed buffer {@code mbuf}, releasing it at the last. */
    private void dropShare(long mbuf) {
        long e = get(mbuf, ManagedBufferType.EXPORTS) - 1;
        Native.putLong(mbuf + ManagedBufferType.EXPORTS, e);
        if (e == 0) mbufType.release(mbuf);
    }

    /** _memory_release: the view's share of the managed buffer is given back. */
    void release(long m) {
        if (released(m)) return;
        if (get(m, EXPORTS) > 0) throw rt.error("BufferError", "memoryview has " + get(m, EXPORTS) + " exported buffer" + (get(m, EXPORTS) == 1 ? "" : "s"));
        Native.putInt(m + FLAGS, Native.getInt(m + FLAGS) | RELEASED);
        long mbuf = get(m, MBUF);
        long e = get(mbuf, ManagedBufferType.EXPORTS) - 1;
        Native.putLong(mbuf + ManagedBufferType.EXPORTS, e);
        if (e == 0) mbufType.release(mbuf);
    }

    /** The view's bytes in C order ('F': Fortran order), as PyBuffer_ToContiguous copies them. */
    byte[] bytes(long m, boolean fortran) {
        long n = get(m, V_LEN), isz = itemsize(m), buf = get(m, V_BUF);
        byte[] b = new byte[(int) n];
        if (n == 0) return b;
        if ((Native.getInt(m + FLAGS) & (fortran ? FORTRAN : C)) != 0) {
            Native.copyTo(buf, b, 0, (int) n);
            return b;
        }
        int nd = ndim(m);
        long[] shape = shapes(m), strides = strides(m), idx = new long[nd];
        for (int out = 0; out < n; out += (int) isz) {
            long p = buf;
            for (int d = 0; d < nd; d++) p += idx[d] * strides[d];
            Native.copyTo(p, b, out, (int) isz);
            for (int k = 0; k < nd; k++) {  // the next index: the last dimension fastest in C order, the first in Fortran order
                int d = fortran ? k : nd - 1 - k;
                if (++idx[d] < shape[d]) break;
                idx[d] = 0;
            }
        }
        return b;
    }

    /** The bytes of a live view (for the buffer protocol's consumers), in C order. */
    byte[] liveBytes(long m) {
        checkLive(m);
        return bytes(m, false);
    }

    /** Writes {@code data} at byte {@code offset} of a live, writable, C-contiguous view. */
    void write(long m, long offset, byte[] data) {
        checkLive(m);
        if (Native.getInt(m + V_READONLY) != 0) throw rt.typeError("argument must be read-write bytes-like object, not memoryview");
        if ((Native.getInt(m + FLAGS) & C) == 0) throw rt.error("BufferError", "memoryview: underlying buffer is not C-contiguous");
        if (data.length > 0) Native.copyFrom(data, 0, get(m, V_BUF) + offset, data.length);
    }

    // ---- items ----------------------------------------------------------------------------------

    /** unpack_single: the item at {@code p} as a new object. */
    long unpack(int f, long p) {
        return switch (f) {
            case 'b' -> heap.ints.of(Native.getByte(p));
            case 'B' -> heap.ints.of(Native.getByte(p) & 0xff);
            case 'h' -> heap.ints.of(Native.getShort(p));
            case 'H' -> heap.ints.of(Native.getShort(p) & 0xffff);
            case 'i' -> heap.ints.of(Native.getInt(p));
            case 'I' -> heap.ints.of(Native.getInt(p) & 0xffffffffL);
            case 'l', 'q', 'n' -> heap.ints.of(Native.getLong(p));
            case 'L', 'Q', 'N', 'P' -> {
                long v = Native.getLong(p);
                yield v >= 0 ? heap.ints.of(v) : heap.ints.of(new BigInteger(Long.toUnsignedString(v)));
            }
            case 'f' -> heap.floats.of(Float.intBitsToFloat(Native.getInt(p)));
            case 'd' -> heap.floats.of(Double.longBitsToDouble(Native.getLong(p)));
            case '?' -> rt.ops.bool(Native.getByte(p) != 0);
            case 'c' -> heap.bytes.of(new byte[] {Native.getByte(p)});
            default -> throw rt.error("NotImplementedError", "memoryview: format " + (char) f + " not supported");
        };
    }

    /** The item at {@code p} as a Java value for comparisons: Long, BigInteger, Double or Byte ('c'). */
    private static Object value(int f, long p) {
        return switch (f) {
            case 'b' -> (long) Native.getByte(p);
            case 'B' -> (long) (Native.getByte(p) & 0xff);
            case 'h' -> (long) Native.getShort(p);
            case 'H' -> (long) (Native.getShort(p) & 0xffff);
            case 'i' -> (long) Native.getInt(p);
            case 'I' -> Native.getInt(p) & 0xffffffffL;
            case 'l', 'q', 'n' -> Native.getLong(p);
            case 'L', 'Q', 'N', 'P' -> {
                long v = Native.getLong(p);
                yield v >= 0 ? (Object) v : new BigInteger(Long.toUnsignedString(v));
            }
            case 'f' -> (double) Float.intBitsToFloat(Native.getInt(p));
            case 'd' -> Double.longBitsToDouble(Native.getLong(p));
            case '?' -> Native.getByte(p) != 0 ? 1L : 0L;
            default -> Byte.valueOf(Native.getByte(p));  // 'c'
        };
    }

    /** Python's == between two unpacked items (ints, floats, bools and 1-byte bytes). */
    private static boolean valueEquals(Object x, Object y) {
        if (x instanceof Byte || y instanceof Byte) return x.equals(y);
        if (x instanceof Double dx && y instanceof Double dy) return dx.doubleValue() == dy.doubleValue();
        if (x instanceof Double || y instanceof Double) {
            double d = x instanceof Double dx ? dx : (Double) y;
            Object i = x instanceof Double ? y : x;
            if (Double.isNaN(d) || Double.isInfinite(d)) return false;
            BigDecimal bi = i instanceof Long l ? BigDecimal.valueOf(l) : new BigDecimal((BigInteger) i);
            return new BigDecimal(d).compareTo(bi) == 0;
        }
        BigInteger bx = x instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) x;
        BigInteger by = y instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) y;
        return bx.equals(by);
    }

    /** pack_single: stores {@code v} at {@code p} in format {@code f}, with CPython's errors. */
    /**
     * Writes {@code v} at {@code p} in format {@code f}; {@code view} is checked again after the
     * value's conversion (an __index__, __float__ or __bool__ may release it: pack_single's
     * CHECK_RELEASED_INT_AGAIN), so nothing is written into a buffer given back.
     */
    private void pack(int f, long p, long v, long view) {
        switch (f) {
            case 'c' -> {
                if (heap.typeOf(v) != heap.bytes) throw typeErrorInt(f);
                if (BytesType.length(v) != 1) throw valueErrorInt(f);
                Native.putByte(p, BytesType.value(v)[0]);
            }
            case '?' -> {
                boolean b = rt.ops.truthy(v);
                checkLive(view);
                Native.putByte(p, (byte) (b ? 1 : 0));
            }
            case 'f', 'd' -> {
                double d;
                try {
                    d = api.asDouble(v);
                } catch (PyException e) {
                    throw fixErrorInt(e, f);
                }
                checkLive(view);
                if (f == 'f') Native.putInt(p, Float.floatToRawIntBits((float) d));
                else Native.putLong(p, Double.doubleToRawLongBits(d));
            }
            default -> {
                BigInteger x;
                if (f == 'P') {  // PyLong_AsVoidPtr: an int only, no __index__
                    if (!(heap.typeOf(v) instanceof IntType)) throw typeErrorInt(f);
                    x = IntType.toBig(v);
                    if (x.signum() < 0 ? x.bitLength() > 63 : x.bitLength() > 64) throw valueErrorInt(f);
                    Native.putLong(p, x.longValue());
                    return;
                }
                try {
                    x = api.asIndex(v);
                } catch (PyException e) {
                    throw fixErrorInt(e, f);
                }
                checkLive(view);
                int size = itemsizeOf(f);
                boolean unsigned = f == 'B' || f == 'H' || f == 'I' || f == 'L' || f == 'Q' || f == 'N';
                boolean ok = unsigned ? x.signum() >= 0 && x.bitLength() <= 8 * size : x.bitLength() <= 8 * size - 1;
                // CPython range-checks b/B/h/H/i/I against the C type, and l/L/q/Q/n/N through PyLong_As*
                if (!ok) throw valueErrorInt(f);
                long bits = x.longValue();
                switch (size) {
                    case 1 -> Native.putByte(p, (byte) bits);
                    case 2 -> Native.putShort(p, (short) bits);
                    case 4 -> Native.putInt(p, (int) bits);
                    default -> Native.putLong(p, bits);
                }
            }
        }
    }

    private PyException typeErrorInt(int f) { return rt.typeError("memoryview: invalid type for format '" + (char) f + "'"); }

    private PyException valueErrorInt(int f) { return rt.error("ValueError", "memoryview: invalid value for format '" + (char) f + "'"); }

    /** fix_error_int: a TypeError becomes "invalid type", an OverflowError or ValueError "invalid value". */
    private PyException fixErrorInt(PyException e, int f) {
        boolean type = api.isInstance(e, "TypeError");
        if (!type && !api.isInstance(e, "OverflowError") && !api.isInstance(e, "ValueError")) return e;
        heap.decref(e.exc());
        return type ? typeErrorInt(f) : valueErrorInt(f);
    }

    // ---- object protocol ------------------------------------------------------------------------

    @Override
    public void traverse(long o, LongConsumer visit) { visitField(o, MBUF, visit); }

    @Override
    public void references(long o, LongConsumer visit) { visitField(o, MBUF, visit); }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.weakrefs.clearWeakrefs(o);
        if (!released(o)) {
            Native.putLong(o + EXPORTS, 0);
            release(o);
        }
        long mbuf = get(o, MBUF);
        put(o, MBUF, 0);
        if (mbuf != 0) heap.decref(mbuf);
        heap.freeObject(o);
    }

    @Override
    public long hash(long o) {
        long h = get(o, HASH);
        if (h != -1) return h;
        checkLive(o);
        if (Native.getInt(o + V_READONLY) == 0) throw new dev.refheap.object.PyError("ValueError", "cannot hash writable memoryview object");
        if (!isByteFormat(fmt(o))) throw new dev.refheap.object.PyError("ValueError", "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        long obj = get(o, V_OBJ);
        if (obj != 0) heap.hash(obj);  // an unhashable exporter keeps its own error
        byte[] b = bytes(o, false);
        h = Hashing.fnvStart();
        for (byte x : b) h = Hashing.fnvStep(h, x & 0xff);
        h = Hashing.fnvFinish(h, b.length);
        put(o, HASH, h);
        return h;
    }

    @Override
    public boolean equals(long a, long b) {
        Boolean r = eq(a, b);
        return r != null && r;
    }

    @Override
    String repr(long o) { return (released(o) ? "<released memory at " : "<memory at ") + Ops.hex(o) + ">"; }

    @Override
    long len(long o) {
        checkLive(o);
        return ndim(o) == 0 ? 1 : shape(o, 0);
    }

    /** bool(view): its length (sq_length; no nb_bool), so an empty view is false; ValueError once released. */
    @Override
    Boolean truthy(long o) { return len(o) != 0; }

    /** memory_richcompare's ==: same shape, and items equal as Python values (formats may differ). */
    @Override
    Boolean eq(long a, long b) {
        long v = heap.typeOf(a) == this ? a : b, w = v == a ? b : a;
        if (released(v)) return v == w;
        int wf;
        long wbuf, wisz;
        long[] wshape, wstrides;
        if (heap.typeOf(w) == this) {
            if (released(w)) return v == w;
            wf = fmt(w);
            wbuf = get(w, V_BUF);
            wisz = itemsize(w);
            wshape = shapes(w);
            wstrides = strides(w);
        } else {
            PyType t = rt.ops.bufferView(w);
            if (t != heap.bytes && t != rt.byteArrayType) return eqExporter(v, w);
            byte[] bytes = BufferProtocol.bytesOrNull(rt, w);
            long[] vshape = shapes(v);
            if (vshape.length != 1 || vshape[0] != bytes.length) return false;
            Object[] mine = values(v);
            for (int i = 0; i < bytes.length; i++) if (!valueEquals(mine[i], (long) (bytes[i] & 0xff))) return false;
            return true;
        }
        if (!java.util.Arrays.equals(shapes(v), wshape)) return false;
        Object[] x = values(v);
        long total = x.length;
        // w's items in C order
        long[] idx = new long[wshape.length];
        for (int k = 0; k < total; k++) {
            long p = wbuf;
            for (int d = 0; d < idx.length; d++) p += idx[d] * wstrides[d];
            if (!valueEquals(x[k], value(wf, p))) return false;
            for (int j = idx.length - 1; j >= 0; j--) {
                if (++idx[j] < wshape[j]) break;
                idx[j] = 0;
            }
        }
        return wisz > 0;
    }

    /**
     * view == another exporter (an array, ...): through a view of its buffer with its own format, as
     * memory_richcompare takes it (PyBUF_FULL_RO), released after; NotImplemented (null) for an
     * object that exports none.
     */
    private Boolean eqExporter(long v, long w) {
        long tmp;
        try {
            tmp = create(w);
        } catch (PyException e) {
            rt.ops.dropTypeError(e);
            return null;
        }
        try {
            return eq(v, tmp);
        } finally {
            release(tmp);
            heap.decref(tmp);
        }
    }

    /** The items of {@code m} in C order, as comparison values. */
    private Object[] values(long m) {
        long[] shape = shapes(m), strides = strides(m);
        long total = 1;
        for (long s : shape) total *= s;
        Object[] out = new Object[(int) total];
        long[] idx = new long[shape.length];
        long buf = get(m, V_BUF);
        int f = fmt(m);
        for (int k = 0; k < total; k++) {
            long p = buf;
            for (int d = 0; d < idx.length; d++) p += idx[d] * strides[d];
            out[k] = value(f, p);
            for (int j = idx.length - 1; j >= 0; j--) {
                if (++idx[j] < shape[j]) break;
                idx[j] = 0;
            }
        }
        return out;
    }

    @Override
    Integer order(int op, long a, long b) { return null; }

    @Override
    long attr(long o, String name) {
        switch (name) {
            case "obj": checkLive(o); return Builtins.incref(heap, get(o, V_OBJ));
            case "nbytes": checkLive(o); return heap.ints.of(get(o, V_LEN));
            case "readonly": checkLive(o); return rt.ops.bool(Native.getInt(o + V_READONLY) != 0);
            case "itemsize": checkLive(o); return heap.ints.of(itemsize(o));
            case "format": checkLive(o); return heap.strs.of(formatString(o));
            case "ndim": checkLive(o); return heap.ints.of(ndim(o));
            case "shape": checkLive(o); return intTuple(shapes(o));
            case "strides": checkLive(o); return intTuple(strides(o));
            case "suboffsets": checkLive(o); return heap.tuples.alloc(0);
            case "c_contiguous": checkLive(o); return rt.ops.bool((Native.getInt(o + FLAGS) & C) != 0);
            case "f_contiguous": checkLive(o); return rt.ops.bool((Native.getInt(o + FLAGS) & FORTRAN) != 0);
            case "contiguous": checkLive(o); return rt.ops.bool((Native.getInt(o + FLAGS) & (C | FORTRAN)) != 0);
            default: return 0;
        }
    }

    private long intTuple(long[] v) {
        long t = heap.tuples.alloc(v.length);
        for (int i = 0; i < v.length; i++) TupleType.setItemSteal(t, i, heap.ints.of(v[i]));
        return t;
    }

    private boolean isIndex(long key) {
        return heap.typeOf(key) instanceof IntType || rt.ops.lookupType(heap.typeOf(key), "__index__") != 0;
    }

    /** PyNumber_AsSsize_t(key, IndexError). */
    private long asSsize(long key) {
        BigInteger x = api.asIndex(key);
        if (x.bitLength() > 63) throw rt.error("IndexError", "cannot fit '" + rt.ops.typeName(key) + "' into an index-sized integer");
        return x.longValue();
    }

    /** lookup_dimension: the address of item {@code index} along dimension {@code dim} from {@code p}. */
    private long lookup(long m, long p, int dim, long index) {
        long n = shape(m, dim);
        if (index < 0) index += n;
        if (index < 0 || index >= n) throw rt.error("IndexError", "index out of bounds on dimension " + (dim + 1));
        return p + stride(m, dim) * index;
    }

    /** is_multiindex / is_multislice: a tuple of indices, or of slices. */
    private boolean tupleOf(long key, boolean slices) {
        if (heap.typeOf(key) != heap.tuples) return false;
        for (long i = 0; i < TupleType.size(key); i++) {
            long x = TupleType.item(key, i);
            if (slices ? heap.typeOf(x) != rt.sliceType : !isIndex(x)) return false;
        }
        return true;
    }

    /** ptr_from_tuple. */
    private long fromTuple(long m, long key) {
        long n = TupleType.size(key);
        if (n > ndim(m)) throw rt.typeError("cannot index " + ndim(m) + "-dimension view with " + n + "-element tuple");
        long p = get(m, V_BUF);
        long[] idx = new long[(int) n];
        for (int d = 0; d < n; d++) idx[d] = asSsize(TupleType.item(key, d));
        checkLive(m);  // an index's __index__ may have released the view
        for (int d = 0; d < n; d++) p = lookup(m, p, d, idx[d]);
        return p;
    }

    @Override
    long getItem(long o, long key) {
        checkLive(o);
        int nd = ndim(o);
        if (nd == 0) {
            if (heap.typeOf(key) == heap.tuples && TupleType.size(key) == 0) {
                checkItemFormat(o);
                return unpack(fmt(o), get(o, V_BUF));
            }
            if (key == rt.ellipsis) return Builtins.incref(heap, o);
            throw rt.typeError("invalid indexing of 0-dim memory");
        }
        if (isIndex(key)) {
            long i = asSsize(key);
            checkLive(o);  // its __index__ may have released the view
            if (nd > 1) throw rt.error("NotImplementedError", "multi-dimensional sub-views are not implemented");
            checkItemFormat(o);
            return unpack(fmt(o), lookup(o, get(o, V_BUF), 0, i));
        }
        if (heap.typeOf(key) == rt.sliceType) {
            // memory_subscript makes the new view (mbuf_add_view) before the bounds' __index__ runs, so
            // one that releases this view leaves the buffer held for the slice: a share taken first
            long mbuf = get(o, MBUF);
            heap.incref(mbuf);
            Native.putLong(mbuf + ManagedBufferType.EXPORTS, get(mbuf, ManagedBufferType.EXPORTS) + 1);
            long[] s;
            try {
                s = Sequences.sliceIndices(rt, key, shape(o, 0));
            } catch (RuntimeException e) {
                dropShare(mbuf);
                heap.decref(mbuf);
                throw e;
            }
            long[] shape = shapes(o), strides = strides(o);
            long buf = get(o, V_BUF) + s[0] * strides[0];
            shape[0] = s[3];
            strides[0] *= s[2];
            long r = view(mbuf, buf, Native.getInt(o + V_READONLY) != 0, Native.getInt(o + V_FORMAT), itemsize(o), shape, strides);
            dropShare(mbuf);  // the view holds its own now
            return r;
        }
        if (tupleOf(key, false)) {
            if (TupleType.size(key) < nd) throw rt.error("NotImplementedError", "sub-views are not implemented");
            checkItemFormat(o);
            return unpack(fmt(o), fromTuple(o, key));
        }
        if (tupleOf(key, true)) throw rt.error("NotImplementedError", "multi-dimensional slicing is not implemented");
        throw rt.typeError("memoryview: invalid slice key");
    }

    @Override
    boolean setItem(long o, long key, long v) {
        checkLive(o);
        if (Native.getInt(o + V_READONLY) != 0) throw rt.typeError("cannot modify read-only memory");
        checkItemFormat(o);
        int f = fmt(o), nd = ndim(o);
        if (nd == 0) {
            if (key == rt.ellipsis || (heap.typeOf(key) == heap.tuples && TupleType.size(key) == 0)) {
                pack(f, get(o, V_BUF), v, o);
                return true;
            }
            throw rt.typeError("invalid indexing of 0-dim memory");
        }
        if (isIndex(key)) {
            if (nd > 1) throw rt.error("NotImplementedError", "sub-views are not implemented");
            long i = asSsize(key);  // an __index__ may release the view: checked again before the address is taken
            checkLive(o);
            pack(f, lookup(o, get(o, V_BUF), 0, i), v, o);
            return true;
        }
        if (heap.typeOf(key) == rt.sliceType && nd == 1) {
            setSlice(o, key, v);
            return true;
        }
        if (tupleOf(key, false)) {
            if (TupleType.size(key) < nd) throw rt.error("NotImplementedError", "sub-views are not implemented");
            pack(f, fromTuple(o, key), v, o);
            return true;
        }
        if (heap.typeOf(key) == rt.sliceType || tupleOf(key, true)) {
            throw rt.error("NotImplementedError", "memoryview slice assignments are currently restricted to ndim = 1");
        }
        throw rt.typeError("memoryview: invalid slice key");
    }

    /** m[slice] = exporter: same format and shape (copy_single), copied through a snapshot as memmove. */
    private void setSlice(long o, long key, long v) {
        int srcFormat;
        long srcItemsize;
        long[] srcShape;
        byte[] src;
        if (heap.typeOf(v) == this) {
            checkLive(v);
            srcFormat = fmt(v);
            srcItemsize = itemsize(v);
            srcShape = shapes(v);
            src = bytes(v, false);
        } else {
            src = BufferProtocol.bytesOrNull(rt, v);
            if (src == null) throw rt.typeError("a bytes-like object is required, not '" + rt.ops.typeName(v) + "'");
            srcFormat = 'B';
            srcItemsize = 1;
            if (rt.ops.bufferView(v) instanceof NativeType nt && nt.exportsBuffer()) {  // an exporter's own format (an array's typecode)
                NativeType.Buffer b = nt.getBuffer(v);
                nt.releaseBuffer(v);
                srcFormat = b.format();
                srcItemsize = b.itemsize();
            }
            srcShape = new long[] {src.length / srcItemsize};
        }
        long[] s = Sequences.sliceIndices(rt, key, shape(o, 0));
        checkLive(o);  // a bound's __index__ may have released the view
        long isz = itemsize(o);
        if (srcFormat != fmt(o) || srcItemsize != isz || srcShape.length != 1 || srcShape[0] != s[3]) {
            throw rt.error("ValueError", "memoryview assignment: lvalue and rvalue have different structures");
        }
        long buf = get(o, V_BUF), stride = stride(o, 0);
        for (int i = 0; i < s[3]; i++) Native.copyFrom(src, (int) (i * isz), buf + (s[0] + i * s[2]) * stride, (int) isz);
    }

    @Override
    boolean delItem(long o, long key) {
        checkLive(o);
        throw rt.typeError(Native.getInt(o + V_READONLY) != 0 ? "cannot modify read-only memory" : "cannot delete memory");
    }

    @Override
    long iter(long o) {
        checkLive(o);
        if (ndim(o) == 0) throw rt.typeError("invalid indexing of 0-dim memory");
        if (ndim(o) != 1) throw rt.error("NotImplementedError", "multi-dimensional sub-views are not implemented");
        checkItemFormat(o);
        return iterType.create(o);
    }

    @Override
    long construct(long typeObject, long[] a, int off, int n, long kw) {
        long[] v = ExecBuiltins.bind(rt, "memoryview", new String[] {"object"}, 0, 1, 1, a, off, n, kw);
        PyType t = rt.ops.bufferView(v[0]);  // a bytes or bytearray subclass instance exports its base's buffer
        if (t != heap.bytes && t != rt.byteArrayType && t != this && !(t instanceof NativeType nt && nt.exportsBuffer())) {
            throw rt.typeError("memoryview: a bytes-like object is required, not '" + rt.ops.typeName(v[0]) + "'");
        }
        return create(v[0]);
    }

    /** memory_cast: a new view of the same memory, 1-D in {@code format}, then shaped by {@code shapeObj} (or 0). */
    private long cast(long o, long formatObj, long shapeObj) {
        checkLive(o);
        if ((Native.getInt(o + FLAGS) & C) == 0) throw rt.typeError("memoryview: casts are restricted to C-contiguous views");
        int nd = ndim(o);
        if ((shapeObj != 0 || nd != 1) && zeroInShape(o)) throw rt.typeError("memoryview: cannot cast view with zeros in shape or strides");
        long[] shape = null;
        if (shapeObj != 0) {
            if (heap.typeOf(shapeObj) != heap.lists && heap.typeOf(shapeObj) != heap.tuples) throw rt.typeError("shape must be a list or a tuple");
            long n = heap.typeOf(shapeObj) == heap.tuples ? TupleType.size(shapeObj) : dev.refheap.object.ListType.size(shapeObj);
            if (n > MAX_NDIM) throw rt.error("ValueError", "memoryview: number of dimensions must not exceed 64");
            if (nd != 1 && n != 1) throw rt.typeError("memoryview: cast must be 1D -> ND or ND -> 1D");
            shape = new long[(int) n];
            for (int i = 0; i < n; i++) {
                long x = heap.typeOf(shapeObj) == heap.tuples ? TupleType.item(shapeObj, i) : dev.refheap.object.ListType.item(shapeObj, i);
                shape[i] = x;  // checked below, after the format (cast_to_1D runs first)
            }
        }
        // cast_to_1D
        String f = StrType.value(formatObj);
        for (int i = 0; i < f.length(); i++) {
            if (f.charAt(i) > 127) throw new PyException(Codecs.encodeError(rt, "ascii", formatObj, i, i + 1, "ordinal not in range(128)"));
        }
        boolean at = f.startsWith("@");
        String core = at ? f.substring(1) : f;
        int dest = core.length() == 1 ? core.charAt(0) : 0;
        int isz = itemsizeOf(dest);
        if (isz < 0) throw rt.error("ValueError", "memoryview: destination format must be a native single character format prefixed with an optional '@'");
        if (!isByteFormat(fmt(o)) && !isByteFormat(dest)) throw rt.typeError("memoryview: cannot cast between two non-byte formats");
        long len = get(o, V_LEN);
        if (len % isz != 0) throw rt.typeError("memoryview: length is not a multiple of itemsize");
        long[] dims;
        if (shape == null) {
            dims = new long[] {len / isz};
        } else {
            dims = new long[shape.length];
            long prod = 1;
            for (int i = 0; i < shape.length; i++) {
                long x = shape[i];
                if (!(heap.typeOf(x) instanceof IntType)) throw rt.typeError("memoryview.cast(): elements of shape must be integers");
                if (!IntType.fitsLong(x)) throw rt.error("OverflowError", "Python int too large to convert to C ssize_t");
                long d = IntType.asLong(x);
                if (d <= 0) throw rt.error("ValueError", "memoryview.cast(): elements of shape must be integers > 0");
                if (d > Long.MAX_VALUE / prod) throw rt.error("ValueError", "memoryview.cast(): product(shape) > SSIZE_MAX");
                prod *= d;
                dims[i] = d;
            }
            if (prod > Long.MAX_VALUE / isz || prod * isz != len) throw rt.typeError("memoryview: product(shape) * itemsize != buffer size");
        }
        long[] strides = new long[dims.length];
        long sd = isz;
        for (int d = dims.length - 1; d >= 0; d--) {
            strides[d] = sd;
            sd *= dims[d];
        }
        long mbuf = get(o, MBUF);
        heap.incref(mbuf);
        return view(mbuf, get(o, V_BUF), Native.getInt(o + V_READONLY) != 0, dest | (at ? AT : 0), isz, dims, strides);
    }

    private boolean zeroInShape(long m) {
        for (int d = 0; d < ndim(m); d++) if (shape(m, d) == 0) return true;
        return false;
    }

    /** tolist_rec: nested lists of the items (the item itself for 0 dimensions). */
    private long toList(long m, long p, int dim) {
        if (ndim(m) == 0) return unpack(fmt(m), p);
        long n = shape(m, dim), l = heap.lists.alloc(0);
        try {
            for (long i = 0; i < n; i++) {
                long q = p + i * stride(m, dim);
                long x = dim == ndim(m) - 1 ? unpack(fmt(m), q) : toList(m, q, dim + 1);
                heap.lists.append(l, x);
                heap.decref(x);
            }
        } catch (RuntimeException e) {  // an unsupported format ('w'): the list made so far is released
            heap.decref(l);
            throw e;
        }
        return l;
    }

    void install() {
        heap.register(mbufType);
        iterType.install();
        rt.putBuiltin("memoryview", address());
        TypeMethodsAccess.def(rt, this, "release", (s, a, o, n, kw) -> {
            Args.exactly(rt, "release", n, kw, 0);
            release(s);
            return Builtins.incref(heap, heap.None);
        });
        TypeMethodsAccess.def(rt, this, "tobytes", (s, a, o, n, kw) -> {
            long[] v = ExecBuiltins.bind(rt, "tobytes", new String[] {"order"}, 0, 1, 0, a, o, n, kw);
            checkLive(s);
            boolean fortran = false;
            if (v[0] != 0 && v[0] != heap.None) {
                if (!Heap.isStr(v[0])) throw rt.typeError("tobytes() argument 'order' must be str or None, not " + rt.ops.typeName(v[0]));
                String ord = StrType.value(v[0]);
                if (!ord.equals("C") && !ord.equals("F") && !ord.equals("A")) throw rt.error("ValueError", "order must be 'C', 'F' or 'A'");
                fortran = ord.equals("F") || (ord.equals("A") && (Native.getInt(s + FLAGS) & (C | FORTRAN)) == FORTRAN);
            }
            return heap.bytes.filled(bytes(s, fortran));
        });
        TypeMethodsAccess.def(rt, this, "tolist", (s, a, o, n, kw) -> {
            Args.exactly(rt, "tolist", n, kw, 0);
            checkLive(s);
            checkItemFormat(s);
            return toList(s, get(s, V_BUF), 0);
        });
        TypeMethodsAccess.def(rt, this, "hex", (s, a, o, n, kw) -> {
            long[] v = ExecBuiltins.bind(rt, "hex", new String[] {"sep", "bytes_per_sep"}, 0, 2, 0, a, o, n, kw);
            byte[] b = liveBytes(s);
            return heap.strs.of(BytesMethods.hex(rt, b, v[0], v[1] != 0 ? Builtins.intArg(rt, v[1]) : 1));
        });
        TypeMethodsAccess.def(rt, this, "toreadonly", (s, a, o, n, kw) -> {
            Args.exactly(rt, "toreadonly", n, kw, 0);
            checkLive(s);
            long mbuf = get(s, MBUF);
            heap.incref(mbuf);
            return view(mbuf, get(s, V_BUF), true, Native.getInt(s + V_FORMAT), itemsize(s), shapes(s), strides(s));
        });
        TypeMethodsAccess.def(rt, this, "cast", (s, a, o, n, kw) -> {
            long[] v = ExecBuiltins.bind(rt, "cast", new String[] {"format", "shape"}, 0, 2, 1, a, o, n, kw);
            if (!Heap.isStr(v[0])) throw rt.typeError("cast() argument 'format' must be str, not " + rt.ops.typeName(v[0]));
            return cast(s, v[0], v[1]);
        });
        TypeMethodsAccess.def(rt, this, "__enter__", (s, a, o, n, kw) -> {
            Args.exactly(rt, "__enter__", n, kw, 0);
            checkLive(s);
            return Builtins.incref(heap, s);
        });
        TypeMethodsAccess.def(rt, this, "__exit__", (s, a, o, n, kw) -> {
            release(s);
            return Builtins.incref(heap, heap.None);
        });
    }
}
