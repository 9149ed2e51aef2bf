package dev.refheap.lang.vm;

import dev.refheap.object.Heap;
import dev.refheap.object.TupleType;

/**
 * object.__reduce_ex__'s _common_reduce (typeobject.c): protocol 0 and 1 through
 * {@code copyreg._reduce_ex}, protocol 2 and up reduce_newobj: {@code (copyreg.__newobj__, (cls,
 * *args), state, None, None)} (or {@code __newobj_ex__} with keyword arguments), args from
 * {@code __getnewargs_ex__}/{@code __getnewargs__}, state from the class's {@code __getstate__} or
 * object's (the instance dict unless empty, then the slots' values by {@code copyreg._slotnames},
 * which caches {@code __slotnames__} on the class, as CPython's). What copy.copy, copy.deepcopy
 * and pickle use for plain instances and for subclasses of builtin types (a base's own
 * {@code __getnewargs__}, int's or tuple's, gives the arguments; a list subclass's items and a dict
 * subclass's pairs are the fourth and fifth items, as iterators). An instance of a builtin type
 * (reached when it defines no {@code __reduce__} of its own) is reduced the same way when its type
 * gives arguments ({@code int.__getnewargs__}) or it is a list or dict; otherwise it is refused with
 * CPython's TypeError when its layout holds data, by name when not. Exception classes and
 * metaclasses are refused by name.
 * Stateless.
 */
final class ObjectReduce {
    private ObjectReduce() {}

    static long commonReduce(Runtime rt, long s, int proto) {
        Heap heap = rt.heap;
        long copyreg = Modules.importModule(rt, "copyreg");
        try {
            if (proto < 2) {
                long f = attr(rt, copyreg, "_reduce_ex");
                try {
                    long p = heap.ints.of(proto);
                    try {
                        return rt.ops.call0(f, s, p);
                    } finally {
                        heap.decref(p);
                    }
                } finally {
                    heap.decref(f);
                }
            }
            return reduceNewobj(rt, copyreg, s);
        } finally {
            heap.decref(copyreg);
        }
    }

    private static long reduceNewobj(Runtime rt, long copyreg, long s) {
        Heap heap = rt.heap;
        var t = heap.typeOf(s);
        ClassType c = t instanceof ClassType ct ? ct : null;
        if (c != null && (c.exceptionBased || c.metaclass)) {
            throw rt.error("NotImplementedError", "refheap does not support object.__reduce_ex__ of '" + rt.ops.typeName(s) + "' objects yet");
        }
        long cls = Heap.typeAddress(s);
        long args = 0, kwargs = 0;
        boolean hasargs = false;
        long[] state = {0};
        long newobj = 0, newargs = 0, listitems = 0, dictitems = 0;
        boolean isList = t.isSubtypeOf(heap.lists), isDict = t.isSubtypeOf(heap.dicts);
        try {
            // _PyObject_LookupSpecial: a builtin base's own (int.__getnewargs__, tuple's, str's) counts too
            if (rt.ops.lookupType(t, "__getnewargs_ex__") != 0) {
                long r = rt.ops.callMethod(s, "__getnewargs_ex__");
                try {
                    if (heap.typeOf(r) != heap.tuples) throw rt.typeError("__getnewargs_ex__ should return a tuple, not '" + rt.ops.typeName(r) + "'");
                    if (TupleType.size(r) != 2) throw rt.error("ValueError", "__getnewargs_ex__ should return a tuple of length 2, not " + TupleType.size(r));
                    args = Builtins.incref(heap, TupleType.item(r, 0));
                    kwargs = Builtins.incref(heap, TupleType.item(r, 1));
                } finally {
                    heap.decref(r);
                }
                if (heap.typeOf(args) != heap.tuples) throw rt.typeError("first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '" + rt.ops.typeName(args) + "'");
                if (heap.typeOf(kwargs) != heap.dicts) throw rt.typeError("second item of the tuple returned by __getnewargs_ex__ must be a dict, not '" + rt.ops.typeName(kwargs) + "'");
                hasargs = true;
            } else if (rt.ops.lookupType(t, "__getnewargs__") != 0) {
                args = rt.ops.callMethod(s, "__getnewargs__");
                if (heap.typeOf(args) != heap.tuples) throw rt.typeError("__getnewargs__ should return a tuple, not '" + rt.ops.typeName(args) + "'");
                hasargs = true;
            } else {
                args = heap.tuples.alloc(0);
            }
            if (c == null && t != heap.objectType && !hasargs && !isList && !isDict) {
                // a builtin type's instance with nothing to rebuild it from: object_getstate's required
                // check refuses one whose layout holds more than object's (or varies in size), as it does
                // a type without tp_new (a generator, a frame: the same message)
                if (t.itemSize() != 0 || t.basicSize() > 16 + (t.weaklistOffset() != 0 ? 8 : 0)) {
                    throw rt.typeError("cannot pickle '" + t.name() + "' object");
                }
                throw rt.error("NotImplementedError", "refheap does not support object.__reduce_ex__ of '" + rt.ops.typeName(s) + "' objects yet");
            }
            boolean withKw = kwargs != 0 && dev.refheap.object.DictType.size(kwargs) > 0;
            if (!withKw) {
                newobj = attr(rt, copyreg, "__newobj__");
                long n = TupleType.size(args);
                newargs = heap.tuples.alloc(n + 1);
                TupleType.setItemSteal(newargs, 0, Builtins.incref(heap, cls));
                for (long i = 0; i < n; i++) TupleType.setItemSteal(newargs, i + 1, Builtins.incref(heap, TupleType.item(args, i)));
            } else {
                newobj = attr(rt, copyreg, "__newobj_ex__");
                newargs = heap.tuples.alloc(3);
                TupleType.setItemSteal(newargs, 0, Builtins.incref(heap, cls));
                TupleType.setItemSteal(newargs, 1, Builtins.incref(heap, args));
                TupleType.setItemSteal(newargs, 2, Builtins.incref(heap, kwargs));
            }
            state[0] = c != null && rt.ops.lookupUserOnly(c, "__getstate__") != 0 ? rt.ops.callMethod(s, "__getstate__")
                    : defaultState(rt, copyreg, s, c, !(hasargs || isList || isDict));
            // _PyObject_GetItemsIter: a list subclass's items by iter(obj), a dict subclass's by iter(obj.items())
            listitems = isList ? rt.ops.iter(s) : Builtins.incref(heap, heap.None);
            if (isDict) {
                long items = rt.ops.callMethod(s, "items");
                try {
                    dictitems = rt.ops.iter(items);
                } finally {
                    heap.decref(items);
                }
            } else {
                dictitems = Builtins.incref(heap, heap.None);
            }
            long r = heap.tuples.alloc(5);
            TupleType.setItemSteal(r, 0, newobj);
            TupleType.setItemSteal(r, 1, newargs);
            TupleType.setItemSteal(r, 2, state[0]);
            TupleType.setItemSteal(r, 3, listitems);
            TupleType.setItemSteal(r, 4, dictitems);
            newobj = newargs = state[0] = listitems = dictitems = 0;
            return r;
        } finally {
            heap.xdecref(listitems);
            heap.xdecref(dictitems);
            heap.xdecref(args);
            heap.xdecref(kwargs);
            heap.xdecref(newobj);
            heap.xdecref(newargs);
            heap.xdecref(state[0]);
        }
    }

