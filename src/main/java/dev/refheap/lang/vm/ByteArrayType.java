package dev.refheap.lang.vm;

import dev.refheap.lang.bytecode.BinaryOp;
import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import dev.refheap.object.ListType;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;

/**
 * {@code bytearray}: CPython 3.11's PyByteArrayObject, 56 bytes, not GC-tracked, its bytes in a
 * separate block from the allocator:
 * <pre>
 *  refcnt | type | ob_size | ob_alloc | ob_bytes | ob_start | ob_exports
 * </pre>
 * getsizeof is 56 + ob_alloc. Invariants: ob_start - ob_bytes + ob_size + 1 &lt;= ob_alloc (a NUL
 * follows the data) unless ob_alloc is 0 (no buffer); ob_exports counts the buffers memoryviews
 * hold, and while it is non-zero every resize raises BufferError. Resizing follows
 * PyByteArray_Resize (grow by about 1/8 with a small constant, shrink to exact size below half),
 * deleting a prefix moves ob_start (bytearray_setslice_linear), so sizes match CPython's.
 */
final class ByteArrayType extends ExtType {
    static final int SIZE = 16, ALLOC = 24, BYTES = 32, START = 40, EXPORTS = 48;

    ByteArrayType(Runtime rt) {
        super(rt, "bytearray", null, BASETYPE, 56, 0, 0);
    }

    static long size(long o) { return Native.getLong(o + SIZE); }
    static long alloc(long o) { return Native.getLong(o + ALLOC); }
    static long start(long o) { return Native.getLong(o + START); }
    static long exports(long o) { return Native.getLong(o + EXPORTS); }
    static void addExport(long o, int d) { Native.putLong(o + EXPORTS, exports(o) + d); }

    static byte[] value(long o) {
        byte[] b = new byte[(int) size(o)];
        if (b.length > 0) Native.copyTo(start(o), b, 0, b.length);
        return b;
    }

    /** An empty bytearray (ob_alloc 0, no buffer). */
    long create() {
        long o = heap.allocObject(this, 0);
        Native.putLong(o + SIZE, 0);
        Native.putLong(o + ALLOC, 0);
        Native.putLong(o + BYTES, 0);
        Native.putLong(o + START, 0);
        Native.putLong(o + EXPORTS, 0);
        return o;
    }

    /** PyByteArray_FromStringAndSize: exactly size + 1 allocated. */
    long of(byte[] b) {
        long o = create();
        if (b.length > 0) {
            long buf = heap.memAlloc(b.length + 1);
            Native.copyFrom(b, 0, buf, b.length);
            Native.putByte(buf + b.length, (byte) 0);
            Native.putLong(o + BYTES, buf);
            Native.putLong(o + START, buf);
            Native.putLong(o + ALLOC, b.length + 1);
            Native.putLong(o + SIZE, b.length);
        }
        return o;
    }

    private void checkResizable(long o) {
        if (exports(o) > 0) throw rt.error("BufferError", "Existing exports of data: object cannot be re-sized");
    }

    /** PyByteArray_Resize. */
    void resize(long o, long size) {
        long alloc = alloc(o), bytes = Native.getLong(o + BYTES), start = start(o);
        long logicalOffset = start - bytes;
        if (size == size(o)) return;
        checkResizable(o);
        if (size + logicalOffset + 1 <= alloc) {
            if (size < alloc / 2) {
                alloc = size + 1;
            } else {
                Native.putLong(o + SIZE, size);
                Native.putByte(start + size, (byte) 0);
                return;
            }
        } else if (size <= alloc * 1.125) {
            alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
        } else {
            alloc = size + 1;
        }
        long buf;
        if (logicalOffset > 0) {
            buf = heap.memAlloc(alloc);
            long keep = Math.min(size, size(o));
            if (keep > 0) Native.copy(start, buf, keep);
            heap.memFree(bytes);
        } else {
            buf = bytes == 0 ? heap.memAlloc(alloc) : heap.memRealloc(bytes, alloc);
        }
        Native.putLong(o + BYTES, buf);
        Native.putLong(o + START, buf);
        Native.putLong(o + SIZE, size);
        Native.putLong(o + ALLOC, alloc);
        Native.putByte(buf + size, (byte) 0);
    }

