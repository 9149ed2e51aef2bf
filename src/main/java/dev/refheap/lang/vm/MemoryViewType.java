package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.Hashing;
import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import dev.refheap.object.ListType;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import java.util.function.LongConsumer;

/**
 * {@code memoryview} over bytes and bytearray (one dimension, format 'B'), with CPython 3.11's
 * two objects: the {@code managedbuffer} that holds the exporter's buffer (and a reference to the
 * exporter; a bytearray counts it in ob_exports, so it cannot resize), shared by every view made
 * from it, and the views themselves.
 * <pre>
 *  managedbuffer (112 + GC head): refcnt | type | flags | exports | master Py_buffer (buf obj len itemsize readonly/ndim format shape strides suboffsets internal)
 *  memoryview (144 + 3*8 + GC head = 184): refcnt | type | ob_size=3 | mbuf | hash | flags | exports | view (80) | weakreflist | shape | strides | suboffsets
 * </pre>
 * States: a view is live or released (release(), the with block's end, or its death); the
 * managed buffer is released (its buffer given back, the exporter's reference dropped, untracked)
 * when its last view is. A released view refuses every operation with ValueError.
 */
final class MemoryViewType extends ExtType {
    // memoryview fields
    static final int MBUF = 24, HASH = 32, FLAGS = 40, EXPORTS = 48, V_BUF = 56, V_OBJ = 64, V_LEN = 72, V_ITEMSIZE = 80,
            V_READONLY = 88, V_NDIM = 92, V_FORMAT = 96, V_SHAPE = 104, V_STRIDES = 112, V_SUBOFFSETS = 120, V_INTERNAL = 128,
            WEAKLIST = 136, SHAPE0 = 144, STRIDE0 = 152, SUBOFFSET0 = 160;
    static final int RELEASED = 0x1;
    final ManagedBufferType mbufType;

    MemoryViewType(Runtime rt) {
        super(rt, "memoryview", null, HAVE_GC, 144, 8, WEAKLIST);
        mbufType = new ManagedBufferType(rt);
    }

    /**
     * {@code managedbuffer}: holds the exporter's buffer while views use it. Its master.obj owns a
     * reference to the exporter (the only reference traversed).
     */
    static final class ManagedBufferType extends LangType {
        static final int FLAGS = 16, EXPORTS = 24, BUF = 32, OBJ = 40, LEN = 48, READONLY = 64;

        ManagedBufferType(Runtime rt) {
            super(rt, "managedbuffer", null, HAVE_GC, 112, 0, 0);
        }

        /** A managed buffer over bytes or bytearray {@code obj} (borrowed; it takes a reference). */
        long create(long obj) {
            long m = heap.allocObject(this, 0);
            for (int off = 16; off < 112; off += 8) Native.putLong(m + off, 0);
            heap.incref(obj);
            put(m, OBJ, obj);
            if (rt.ops.baseView(obj) == rt.byteArrayType) {  // a subclass instance exports its bytearray part
                ByteArrayType.addExport(obj, 1);
                Native.putLong(m + BUF, ByteArrayType.start(obj));
                Native.putLong(m + LEN, ByteArrayType.size(obj));
                Native.putInt(m + READONLY, 0);
            } else {
                Native.putLong(m + BUF, obj + dev.refheap.object.BytesType.SVAL);
                Native.putLong(m + LEN, dev.refheap.object.BytesType.length(obj));
                Native.putInt(m + READONLY, 1);
            }
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
                if (rt.ops.baseView(obj) == rt.byteArrayType) ByteArrayType.addExport(obj, -1);
                heap.decref(obj);
            }
        }

        @Override public void traverse(long o, LongConsumer visit) { visitField(o, OBJ, visit); }
        @Override public void references(long o, LongConsumer visit) { visitField(o, OBJ, visit); }
        @Override public boolean hasClear() { return true; }
        @Override public void clear(long o) { release(o); }

