package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.IntType;
import java.math.BigInteger;
import java.util.function.LongConsumer;

/**
 * {@code range} (start, stop, step, length as int objects: 48 bytes, not GC) and its iterators:
 * {@code range_iterator} (index, start, step, len as C longs: 48 bytes) when start, stop and step fit a
 * C long, else {@code longrange_iterator} (index, start, step, len as int objects: 48 bytes, not GC), as
 * 3.11's range_iter chooses.
 *
 * <p>A range whose bounds or length do not fit a long ({@link #isBig}: {@code range(1 << 1000)},
 * {@code range(-sys.maxsize, sys.maxsize)}) works as any other, in ints of any size; only its len()
 * raises CPython's OverflowError when the length does not fit a Py_ssize_t.
 */
final class RangeType extends LangType {
    static final int START = 16, STOP = 24, STEP = 32, LENGTH = 40;
    final RangeIterType iterType;

    final LongRangeIterType longIterType;

    RangeType(Runtime rt) {
        super(rt, "range", null, 0, 48, 0, 0);
        iterType = new RangeIterType(rt);
        longIterType = new LongRangeIterType(rt);
    }

    /** range(start, stop, step) over ints of any size (a new reference). */
    long create(BigInteger start, BigInteger stop, BigInteger step) {
        if (step.signum() == 0) throw rt.error("ValueError", "range() arg 3 must not be zero");
        BigInteger len = BigInteger.ZERO;
        if (step.signum() > 0 && start.compareTo(stop) < 0) len = stop.subtract(start).subtract(BigInteger.ONE).divide(step).add(BigInteger.ONE);
        if (step.signum() < 0 && start.compareTo(stop) > 0) len = start.subtract(stop).subtract(BigInteger.ONE).divide(step.negate()).add(BigInteger.ONE);
        long r = heap.allocObject(this, 0);
        put(r, START, heap.ints.of(start));
        put(r, STOP, heap.ints.of(stop));
        put(r, STEP, heap.ints.of(step));
        put(r, LENGTH, heap.ints.of(len));
        return r;
    }

    /** True when start, stop, step or the length do not fit a C long. */
    static boolean isBig(long r) {
        for (int off = START; off <= LENGTH; off += 8) if (!IntType.fitsLong(get(r, off))) return true;
        return false;
    }

    static BigInteger bigStart(long r) { return IntType.toBig(get(r, START)); }
    static BigInteger bigStop(long r) { return IntType.toBig(get(r, STOP)); }
    static BigInteger bigStep(long r) { return IntType.toBig(get(r, STEP)); }
    static BigInteger bigLength(long r) { return IntType.toBig(get(r, LENGTH)); }

    /** len(r): OverflowError, as CPython's, when the length does not fit a Py_ssize_t. */
    long len(long r) {
        if (!IntType.fitsLong(get(r, LENGTH))) throw rt.error("OverflowError", "Python int too large to convert to C ssize_t");
        return length(r);
    }

    /** x in r for an int x (range_contains_long). */
    boolean containsInt(long r, long x) {
        if (!isBig(r) && IntType.fitsLong(x)) {
            long v = IntType.asLong(x), start = start(r), step = step(r), len = length(r);
            if (len == 0) return false;
            long k = v - start;
            // no overflow of v - start: the range's values and x all lie within a C long
            if (((v ^ start) & (v ^ k)) >= 0) return k % step == 0 && k / step >= 0 && k / step < len;
        }
        BigInteger k = IntType.toBig(x).subtract(bigStart(r));
        BigInteger[] qr = k.divideAndRemainder(bigStep(r));
        return qr[1].signum() == 0 && qr[0].signum() >= 0 && qr[0].compareTo(bigLength(r)) < 0;
    }

    /** r[i] for an int i of a big range (IndexError outside it). */
    long bigItem(long r, long i) {
        BigInteger k = IntType.toBig(i), len = bigLength(r);
        if (k.signum() < 0) k = k.add(len);
        if (k.signum() < 0 || k.compareTo(len) >= 0) throw rt.error("IndexError", "range object index out of range");
        return heap.ints.of(bigStart(r).add(k.multiply(bigStep(r))));
    }

    /** The range's repr: range(start, stop) or range(start, stop, step). */
    static String repr(long r) {
        BigInteger step = bigStep(r);
        return "range(" + bigStart(r) + ", " + bigStop(r) + (step.equals(BigInteger.ONE) ? "" : ", " + step) + ")";
    }

