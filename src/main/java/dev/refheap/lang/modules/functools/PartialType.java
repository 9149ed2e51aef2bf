package dev.refheap.lang.modules.functools;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code functools.partial}: CPython 3.11's partialobject, a heap type (instances hold their type),
 * 64 bytes plus the GC head:
 * <pre> refcnt | type | fn | args (tuple) | kw (dict) | dict (NULL until used) | weakreflist | vectorcall </pre>
 * traverse: type, fn, args, kw, dict; tp_clear drops the four. A partial of a partial without an
 * instance dict is flattened (its fn, args prepended, keywords merged), as partial_new does. A
 * call passes args + call args, and kw merged with the call's keywords (the call's win).
 */
final class PartialType extends FieldsType {
    static final int FN = 16, ARGS = 24, KW = 32, DICT = 40, WEAKREFLIST = 48;

    PartialType(VmApi vm) {
        super(vm, "functools.partial", PyType.HAVE_GC | PyType.BASETYPE, 64, WEAKREFLIST, FN, ARGS, KW, DICT);
    }

    @Override
    protected boolean heapTypeInstances() { return true; }

    /** IMMUTABLETYPE | HEAPTYPE | BASETYPE | HAVE_VECTORCALL | READY | HAVE_GC, as CPython 3.11.7 reports, plus the version tag once set. */
    @Override
    protected long declaredFlags() { return 0x5f00; }

    @Override
    public boolean hasClear() { return true; }

    /** A class may derive from partial (Py_TPFLAGS_BASETYPE): its instances are this struct, whose own dict and weakref slots they use. */
    @Override
    public boolean allowsPythonSubclasses() { return true; }

    @Override
    public long ownDictOffset() { return DICT; }

    /** partial_new on a subclass: the same construction into the subclass's instance (no flattening: that is for partial itself). */
    @Override
    public long newSubtypeInstance(java.util.function.LongSupplier alloc, long cls, boolean objectInit, long[] a, int off, int n, long kw) {
        return newInstanceAs(alloc, a, off, n, kw);
    }