    /** bytearray_setslice_linear: replaces [lo, hi) by {@code b}. */
    void setSliceLinear(long o, long lo, long hi, byte[] b) {
        long needed = b.length, avail = hi - lo, growth = needed - avail, n = size(o);
        if (growth < 0) {
            checkResizable(o);
            long s = start(o);
            if (lo == 0) {
                Native.putLong(o + START, s - growth);
            } else {
                Native.copy(s + hi, s + lo + needed, n - hi);
            }
            // the logical start already moved: resize from the new start
            Native.putLong(o + SIZE, n);
            resizeAfterShrink(o, n + growth);
        } else if (growth > 0) {
            resize(o, n + growth);
            long s = start(o);
            Native.copy(s + hi, s + lo + needed, size(o) - lo - needed);
        }
        if (needed > 0) Native.copyFrom(b, 0, start(o) + lo, b.length);
    }

    /** PyByteArray_Resize after ob_start moved (its size still the old one). */
    private void resizeAfterShrink(long o, long size) {
        long alloc = alloc(o), bytes = Native.getLong(o + BYTES), start = start(o);
        long logicalOffset = start - bytes;
        if (size + logicalOffset + 1 <= alloc && size >= alloc / 2) {
            Native.putLong(o + SIZE, size);
            Native.putByte(start + size, (byte) 0);
            return;
        }
        long newAlloc = size + 1;
        long buf = heap.memAlloc(newAlloc);
        if (size > 0) Native.copy(start, buf, size);
        heap.memFree(bytes);
        Native.putLong(o + BYTES, buf);
        Native.putLong(o + START, buf);
        Native.putLong(o + SIZE, size);
        Native.putLong(o + ALLOC, newAlloc);
        Native.putByte(buf + size, (byte) 0);
    }

    void append(long o, int v) {
        long n = size(o);
        resize(o, n + 1);
        Native.putByte(start(o) + n, (byte) v);
    }

    @Override
    public long sizeOf(long o) { return 56 + alloc(o); }

    /** bytearray_sizeof reads tp_basicsize of the object's own type: a subclass's, then ob_alloc. */
    @Override
    public long subtypeSizeOf(long o, long subtypeBasicSize) { return subtypeBasicSize + alloc(o); }

    /**
     * bytearray is a data base: a subclass's instances (PyByteArrayObject, then __weakref__ and a
     * managed dict) act as bytearrays for what the class does not define.
     */
    @Override
    public boolean isDataBase() { return true; }

    @Override
    public void dealloc(long o) {
        long b = Native.getLong(o + BYTES);
        if (b != 0) heap.memFree(b);
        heap.freeObject(o);
    }

    @Override
    public long hash(long o) { throw new dev.refheap.object.PyError("TypeError", "unhashable type: 'bytearray'"); }

    @Override
    public boolean equals(long a, long b) {
        byte[] x = BufferProtocol.bytesOrNull(rt, b);
        return x != null && java.util.Arrays.equals(value(a), x);
    }

    @Override
    String repr(long o) {
        String tn = heap.typeOf(o).name();  // bytearray_repr: Py_TYPE(self)->tp_name, a subclass's __name__
        return tn + "(" + Strings.bytesRepr(value(o)) + ")";
    }

    @Override
    Boolean truthy(long o) { return size(o) != 0; }

    @Override
    long len(long o) { return size(o); }

    @Override
    Boolean eq(long a, long b) {
        byte[] x = BufferProtocol.bytesOrNull(rt, a), y = BufferProtocol.bytesOrNull(rt, b);
        if (x == null || y == null) return null;
        return java.util.Arrays.equals(x, y);
    }

    @Override
    Integer order(int op, long a, long b) {
        byte[] x = BufferProtocol.bytesOrNull(rt, a), y = BufferProtocol.bytesOrNull(rt, b);
        if (x == null || y == null) return null;
        return Integer.signum(java.util.Arrays.compareUnsigned(x, y));
    }

