package dev.refheap.lang.modules.itertools;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.TupleType;

/**
 * product, combinations, combinations_with_replacement and permutations: CPython 3.11's structs,
 * with their index arrays in PyMem memory (counted by {@code __sizeof__}), and the result tuple
 * reused in place while the caller has dropped it (refcount 1), else copied:
 * <pre>
 *  product (48 + 8*npools):          pools (tuple of tuples) | indices | result | stopped (int)
 *  combinations, cwr (56 + 8*r):     pool (tuple) | indices | result | r | stopped (int)
 *  permutations (64 + 8*(n+r)):      pool | indices | cycles | result | r | stopped (int)
 * </pre>
 */
final class Combinatorics extends ItType {
    enum Kind { PRODUCT, COMBINATIONS, CWR, PERMUTATIONS }

    private final Kind kind;
    private final int indices, cycles, result, r, stopped;

    Combinatorics(VmApi vm, Kind kind) {
        super(vm, name(kind), size(kind), fields(kind));
        this.kind = kind;
        indices = 24;
        cycles = kind == Kind.PERMUTATIONS ? 32 : 0;
        result = kind == Kind.PRODUCT ? 32 : kind == Kind.PERMUTATIONS ? 40 : 32;
        r = kind == Kind.PERMUTATIONS ? 48 : 40;
        stopped = kind == Kind.PRODUCT ? 40 : kind == Kind.PERMUTATIONS ? 56 : 48;
    }

    static final int POOL = 16;

    private static String name(Kind k) {
        return switch (k) {
            case PRODUCT -> "product";
            case COMBINATIONS -> "combinations";
            case CWR -> "combinations_with_replacement";
            case PERMUTATIONS -> "permutations";
        };
    }

    private static long size(Kind k) { return k == Kind.PRODUCT ? 48 : k == Kind.PERMUTATIONS ? 64 : 56; }

    private static int[] fields(Kind k) { return k == Kind.PERMUTATIONS ? new int[] {POOL, 40} : new int[] {POOL, 32}; }

    @Override
    ItType install() {
        super.install();
        defMethod("__sizeof__", (s, a, o, n, kw) -> heap.ints.of(sizeOf(s)));
        return this;
    }

    private long poolSize(long o) { return TupleType.size(get(o, POOL)); }

    // ---- pickling: 3.11's *_reduce and *_setstate -----------------------------------------------

    @Override
    boolean reducible() { return true; }

    @Override
    boolean hasSetState() { return true; }

    /** A tuple of the first {@code n} words of index array {@code arr} as ints (a new reference). */
    private long indexTuple(long arr, long n) {
        long t = heap.tuples.alloc(n);
        for (long i = 0; i < n; i++) TupleType.setItemSteal(t, i, heap.ints.of(idx(arr, i)));
        return t;
    }

    /**
     * product_reduce: (type, ((),)) once stopped, (type, pools) before the first result, else
     * (type, pools, indices). combinations, cwr and permutations: (type, (pool, r)) before the first
     * result, (type, ((), r)) once stopped, else (type, (pool, r), indices), permutations' state
     * being (indices, cycles).
     */
    @Override
    long reduceOf(long o) {
        long t = Heap.typeAddress(o);
        long pool = get(o, POOL), res = get(o, result);
        boolean isStopped = Native.getInt(o + stopped) != 0;
        long ind = Native.getLong(o + indices);
        if (kind == Kind.PRODUCT) {
            if (isStopped) {
                long empty = heap.tuples.alloc(0);
                long args = heap.tuples.of(empty);
                heap.decref(empty);
                return reduceTuple(o, args, 0);
            }
            if (res == 0) return heap.tuples.of(t, pool);
            long state = indexTuple(ind, TupleType.size(pool));
            try {
                return heap.tuples.of(t, pool, state);
            } finally {
                heap.decref(state);
            }
        }
        long rr = Native.getLong(o + r);
        long rObj = heap.ints.of(rr);
        try {
            if (res == 0) return reduceTuple(o, heap.tuples.of(pool, rObj), 0);
            if (isStopped) {
                long empty = heap.tuples.alloc(0);
                long args = heap.tuples.of(empty, rObj);
                heap.decref(empty);
                return reduceTuple(o, args, 0);
            }
            long state;
            if (kind == Kind.PERMUTATIONS) {
                long i1 = indexTuple(ind, TupleType.size(pool)), c1 = indexTuple(Native.getLong(o + cycles), rr);
                state = heap.tuples.of(i1, c1);
                heap.decref(i1);
                heap.decref(c1);
            } else {
                state = indexTuple(ind, rr);
            }
            try {
                return reduceTuple(o, heap.tuples.of(pool, rObj), state);
            } finally {
                heap.decref(state);
            }
        } finally {
            heap.decref(rObj);
        }
    }

