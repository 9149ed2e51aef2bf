package dev.refheap.lang.vm;

import dev.refheap.object.DictType;
import dev.refheap.object.Heap;
import dev.refheap.object.PyError;
import dev.refheap.object.SetType;

/**
 * set and frozenset's algebra as CPython 3.11's setobject.c computes it: union, intersection,
 * difference and symmetric difference, their in-place and {@code _update} forms, and the subset
 * tests. Which copy is made, which table is iterated, which keys are hashed again and when a table
 * is resized decide the result's table size ({@code sys.getsizeof}), the objects allocated on the
 * way (a temporary set is a GC object: it moves {@code gc.get_count()}) and the order {@code __eq__}
 * and {@code __hash__} run in, so each function follows its C namesake step by step:
 * <ul>
 *   <li>another set (PyAnySet_Check: a subclass instance too) is read through its table with the
 *       stored hashes ({@code set_merge}, {@code set_next}); an exact dict through its entries; any
 *       other iterable item by item, each item hashed as it comes;</li>
 *   <li>a result is a new exact set or frozenset, by the receiver's base
 *       ({@code make_new_set_basetype});</li>
 *   <li>{@code &=} and {@code intersection_update} compute the intersection in a new set and swap the
 *       two bodies ({@code set_swap_bodies}): the receiver takes the new table as it is.</li>
 * </ul>
 * Stateless; every function raises Python exceptions ({@link PyException}) and leaves no reference
 * behind on failure.
 */
final class SetMethods {
    private SetMethods() {}

    /** PyAnySet_Check: a set or frozenset, or an instance of a subclass of either. */
    static boolean isAnySet(Heap heap, long o) {
        var t = heap.typeOf(o);
        return t == heap.sets || t == heap.frozensets || t.isSubtypeOf(heap.sets) || t.isSubtypeOf(heap.frozensets);
    }

    /** What is done with one key of a set's table (held meanwhile) and its stored hash; false stops the walk. */
    private interface EntryStep { boolean apply(long key, long hash); }

    /** What is done with one item of an iterator (released after); false stops the iteration. */
    private interface ItemStep { boolean apply(long item); }

    /** What fills a new set; it may raise. */
    private interface Fill { void apply(long result); }

    /** set_next over {@code s}'s table, each key held across {@code step}; whether the walk ran to the end. */
    private static boolean eachEntry(Runtime rt, long s, EntryStep step) {
        Heap heap = rt.heap;
        SetType sets = heap.sets;
        try {
            for (long i = sets.nextSlot(s, 0); i >= 0; i = sets.nextSlot(s, i + 1)) {
                long key = SetType.keyAt(s, i);
                heap.incref(key);
                try {
                    if (!step.apply(key, SetType.hashAt(s, i))) return false;
                } finally {
                    heap.decref(key);
                }
            }
        } catch (PyError e) {
            throw rt.fromPyError(e);
        }
        return true;
    }

    /** PyObject_GetIter and PyIter_Next over {@code iterable}, each item released after {@code step}; whether it ran to the end. */
    private static boolean eachItem(Runtime rt, long iterable, ItemStep step) {
        Heap heap = rt.heap;
        long it = rt.ops.iter(iterable);
        try {
            for (long item = rt.ops.next(it); item != 0; item = rt.ops.next(it)) {
                try {
                    if (!step.apply(item)) return false;
                } finally {
                    heap.decref(item);
                }
            }
        } catch (PyError e) {
            throw rt.fromPyError(e);
        } finally {
            heap.decref(it);
        }
        return true;
    }

    /** {@code fill} run on the new set {@code result}, which is released if it raises; the set. */
    private static long filled(Runtime rt, long result, Fill fill) {
        try {
            fill.apply(result);
        } catch (PyError e) {
            rt.heap.decref(result);
            throw rt.fromPyError(e);
        } catch (RuntimeException e) {
            rt.heap.decref(result);
            throw e;
        }
        return result;
    }

    /** make_new_set_basetype(type(so), NULL): an empty frozenset for a frozenset (or subclass) {@code so}, else an empty set. */
    static long newLike(Heap heap, long so) {
        return heap.typeOf(so).isSubtypeOf(heap.frozensets) ? heap.frozensets.create() : heap.sets.create();
    }

    /** make_new_set_basetype(type(so), iterable): a new set or frozenset of {@code iterable}'s items. */
    static long newLike(Runtime rt, long so, long iterable) {
        return filled(rt, newLike(rt.heap, so), r -> updateInternal(rt, r, iterable));
    }

    /**
     * set_update_internal: another set merged through its table (set_merge), an exact dict's keys
     * with their stored hashes after one resize, any other iterable's items added as they come.
     */
    static void updateInternal(Runtime rt, long so, long other) {
        Heap heap = rt.heap;
        try {
            if (isAnySet(heap, other)) {
                heap.sets.mergeFromSet(so, other);
                return;
            }
            if (heap.typeOf(other) == heap.dicts) {
                heap.sets.updateFromDictKeys(so, other, heap.dicts);
                return;
            }
        } catch (PyError e) {
            throw rt.fromPyError(e);
        }
        eachItem(rt, other, v -> {
            heap.sets.add(so, v);
            return true;
        });
    }

