package dev.refheap.lang.vm;

import java.util.function.LongConsumer;

/**
 * {@code slice}: start, stop, step (40 bytes + GC head, getsizeof 56), tracked; unhashable in
 * 3.11; compared as the tuple (start, stop, step).
 *
 * <p>3.11's interp->slice_cache: a freed slice is kept (one at most) for the next slice made, so
 * neither that allocation nor that free moves count0; a full collection does not clear it (it is
 * not one of the free lists clear_freelists empties). States: cache empty or holding one dead slice.
 */
final class SliceType extends ExtType {
    static final int START = 16, STOP = 24, STEP = 32;
    /** The cached dead slice's memory, or 0. */
    private long cache;

    SliceType(Runtime rt) {
        super(rt, "slice", null, HAVE_GC, 40, 0, 0);
    }

    /** A slice of the three values (stolen). */
    long create(long start, long stop, long step) {
        long s;
        if (cache != 0) {
            s = cache;
            cache = 0;
            heap.reviveFromFreeList(s, this);
        } else {
            s = heap.allocObject(this, 0);
        }
        put(s, START, start);
        put(s, STOP, stop);
        put(s, STEP, step);
        heap.track(s);
        return s;
    }

    @Override
    public void traverse(long o, LongConsumer visit) {
        for (int off = START; off <= STEP; off += 8) visitField(o, off, visit);
    }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.decref(get(o, STEP));  // slice_dealloc's order
        heap.decref(get(o, START));
        heap.decref(get(o, STOP));
        if (cache == 0) {
            heap.parkedOnFreeList(o, this);
            cache = o;
        } else {
            heap.freeObject(o);
        }
    }

    /** The cached dead slice (a start-up image carries it: a runtime made for an image has not primed its own). */
    long imageCache() { return cache; }

    /** The image-maker's cached slice, in the memory this runtime adopted. */
    void adoptImageCache(long slice) { cache = slice; }

    /** Fills the cache as CPython's start-up leaves it (it has made and freed slices by then). */
    void primeCache() {
        if (cache == 0) heap.decref(create(Builtins.incref(heap, heap.None), Builtins.incref(heap, heap.None), Builtins.incref(heap, heap.None)));
    }

    @Override
    public long hash(long o) { throw new dev.refheap.object.PyError("TypeError", "unhashable type: 'slice'"); }

    @Override
    String repr(long o) {
        return "slice(" + rt.ops.repr(get(o, START)) + ", " + rt.ops.repr(get(o, STOP)) + ", " + rt.ops.repr(get(o, STEP)) + ")";
    }

    @Override
    long attr(long o, String name) {
        return switch (name) {
            case "start" -> Builtins.incref(heap, get(o, START));
            case "stop" -> Builtins.incref(heap, get(o, STOP));
            case "step" -> Builtins.incref(heap, get(o, STEP));
            default -> 0;
        };
    }

    /** The (start, stop, step) tuple slices compare as. */
    private long asTuple(long o) {
        long t = heap.tuples.alloc(3);
        for (int i = 0; i < 3; i++) dev.refheap.object.TupleType.setItemSteal(t, i, Builtins.incref(heap, get(o, START + 8 * i)));
        return t;
    }

    @Override
    Boolean eq(long a, long b) {
        if (heap.typeOf(a) != this || heap.typeOf(b) != this) return null;
        long x = asTuple(a), y = asTuple(b);
        try {
            return rt.ops.eqOrSame(x, y);
        } finally {
            heap.decref(x);
            heap.decref(y);
        }
    }

    @Override
    Integer order(int op, long a, long b) {
        if (heap.typeOf(a) != this || heap.typeOf(b) != this) return null;
        long x = asTuple(a), y = asTuple(b);
        try {
            if (rt.ops.eqOrSame(x, y)) return 0;
            return rt.ops.compareBool(0, x, y) ? -1 : 1;
        } finally {
            heap.decref(x);
            heap.decref(y);
        }
    }

    @Override
    public boolean equals(long a, long b) {
        Boolean r = eq(a, b);
        return r != null && r;
    }

    @Override
    long construct(long typeObject, long[] a, int o, int n, long kw) {
        Args.noKeywords(rt, "slice", kw);
        if (n < 1) throw rt.typeError("slice expected at least 1 argument, got 0");
        if (n > 3) throw rt.typeError("slice expected at most 3 arguments, got " + n);
        long none = heap.None;
        if (n == 1) return create(Builtins.incref(heap, none), Builtins.incref(heap, a[o]), Builtins.incref(heap, none));
        return create(Builtins.incref(heap, a[o]), Builtins.incref(heap, a[o + 1]), Builtins.incref(heap, n == 3 ? a[o + 2] : none));
    }

    void install() {
        rt.putBuiltin("slice", address());
        TypeMethodsAccess.def(rt, this, "indices", (s, a, o, n, kw) -> {
            Args.exactly(rt, "indices", n, kw, 1);
            java.math.BigInteger len = bigIndex(a[o], null);  // PyNumber_Index: an object with __index__ too
            if (len.signum() < 0) throw rt.error("ValueError", "length should not be negative");
            java.math.BigInteger[] r = longIndices(s, len);
            long t = heap.tuples.alloc(3);
            for (int i = 0; i < 3; i++) dev.refheap.object.TupleType.setItemSteal(t, i, heap.ints.of(r[i]));
            return t;
        });
        // slice_reduce: (slice, (start, stop, step)), so slices pickle and copy
        TypeMethodsAccess.def(rt, this, "__reduce__", (s, a, o, n, kw) -> {
            Args.exactly(rt, "__reduce__", n, kw, 0);
            long args = heap.tuples.of(get(s, START), get(s, STOP), get(s, STEP));
            long r = heap.tuples.of(address(), args);
            heap.decref(args);
            return r;
        });
    }

    /** PyNumber_Index's value of {@code v}; {@code error} (when not null) is the TypeError for a value without __index__. */
    private java.math.BigInteger bigIndex(long v, String error) {
        if (error != null && !rt.ops.hasIndex(v)) throw rt.typeError(error);
        long i = rt.ops.numberIndex(v);
        try {
            return dev.refheap.object.IntType.toBig(i);
        } finally {
            heap.decref(i);
        }
    }

    /** _PySlice_GetLongIndices: (start, stop, step) of slice {@code s} over {@code length} items, in ints of any size. */
    java.math.BigInteger[] longIndices(long s, java.math.BigInteger length) {
        String err = "slice indices must be integers or None or have an __index__ method";
        long stepO = get(s, STEP), startO = get(s, START), stopO = get(s, STOP);
        java.math.BigInteger step = stepO == heap.None ? java.math.BigInteger.ONE : bigIndex(stepO, err);
        if (step.signum() == 0) throw rt.error("ValueError", "slice step cannot be zero");
        boolean neg = step.signum() < 0;
        java.math.BigInteger lower = neg ? java.math.BigInteger.ONE.negate() : java.math.BigInteger.ZERO;
        java.math.BigInteger upper = neg ? length.add(lower) : length;
        java.math.BigInteger start = startO == heap.None ? (neg ? upper : lower) : clamp(bigIndex(startO, err), length, lower, upper);
        java.math.BigInteger stop = stopO == heap.None ? (neg ? lower : upper) : clamp(bigIndex(stopO, err), length, lower, upper);
        return new java.math.BigInteger[] {start, stop, step};
    }

    private static java.math.BigInteger clamp(java.math.BigInteger i, java.math.BigInteger length, java.math.BigInteger lower, java.math.BigInteger upper) {
        if (i.signum() < 0) {
            i = i.add(length);
            return i.compareTo(lower) < 0 ? lower : i;
        }
        return i.compareTo(upper) > 0 ? upper : i;
    }
}
