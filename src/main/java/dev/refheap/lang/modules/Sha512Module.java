package dev.refheap.lang.modules;

import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.Heap;

/**
 * {@code _sha512}: {@code sha512} and {@code sha384}, CPython 3.11's own SHA-512 (sha512module.c,
 * which random imports for seeding from str and bytes). An instance is its C struct, the whole hash
 * state in the object: {@code refcnt | type | digest[8] (uint64) | count_lo, count_hi (uint32, the
 * bit count) | data[128] | local (bytes buffered) | digestsize}, 224 bytes, GC (a heap type's
 * instance, holding its type). update() compresses each full 128-byte block into digest[];
 * digest() finishes a copy, so the object can go on. As in 3.11, the module's
 * {@code SHA384Type} is the sha512 type (both are added under that name).
 */
public final class Sha512Module {
    private Sha512Module() {}

    static final int DIGEST = 16, COUNT_LO = 80, COUNT_HI = 84, DATA = 88, LOCAL = 216, DIGESTSIZE = 220;

    private static final long[] K = {
        0x428a2f98d728ae22L, 0x7137449123ef65cdL, 0xb5c0fbcfec4d3b2fL, 0xe9b5dba58189dbbcL, 0x3956c25bf348b538L, 0x59f111f1b605d019L,
        0x923f82a4af194f9bL, 0xab1c5ed5da6d8118L, 0xd807aa98a3030242L, 0x12835b0145706fbeL, 0x243185be4ee4b28cL, 0x550c7dc3d5ffb4e2L,
        0x72be5d74f27b896fL, 0x80deb1fe3b1696b1L, 0x9bdc06a725c71235L, 0xc19bf174cf692694L, 0xe49b69c19ef14ad2L, 0xefbe4786384f25e3L,
        0x0fc19dc68b8cd5b5L, 0x240ca1cc77ac9c65L, 0x2de92c6f592b0275L, 0x4a7484aa6ea6e483L, 0x5cb0a9dcbd41fbd4L, 0x76f988da831153b5L,
        0x983e5152ee66dfabL, 0xa831c66d2db43210L, 0xb00327c898fb213fL, 0xbf597fc7beef0ee4L, 0xc6e00bf33da88fc2L, 0xd5a79147930aa725L,
        0x06ca6351e003826fL, 0x142929670a0e6e70L, 0x27b70a8546d22ffcL, 0x2e1b21385c26c926L, 0x4d2c6dfc5ac42aedL, 0x53380d139d95b3dfL,
        0x650a73548baf63deL, 0x766a0abb3c77b2a8L, 0x81c2c92e47edaee6L, 0x92722c851482353bL, 0xa2bfe8a14cf10364L, 0xa81a664bbc423001L,
        0xc24b8b70d0f89791L, 0xc76c51a30654be30L, 0xd192e819d6ef5218L, 0xd69906245565a910L, 0xf40e35855771202aL, 0x106aa07032bbd1b8L,
        0x19a4c116b8d2d0c8L, 0x1e376c085141ab53L, 0x2748774cdf8eeb99L, 0x34b0bcb5e19b48a8L, 0x391c0cb3c5c95a63L, 0x4ed8aa4ae3418acbL,
        0x5b9cca4f7763e373L, 0x682e6ff3d6b2b8a3L, 0x748f82ee5defb2fcL, 0x78a5636f43172f60L, 0x84c87814a1f0ab72L, 0x8cc702081a6439ecL,
        0x90befffa23631e28L, 0xa4506cebde82bde9L, 0xbef9a3f7b2c67915L, 0xc67178f2e372532bL, 0xca273eceea26619cL, 0xd186b8c721c0c207L,
        0xeada7dd6cde0eb1eL, 0xf57d4f7fee6ed178L, 0x06f067aa72176fbaL, 0x0a637dc5a2c898a6L, 0x113f9804bef90daeL, 0x1b710b35131c471bL,
        0x28db77f523047d84L, 0x32caab7b40c72493L, 0x3c9ebe0a15c9bebcL, 0x431d67c49c100d4cL, 0x4cc5d4becb3e42b6L, 0x597f299cfc657e2aL,
        0x5fcb6fab3ad6faecL, 0x6c44198c4a475817L};
    private static final long[] IV512 = {0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
        0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L};
    private static final long[] IV384 = {0xcbbb9d5dc1059ed8L, 0x629a292a367cd507L, 0x9159015a3070dd17L, 0x152fecd8f70e5939L,
        0x67332667ffc00b31L, 0x8eb44a8768581511L, 0xdb0c2e0d64f98fa7L, 0x47b5481dbefa4fa4L};

    static final class ShaType extends FieldsType {
        final int digestSize;

        ShaType(VmApi vm, int digestSize) {
            super(vm, "_sha512.sha" + (digestSize * 8), dev.refheap.object.PyType.HAVE_GC, 224, 0);
            this.digestSize = digestSize;
        }

        @Override
        protected boolean heapTypeInstances() { return true; }

        ShaType installed() {
            defMethod("update", (s, a, o, n, kw) -> {
                Params.unpack(vm, "update", n, kw, 1, 1);
                update(s, data(vm, a[o]));
                return vm.incref(vm.heap.None);
            });
            defMethod("digest", (s, a, o, n, kw) -> {
                Params.noArgs(vm, "digest", n, kw);
                return vm.heap.bytes.of(digest(s));
            });
            defMethod("hexdigest", (s, a, o, n, kw) -> {
                Params.noArgs(vm, "hexdigest", n, kw);
                StringBuilder b = new StringBuilder();
                for (byte x : digest(s)) b.append(String.format("%02x", x & 0xff));
                return vm.str(b.toString());
            });
            defMethod("copy", (s, a, o, n, kw) -> {
                Params.noArgs(vm, "copy", n, kw);
                long c = alloc();
                Native.copy(s + DIGEST, c + DIGEST, 224 - DIGEST);
                vm.heap.track(c);
                return c;
            });
            return this;
        }

