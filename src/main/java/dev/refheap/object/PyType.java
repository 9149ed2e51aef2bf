package dev.refheap.object;

import dev.refheap.memory.Native;
import java.util.function.LongConsumer;

/**
 * What a type is to the heap: the one place that describes it (CPython's type slots that memory
 * management needs). Every builtin type of the object layer, and every type the language adds
 * (function, code, cell, module, class, instance, bound method, exception...), is a subclass that
 * states its size and overrides the slots it has.
 *
 * <ul>
 *   <li>{@link #traverse}: tp_traverse, the references the cycle collector may follow, in CPython's
 *       order (it decides {@code gc.get_referents}).</li>
 *   <li>{@link #references}: every reference the object owns (traverse plus the ones CPython does
 *       not traverse, such as a str key of a dict); the heap verifier counts with it.</li>
 *   <li>{@link #clear}: tp_clear, drops the references that may form cycles.</li>
 *   <li>{@link #dealloc}: tp_dealloc, run when the refcount reaches 0: releases references and
 *       frees the memory (or parks the object on a free list).</li>
 *   <li>{@link #finalize}: tp_finalize (a Python {@code __del__}), called at most once per object.</li>
 * </ul>
 *
 * <p>Each heap has its own descriptors, numbered in its type table; the type object in native
 * memory records that number at {@link Layout#TP_INDEX}, so {@code Py_TYPE(o)} leads back here in
 * two loads. States: created → registered (has an index and a native type object) → the heap closes.
 */
public abstract class PyType {
    // tp_flags bits, with CPython's values
    public static final int MANAGED_DICT = 1 << 4;
    public static final int SEQUENCE = 1 << 5;
    public static final int MAPPING = 1 << 6;
    public static final int IMMUTABLETYPE = 1 << 8;
    public static final int HEAPTYPE = 1 << 9;
    public static final int BASETYPE = 1 << 10;
    public static final int READY = 1 << 12;
    public static final int HAVE_GC = 1 << 14;
    public static final int HAVE_VERSION_TAG = 1 << 18;
    public static final int VALID_VERSION_TAG = 1 << 19;
    public static final int IS_ABSTRACT = 1 << 20;
    public static final int MATCH_SELF = 1 << 22;
    public static final int LONG_SUBCLASS = 1 << 24;
    public static final int LIST_SUBCLASS = 1 << 25;
    public static final int TUPLE_SUBCLASS = 1 << 26;
    public static final int BYTES_SUBCLASS = 1 << 27;
    public static final int UNICODE_SUBCLASS = 1 << 28;
    public static final int DICT_SUBCLASS = 1 << 29;
    public static final int BASE_EXC_SUBCLASS = 1 << 30;
    public static final int TYPE_SUBCLASS = 1 << 31;

    protected final Heap heap;
    private final String name;
    private int flags;
    private final long basicSize;
    private final long itemSize;
    private final long weaklistOffset;
    private final PyType base;
    int index = -1;
    long address;

    protected PyType(Heap heap, String name, PyType base, int flags, long basicSize, long itemSize, long weaklistOffset) {
        this.heap = heap;
        this.name = name;
        this.base = base;
        this.flags = flags;
        this.basicSize = basicSize;
        this.itemSize = itemSize;
        this.weaklistOffset = weaklistOffset;
    }

    public final String name() { return name; }
    public final int flags() { return flags; }
    public final boolean hasFlag(int flag) { return (flags & flag) != 0; }
    public final boolean isGc() { return (flags & HAVE_GC) != 0; }
    public final long basicSize() { return basicSize; }
    public final long itemSize() { return itemSize; }
    /** Offset of the weakref list pointer in instances, 0 if instances cannot be weakly referenced. */
    public final long weaklistOffset() { return weaklistOffset; }
    public final PyType base() { return base; }
    /** Address of the type object in native memory: what {@code ob_type} of instances holds. */
    public final long address() { return address; }
    public final int index() { return index; }

    /**
     * Takes {@code flag} off tp_flags, here and in the type object. Only for a type with no instances
     * (the flags decide their layout): _testcapi.without_gc taking Py_TPFLAGS_HAVE_GC off a class.
     */
    protected final void dropFlag(int flag) {
        flags &= ~flag;
        if (address != 0) Native.putInt(address + Layout.TP_FLAGS, flags);
    }

