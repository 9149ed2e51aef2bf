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
 * ExceptionGroup, whose bases are (BaseExceptionGroup, Exception) and whose tuples its heap type
 * object owns (made into it here, read from it afterwards). The other tuples are made at
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

    /**
     * For a start-up image: the tuples made for types from index {@code fromType} on (a native
     * module's types, registered after the constructor), as (0 for tp_bases or 1 for tp_mro, type
     * index, tuple) triples; the runtime holds the tuples, so the image has them.
     */
    long[] imageState(int fromType) {
        List<long[]> v = new ArrayList<>();
        for (int which = 0; which < 2; which++) {
            for (var e : (which == 0 ? bases : mros).entrySet()) {
                if (e.getKey().index() >= fromType) v.add(new long[] {which, e.getKey().index(), e.getValue()});
            }
        }
        v.sort(java.util.Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));
        long[] out = new long[3 * v.size()];
        for (int i = 0; i < v.size(); i++) System.arraycopy(v.get(i), 0, out, 3 * i, 3);
        return out;
    }

    /**
     * The image-maker's tuples ({@link #imageState}) of the types below index {@code below} in this
     * runtime, which adopted its image: a type's next access gives the same object.
     */
    void adoptImageState(long[] v, int below) {
        if (v.length % 3 != 0) throw new IllegalArgumentException("the builtin types' tuples in the image are damaged");
        for (int i = 0; i < v.length; i += 3) {
            if (v[i + 1] < below) (v[i] == 0 ? bases : mros).put(rt.heap.typeAtIndex((int) v[i + 1]), v[i + 2]);
        }
    }

    /** Makes the tuples of every builtin type registered so far. */
    void prepareAll() {
        for (int i = 0; i < rt.heap.typeCount(); i++) {
            PyType t = rt.heap.typeByIndex(i);
            if (t instanceof ClassType) continue;
            bases(t);
            mro(t);
        }
    }

    /**
     * A heap type's tp_bases and tp_mro, which its type object owns ({@link HeapTypeObjects}):
     * kept here borrowed, so {@code __bases__} and {@code __mro__} give those objects.
     */
    void setHeapTypeTuples(PyType t, long tpBases, long tpMro) {
        bases.put(t, tpBases);
        mros.put(t, tpMro);
    }

    /** tp_base: the type a builtin type derives from (None for object). */
    PyType base(PyType t) {
        if (t == rt.heap.objectType) return null;
        if (isExceptionGroup(t)) return rt.exceptionType("BaseExceptionGroup");
        return t.base() != null ? t.base() : rt.heap.objectType;
    }

    /**
     * ExceptionGroup's tp_bases or tp_mro ({@code off}), which its type object owns: made into it
     * on first use ({@code make}), or the image's (a runtime adopting a start-up image).
     */
    private long heapGroupTuple(PyType t, int off, java.util.function.LongSupplier make) {
        long v = dev.refheap.memory.Native.getLong(t.address() + off);
        if (v == 0) {
            v = make.getAsLong();
            dev.refheap.memory.Native.putLong(t.address() + off, v);
        }
        return v;
    }

    /** tp_bases (borrowed). */
    long bases(PyType t) {
        if (isExceptionGroup(t)) {
            return heapGroupTuple(t, HeapTypeObjects.T_BASES, () -> tuple(List.of(rt.exceptionType("BaseExceptionGroup"), rt.exceptionType("Exception"))));
        }
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
        if (isExceptionGroup(t)) {
            return heapGroupTuple(t, HeapTypeObjects.T_MRO, () -> tuple(List.of(t, rt.exceptionType("BaseExceptionGroup"), rt.exceptionType("Exception"),
                    rt.baseException, rt.heap.objectType)));
        }
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
