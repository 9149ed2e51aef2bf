package dev.refheap.object;

/** {@code object}: the base of all types; instances are bare 16-byte headers, not GC-tracked. */
public final class ObjectType extends PyType {
    ObjectType(Heap heap) {
        super(heap, "object", null, BASETYPE, Layout.OBJECT_HEAD, 0, 0);
    }

    /** {@code object()}: a new reference. */
    public long create() {
        return heap.allocObject(this, 0);
    }
}
