package dev.refheap.object;

import java.util.function.LongConsumer;

/**
 * Implemented by the descriptor of a heap type (a class created at run time): the slots of the
 * type object itself, which is an instance of {@code type}. {@link TypeType} forwards to them for
 * heap type objects; static type objects have none of these (they are never freed).
 */
public interface HeapTypeSlots {
    /** The references the type object owns (its dict, bases, mro, name...), in traverse order. */
    void traverseTypeObject(long typeObject, LongConsumer visit);

    /** Every reference the type object owns (for the verifier); defaults to the traversed ones. */
    default void referencesOfTypeObject(long typeObject, LongConsumer visit) { traverseTypeObject(typeObject, visit); }

    /** Drops the type object's references that may form cycles (type_clear). */
    void clearTypeObject(long typeObject);

    /** Releases everything and frees the type object (type_dealloc). */
    void deallocTypeObject(long typeObject);

    /** {@code sys.getsizeof(cls)} without the GC head. */
    long typeObjectSize(long typeObject);
}
