package dev.refheap.lang.importer;

import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.TupleType;

/**
 * {@code _imp.source_hash(key, source)}: the 8-byte hash a hash-based .pyc records for its source
 * (PEP 552), SipHash-1-3 of the source's bytes keyed with (key, 0), in the machine's byte order
 * (little-endian here), as CPython 3.11's _Py_KeyedHash. The key is a C long.
 */
final class SourceHash {
    private SourceHash() {}

    static long call(VmApi vm, long[] a, int o, int n, long kw) {
        int nkw = kw == 0 ? 0 : (int) TupleType.size(kw);
        int np = n - nkw;
        long key = 0, source = 0;
        if (np > 2) throw vm.error("TypeError", "source_hash() takes at most 2 arguments (" + n + " given)");
        if (np >= 1) key = a[o];
        if (np >= 2) source = a[o + 1];
        for (int k = 0; k < nkw; k++) {
            String name = vm.strValue(TupleType.item(kw, k));
            long v = a[o + np + k];
            if (name.equals("key") && np < 1 && key == 0) key = v;
            else if (name.equals("source") && np < 2 && source == 0) source = v;
            else if (name.equals("key") || name.equals("source")) {
                throw vm.error("TypeError", "argument for source_hash() given by name ('" + name + "') and position (" + (name.equals("key") ? 1 : 2) + ")");
            } else throw vm.error("TypeError", "'" + name + "' is an invalid keyword argument for source_hash()");
        }
        if (key == 0) throw vm.error("TypeError", "source_hash() missing required argument 'key' (pos 1)");
        if (source == 0) throw vm.error("TypeError", "source_hash() missing required argument 'source' (pos 2)");
        long k = dev.refheap.lang.modules.Params.cLong(vm, key);
        byte[] data = vm.bytesLike(source);
        if (data == null) throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(source) + "'");
        long h = siphash13(k, 0, data);
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) out[i] = (byte) (h >>> (8 * i));
        return vm.heap.bytes.of(out);
    }

    /** SipHash with one compression round and three finalization rounds over {@code data}, keyed (k0, k1). */
    static long siphash13(long k0, long k1, byte[] data) {
        long v0 = k0 ^ 0x736f6d6570736575L, v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L, v3 = k1 ^ 0x7465646279746573L;
        int len = data.length, whole = len & ~7;
        for (int i = 0; i < whole; i += 8) {
            long m = word(data, i, 8);
            v3 ^= m;
            v0 += v1; v2 += v3; v1 = Long.rotateLeft(v1, 13) ^ v0; v3 = Long.rotateLeft(v3, 16) ^ v2; v0 = Long.rotateLeft(v0, 32);
            v2 += v1; v0 += v3; v1 = Long.rotateLeft(v1, 17) ^ v2; v3 = Long.rotateLeft(v3, 21) ^ v0; v2 = Long.rotateLeft(v2, 32);
            v0 ^= m;
        }
        long b = ((long) len << 56) | word(data, whole, len - whole);
        v3 ^= b;
        v0 += v1; v2 += v3; v1 = Long.rotateLeft(v1, 13) ^ v0; v3 = Long.rotateLeft(v3, 16) ^ v2; v0 = Long.rotateLeft(v0, 32);
        v2 += v1; v0 += v3; v1 = Long.rotateLeft(v1, 17) ^ v2; v3 = Long.rotateLeft(v3, 21) ^ v0; v2 = Long.rotateLeft(v2, 32);
        v0 ^= b;
        v2 ^= 0xff;
        for (int r = 0; r < 3; r++) {
            v0 += v1; v2 += v3; v1 = Long.rotateLeft(v1, 13) ^ v0; v3 = Long.rotateLeft(v3, 16) ^ v2; v0 = Long.rotateLeft(v0, 32);
            v2 += v1; v0 += v3; v1 = Long.rotateLeft(v1, 17) ^ v2; v3 = Long.rotateLeft(v3, 21) ^ v0; v2 = Long.rotateLeft(v2, 32);
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }

    /** The little-endian word of the {@code count} bytes at {@code i}. */
    private static long word(byte[] d, int i, int count) {
        long w = 0;
        for (int j = count - 1; j >= 0; j--) w = (w << 8) | (d[i + j] & 0xFF);
        return w;
    }
}