    /** o.name (new reference), AttributeError when absent. */
    private static long attr(Runtime rt, long o, String name) {
        long v = attrOrNull(rt, o, name);
        if (v == 0) throw rt.ops.attributeError(o, name);
        return v;
    }

    private static long attrOrNull(Runtime rt, long o, String name) {
        long n = rt.heap.strs.internedOf(name);
        try {
            return rt.ops.getAttrOrNull(o, n, name);
        } finally {
            rt.heap.decref(n);
        }
    }

    /** object.__getstate__ (object___getstate___impl): object_getstate_default, nothing required. */
    static long getstate(Runtime rt, long s) {
        long copyreg = Modules.importModule(rt, "copyreg");
        try {
            return defaultState(rt, copyreg, s, rt.heap.typeOf(s) instanceof ClassType ct ? ct : null, false);
        } finally {
            rt.heap.decref(copyreg);
        }
    }

    /** object_getstate_default: the instance dict (None when empty), then (dict, slots) when a slot has a value. */
    private static long defaultState(Runtime rt, long copyreg, long s, ClassType c, boolean required) {
        Heap heap = rt.heap;
        // a builtin object with a __dict__ (a function, a module) has its dict as state too
        boolean hasDict = c != null ? c.hasDict() : rt.ops.lookupType(heap.typeOf(s), "__dict__") != 0;
        long dict = hasDict ? attrOrNull(rt, s, "__dict__") : 0;
        long state;
        if (dict != 0 && heap.typeOf(dict) == heap.dicts && dev.refheap.object.DictType.size(dict) > 0) {
            state = dict;
        } else {
            heap.xdecref(dict);
            state = Builtins.incref(heap, heap.None);
        }
        long slots = 0, names = 0;
        try {
            long f = attr(rt, copyreg, "_slotnames");
            try {
                names = rt.ops.call0(f, Heap.typeAddress(s));
            } finally {
                heap.decref(f);
            }
            if (names != heap.None && heap.typeOf(names) != heap.lists) throw rt.typeError("copyreg._slotnames didn't return a list or None");
            long nslots = names == heap.None ? 0 : dev.refheap.object.ListType.size(names);
            if (required) {
                var t = heap.typeOf(s);
                long basic = 16 + (c != null && c.hasDict() ? 8 : 0) + (t.weaklistOffset() != 0 ? 8 : 0) + 8 * nslots;
                if (t.basicSize() > basic) throw rt.typeError("cannot pickle '" + rt.ops.typeName(s) + "' object");
            }
            if (nslots > 0) {
                slots = heap.dicts.create();
                for (long i = 0; i < nslots; i++) {
                    long name = dev.refheap.object.ListType.item(names, i);
                    long v = Attributes.getOrSwallow(rt, s, name);
                    if (v != 0) {
                        heap.dicts.setItem(slots, name, v);
                        heap.decref(v);
                    }
                }
                if (dev.refheap.object.DictType.size(slots) > 0) {
                    long pair = heap.tuples.alloc(2);
                    TupleType.setItemSteal(pair, 0, state);
                    TupleType.setItemSteal(pair, 1, slots);
                    state = pair;
                    slots = 0;
                }
            }
            long r = state;
            state = 0;
            return r;
        } finally {
            heap.xdecref(state);
            heap.xdecref(slots);
            heap.xdecref(names);
        }
    }
}
