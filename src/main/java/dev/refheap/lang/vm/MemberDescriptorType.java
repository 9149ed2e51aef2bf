package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;

/**
 * {@code member_descriptor}: one {@code __slots__} entry of a class, as CPython 3.11's
 * PyMemberDescrObject (48 bytes + GC head, {@code getsizeof == 64}): d_type, d_name, d_qualname,
 * then d_member, which here holds the slot's byte offset in the instance instead of a pointer to a
 * PyMemberDef (the offset is all a T_OBJECT_EX member needs). Traversal visits d_type only.
 *
 * <p>The members of builtin types ({@code function.__globals__}, {@code complex.real}) are the
 * same objects with a negative fourth word, and get their values from {@link BuiltinGetSets}.
 *
 * <p>A member is a data descriptor: reading an empty slot raises AttributeError
 * {@code 'P' object has no attribute 'x'}, as does deleting one; the slot owns its value.
 */
final class MemberDescriptorType extends DescrCommonType {
    static final int OFFSET = EXTRA;

    MemberDescriptorType(Runtime rt) {
        super(rt, "member_descriptor");
    }

    long create(long typeObject, String name, long offset) {
        return createDescr(typeObject, name, offset);
    }

    static long offset(long d) { return get(d, OFFSET); }
    static long ownerType(long d) { return get(d, TYPE); }
    static String name(long d) { return StrType.value(get(d, NAME)); }

    /** d_type->tp_name: a class's own name, a native module's type's dotted one ("_socket.socket"). */
    private String ownerName(long d) {
        return Ops.tpName(heap.typeAt(ownerType(d)));
    }

    String repr(long d) {
        return "<member '" + name(d) + "' of '" + ownerName(d) + "' objects>";
    }

    /** Checks that {@code o} has the layout the member belongs to (descr_check); the owner type. */
    private PyType check(long d, long o) {
        PyType owner = heap.typeAt(ownerType(d));
        if (!rt.ops.isInstance(o, owner)) {
            throw rt.typeError("descriptor '" + name(d) + "' for '" + Ops.tpName(owner)
                    + "' objects doesn't apply to a '" + rt.ops.typeName(o) + "' object");
        }
        return owner;
    }

    /** member_get: the slot's value (new reference); AttributeError if the slot is empty. */
    long get(long d, long o) {
        if (BuiltinGetSets.isBuiltin(d)) return rt.builtinGetSets.get(d, o);
        check(d, o);
        long v = Native.getLong(o + offset(d));
        if (v == 0) throw rt.error("AttributeError", "'" + rt.ops.typeName(o) + "' object has no attribute '" + name(d) + "'");
        heap.incref(v);
        return v;
    }

    /** member_set: stores {@code v} (borrowed), or empties the slot when {@code v} is 0 (del). */
    void set(long d, long o, long v) {
        if (BuiltinGetSets.isBuiltin(d)) {
            rt.builtinGetSets.set(d, o, v);
            return;
        }
        if (check(d, o) instanceof SysInfo.StructSeqType) throw rt.error("AttributeError", "readonly attribute");  // a struct sequence's field: READONLY
        long at = o + offset(d);
        long old = Native.getLong(at);
        if (v == 0 && old == 0) throw rt.error("AttributeError", name(d));  // T_OBJECT_EX's message for del of an empty slot
        if (v != 0) heap.incref(v);
        Native.putLong(at, v);
        heap.xdecref(old);
    }
}
