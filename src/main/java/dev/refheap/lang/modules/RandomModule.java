package dev.refheap.lang.modules;

import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.TupleType;
import java.math.BigInteger;

/**
 * {@code _random}: {@code Random}, CPython 3.11's Mersenne Twister (MT19937) as a heap type whose
 * instances are not GC-tracked: {@code refcnt | type | index (int) | state[624] (uint32)}, 2520
 * bytes. Seeding follows random_seed: an int by its absolute value split into 32-bit words,
 * least significant first, through init_by_array; anything else by its hash (as size_t); None
 * from the OS's randomness. random() is (a*2**26 + b) / 2**53 of two outputs shifted right by 5
 * and 6, getrandbits(k) fills 32-bit words least significant first, so a seeded generator gives
 * CPython's exact sequence.
 */
public final class RandomModule {
    private RandomModule() {}

    static final int INDEX = 16, STATE = 20, N = 624, M = 397;
    static final int MATRIX_A = 0x9908b0df, UPPER_MASK = 0x80000000, LOWER_MASK = 0x7fffffff;

    static final class RandomType extends FieldsType {
        RandomType(VmApi vm) { super(vm, "_random.Random", dev.refheap.object.PyType.BASETYPE, 2520, 0); }

        @Override
        protected boolean heapTypeInstances() { return true; }

        /** HEAPTYPE | BASETYPE | READY, as CPython 3.11.7 reports (copyreg._reduce_ex reads it: pickling one is refused), plus the version tag once set. */
        @Override
        protected long declaredFlags() { return 0x1600; }

        /** random.Random extends it, as in CPython (Py_TPFLAGS_BASETYPE). */
        @Override
        public boolean allowsPythonSubclasses() { return true; }

        private static int mt(long o, int i) { return Native.getInt(o + STATE + 4L * i); }

        private static void setMt(long o, int i, int v) { Native.putInt(o + STATE + 4L * i, v); }

        private static void initGenrand(long o, int s) {
            setMt(o, 0, s);
            int i;
            for (i = 1; i < N; i++) {
                int prev = mt(o, i - 1);
                setMt(o, i, 1812433253 * (prev ^ (prev >>> 30)) + i);
            }
            Native.putInt(o + INDEX, i);
        }

        private static void initByArray(long o, int[] key) {
            initGenrand(o, 19650218);
            int i = 1, j = 0;
            for (int k = Math.max(N, key.length); k > 0; k--) {
                int prev = mt(o, i - 1);
                setMt(o, i, (mt(o, i) ^ ((prev ^ (prev >>> 30)) * 1664525)) + key[j] + j);
                i++;
                j++;
                if (i >= N) {
                    setMt(o, 0, mt(o, N - 1));
                    i = 1;
                }
                if (j >= key.length) j = 0;
            }
            for (int k = N - 1; k > 0; k--) {
                int prev = mt(o, i - 1);
                setMt(o, i, (mt(o, i) ^ ((prev ^ (prev >>> 30)) * 1566083941)) - i);
                i++;
                if (i >= N) {
                    setMt(o, 0, mt(o, N - 1));
                    i = 1;
                }
            }
            setMt(o, 0, 0x80000000);
        }

