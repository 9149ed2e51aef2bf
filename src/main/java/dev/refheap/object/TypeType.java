package dev.refheap.object;

import dev.refheap.memory.Native;
import java.util.function.LongConsumer;

/**
 * {@code type}: the type of type objects. Builtin type objects are static (not GC-tracked, not
 * freed); heap types (classes) are registered by the language with their own descriptors, which
 * override the slots they need.
 */
public final class TypeType extends PyType {
    TypeType(Heap heap) {
        super(heap, "type", null, BASETYPE | HAVE_GC | TYPE_SUBCLASS, Layout.STATIC_TYPE_SIZE, 40, Layout.TP_WEAKLIST);
    }

    private HeapTypeSlots slots(long o) {
        return (Native.getInt(o + Layout.TP_FLAGS) & HEAPTYPE) != 0 && heap.typeAt(o) instanceof HeapTypeSlots s ? s : null;
    }

    /** A type object described by the type it is ({@code <type 'map' 0x...>}): the verifier's reports name it. */
    @Override
    public String describe(long o) {
        String name;
        try {
            name = heap.typeAt(o).name();
        } catch (RuntimeException e) {
            name = "?";
        }
        return "<type '" + name + "' 0x" + Long.toHexString(o) + ">";
    }

    @Override
    public void traverse(long o, LongConsumer visit) {
        HeapTypeSlots s = slots(o);
        if (s != null) s.traverseTypeObject(o, visit);
    }

    @Override
    public void references(long o, LongConsumer visit) {
        HeapTypeSlots s = slots(o);
        if (s != null) s.referencesOfTypeObject(o, visit);
    }

    @Override
    public boolean hasClear() { return true; }

    @Override
    public void clear(long o) {
        HeapTypeSlots s = slots(o);
        if (s != null) s.clearTypeObject(o);
    }

    @Override
    public long sizeOf(long o) {
        HeapTypeSlots s = slots(o);
        return s != null ? s.typeObjectSize(o) : Layout.STATIC_TYPE_SIZE;
    }

    @Override
    public void dealloc(long o) {
        HeapTypeSlots s = slots(o);
        if (s == null) throw new IllegalStateException("deallocating a static type object " + heap.typeAt(o).name());
        s.deallocTypeObject(o);
    }
}
