package dev.refheap.lang.modules.collections;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;

/**
 * {@code _collections}: {@link DequeType deque} with its iterators, {@link DefaultDictType
 * defaultdict}, {@link OrderedDictType OrderedDict} with its iterator and views, and
 * {@code _count_elements} (Counter's counting loop) and {@link TupleGetterType _tuplegetter}
 * (namedtuple's field descriptors).
 */
public final class CollectionsModule {
    private CollectionsModule() {}

    public static long create(VmApi vm) {
        DequeType deque = vm.moduleState("_collections", () -> install(vm));
        Heap heap = vm.heap;
        long m = vm.newModule("_collections");
        long d = vm.moduleDict(m);
        heap.dicts.setItem(d, "deque", deque.typeObject());
        heap.dicts.setItem(d, "_deque_iterator", deque.iterType.typeObject());
        heap.dicts.setItem(d, "_deque_reverse_iterator", deque.reverseIterType.typeObject());
        DefaultDictType defaultdict = vm.moduleState("_collections.defaultdict", () -> installDefaultDict(vm));
        heap.dicts.setItem(d, "defaultdict", defaultdict.typeObject());
        OrderedDictType od = vm.moduleState("_collections.OrderedDict", () -> installOrderedDict(vm));
        heap.dicts.setItem(d, "OrderedDict", od.typeObject());
        TupleGetterType getter = vm.moduleState("_collections._tuplegetter", () -> {
            TupleGetterType t = vm.registerType(new TupleGetterType(vm));
            t.install();
            return t;
        });
        heap.dicts.setItem(d, "_tuplegetter", getter.typeObject());
        vm.def(m, "_count_elements", (s, a, o, n, kw) -> {
            Params.unpack(vm, "_count_elements", n, kw, 2, 2);
            countElements(vm, a[o], a[o + 1]);
            return vm.incref(heap.None);
        });
        return m;
    }

