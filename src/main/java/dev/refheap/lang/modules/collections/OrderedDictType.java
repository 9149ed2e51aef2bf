package dev.refheap.lang.modules.collections;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.NativeType;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.DictType;
import dev.refheap.object.Heap;
import dev.refheap.object.Layout;
import dev.refheap.object.PyError;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import java.util.function.LongConsumer;

/**
 * {@code collections.OrderedDict}: CPython 3.11's odictobject, a dict subclass written in C.
 * Layout: PyDictObject (48) then od_first 48, od_last 56, od_fast_nodes 64, od_fast_nodes_size 72,
 * od_resize_sentinel 80, od_state 88, od_inst_dict 96, od_weakreflist 104 (basicsize 112).
 * Nodes (32 bytes, PyMem, not objects): key (owned) 0, hash 8, next 16, prev 24. The fast-nodes
 * table mirrors the dict's entries (one node pointer per slot of the keys table), resized lazily
 * when the dict's keys table changed (od_resize_sentinel), as _odict_resize does; od_state counts
 * changes of the linked list (the iterators' "mutated during iteration").
 *
 * <p>Everything not defined here is dict's ({@link #dataBase}): lookups, len, contains. Its
 * iterator is {@link OdictIterType}; {@code keys()}, {@code values()}, {@code items()} are the
 * dict view subtypes odict_keys, odict_values, odict_items (CollectionsModule makes them).
 *
 * <p>Invariant: every key of the dict has exactly one node, in insertion order (moved by
 * move_to_end), as long as the dict is only changed through this type (dict.__setitem__ on an
 * OrderedDict bypasses the nodes, as in CPython).
 */
final class OrderedDictType extends NativeType {
    /** DICT_SUBCLASS | MATCH_SELF | HAVE_GC | BASETYPE | IMMUTABLETYPE | READY | MAPPING, as CPython 3.11.7 reports. */
    @Override
    protected long declaredFlags() { return 0x20405540; }

    static final long FIRST = 48, LAST = 56, FAST = 64, FAST_SIZE = 72, SENTINEL = 80, STATE = 88, INST_DICT = 96, WEAKLIST = 104;
    static final long N_KEY = 0, N_HASH = 8, N_NEXT = 16, N_PREV = 24;

    private final DictType dicts;
    OdictIterType iterType;
    PyType keysType, valuesType, itemsType;
    dev.refheap.lang.vm.Builtin init;

    OrderedDictType(VmApi vm) {
        super(vm, "collections.OrderedDict", vm.heap.dicts, PyType.HAVE_GC | PyType.BASETYPE, 112, 0, WEAKLIST);
        this.dicts = vm.heap.dicts;
    }

    static long first(long od) { return Native.getLong(od + FIRST); }
    static long last(long od) { return Native.getLong(od + LAST); }
    static long state(long od) { return Native.getLong(od + STATE); }
    static long next(long node) { return Native.getLong(node + N_NEXT); }
    static long prev(long node) { return Native.getLong(node + N_PREV); }
    static long key(long node) { return Native.getLong(node + N_KEY); }
    static long nodeHash(long node) { return Native.getLong(node + N_HASH); }

    @Override
    public PyType dataBase() { return dicts; }

    @Override
    public long ownDictOffset() { return INST_DICT; }

    @Override
    public void initSubtypeInstance(long o) { dicts.initSubtypeInstance(o); }

    @Override
    public long newInstance(long[] a, int off, int n, long kw) {
        long d = heap.allocObject(this, 0);
        Native.fill(d + Layout.OBJECT_HEAD, basicSize() - Layout.OBJECT_HEAD, (byte) 0);
        dicts.initSubtypeInstance(d);
        heap.track(d);
        try {
            heap.decref(init.call(d, a, off, n, kw));
        } catch (RuntimeException e) {
            heap.decref(d);
            throw e;
        }
        return d;
    }

    // ---- fast nodes -------------------------------------------------------------------------

    /**
     * _odict_get_index: resizes the fast-nodes table when the dict's keys table changed, then the
     * entry index of the key (hash given: no __hash__ call), dk_nentries when absent.
     */
    private long index(long od, long key, long hash) {
        if (Native.getLong(od + SENTINEL) != DictType.keysTable(od) || Native.getLong(od + FAST_SIZE) != DictType.keysSize(od)) resize(od);
        return rawIndex(od, key, hash);
    }

