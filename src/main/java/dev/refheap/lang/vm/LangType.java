package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.PyType;

/** Base of the types the language adds to the heap; gives them the runtime and field helpers. */
abstract class LangType extends PyType {
    protected final Runtime rt;

    LangType(Runtime rt, String name, PyType base, int flags, long basicSize, long itemSize, long weaklistOffset) {
        super(rt.heap, name, base, flags, basicSize, itemSize, weaklistOffset);
        this.rt = rt;
    }

    static long get(long o, int off) { return Native.getLong(o + off); }
    static void put(long o, int off, long v) { Native.putLong(o + off, v); }

    /** Releases the reference in field {@code off} and zeroes it (Py_CLEAR). */
    final void clearField(long o, int off) {
        long v = Native.getLong(o + off);
        if (v != 0) {
            Native.putLong(o + off, 0);
            heap.decref(v);
        }
    }

    static void visitField(long o, int off, java.util.function.LongConsumer visit) {
        long v = Native.getLong(o + off);
        if (v != 0) visit.accept(v);
    }
}