    /** PyLong_AsSsize_t of tuple item {@code i}. */
    private long indexAt(long tuple, long i) { return Params.ssizeExact(vm, TupleType.item(tuple, i)); }

    /**
     * The *_setstate: the indices (clamped into the pool: combinations' i-th at most i + n - r,
     * permutations' cycles between 1 and n - i) and a new result tuple from them; product's with an
     * empty pool stops instead. ValueError "invalid arguments" for a state of the wrong shape.
     */
    @Override
    void setStateOf(long o, long state) {
        long pool = get(o, POOL);
        long ind = Native.getLong(o + indices);
        long n = TupleType.size(pool);
        long rr = kind == Kind.PRODUCT ? n : Native.getLong(o + r);
        if (kind == Kind.PERMUTATIONS) {
            if (!vm.isInstanceOf(state, heap.tuples)) throw vm.error("TypeError", "state is not a tuple");
            if (TupleType.size(state) != 2) {
                throw vm.error("TypeError", "function takes exactly 2 arguments (" + TupleType.size(state) + " given)");
            }
            long in = TupleType.item(state, 0), cy = TupleType.item(state, 1);
            for (int k = 0; k < 2; k++) {
                long x = k == 0 ? in : cy;
                if (!vm.isInstanceOf(x, heap.tuples)) throw vm.error("TypeError", "argument " + (k + 1) + " must be tuple, not " + vm.typeName(x));
            }
            if (TupleType.size(in) != n || TupleType.size(cy) != rr) throw vm.error("ValueError", "invalid arguments");
            long cyc = Native.getLong(o + cycles);
            for (long i = 0; i < n; i++) setIdx(ind, i, Math.max(0, Math.min(indexAt(in, i), n - 1)));
            for (long i = 0; i < rr; i++) {
                long index = indexAt(cy, i);
                setIdx(cyc, i, index < 1 ? 1 : Math.min(index, n - i));
            }
        } else {
            if (heap.typeOf(state) != heap.tuples && !vm.isInstanceOf(state, heap.tuples) || TupleType.size(state) != rr) {
                throw vm.error("ValueError", "invalid arguments");
            }
            for (long i = 0; i < rr; i++) {
                long index = indexAt(state, i);
                switch (kind) {
                    case PRODUCT -> {
                        long poolSize = TupleType.size(TupleType.item(pool, i));
                        if (poolSize == 0) {
                            Native.putInt(o + stopped, 1);
                            return;
                        }
                        index = Math.max(0, Math.min(index, poolSize - 1));
                    }
                    case COMBINATIONS -> index = Math.max(0, Math.min(index, i + n - rr));
                    default -> index = Math.max(0, Math.min(index, n - 1));
                }
                setIdx(ind, i, index);
            }
        }
        if (kind == Kind.CWR ? n == 0 && rr > 0 : kind != Kind.PRODUCT && rr > n) {
            // CPython builds the result from indices past the pool (or its index array) here
            throw vm.error("ValueError", "refheap does not support __setstate__ on a " + shortName() + " with r larger than its pool allows");
        }
        long res = heap.tuples.alloc(rr);
        for (long i = 0; i < rr; i++) {
            long src = kind == Kind.PRODUCT ? TupleType.item(pool, i) : pool;
            TupleType.setItemSteal(res, i, vm.incref(TupleType.item(src, idx(ind, i))));
        }
        set(o, result, res);
    }

    @Override
    public long sizeOf(long o) {
        return switch (kind) {
            case PRODUCT -> basicSize() + 8 * poolSize(o);
            case COMBINATIONS, CWR -> basicSize() + 8 * Native.getLong(o + r);
            case PERMUTATIONS -> basicSize() + 8 * (poolSize(o) + Native.getLong(o + r));
        };
    }

    @Override
    protected void freeArrays(long o) {
        long p = Native.getLong(o + indices);
        if (p != 0) heap.memFree(p);
        if (kind == Kind.PERMUTATIONS && Native.getLong(o + cycles) != 0) heap.memFree(Native.getLong(o + cycles));
    }

