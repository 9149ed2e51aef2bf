package dev.refheap.object;

/**
 * {@code type}: the type of type objects. Builtin type objects are static (not GC-tracked, not
 * freed); heap types (classes) are registered by the language with their own descriptors, which
 * override the slots they need.
 */
public final class TypeType extends PyType {
    TypeType(Heap heap) {
        super(heap, "type", null, BASETYPE | HAVE_GC | TYPE_SUBCLASS, Layout.STATIC_TYPE_SIZE, 40, 0);
    }

    @Override
    public long sizeOf(long o) { return Layout.STATIC_TYPE_SIZE; }

    @Override
    public void dealloc(long o) {
        throw new IllegalStateException("deallocating a static type object " + heap.typeAt(o).name());
    }
}
