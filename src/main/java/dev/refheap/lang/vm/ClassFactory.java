package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.util.ArrayList;
import java.util.List;

/** type_new for class statements: layout from the bases, C3 mro, the heap type object, __class__ cell. */
final class ClassFactory {
    private ClassFactory() {}

    static long create(Runtime rt, long nameObj, long bases, long ns, long func) {
        Heap heap = rt.heap;
        String name = StrType.value(nameObj);
        List<ClassType> classBases = new ArrayList<>();
        PyType builtinBase = heap.objectType;
        for (long i = 0; i < TupleType.size(bases); i++) {
            PyType b = heap.typeAt(TupleType.item(bases, i));
            if (b instanceof ClassType c) {
                classBases.add(c);
                if (c.exceptionBased) builtinBase = c.builtinBase;
            } else if (b instanceof ExceptionType e) {
                builtinBase = e;
            } else if (b != heap.objectType) {
                throw rt.typeError("refheap does not support subclassing '" + b.name() + "'");
            }
        }
        // __slots__ changes the instance layout (member descriptors, no __dict__): not modelled, so
        // refused rather than silently giving instances a dict (found by the memory fuzzer)
        if (heap.dicts.getItem(ns, "__slots__") != 0) throw rt.error("NotImplementedError", "refheap does not support __slots__ yet");
        boolean exc = builtinBase instanceof ExceptionType;
        long basic = exc ? ExceptionType.SIZE + 8 : 24;
        long weak = exc ? ExceptionType.SIZE : ClassType.INSTANCE_WEAKLIST;
        int flags = PyType.HAVE_GC | PyType.HEAPTYPE | PyType.BASETYPE | (exc ? PyType.BASE_EXC_SUBCLASS : PyType.MANAGED_DICT);
        ClassType cls = new ClassType(rt, name, exc ? builtinBase : null, exc, basic, weak, flags);
        List<ClassType> mro = c3(rt, cls, classBases);
        cls.mro.addAll(mro);

        long t = heap.allocObjectOfSize(heap.typeType, ClassType.TYPE_OBJECT_SIZE, 0);
        Native.fill(t + 16, ClassType.TYPE_OBJECT_SIZE - 16, (byte) 0);
        cls.typeObject = t;
        heap.registerHeapType(cls, t);
        long dict = heap.dicts.create();
        long[] classcell = {0};
        heap.dicts.forEach(ns, (k, v) -> {
            String key = StrType.value(k);
            if (key.equals("__classcell__")) classcell[0] = v;
            else if (!key.equals("__qualname__")) heap.dicts.setItem(dict, k, v);
        });
        Native.putLong(t + ClassType.T_DICT, dict);
        heap.dicts.watch(dict);  // the class's lookup cache forgets when any class dict changes
        // What type_new adds: the __dict__ and __weakref__ slots' descriptors when no base has them, and __doc__.
        boolean baseHasDict = exc || !classBases.isEmpty(), baseHasWeakref = !classBases.isEmpty();
        if (!baseHasDict) addDescriptor(rt, dict, t, "__dict__");
        if (!baseHasWeakref) addDescriptor(rt, dict, t, "__weakref__");
        if (heap.dicts.getItem(dict, "__doc__") == 0) heap.dicts.setItem(dict, "__doc__", heap.None);
        heap.incref(bases);
        Native.putLong(t + ClassType.T_BASES, TupleType.size(bases) == 0 ? heap.tuples.of(heap.objectType.address()) : bases);
        if (TupleType.size(bases) == 0) heap.decref(bases);
        long mroTuple = heap.tuples.alloc(mro.size() + 1 + (exc ? depth(builtinBase) : 0));
        int j = 0;
        for (ClassType m : mro) TupleType.setItemSteal(mroTuple, j++, Builtins.incref(heap, m == cls ? t : m.typeObject));
        if (exc) for (PyType b = builtinBase; b != null; b = b.base()) TupleType.setItemSteal(mroTuple, j++, Builtins.incref(heap, b.address()));
        TupleType.setItemSteal(mroTuple, j, Builtins.incref(heap, heap.objectType.address()));
        Native.putLong(t + ClassType.T_MRO, mroTuple);
        heap.incref(nameObj);
        Native.putLong(t + ClassType.T_NAME, nameObj);
        long qual = heap.dicts.getItem(ns, "__qualname__");
        if (qual == 0) qual = nameObj;
        heap.incref(qual);
        Native.putLong(t + ClassType.T_QUALNAME, qual);
        rt.subclasses.addToBases(t, Native.getLong(t + ClassType.T_BASES));
        setNames(rt, t, dict);
        initSubclass(rt, t, cls);
        for (ClassType m : mro) if (heap.dicts.getItem(m == cls ? dict : m.dict(), "__del__") != 0) cls.hasDel = true;
        heap.track(t);
        if (classcell[0] != 0 && heap.typeOf(classcell[0]) == rt.cellType) {
            heap.incref(t);
            rt.cellType.set(classcell[0], t);
        }
        return t;
    }