    /** PyMem_New(Py_ssize_t, n): never NULL, as CPython's for n 0 (one byte asked). */
    private long array(long n) { return heap.memAlloc(Math.max(1, heap.bytesFor(n, 8, 64))); }

    private static long idx(long arr, long i) { return Native.getLong(arr + 8 * i); }

    private static void setIdx(long arr, long i, long v) { Native.putLong(arr + 8 * i, v); }

    private long tupleOf(long iterable) {
        if (heap.typeOf(iterable) == heap.tuples) return vm.incref(iterable);
        return vm.call(heap.tuples.address(), iterable);
    }

    @Override
    public long newInstance(long[] a, int off, int n, long kw) {
        return kind == Kind.PRODUCT ? newProduct(a, off, n, kw) : newPool(a, off, n, kw);
    }

    private long newProduct(long[] a, int off, int n, long kw) {
        int nkw = Params.nkw(kw);
        int nargs = n - nkw;
        long repeat = 1;
        if (nkw > 0) {
            long[] p = Params.parse(vm, "product", new String[] {"repeat"}, 0, 0, 0, a, off + nargs, nkw, kw);
            if (p[0] != 0) repeat = Params.ssize(vm, p[0]);
            if (repeat < 0) throw vm.error("ValueError", "repeat argument cannot be negative");
        }
        if (repeat == 0) nargs = 0;
        else if (nargs > Long.MAX_VALUE / 8 / repeat) throw vm.error("OverflowError", "repeat argument too large");
        long npools = nargs * repeat;
        long ind = array(npools);
        long pools = heap.tuples.alloc(npools);
        try {
            for (int i = 0; i < nargs; i++) TupleType.setItemSteal(pools, i, tupleOf(a[off + i]));
            for (long i = nargs; i < npools; i++) TupleType.setItemSteal(pools, i, vm.incref(TupleType.item(pools, i - nargs)));
        } catch (PyException e) {
            heap.memFree(ind);
            heap.decref(pools);
            throw e;
        }
        for (long i = 0; i < npools; i++) setIdx(ind, i, 0);
        return create(o -> {
            put(o, POOL, pools);
            Native.putLong(o + indices, ind);
        });
    }

    private long newPool(long[] a, int off, int n, long kw) {
        boolean perm = kind == Kind.PERMUTATIONS;
        long[] p = Params.parse(vm, shortName(), new String[] {"iterable", "r"}, perm ? 1 : 2, 2, 0, a, off, n, kw);
        long pool = tupleOf(p[0]);
        long rr;
        try {
            if (perm && (p[1] == 0 || p[1] == heap.None)) {
                rr = TupleType.size(pool);
            } else {
                if (perm && !vm.isInt(p[1])) throw vm.error("TypeError", "Expected int as r");
                rr = Params.ssize(vm, p[1]);
            }
            if (rr < 0) throw vm.error("ValueError", "r must be non-negative");
        } catch (PyException e) {
            heap.decref(pool);
            throw e;
        }
        long size = TupleType.size(pool);
        long ind = array(perm ? size : rr);
        long cyc = perm ? array(rr) : 0;
        if (perm) {
            for (long i = 0; i < size; i++) setIdx(ind, i, i);
            for (long i = 0; i < rr; i++) setIdx(cyc, i, size - i);
        } else {
            for (long i = 0; i < rr; i++) setIdx(ind, i, kind == Kind.COMBINATIONS ? i : 0);
        }
        boolean stop = kind == Kind.CWR ? size == 0 && rr > 0 : rr > size;
        long r0 = rr;
        return create(o -> {
            put(o, POOL, pool);
            Native.putLong(o + indices, ind);
            if (perm) Native.putLong(o + cycles, cyc);
            Native.putLong(o + r, r0);
            Native.putInt(o + stopped, stop ? 1 : 0);
        });
    }

    /** Replaces result[i] with {@code elem} (incref'd), releasing the old item. */
    private void setResult(long res, long i, long elem) {
        long old = TupleType.item(res, i);
        TupleType.setItemSteal(res, i, vm.incref(elem));
        if (old != 0) heap.decref(old);
    }

