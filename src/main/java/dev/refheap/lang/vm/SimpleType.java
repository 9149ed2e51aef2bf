package dev.refheap.lang.vm;

/** A type whose only instance is a static singleton (ellipsis, NotImplementedType). */
final class SimpleType extends LangType {
    SimpleType(Runtime rt, String name) {
        super(rt, name, null, 0, 16, 0, 0);
    }

    long singleton() {
        long o = heap.allocateStatic(16, 0);
        dev.refheap.memory.Native.putLong(o, 1);
        dev.refheap.memory.Native.putLong(o + 8, address());
        heap.addStaticObject(o, 1);
        return o;
    }

    @Override
    public void dealloc(long o) { throw new IllegalStateException("deallocating " + name()); }
}
