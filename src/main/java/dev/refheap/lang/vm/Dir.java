package dev.refheap.lang.vm;

import dev.refheap.object.DictType;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code dir()} as CPython 3.11's builtin_dir and the {@code __dir__} methods it calls:
 * {@code dir()} is the sorted names of the caller's locals; {@code dir(obj)} calls
 * {@code type(obj).__dir__(obj)} (looked up on the type only), makes a list of what it returns
 * and sorts it. object.__dir__ merges the instance's {@code __dict__} keys with its class's
 * attributes (merge_class_dict: the class's dict keys, then its bases' recursively);
 * type.__dir__ is merge_class_dict of the class itself; module.__dir__ is the module dict's keys
 * (or its own {@code __dir__} function). A builtin type's dict keys are CPython's
 * (SlotWrappers' table).
 */
final class Dir {
    private Dir() {}

    /** builtin dir(): with no argument the caller's local names, else type(o).__dir__(o) sorted. */
    static long dir(Runtime rt, long[] a, int o, int n, long kw) {
        Args.range(rt, "dir", n, kw, 0, 1);
        Heap heap = rt.heap;
        long names;
        if (n == 0) {
            long locals = Instances.frameLocals(rt, rt.interpreter.current);
            try {
                names = Builtins.toList(rt, locals);
            } finally {
                heap.decref(locals);
            }
        } else {
            // _PyObject_LookupSpecial: __dir__ on the type, bound to the object
            long f = rt.ops.lookupType(heap.typeOf(a[o]), "__dir__");
            if (f == 0) throw rt.typeError("object does not provide __dir__");
            long bound = rt.ops.bindForCall(f, a[o]);
            long r;
            try {
                r = rt.ops.call(bound, new long[0], 0, 0, 0);
            } finally {
                heap.decref(bound);
            }
            try {
                names = Builtins.toList(rt, r);
            } finally {
                heap.decref(r);
            }
        }
        try {
            ListSort.sortList(rt, names, 0, false);
        } catch (RuntimeException e) {
            heap.decref(names);
            throw e;
        }
        return names;
    }

    /** object.__dir__(self): the instance dict's keys, then the class's attributes (a new list). */
    static long objectDir(Runtime rt, long self) {
        Heap heap = rt.heap;
        Set<String> seen = new LinkedHashSet<>();
        if (rt.isModule(self)) {
            addDictKeys(rt, ModuleType.dict(self), seen);
            return toList(rt, seen);
        }
        long d = Attributes.getOrSwallow(rt, self, rt.names.__dict__);
        if (d != 0) {
            try {
                if (heap.typeOf(d) instanceof DictType) addDictKeys(rt, d, seen);
            } finally {
                heap.decref(d);
            }
        }
        if (rt.ops.isTypeObject(self)) {
            mergeClass(rt, heap.typeAt(self), seen);
        } else {
            long cls = Attributes.getOrSwallow(rt, self, rt.names.__class__);
            if (cls != 0) {
                try {
                    if (rt.ops.isTypeObject(cls)) mergeClass(rt, heap.typeAt(cls), seen);
                } finally {
                    heap.decref(cls);
                }
            }
        }
        return toList(rt, seen);
    }

    /** type.__dir__(cls): merge_class_dict of the class (a new list). */
    static long typeDir(Runtime rt, long cls) {
        Set<String> seen = new LinkedHashSet<>();
        mergeClass(rt, rt.heap.typeAt(cls), seen);
        return toList(rt, seen);
    }

    /** merge_class_dict: the names in t's dict, then in its bases' (recursively). */
    private static void mergeClass(Runtime rt, PyType t, Set<String> seen) {
        for (String n : classDictNames(rt, t)) seen.add(n);
        for (PyType b : bases(rt, t)) mergeClass(rt, b, seen);
    }

    /** The keys of a type's __dict__: a class's dict, or a builtin type's table (its known attributes if it has none). */
    static List<String> classDictNames(Runtime rt, PyType t) {
        List<String> out = new ArrayList<>();
        if (t instanceof ClassType c) {
            rt.heap.dicts.forEach(c.dict(), (k, v) -> out.add(StrType.value(k)));
            return out;
        }
        var table = rt.slotWrappers.namesOf(t);
        if (table != null) {
            for (SlotWrappers.Slot s : table) out.add(s.name());
            return out;
        }
        Map<String, Long> attrs = rt.typeAttrs.get(t);
        if (attrs != null) out.addAll(attrs.keySet().stream().sorted().toList());
        return out;
    }

    /** A type's __bases__ as descriptors. */
    private static List<PyType> bases(Runtime rt, PyType t) {
        Heap heap = rt.heap;
        List<PyType> out = new ArrayList<>();
        if (t instanceof ClassType c) {
            long bases = dev.refheap.memory.Native.getLong(c.address() + ClassType.T_BASES);
            for (int i = 0; i < TupleType.size(bases); i++) out.add(heap.typeAt(TupleType.item(bases, i)));
            return out;
        }
        if (ExceptionGroups.isHeapGroup(t)) {
            long bases = rt.builtinTypeInfo.bases(t);  // ExceptionGroup's (BaseExceptionGroup, Exception)
            for (int i = 0; i < TupleType.size(bases); i++) out.add(heap.typeAt(TupleType.item(bases, i)));
            return out;
        }
        if (t.base() != null) out.add(t.base());
        else if (t != heap.objectType) out.add(heap.objectType);
        return out;
    }

    private static void addDictKeys(Runtime rt, long d, Set<String> seen) {
        rt.heap.dicts.forEach(d, (k, v) -> {
            if (Heap.isStr(k)) seen.add(StrType.value(k));
        });
    }

    private static long toList(Runtime rt, Set<String> names) {
        Heap heap = rt.heap;
        long l = heap.lists.alloc(0);
        for (String s : names) {
            long x = heap.strs.internedOf(s);
            heap.lists.append(l, x);
            heap.decref(x);
        }
        return l;
    }
}
