package dev.refheap.lang.vm;

import dev.refheap.object.Heap;

/**
 * dict.fromkeys(iterable, value=None): each key set in turn, in iteration order. Called on a
 * subclass ({@code cls} not dict), the result is {@code cls()} and each key goes through
 * {@code d[key] = value} (its {@code __setitem__}), as _PyDict_FromKeys does.
 */
final class DictFromKeys {
    private DictFromKeys() {}

    static long fromkeys(Runtime rt, long cls, long[] a, int o, int n, long kw) {
        Args.noKeywords(rt, "fromkeys", kw);
        if (n < 1) throw rt.typeError("fromkeys expected at least 1 argument, got " + n);
        if (n > 2) throw rt.typeError("fromkeys expected at most 2 arguments, got " + n);
        Heap heap = rt.heap;
        long value = n == 2 ? a[o + 1] : heap.None;
        boolean exact = cls == 0 || cls == heap.dicts.address();
        long d = exact ? heap.dicts.create(false) : rt.ops.call(cls, new long[0], 0, 0, 0);  // cls(): dict_new's tp_alloc, a counted allocation
        if (heap.typeOf(d) == heap.dicts && dev.refheap.object.DictType.size(d) == 0 && heap.typeOf(a[o]) == heap.dicts) {
            heap.dicts.fromKeysOfDict(d, a[o], value);  // the fast path: one resize, the stored hashes
            return d;
        }
        if (heap.typeOf(d) == heap.dicts && dev.refheap.object.DictType.size(d) == 0
                && (heap.typeOf(a[o]) == heap.sets || heap.typeOf(a[o]) == heap.frozensets)) {
            try {
                heap.dicts.fromKeysOfSet(d, a[o], heap.sets, value);  // likewise for an exact set or frozenset
            } catch (dev.refheap.object.PyError e) {
                heap.decref(d);
                throw rt.fromPyError(e);
            } catch (PyException e) {
                heap.decref(d);
                throw e;
            }
            return d;
        }
        try {
            long it = rt.ops.iter(a[o]);
            try {
                for (long k = rt.ops.next(it); k != 0; k = rt.ops.next(it)) {
                    try {
                        if (exact || heap.typeOf(d) == heap.dicts) heap.dicts.setItem(d, k, value);
                        else rt.ops.setItem(d, k, value);
                    } catch (dev.refheap.object.PyError e) {
                        throw rt.fromPyError(e);
                    } finally {
                        heap.decref(k);
                    }
                }
            } finally {
                heap.decref(it);
            }
        } catch (PyException e) {
            heap.decref(d);
            throw e;
        }
        return d;
    }
}