    @Override
    int contains(long o, long item) { return containsIn(rt, value(o), item) ? 1 : 0; }

    /** bytes' and bytearray's sq_contains over bytes {@code v}: an int in range(256), or a bytes-like subsequence. */
    static boolean containsIn(Runtime rt, byte[] v, long item) {
        if (rt.ops.baseView(item) instanceof IntType) {
            long x = Builtins.intArg(rt, item);
            if (x < 0 || x > 255) throw rt.error("ValueError", "byte must be in range(0, 256)");
            for (byte c : v) if ((c & 0xff) == x) return true;
            return false;
        }
        byte[] s = BufferProtocol.bytesOrNull(rt, item);
        if (s == null) throw rt.typeError("a bytes-like object is required, not '" + rt.ops.typeName(item) + "'");
        return BytesMethods.indexOf(v, s, 0, v.length) >= 0;
    }

    @Override
    long iter(long o) {
        return rt.iterType.create(IterType.Kind.BYTEARRAY, o, 0);
    }

    @Override
    long getItem(long o, long key) {
        long n = size(o);
        if (heap.typeOf(key) == rt.sliceType) {
            long[] s = Sequences.sliceIndices(rt, key, n);
            byte[] v = value(o), r = new byte[(int) s[3]];
            for (int i = 0; i < r.length; i++) r[i] = v[(int) (s[0] + i * s[2])];
            return of(r);
        }
        long i = index(key, n, "bytearray index out of range");
        return heap.ints.of(Native.getByte(start(o) + i) & 0xff);
    }

    private long index(long key, long n, String error) {
        if (!rt.ops.hasIndex(key)) throw rt.typeError("bytearray indices must be integers or slices, not " + rt.ops.typeName(key));
        long k = rt.ops.numberIndex(key);  // (an object with __index__ too)
        long i = IntType.fitsLong(k) ? IntType.asLong(k) : Long.MAX_VALUE;
        heap.decref(k);
        if (i < 0) i += n;
        if (i < 0 || i >= n) throw rt.error("IndexError", error);
        return i;
    }

    private int byteValue(long v) {
        if (!(rt.ops.baseView(v) instanceof IntType)) throw rt.typeError("'" + rt.ops.typeName(v) + "' object cannot be interpreted as an integer");
        long x = IntType.fitsLong(v) ? IntType.asLong(v) : -1;
        if (x < 0 || x > 255) throw rt.error("ValueError", "byte must be in range(0, 256)");
        return (int) x;
    }

    @Override
    boolean setItem(long o, long key, long v) {
        long n = size(o);
        if (heap.typeOf(key) == rt.sliceType) {
            long[] s = Sequences.sliceIndices(rt, key, n);
            byte[] b = itemsOf(v, o);
            if (s[2] == 1) {
                long hi = Math.max(s[0], s[1]);
                setSliceLinear(o, s[0], hi, b);
            } else {
                if (b.length != s[3]) {
                    throw rt.error("ValueError", "attempt to assign bytes of size " + b.length + " to extended slice of size " + s[3]);
                }
                for (int i = 0; i < b.length; i++) Native.putByte(start(o) + s[0] + i * s[2], b[i]);
            }
            return true;
        }
        long i = index(key, n, "bytearray index out of range");
        Native.putByte(start(o) + i, (byte) byteValue(v));
        return true;
    }

    /** The bytes of a slice assignment's right-hand side (bytes-like or iterable of ints). */
    private byte[] itemsOf(long v, long self) {
        byte[] b = BufferProtocol.bytesOrNull(rt, v);
        if (b != null) return b;
        if (heap.typeOf(v) == heap.strs) throw rt.typeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        if (rt.ops.baseView(v) instanceof IntType) throw rt.typeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return intsOf(v);
    }

