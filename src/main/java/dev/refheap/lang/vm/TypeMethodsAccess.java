package dev.refheap.lang.vm;

import dev.refheap.object.PyType;
import java.util.HashMap;

/** Registers a method on a builtin type from outside TypeMethods (modules' own types). */
final class TypeMethodsAccess {
    private TypeMethodsAccess() {}

    static void def(Runtime rt, PyType t, String name, Builtin impl) {
        rt.defMethod(t, name, impl);
    }

    static void defWrapper(Runtime rt, PyType t, String name, Builtin impl) {
        rt.defDescr(BuiltinDescrType.Kind.WRAPPER, t, name, impl);
    }
}
