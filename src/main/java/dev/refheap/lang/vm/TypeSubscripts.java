package dev.refheap.lang.vm;

import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import java.util.Set;

/**
 * {@code cls[item]} for a class object: a class defined by Python code calls its
 * {@code __class_getitem__}; the builtin types that have one in CPython 3.11 give a
 * {@code types.GenericAlias} (those named here directly, a native module's type through the
 * classmethod in its dict); any other type is not subscriptable (TypeError, as in CPython).
 */
final class TypeSubscripts {
    private TypeSubscripts() {}

    /** The builtin types whose __class_getitem__ makes a GenericAlias in 3.11 (by tp_name). */
    private static final Set<String> GENERIC = Set.of("list", "dict", "tuple", "set", "frozenset", "type",
            "enumerate", "weakref", "ReferenceType", "re.Pattern", "re.Match");

    static long subscript(Runtime rt, long cls, long key) {
        Heap heap = rt.heap;
        PyType t = heap.typeAt(cls);
        if (t instanceof ClassType) {
            long r = ClassStatements.classGetItem(rt, cls, key);
            if (r != 0) return r;
        } else if (GENERIC.contains(t.name())) {
            return rt.genericAliasType.alias(cls, GenericAliasType.argsOf(heap, key));
        } else if (rt.ops.lookupType(t, "__class_getitem__") != 0) {
            return rt.ops.callMethod(cls, "__class_getitem__", key);  // a native type's (ContextVar[int]): type_subscript's lookup
        }
        throw rt.typeError("type '" + Ops.tpName(t) + "' is not subscriptable");  // tp_name: '_contextvars.Context'
    }
}
