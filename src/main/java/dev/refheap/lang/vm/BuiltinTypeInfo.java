package dev.refheap.lang.vm;

import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code __bases__}, {@code __base__} and {@code __mro__} of refheap's builtin (static) types, as
 * CPython 3.11's tp_bases, tp_base and tp_mro: single inheritance up to object, except
 * ExceptionGroup, whose bases are (BaseExceptionGroup, Exception). The tuples are made at
 * start-up (as PyType_Ready makes them) and kept, so every access gives the same object and a
 * program's first access allocates nothing.
 * (Made before the runtime's heap exists: it reads {@code rt.heap} when used.)
 */
final class BuiltinTypeInfo {
    private final Runtime rt;
    private final Map<PyType, Long> bases = new HashMap<>(), mros = new HashMap<>();

    BuiltinTypeInfo(Runtime rt) {
        this.rt = rt;
    }

    private boolean isExceptionGroup(PyType t) { return t instanceof ExceptionGroups.GroupType g && g.heapLike; }

    /** Makes the tuples of every builtin type registered so far. */
    void prepareAll() {
        for (int i = 0; i < rt.heap.typeCount(); i++) {
            PyType t = rt.heap.typeByIndex(i);
            if (t instanceof ClassType) continue;
            bases(t);
            mro(t);
        }
    }

    /** tp_base: the type a builtin type derives from (None for object). */
    PyType base(PyType t) {
        if (t == rt.heap.objectType) return null;
        if (isExceptionGroup(t)) return rt.exceptionType("BaseExceptionGroup");
        return t.base() != null ? t.base() : rt.heap.objectType;
    }

    /** tp_bases (borrowed). */
    long bases(PyType t) {
        return bases.computeIfAbsent(t, k -> {
            List<PyType> list = new ArrayList<>();
            if (isExceptionGroup(t)) {
                list.add(rt.exceptionType("BaseExceptionGroup"));
                list.add(rt.exceptionType("Exception"));
            } else if (base(t) != null) {
                list.add(base(t));
            }
            return rt.hold(tuple(list));
        });
    }

    /** tp_mro (borrowed). */
    long mro(PyType t) {
        return mros.computeIfAbsent(t, k -> {
            List<PyType> list = new ArrayList<>();
            list.add(t);
            if (isExceptionGroup(t)) list.add(rt.exceptionType("BaseExceptionGroup"));
            for (PyType b = isExceptionGroup(t) ? rt.exceptionType("Exception") : base(t); b != null; b = base(b)) list.add(b);
            return rt.hold(tuple(list));
        });
    }

    private long tuple(List<PyType> types) {
        long tup = rt.heap.tuples.alloc(types.size());
        for (int i = 0; i < types.size(); i++) {
            long a = types.get(i).address();
            rt.heap.incref(a);
            TupleType.setItemSteal(tup, i, a);
        }
        return tup;
    }
}
