package dev.refheap.lang.vm;

import java.util.function.LongConsumer;

/** {@code cell}: holds one variable shared by a function and the closures that use it (24 bytes + GC head). */
final class CellType extends LangType {
    static final int OB_REF = 16;

    CellType(Runtime rt) {
        super(rt, "cell", null, HAVE_GC, 24, 0, 0);
    }

    /** A new cell holding {@code value} (stolen; 0 for empty). */
    long create(long value) {
        long c = heap.allocObject(this, 0);
        put(c, OB_REF, value);
        heap.track(c);
        return c;
    }

    static long contents(long c) { return get(c, OB_REF); }

    /** Replaces the contents with {@code v} (stolen; 0 empties), releasing the old value. */
    void set(long c, long v) {
        long old = get(c, OB_REF);
        put(c, OB_REF, v);
        heap.xdecref(old);
    }

    @Override public void traverse(long o, LongConsumer visit) { visitField(o, OB_REF, visit); }
    @Override public boolean hasClear() { return true; }
    @Override public void clear(long o) { clearField(o, OB_REF); }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.xdecref(get(o, OB_REF));
        heap.freeObject(o);
    }
}