    byte[] intsOf(long iterable) {
        long l = Builtins.toList(rt, iterable);
        try {
            byte[] r = new byte[(int) ListType.size(l)];
            for (int i = 0; i < r.length; i++) r[i] = (byte) byteValue(ListType.item(l, i));
            return r;
        } finally {
            heap.decref(l);
        }
    }

    @Override
    boolean delItem(long o, long key) {
        long n = size(o);
        if (heap.typeOf(key) == rt.sliceType) {
            long[] s = Sequences.sliceIndices(rt, key, n);
            if (s[2] == 1) {
                setSliceLinear(o, s[0], Math.max(s[0], s[1]), new byte[0]);
            } else {
                if (s[3] > 0) checkResizable(o);
                byte[] v = value(o);
                java.util.BitSet gone = new java.util.BitSet();
                for (long k = 0; k < s[3]; k++) gone.set((int) (s[0] + k * s[2]));
                java.io.ByteArrayOutputStream keep = new java.io.ByteArrayOutputStream();
                for (int k = 0; k < v.length; k++) if (!gone.get(k)) keep.write(v[k]);
                byte[] r = keep.toByteArray();
                if (r.length > 0) Native.copyFrom(r, 0, start(o), r.length);
                resize(o, r.length);
            }
            return true;
        }
        long i = index(key, n, "bytearray index out of range");
        checkResizable(o);
        long s = start(o);
        Native.copy(s + i + 1, s + i, n - i - 1);
        resize(o, n - 1);
        return true;
    }

    @Override
    long binary(BinaryOp op, long a, long b) {
        if (op == BinaryOp.ADD) {
            byte[] x = BufferProtocol.bytesOrNull(rt, a), y = BufferProtocol.bytesOrNull(rt, b);
            if (x == null || y == null) {
                if (rt.ops.baseView(a) == this) throw rt.typeError("can't concat " + rt.ops.typeName(b) + " to bytearray");
                return 0;
            }
            byte[] r = java.util.Arrays.copyOf(x, x.length + y.length);
            System.arraycopy(y, 0, r, x.length, y.length);
            return rt.ops.baseView(a) == this ? of(r) : heap.bytes.of(r);
        }
        if (op == BinaryOp.MULTIPLY) {
            long seq = rt.ops.baseView(a) == this ? a : b, count = seq == a ? b : a;
            if (!(rt.ops.baseView(count) instanceof IntType)) return 0;
            long k = Math.max(0, Builtins.intArg(rt, count));
            byte[] v = value(seq);
            checkRepeat(v.length, k);
            byte[] r = new byte[(int) (v.length * k)];
            for (int i = 0; i < k; i++) System.arraycopy(v, 0, r, i * v.length, v.length);
            return of(r);
        }
        if (op == BinaryOp.REMAINDER && rt.ops.baseView(a) == this) {
            return Formats.percentBytes(rt, value(a), b, true);  // bytearray_mod
        }
        return 0;
    }

    /** bytearray_repeat's size check (MemoryError past PY_SSIZE_T_MAX), and the largest array this runtime can hold. */
    private void checkRepeat(long len, long count) {
        if (count > 0 && len > Long.MAX_VALUE / count || len * count > Integer.MAX_VALUE - 8) throw rt.error("MemoryError", null);
    }

    @Override
    long inplace(BinaryOp op, long a, long b) {
        if (op == BinaryOp.ADD) {
            byte[] y = BufferProtocol.bytesOrNull(rt, b);
            if (y == null) throw rt.typeError("can't concat " + rt.ops.typeName(b) + " to bytearray");
            long n = size(a);
            resize(a, n + y.length);
            if (y.length > 0) Native.copyFrom(y, 0, start(a) + n, y.length);
            return Builtins.incref(heap, a);
        }
        if (op == BinaryOp.MULTIPLY && rt.ops.baseView(b) instanceof IntType) {
            long k = Math.max(0, Builtins.intArg(rt, b));
            byte[] v = value(a);
            checkRepeat(v.length, k);
            resize(a, v.length * k);
            for (int i = 0; i < k; i++) Native.copyFrom(v, 0, start(a) + (long) i * v.length, v.length);
            return Builtins.incref(heap, a);
        }
        return 0;
    }

