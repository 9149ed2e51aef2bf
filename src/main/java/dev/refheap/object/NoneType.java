package dev.refheap.object;

/** {@code NoneType}: the one static None object, starting at refcount 1 as in 3.11. */
public final class NoneType extends PyType {
    NoneType(Heap heap) {
        super(heap, "NoneType", null, 0, Layout.OBJECT_HEAD, 0, 0);
    }

    long createSingleton() {
        return heap.newStaticObject(this, Layout.OBJECT_HEAD, 1);
    }

    @Override
    public void dealloc(long o) {
        throw new IllegalStateException("deallocating None");
    }
}