    private long rawIndex(long od, long key, long hash) {
        long ix;
        try {
            ix = dicts.indexOfKnownHash(od, key, hash);
        } catch (PyError e) {
            throw vm.error(e.pythonType(), e.getMessage());
        }
        return ix < 0 ? DictType.keysEntries(od) : ix;
    }

    /** _odict_resize: a table of keys-table size, each node at its key's entry index (found with the node's hash). */
    private void resize(long od) {
        long size = DictType.keysSize(od);
        long table = heap.memAlloc(8 * size);
        Native.fill(table, 8 * size, (byte) 0);
        try {
            for (long node = first(od); node != 0; node = next(node)) Native.putLong(table + 8 * rawIndex(od, key(node), nodeHash(node)), node);
        } catch (RuntimeException e) {
            heap.memFree(table);
            throw e;
        }
        long old = Native.getLong(od + FAST);
        if (old != 0) heap.memFree(old);
        Native.putLong(od + FAST, table);
        Native.putLong(od + FAST_SIZE, size);
        Native.putLong(od + SENTINEL, DictType.keysTable(od));
    }

    /** _odict_find_node: the key's node, or 0 (its hash computed once, as PyObject_Hash). */
    long findNode(long od, long key) {
        if (first(od) == 0) return 0;
        return findNode(od, key, vm.hash(key));
    }

    /** _odict_find_node_hash. */
    long findNode(long od, long key, long hash) {
        if (first(od) == 0) return 0;
        long i = index(od, key, hash);
        return Native.getLong(Native.getLong(od + FAST) + 8 * i);
    }

    /** _odict_add_new_node: appends a node for key (just set in the dict) unless it has one. */
    void addNewNode(long od, long key, long hash) {
        long i = index(od, key, hash);
        if (Native.getLong(Native.getLong(od + FAST) + 8 * i) != 0) return;
        long node = heap.memAlloc(32);
        Native.putLong(node + N_KEY, vm.incref(key));
        Native.putLong(node + N_HASH, hash);
        Native.putLong(node + N_NEXT, 0);
        long last = last(od);
        Native.putLong(node + N_PREV, last);
        if (last == 0) Native.putLong(od + FIRST, node);
        else Native.putLong(last + N_NEXT, node);
        Native.putLong(od + LAST, node);
        Native.putLong(Native.getLong(od + FAST) + 8 * i, node);
        Native.putLong(od + STATE, state(od) + 1);
    }

    /** _odict_clear_node: the key's node (or {@code node} when known) unlinked and freed; nothing when it has none. */
    void clearNode(long od, long node, long key, long hash) {
        if (first(od) == 0) return;
        long i = index(od, key, hash);
        long slot = Native.getLong(od + FAST) + 8 * i;
        if (node == 0) node = Native.getLong(slot);
        if (node == 0) return;
        Native.putLong(slot, 0);
        removeNode(od, node);
        heap.decref(key(node));
        heap.memFree(node);
    }

    /** _odict_remove_node: unlinks the node (kept), od_state counting the change. */
    void removeNode(long od, long node) {
        long p = prev(node), nx = next(node);
        if (p == 0) Native.putLong(od + FIRST, nx); else Native.putLong(p + N_NEXT, nx);
        if (nx == 0) Native.putLong(od + LAST, p); else Native.putLong(nx + N_PREV, p);
        Native.putLong(node + N_PREV, 0);
        Native.putLong(node + N_NEXT, 0);
        Native.putLong(od + STATE, state(od) + 1);
    }

    void clearNodes(long od) {
        long fast = Native.getLong(od + FAST);
        Native.putLong(od + FAST, 0);
        Native.putLong(od + FAST_SIZE, 0);
        Native.putLong(od + SENTINEL, 0);
        if (fast != 0) heap.memFree(fast);
        long node = first(od);
        Native.putLong(od + FIRST, 0);
        Native.putLong(od + LAST, 0);
        while (node != 0) {
            long nx = next(node);
            heap.decref(key(node));
            heap.memFree(node);
            node = nx;
        }
    }

