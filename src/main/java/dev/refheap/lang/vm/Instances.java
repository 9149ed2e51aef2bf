package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.DictValues;
import dev.refheap.object.Heap;
import dev.refheap.object.Layout;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;

/**
 * Attributes of instances of Python classes, kept as 3.11 keeps them: in an inline values array
 * (pointed to by the managed-dict pre-header at -32) indexed by the class's shared keys, until
 * {@code __dict__} is asked for; then a real dict takes them over (pointer at -24).
 * <pre>
 *  values block: prefix (P = round_up(size + 2, 8) bytes) | value slots (8 bytes each, 0 = absent)
 *                                                            ^ the object's values pointer
 *  prefix, read down from the pointer: [-1] P | [-2] n, the number of order bytes
 *                                      | [-3 - k] for k < n: the slot index set k-th (the insertion order)
 * </pre>
 * {@code size} is the shared keys' usable size (entries plus usable places) when the instance was
 * made; every index the keys hand out later is below it (a name joins only while a usable place
 * is left, and each instance made takes one away), so the slots are indexed without a bound and
 * walked up to the keys' entries. Invariant: the order bytes name exactly the non-empty slots, each
 * once, in the order the instance set them; a slot set from empty appends its index, a deletion
 * removes it and moves the later ones down, a replacement keeps its place. The dict made from the
 * values inserts them in that order, so iteration, repr and popitem follow it as in 3.11.
 *
 * <p>States of a managed instance: values only (made with the object); a dict only (made from the
 * values on the first {@code __dict__}, or assigned); neither (a builtin base's tp_new made it
 * without values, or {@code del o.__dict__}): then {@code __dict__} makes a plain empty dict and an
 * attribute set or deleted makes a split one. An instance never gets values again.
 */
final class Instances {
    private Instances() {}

    /** The address of value slot {@code i} of the values array {@code v}. */
    static long slot(long v, long i) { return DictValues.slot(v, i); }

    static int orderCount(long v) { return DictValues.orderCount(v); }

    static int orderAt(long v, int k) { return DictValues.orderAt(v, k); }

    /** Frees the values array {@code v} (the block from its prefix). */
    static void freeValues(Heap heap, long v) { DictValues.free(heap, v); }

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
        return i < 0 ? 0 : Native.getLong(slot(v, i));
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
        long v = Native.getLong(o + Layout.MANAGED_VALUES);
        if (i < 0 || v == 0) {
            // the shared keys are full: the instance gets a dict, which becomes combined; or it has
            // no inline values (a builtin base's tp_new, PyType_GenericNew, made it without them, or
            // its __dict__ was deleted): the attribute goes into a new split dict (_PyObjectDict_SetItem)
            long md = materializeDict(rt, o, c);
            long key = heap.strs.internedOf(name);
            heap.dicts.setItem(md, key, value);
            heap.decref(key);
            return;
        }
        long at = slot(v, i);
        long old = Native.getLong(at);
        heap.incref(value);
        Native.putLong(at, value);
        if (old == 0) DictValues.appendOrder(v, i);
        else heap.decref(old);
    }

    static boolean delete(Runtime rt, long o, ClassType c, String name) {
        if (!c.managed()) return false;
        long d = Native.getLong(o + Layout.MANAGED_DICT);
        if (d != 0) return deleteFromDict(rt, d, name);
        long v = Native.getLong(o + Layout.MANAGED_VALUES);
        // without inline values (see set) the new split dict is made to delete from, as _PyObjectDict_SetItem makes it
        if (v == 0) return deleteFromDict(rt, materializeDict(rt, o, c), name);
        // 3.11's _PyObject_StoreInstanceAttribute adds the name to the shared keys even to delete
        // it (a missing attribute still uses up a usable key; found by the memory fuzzer)
        int i = c.keyIndex(name, true);
        // the shared keys are full: the instance's dict is made from its values and the name deleted
        // from it, as for a store (make_dict_from_instance_attributes; fuzz seed 2004951)
        if (i < 0) return deleteFromDict(rt, materializeDict(rt, o, c), name);
        long at = slot(v, i);
        long old = Native.getLong(at);
        if (old == 0) return false;
        Native.putLong(at, 0);
        DictValues.removeOrder(v, i);
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

    /**
     * PyObject_GenericGetDict: the instance's {@code __dict__} (borrowed), made from the inline
     * values if it has them; one with neither values nor a dict (a builtin base's tp_new made it,
     * or its {@code __dict__} was deleted) gets a new plain dict, not a split one.
     */
    static long genericGetDict(Runtime rt, long o, ClassType c) {
        long d = Native.getLong(o + Layout.MANAGED_DICT);
        if (d != 0) return d;
        if (Native.getLong(o + Layout.MANAGED_VALUES) != 0) return materializeDict(rt, o, c);
        d = rt.heap.dicts.create();
        Native.putLong(o + Layout.MANAGED_DICT, d);
        return d;
    }

    /** _PyObject_GetDictPtr's part: the inline values, if the instance has them, become its dict; nothing otherwise. */
    static void materializeValues(Runtime rt, long o, ClassType c) {
        if (Native.getLong(o + Layout.MANAGED_VALUES) != 0) materializeDict(rt, o, c);
    }

    /**
     * The instance's dict (borrowed) for an attribute to be set or deleted in: its dict, or a
     * split dict over the class's shared keys that takes over its inline values array
     * (make_dict_from_instance_attributes: only the dict object is new), or, without either, a
     * new empty split dict with a values array of its own (_PyObjectDict_SetItem's
     * new_dict_with_shared_keys). A class whose shared keys its clearing released (a collected
     * cycle) gives a plain dict holding the values.
     */
    static long materializeDict(Runtime rt, long o, ClassType c) {
        Heap heap = rt.heap;
        long d = Native.getLong(o + Layout.MANAGED_DICT);
        if (d != 0) return d;
        long v = Native.getLong(o + Layout.MANAGED_VALUES);
        if (c.cachedKeys != 0) {
            d = v != 0 ? heap.dicts.fromInstanceValues(c.cachedKeys, v) : heap.dicts.newSplit(c.cachedKeys);
        } else {
            d = heap.dicts.create();
            if (v != 0) {
                for (int k = 0; k < orderCount(v); k++) {
                    int i = orderAt(v, k);
                    long x = Native.getLong(slot(v, i));
                    long key = heap.strs.internedOf(c.keys.get(i));
                    heap.dicts.setItem(d, key, x);
                    heap.decref(key);
                    Native.putLong(slot(v, i), 0);  // moved: the values array no longer holds it (the dict may allocate meanwhile)
                    heap.decref(x);
                }
                freeValues(heap, v);
            }
        }
        Native.putLong(o + Layout.MANAGED_VALUES, 0);
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
