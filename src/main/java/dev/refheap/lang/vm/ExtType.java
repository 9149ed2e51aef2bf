package dev.refheap.lang.vm;

import dev.refheap.lang.bytecode.BinaryOp;
import dev.refheap.object.PyType;
import java.util.function.LongConsumer;

/**
 * A builtin type added after the core ones (complex, bytearray, memoryview, weakref proxies...)
 * that implements the object protocol itself: {@link Ops} asks it (one {@code instanceof} test
 * per protocol entry) before its own per-type cases. Each method answers for objects of this
 * type; "no answer" (0, null, -1) lets Ops go on as for any other object. Arguments are borrowed,
 * object results are new references.
 *
 * <p>A type CPython 3.11 makes as a heap type from C (HEAPTYPE in its flags here too) has its type
 * object in the allocator's memory, GC-tracked: {@link HeapTypeObjects} gives the slots of that
 * object ({@link HeapTypeSlots}, which {@code TypeType} asks only of a heap type object).
 */
abstract class ExtType extends LangType implements HeapTypeObjectSlots {
    ExtType(Runtime rt, String name, PyType base, int flags, long basicSize, long itemSize, long weaklistOffset) {
        super(rt, name, base, flags, basicSize, itemSize, weaklistOffset);
    }

    /** repr(o). */
    abstract String repr(long o);

    /** str(o), or null for repr. */
    String str(long o) { return null; }

    /** bool(o), or null for true. */
    Boolean truthy(long o) { return null; }

    /** A data attribute o.name (not a method: those are in the runtime's typeAttrs), or 0. */
    long attr(long o, String name) { return 0; }

    /** o.name = v (v 0: del o.name); false to let Ops go on. */
    boolean setAttr(long o, long nameObj, long v) { return false; }

    /** a op b where a or b has this type, or 0 (NotImplemented). */
    long binary(BinaryOp op, long a, long b) { return 0; }


    /** The in-place form a op= b (a has this type), or 0 to fall back to {@link #binary}. */
    long inplace(BinaryOp op, long a, long b) { return 0; }

    /** -o, +o, ~o ("-", "+", "~"), or 0. */
    long unary(String op, long o) { return 0; }

    /** a == b where a or b has this type, or null when not comparable (identity decides). */
    Boolean eq(long a, long b) { return null; }

    /**
     * The object layer's equality, which a list's, tuple's or dict's comparison asks of its items
     * ({@code Heap.objectsEqual}): {@link #eq}'s answer, identity when it has none. Without it an
     * item of such a type (an OrderedDict in a list) was equal only to itself there.
     */
    @Override
    public boolean equals(long a, long b) {
        if (a == b) return true;
        Boolean r = eq(a, b);
        return r != null && r;
    }

    /** a == b when the other operand is an instance of a class (whose own __eq__ did not answer), or null. */
    Boolean eqForRich(long a, long b) { return null; }

    /** Three-way order of a and b for op (0..5), or null when unorderable (TypeError). */
    Integer order(int op, long a, long b) { return null; }

    /** len(o), or -1 when o has no length. */
    long len(long o) { return -1; }

    /** o[key], or 0 when o is not subscriptable. */
    long getItem(long o, long key) { return 0; }

    /** o[key] = v; false when o does not support item assignment. */
    boolean setItem(long o, long key, long v) { return false; }

    /** del o[key]; false when o does not support item deletion. */
    boolean delItem(long o, long key) { return false; }

    /** iter(o), or 0 when not iterable. */
    long iter(long o) { return 0; }

    /** Whether instances are iterators (next(o) is {@link #next}). */
    boolean isIterator() { return false; }

    /** next(o) for an iterator type: a new reference, or 0 when exhausted. */
    long next(long o) { return 0; }

    /** item in o: 1, 0, or -1 to search by iteration. */
    int contains(long o, long item) { return -1; }

    /** Calling the type: a new instance (new reference). */
    long construct(long typeObject, long[] a, int off, int n, long kw) {
        throw rt.typeError("cannot create '" + name() + "' instances");
    }

    /** Whether instances are callable (callable(o)). */
    boolean isCallableType() { return false; }

    /** o(args) when instances are callable, or 0. */
    long call(long o, long[] a, int off, int n, long kw) { return 0; }

    @Override
    public Runtime runtime() { return rt; }
}