    /** The instance dict, made if absent (borrowed). */
    long instDict(long o) {
        long d = Native.getLong(o + INST_DICT);
        if (d == 0) {
            d = heap.dicts.create();
            Native.putLong(o + INST_DICT, d);
        }
        return d;
    }

    @Override
    public long attrOf(long o, String attrName) {
        if (attrName.equals("__dict__")) return vm.incref(instDict(o));
        long d = Native.getLong(o + INST_DICT);
        if (d != 0 && heap.typeOf(o) == this) {
            long v = heap.dicts.getItem(d, attrName);
            if (v != 0) return vm.incref(v);
        }
        return 0;
    }

    @Override
    public boolean setAttrOf(long o, String attrName, long v) {
        if (heap.typeOf(o) != this) return false;
        setOrDeleteInDict(instDict(o), attrName, v, name());
        return true;
    }

    /**
     * odict_repr: {@code Name()} when empty, "..." when already being shown; else
     * {@code Name(list)}, the list of (key, value) pairs made from the nodes (exact type) or
     * {@code list(self.items())} (a subclass).
     */
    @Override
    public String reprOf(long od) {
        String name = heap.typeOf(od).name();
        name = name.substring(name.lastIndexOf('.') + 1);
        if (DictType.size(od) == 0) return name + "()";
        if (vm.reprEnter(od) != 0) return "...";
        long pieces = 0;
        try {
            if (heap.typeOf(od) == this) {
                pieces = heap.lists.of();
                for (long node = first(od); node != 0; node = next(node)) {
                    long k = key(node);
                    long v = heap.dicts.getItem(od, k);
                    if (v == 0) throw keyError(k);
                    long pair = heap.tuples.of(k, v);
                    heap.lists.append(pieces, pair);
                    heap.decref(pair);
                }
            } else {
                long items = vm.callMethod(od, "items");
                try {
                    pieces = heap.lists.of();
                    long list = pieces;
                    vm.forEach(items, x -> heap.lists.append(list, x));
                } finally {
                    heap.decref(items);
                }
            }
            return name + "(" + vm.repr(pieces) + ")";
        } finally {
            heap.xdecref(pieces);
            vm.reprLeave(od);
        }
    }

    PyException keyError(long key) {
        return new PyException(vm.callArgs(vm.exceptionType("KeyError").address(), new long[] {key}, 0, 1, 0));
    }

    /** A slot wrapper's argument check (check_num_args): no keywords, exactly {@code want} arguments (any when negative). */
    void wrapperArgs(String name, int n, long kw, int want) {
        if (Params.nkw(kw) > 0) throw vm.error("TypeError", "wrapper " + name + "() takes no keyword arguments");
        if (want >= 0 && n != want) throw vm.error("TypeError", "expected " + want + " argument" + (want == 1 ? "" : "s") + ", got " + n);
    }

    // ---- methods ----------------------------------------------------------------------------

    /** _PyDict_FromKeys on a class that is not dict: {@code cls()}, then {@code d[key] = value} for each key. */
    long fromKeys(long cls, long iterable, long value) {
        long d = vm.call(cls);
        try {
            vm.forEach(iterable, k -> vm.setItem(d, k, value));
        } catch (RuntimeException e) {
            heap.decref(d);
            throw e;
        }
        return d;
    }

    /** odict_reduce: (type, (), state or None, None, iter(self.items())), the state _PyObject_GetState's. */
    long reduce(long od) {
        long state = vm.callMethod(od, "__getstate__");
        long args = 0, it = 0;
        try {
            args = heap.tuples.of();
            long items = vm.callMethod(od, "items");
            try {
                it = vm.iter(items);
            } finally {
                heap.decref(items);
            }
            return heap.tuples.of(Heap.typeAddress(od), args, state, heap.None, it);
        } finally {
            heap.decref(state);
            heap.xdecref(args);
            heap.xdecref(it);
        }
    }

