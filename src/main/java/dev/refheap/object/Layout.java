package dev.refheap.object;

/**
 * CPython 3.11's 64-bit object layout, as offsets from an object's address ({@code id(o)}).
 *
 * <pre>
 *  block ─┐
 *         │ [-32] managed dict: values pointer  ┐ pre-header of instances of ordinary classes
 *         │ [-24] managed dict: dict pointer    ┘ (only types with MANAGED_DICT)
 *         │ [-16] _gc_next ┐ GC head: only GC types
 *         │ [ -8] _gc_prev ┘
 *  id(o) ─┤ [  0] ob_refcnt   (signed 64-bit)
 *         │ [  8] ob_type     (address of the type object)
 *         │ [ 16] ob_size     (variable-size types), or the first field of the type
 * </pre>
 * The block pymalloc hands out starts at the pre-header: {@code block = id(o) - preHeaderSize}.
 * The block's allocator tag records which of the three shapes it has (see {@link #TAG_PLAIN}).
 */
public final class Layout {
    private Layout() {}

    public static final int OB_REFCNT = 0;
    public static final int OB_TYPE = 8;
    public static final int OB_SIZE = 16;
    /** Size of PyObject_HEAD: refcount and type. */
    public static final int OBJECT_HEAD = 16;
    /** Size of PyObject_VAR_HEAD: refcount, type and ob_size. */
    public static final int VAR_HEAD = 24;

    public static final int GC_HEAD_SIZE = 16;
    public static final int MANAGED_DICT_PREHEADER = 16;
    /** The managed dict's values pointer, for instances of types with MANAGED_DICT. */
    public static final int MANAGED_VALUES = -32;
    /** The managed dict's materialised dict pointer. */
    public static final int MANAGED_DICT = -24;

    /** Block tag: the object starts at the block (non-GC object). */
    public static final int TAG_PLAIN = 1;
    /** Block tag: a GC head, then the object at block + 16. */
    public static final int TAG_GC = 2;
    /** Block tag: managed-dict pre-header and GC head, then the object at block + 32. */
    public static final int TAG_MANAGED = 3;

    /** Offset from block to object for each tag. */
    public static int preHeaderOfTag(int tag) {
        return switch (tag) {
            case TAG_PLAIN -> 0;
            case TAG_GC -> GC_HEAD_SIZE;
            case TAG_MANAGED -> GC_HEAD_SIZE + MANAGED_DICT_PREHEADER;
            default -> throw new IllegalArgumentException("tag: " + tag + " (expected: 1..3)");
        };
    }

    /** The initial refcount of CPython 3.11's statically allocated objects (_PyObject_IMMORTAL_INIT). */
    public static final long STATIC_REFCNT = 999_999_999L;

    // ---- type objects ---------------------------------------------------------------------
    /** Index of the type's descriptor in its heap's type table. */
    public static final int TP_INDEX = 24;
    /** tp_flags (32 bits, CPython's bit values). */
    public static final int TP_FLAGS = 28;
    /** The weakref list of a type object (tp_weaklist). */
    public static final int TP_WEAKLIST = 80;
    /** Size of a static type object (sizeof(PyTypeObject) on 64-bit 3.11). */
    public static final int STATIC_TYPE_SIZE = 408;
}
