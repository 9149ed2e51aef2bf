package dev.refheap.lang.vm;

import dev.refheap.object.HeapTypeSlots;
import java.util.function.LongConsumer;

/**
 * The type-object slots of a type whose type object {@link HeapTypeObjects} made (a native heap
 * type, ExceptionGroup): each is HeapTypeObjects' own, so the types that have such an object share
 * them instead of delegating one by one. Stateless; {@link #runtime} is the type's runtime.
 */
interface HeapTypeObjectSlots extends HeapTypeSlots {
    Runtime runtime();

    @Override
    default void traverseTypeObject(long typeObject, LongConsumer visit) { HeapTypeObjects.traverse(typeObject, visit); }

    @Override
    default void referencesOfTypeObject(long typeObject, LongConsumer visit) { HeapTypeObjects.references(typeObject, visit); }

    @Override
    default void clearTypeObject(long typeObject) { HeapTypeObjects.clear(runtime().heap, typeObject); }

    @Override
    default void deallocTypeObject(long typeObject) { HeapTypeObjects.dealloc(runtime(), typeObject); }

    /** type.__sizeof__ of a heap type without cached keys: sizeof(PyHeapTypeObject). */
    @Override
    default long typeObjectSize(long typeObject) { return ClassType.HEAP_TYPE_STRUCT_SIZE; }
}
