package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.IntType;
import java.util.function.LongConsumer;

/**
 * {@code range} (start, stop, step, length as int objects: 48 bytes, not GC) and its iterator
 * {@code range_iterator} (start, step, len as C longs: 40 bytes).
 */
final class RangeType extends LangType {
    static final int START = 16, STOP = 24, STEP = 32, LENGTH = 40;
    final RangeIterType iterType;

    RangeType(Runtime rt) {
        super(rt, "range", null, 0, 48, 0, 0);
        iterType = new RangeIterType(rt);
    }

    long create(long start, long stop, long step) {
        if (step == 0) throw rt.error("ValueError", "range() arg 3 must not be zero");
        long r = heap.allocObject(this, 0);
        put(r, START, heap.ints.of(start));
        put(r, STOP, heap.ints.of(stop));
        put(r, STEP, heap.ints.of(step));
        long len = step > 0 ? (stop > start ? (stop - start - 1) / step + 1 : 0) : (start > stop ? (start - stop - 1) / -step + 1 : 0);
        put(r, LENGTH, heap.ints.of(len));
        return r;
    }

    static long start(long r) { return IntType.asLong(get(r, START)); }
    static long stop(long r) { return IntType.asLong(get(r, STOP)); }
    static long step(long r) { return IntType.asLong(get(r, STEP)); }
    static long length(long r) { return IntType.asLong(get(r, LENGTH)); }

    long iter(long r) {
        long it = heap.allocObject(iterType, 0);
        Native.putLong(it + 16, start(r));
        Native.putLong(it + 24, step(r));
        Native.putLong(it + 32, length(r));
        return it;
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

    /** {@code range_iterator}: the next value is start; each step advances start and decrements len. */
    static final class RangeIterType extends LangType {
        RangeIterType(Runtime rt) {
            super(rt, "range_iterator", null, 0, 40, 0, 0);
        }

        long next(long it) {
            long len = Native.getLong(it + 32);
            if (len <= 0) return 0;
            long v = Native.getLong(it + 16);
            Native.putLong(it + 16, v + Native.getLong(it + 24));
            Native.putLong(it + 32, len - 1);
            return heap.ints.of(v);
        }
    }

    /** range_equals: the same length, and (when not empty) the same start, and (when longer than 1) the same step. */
    @Override
    public boolean equals(long a, long b) {
        if (heap.typeOf(b) != this) return false;
        long n = length(a);
        if (n != length(b)) return false;
        if (n == 0) return true;
        if (start(a) != start(b)) return false;
        return n == 1 || step(a) == step(b);
    }

    /** range_hash: hash((len, start, step)) with start and step None where they do not matter (a tuple made and freed, as 3.11 does). */
    @Override
    public long hash(long o) {
        long n = length(o);
        long t = heap.tuples.alloc(3);
        dev.refheap.object.TupleType.setItemSteal(t, 0, heap.ints.of(n));
        dev.refheap.object.TupleType.setItemSteal(t, 1, n == 0 ? incNone() : heap.ints.of(start(o)));
        dev.refheap.object.TupleType.setItemSteal(t, 2, n <= 1 ? incNone() : heap.ints.of(step(o)));
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
}