    /** bytearray(source=..., encoding=..., errors=...) as bytearray_init. */
    @Override
    long construct(long typeObject, long[] a, int off, int n, long kw) {
        long o = create();
        try {
            init(o, a, off, n, kw);
            return o;
        } catch (PyException e) {
            heap.decref(o);
            throw e;
        }
    }

    /**
     * bytearray___init__: empties {@code o} (a bytearray or an instance of a subclass), then fills it
     * from source/encoding/errors. The object is left valid (possibly partly filled) when it raises.
     */
    void init(long o, long[] a, int off, int n, long kw) {
        long[] v = ExecBuiltins.bind(rt, "bytearray", new String[] {"source", "encoding", "errors"}, 0, 3, 0, a, off, n, kw);
        resize(o, 0);
        long src = v[0];
        if (src == 0) {
            if (v[1] != 0) throw rt.typeError("encoding without a string argument");
            if (v[2] != 0) throw rt.typeError("errors without a string argument");
            return;
        }
        if (Heap.isStr(src)) {
            if (v[1] == 0) throw rt.typeError("string argument without an encoding");
            String enc = Codecs.strArg(rt, v[1], "bytearray() argument 'encoding'");
            String err = v[2] == 0 ? "strict" : Codecs.strArg(rt, v[2], "bytearray() argument 'errors'");
            long b = Codecs.encode(rt, src, enc, err);
            try {
                fill(o, dev.refheap.object.BytesType.value(b));
            } finally {
                heap.decref(b);
            }
            return;
        }
        if (v[1] != 0) throw rt.typeError("encoding without a string argument");
        if (v[2] != 0) throw rt.typeError("errors without a string argument");
        long idx = rt.ops.indexUnlessTypeError(src);  // _PyIndex_Check: a size through PyNumber_AsSsize_t; its TypeError falls through
        if (idx != 0) {
            long count;
            try {
                count = Builtins.intArg(rt, idx);
            } finally {
                heap.decref(idx);
            }
            if (count < 0) throw rt.error("ValueError", "negative count");
            resize(o, count);
            if (count > 0) Native.fill(start(o), count, (byte) 0);
            return;
        }
        byte[] b = BufferProtocol.bytesOrNull(rt, src);
        if (b != null) {
            fill(o, b);
            return;
        }
        PyType st = heap.typeOf(src);
        if (st == heap.lists || st == heap.tuples) {
            fill(o, intsOf(src));
            return;
        }
        long it;
        try {
            it = rt.ops.iter(src);
        } catch (PyException e) {
            heap.decref(e.exc());
            throw rt.typeError("cannot convert '" + rt.ops.typeName(src) + "' object to bytearray");
        }
        try {
            for (long x = rt.ops.next(it); x != 0; x = rt.ops.next(it)) {
                int bv;
                try {
                    bv = byteValue(x);
                } finally {
                    heap.decref(x);
                }
                long sz = size(o);
                if (sz + 1 < alloc(o)) {
                    Native.putLong(o + SIZE, sz + 1);
                    Native.putByte(start(o) + sz + 1, (byte) 0);
                } else {
                    resize(o, sz + 1);
                }
                Native.putByte(start(o) + sz, (byte) bv);
            }
        } finally {
            heap.decref(it);
        }
    }

    private void fill(long o, byte[] b) {
        resize(o, b.length);
        if (b.length > 0) Native.copyFrom(b, 0, start(o), b.length);
    }

    /** bytearray.extend: a bytes-like object is concatenated; other iterables go through a temporary bytearray. */
    private void extend(long o, long src) {
        byte[] b = BufferProtocol.bytesOrNull(rt, src);
        if (b == null) {
            long it;
            try {
                it = rt.ops.iter(src);
            } catch (PyException e) {
                heap.decref(e.exc());
                throw rt.typeError("can't extend bytearray with " + rt.ops.typeName(src));
            }
            heap.decref(it);
            b = intsOf(src);
        }
        long n = size(o);
        setSliceLinear(o, n, n, b);
    }