    /** OrderedDict.setdefault: the dict's value or {@code dflt} stored; a subclass through its own __contains__, __getitem__, __setitem__. */
    long setDefault(long od, long key, long dflt) {
        if (heap.typeOf(od) == this) {
            long v = getItem(od, key);
            if (v != 0) return vm.incref(v);
            setItemOf(od, key, dflt);
            return vm.incref(dflt);
        }
        if (vm.contains(od, key)) return vm.getItem(od, key);
        vm.setItem(od, key, dflt);
        return vm.incref(dflt);
    }

    private long getItem(long od, long key) {
        try {
            return dicts.getItem(od, key);
        } catch (PyError e) {
            throw vm.error(e.pythonType(), e.getMessage());
        }
    }

    /**
     * _odict_popkey_hash as 3.11 has it: the key's node is removed first, then the item popped
     * from the dict itself (a subclass's __getitem__, __contains__, __delitem__ are not called);
     * a key without a node (put in through dict.__setitem__) counts as absent: {@code failobj},
     * or KeyError. A new reference.
     */
    long popKey(long od, long key, long failobj) { return popKey(od, key, failobj, vm.hash(key)); }

    private long popKey(long od, long key, long failobj, long hash) {
        long node = findNode(od, key, hash);
        long value = 0;
        if (node != 0) {
            clearNode(od, node, key, hash);
            value = dicts.popKnownHash(od, key, hash);
        }
        if (value != 0) return value;
        if (failobj != 0) return vm.incref(failobj);
        throw keyError(key);
    }

    /** OrderedDict.popitem: the last (or first) pair, popped as pop does; KeyError "dictionary is empty". */
    long popItem(long od, boolean last) {
        if (first(od) == 0) throw vm.error("KeyError", "dictionary is empty");
        long node = last ? last(od) : first(od);
        long key = vm.incref(key(node));
        try {
            long value = popKey(od, key, 0, nodeHash(node));
            long r = heap.tuples.of(key, value);
            heap.decref(value);
            return r;
        } finally {
            heap.decref(key);
        }
    }

    /** odict_copy: a new OrderedDict (exact type: the nodes' pairs set directly) or {@code type(self)()} filled through __getitem__/__setitem__. */
    long copy(long od) {
        boolean exact = heap.typeOf(od) == this;
        long c = exact ? newInstance(new long[0], 0, 0, 0) : vm.call(Heap.typeAddress(od));
        try {
            for (long node = first(od); node != 0; node = next(node)) {
                long k = key(node);
                if (exact) {
                    long v = getItem(od, k);
                    if (v == 0) throw keyError(k);
                    setItemKnownHash(c, k, v, nodeHash(node));
                } else {
                    long v = vm.getItem(od, k);
                    try {
                        vm.setItem(c, k, v);
                    } finally {
                        heap.decref(v);
                    }
                }
            }
        } catch (RuntimeException e) {
            heap.decref(c);
            throw e;
        }
        return c;
    }

    /** OrderedDict.move_to_end: KeyError for an absent key; the node relinked at the end (or the start). */
    void moveToEnd(long od, long key, boolean last) {
        if (first(od) == 0) throw keyError(key);
        long node = last ? last(od) : first(od);
        if (key == key(node)) return;
        node = findNode(od, key);
        if (node == 0) throw keyError(key);
        if (last) {
            if (node != last(od)) {
                removeNode(od, node);
                long l = last(od);
                Native.putLong(node + N_PREV, l);
                Native.putLong(node + N_NEXT, 0);
                if (l == 0) Native.putLong(od + FIRST, node);
                else Native.putLong(l + N_NEXT, node);
                Native.putLong(od + LAST, node);
                Native.putLong(od + STATE, state(od) + 1);
            }
        } else if (node != first(od)) {
            removeNode(od, node);
            long f = first(od);
            Native.putLong(node + N_PREV, 0);
            Native.putLong(node + N_NEXT, f);
            if (f == 0) Native.putLong(od + LAST, node);
            else Native.putLong(f + N_PREV, node);
            Native.putLong(od + FIRST, node);
            Native.putLong(od + STATE, state(od) + 1);
        }
    }

