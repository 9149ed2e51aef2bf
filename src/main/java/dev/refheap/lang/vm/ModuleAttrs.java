package dev.refheap.lang.vm;

import dev.refheap.object.Heap;
import dev.refheap.object.StrType;

/**
 * What module_getattro adds to a module's dict lookup: the module's own {@code __getattr__}
 * (PEP 562) and 3.11's AttributeError messages, which name a partially initialised module
 * (one whose {@code __spec__._initializing} is true: it is still being imported).
 */
final class ModuleAttrs {
    private ModuleAttrs() {}

    /**
     * The module's __getattr__(name) when it has one (a new reference), else 0. An AttributeError
     * it raises propagates when {@code raise} (module_getattro returns its result: {@code m.name}
     * shows its message), and gives 0 otherwise (a lookup that asks whether there is such an
     * attribute, as hasattr does).
     */
    static long moduleGetattr(Runtime rt, long m, long nameObj, boolean raise) {
        Heap heap = rt.heap;
        long getattr = heap.dicts.getItem(ModuleType.dict(m), "__getattr__");
        if (getattr == 0) return 0;
        heap.incref(getattr);
        try {
            return rt.ops.call0(getattr, nameObj);
        } catch (PyException e) {
            if (raise || !rt.ops.isInstance(e.exc(), rt.exceptionType("AttributeError"))) throw e;
            heap.decref(e.exc());
            return 0;
        } finally {
            heap.decref(getattr);
        }
    }

    static PyException attributeError(Runtime rt, long m, String name) {
        Heap heap = rt.heap;
        long d = ModuleType.dict(m);
        long modName = heap.dicts.getItem(d, "__name__");
        if (modName == 0 || heap.typeOf(modName) != heap.strs) return rt.error("AttributeError", "module has no attribute '" + name + "'");
        if (isInitializing(rt, heap.dicts.getItem(d, "__spec__"))) {
            return rt.error("AttributeError", "partially initialized module '" + StrType.value(modName) + "' has no attribute '" + name
                    + "' (most likely due to a circular import)");
        }
        return rt.error("AttributeError", "module '" + StrType.value(modName) + "' has no attribute '" + name + "'");
    }

    /** _PyModuleSpec_IsInitializing: {@code spec._initializing} is true (errors count as false). */
    static boolean isInitializing(Runtime rt, long spec) {
        Heap heap = rt.heap;
        if (spec == 0 || spec == heap.None) return false;
        long n = heap.strs.internedOf("_initializing");
        try {
            long v = rt.ops.getAttrOrNull(spec, n);
            if (v == 0) return false;
            try {
                return rt.ops.truthy(v);
            } finally {
                heap.decref(v);
            }
        } catch (PyException e) {
            heap.decref(e.exc());
            return false;
        } finally {
            heap.decref(n);
        }
    }
}
