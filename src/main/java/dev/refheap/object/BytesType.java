package dev.refheap.object;

import dev.refheap.memory.Native;

/**
 * {@code bytes}: refcount, type, ob_size, cached hash, then the bytes and a NUL (33 bytes for
 * b''). b'' and the 256 one-byte values are static singletons. An instance of a Python subclass
 * has the same layout (bytes_subtype_new copies the bytes, their NUL and the cached hash), then
 * the subclass's dict pointer after the bytes (tp_dictoffset -8); bytes has no weakref slot.
 */
public final class BytesType extends PyType {
    public static final int SHASH = 24, SVAL = 32;
    private long empty;
    private final long[] single = new long[256];

    BytesType(Heap heap) {
        super(heap, "bytes", null, BASETYPE | BYTES_SUBCLASS, SVAL + 1, 1, 0);
    }

    void createSingletons() {
        empty = newStatic(new byte[0]);
        for (int b = 0; b < 256; b++) single[b] = newStatic(new byte[] {(byte) b});
    }

    private long newStatic(byte[] value) {
        long o = heap.newStaticObject(this, SVAL + 1 + value.length, Layout.STATIC_REFCNT);
        init(o, value);
        return o;
    }

    private static void init(long o, byte[] value) {
        Native.putLong(o + Layout.OB_SIZE, value.length);
        Native.putLong(o + SHASH, -1);
        Native.copyFrom(value, 0, o + SVAL, value.length);
        Native.putByte(o + SVAL + value.length, (byte) 0);
    }

    /** A bytes object, b'' and the one-byte values the singletons (PyBytes_FromStringAndSize with data): a new reference. */
    public long of(byte[] value) {
        if (value.length <= 1) {
            long o = value.length == 0 ? empty : single[value[0] & 0xff];
            heap.incref(o);
            return o;
        }
        return fresh(value);
    }

    /**
     * A bytes object made as CPython makes one it fills after allocating it
     * ({@code PyBytes_FromStringAndSize(NULL, n)}: case mapping, replace, translate, join,
     * bytes(buffer), int.to_bytes...): b'' for no bytes, else a new object even for one byte (the
     * one-byte singletons are only for results copied from existing bytes). A new reference.
     */
    public long filled(byte[] value) {
        return value.length == 0 ? of(value) : fresh(value);
    }

    /** A new bytes object whatever its length, b'' included (bytes_repeat allocates its own). */
    public long fresh(byte[] value) {
        long o = heap.allocObject(this, value.length);
        init(o, value);
        return o;
    }

    public static long length(long o) { return Native.getLong(o + Layout.OB_SIZE); }

    public static byte[] value(long o) {
        byte[] b = new byte[(int) length(o)];
        Native.copyTo(o + SVAL, b, 0, b.length);
        return b;
    }

    @Override
    public long hash(long o) {
        long h = Native.getLong(o + SHASH);
        if (h != -1) return h;
        long n = length(o);
        h = Hashing.fnvStart();
        for (long i = 0; i < n; i++) h = Hashing.fnvStep(h, Native.getByte(o + SVAL + i) & 0xff);
        h = Hashing.fnvFinish(h, n);
        Native.putLong(o + SHASH, h);
        return h;
    }

    /** bytes_subtype_new's copy of bytes {@code src} into {@code o}, a zeroed instance of a subclass with room for its bytes. */
    public static void initSubtypeCopy(long o, long src) {
        long n = length(src);
        Native.copy(src + SVAL, o + SVAL, n + 1);
        Native.putLong(o + SHASH, Native.getLong(src + SHASH));
    }

    @Override
    public boolean isDataBase() { return true; }

    @Override
    public boolean equals(long a, long b) {
        if (a == b) return true;
        if (!Heap.isBytes(b)) return false;
        long n = length(a);
        if (n != length(b)) return false;
        for (long i = 0; i < n; i++) if (Native.getByte(a + SVAL + i) != Native.getByte(b + SVAL + i)) return false;
        return true;
    }
}
