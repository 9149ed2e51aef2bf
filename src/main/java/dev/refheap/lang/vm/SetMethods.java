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

    /** make_new_set_basetype(type(so), NULL): an empty frozenset for a frozenset (or subclass) {@code so}, else an empty set. */
    static long newLike(Heap heap, long so) {
        return heap.typeOf(so).isSubtypeOf(heap.frozensets) ? heap.frozensets.create() : heap.sets.create();
    }

    /** make_new_set_basetype(type(so), iterable): a new set or frozenset of {@code iterable}'s items. */
    static long newLike(Runtime rt, long so, long iterable) {
        long r = newLike(rt.heap, so);
        try {
            updateInternal(rt, r, iterable);
        } catch (RuntimeException e) {
            rt.heap.decref(r);
            throw e;
        }
        return r;
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
        long it = rt.ops.iter(other);
        try {
            for (long v = rt.ops.next(it); v != 0; v = rt.ops.next(it)) {
                try {
                    heap.sets.add(so, v);
                } finally {
                    heap.decref(v);
                }
            }
        } catch (PyError e) {
            throw rt.fromPyError(e);
        } finally {
            heap.decref(it);
        }
    }

    /** set_copy: make_new_set_basetype(type(so), so). */
    static long copy(Runtime rt, long so) { return newLike(rt, so, so); }

    /** set_union: a copy of so, each argument other than so itself merged into it in turn. */
    static long union(Runtime rt, long so, long[] a, int o, int n) {
        long result = copy(rt, so);
        try {
            for (int i = 0; i < n; i++) {
                if (a[o + i] != so) updateInternal(rt, result, a[o + i]);
            }
        } catch (RuntimeException e) {
            rt.heap.decref(result);
            throw e;
        }
        return result;
    }

    /** set_or of two sets: a copy of so, other merged unless it is so. */
    static long or(Runtime rt, long so, long other) {
        long result = copy(rt, so);
        if (other == so) return result;
        try {
            updateInternal(rt, result, other);
        } catch (RuntimeException e) {
            rt.heap.decref(result);
            throw e;
        }
        return result;
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
        long result = newLike(heap, so);
        try {
            if (isAnySet(heap, other)) {
                if (SetType.size(other) > SetType.size(so)) {
                    long t = so;
                    so = other;
                    other = t;
                }
                for (long i = sets.nextSlot(other, 0); i >= 0; i = sets.nextSlot(other, i + 1)) {
                    long key = SetType.keyAt(other, i), hash = SetType.hashAt(other, i);
                    heap.incref(key);
                    try {
                        if (sets.containsKnownHash(so, key, hash)) sets.addKnownHash(result, key, hash);
                    } finally {
                        heap.decref(key);
                    }
                }
                return result;
            }
            long it = rt.ops.iter(other);
            try {
                for (long key = rt.ops.next(it); key != 0; key = rt.ops.next(it)) {
                    try {
                        long hash = heap.hash(key);
                        if (sets.containsKnownHash(so, key, hash)) sets.addKnownHash(result, key, hash);
                    } finally {
                        heap.decref(key);
                    }
                }
            } finally {
                heap.decref(it);
            }
            return result;
        } catch (PyError e) {
            heap.decref(result);
            throw rt.fromPyError(e);
        } catch (RuntimeException e) {
            heap.decref(result);
            throw e;
        }
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
        else return copyAndDifference(rt, so, other);
        if ((SetType.size(so) >> 2) > otherSize) return copyAndDifference(rt, so, other);
        long result = newLike(heap, so);
        try {
            for (long i = sets.nextSlot(so, 0); i >= 0; i = sets.nextSlot(so, i + 1)) {
                long key = SetType.keyAt(so, i), hash = SetType.hashAt(so, i);
                heap.incref(key);
                try {
                    boolean in = otherDict ? heap.dicts.indexOfKnownHash(other, key, hash) >= 0 : sets.containsKnownHash(other, key, hash);
                    if (!in) sets.addKnownHash(result, key, hash);
                } finally {
                    heap.decref(key);
                }
            }
        } catch (PyError e) {
            heap.decref(result);
            throw rt.fromPyError(e);
        } catch (RuntimeException e) {
            heap.decref(result);
            throw e;
        }
        return result;
    }

    private static long copyAndDifference(Runtime rt, long so, long other) {
        long result = copy(rt, so);
        try {
            differenceUpdateInternal(rt, result, other);
        } catch (RuntimeException e) {
            rt.heap.decref(result);
            throw e;
        }
        return result;
    }

    /** set_difference_multi: no argument gives a copy; else the difference with the first, the others discarded from it. */
    static long differenceMulti(Runtime rt, long so, long[] a, int o, int n) {
        if (n == 0) return copy(rt, so);
        long result = difference(rt, so, a[o]);
        try {
            for (int i = 1; i < n; i++) differenceUpdateInternal(rt, result, a[o + i]);
        } catch (RuntimeException e) {
            rt.heap.decref(result);
            throw e;
        }
        return result;
    }

    /**
     * set_difference_update_internal: so itself empties so; another set's keys (held) are discarded by
     * their stored hashes, any other iterable's items as they come; then a table more than a quarter
     * dummies is resized.
     */
    static void differenceUpdateInternal(Runtime rt, long so, long other) {
        Heap heap = rt.heap;
        SetType sets = heap.sets;
        try {
            if (so == other) {
                sets.clear(so);
                return;
            }
            if (isAnySet(heap, other)) {
                for (long i = sets.nextSlot(other, 0); i >= 0; i = sets.nextSlot(other, i + 1)) {
                    long key = SetType.keyAt(other, i);
                    heap.incref(key);
                    try {
                        sets.discardKnownHash(so, key, SetType.hashAt(other, i));
                    } finally {
                        heap.decref(key);
                    }
                }
            } else {
                long it = rt.ops.iter(other);
                try {
                    for (long key = rt.ops.next(it); key != 0; key = rt.ops.next(it)) {
                        try {
                            sets.discard(so, key);
                        } finally {
                            heap.decref(key);
                        }
                    }
                } finally {
                    heap.decref(it);
                }
            }
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
            for (long i = sets.nextSlot(otherset, 0); i >= 0; i = sets.nextSlot(otherset, i + 1)) {
                long key = SetType.keyAt(otherset, i), hash = SetType.hashAt(otherset, i);
                heap.incref(key);
                try {
                    if (!sets.discardKnownHash(so, key, hash)) sets.addKnownHash(so, key, hash);
                } finally {
                    heap.decref(key);
                }
            }
        } catch (PyError e) {
            throw rt.fromPyError(e);
        } finally {
            heap.decref(otherset);
        }
    }

    /** set_symmetric_difference: a new set of so's base made from other, then so's keys discarded from it or added. */
    static long symmetricDifference(Runtime rt, long so, long other) {
        long otherset = newLike(rt, so, other);
        try {
            symmetricDifferenceUpdate(rt, otherset, so);
        } catch (RuntimeException e) {
            rt.heap.decref(otherset);
            throw e;
        }
        return otherset;
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
        try {
            var t = heap.typeOf(other);
            if (t == heap.sets || t == heap.frozensets) {
                if (SetType.size(other) > SetType.size(so)) {
                    long x = so;
                    so = other;
                    other = x;
                }
                for (long i = sets.nextSlot(other, 0); i >= 0; i = sets.nextSlot(other, i + 1)) {
                    long key = SetType.keyAt(other, i);
                    heap.incref(key);
                    try {
                        if (sets.containsKnownHash(so, key, SetType.hashAt(other, i))) return false;
                    } finally {
                        heap.decref(key);
                    }
                }
                return true;
            }
            long it = rt.ops.iter(other);
            try {
                for (long key = rt.ops.next(it); key != 0; key = rt.ops.next(it)) {
                    try {
                        if (sets.contains(so, key)) return false;
                    } finally {
                        heap.decref(key);
                    }
                }
            } finally {
                heap.decref(it);
            }
            return true;
        } catch (PyError e) {
            throw rt.fromPyError(e);
        }
    }

    /** set_issubset: a non-set other is first made into a new set; then no longer than other, and each key (held) in it. */
    static boolean isSubset(Runtime rt, long so, long other) {
        Heap heap = rt.heap;
        if (!isAnySet(heap, other)) {
            long tmp = heap.sets.create();
            try {
                updateInternal(rt, tmp, other);
                return isSubset(rt, so, tmp);
            } finally {
                heap.decref(tmp);
            }
        }
        SetType sets = heap.sets;
        if (SetType.size(so) > SetType.size(other)) return false;
        try {
            for (long i = sets.nextSlot(so, 0); i >= 0; i = sets.nextSlot(so, i + 1)) {
                long key = SetType.keyAt(so, i);
                heap.incref(key);
                try {
                    if (!sets.containsKnownHash(other, key, SetType.hashAt(so, i))) return false;
                } finally {
                    heap.decref(key);
                }
            }
        } catch (PyError e) {
            throw rt.fromPyError(e);
        }
        return true;
    }

    /** set_issuperset: another set asks the subset test the other way; any other iterable's items are each looked up in so. */
    static boolean isSuperset(Runtime rt, long so, long other) {
        Heap heap = rt.heap;
        if (isAnySet(heap, other)) return isSubset(rt, other, so);
        long it = rt.ops.iter(other);
        try {
            for (long key = rt.ops.next(it); key != 0; key = rt.ops.next(it)) {
                try {
                    if (!heap.sets.contains(so, key)) return false;
                } finally {
                    heap.decref(key);
                }
            }
        } catch (PyError e) {
            throw rt.fromPyError(e);
        } finally {
            heap.decref(it);
        }
        return true;
    }
}