    long create(long start, long stop, long step) {
        if (step == 0) throw rt.error("ValueError", "range() arg 3 must not be zero");
        long len;
        try {  // a span or a step past a C long (range(-sys.maxsize, sys.maxsize)) is counted in ints of any size
            len = step > 0 ? (stop > start ? (Math.subtractExact(stop, start) - 1) / step + 1 : 0)
                    : (start > stop ? (Math.subtractExact(start, stop) - 1) / Math.negateExact(step) + 1 : 0);
        } catch (ArithmeticException overflow) {
            return create(BigInteger.valueOf(start), BigInteger.valueOf(stop), BigInteger.valueOf(step));
        }
        long r = heap.allocObject(this, 0);
        put(r, START, heap.ints.of(start));
        put(r, STOP, heap.ints.of(stop));
        put(r, STEP, heap.ints.of(step));
        put(r, LENGTH, heap.ints.of(len));
        return r;
    }

    /**
     * r[slice] (compute_slice): the slice's indices over the range's length in ints of any size
     * (_PySlice_GetLongIndices), the range of the values they pick: start + i * step for each.
     */
    long slice(long r, long slice) {
        BigInteger[] sl = rt.sliceType.longIndices(slice, bigLength(r));
        BigInteger start = bigStart(r), step = bigStep(r);
        return create(start.add(sl[0].multiply(step)), start.add(sl[1].multiply(step)), step.multiply(sl[2]));
    }

    /**
     * range.index(x) and range.count(x) (range_index, range_count): an int or a bool by arithmetic
     * (index: (x - start) // step, or ValueError "x is not in range"), anything else by iterating
     * the range and comparing each value to x with == (_PySequence_IterSearch).
     */
    long countOrIndex(long r, long x, boolean index) {
        if (heap.typeOf(x) instanceof dev.refheap.object.IntType) {
            boolean in = containsInt(r, x);
            if (!index) return heap.ints.of(in ? 1 : 0);
            if (!in) throw rt.error("ValueError", rt.ops.repr(x) + " is not in range");
            return heap.ints.of(IntType.toBig(x).subtract(bigStart(r)).divide(bigStep(r)));  // exact: x is in the range
        }
        long it = iter(r);
        try {
            long count = 0;
            for (long i = 0; ; i++) {
                long v = heap.typeOf(it) == iterType ? iterType.next(it) : longIterType.next(it);
                if (v == 0) break;
                boolean eq;
                try {
                    eq = rt.ops.eq(v, x);
                } finally {
                    heap.decref(v);
                }
                if (eq) {
                    if (index) return heap.ints.of(i);
                    count++;
                }
            }
            if (index) throw rt.error("ValueError", "sequence.index(x): x not in sequence");
            return heap.ints.of(count);
        } finally {
            heap.decref(it);
        }
    }

    static long start(long r) { return IntType.asLong(get(r, START)); }
    static long stop(long r) { return IntType.asLong(get(r, STOP)); }
    static long step(long r) { return IntType.asLong(get(r, STEP)); }
    static long length(long r) { return IntType.asLong(get(r, LENGTH)); }

    long iter(long r) {
        // range_iter: a range_iterator when start, stop, step and len fit a C long and start + len * step
        // cannot overflow one (stop no nearer than step - 1 to the long's end), else a longrange_iterator
        if (isBig(r) || length(r) > 0 && (step(r) > 0 ? stop(r) > Long.MAX_VALUE - (step(r) - 1) : stop(r) < Long.MIN_VALUE + (-1 - step(r)))) {
            return longIterType.create(get(r, START), get(r, STEP), get(r, LENGTH));
        }
        return iterType.create(start(r), step(r), length(r));
    }

    /**
     * range.__reversed__ (range_reverse): range(start + (len-1)*step, start - step, -step) as a
     * range_iterator when start, step, -step, start - step and len fit a C long, else as a
     * longrange_iterator.
     */
    long reversedIter(long r) {
        if (!isBig(r)) {
            long start = start(r), step = step(r), len = length(r);
            boolean fits = step != Long.MIN_VALUE;
            try {
                Math.subtractExact(start, step);
            } catch (ArithmeticException e) {
                fits = false;
            }
            if (fits) return iterType.create(start + (len - 1) * step, -step, len);
        }
        BigInteger len = bigLength(r), step = bigStep(r);
        long last = heap.ints.of(bigStart(r).add(len.subtract(BigInteger.ONE).multiply(step)));
        long neg = heap.ints.of(step.negate());
        try {
            return longIterType.create(last, neg, get(r, LENGTH));
        } finally {
            heap.decref(last);
            heap.decref(neg);
        }
    }

    @Override
    public void references(long o, LongConsumer visit) {
        for (int off = START; off <= LENGTH; off += 8) visitField(o, off, visit);
    }

    @Override
    public void dealloc(long o) {
        for (int off = START; off <= LENGTH; off += 8) heap.decref(get(o, off));
        heap.freeObject(o);
    }

    /**
     * {@code range_iterator} (3.11's rangeiterobject: index, start, step and len as C longs, 48 bytes,
     * not GC): each step gives start + index * step (C long arithmetic) and advances index until it
     * reaches len.
     */
    static final class RangeIterType extends LangType {
        static final int INDEX = 16, START = 24, STEP = 32, LEN = 40;