    /** mutablemapping_update (update and __init__): one positional mapping or pairs, then the keywords, each through PyObject_SetItem. */
    void update(long self, long[] a, int o, int n, long kw) {
        int nkw = Params.nkw(kw), npos = n - nkw;
        if (npos > 1) throw vm.error("TypeError", "update() takes at most 1 positional argument (" + npos + " given)");
        if (npos == 1) updateArg(self, a[o]);
        if (nkw == 0) return;
        long pairs = heap.lists.of();  // PyDict_Items(kwargs): a list of new 2-tuples, then added as pairs
        try {
            for (int i = 0; i < nkw; i++) {
                long pair = heap.tuples.of(TupleType.item(kw, i), a[o + npos + i]);
                heap.lists.append(pairs, pair);
                heap.decref(pair);
            }
            addPairs(self, pairs);
        } finally {
            heap.decref(pairs);
        }
    }

    /** PyDict_Items of dict {@code d}: a new list of new (key, value) tuples. */
    private long dictItems(long d) {
        long pairs = heap.lists.of();
        try {
            heap.dicts.forEach(d, (k, v) -> {
                long pair = heap.tuples.of(k, v);
                heap.lists.append(pairs, pair);
                heap.decref(pair);
            });
        } catch (RuntimeException e) {
            heap.decref(pairs);
            throw e;
        }
        return pairs;
    }

    /** mutablemapping_update_arg. */
    private void updateArg(long self, long other) {
        if (heap.typeOf(other) == heap.dicts) {
            long list = dictItems(other);
            try {
                addPairs(self, list);
            } finally {
                heap.decref(list);
            }
            return;
        }
        long keysFn = vm.lookupAttr(other, "keys");
        if (keysFn != 0) {
            long keys;
            try {
                keys = vm.call(keysFn);
            } finally {
                heap.decref(keysFn);
            }
            try {
                vm.forEach(keys, k -> {
                    long v = vm.getItem(other, k);
                    try {
                        vm.setItem(self, k, v);
                    } finally {
                        heap.decref(v);
                    }
                });
            } finally {
                heap.decref(keys);
            }
            return;
        }
        long itemsFn = vm.lookupAttr(other, "items");
        if (itemsFn != 0) {
            long items;
            try {
                items = vm.call(itemsFn);
            } finally {
                heap.decref(itemsFn);
            }
            try {
                addPairs(self, items);
            } finally {
                heap.decref(items);
            }
            return;
        }
        addPairs(self, other);
    }

    /** mutablemapping_add_pairs: each pair unpacked by iteration into exactly a key and a value. */
    private void addPairs(long self, long pairs) {
        vm.forEach(pairs, pair -> {
            long it = vm.iter(pair);
            try {
                long k = vm.next(it);
                if (k == 0) throw vm.error("ValueError", "need more than 0 values to unpack");
                try {
                    long v = vm.next(it);
                    if (v == 0) throw vm.error("ValueError", "need more than 1 value to unpack");
                    try {
                        long extra = vm.next(it);
                        if (extra != 0) {
                            heap.decref(extra);
                            throw vm.error("ValueError", "too many values to unpack (expected 2)");
                        }
                        vm.setItem(self, k, v);
                    } finally {
                        heap.decref(v);
                    }
                } finally {
                    heap.decref(k);
                }
            } finally {
                heap.decref(it);
            }
        });
    }

    // ---- slots ------------------------------------------------------------------------------

    /** PyODict_SetItem / PyODict_DelItem: the key hashed once. */
    @Override
    public boolean setItemOf(long od, long key, long v) {
        long hash = vm.hash(key);
        if (v == 0) {
            clearNode(od, 0, key, hash);
            long old = dicts.popKnownHash(od, key, hash);
            if (old == 0) throw keyError(key);
            heap.decref(old);
            return true;
        }
        setItemKnownHash(od, key, v, hash);
        return true;
    }

    /** _PyODict_SetItem_KnownHash: the dict's item, then a node for a new key (the item taken back out if that fails). */
    private void setItemKnownHash(long od, long key, long v, long hash) {
        try {
            dicts.setItemKnownHash(od, key, hash, v);
        } catch (PyError e) {
            throw vm.error(e.pythonType(), e.getMessage());
        }
        try {
            addNewNode(od, key, hash);
        } catch (RuntimeException e) {
            long old = dicts.popKnownHash(od, key, hash);
            if (old != 0) heap.decref(old);
            throw e;
        }
    }

