package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.Layout;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;

/**
 * Attributes of instances of Python classes, kept as 3.11 keeps them: in an inline values array
 * (pointed to by the managed-dict pre-header at -32) indexed by the class's shared keys, until
 * {@code __dict__} is asked for; then a real dict takes them over (pointer at -24).
 * <pre> values array: capacity (8 bytes) | value slots (8 bytes each, 0 = absent) </pre>
 */
final class Instances {
    private Instances() {}

    /** Borrowed attribute value, or 0. */
    static long get(Runtime rt, long o, ClassType c, String name) {
        if (c.exceptionBased) {
            long d = Native.getLong(o + ExceptionType.DICT);
            return d == 0 ? 0 : rt.heap.dicts.getItem(d, name);
        }
        if (!c.managed()) {
            long slot = c.dictSlot(o);
            long d = slot == 0 ? 0 : Native.getLong(slot);
            return d == 0 ? 0 : rt.heap.dicts.getItem(d, name);
        }
        long d = Native.getLong(o + Layout.MANAGED_DICT);
        if (d != 0) return rt.heap.dicts.getItem(d, name);
        long v = Native.getLong(o + Layout.MANAGED_VALUES);
        if (v == 0) return 0;
        int i = c.keyIndex(name, false);
        if (i < 0 || i >= Native.getLong(v)) return 0;
        return Native.getLong(v + 8 + 8L * i);
    }

    /** Sets an attribute (value borrowed, incref'd). */
    static void set(Runtime rt, long o, ClassType c, String name, long value) {
        Heap heap = rt.heap;
        long d = Native.getLong(o + Layout.MANAGED_DICT);
        if (d != 0) {
            long key = heap.strs.internedOf(name);
            heap.dicts.setItem(d, key, value);
            heap.decref(key);
            return;
        }
        int i = c.keyIndex(name, true);
        if (i < 0 || c.builtinLayout() && Native.getLong(o + Layout.MANAGED_VALUES) == 0) {
            // the shared keys are full: the instance gets a dict, which becomes combined; or a builtin
            // base's tp_new (PyType_GenericNew) made it without inline values: the first attribute makes a dict
            long md = materializeDict(rt, o, c);
            long key = heap.strs.internedOf(name);
            heap.dicts.setItem(md, key, value);
            heap.decref(key);
            return;
        }
        long v = valuesWithSlot(rt, o, c, i);
        long slot = v + 8 + 8L * i;
        long old = Native.getLong(slot);
        heap.incref(value);
        Native.putLong(slot, value);
        heap.xdecref(old);
    }

    /** The instance's values array, grown (or made) so that slot {@code i} exists. */
    static long valuesWithSlot(Runtime rt, long o, ClassType c, int i) {
        Heap heap = rt.heap;
        long v = Native.getLong(o + Layout.MANAGED_VALUES);
        long cap = v == 0 ? 0 : Native.getLong(v);
        if (i >= cap) {
            long newCap = Math.max(c.keys.size(), Math.max(6, cap * 2));
            long nv = newValues(heap, newCap);
            if (v != 0) {
                Native.copy(v + 8, nv + 8, 8 * cap);
                heap.memFree(v);
            }
            Native.putLong(nv, newCap);
            Native.putLong(o + Layout.MANAGED_VALUES, nv);
            v = nv;
        }
        return v;
    }

    /**
     * A zeroed values array of {@code size} slots. It requests what 3.11's new_values requests, a
     * prefix of size+2 bytes rounded up to a pointer (the insertion order) and a pointer per slot,
     * so the allocator and tracemalloc see CPython's sizes; refheap keeps the capacity in the
     * prefix's first word.
     */
    static long newValues(Heap heap, long size) {
        long bytes = ((size + 2 + 7) & ~7L) + 8 * size;
        long v = heap.memAlloc(bytes);
        Native.fill(v, bytes, (byte) 0);
        Native.putLong(v, size);
        return v;
    }

    static boolean delete(Runtime rt, long o, ClassType c, String name) {
        if (!c.managed()) return false;
        long d = Native.getLong(o + Layout.MANAGED_DICT);
        if (d != 0) return deleteFromDict(rt, d, name);
        long v = Native.getLong(o + Layout.MANAGED_VALUES);
        // 3.11's _PyObject_StoreInstanceAttribute adds the name to the shared keys even to delete
        // it (a missing attribute still uses up a usable key; found by the memory fuzzer)
        int i = c.keyIndex(name, true);
        // the shared keys are full: the instance's dict is made from its values and the name deleted
        // from it, as for a store (make_dict_from_instance_attributes; fuzz seed 2004951)
        if (v != 0 && i < 0) return deleteFromDict(rt, materializeDict(rt, o, c), name);
        if (v == 0 || i < 0 || i >= Native.getLong(v)) return false;
        long slot = v + 8 + 8L * i;
        long old = Native.getLong(slot);
        if (old == 0) return false;
        Native.putLong(slot, 0);
        rt.heap.decref(old);
        return true;
    }

