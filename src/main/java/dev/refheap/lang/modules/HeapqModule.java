package dev.refheap.lang.modules;

import dev.refheap.lang.vm.Builtin;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;
import dev.refheap.object.ListType;

/**
 * {@code _heapq}: the heap operations on a list, as CPython 3.11's C module does them (heapq.py
 * ends with {@code from _heapq import *}): siftdown/siftup moving item pointers without refcount
 * traffic, "list changed size during iteration" when a comparison resizes the list, heapify's
 * cache-friendly order for lists longer than 2500, and the max-heap helpers heapq.py imports.
 */
public final class HeapqModule {
    private HeapqModule() {}

    /** One heap order: less(a, b) is a < b for the min-heap, b < a for the max-heap. */
    private record Order(VmApi vm, boolean max) {
        boolean less(long a, long b) {
            long x = vm.incref(max ? b : a), y = vm.incref(max ? a : b);
            try {
                return vm.truthyNew(vm.compare(0, x, y));
            } finally {
                vm.heap.decref(x);
                vm.heap.decref(y);
            }
        }

        void siftdown(long heap, long startpos, long pos) {
            long size = ListType.size(heap);
            if (pos >= size) throw vm.error("IndexError", "index out of range");
            while (pos > startpos) {
                long parentpos = (pos - 1) >> 1;
                boolean lt = less(ListType.item(heap, pos), ListType.item(heap, parentpos));
                if (size != ListType.size(heap)) throw vm.error("RuntimeError", "list changed size during iteration");
                if (!lt) break;
                long parent = ListType.item(heap, parentpos), newitem = ListType.item(heap, pos);
                ListType.setItemSteal(heap, parentpos, newitem);
                ListType.setItemSteal(heap, pos, parent);
                pos = parentpos;
            }
        }

        void siftup(long heap, long pos) {
            long endpos = ListType.size(heap), startpos = pos;
            if (pos >= endpos) throw vm.error("IndexError", "index out of range");
            long limit = endpos >> 1;
            while (pos < limit) {
                long childpos = 2 * pos + 1;
                if (childpos + 1 < endpos) {
                    boolean lt = less(ListType.item(heap, childpos), ListType.item(heap, childpos + 1));
                    if (!lt) childpos++;
                    if (endpos != ListType.size(heap)) throw vm.error("RuntimeError", "list changed size during iteration");
                }
                long tmp1 = ListType.item(heap, childpos), tmp2 = ListType.item(heap, pos);
                ListType.setItemSteal(heap, childpos, tmp2);
                ListType.setItemSteal(heap, pos, tmp1);
                pos = childpos;
            }
            siftdown(heap, startpos, pos);
        }

        long pop(long heap) {
            long n = ListType.size(heap);
            if (n == 0) throw vm.error("IndexError", "index out of range");
            long last = vm.heap.lists.pop(heap, n - 1);
            if (n - 1 == 0) return last;
            long top = ListType.item(heap, 0);
            ListType.setItemSteal(heap, 0, last);
            try {
                siftup(heap, 0);
            } catch (RuntimeException e) {
                vm.heap.decref(top);
                throw e;
            }
            return top;
        }

        long replace(long heap, long item) {
            if (ListType.size(heap) == 0) throw vm.error("IndexError", "index out of range");
            long top = ListType.item(heap, 0);
            ListType.setItemSteal(heap, 0, vm.incref(item));
            try {
                siftup(heap, 0);
            } catch (RuntimeException e) {
                vm.heap.decref(top);
                throw e;
            }
            return top;
        }

        void heapify(long heap) {
            long n = ListType.size(heap);
            if (n > 2500) {  // cache_friendly_heapify
                long m = n >> 1, leftmost = keepTopBit(m + 1) - 1, mhalf = m >> 1;
                for (long i = leftmost - 1; i >= mhalf; i--) siftupChain(heap, i);
                for (long i = m - 1; i >= leftmost; i--) siftupChain(heap, i);
                return;
            }
            for (long i = (n >> 1) - 1; i >= 0; i--) siftup(heap, i);
        }

        private void siftupChain(long heap, long j) {
            while (true) {
                siftup(heap, j);
                if ((j & 1) == 0) break;
                j >>= 1;
            }
        }
    }

    static long keepTopBit(long n) {
        int i = 0;
        while (n > 1) {
            n >>= 1;
            i++;
        }
        return n << i;
    }

    /** The clinic's list check: "name() argument [1 ]must be list, not T". */
    private static long list(VmApi vm, String name, int nargs, long o) {
        if (vm.heap.typeOf(o) != vm.heap.lists) {
            throw vm.error("TypeError", name + "() argument " + (nargs > 1 ? "1 " : "") + "must be list, not " + vm.typeName(o));
        }
        return o;
    }

    private static void def(VmApi vm, long m, String name, int nargs, Builtin impl) {
        vm.def(m, name, (s, a, o, n, kw) -> {
            if (Params.nkw(kw) > 0) throw vm.error("TypeError", "_heapq." + name + "() takes no keyword arguments");
            if (n != nargs) {
                throw vm.error("TypeError", nargs == 1 ? "_heapq." + name + "() takes exactly one argument (" + n + " given)"
                        : name + " expected " + nargs + " arguments, got " + n);
            }
            return impl.call(s, a, o, n, kw);
        });
    }

    public static long create(VmApi vm) {
        Heap heap = vm.heap;
        Order min = new Order(vm, false), max = new Order(vm, true);
        long m = vm.newModule("_heapq");
        def(vm, m, "heappush", 2, (s, a, o, n, kw) -> {
            long l = list(vm, "heappush", 2, a[o]);
            heap.lists.append(l, a[o + 1]);
            min.siftdown(l, 0, ListType.size(l) - 1);
            return vm.incref(heap.None);
        });
        def(vm, m, "heappop", 1, (s, a, o, n, kw) -> min.pop(list(vm, "heappop", 1, a[o])));
        def(vm, m, "heapreplace", 2, (s, a, o, n, kw) -> min.replace(list(vm, "heapreplace", 2, a[o]), a[o + 1]));
        def(vm, m, "heappushpop", 2, (s, a, o, n, kw) -> {
            long l = list(vm, "heappushpop", 2, a[o]), item = a[o + 1];
            if (ListType.size(l) == 0) return vm.incref(item);
            if (!min.less(ListType.item(l, 0), item)) return vm.incref(item);
            if (ListType.size(l) == 0) throw vm.error("IndexError", "index out of range");
            return min.replace(l, item);
        });
        def(vm, m, "heapify", 1, (s, a, o, n, kw) -> {
            min.heapify(list(vm, "heapify", 1, a[o]));
            return vm.incref(heap.None);
        });
        def(vm, m, "_heappop_max", 1, (s, a, o, n, kw) -> max.pop(list(vm, "_heappop_max", 1, a[o])));
        def(vm, m, "_heapreplace_max", 2, (s, a, o, n, kw) -> max.replace(list(vm, "_heapreplace_max", 2, a[o]), a[o + 1]));
        def(vm, m, "_heapify_max", 1, (s, a, o, n, kw) -> {
            max.heapify(list(vm, "_heapify_max", 1, a[o]));
            return vm.incref(heap.None);
        });
        return m;
    }
}