    /** Bytes before the object address: GC head and managed-dict pre-header. */
    public final int preHeaderSize() {
        return (isGc() ? Layout.GC_HEAD_SIZE : 0) + (hasFlag(MANAGED_DICT) ? Layout.MANAGED_DICT_PREHEADER : 0);
    }

    /** True if this type is {@code other} or derives from it. */
    public final boolean isSubtypeOf(PyType other) {
        for (PyType t = this; t != null; t = t.base) if (t == other) return true;
        return false;
    }

    // ---- slots ------------------------------------------------------------------------------

    /** tp_traverse: visits the references the collector follows, in CPython's order. */
    public void traverse(long o, LongConsumer visit) {}

    /** Every reference {@code o} owns, including ones tp_traverse skips. Default: {@link #traverse}. */
    public void references(long o, LongConsumer visit) { traverse(o, visit); }

    /**
     * The fields a new instance of a Python subclass of this type needs beyond zeros (what tp_alloc
     * plus the type's tp_new leave: an empty dict's shared empty keys, a set's small table); the
     * object is zero-filled after its head when this is called.
     */
    public void initSubtypeInstance(long o) {}

    /**
     * True for the builtin containers and numbers whose behaviour a subclass's instances keep for
     * what the subclass does not define (the VM dispatches their protocol by type).
     */
    public boolean isDataBase() { return false; }

    /**
     * The data base whose layout and behaviour instances of this type have ({@link #isDataBase}):
     * the type itself for one, the builtin it extends for a native subclass of one
     * ({@code collections.defaultdict}: dict), else null.
     */
    public PyType dataBase() { return isDataBase() ? this : null; }

    /** True if the type has tp_clear. */
    public boolean hasClear() { return false; }

    /** tp_clear: drops references that may take part in cycles. */
    public void clear(long o) {}

    /** tp_dealloc. The default releases {@link #references} in order and frees the object. */
    public void dealloc(long o) {
        boolean gc = isGc();
        if (gc) heap.untrackIfTracked(o);
        if (weaklistOffset != 0) heap.weakrefs.clearWeakrefs(o);
        references(o, heap.decrefVisitor);
        heap.freeObject(o);
    }

    /** True if the type has tp_finalize. */
    public boolean hasFinalizer() { return false; }

    /** tp_finalize; must not throw (errors go to the unraisable hook). */
    public void finalize(long o) {}

    /**
     * True if the type has a legacy tp_del (only possible from C in CPython: _testcapi.with_tp_del
     * gives a class one). The heap reads it when the type is registered; a type that gets one
     * later tells the heap ({@link Heap#legacyFinalizerTypeAdded}).
     */
    public boolean hasLegacyFinalizer() { return false; }

    /**
     * {@code object.__sizeof__(o)} (object___sizeof___impl: tp_basicsize plus the items): the same
     * as {@link #sizeOf} unless the type's own {@code __sizeof__} counts memory outside the object
     * (a native type whose C object allocates: _pickle's Pickler and Unpickler).
     */
    public long objectSizeOf(long o) { return sizeOf(o); }

    /** {@code o.__sizeof__()}: the object's size without the pre-header. */
    public long sizeOf(long o) {
        long n = itemSize == 0 ? 0 : Math.abs(Native.getLong(o + Layout.OB_SIZE));
        return basicSize + itemSize * n;
    }

    /**
     * {@code o.__sizeof__()} for an instance of a Python subclass whose basicsize is
     * {@code subtypeBasicSize}: most types' __sizeof__ reads tp_basicsize of the object's own type,
     * so the subclass's slots and dict pointer count (int's does not: offsetof(ob_digit)).
     */
    public long subtypeSizeOf(long o, long subtypeBasicSize) {
        return subtypeBasicSize - basicSize + sizeOf(o);
    }

    /** hash(o); the default is CPython's pointer hash. */
    public long hash(long o) {
        long y = Long.rotateRight(o, 4);
        return y == -1 ? -2 : y;
    }

    /** {@code a == b} for objects of this type (used by dict and set lookups). Default: identity. */
    public boolean equals(long a, long b) { return a == b; }

    /** A short description for debug output and leak reports: {@code <name 0x...>}. */
    public String describe(long o) {
        return "<" + name + " 0x" + Long.toHexString(o) + ">";
    }

    @Override
    public String toString() { return "<class '" + name + "'>"; }
}