        /** genrand_uint32 (as a Java int holding the 32 bits). */
        static int next32(long o) {
            int index = Native.getInt(o + INDEX);
            if (index >= N) {
                int kk, y;
                for (kk = 0; kk < N - M; kk++) {
                    y = (mt(o, kk) & UPPER_MASK) | (mt(o, kk + 1) & LOWER_MASK);
                    setMt(o, kk, mt(o, kk + M) ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0));
                }
                for (; kk < N - 1; kk++) {
                    y = (mt(o, kk) & UPPER_MASK) | (mt(o, kk + 1) & LOWER_MASK);
                    setMt(o, kk, mt(o, kk + (M - N)) ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0));
                }
                y = (mt(o, N - 1) & UPPER_MASK) | (mt(o, 0) & LOWER_MASK);
                setMt(o, N - 1, mt(o, M - 1) ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0));
                index = 0;
            }
            int y = mt(o, index);
            Native.putInt(o + INDEX, index + 1);
            y ^= y >>> 11;
            y ^= (y << 7) & 0x9d2c5680;
            y ^= (y << 15) & 0xefc60000;
            y ^= y >>> 18;
            return y;
        }

        /** random_seed. */
        void seed(long o, long arg) {
            if (arg == 0 || arg == heap.None) {
                byte[] b = new byte[4 * N];
                new java.security.SecureRandom().nextBytes(b);
                int[] key = new int[N];
                for (int i = 0; i < N; i++) key[i] = (b[4 * i] & 0xff) | (b[4 * i + 1] & 0xff) << 8 | (b[4 * i + 2] & 0xff) << 16 | (b[4 * i + 3] & 0xff) << 24;
                initByArray(o, key);
                return;
            }
            BigInteger n;
            if (vm.isInt(arg)) n = dev.refheap.object.IntType.toBig(arg).abs();
            else n = BigInteger.valueOf(vm.hash(arg)).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
            int bits = n.bitLength();
            int keyused = bits == 0 ? 1 : (bits - 1) / 32 + 1;
            int[] key = new int[keyused];
            for (int i = 0; i < keyused; i++) key[i] = n.shiftRight(32 * i).intValue();
            initByArray(o, key);
        }

        double random(long o) {
            long a = (next32(o) & 0xffffffffL) >>> 5, b = (next32(o) & 0xffffffffL) >>> 6;
            return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
        }

        long getrandbits(long o, long k) {
            if (k < 0) throw vm.error("ValueError", "number of bits must be non-negative");
            if (k == 0) return heap.ints.of(0);
            if (k <= 32) return heap.ints.of((next32(o) & 0xffffffffL) >>> (32 - k));
            long words = (k - 1) / 32 + 1;
            BigInteger r = BigInteger.ZERO;
            for (long i = 0; i < words; i++, k -= 32) {
                long w = next32(o) & 0xffffffffL;
                if (k < 32) w >>>= (32 - k);
                r = r.or(BigInteger.valueOf(w).shiftLeft((int) (32 * i)));
            }
            return heap.ints.of(r);
        }

        @Override
        public long newInstance(long[] a, int off, int n, long kw) {
            Params.noKeywords(vm, "Random", kw);
            if (n > 1) throw vm.error("TypeError", "Random() requires 0 or 1 argument");
            long o = alloc();
            try {
                seed(o, n == 1 ? a[off] : 0);
            } catch (PyException e) {
                heap.decref(o);
                throw e;
            }
            return o;
        }

        long getstate(long o) {
            long t = heap.tuples.alloc(N + 1);
            for (int i = 0; i < N; i++) TupleType.setItemSteal(t, i, heap.ints.of(mt(o, i) & 0xffffffffL));
            TupleType.setItemSteal(t, N, heap.ints.of(Native.getInt(o + INDEX)));
            return t;
        }

        void setstate(long o, long state) {
            if (heap.typeOf(state) != heap.tuples) throw vm.error("TypeError", "state vector must be a tuple");
            if (TupleType.size(state) != N + 1) throw vm.error("ValueError", "state vector is the wrong size");
            int[] words = new int[N];
            for (int i = 0; i < N; i++) {
                long v = TupleType.item(state, i);
                if (!vm.isInt(v)) throw vm.error("TypeError", "an integer is required");
                BigInteger b = vm.asIndex(v);
                if (b.signum() < 0) throw vm.error("OverflowError", "can't convert negative value to unsigned int");
                if (b.bitLength() > 64) throw vm.error("OverflowError", "Python int too large to convert to C unsigned long");
                words[i] = b.intValue();
            }
            BigInteger index = vm.asIndex(TupleType.item(state, N));
            if (index.signum() < 0 || index.compareTo(BigInteger.valueOf(N)) > 0) throw vm.error("ValueError", "invalid state");
            for (int i = 0; i < N; i++) setMt(o, i, words[i]);
            Native.putInt(o + INDEX, index.intValue());
        }
    }

    private static void noArgs(VmApi vm, String name, int n, long kw) {
        Params.noKeywords(vm, "Random." + name, kw);
        if (n != 0) throw vm.error("TypeError", "Random." + name + "() takes no arguments (" + n + " given)");
    }

    private static void oneArg(VmApi vm, String name, int n, long kw) {
        Params.noKeywords(vm, "Random." + name, kw);
        if (n != 1) throw vm.error("TypeError", "Random." + name + "() takes exactly one argument (" + n + " given)");
    }

    public static long create(VmApi vm) {
        RandomType t = vm.moduleState("_random", () -> {
            RandomType r = vm.registerType(new RandomType(vm));
            Heap heap = vm.heap;
            vm.defTpNew(r);  // Random.__new__ bound to Random (copyreg refuses protocols 0 and 1 by it)
            // random_init: a subclass's instance (made zeroed, as PyType_GenericNew) is seeded here; keywords are
            // refused unless the subclass has its own __init__ (newInstance seeds an instance of Random itself)
            r.defSlotWrapper("__init__", (s, a, o, n, kw) -> {
                int npos = n - Params.nkw(kw);
                if (Params.nkw(kw) > 0 && (heap.typeOf(s) == r || vm.typeLookup(heap.typeOf(s), "__init__") == vm.typeLookup(r, "__init__"))) {
                    throw vm.error("TypeError", "Random() takes no keyword arguments");
                }
                if (npos > 1) throw vm.error("TypeError", "Random() requires 0 or 1 argument");
                r.seed(s, npos == 1 ? a[o] : 0);
                return vm.incref(heap.None);
            });
            r.defMethod("random", (s, a, o, n, kw) -> {
                noArgs(vm, "random", n, kw);
                return heap.floats.of(r.random(s));
            });
            r.defMethod("seed", (s, a, o, n, kw) -> {
                Params.unpack(vm, "seed", n, kw, 0, 1);
                r.seed(s, n == 1 ? a[o] : 0);
                return vm.incref(heap.None);
            });
            r.defMethod("getrandbits", (s, a, o, n, kw) -> {
                oneArg(vm, "getrandbits", n, kw);
                BigInteger k = vm.asIndex(a[o]);
                if (k.bitLength() > 31) {
                    if (k.signum() < 0) throw vm.error("ValueError", "number of bits must be non-negative");
                    throw vm.error("OverflowError", "Python int too large to convert to C int");
                }
                return r.getrandbits(s, k.intValue());
            });
            r.defMethod("getstate", (s, a, o, n, kw) -> {
                noArgs(vm, "getstate", n, kw);
                return r.getstate(s);
            });
            r.defMethod("setstate", (s, a, o, n, kw) -> {
                oneArg(vm, "setstate", n, kw);
                r.setstate(s, a[o]);
                return vm.incref(heap.None);
            });
            return r;
        });
        long m = vm.newModule("_random");
        vm.heap.dicts.setItem(vm.moduleDict(m), "Random", t.typeObject());
        return m;
    }
}
