package dev.refheap.lang.vm;


/**
 * {@code getset_descriptor}: the {@code __dict__} and {@code __weakref__} attributes CPython puts
 * in a new class's dict, and the getsets of builtin types ({@link BuiltinGetSets}). Each holds a strong reference to its class, so a class is always in a
 * reference cycle (class → dict → descriptor → class) and only the cycle collector frees it.
 */
final class GetSetDescriptorType extends DescrCommonType {
    static final int GETSET = EXTRA;

    GetSetDescriptorType(Runtime rt) {
        super(rt, "getset_descriptor");
    }

    long create(long typeObject, String name) {
        return createDescr(typeObject, name, 0);
    }

    /** A getset descriptor whose fourth word is {@code extra} (a builtin type's: {@link BuiltinGetSets}). */
    long createWith(long typeObject, String name, long extra) {
        return createDescr(typeObject, name, extra);
    }

    String attributeRepr(long d) {
        // d_type->tp_name: a native module's type's is its dotted spec name ("array.array")
        String owner = heap.typeAt(get(d, TYPE)) instanceof NativeType nt ? nt.name()
                : rt.ops.qualifiedTypeName(get(d, TYPE)).replaceFirst("^.*\\.", "");
        return "<attribute '" + dev.refheap.object.StrType.value(get(d, NAME)) + "' of '" + owner + "' objects>";
    }
}
