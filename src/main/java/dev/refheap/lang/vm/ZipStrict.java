package dev.refheap.lang.vm;

import dev.refheap.object.TupleType;

/** zip(..., strict=True): the next tuple, or 0 when every iterator ended together; ValueError as CPython's zip_next otherwise. */
final class ZipStrict {
    private ZipStrict() {}

    static long next(Runtime rt, long iterators, long recycled) {
        var heap = rt.heap;
        long n = TupleType.size(iterators);
        if (n == 0) {
            if (recycled != 0) heap.decref(recycled);
            return 0;
        }
        long t = recycled != 0 ? recycled : heap.tuples.alloc(n);
        for (long j = 0; j < n; j++) {
            long v = rt.ops.next(TupleType.item(iterators, j));
            if (v == 0) {
                heap.decref(t);
                if (j > 0) {
                    String plural = j == 1 ? " " : "s 1-";
                    throw rt.error("ValueError", "zip() argument " + (j + 1) + " is shorter than argument" + plural + j);
                }
                for (long k = 1; k < n; k++) {
                    long w = rt.ops.next(TupleType.item(iterators, k));
                    if (w != 0) {
                        heap.decref(w);
                        String plural = k == 1 ? " " : "s 1-";
                        throw rt.error("ValueError", "zip() argument " + (k + 1) + " is longer than argument" + plural + k);
                    }
                }
                return 0;
            }
            long old = recycled != 0 ? TupleType.item(t, j) : 0;
            TupleType.setItemSteal(t, j, v);
            if (old != 0) heap.decref(old);
        }
        if (recycled != 0 && !dev.refheap.object.Heap.isTracked(t)) heap.track(t);
        return t;
    }
}
