package dev.refheap.object;

import dev.refheap.memory.Native;

/** {@code bool}: a subtype of int with two static instances, False (ob_size 0) and True (1). */
public final class BoolType extends IntType {
    BoolType(Heap heap, IntType base) {
        super(heap, "bool", base, LONG_SUBCLASS);
    }

    long createSingleton(boolean value) {
        long o = heap.newStaticObject(this, OB_DIGIT + 4, 1);
        writeLong(o, value ? 1 : 0);
        return o;
    }

    /** True or False: a new reference. */
    public long of(boolean value) {
        long o = value ? heap.True : heap.False;
        heap.incref(o);
        return o;
    }

    public static boolean isTrue(long o) { return Native.getLong(o + Layout.OB_SIZE) != 0; }

    @Override
    public void dealloc(long o) {
        throw new IllegalStateException("deallocating " + (isTrue(o) ? "True" : "False"));
    }

    @Override
    public String describe(long o) { return isTrue(o) ? "True" : "False"; }
}