    void install() {
        rt.putBuiltin("bytearray", address());
        BytesMethods.install(rt, this);
        TypeMethodsAccess.def(rt, this, "append", (s, a, o, n, kw) -> {
            Args.exactly(rt, "append", n, kw, 1);
            append(s, byteValue(a[o]));
            return Builtins.incref(heap, heap.None);
        });
        TypeMethodsAccess.def(rt, this, "extend", (s, a, o, n, kw) -> {
            Args.exactly(rt, "extend", n, kw, 1);
            extend(s, a[o]);
            return Builtins.incref(heap, heap.None);
        });
        TypeMethodsAccess.def(rt, this, "pop", (s, a, o, n, kw) -> {
            Args.range(rt, "pop", n, kw, 0, 1);
            long len = size(s);
            if (len == 0) throw rt.error("IndexError", "pop from empty bytearray");
            long i = n == 0 ? len - 1 : Builtins.intArg(rt, a[o]);
            if (i < 0) i += len;
            if (i < 0 || i >= len) throw rt.error("IndexError", "pop index out of range");
            checkResizable(s);
            int v = Native.getByte(start(s) + i) & 0xff;
            Native.copy(start(s) + i + 1, start(s) + i, len - i - 1);
            resize(s, len - 1);
            return heap.ints.of(v);
        });
        TypeMethodsAccess.def(rt, this, "remove", (s, a, o, n, kw) -> {
            Args.exactly(rt, "remove", n, kw, 1);
            int v = byteValue(a[o]);
            long len = size(s);
            for (long i = 0; i < len; i++) {
                if ((Native.getByte(start(s) + i) & 0xff) == v) {
                    checkResizable(s);
                    Native.copy(start(s) + i + 1, start(s) + i, len - i - 1);
                    resize(s, len - 1);
                    return Builtins.incref(heap, heap.None);
                }
            }
            throw rt.error("ValueError", "value not found in bytearray");
        });
        TypeMethodsAccess.def(rt, this, "insert", (s, a, o, n, kw) -> {
            if (n != 2 || Args.nkw(kw) > 0) throw rt.typeError("insert expected 2 arguments, got " + n);
            long len = size(s), i = Builtins.intArg(rt, a[o]);
            int v = byteValue(a[o + 1]);
            if (i < 0) i = Math.max(0, i + len);
            i = Math.min(i, len);
            resize(s, len + 1);
            Native.copy(start(s) + i, start(s) + i + 1, len - i);
            Native.putByte(start(s) + i, (byte) v);
            return Builtins.incref(heap, heap.None);
        });
        TypeMethodsAccess.def(rt, this, "clear", (s, a, o, n, kw) -> {
            Args.exactly(rt, "clear", n, kw, 0);
            resize(s, 0);
            return Builtins.incref(heap, heap.None);
        });
        TypeMethodsAccess.def(rt, this, "copy", (s, a, o, n, kw) -> {
            Args.exactly(rt, "copy", n, kw, 0);
            return of(value(s));
        });
        TypeMethodsAccess.def(rt, this, "reverse", (s, a, o, n, kw) -> {
            Args.exactly(rt, "reverse", n, kw, 0);
            byte[] v = value(s);
            for (int i = 0; i < v.length; i++) Native.putByte(start(s) + i, v[v.length - 1 - i]);
            return Builtins.incref(heap, heap.None);
        });
        TypeMethodsAccess.def(rt, this, "__alloc__", (s, a, o, n, kw) -> {
            Args.exactly(rt, "__alloc__", n, kw, 0);
            return heap.ints.of(alloc(s));
        });
        TypeMethodsAccess.def(rt, this, "__sizeof__", (s, a, o, n, kw) -> {
            Args.exactly(rt, "__sizeof__", n, kw, 0);
            return heap.ints.of(heap.typeOf(s).sizeOf(s));
        });
    }

    static Heap heapOf(Runtime rt) { return rt.heap; }
    static long tupleSize(long t) { return TupleType.size(t); }
}