        @Override
        public long attrOf(long o, String attr) {
            return switch (attr) {
                case "name" -> vm.str("sha" + (digestSize * 8));
                case "digest_size" -> vm.newInt(digestSize);
                case "block_size" -> vm.newInt(128);
                default -> 0;
            };
        }

        long create(long data) {
            long o = alloc();
            long[] iv = digestSize == 64 ? IV512 : IV384;
            for (int i = 0; i < 8; i++) Native.putLong(o + DIGEST + 8L * i, iv[i]);
            Native.putInt(o + DIGESTSIZE, digestSize);
            vm.heap.track(o);
            if (data != 0) {
                try {
                    update(o, data(vm, data));
                } catch (RuntimeException e) {
                    vm.heap.decref(o);
                    throw e;
                }
            }
            return o;
        }
    }

    /** The bytes of a buffer argument, with 3.11's errors for str and non-buffers. */
    static byte[] data(VmApi vm, long v) {
        if (vm.isStr(v)) throw vm.error("TypeError", "Strings must be encoded before hashing");
        byte[] b = vm.bytesLike(v);
        if (b == null) throw vm.error("TypeError", "object supporting the buffer API required");
        return b;
    }

    static void update(long o, byte[] b) {
        long bits = ((Native.getInt(o + COUNT_HI) & 0xffffffffL) << 32 | (Native.getInt(o + COUNT_LO) & 0xffffffffL)) + 8L * b.length;
        Native.putInt(o + COUNT_LO, (int) bits);
        Native.putInt(o + COUNT_HI, (int) (bits >>> 32));
        int local = Native.getInt(o + LOCAL);
        long[] h = new long[8];
        for (int i = 0; i < 8; i++) h[i] = Native.getLong(o + DIGEST + 8L * i);
        byte[] block = new byte[128];
        for (int i = 0; i < local; i++) block[i] = Native.getByte(o + DATA + i);
        int p = 0;
        while (p < b.length) {
            int take = Math.min(128 - local, b.length - p);
            System.arraycopy(b, p, block, local, take);
            local += take;
            p += take;
            if (local == 128) {
                compress(h, block);
                local = 0;
            }
        }
        for (int i = 0; i < 8; i++) Native.putLong(o + DIGEST + 8L * i, h[i]);
        for (int i = 0; i < local; i++) Native.putByte(o + DATA + i, block[i]);
        Native.putInt(o + LOCAL, local);
    }

    static byte[] digest(long o) {
        long[] h = new long[8];
        for (int i = 0; i < 8; i++) h[i] = Native.getLong(o + DIGEST + 8L * i);
        int local = Native.getInt(o + LOCAL);
        long bits = (Native.getInt(o + COUNT_HI) & 0xffffffffL) << 32 | (Native.getInt(o + COUNT_LO) & 0xffffffffL);
        byte[] block = new byte[128];
        for (int i = 0; i < local; i++) block[i] = Native.getByte(o + DATA + i);
        block[local++] = (byte) 0x80;
        if (local > 112) {
            compress(h, block);
            java.util.Arrays.fill(block, (byte) 0);
        } else {
            java.util.Arrays.fill(block, local, 128, (byte) 0);
        }
        for (int i = 0; i < 8; i++) block[120 + i] = (byte) (bits >>> (56 - 8 * i));
        compress(h, block);
        int size = Native.getInt(o + DIGESTSIZE);
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) out[i] = (byte) (h[i / 8] >>> (56 - 8 * (i % 8)));
        return out;
    }

    private static void compress(long[] h, byte[] block) {
        long[] w = new long[80];
        for (int t = 0; t < 16; t++) {
            long v = 0;
            for (int k = 0; k < 8; k++) v = (v << 8) | (block[8 * t + k] & 0xff);
            w[t] = v;
        }
        for (int t = 16; t < 80; t++) {
            long s0 = Long.rotateRight(w[t - 15], 1) ^ Long.rotateRight(w[t - 15], 8) ^ (w[t - 15] >>> 7);
            long s1 = Long.rotateRight(w[t - 2], 19) ^ Long.rotateRight(w[t - 2], 61) ^ (w[t - 2] >>> 6);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        long a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int t = 0; t < 80; t++) {
            long t1 = hh + (Long.rotateRight(e, 14) ^ Long.rotateRight(e, 18) ^ Long.rotateRight(e, 41)) + ((e & f) ^ (~e & g)) + K[t] + w[t];
            long t2 = (Long.rotateRight(a, 28) ^ Long.rotateRight(a, 34) ^ Long.rotateRight(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
            hh = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += hh;
    }

    record Types(ShaType sha512, ShaType sha384) {}

    public static long create(VmApi vm) {
        Types t = vm.moduleState("_sha512", () -> new Types(vm.registerType(new ShaType(vm, 64)).installed(), vm.registerType(new ShaType(vm, 48)).installed()));
        Heap heap = vm.heap;
        long m = vm.newModule("_sha512");
        heap.dicts.setItem(vm.moduleDict(m), "SHA384Type", t.sha512().typeObject());
        for (ShaType type : new ShaType[] {t.sha512(), t.sha384()}) {
            String fname = "sha" + (type.digestSize * 8);
            vm.def(m, fname, (s, a, o, n, kw) -> {
                long[] p = Params.parse(vm, fname, new String[] {"string", "usedforsecurity"}, 0, 1, 0, a, o, n, kw);
                return type.create(p[0] == 0 || p[0] == heap.None ? 0 : p[0]);
            });
        }
        return m;
    }
}