    /** odict_richcompare: dict's ==, then, between two OrderedDicts, the keys in order (_odict_keys_equal). */
    @Override
    public Boolean eqOf(long a, long b) {
        if (!vm.isSubtype(a, dicts) || !vm.isSubtype(b, dicts)) return null;
        boolean eq;
        try {
            eq = dicts.contentsEqual(a, b);
        } catch (PyError e) {
            throw vm.error(e.pythonType(), e.getMessage());
        }
        if (!eq || !vm.isSubtype(a, this) || !vm.isSubtype(b, this)) return eq;
        long sa = state(a), sb = state(b);
        long na = first(a), nb = first(b);
        while (true) {
            if (na == 0 || nb == 0) return na == nb;
            long ka = vm.incref(key(na)), kb = vm.incref(key(nb));
            boolean same;
            try {
                same = vm.equal(ka, kb);
            } finally {
                heap.decref(ka);
                heap.decref(kb);
            }
            // a comparison that changed either list: refheap stops (3.11.7 would read on through nodes it may have freed)
            if (state(a) != sa || state(b) != sb) throw vm.error("RuntimeError", "OrderedDict mutated during iteration");
            if (!same) return false;
            if (first(a) == 0 || first(b) == 0) return false;  // cleared by the comparison (clear does not count in od_state)
            na = next(na);
            nb = next(nb);
        }
    }

    /** odict_or: {@code type(the OrderedDict operand)(left)} updated with right (mutablemapping_update_arg), when the other is a dict; else NotImplemented (0). */
    @Override
    public long binaryOf(dev.refheap.lang.bytecode.BinaryOp op, long a, long b) {
        if (op != dev.refheap.lang.bytecode.BinaryOp.OR) return 0;
        boolean left = vm.isSubtype(a, this);
        long other = left ? b : a;
        if (!vm.isSubtype(other, dicts)) return 0;
        long r = vm.call(Heap.typeAddress(left ? a : b), a);
        try {
            updateArg(r, b);
        } catch (RuntimeException e) {
            heap.decref(r);
            throw e;
        }
        return r;
    }

    /** odict_inplace_or: self updated with any mapping or pairs (mutablemapping_update_arg). */
    @Override
    public long inplaceOf(dev.refheap.lang.bytecode.BinaryOp op, long a, long b) {
        if (op != dev.refheap.lang.bytecode.BinaryOp.OR) return 0;
        updateArg(a, b);
        return vm.incref(a);
    }

    @Override
    public long iterOf(long od) { return iterType.create(od, OdictIterType.KEYS, false); }

    @Override
    public long hash(long o) { throw new PyError("TypeError", "unhashable type: '" + name() + "'"); }

    @Override
    public void traverse(long od, LongConsumer visit) {
        long d = Native.getLong(od + INST_DICT);
        if (d != 0) visit.accept(d);
        for (long node = first(od); node != 0; node = next(node)) visit.accept(key(node));
        dicts.traverse(od, visit);
    }

    @Override
    public void references(long od, LongConsumer visit) {
        long d = Native.getLong(od + INST_DICT);
        if (d != 0) visit.accept(d);
        for (long node = first(od); node != 0; node = next(node)) visit.accept(key(node));
        dicts.references(od, visit);
    }

    @Override
    public boolean hasClear() { return true; }

    @Override
    public void clear(long od) {
        long d = Native.getLong(od + INST_DICT);
        if (d != 0) {
            Native.putLong(od + INST_DICT, 0);
            heap.decref(d);
        }
        dicts.clear(od);
        clearNodes(od);
    }

    @Override
    public void dealloc(long od) {
        heap.untrackIfTracked(od);
        heap.weakrefs.clearWeakrefs(od);
        long d = Native.getLong(od + INST_DICT);
        if (d != 0) heap.decref(d);
        clearNodes(od);
        dicts.dealloc(od);
    }

    /** odict_sizeof: dict's, plus the fast-nodes table and one node per item when the list is not empty. */
    @Override
    public long sizeOf(long od) {
        long r = dicts.subtypeSizeOf(od, basicSize()) + 8 * Native.getLong(od + FAST_SIZE);
        if (first(od) != 0) r += 32 * DictType.size(od);
        return r;
    }
}