        RangeIterType(Runtime rt) {
            super(rt, "range_iterator", null, 0, 48, 0, 0);
        }

        long create(long start, long step, long len) {
            long it = heap.allocObject(this, 0);
            Native.putLong(it + INDEX, 0);
            Native.putLong(it + START, start);
            Native.putLong(it + STEP, step);
            Native.putLong(it + LEN, len);
            return it;
        }

        long next(long it) {
            long index = Native.getLong(it + INDEX);
            if (index >= Native.getLong(it + LEN)) return 0;
            Native.putLong(it + INDEX, index + 1);
            return heap.ints.of(Native.getLong(it + START) + index * Native.getLong(it + STEP));
        }

        /** rangeiter_len: len - index, the items still to come. */
        static long remaining(long it) { return Native.getLong(it + LEN) - Native.getLong(it + INDEX); }

        static long index(long it) { return Native.getLong(it + INDEX); }
        static long start(long it) { return Native.getLong(it + START); }
        static long step(long it) { return Native.getLong(it + STEP); }
        static long length(long it) { return Native.getLong(it + LEN); }

        /** rangeiter_setstate's effect: the index (already clipped to [0, len]). */
        static void setIndex(long it, long index) { Native.putLong(it + INDEX, index); }
    }

    /** range_equals: the same length, and (when not empty) the same start, and (when longer than 1) the same step. */
    @Override
    public boolean equals(long a, long b) {
        if (heap.typeOf(b) != this) return false;
        BigInteger n = bigLength(a);
        if (!n.equals(bigLength(b))) return false;
        if (n.signum() == 0) return true;
        if (!bigStart(a).equals(bigStart(b))) return false;
        return n.equals(BigInteger.ONE) || bigStep(a).equals(bigStep(b));
    }

    /** range_hash: hash((len, start, step)) with start and step None where they do not matter (a tuple made and freed, as 3.11 does). */
    @Override
    public long hash(long o) {
        BigInteger n = bigLength(o);
        long t = heap.tuples.alloc(3);
        dev.refheap.object.TupleType.setItemSteal(t, 0, heap.ints.of(n));
        dev.refheap.object.TupleType.setItemSteal(t, 1, n.signum() == 0 ? incNone() : heap.ints.of(bigStart(o)));
        dev.refheap.object.TupleType.setItemSteal(t, 2, n.compareTo(BigInteger.ONE) <= 0 ? incNone() : heap.ints.of(bigStep(o)));
        try {
            return heap.hash(t);
        } finally {
            heap.decref(t);
        }
    }

    private long incNone() {
        heap.incref(heap.None);
        return heap.None;
    }

    /**
     * {@code longrange_iterator}: index, start, step and len as int objects (48 bytes, not GC, as
     * 3.11's longrangeiterobject); each step gives start + index * step and advances index.
     */
    static final class LongRangeIterType extends LangType {
        static final int INDEX = 16, START = 24, STEP = 32, LEN = 40;

        LongRangeIterType(Runtime rt) {
            super(rt, "longrange_iterator", null, 0, 48, 0, 0);
        }

        long create(long start, long step, long len) {
            long it = heap.allocObject(this, 0);
            heap.incref(start);
            heap.incref(step);
            heap.incref(len);
            put(it, INDEX, heap.ints.of(0));
            put(it, START, start);
            put(it, STEP, step);
            put(it, LEN, len);
            return it;
        }

        long next(long it) {
            BigInteger index = IntType.toBig(get(it, INDEX));
            if (index.compareTo(IntType.toBig(get(it, LEN))) >= 0) return 0;
            long result = heap.ints.of(IntType.toBig(get(it, START)).add(index.multiply(IntType.toBig(get(it, STEP)))));
            long old = get(it, INDEX);
            put(it, INDEX, heap.ints.of(index.add(BigInteger.ONE)));
            heap.decref(old);
            return result;
        }

        /** longrangeiter_len: len - index, unclamped. */
        BigInteger remainingBig(long it) {
            return IntType.toBig(get(it, LEN)).subtract(IntType.toBig(get(it, INDEX)));
        }

        /** The remaining length (for length_hint), clamped to a long. */
        long remaining(long it) {
            BigInteger len = IntType.toBig(get(it, LEN)).subtract(IntType.toBig(get(it, INDEX)));
            return len.bitLength() < 63 ? Math.max(0, len.longValue()) : Long.MAX_VALUE;
        }

        @Override
        public void references(long o, LongConsumer visit) {
            for (int off = INDEX; off <= LEN; off += 8) visitField(o, off, visit);
        }

        @Override
        public void dealloc(long o) {
            for (int off = INDEX; off <= LEN; off += 8) heap.decref(get(o, off));
            heap.freeObject(o);
        }
    }
}
