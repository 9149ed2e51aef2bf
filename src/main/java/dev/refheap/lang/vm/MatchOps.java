package dev.refheap.lang.vm;

import dev.refheap.object.Heap;
import dev.refheap.object.PyError;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;

/**
 * The run-time half of {@code match} statements: what 3.11's GET_LEN, MATCH_MAPPING, MATCH_SEQUENCE,
 * MATCH_KEYS and MATCH_CLASS do (ceval.c's match_keys, match_class and match_class_attr), including
 * the temporary objects CPython allocates on the way (the {@code seen} sets, the attribute list, the
 * dummy default of {@code map.get}), so allocation counts and refcounts stay as python3 shows them.
 *
 * <p>Which types are sequences and mappings follows the type flags CPython sets
 * (Py_TPFLAGS_SEQUENCE on list, tuple, range, memoryview, deque; Py_TPFLAGS_MAPPING on dict, mappingproxy;
 * a class inherits them, an ABC sets them with {@code __abc_tpflags__}, and registering a class with it copies them); the types that match themselves positionally (_Py_TPFLAGS_MATCH_SELF) are
 * bool, bytearray, bytes, dict, float, frozenset, int, list, set, str and tuple. Stateless.
 */
final class MatchOps {
    private MatchOps() {}

    private static final String[] SEQUENCES = {"list", "tuple", "range", "memoryview"};
    private static final String[] MAPPINGS = {"dict"};
    private static final String[] MATCH_SELF = {"bool", "bytearray", "bytes", "dict", "float", "frozenset", "int",
            "list", "set", "str", "tuple"};

    /** The builtin type named {@code name}, or null when this runtime has none. */
    private static PyType builtinType(Runtime rt, String name) {
        long t = rt.heap.dicts.getItem(rt.builtinsDict, name);
        return t != 0 && rt.ops.isTypeObject(t) ? rt.heap.typeAt(t) : null;
    }

    private static boolean derivesFrom(Runtime rt, PyType t, String[] names) {
        for (String n : names) {
            PyType b = builtinType(rt, n);
            if (b != null && rt.ops.isSubtype(t, b)) return true;
        }
        return false;
    }

    /** MATCH_SEQUENCE: Py_TPFLAGS_SEQUENCE of the subject's type (a class's own, as inheritance and _abc set them). */
    static boolean isSequence(Runtime rt, long o) { return hasFlag(rt, rt.heap.typeOf(o), PyType.SEQUENCE, SEQUENCES); }

    /** MATCH_MAPPING: Py_TPFLAGS_MAPPING of the subject's type. */
    static boolean isMapping(Runtime rt, long o) { return hasFlag(rt, rt.heap.typeOf(o), PyType.MAPPING, MAPPINGS); }

    private static boolean hasFlag(Runtime rt, PyType t, int flag, String[] builtins) {
        if (t instanceof ClassType c) return (c.collectionFlags & flag) != 0;
        long f = ClassFactory.builtinFlags(rt, t);
        return f >= 0 ? (f & flag) != 0 : derivesFrom(rt, t, builtins);
    }

    /** GET_LEN: len(o) as a new int. */
    static long getLen(Runtime rt, long o) { return rt.heap.ints.of(rt.ops.len(o)); }

    /** match_keys: a new tuple of map[key] for every key, or a new reference to None if one is missing. */
    static long matchKeys(Runtime rt, long map, long keys) {
        Heap heap = rt.heap;
        long nkeys = TupleType.size(keys);
        if (nkeys == 0) return heap.tuples.alloc(0);
        long[] meth = new long[2];
        long getName = heap.strs.internedOf("get");
        try {
            rt.ops.loadMethod(map, getName, "get", meth);
        } finally {
            heap.decref(getName);
        }
        long seen = 0, dummy = 0, values = 0;
        try {
            seen = heap.sets.create();
            dummy = heap.objectType.create();
            values = heap.tuples.alloc(nkeys);
            for (long i = 0; i < nkeys; i++) {
                long key = TupleType.item(keys, i);
                try {
                    if (heap.sets.contains(seen, key)) {
                        throw rt.error("ValueError", "mapping pattern checks duplicate key (" + rt.ops.repr(key) + ")");
                    }
                    heap.sets.add(seen, key);
                } catch (PyError e) {
                    throw rt.fromPyError(e);
                }
                long value = meth[0] != 0 ? rt.ops.call0(meth[0], map, key, dummy) : rt.ops.call0(meth[1], key, dummy);
                if (value == dummy) {
                    heap.decref(value);
                    heap.decref(values);
                    values = 0;
                    heap.incref(heap.None);
                    return heap.None;
                }
                TupleType.setItemSteal(values, i, value);
            }
            long r = values;
            values = 0;
            return r;
        } finally {
            if (values != 0) heap.decref(values);
            heap.xdecref(meth[0]);
            heap.xdecref(meth[1]);
            if (seen != 0) heap.decref(seen);
            if (dummy != 0) heap.decref(dummy);
        }
    }

