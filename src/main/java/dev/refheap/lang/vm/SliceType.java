package dev.refheap.lang.vm;

import java.util.function.LongConsumer;

/** {@code slice}: start, stop, step (40 bytes + GC head, getsizeof 56). */
final class SliceType extends LangType {
    static final int START = 16, STOP = 24, STEP = 32;

    SliceType(Runtime rt) {
        super(rt, "slice", null, HAVE_GC, 40, 0, 0);
    }

    /** A slice of the three values (stolen). */
    long create(long start, long stop, long step) {
        long s = heap.allocObject(this, 0);
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
        for (int off = START; off <= STEP; off += 8) heap.decref(get(o, off));
        heap.freeObject(o);
    }

    @Override
    public long hash(long o) { throw new dev.refheap.object.PyError("TypeError", "unhashable type: 'slice'"); }
}
