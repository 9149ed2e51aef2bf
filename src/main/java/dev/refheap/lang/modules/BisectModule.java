package dev.refheap.lang.modules;

import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;

/**
 * {@code _bisect}: bisect_left/right and insort_left/right (lo, hi, key) as CPython 3.11's C
 * module does them (bisect.py ends with {@code from _bisect import *}): items read with
 * PySequence_GetItem, compared with {@code <} (x < item for right, item < x for left), the key
 * applied to each probed item (and once to x by insort); insort inserts with list.insert, or the
 * sequence's own {@code insert} method.
 */
public final class BisectModule {
    private BisectModule() {}

    private static final String[] NAMES = {"a", "x", "lo", "hi", "key"};

    private static long bisect(VmApi vm, long seq, long x, long lo, long hi, long key, boolean right) {
        if (lo < 0) throw vm.error("ValueError", "lo must be non-negative");
        if (hi == -1) hi = vm.callLen(seq);
        Heap heap = vm.heap;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            long index = heap.ints.of(mid);
            long item;
            try {
                item = vm.getItem(seq, index);
            } finally {
                heap.decref(index);
            }
            if (key != 0 && key != heap.None) {
                long k;
                try {
                    k = vm.call(key, item);
                } finally {
                    heap.decref(item);
                }
                item = k;
            }
            boolean lt;
            try {
                lt = right ? vm.truthyNew(vm.compare(0, x, item)) : vm.truthyNew(vm.compare(0, item, x));
            } finally {
                heap.decref(item);
            }
            if (right) {
                if (lt) hi = mid;
                else lo = mid + 1;
            } else {
                if (lt) lo = mid + 1;
                else hi = mid;
            }
        }
        return lo;
    }

    public static long create(VmApi vm) {
        Heap heap = vm.heap;
        long m = vm.newModule("_bisect");
        for (String name : new String[] {"bisect_right", "bisect_left", "insort_right", "insort_left"}) {
            boolean right = name.endsWith("right"), insort = name.startsWith("insort");
            vm.def(m, name, (s, a, o, n, kw) -> {
                long[] p = Params.parse(vm, name, NAMES, 2, 4, 0, a, o, n, kw);
                long lo = p[2] == 0 ? 0 : Params.ssize(vm, p[2]);
                long hi = p[3] == 0 || p[3] == heap.None ? -1 : Params.ssize(vm, p[3]);
                long key = p[4];
                if (!insort) return heap.ints.of(bisect(vm, p[0], p[1], lo, hi, key, right));
                long kx = key == 0 || key == heap.None ? vm.incref(p[1]) : vm.call(key, p[1]);
                long index;
                try {
                    index = bisect(vm, p[0], kx, lo, hi, key, right);
                } finally {
                    heap.decref(kx);
                }
                if (heap.typeOf(p[0]) == heap.lists) {
                    heap.lists.insert(p[0], index, p[1]);
                } else {
                    long i = heap.ints.of(index);
                    try {
                        heap.decref(vm.callMethod(p[0], "insert", i, p[1]));
                    } finally {
                        heap.decref(i);
                    }
                }
                return vm.incref(heap.None);
            });
        }
        return m;
    }
}