    /**
     * match_class: a new tuple of the positional then keyword attributes, or 0 when the subject is
     * not an instance of {@code type} or lacks one of the attributes (the pattern fails).
     */
    static long matchClass(Runtime rt, long subject, long type, int nargs, long kwargs) {
        Heap heap = rt.heap;
        if (!rt.ops.isTypeObject(type)) throw rt.typeError("called match pattern must be a type");
        if (!Builtins.isInstanceOf(rt, subject, type, "isinstance() arg 2 must be a type")) return 0;
        PyType t = heap.typeAt(type);
        long seen = heap.sets.create();
        long attrs = 0;
        long matchArgs = 0;
        try {
            attrs = heap.lists.alloc(0);
            if (nargs != 0) {
                boolean matchSelf = false;
                long nameObj = heap.strs.internedOf("__match_args__");
                try {
                    matchArgs = rt.ops.getAttrOrNull(type, nameObj, "__match_args__");
                } finally {
                    heap.decref(nameObj);
                }
                if (matchArgs != 0) {
                    if (heap.typeOf(matchArgs) != heap.tuples) {
                        throw rt.typeError(t.name() + ".__match_args__ must be a tuple (got " + rt.ops.typeName(matchArgs) + ")");
                    }
                } else {
                    matchArgs = heap.tuples.alloc(0);
                    matchSelf = derivesFrom(rt, t, MATCH_SELF);
                }
                long allowed = matchSelf ? 1 : TupleType.size(matchArgs);
                if (allowed < nargs) {
                    throw rt.typeError(t.name() + "() accepts " + allowed + " positional sub-pattern"
                            + (allowed == 1 ? "" : "s") + " (" + nargs + " given)");
                }
                if (matchSelf) {
                    heap.lists.append(attrs, subject);
                } else {
                    for (int i = 0; i < nargs; i++) {
                        long name = TupleType.item(matchArgs, i);
                        if (!Heap.isStr(name)) {
                            throw rt.typeError("__match_args__ elements must be strings (got " + rt.ops.typeName(name) + ")");
                        }
                        long attr = classAttr(rt, subject, t, name, seen);
                        if (attr == 0) return 0;
                        heap.lists.append(attrs, attr);
                        heap.decref(attr);
                    }
                }
                heap.decref(matchArgs);
                matchArgs = 0;
            }
            for (long i = 0; i < TupleType.size(kwargs); i++) {
                long attr = classAttr(rt, subject, t, TupleType.item(kwargs, i), seen);
                if (attr == 0) return 0;
                heap.lists.append(attrs, attr);
                heap.decref(attr);
            }
            return rt.interpreter.listToTuple(attrs);
        } finally {
            if (matchArgs != 0) heap.decref(matchArgs);
            if (attrs != 0) heap.decref(attrs);
            heap.decref(seen);
        }
    }

    /** match_class_attr: subject.name (new), 0 if it has no such attribute; a repeated name is a TypeError. */
    private static long classAttr(Runtime rt, long subject, PyType type, long name, long seen) {
        Heap heap = rt.heap;
        try {
            if (heap.sets.contains(seen, name)) {
                throw rt.typeError(type.name() + "() got multiple sub-patterns for attribute " + rt.ops.repr(name));
            }
            heap.sets.add(seen, name);
        } catch (PyError e) {
            throw rt.fromPyError(e);
        }
        try {
            return rt.ops.getAttrOrNull(subject, name, StrType.value(name));
        } catch (PyException e) {
            if (rt.ops.isInstance(e.exc(), rt.exceptionType("AttributeError"))) {
                heap.decref(e.exc());
                return 0;
            }
            throw e;
        }
    }
}