        @Override
        public void dealloc(long o) {
            release(o);
            heap.freeObject(o);
        }
    }

    /** A view of all of {@code obj} (bytes or bytearray), or of another memoryview's view. */
    long create(long source) {
        long mbuf;
        long buf, len, stride = 1;
        boolean readonly;
        if (heap.typeOf(source) == this) {
            checkLive(source);
            mbuf = get(source, MBUF);
            heap.incref(mbuf);
            buf = get(source, V_BUF);
            len = get(source, SHAPE0);
            stride = get(source, STRIDE0);
            readonly = Native.getInt(source + V_READONLY) != 0;
        } else {
            mbuf = mbufType.create(source);
            buf = get(mbuf, ManagedBufferType.BUF);
            len = get(mbuf, ManagedBufferType.LEN);
            readonly = Native.getInt(mbuf + ManagedBufferType.READONLY) != 0;
        }
        return view(mbuf, buf, len, stride, readonly);
    }

    /** mbuf_add_view: a view sharing {@code mbuf} (a reference stolen). */
    private long view(long mbuf, long buf, long len, long stride, boolean readonly) {
        long m = heap.allocObject(this, 3);
        for (int off = 24; off < 168; off += 8) Native.putLong(m + off, 0);
        put(m, MBUF, mbuf);
        put(m, HASH, -1);
        Native.putLong(mbuf + ManagedBufferType.EXPORTS, get(mbuf, ManagedBufferType.EXPORTS) + 1);
        put(m, V_BUF, buf);
        put(m, V_OBJ, get(mbuf, ManagedBufferType.OBJ));  // borrowed, as CPython's view.obj
        put(m, V_LEN, len * Math.abs(1L));
        put(m, V_ITEMSIZE, 1);
        Native.putInt(m + V_READONLY, readonly ? 1 : 0);
        Native.putInt(m + V_NDIM, 1);
        put(m, V_SHAPE, m + SHAPE0);
        put(m, V_STRIDES, m + STRIDE0);
        put(m, SHAPE0, len);
        put(m, STRIDE0, stride);
        heap.track(m);
        return m;
    }

    boolean released(long m) { return (Native.getInt(m + FLAGS) & RELEASED) != 0; }

    private void checkLive(long m) {
        if (released(m)) throw rt.error("ValueError", "operation forbidden on released memoryview object");
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

    static byte[] bytes(long m) {
        long n = get(m, SHAPE0), stride = get(m, STRIDE0), buf = get(m, V_BUF);
        byte[] b = new byte[(int) n];
        if (stride == 1) {
            if (n > 0) Native.copyTo(buf, b, 0, (int) n);
        } else {
            for (int i = 0; i < n; i++) b[i] = Native.getByte(buf + i * stride);
        }
        return b;
    }

    /** The bytes of a live view (for the buffer protocol's consumers). */
    byte[] liveBytes(long m) {
        checkLive(m);
        return bytes(m);
    }

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
        checkLive(o);
        if (Native.getInt(o + V_READONLY) == 0) throw new dev.refheap.object.PyError("ValueError", "cannot hash writable memoryview object");
        long h = get(o, HASH);
        if (h != -1) return h;
        byte[] b = bytes(o);
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
        return get(o, SHAPE0);
    }

    @Override
    Boolean eq(long a, long b) {
        if (a == b) return true;
        long m = heap.typeOf(a) == this ? a : b, other = m == a ? b : a;
        if (released(m) || (heap.typeOf(other) == this && released(other))) return false;
        byte[] x = bytes(m), y = BufferProtocol.bytesOrNull(rt, other);
        if (y == null) return null;
        return java.util.Arrays.equals(x, y);
    }

    @Override
    Integer order(int op, long a, long b) { return null; }

    @Override
    long attr(long o, String name) {
        switch (name) {
            case "obj": checkLive(o); return Builtins.incref(heap, get(o, V_OBJ));
            case "nbytes": checkLive(o); return heap.ints.of(get(o, SHAPE0));
            case "readonly": checkLive(o); return rt.ops.bool(Native.getInt(o + V_READONLY) != 0);
            case "itemsize": checkLive(o); return heap.ints.of(1);
            case "format": checkLive(o); return heap.strs.of("B");
            case "ndim": checkLive(o); return heap.ints.of(1);
            case "shape": checkLive(o); return tuple1(heap.ints.of(get(o, SHAPE0)));
            case "strides": checkLive(o); return tuple1(heap.ints.of(get(o, STRIDE0)));
            case "suboffsets": checkLive(o); return heap.tuples.alloc(0);
            case "c_contiguous": case "f_contiguous": case "contiguous":
                checkLive(o);
                return rt.ops.bool(get(o, STRIDE0) == 1 || get(o, SHAPE0) <= 1);
            default: return 0;
        }
    }

    private long tuple1(long item) {
        long t = heap.tuples.alloc(1);
        TupleType.setItemSteal(t, 0, item);
        return t;
    }

    @Override
    long getItem(long o, long key) {
        checkLive(o);
        long n = get(o, SHAPE0);
        if (heap.typeOf(key) == rt.sliceType) {
            long[] s = Sequences.sliceIndices(rt, key, n);
            long mbuf = get(o, MBUF);
            heap.incref(mbuf);
            return view(mbuf, get(o, V_BUF) + s[0] * get(o, STRIDE0), s[3], s[2] * get(o, STRIDE0), Native.getInt(o + V_READONLY) != 0);
        }
        if (heap.typeOf(key) == heap.tuples && TupleType.size(key) == 0) {
            throw rt.typeError("invalid indexing of 1-dim memory");
        }
        long i = index(key, n);
        return heap.ints.of(Native.getByte(get(o, V_BUF) + i * get(o, STRIDE0)) & 0xff);
    }

    private long index(long key, long n) {
        if (!(rt.ops.baseView(key) instanceof IntType)) throw rt.typeError("memoryview: invalid slice key");
        long i = IntType.fitsLong(key) ? IntType.asLong(key) : Long.MAX_VALUE;
        if (i < 0) i += n;
        if (i < 0 || i >= n) throw rt.error("IndexError", "index out of bounds on dimension 1");
        return i;
    }

    @Override
    boolean setItem(long o, long key, long v) {
        checkLive(o);
        if (Native.getInt(o + V_READONLY) != 0) throw rt.typeError("cannot modify read-only memory");
        long n = get(o, SHAPE0), buf = get(o, V_BUF), stride = get(o, STRIDE0);
        if (heap.typeOf(key) == rt.sliceType) {
            long[] s = Sequences.sliceIndices(rt, key, n);
            byte[] b = BufferProtocol.bytesOrNull(rt, v);
            if (b == null) throw rt.typeError("a bytes-like object is required, not '" + rt.ops.typeName(v) + "'");
            if (b.length != s[3]) throw rt.error("ValueError", "memoryview assignment: lvalue and rvalue have different structures");
            for (int i = 0; i < b.length; i++) Native.putByte(buf + (s[0] + i * s[2]) * stride, b[i]);
            return true;
        }
        long i = index(key, n);
        if (!(rt.ops.baseView(v) instanceof IntType)) throw rt.typeError("memoryview: invalid type for format 'B'");
        long x = IntType.fitsLong(v) ? IntType.asLong(v) : -1;
        if (x < 0 || x > 255) throw rt.error("ValueError", "memoryview: invalid value for format 'B'");
        Native.putByte(buf + i * stride, (byte) x);
        return true;
    }

    @Override
    boolean delItem(long o, long key) {
        checkLive(o);
        throw rt.typeError(Native.getInt(o + V_READONLY) != 0 ? "cannot modify read-only memory" : "cannot delete memory");
    }

    @Override
    long iter(long o) {
        checkLive(o);
        return BytesMethods.iterOver(rt, bytes(o));
    }

    @Override
    long construct(long typeObject, long[] a, int off, int n, long kw) {
        long[] v = ExecBuiltins.bind(rt, "memoryview", new String[] {"object"}, 0, 1, 1, a, off, n, kw);
        PyType t = rt.ops.baseView(v[0]);  // a bytes or bytearray subclass instance exports its base's buffer
        if (t != heap.bytes && t != rt.byteArrayType && t != this) {
            throw rt.typeError("memoryview: a bytes-like object is required, not '" + rt.ops.typeName(v[0]) + "'");
        }
        return create(v[0]);
    }

    void install() {
        heap.register(mbufType);
        heap.dicts.setItem(rt.builtinsDict, "memoryview", address());
        TypeMethodsAccess.def(rt, this, "release", (s, a, o, n, kw) -> {
            Args.exactly(rt, "release", n, kw, 0);
            release(s);
            return Builtins.incref(heap, heap.None);
        });
        TypeMethodsAccess.def(rt, this, "tobytes", (s, a, o, n, kw) -> {
            Args.range(rt, "tobytes", n, kw, 0, 1);
            return heap.bytes.of(liveBytes(s));
        });
        TypeMethodsAccess.def(rt, this, "tolist", (s, a, o, n, kw) -> {
            Args.exactly(rt, "tolist", n, kw, 0);
            long l = heap.lists.alloc(0);
            for (byte c : liveBytes(s)) {
                long x = heap.ints.of(c & 0xff);
                heap.lists.append(l, x);
                heap.decref(x);
            }
            return l;
        });
        TypeMethodsAccess.def(rt, this, "hex", (s, a, o, n, kw) -> {
            Args.exactly(rt, "hex", n, kw, 0);
            StringBuilder sb = new StringBuilder();
            for (byte c : liveBytes(s)) sb.append(String.format("%02x", c & 0xff));
            return heap.strs.of(sb.toString());
        });
        TypeMethodsAccess.def(rt, this, "toreadonly", (s, a, o, n, kw) -> {
            Args.exactly(rt, "toreadonly", n, kw, 0);
            checkLive(s);
            long mbuf = get(s, MBUF);
            heap.incref(mbuf);
            return view(mbuf, get(s, V_BUF), get(s, SHAPE0), get(s, STRIDE0), true);
        });
        TypeMethodsAccess.def(rt, this, "cast", (s, a, o, n, kw) -> {
            throw rt.error("NotImplementedError", "refheap does not support memoryview.cast yet");
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

    static Heap heapOf(Runtime rt) { return rt.heap; }
    static long listSize(long l) { return ListType.size(l); }
}