    /** The result tuple to update in place: a copy when the caller still holds the last one. */
    private long ownResult(long o) {
        long res = get(o, result);
        if (heap.refcount(res) > 1) {
            long n = TupleType.size(res);
            long copy = heap.tuples.alloc(n);
            for (long i = 0; i < n; i++) TupleType.setItemSteal(copy, i, vm.incref(TupleType.item(res, i)));
            set(o, result, copy);
            return copy;
        }
        if (!Heap.isTracked(res)) heap.track(res);  // bpo-42536: the collector may have untracked it
        return res;
    }

    private long stop(long o) {
        Native.putInt(o + stopped, 1);
        return 0;
    }

    @Override
    public long nextOf(long o) {
        if (Native.getInt(o + stopped) != 0) return 0;
        long res = get(o, result);
        if (res == 0) {
            if (!first(o)) return stop(o);
        } else if (!advance(o)) {
            return stop(o);
        }
        return vm.incref(get(o, result));
    }

    /** The first result; false when there is none (an empty pool of product). */
    private boolean first(long o) {
        long pool = get(o, POOL);
        long ind = Native.getLong(o + indices);
        long n = kind == Kind.PRODUCT ? TupleType.size(pool) : Native.getLong(o + r);
        long res = heap.tuples.alloc(n);
        put(o, result, res);
        for (long i = 0; i < n; i++) {
            long elem;
            switch (kind) {
                case PRODUCT -> {
                    long p = TupleType.item(pool, i);
                    if (TupleType.size(p) == 0) return false;
                    elem = TupleType.item(p, 0);
                }
                case CWR -> elem = TupleType.item(pool, 0);
                default -> elem = TupleType.item(pool, idx(ind, i));
            }
            TupleType.setItemSteal(res, i, vm.incref(elem));
        }
        return true;
    }

    private boolean advance(long o) {
        long pool = get(o, POOL);
        long ind = Native.getLong(o + indices);
        switch (kind) {
            case PRODUCT -> {
                long npools = TupleType.size(pool);
                long res = ownResult(o);
                long i;
                for (i = npools - 1; i >= 0; i--) {
                    long p = TupleType.item(pool, i);
                    setIdx(ind, i, idx(ind, i) + 1);
                    if (idx(ind, i) == TupleType.size(p)) {
                        setIdx(ind, i, 0);
                        setResult(res, i, TupleType.item(p, 0));
                    } else {
                        setResult(res, i, TupleType.item(p, idx(ind, i)));
                        break;
                    }
                }
                return i >= 0;
            }
            case COMBINATIONS -> {
                long n = TupleType.size(pool), rr = Native.getLong(o + r);
                long res = ownResult(o);
                long i;
                for (i = rr - 1; i >= 0 && idx(ind, i) == i + n - rr; i--) { }
                if (i < 0) return false;
                setIdx(ind, i, idx(ind, i) + 1);
                for (long j = i + 1; j < rr; j++) setIdx(ind, j, idx(ind, j - 1) + 1);
                for (; i < rr; i++) setResult(res, i, TupleType.item(pool, idx(ind, i)));
                return true;
            }
            case CWR -> {
                long n = TupleType.size(pool), rr = Native.getLong(o + r);
                long res = ownResult(o);
                long i;
                for (i = rr - 1; i >= 0 && idx(ind, i) == n - 1; i--) { }
                if (i < 0) return false;
                long index = idx(ind, i) + 1;
                long elem = TupleType.item(pool, index);
                for (; i < rr; i++) {
                    setIdx(ind, i, index);
                    setResult(res, i, elem);
                }
                return true;
            }
            default -> {
                long n = TupleType.size(pool), rr = Native.getLong(o + r);
                long cyc = Native.getLong(o + cycles);
                if (n == 0) return false;
                long res = ownResult(o);
                long i;
                for (i = rr - 1; i >= 0; i--) {
                    setIdx(cyc, i, idx(cyc, i) - 1);
                    if (idx(cyc, i) == 0) {
                        long index = idx(ind, i);  // rotation: indices[i:] = indices[i+1:] + indices[i:i+1]
                        for (long j = i; j < n - 1; j++) setIdx(ind, j, idx(ind, j + 1));
                        setIdx(ind, n - 1, index);
                        setIdx(cyc, i, n - i);
                    } else {
                        long j = idx(cyc, i);
                        long index = idx(ind, i);
                        setIdx(ind, i, idx(ind, n - j));
                        setIdx(ind, n - j, index);
                        for (long k = i; k < rr; k++) setResult(res, k, TupleType.item(pool, idx(ind, k)));
                        break;
                    }
                }
                return i >= 0;
            }
        }
    }
}