    /**
     * type_new_set_names: over a copy of the class dict (a temporary dict, as in 3.11), calls
     * {@code value.__set_name__(cls, name)} for each value whose class defines it.
     */
    private static void setNames(Runtime rt, long t, long dict) {
        Heap heap = rt.heap;
        long names = heap.dicts.create();
        try {
            heap.dicts.forEach(dict, (k, v) -> heap.dicts.setItem(names, k, v));
            heap.dicts.forEach(names, (k, v) -> {
                if (heap.typeOf(v) instanceof ClassType c && rt.ops.lookupUserOnly(c, "__set_name__") != 0) {
                    heap.decref(rt.ops.callMethod(v, "__set_name__", t, k));
                }
            });
        } finally {
            heap.decref(names);
        }
    }

    /**
     * type_new_init_subclass: {@code super(cls, cls).__init_subclass__()}: the first
     * {@code __init_subclass__} a base class defines (an implicit classmethod) is called with the new
     * class; object's does nothing. (The super object and the bound method are GC objects made and
     * freed at once, so they leave count0 as it was; they are not modelled.)
     */
    private static void initSubclass(Runtime rt, long t, ClassType cls) {
        Heap heap = rt.heap;
        for (int i = 1; i < cls.mro.size(); i++) {
            long f = heap.dicts.getItem(cls.mro.get(i).dict(), "__init_subclass__");
            if (f == 0) continue;
            if (heap.typeOf(f) == rt.functionType) heap.decref(rt.ops.call(f, new long[] {t}, 0, 1, 0));
            return;
        }
    }

    private static void addDescriptor(Runtime rt, long dict, long type, String name) {
        long d = rt.getsetType.create(type, name);
        rt.heap.dicts.setItem(dict, name, d);
        rt.heap.decref(d);
    }

    private static int depth(PyType t) {
        int n = 0;
        for (PyType b = t; b != null; b = b.base()) n++;
        return n;
    }

    /** C3 linearization over the classes (builtin bases come after). */
    private static List<ClassType> c3(Runtime rt, ClassType cls, List<ClassType> bases) {
        List<List<ClassType>> seqs = new ArrayList<>();
        for (ClassType b : bases) seqs.add(new ArrayList<>(b.mro));
        seqs.add(new ArrayList<>(bases));
        List<ClassType> out = new ArrayList<>();
        out.add(cls);
        while (true) {
            seqs.removeIf(List::isEmpty);
            if (seqs.isEmpty()) return out;
            ClassType pick = null;
            for (List<ClassType> s : seqs) {
                ClassType head = s.getFirst();
                boolean inTail = false;
                for (List<ClassType> s2 : seqs) if (s2.indexOf(head) > 0) inTail = true;
                if (!inTail) { pick = head; break; }
            }
            if (pick == null) throw rt.typeError("Cannot create a consistent method resolution order (MRO)");
            out.add(pick);
            for (List<ClassType> s : seqs) if (s.getFirst() == pick) s.removeFirst();
        }
    }
}