    /**
     * set_contains, set_discard and set_remove: {@code op} of {@code key}, or, when key is a set
     * (unhashable: TypeError), of a new frozenset of its items (make_new_set(&PyFrozenSet_Type,
     * key)), so {@code {1} in {frozenset({1})}} is true.
     */
    static boolean withFrozenKeyRetry(Runtime rt, long key, java.util.function.LongPredicate op) {
        Heap heap = rt.heap;
        try {
            try {
                return op.test(key);
            } catch (PyError e) {
                throw rt.fromPyError(e);
            }
        } catch (PyException e) {
            if (!rt.ops.isInstance(key, heap.sets)) throw e;
            rt.ops.dropTypeError(e);
        }
        long tmp = filled(rt, heap.frozensets.create(), r -> updateInternal(rt, r, key));
        try {
            return op.test(tmp);
        } catch (PyError e) {
            throw rt.fromPyError(e);
        } finally {
            heap.decref(tmp);
        }
    }

    /** set_copy: make_new_set_basetype(type(so), so). */
    static long copy(Runtime rt, long so) { return newLike(rt, so, so); }

    /** set_union: a copy of so, each argument other than so itself merged into it in turn. */
    static long union(Runtime rt, long so, long[] a, int o, int n) {
        return filled(rt, copy(rt, so), result -> {
            for (int i = 0; i < n; i++) {
                if (a[o + i] != so) updateInternal(rt, result, a[o + i]);
            }
        });
    }

    /** set_or of two sets: a copy of so, other merged unless it is so. */
    static long or(Runtime rt, long so, long other) {
        return filled(rt, copy(rt, so), result -> {
            if (other != so) updateInternal(rt, result, other);
        });
    }

    /**
     * set_intersection: so itself gives a copy; another set has its smaller side iterated, each key
     * (held) looked up in the larger by its stored hash; any other iterable is iterated, each item
     * hashed and looked up in so. The result is filled key by key.
     */
    static long intersection(Runtime rt, long so, long other) {
        Heap heap = rt.heap;
        SetType sets = heap.sets;
        if (so == other) return copy(rt, so);
        return filled(rt, newLike(heap, so), result -> {
            if (isAnySet(heap, other)) {
                boolean swap = SetType.size(other) > SetType.size(so);
                long big = swap ? other : so, small = swap ? so : other;
                eachEntry(rt, small, (key, hash) -> {
                    if (sets.containsKnownHash(big, key, hash)) sets.addKnownHash(result, key, hash);
                    return true;
                });
                return;
            }
            eachItem(rt, other, key -> {
                long hash = heap.hash(key);
                if (sets.containsKnownHash(so, key, hash)) sets.addKnownHash(result, key, hash);
                return true;
            });
        });
    }

    /** set_intersection_multi: no argument gives a copy; else the intersections folded left from so. */
    static long intersectionMulti(Runtime rt, long so, long[] a, int o, int n) {
        if (n == 0) return copy(rt, so);
        Heap heap = rt.heap;
        long result = Builtins.incref(heap, so);
        for (int i = 0; i < n; i++) {
            long next;
            try {
                next = intersection(rt, result, a[o + i]);
            } finally {
                heap.decref(result);
            }
            result = next;
        }
        return result;
    }

    /** set_intersection_update(_multi)'s end: so takes the computed intersection's body (set_swap_bodies), the intersection object the old one. */
    static void takeBody(Runtime rt, long so, long tmp) {
        rt.heap.sets.swapBodies(so, tmp);
        rt.heap.decref(tmp);
    }

    /**
     * set_difference: a non-set, non-dict other, or one under a quarter of so's size, gives a copy of
     * so with other's items discarded (set_copy_and_difference); else so is iterated and each key
     * (held) not in other (an exact dict or a set, by the stored hash) is added to a new set.
     */
    static long difference(Runtime rt, long so, long other) {
        Heap heap = rt.heap;
        SetType sets = heap.sets;
        long otherSize;
        boolean otherDict = heap.typeOf(other) == heap.dicts;
        if (isAnySet(heap, other)) otherSize = SetType.size(other);
        else if (otherDict) otherSize = DictType.size(other);
        else otherSize = -1;
        if (otherSize < 0 || (SetType.size(so) >> 2) > otherSize) {  // set_copy_and_difference
            return filled(rt, copy(rt, so), result -> differenceUpdateInternal(rt, result, other));
        }
        return filled(rt, newLike(heap, so), result -> eachEntry(rt, so, (key, hash) -> {
            boolean in = otherDict ? heap.dicts.indexOfKnownHash(other, key, hash) >= 0 : sets.containsKnownHash(other, key, hash);
            if (!in) sets.addKnownHash(result, key, hash);
            return true;
        }));
    }

