package dev.refheap.lang.modules.collections;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;

/**
 * {@code odict_iterator}: CPython 3.11's odictiterobject (64 bytes plus the GC head): kind 16 |
 * di_odict 24 | di_size 32 | di_state 40 | di_current 48 | di_result 56 (the reused result tuple,
 * items only). Kind bits: 1 reversed, 2 keys, 4 values (items: both). The iterator holds the
 * current key, not a node, and finds its node again at each step; a change of the OrderedDict's
 * list (od_state) or size stops it with RuntimeError.
 */
final class OdictIterType extends FieldsType {
    static final int KIND = 16, ODICT = 24, SIZE = 32, STATE = 40, CURRENT = 48, RESULT = 56;
    static final int REVERSED = 1, KEYS = 2, VALUES = 4, ITEMS = 6;
    private final OrderedDictType od;

    OdictIterType(VmApi vm, OrderedDictType od) {
        super(vm, "odict_iterator", PyType.HAVE_GC, 64, 0, ODICT, CURRENT, RESULT);
        this.od = od;
    }

    long create(long d, int kind, boolean reversed) {
        long it = alloc();
        Native.putInt(it + KIND, kind | (reversed ? REVERSED : 0));
        Native.putInt(it + KIND + 4, 0);
        if (kind == ITEMS) put(it, RESULT, heap.tuples.of(heap.None, heap.None));
        else put(it, RESULT, 0);
        put(it, ODICT, vm.incref(d));
        long node = reversed ? OrderedDictType.last(d) : OrderedDictType.first(d);
        put(it, CURRENT, node == 0 ? 0 : vm.incref(OrderedDictType.key(node)));
        Native.putLong(it + SIZE, dev.refheap.object.DictType.size(d));
        Native.putLong(it + STATE, OrderedDictType.state(d));
        heap.track(it);
        return it;
    }

    @Override
    public boolean isIteratorType() { return true; }

    /** HAVE_GC | READY | IMMUTABLETYPE | DISALLOW_INSTANTIATION, as CPython 3.11.7 reports. */
    @Override
    protected long declaredFlags() { return 0x5180; }

    /** The type's dict, as CPython's: __getattribute__, __iter__, __next__ (slot wrappers), __reduce__, __doc__ None. */
    void install() {
        defSlotWrapper("__getattribute__", (s, a, o, n, kw) -> {
            od.wrapperArgs("__getattribute__", n, kw, 1);
            if (!vm.isStr(a[o])) throw vm.error("TypeError", "attribute name must be string, not '" + vm.typeName(a[o]) + "'");
            return vm.getAttr(s, a[o]);
        });
        defSlotWrapper("__iter__", (s, a, o, n, kw) -> {
            od.wrapperArgs("__iter__", n, kw, 0);
            return vm.incref(s);
        });
        defSlotWrapper("__next__", (s, a, o, n, kw) -> {
            od.wrapperArgs("__next__", n, kw, 0);
            long v = nextOf(s);
            if (v == 0) throw vm.error("StopIteration", null);
            return v;
        });
        defMethod("__reduce__", (s, a, o, n, kw) -> {
            dev.refheap.lang.modules.Params.noArgs(vm, "odict_iterator.__reduce__", n, kw);
            return reduce(s);
        });
        vm.defTypeDoc(this);
        vm.orderTypeDict(this, "__getattribute__", "__iter__", "__next__", "__reduce__", "__doc__");
    }

    /**
     * odictiter_reduce: {@code (iter, (list,))}, the list what the iterator has left, taken from a
     * copy of its state (the iterator itself does not move).
     */
    private long reduce(long it) {
        long d = get(it, ODICT), cur = get(it, CURRENT);
        long size = Native.getLong(it + SIZE), state = Native.getLong(it + STATE);
        heap.xincref(d);
        heap.xincref(cur);
        long list = heap.lists.of();
        try {
            for (long v = nextOf(it); v != 0; v = nextOf(it)) {
                heap.lists.append(list, v);
                heap.decref(v);
            }
        } catch (RuntimeException e) {
            heap.decref(list);
            throw e;
        } finally {
            set(it, ODICT, 0);
            set(it, CURRENT, 0);
            put(it, ODICT, d);
            put(it, CURRENT, cur);
            Native.putLong(it + SIZE, size);
            Native.putLong(it + STATE, state);
        }
        long iter = vm.dictGet(vm.builtinsDict(), "iter");
        long args = heap.tuples.of(list);
        heap.decref(list);
        long r = heap.tuples.of(iter, args);
        heap.decref(args);
        return r;
    }

    /** odictiter_nextkey: a new reference to the next key, or 0 (done). */
    private long nextKey(long it) {
        long d = get(it, ODICT);
        if (d == 0) return 0;
        long cur = get(it, CURRENT);
        if (cur == 0) {
            set(it, ODICT, 0);
            return 0;
        }
        if (OrderedDictType.state(d) != Native.getLong(it + STATE)) {
            set(it, ODICT, 0);
            throw vm.error("RuntimeError", "OrderedDict mutated during iteration");
        }
        if (Native.getLong(it + SIZE) != dev.refheap.object.DictType.size(d)) {
            Native.putLong(it + SIZE, -1);
            throw vm.error("RuntimeError", "OrderedDict changed size during iteration");
        }
        long node = od.findNode(d, cur);
        if (node == 0) {
            put(it, CURRENT, 0);
            PyException e = new PyException(vm.callArgs(vm.exceptionType("KeyError").address(), new long[] {cur}, 0, 1, 0));
            heap.decref(cur);
            throw e;
        }
        node = (Native.getInt(it + KIND) & REVERSED) != 0 ? OrderedDictType.prev(node) : OrderedDictType.next(node);
        put(it, CURRENT, node == 0 ? 0 : vm.incref(OrderedDictType.key(node)));
        return cur;
    }

    @Override
    public long nextOf(long it) {
        long key = nextKey(it);
        if (key == 0) return 0;
        int kind = Native.getInt(it + KIND) & ~REVERSED;
        if (kind == KEYS) return key;
        long d = get(it, ODICT);
        long value = heap.dicts.getItem(d, key);
        if (value == 0) {
            PyException e = new PyException(vm.callArgs(vm.exceptionType("KeyError").address(), new long[] {key}, 0, 1, 0));
            heap.decref(key);
            set(it, ODICT, 0);
            throw e;
        }
        heap.incref(value);
        if (kind == VALUES) {
            heap.decref(key);
            return value;
        }
        long result = get(it, RESULT);
        if (heap.refcount(result) == 1) {
            heap.incref(result);
            heap.decref(TupleType.item(result, 0));
            heap.decref(TupleType.item(result, 1));
            if (!Heap.isTracked(result)) heap.track(result);
        } else {
            result = heap.tuples.of(heap.None, heap.None);
            heap.decref(heap.None);
            heap.decref(heap.None);
        }
        TupleType.setItemSteal(result, 0, key);
        TupleType.setItemSteal(result, 1, value);
        return result;
    }
}