    /**
     * PyDict_DelItem on an instance's dict: false for a missing name, after the KeyError's argument
     * tuple that _PyErr_SetKeyError packs (and the AttributeError that replaces it drops) has been
     * made and released, as its allocation counts for generation 0.
     */
    private static boolean deleteFromDict(Runtime rt, long d, String name) {
        long k = rt.heap.strs.of(name);
        try {
            if (rt.heap.dicts.delItem(d, k)) return true;
            rt.heap.decref(rt.heap.tuples.of(k));
            return false;
        } finally {
            rt.heap.decref(k);
        }
    }

    /** The instance's __dict__ (borrowed): created from the inline values on first use. */
    static long materializeDict(Runtime rt, long o, ClassType c) {
        Heap heap = rt.heap;
        long d = Native.getLong(o + Layout.MANAGED_DICT);
        if (d != 0) return d;
        d = heap.dicts.create();
        long v = Native.getLong(o + Layout.MANAGED_VALUES);
        if (v != 0) {
            long cap = Native.getLong(v);
            for (int i = 0; i < cap && i < c.keys.size(); i++) {
                long x = Native.getLong(v + 8 + 8L * i);
                if (x != 0) {
                    long key = heap.strs.internedOf(c.keys.get(i));  // attribute names are interned
                    heap.dicts.setItem(d, key, x);
                    heap.decref(key);
                    Native.putLong(v + 8 + 8L * i, 0);  // moved: the values array no longer holds it (the dict may allocate meanwhile)
                    heap.decref(x);
                }
            }
            heap.memFree(v);
            Native.putLong(o + Layout.MANAGED_VALUES, 0);
        }
        heap.dicts.markSplit(d, rt.sharedKeys.handleOf(c));
        Native.putLong(o + Layout.MANAGED_DICT, d);
        return d;
    }

    /**
     * The dict at a class's {@link ClassType#dictOffset} (a builtin base's own, or after a
     * variable-sized base's items), made on first use: borrowed; 0 when instances have none there.
     */
    static long slotDict(Runtime rt, long o, ClassType c) {
        long slot = c.dictSlot(o);
        if (slot == 0) return 0;
        long d = Native.getLong(slot);
        if (d == 0) {
            d = rt.heap.dicts.create();
            Native.putLong(slot, d);
        }
        return d;
    }

    static void setExceptionAttr(Runtime rt, long o, long name, long value) {
        long d = Native.getLong(o + ExceptionType.DICT);
        if (d == 0) {
            d = rt.heap.dicts.create();
            Native.putLong(o + ExceptionType.DICT, d);
        }
        rt.heap.dicts.setItem(d, name, value);
    }

    /** co_varnames as a new tuple. */
    static long varnames(Runtime rt, long code) {
        var unit = rt.codeType.code(code).unit;
        int n = 0;
        for (byte k : unit.localsplusKinds()) if ((k & (dev.refheap.lang.bytecode.CodeUnit.KIND_LOCAL | 0x0e)) != 0) n++;
        long t = rt.heap.tuples.alloc(n);
        int j = 0;
        for (int i = 0; i < unit.localsplusKinds().length && j < n; i++) {
            byte k = unit.localsplusKinds()[i];
            if ((k & (dev.refheap.lang.bytecode.CodeUnit.KIND_LOCAL | 0x0e)) != 0) {
                TupleType.setItemSteal(t, j++, rt.heap.strs.internedOf(unit.localsplusNames().get(i)));
            }
        }
        return t;
    }

    /**
     * frame.f_locals: a module or class frame's namespace; for a function frame its f_locals
     * dict (made on first use and kept by the frame, as 3.11's frame->f_locals), refreshed from
     * the variables (PyFrame_FastToLocalsWithError).
     */
    static long frameLocals(Runtime rt, Frame f) {
        if (f.locals != 0) {
            rt.heap.incref(f.locals);
            return f.locals;
        }
        SysTrace.fastToLocals(rt, f);
        rt.heap.incref(f.fastLocals);
        return f.fastLocals;
    }
}