    /** set_difference_multi: no argument gives a copy; else the difference with the first, the others discarded from it. */
    static long differenceMulti(Runtime rt, long so, long[] a, int o, int n) {
        if (n == 0) return copy(rt, so);
        return filled(rt, difference(rt, so, a[o]), result -> {
            for (int i = 1; i < n; i++) differenceUpdateInternal(rt, result, a[o + i]);
        });
    }

    /**
     * set_difference_update_internal: so itself empties so; another set's keys (held) are discarded by
     * their stored hashes, any other iterable's items as they come; then a table more than a quarter
     * dummies is resized.
     */
    static void differenceUpdateInternal(Runtime rt, long so, long other) {
        Heap heap = rt.heap;
        SetType sets = heap.sets;
        if (so == other) {
            sets.clear(so);
            return;
        }
        if (isAnySet(heap, other)) {
            eachEntry(rt, other, (key, hash) -> {
                sets.discardKnownHash(so, key, hash);
                return true;
            });
        } else {
            eachItem(rt, other, key -> {
                sets.discard(so, key);
                return true;
            });
        }
        try {
            sets.resizeIfManyDummies(so);
        } catch (PyError e) {
            throw rt.fromPyError(e);
        }
    }

    /**
     * set_symmetric_difference_update: so itself empties so; an exact dict's keys are discarded or
     * added by their stored hashes; another set is iterated as it is, any other iterable first made
     * into a new set of so's base; each key (held) is discarded from so, or added when absent.
     */
    static void symmetricDifferenceUpdate(Runtime rt, long so, long other) {
        Heap heap = rt.heap;
        SetType sets = heap.sets;
        try {
            if (so == other) {
                sets.clear(so);
                return;
            }
            if (heap.typeOf(other) == heap.dicts) {
                for (long ix = DictType.nextEntry(other, 0); ix >= 0; ix = DictType.nextEntry(other, ix + 1)) {
                    long key = DictType.entryKeyAt(other, ix), hash = heap.dicts.entryHashAt(other, ix);
                    heap.incref(key);
                    try {
                        if (!sets.discardKnownHash(so, key, hash)) sets.addKnownHash(so, key, hash);
                    } finally {
                        heap.decref(key);
                    }
                }
                return;
            }
        } catch (PyError e) {
            throw rt.fromPyError(e);
        }
        long otherset = isAnySet(heap, other) ? Builtins.incref(heap, other) : newLike(rt, so, other);
        try {
            eachEntry(rt, otherset, (key, hash) -> {
                if (!sets.discardKnownHash(so, key, hash)) sets.addKnownHash(so, key, hash);
                return true;
            });
        } finally {
            heap.decref(otherset);
        }
    }

    /** set_symmetric_difference: a new set of so's base made from other, then so's keys discarded from it or added. */
    static long symmetricDifference(Runtime rt, long so, long other) {
        return filled(rt, newLike(rt, so, other), otherset -> symmetricDifferenceUpdate(rt, otherset, so));
    }

    /**
     * set_isdisjoint: so against itself is disjoint only when empty; an exact set or frozenset has its
     * smaller side's keys (held) looked up in the larger; any other iterable's items are hashed and
     * looked up until one is found.
     */
    static boolean isDisjoint(Runtime rt, long so, long other) {
        Heap heap = rt.heap;
        SetType sets = heap.sets;
        if (so == other) return SetType.size(so) == 0;
        var t = heap.typeOf(other);
        if (t == heap.sets || t == heap.frozensets) {
            boolean swap = SetType.size(other) > SetType.size(so);
            long big = swap ? other : so, small = swap ? so : other;
            return eachEntry(rt, small, (key, hash) -> !sets.containsKnownHash(big, key, hash));
        }
        return eachItem(rt, other, key -> !sets.contains(so, key));
    }

    /** set_issubset: a non-set other is first made into a new set; then no longer than other, and each key (held) in it. */
    static boolean isSubset(Runtime rt, long so, long other) {
        Heap heap = rt.heap;
        if (!isAnySet(heap, other)) {
            long tmp = filled(rt, heap.sets.create(), r -> updateInternal(rt, r, other));  // make_new_set(&PySet_Type, other)
            try {
                return isSubset(rt, so, tmp);
            } finally {
                heap.decref(tmp);
            }
        }
        if (SetType.size(so) > SetType.size(other)) return false;
        return eachEntry(rt, so, (key, hash) -> heap.sets.containsKnownHash(other, key, hash));
    }

    /** set_issuperset: another set asks the subset test the other way; any other iterable's items are each looked up in so. */
    static boolean isSuperset(Runtime rt, long so, long other) {
        Heap heap = rt.heap;
        if (isAnySet(heap, other)) return isSubset(rt, other, so);
        return eachItem(rt, other, key -> heap.sets.contains(so, key));
    }
}
