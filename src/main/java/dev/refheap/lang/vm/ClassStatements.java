package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code __build_class__} and {@code type(name, bases, dict)} do around {@link ClassFactory}:
 * PEP 560's {@code __mro_entries__} on bases that are not classes (the originals kept as
 * {@code __orig_bases__}), the class statement's keywords ({@code metaclass=} and the ones passed to
 * {@code __init_subclass__}), a metaclass that is a plain callable, and the 3-argument {@code type()}.
 *
 * <p>Which metaclass a class statement calls and its {@code __prepare__} are {@link TypeCall}'s.
 */
final class ClassStatements {
    private ClassStatements() {}

    /** The keywords of a class statement: the metaclass (0: none) and the rest (borrowed values, new names tuple or 0). */
    record Keywords(long metaclass, long[] values, long names) {
        void release(Heap heap) { heap.xdecref(names); }
    }

    static Keywords keywords(Runtime rt, long[] a, int off, int nkw, long kwnames) {
        Heap heap = rt.heap;
        long meta = 0;
        List<Long> values = new ArrayList<>(), names = new ArrayList<>();
        for (int i = 0; i < nkw; i++) {
            long name = TupleType.item(kwnames, i);
            if (StrType.value(name).equals("metaclass")) meta = a[off + i];
            else {
                names.add(name);
                values.add(a[off + i]);
            }
        }
        long namesTuple = 0;
        if (!names.isEmpty()) {
            namesTuple = heap.tuples.alloc(names.size());
            for (int i = 0; i < names.size(); i++) TupleType.setItemSteal(namesTuple, i, Builtins.incref(heap, names.get(i)));
        }
        return new Keywords(meta, values.isEmpty() ? null : values.stream().mapToLong(Long::longValue).toArray(), namesTuple);
    }

    /** update_bases: each base that is not a class but has __mro_entries__ is replaced by what it returns. New reference. */
    static long resolveBases(Runtime rt, long bases) {
        Heap heap = rt.heap;
        long n = TupleType.size(bases);
        boolean changed = false;
        List<Long> out = new ArrayList<>();
        try {
            for (long i = 0; i < n; i++) {
                long b = TupleType.item(bases, i);
                if (rt.ops.isTypeObject(b)) {
                    out.add(Builtins.incref(heap, b));
                    continue;
                }
                long key = heap.strs.internedOf("__mro_entries__");
                long m;
                try {
                    m = Attributes.getOrSwallow(rt, b, key);
                } finally {
                    heap.decref(key);
                }
                if (m == 0) {  // update_bases keeps a base with no __mro_entries__ as it is (type.__new__ refuses it later)
                    out.add(Builtins.incref(heap, b));
                    continue;
                }
                long r;
                try {
                    r = rt.ops.call0(m, bases);
                } finally {
                    heap.decref(m);
                }
                if (heap.typeOf(r) != heap.tuples) {
                    heap.decref(r);
                    throw rt.typeError("__mro_entries__ must return a tuple");
                }
                for (long j = 0; j < TupleType.size(r); j++) out.add(Builtins.incref(heap, TupleType.item(r, j)));
                heap.decref(r);
                changed = true;
            }
        } catch (PyException e) {
            for (long x : out) heap.decref(x);
            throw e;
        }
        if (!changed) {
            for (long x : out) heap.decref(x);
            return Builtins.incref(heap, bases);
        }
        long t = heap.tuples.alloc(out.size());
        for (int i = 0; i < out.size(); i++) TupleType.setItemSteal(t, i, out.get(i));
        return t;
    }

    /** metaclass(name, bases, ns, **kw) for a metaclass that is a plain callable. */
    static long callMetaclass(Runtime rt, Keywords kws, long name, long bases, long ns) {
        return callMetaclass(rt, kws, kws.metaclass(), name, bases, ns);
    }

    /** {@code meta(name, bases, ns, **kw)}: the class statement's call of its metaclass (a class or a callable). */
    static long callMetaclass(Runtime rt, Keywords kws, long meta, long name, long bases, long ns) {
        int nkw = kws.values() == null ? 0 : kws.values().length;
        long[] args = new long[3 + nkw];
        args[0] = name;
        args[1] = bases;
        args[2] = ns;
        if (nkw > 0) System.arraycopy(kws.values(), 0, args, 3, nkw);
        return rt.ops.call(meta, args, 0, args.length, kws.names());
    }

    /** type(name, bases, dict): type_new for type itself (a metaclass of the bases may take over). */
    static long type3(Runtime rt, long[] a, int o) {
        return TypeCall.typeNew(rt, null, a, o, 3, 0);
    }

    /** {@code cls[item]} for a class: its {@code __class_getitem__} (an implicit classmethod), or 0 if it has none. */
    static long classGetItem(Runtime rt, long cls, long item) {
        if (!(rt.heap.typeAt(cls) instanceof ClassType c)) return 0;
        long f = rt.ops.lookupType(c, "__class_getitem__");
        if (f == 0) return 0;
        Heap heap = rt.heap;
        if (heap.typeOf(f) instanceof StaticMethodType sm && sm.classMethod) f = StaticMethodType.callable(f);
        heap.incref(f);
        try {
            return rt.ops.call0(f, cls, item);
        } finally {
            heap.decref(f);
        }
    }

    static long nameOf(long typeObject) { return Native.getLong(typeObject + ClassType.T_NAME); }
}