    @Override
    public void clear(long o) {
        set(o, FN, 0);
        set(o, ARGS, 0);
        set(o, KW, 0);
        set(o, DICT, 0);
    }

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        int nkw = Params.nkw(kwnames);
        int npos = n - nkw;
        if (npos < 1) throw vm.error("TypeError", "type 'partial' takes at least one argument");
        long func = a[off];
        long pargs = 0, pkw = 0;
        if (heap.typeOf(func) == this && !constructingSubtype() && get(func, DICT) == 0) {
            pargs = get(func, ARGS);
            pkw = get(func, KW);
            func = get(func, FN);
        }
        if (!vm.isCallable(func)) throw vm.error("TypeError", "the first argument must be callable");
        long o = alloc();
        heap.track(o);  // tp_alloc tracks at once; the fields are NULL until set
        try {
            put(o, FN, vm.incref(func));
            long pa = pargs == 0 ? 0 : TupleType.size(pargs);
            long args = heap.tuples.alloc(pa + npos - 1);
            for (long i = 0; i < pa; i++) TupleType.setItemSteal(args, i, vm.incref(TupleType.item(pargs, i)));
            for (int i = 1; i < npos; i++) TupleType.setItemSteal(args, pa + i - 1, vm.incref(a[off + i]));
            put(o, ARGS, args);
            long kw = heap.dicts.create();
            if (pkw != 0) heap.dicts.forEach(pkw, (k, v) -> heap.dicts.setItem(kw, k, v));
            for (int k = 0; k < nkw; k++) heap.dicts.setItem(kw, TupleType.item(kwnames, k), a[off + npos + k]);
            put(o, KW, kw);
            return o;
        } catch (PyException e) {
            heap.decref(o);
            throw e;
        }
    }

    @Override
    public boolean callableInstances() { return true; }

    @Override
    public long callOf(long o, long[] a, int off, int n, long kwnames) {
        long args = get(o, ARGS), kw = get(o, KW);
        int nkw = kwnames == 0 ? 0 : (int) TupleType.size(kwnames);
        int npos = n - nkw;
        int pa = (int) TupleType.size(args);
        List<Long> names = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        heap.dicts.forEach(kw, (k, v) -> {
            names.add(k);
            values.add(v);
        });
        for (long k : names) if (!dev.refheap.object.Heap.isStr(k)) throw vm.error("TypeError", "keywords must be strings");
        for (int k = 0; k < nkw; k++) {
            long name = TupleType.item(kwnames, k);
            int at = -1;
            for (int j = 0; j < names.size(); j++) if (vm.equal(names.get(j), name)) at = j;
            if (at >= 0) values.set(at, a[off + npos + k]);
            else {
                names.add(name);
                values.add(a[off + npos + k]);
            }
        }
        long[] all = new long[pa + npos + names.size()];
        for (int i = 0; i < pa; i++) all[i] = TupleType.item(args, i);
        System.arraycopy(a, off, all, pa, npos);
        for (int j = 0; j < names.size(); j++) all[pa + npos + j] = values.get(j);
        long fn = vm.incref(get(o, FN));
        long kwTuple = names.isEmpty() ? 0 : heap.tuples.alloc(names.size());
        for (int j = 0; j < names.size(); j++) TupleType.setItemSteal(kwTuple, j, vm.incref(names.get(j)));
        // the partial may be released by the call it makes: fn, args and kw stay held till it returns
        heap.incref(args);
        heap.incref(kw);
        try {
            return vm.callArgs(fn, all, 0, all.length, kwTuple);
        } finally {
            if (kwTuple != 0) heap.decref(kwTuple);
            heap.decref(kw);
            heap.decref(args);
            heap.decref(fn);
        }
    }

    /** partial_reduce: (type(p), (fn,), (fn, args, kw, dict or None)). */
    long reduce(long o) {
        long t = heap.tuples.alloc(3);
        TupleType.setItemSteal(t, 0, vm.incref(dev.refheap.object.Heap.typeAddress(o)));
        TupleType.setItemSteal(t, 1, heap.tuples.of(get(o, FN)));
        long d = get(o, DICT);
        TupleType.setItemSteal(t, 2, heap.tuples.of(get(o, FN), get(o, ARGS), get(o, KW), d == 0 ? heap.None : d));
        return t;
    }

    /**
     * partial_setstate: a 4-tuple (fn, args, kw, dict) with fn callable, args a tuple, kw a dict or
     * None, dict a dict or None, else TypeError; args of a tuple subclass and kw of a dict subclass
     * are copied into exact ones, kw None is a new empty dict.
     */
    void setstate(long o, long state) {
        if (heap.typeOf(state) != heap.tuples || TupleType.size(state) != 4) throw vm.error("TypeError", "invalid partial state");
        long fn = TupleType.item(state, 0), fnargs = TupleType.item(state, 1), kw = TupleType.item(state, 2), dict = TupleType.item(state, 3);
        if (!vm.isCallable(fn) || !vm.isInstanceOf(fnargs, heap.tuples) || (kw != heap.None && !vm.isInstanceOf(kw, heap.dicts))
                || (dict != heap.None && !vm.isInstanceOf(dict, heap.dicts))) {
            throw vm.error("TypeError", "invalid partial state");
        }
        long args;
        if (heap.typeOf(fnargs) == heap.tuples) {
            args = vm.incref(fnargs);
        } else {
            long n = TupleType.size(fnargs);
            args = heap.tuples.alloc(n);
            for (long i = 0; i < n; i++) TupleType.setItemSteal(args, i, vm.incref(TupleType.item(fnargs, i)));
        }
        long kwd;
        if (kw == heap.None) {
            kwd = heap.dicts.create();
        } else if (heap.typeOf(kw) == heap.dicts) {
            kwd = vm.incref(kw);
        } else {
            kwd = heap.dicts.create();
            long k = kwd;
            heap.dicts.forEach(kw, (key, v) -> heap.dicts.setItem(k, key, v));
        }
        set(o, FN, vm.incref(fn));
        set(o, ARGS, args);
        set(o, KW, kwd);
        set(o, DICT, dict == heap.None ? 0 : vm.incref(dict));
    }

    @Override
    public String reprOf(long o) {
        // partial_repr: the arguments are shown first, the function last (the order their reprs run in)
        return vm.reprRecursive(o, "...", () -> {
            StringBuilder sb = new StringBuilder();
            long args = get(o, ARGS);
            for (long i = 0; i < TupleType.size(args); i++) sb.append(", ").append(vm.repr(TupleType.item(args, i)));
            heap.dicts.forEach(get(o, KW), (k, v) -> {
                heap.incref(v);  // held while the key's str runs
                try {
                    sb.append(", ").append(vm.toStr(k)).append('=').append(vm.repr(v));
                } finally {
                    heap.decref(v);
                }
            });
            return heap.typeOf(o).name() + "(" + vm.repr(get(o, FN)) + sb + ")";  // Py_TYPE(pto)->tp_name
        });
    }

    @Override
    public long attrOf(long o, String name) {
        switch (name) {
            case "func": return vm.incref(get(o, FN));
            case "args": return vm.incref(get(o, ARGS));
            case "keywords": return vm.incref(get(o, KW));
            default: return instanceDictAttr(o, DICT, name);
        }
    }

    @Override
    public boolean setAttrOf(long o, String name, long v) {
        if (name.equals("func") || name.equals("args") || name.equals("keywords")) throw vm.error("AttributeError", "readonly attribute");
        return setInstanceDictAttr(o, DICT, name, v);
    }
}
