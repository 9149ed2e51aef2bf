package dev.refheap.lang.vm;

import dev.refheap.lang.bytecode.BinaryOp;
import dev.refheap.object.DictType;
import dev.refheap.object.Heap;
import dev.refheap.object.SetType;

/**
 * The set operations of dict_keys and dict_items (dictviews_sub/or/xor/and, isdisjoint, and the
 * set-like comparisons), as CPython 3.11 computes them: set(left) updated with the right operand,
 * and for &amp; the iteration of the other operand tested against the view.
 */
final class DictViewSetOps {
    private DictViewSetOps() {}

    static boolean isSetLike(Runtime rt, long o) {
        return rt.heap.typeOf(o) instanceof DictViewType v && v.kind != IterType.Kind.DICT_VALUES;
    }

    /** a op b where a or b is a dict view; 0 when neither is a set-like view or op is not a set operation. */
    static long binary(Runtime rt, BinaryOp op, long a, long b) {
        if (!isSetLike(rt, a) && !isSetLike(rt, b)) return 0;
        Heap heap = rt.heap;
        BinaryOp base = op.base();
        if (base == BinaryOp.AND) return intersect(rt, a, b);
        if (base != BinaryOp.OR && base != BinaryOp.SUBTRACT && base != BinaryOp.XOR) return 0;
        long result = toSet(rt, a);
        try {
            switch (base) {
                case OR -> SetMethods.updateInternal(rt, result, b);
                case SUBTRACT -> SetMethods.differenceUpdateInternal(rt, result, b);  // result.difference_update(b)
                default -> SetMethods.symmetricDifferenceUpdate(rt, result, b);  // result.symmetric_difference_update(b)
            }
        } catch (PyException e) {
            heap.decref(result);
            throw e;
        }
        return result;
    }

    /** dictviews_to_set: PySet_New(x), of the dict itself for the keys view of an exact dict (its stored hashes, one resize). */
    static long toSet(Runtime rt, long x) {
        Heap heap = rt.heap;
        if (heap.typeOf(x) instanceof DictViewType v && v.kind == IterType.Kind.DICT_KEYS && heap.typeOf(DictViewType.dict(x)) == heap.dicts) {
            x = DictViewType.dict(x);
        }
        long s = heap.sets.create();
        try {
            SetMethods.updateInternal(rt, s, x);
        } catch (PyException e) {
            heap.decref(s);
            throw e;
        }
        return s;
    }

    private static boolean viewContains(Runtime rt, long view, long key) {
        DictViewType t = (DictViewType) rt.heap.typeOf(view);
        long d = DictViewType.dict(view);
        if (t.kind == IterType.Kind.DICT_KEYS) return rt.heap.dicts.contains(d, key);
        // dictitems_contains: a 2-tuple whose key is present with an equal value
        Heap heap = rt.heap;
        if (heap.typeOf(key) != heap.tuples || dev.refheap.object.TupleType.size(key) != 2) return false;
        long v = heap.dicts.getItem(d, dev.refheap.object.TupleType.item(key, 0));
        return v != 0 && rt.ops.eqOrSame(v, dev.refheap.object.TupleType.item(key, 1));
    }

    /** _PyDictView_Intersect. */
    private static long intersect(Runtime rt, long self, long other) {
        Heap heap = rt.heap;
        if (!isSetLike(rt, self)) {
            long t = self;
            self = other;
            other = t;
        }
        long lenSelf = DictType.size(DictViewType.dict(self));
        if (heap.typeOf(other) == heap.sets && lenSelf <= SetType.size(other)) return SetMethods.intersection(rt, other, self);  // other.intersection(self)
        if (isSetLike(rt, other) && DictType.size(DictViewType.dict(other)) > lenSelf) {
            long t = self;
            self = other;
            other = t;
        }
        long result = heap.sets.create();
        long it;
        try {
            it = rt.ops.iter(other);
        } catch (PyException e) {
            heap.decref(result);
            throw e;
        }
        try {
            for (long k = rt.ops.next(it); k != 0; k = rt.ops.next(it)) {
                try {
                    if (viewContains(rt, self, k)) heap.sets.add(result, k);
                } finally {
                    heap.decref(k);
                }
            }
        } catch (PyException | dev.refheap.object.PyError e) {
            heap.decref(result);
            throw e instanceof dev.refheap.object.PyError pe ? rt.fromPyError(pe) : (PyException) e;
        } finally {
            heap.decref(it);
        }
        return result;
    }

    /** dictview_richcompare for == and != (op 2, 3) and the subset/superset orders; null when b is not set-like. */
    static Boolean compare(Runtime rt, int op, long a, long b) {
        Heap heap = rt.heap;
        boolean aSet = isSetLike(rt, a) || heap.typeOf(a) == heap.sets || heap.typeOf(a) == heap.frozensets;
        boolean bSet = isSetLike(rt, b) || heap.typeOf(b) == heap.sets || heap.typeOf(b) == heap.frozensets;
        if (!aSet || !bSet) return null;
        long la = rt.ops.len(a), lb = rt.ops.len(b);
        return switch (op) {
            case 2 -> la == lb && allContained(rt, a, b);
            case 3 -> !(la == lb && allContained(rt, a, b));
            case 0 -> la < lb && allContained(rt, a, b);
            case 1 -> la <= lb && allContained(rt, a, b);
            case 4 -> la > lb && allContained(rt, b, a);
            default -> la >= lb && allContained(rt, b, a);
        };
    }

    private static boolean allContained(Runtime rt, long a, long b) {
        long it = rt.ops.iter(a);
        try {
            for (long k = rt.ops.next(it); k != 0; k = rt.ops.next(it)) {
                boolean in;
                try {
                    in = rt.ops.contains(b, k);
                } finally {
                    rt.heap.decref(k);
                }
                if (!in) return false;
            }
            return true;
        } finally {
            rt.heap.decref(it);
        }
    }

    static void install(Runtime rt) {
        for (IterType.Kind k : new IterType.Kind[] {IterType.Kind.DICT_KEYS, IterType.Kind.DICT_ITEMS}) {
            TypeMethodsAccess.def(rt, rt.dictViews.get(k), "isdisjoint", (s, a, o, n, kw) -> {
                Args.exactly(rt, "isdisjoint", n, kw, 1);
                long it = rt.ops.iter(a[o]);
                try {
                    for (long x = rt.ops.next(it); x != 0; x = rt.ops.next(it)) {
                        boolean in;
                        try {
                            in = viewContains(rt, s, x);
                        } finally {
                            rt.heap.decref(x);
                        }
                        if (in) return rt.ops.bool(false);
                    }
                } finally {
                    rt.heap.decref(it);
                }
                return rt.ops.bool(true);
            });
        }
    }
}