    private static DefaultDictType installDefaultDict(VmApi vm) {
        Heap heap = vm.heap;
        DefaultDictType t = vm.registerType(new DefaultDictType(vm));
        t.defMethod("__init__", (s, a, o, n, kw) -> {
            t.init(s, a, o, n, kw);
            return vm.incref(heap.None);
        });
        t.defMethod("__repr__", (s, a, o, n, kw) -> {
            Params.unpack(vm, "__repr__", n, kw, 0, 0);
            return vm.str(t.reprOf(s));
        });
        t.defMethod("__missing__", (s, a, o, n, kw) -> {
            Params.unpack(vm, "__missing__", n, kw, 1, 1);
            return t.missing(s, a[o]);
        });
        t.defMethod("copy", (s, a, o, n, kw) -> {
            Params.unpack(vm, "copy", n, kw, 0, 0);
            return t.copy(s);
        });
        t.defMethod("__copy__", (s, a, o, n, kw) -> {
            Params.unpack(vm, "__copy__", n, kw, 0, 0);
            return t.copy(s);
        });
        t.defMethod("__or__", (s, a, o, n, kw) -> {
            Params.unpack(vm, "__or__", n, kw, 1, 1);
            long r = t.binaryOf(dev.refheap.lang.bytecode.BinaryOp.OR, s, a[o]);
            return r != 0 ? r : vm.incref(vm.notImplemented());
        });
        t.defMethod("__ror__", (s, a, o, n, kw) -> {
            Params.unpack(vm, "__ror__", n, kw, 1, 1);
            long r = t.binaryOf(dev.refheap.lang.bytecode.BinaryOp.OR, a[o], s);
            return r != 0 ? r : vm.incref(vm.notImplemented());
        });
        // defdict_reduce: (type(self), () or (default_factory,), None, None, iter(self.items())), so
        // pickle and copy rebuild it with the factory and set the items one by one
        t.defMethod("__reduce__", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "defaultdict.__reduce__", n, kw);
            long f = DefaultDictType.factory(s);
            long args = f == 0 || f == heap.None ? heap.tuples.alloc(0) : heap.tuples.of(f), items = 0, it = 0;
            try {
                items = vm.callMethod(s, "items");
                it = vm.iter(items);
                return heap.tuples.of(Heap.typeAddress(s), args, heap.None, heap.None, it);
            } finally {
                heap.decref(args);
                heap.xdecref(items);
                heap.xdecref(it);
            }
        });
        vm.defMember(t, "default_factory");  // defdict_members: a T_OBJECT member, writable and deletable (then None)
        return t;
    }

    /**
     * OrderedDict's type, its iterator and its three views, with CPython 3.11's type dicts: the slot
     * wrappers of the slots odictobject.c defines, its methods in tp_methods order, the
     * {@code __dict__} getset, {@code __doc__} and {@code __hash__} None (it defines tp_richcompare
     * and inherits no tp_hash).
     */
    private static OrderedDictType installOrderedDict(VmApi vm) {
        Heap heap = vm.heap;
        OrderedDictType t = vm.registerType(new OrderedDictType(vm));
        OdictIterType it = vm.registerType(new OdictIterType(vm, t));
        t.iterType = it;
        t.keysType = vm.newDictViewSubtype("odict_keys", 0, v -> it.create(vm.dictViewDict(v), OdictIterType.KEYS, false),
                v -> it.create(vm.dictViewDict(v), OdictIterType.KEYS, true));
        t.valuesType = vm.newDictViewSubtype("odict_values", 1, v -> it.create(vm.dictViewDict(v), OdictIterType.VALUES, false),
                v -> it.create(vm.dictViewDict(v), OdictIterType.VALUES, true));
        t.itemsType = vm.newDictViewSubtype("odict_items", 2, v -> it.create(vm.dictViewDict(v), OdictIterType.ITEMS, false),
                v -> it.create(vm.dictViewDict(v), OdictIterType.ITEMS, true));
        it.install();

        t.defSlotWrapper("__repr__", (s, a, o, n, kw) -> {
            t.wrapperArgs("__repr__", n, kw, 0);
            return vm.str(t.reprOf(s));
        });
        String[] compares = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
        for (int op = 0; op < 6; op++) {
            int cmp = op;
            t.defSlotWrapper(compares[op], (s, a, o, n, kw) -> {
                t.wrapperArgs(compares[cmp], n, kw, 1);
                Boolean eq = cmp == 2 || cmp == 3 ? t.eqOf(s, a[o]) : null;
                if (eq == null) return vm.incref(vm.notImplemented());
                return vm.incref(eq == (cmp == 2) ? heap.True : heap.False);
            });
        }
        t.defSlotWrapper("__iter__", (s, a, o, n, kw) -> {
            t.wrapperArgs("__iter__", n, kw, 0);
            return t.iterOf(s);
        });
        t.init = (s, a, o, n, kw) -> {
            int npos = n - Params.nkw(kw);
            if (npos > 1) throw vm.error("TypeError", "expected at most 1 arguments, got " + npos);
            t.update(s, a, o, n, kw);
            return vm.incref(heap.None);
        };
        t.defSlotWrapper("__init__", t.init);
        t.defSlotWrapper("__or__", (s, a, o, n, kw) -> {
            t.wrapperArgs("__or__", n, kw, 1);
            long r = t.binaryOf(dev.refheap.lang.bytecode.BinaryOp.OR, s, a[o]);
            return r != 0 ? r : vm.incref(vm.notImplemented());
        });
        t.defSlotWrapper("__ror__", (s, a, o, n, kw) -> {
            t.wrapperArgs("__ror__", n, kw, 1);
            long r = t.binaryOf(dev.refheap.lang.bytecode.BinaryOp.OR, a[o], s);
            return r != 0 ? r : vm.incref(vm.notImplemented());
        });
        t.defSlotWrapper("__ior__", (s, a, o, n, kw) -> {
            t.wrapperArgs("__ior__", n, kw, 1);
            return t.inplaceOf(dev.refheap.lang.bytecode.BinaryOp.OR, s, a[o]);
        });
        t.defSlotWrapper("__setitem__", (s, a, o, n, kw) -> {
            t.wrapperArgs("__setitem__", n, kw, -1);
            Params.unpack(vm, "", n, kw, 2, 2);  // wrap_objobjargproc: PyArg_UnpackTuple with no name
            t.setItemOf(s, a[o], a[o + 1]);
            return vm.incref(heap.None);
        });
        t.defSlotWrapper("__delitem__", (s, a, o, n, kw) -> {
            t.wrapperArgs("__delitem__", n, kw, 1);
            t.setItemOf(s, a[o], 0);
            return vm.incref(heap.None);
        });
        t.defClassMethod("fromkeys", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "fromkeys", new String[] {"iterable", "value"}, 1, 2, 0, a, o, n, kw);
            return t.fromKeys(s, p[0], p[1] == 0 ? heap.None : p[1]);
        });
        t.defMethod("__sizeof__", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "OrderedDict.__sizeof__", n, kw);
            return heap.ints.of(t.sizeOf(s));
        });
        t.defMethod("__reduce__", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "OrderedDict.__reduce__", n, kw);
            return t.reduce(s);
        });
        t.defMethod("setdefault", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "setdefault", new String[] {"key", "default"}, 1, 2, 0, a, o, n, kw);
            return t.setDefault(s, p[0], p[1] == 0 ? heap.None : p[1]);
        });
        t.defMethod("pop", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "pop", new String[] {"key", "default"}, 1, 2, 0, a, o, n, kw);
            return t.popKey(s, p[0], p[1]);
        });
        t.defMethod("popitem", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "popitem", new String[] {"last"}, 0, 1, 0, a, o, n, kw);
            return t.popItem(s, p[0] == 0 || vm.truthy(p[0]));
        });
        t.defMethod("keys", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "OrderedDict.keys", n, kw);
            return vm.newDictView(t.keysType, s);
        });
        t.defMethod("values", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "OrderedDict.values", n, kw);
            return vm.newDictView(t.valuesType, s);
        });
        t.defMethod("items", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "OrderedDict.items", n, kw);
            return vm.newDictView(t.itemsType, s);
        });
        t.defMethod("update", (s, a, o, n, kw) -> {
            t.update(s, a, o, n, kw);
            return vm.incref(heap.None);
        });
        t.defMethod("clear", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "OrderedDict.clear", n, kw);
            heap.dicts.clearDict(s);
            t.clearNodes(s);
            return vm.incref(heap.None);
        });
        t.defMethod("copy", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "OrderedDict.copy", n, kw);
            return t.copy(s);
        });
        t.defMethod("__reversed__", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "OrderedDict.__reversed__", n, kw);
            return it.create(s, OdictIterType.KEYS, true);
        });
        t.defMethod("move_to_end", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "move_to_end", new String[] {"key", "last"}, 1, 2, 0, a, o, n, kw);
            t.moveToEnd(s, p[0], p[1] == 0 || vm.truthy(p[1]));
            return vm.incref(heap.None);
        });
        vm.defGetSet(t, "__dict__");
        vm.defTypeDoc(t);
        vm.setTypeAttr(t, "__hash__", heap.None);
        vm.orderTypeDict(t, "__repr__", "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__", "__iter__", "__init__", "__or__",
                "__ror__", "__ior__", "__setitem__", "__delitem__", "fromkeys", "__sizeof__", "__reduce__", "setdefault", "pop", "popitem",
                "keys", "values", "items", "update", "clear", "copy", "__reversed__", "move_to_end", "__dict__", "__doc__", "__hash__");
        return t;
    }

    /** _count_elements(mapping, iterable): mapping[x] = mapping.get(x, 0) + 1 for each x. */
    private static void countElements(VmApi vm, long mapping, long iterable) {
        Heap heap = vm.heap;
        long one = heap.ints.of(1), zero = heap.ints.of(0);
        try {
            vm.forEach(iterable, key -> {
                long old = vm.callMethod(mapping, "get", key, zero);
                long neu;
                try {
                    neu = vm.binary(dev.refheap.lang.bytecode.BinaryOp.ADD, old, one);
                } finally {
                    heap.decref(old);
                }
                try {
                    vm.setItem(mapping, key, neu);
                } finally {
                    heap.decref(neu);
                }
            });
        } finally {
            heap.decref(one);
            heap.decref(zero);
        }
    }

    private static DequeType install(VmApi vm) {
        Heap heap = vm.heap;
        DequeType t = vm.registerType(new DequeType(vm));
        t.iterType.install();
        t.reverseIterType.install();
        t.defMethod("append", (s, a, o, n, kw) -> {
            arity(vm, "append", n, kw, 1);
            t.appendInternal(s, vm.incref(a[o]), DequeType.maxlen(s));
            return vm.incref(heap.None);
        });
        t.defMethod("appendleft", (s, a, o, n, kw) -> {
            arity(vm, "appendleft", n, kw, 1);
            t.appendleftInternal(s, vm.incref(a[o]), DequeType.maxlen(s));
            return vm.incref(heap.None);
        });
        t.defMethod("pop", (s, a, o, n, kw) -> {
            arity(vm, "pop", n, kw, 0);
            return t.pop(s);
        });
        t.defMethod("popleft", (s, a, o, n, kw) -> {
            arity(vm, "popleft", n, kw, 0);
            return t.popleft(s);
        });
        t.defMethod("extend", (s, a, o, n, kw) -> {
            arity(vm, "extend", n, kw, 1);
            t.extend(s, a[o], false);
            return vm.incref(heap.None);
        });
        t.defMethod("extendleft", (s, a, o, n, kw) -> {
            arity(vm, "extendleft", n, kw, 1);
            t.extend(s, a[o], true);
            return vm.incref(heap.None);
        });
        t.defMethod("clear", (s, a, o, n, kw) -> {
            arity(vm, "clear", n, kw, 0);
            t.clearItems(s);
            return vm.incref(heap.None);
        });
        t.defMethod("copy", (s, a, o, n, kw) -> {
            arity(vm, "copy", n, kw, 0);
            return t.copy(s);
        });
        t.defMethod("__copy__", (s, a, o, n, kw) -> {
            arity(vm, "__copy__", n, kw, 0);
            return t.copy(s);
        });
        t.defMethod("count", (s, a, o, n, kw) -> {
            arity(vm, "count", n, kw, 1);
            long start = DequeType.state(s), count = 0;
            for (long i = 0; i < DequeType.len(s); i++) {
                long v = vm.incref(t.item(s, i));
                try {
                    if (v == a[o] || vm.equal(v, a[o])) count++;
                } finally {
                    heap.decref(v);
                }
                if (start != DequeType.state(s)) throw vm.error("RuntimeError", "deque mutated during iteration");
            }
            return heap.ints.of(count);
        });
        t.defMethod("index", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "index", kw);
            if (n < 1 || n > 3) throw vm.error("TypeError", n < 1 ? "index expected at least 1 argument, got 0" : "index expected at most 3 arguments, got " + n);
            long len = DequeType.len(s);
            long start = n > 1 ? clampIndex(vm, a[o + 1], len) : 0;
            long stop = n > 2 ? clampIndex(vm, a[o + 2], len) : len;
            long state = DequeType.state(s);
            for (long i = start; i < Math.min(stop, DequeType.len(s)); i++) {
                long v = vm.incref(t.item(s, i));
                boolean eq;
                try {
                    eq = v == a[o] || vm.equal(v, a[o]);
                } finally {
                    heap.decref(v);
                }
                if (state != DequeType.state(s)) throw vm.error("RuntimeError", "deque mutated during iteration");
                if (eq) return heap.ints.of(i);
            }
            throw vm.error("ValueError", vm.repr(a[o]) + " is not in deque");
        });
        t.defMethod("insert", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "insert", kw);
            if (n != 2) throw vm.error("TypeError", "insert expected 2 arguments, got " + n);
            long index = Params.ssize(vm, a[o]);
            long len = DequeType.len(s);
            if (DequeType.maxlen(s) == len) throw vm.error("IndexError", "deque already at its maximum size");
            if (index >= len) t.appendInternal(s, vm.incref(a[o + 1]), DequeType.maxlen(s));
            else if (index <= -len || index == 0) t.appendleftInternal(s, vm.incref(a[o + 1]), DequeType.maxlen(s));
            else {
                t.rotate(s, -index);
                if (index < 0) t.appendInternal(s, vm.incref(a[o + 1]), DequeType.maxlen(s));
                else t.appendleftInternal(s, vm.incref(a[o + 1]), DequeType.maxlen(s));
                t.rotate(s, index);
            }
            return vm.incref(heap.None);
        });
        t.defMethod("remove", (s, a, o, n, kw) -> {
            arity(vm, "remove", n, kw, 1);
            long len = DequeType.len(s), state = DequeType.state(s);
            for (long i = 0; i < len; i++) {
                long v = vm.incref(t.item(s, i));
                boolean eq;
                try {
                    eq = v == a[o] || vm.equal(v, a[o]);
                } finally {
                    heap.decref(v);
                }
                if (state != DequeType.state(s)) throw vm.error("IndexError", "deque mutated during iteration");
                if (eq) {
                    t.rotate(s, -i);
                    long item = t.popleft(s);
                    t.rotate(s, i);
                    heap.decref(item);
                    return vm.incref(heap.None);
                }
            }
            throw vm.error("ValueError", vm.repr(a[o]) + " is not in deque");
        });
        t.defMethod("reverse", (s, a, o, n, kw) -> {
            arity(vm, "reverse", n, kw, 0);
            long len = DequeType.len(s);
            for (long i = 0, j = len - 1; i < j; i++, j--) {
                long x = t.item(s, i), y = t.item(s, j);
                swapIn(t, s, i, y);
                swapIn(t, s, j, x);
            }
            return vm.incref(heap.None);
        });
        t.defMethod("rotate", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "rotate", kw);
            if (n > 1) throw vm.error("TypeError", "rotate expected at most 1 argument, got " + n);
            t.rotate(s, n == 0 ? 1 : Params.ssize(vm, a[o]));
            return vm.incref(heap.None);
        });
        t.defMethod("__reversed__", (s, a, o, n, kw) -> t.reverseIterType.create(s));
        t.defMethod("__iter__", (s, a, o, n, kw) -> t.iterType.create(s));
        t.defMethod("__len__", (s, a, o, n, kw) -> heap.ints.of(DequeType.len(s)));
        // deque's own __repr__ in its dict, as CPython's: pprint dispatches on type(obj).__repr__
        // (it took deque's for object's, so a plain instance was printed as a deque)
        t.defMethod("__repr__", (s, a, o, n, kw) -> {
            Params.unpack(vm, "__repr__", n, kw, 0, 0);
            return heap.strs.of(t.reprOf(s));
        });
        t.defMethod("__sizeof__", (s, a, o, n, kw) -> heap.ints.of(heap.typeOf(s).sizeOf(s)));
        t.defMethod("__init__", (s, a, o, n, kw) -> {
            t.init(s, a, o, n, kw);
            return vm.incref(heap.None);
        });
        return t;
    }

    /** Overwrites slot i without touching refcounts (reverse moves references, it does not copy them). */
    private static void swapIn(DequeType t, long d, long i, long v) {
        long at = DequeType.leftindex(d) + i;
        long b = DequeType.leftblock(d);
        for (long k = at / DequeType.BLOCKLEN; k > 0; k--) b = DequeType.rightlink(b);
        DequeType.setData(b, at % DequeType.BLOCKLEN, v);
    }

    /** _PyEval_SliceIndexNotNone then deque_index's clamping to [0, len]. */
    private static long clampIndex(VmApi vm, long v, long len) {
        long i;
        try {
            java.math.BigInteger b = vm.asIndex(v);
            i = b.bitLength() > 63 ? (b.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : b.longValue();
        } catch (PyException e) {
            vm.heap.decref(e.exc());
            throw vm.error("TypeError", "slice indices must be integers or have an __index__ method");
        }
        if (i < 0) {
            i += len;
            if (i < 0) i = 0;
        }
        return Math.min(i, len);
    }

    /** METH_NOARGS / METH_O arity, with CPython's messages. */
    private static void arity(VmApi vm, String name, int n, long kw, int want) {
        if (Params.nkw(kw) > 0) throw vm.error("TypeError", "deque." + name + "() takes no keyword arguments");
        if (n != want) {
            throw vm.error("TypeError", want == 0 ? "deque." + name + "() takes no arguments (" + n + " given)"
                    : "deque." + name + "() takes exactly one argument (" + n + " given)");
        }
    }
}
