package dev.refheap.lang.vm;

import dev.refheap.object.Heap;
import dev.refheap.object.ListType;
import dev.refheap.memory.Native;

/**
 * {@code list.sort()} as CPython 3.11's listsort runs it: the same adaptive, stable merge sort
 * (natural runs found by count_run, short ones extended by binary insertion to minrun, runs merged
 * by the powersort policy with galloping, min_gallop adapting), so the same {@code <} comparisons
 * are made in the same order (a key whose {@code __lt__} counts, logs or raises sees what it sees
 * on CPython), and a comparison that raises or is inconsistent leaves the same permutation.
 *
 * <p>During the sort the list is empty (size 0, no item array, allocated -1) and its items wait in
 * the item array the list had; a list that is not in that state at the end was changed by a
 * comparison or key function: ValueError "list modified during sort", and what was put into it is
 * released. The sort's own memory is allocated where CPython allocates it (the keys array of 128
 * items or more, merge space past the MergeState's 256-slot stack array) so tracemalloc sees the
 * same peaks; the keys and values themselves are worked on in Java arrays.
 *
 * <p>Not modelled: for keys all of one type CPython picks a comparison specialised for that type;
 * for str, int, float and tuple keys that makes no call a program can see, but for instances of
 * one class whose {@code __lt__} returns NotImplemented CPython calls {@code __lt__} a second time
 * (unsafe_object_compare falls back to the full comparison); here it is called once.
 *
 * <p>States: one instance per sort; keys (and values, with a key function) in {@code keys} and
 * {@code values}; {@code pending} the stack of runs not yet merged (start, length, power).
 */
final class ListSort {
    private static final int MIN_GALLOP = 7, MERGESTATE_TEMP_SIZE = 256;

    private final Runtime rt;
    private final Heap heap;
    private final long[] keys;
    private final long[] values;  // null without a key function: the keys are the items
    private final int listlen;
    private int minGallop = MIN_GALLOP;
    private int compares;
    // the pending runs: base index, length, power
    private final int[] runBase = new int[85], runLen = new int[85], runPower = new int[85];
    private int n;
    // merge space: what CPython has allocated beyond its stack array (0 = the stack array), in slots
    private long alloced;
    private long mergeMem;
    private long[] tmpKeys, tmpValues;

    private ListSort(Runtime rt, long[] keys, long[] values) {
        this.rt = rt;
        this.heap = rt.heap;
        this.keys = keys;
        this.values = values;
        this.listlen = keys.length;
        // merge_init: with a key function half the list (rounded up), at most half the stack array
        alloced = values != null ? Math.min((keys.length + 1) / 2, MERGESTATE_TEMP_SIZE / 2) : MERGESTATE_TEMP_SIZE;
        tmpKeys = new long[(int) alloced];
        tmpValues = values != null ? new long[(int) alloced] : null;
    }

    /** list.sort(*, key=None, reverse=False) on {@code list}. */
    static void sort(Runtime rt, long list, long[] a, int o, int n, long kw) {
        Heap heap = rt.heap;
        long key = 0;
        boolean reverse = false;
        int nkw = Args.nkw(kw);
        if (n - nkw > 0) throw rt.typeError("sort() takes no positional arguments");
        for (int k = 0; k < nkw; k++) {
            String name = dev.refheap.object.StrType.value(dev.refheap.object.TupleType.item(kw, k));
            long v = a[o + n - nkw + k];
            if (name.equals("key")) key = v == heap.None ? 0 : v;
            else if (name.equals("reverse")) reverse = reverseFlag(rt, v);
            else throw rt.typeError("'" + name + "' is an invalid keyword argument for sort()");
        }
        sortList(rt, list, key, reverse);
    }

    /** The reverse argument: an int (bool(accept={int}): _PyLong_AsInt through __index__). */
    private static boolean reverseFlag(Runtime rt, long v) {
        long r = Builtins.intArg(rt, v);
        if (r > Integer.MAX_VALUE || r < Integer.MIN_VALUE) throw rt.error("OverflowError", "Python int too large to convert to C int");
        return r != 0;
    }

    /** listsort_impl: sorts {@code list} in place by {@code key} (0: the items themselves). */
    static void sortList(Runtime rt, long list, long key, boolean reverse) {
        Heap heap = rt.heap;
        int size = (int) ListType.size(list);
        long savedItems = Native.getLong(list + ListType.OB_ITEM);
        long savedAllocated = ListType.allocated(list);
        // the list is empty while it is sorted: any change to it shows in its allocated field
        Native.putLong(list + dev.refheap.object.Layout.OB_SIZE, 0);
        Native.putLong(list + ListType.OB_ITEM, 0);
        Native.putLong(list + ListType.ALLOCATED, -1);
        long[] items = new long[size];
        for (int i = 0; i < size; i++) items[i] = Native.getLong(savedItems + 8L * i);
        RuntimeException failure = null;
        try {
            long[] keys = null;
            long keysMem = 0;
            if (key != 0) {
                // the keys go into the MergeState's stack array when they fit in half of it, else in memory of their own
                if (size >= MERGESTATE_TEMP_SIZE / 2) keysMem = heap.memAlloc(8L * size);
                keys = new long[size];
                for (int i = 0; i < size; i++) {
                    try {
                        keys[i] = rt.ops.call0(key, items[i]);
                    } catch (RuntimeException e) {  // keyfunc_fail: the keys made so far released, last first
                        for (int j = i - 1; j >= 0; j--) heap.decref(keys[j]);
                        if (keysMem != 0) heap.memFree(keysMem);
                        throw e;
                    }
                }
            }
            ListSort ms = new ListSort(rt, key != 0 ? keys : items, key != 0 ? items : null);
            try {
                if (reverse) ms.reverseRange(0, size);
                if (size > 1) ms.run();
            } catch (RuntimeException e) {
                failure = e;
            }
            if (keys != null) {
                for (long k : keys) heap.decref(k);
                if (keysMem != 0) heap.memFree(keysMem);
            }
            if (failure == null && ListType.allocated(list) != -1) failure = rt.error("ValueError", "list modified during sort");
            if (reverse && size > 1) reverse(items, 0, size);
            if (ms.mergeMem != 0) heap.memFree(ms.mergeMem);
        } catch (RuntimeException e) {  // the key function failed: the list is put back as it was
            failure = e;
        } finally {
            for (int i = 0; i < size; i++) Native.putLong(savedItems + 8L * i, items[i]);
            long finalItems = Native.getLong(list + ListType.OB_ITEM);
            long finalSize = ListType.size(list);
            Native.putLong(list + dev.refheap.object.Layout.OB_SIZE, size);
            Native.putLong(list + ListType.OB_ITEM, savedItems);
            Native.putLong(list + ListType.ALLOCATED, savedAllocated);
            if (finalItems != 0) {  // what a comparison or key function put into the list meanwhile
                for (long i = finalSize - 1; i >= 0; i--) heap.xdecref(Native.getLong(finalItems + 8 * i));
                heap.memFree(finalItems);
            }
        }
        if (failure != null) throw failure;
    }

    // ---- the sort --------------------------------------------------------------------------------

    private boolean lt(long x, long y) {
        if ((++compares & 0xfff) == 0) rt.checkInterrupt();
        return rt.ops.compareBool(0, x, y);
    }

    private void run() {
        int lo = 0, nremaining = listlen;
        int minrun = computeMinrun(nremaining);
        do {
            boolean[] descending = {false};
            int runLength = countRun(lo, lo + nremaining, descending);
            if (descending[0]) reverseRange(lo, lo + runLength);
            if (runLength < minrun) {
                int force = Math.min(nremaining, minrun);
                binarySort(lo, lo + force, lo + runLength);
                runLength = force;
            }
            foundNewRun(runLength);
            runBase[n] = lo;
            runLen[n] = runLength;
            n++;
            lo += runLength;
            nremaining -= runLength;
        } while (nremaining > 0);
        mergeForceCollapse();
    }

    /** merge_compute_minrun: n below 64 as it is, else between 32 and 64 so n/minrun is a power of two or just under. */
    private static int computeMinrun(int n) {
        int r = 0;
        while (n >= 64) {
            r |= n & 1;
            n >>= 1;
        }
        return n + r;
    }

    /** count_run: the length of the run at lo (strictly descending runs flagged, to be reversed). */
    private int countRun(int lo, int hi, boolean[] descending) {
        int i = lo + 1;
        if (i == hi) return 1;
        int len = 2;
        if (lt(keys[i], keys[i - 1])) {
            descending[0] = true;
            for (i++; i < hi; i++, len++) if (!lt(keys[i], keys[i - 1])) break;
        } else {
            for (i++; i < hi; i++, len++) if (lt(keys[i], keys[i - 1])) break;
        }
        return len;
    }

    /** binarysort: [lo, start) is sorted; each of [start, hi) is inserted after its equals. */
    private void binarySort(int lo, int hi, int start) {
        if (lo == start) start++;
        for (; start < hi; start++) {
            int l = lo, r = start;
            long pivot = keys[r];
            do {
                int p = l + ((r - l) >> 1);
                if (lt(pivot, keys[p])) r = p;
                else l = p + 1;
            } while (l < r);
            System.arraycopy(keys, l, keys, l + 1, start - l);
            keys[l] = pivot;
            if (values != null) {
                long v = values[start];
                System.arraycopy(values, l, values, l + 1, start - l);
                values[l] = v;
            }
        }
    }

    private void reverseRange(int lo, int hi) {
        reverse(keys, lo, hi);
        if (values != null) reverse(values, lo, hi);
    }

    private static void reverse(long[] a, int lo, int hi) {
        for (hi--; lo < hi; lo++, hi--) {
            long t = a[lo];
            a[lo] = a[hi];
            a[hi] = t;
        }
    }

    /** powerloop: the depth, in the list's conceptual binary merge tree, between runs [s1, s1+n1) and [s1+n1, +n2). */
    private static int powerloop(long s1, long n1, long n2, long total) {
        int result = 0;
        long a = 2 * s1 + n1, b = a + n1 + n2;
        for (;;) {
            ++result;
            if (a >= total) {
                a -= total;
                b -= total;
            } else if (b >= total) {
                break;
            }
            a <<= 1;
            b <<= 1;
        }
        return result;
    }

    /** found_new_run: the powersort policy merges the runs whose power exceeds the new boundary's. */
    private void foundNewRun(int n2) {
        if (n == 0) return;
        int power = powerloop(runBase[n - 1], runLen[n - 1], n2, listlen);
        while (n > 1 && runPower[n - 2] > power) mergeAt(n - 2);
        runPower[n - 1] = power;
    }

    private void mergeForceCollapse() {
        while (n > 1) {
            int i = n - 2;
            if (i > 0 && runLen[i - 1] < runLen[i + 1]) i--;
            mergeAt(i);
        }
    }

    /** merge_at: merges runs i and i+1 (i is the second- or third-last). */
    private void mergeAt(int i) {
        int baseA = runBase[i], na = runLen[i], baseB = runBase[i + 1], nb = runLen[i + 1];
        runLen[i] = na + nb;
        if (i == n - 3) {
            runBase[i + 1] = runBase[i + 2];
            runLen[i + 1] = runLen[i + 2];
            runPower[i + 1] = runPower[i + 2];
        }
        n--;
        // where b starts in a: what is before it is in place
        int k = gallopRight(keys[baseB], keys, baseA, na, 0);
        baseA += k;
        na -= k;
        if (na == 0) return;
        // where a ends in b: what is after it is in place
        nb = gallopLeft(keys[baseA + na - 1], keys, baseB, nb, nb - 1);
        if (nb <= 0) return;
        if (na <= nb) mergeLo(baseA, na, baseB, nb);
        else mergeHi(baseA, na, baseB, nb);
    }

    /** gallop_left: k in [0, n] with a[k-1] < key <= a[k] (a at base), searching from hint. */
    private int gallopLeft(long key, long[] arr, int base, int len, int hint) {
        int lastofs = 0, ofs = 1;
        int a = base + hint;
        if (lt(arr[a], key)) {
            int maxofs = len - hint;
            while (ofs < maxofs) {
                if (lt(arr[a + ofs], key)) {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                    if (ofs <= 0) ofs = maxofs;  // int overflow
                } else {
                    break;
                }
            }
            if (ofs > maxofs) ofs = maxofs;
            lastofs += hint;
            ofs += hint;
        } else {
            int maxofs = hint + 1;
            while (ofs < maxofs) {
                if (lt(arr[a - ofs], key)) break;
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
                if (ofs <= 0) ofs = maxofs;
            }
            if (ofs > maxofs) ofs = maxofs;
            int t = lastofs;
            lastofs = hint - ofs;
            ofs = hint - t;
        }
        ++lastofs;
        while (lastofs < ofs) {
            int m = lastofs + ((ofs - lastofs) >> 1);
            if (lt(arr[base + m], key)) lastofs = m + 1;
            else ofs = m;
        }
        return ofs;
    }

    /** gallop_right: k in [0, n] with a[k-1] <= key < a[k] (a at base), searching from hint. */
    private int gallopRight(long key, long[] arr, int base, int len, int hint) {
        int lastofs = 0, ofs = 1;
        int a = base + hint;
        if (lt(key, arr[a])) {
            int maxofs = hint + 1;
            while (ofs < maxofs) {
                if (lt(key, arr[a - ofs])) {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                    if (ofs <= 0) ofs = maxofs;
                } else {
                    break;
                }
            }
            if (ofs > maxofs) ofs = maxofs;
            int t = lastofs;
            lastofs = hint - ofs;
            ofs = hint - t;
        } else {
            int maxofs = len - hint;
            while (ofs < maxofs) {
                if (lt(key, arr[a + ofs])) break;
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
                if (ofs <= 0) ofs = maxofs;
            }
            if (ofs > maxofs) ofs = maxofs;
            lastofs += hint;
            ofs += hint;
        }
        ++lastofs;
        while (lastofs < ofs) {
            int m = lastofs + ((ofs - lastofs) >> 1);
            if (lt(key, arr[base + m])) ofs = m;
            else lastofs = m + 1;
        }
        return ofs;
    }

    /** merge_getmem: room for {@code need} slots (keys, and values with a key function), allocated as CPython does. */
    private void getMem(int need) {
        if (need <= alloced) return;
        if (mergeMem != 0) heap.memFree(mergeMem);  // merge_freemem, then a fresh block: the old contents are not kept
        mergeMem = heap.memAlloc(8L * need * (values != null ? 2 : 1));
        alloced = need;
        tmpKeys = new long[need];
        if (values != null) tmpValues = new long[need];
    }

    /** Copies {@code len} slots (keys, and values when there are any) between the list arrays and the merge space. */
    private void copy(long[] fromK, long[] fromV, int from, long[] toK, long[] toV, int to, int len) {
        System.arraycopy(fromK, from, toK, to, len);
        if (values != null) System.arraycopy(fromV, from, toV, to, len);
    }

    /** merge_lo: a (na items at pa) and b (nb at pb) adjacent, na <= nb; a moves to the merge space. */
    private void mergeLo(int pa, int na, int pb, int nb) {
        getMem(na);
        long[] tk = tmpKeys, tv = tmpValues, k = keys, v = values;
        copy(k, v, pa, tk, tv, 0, na);
        int dest = pa;
        int a = 0;  // into the merge space
        int b = pb;
        try {
            copy(k, v, b++, k, v, dest++, 1);
            if (--nb == 0) return;
            if (na == 1) {
                copyB1(dest, a, b, nb);
                na = 0;
                return;
            }
            int mg = minGallop;
            outer:
            for (;;) {
                int acount = 0, bcount = 0;
                for (;;) {
                    if (lt(k[b], tk[a])) {
                        copy(k, v, b++, k, v, dest++, 1);
                        bcount++;
                        acount = 0;
                        if (--nb == 0) break outer;
                        if (bcount >= mg) break;
                    } else {
                        copy(tk, tv, a++, k, v, dest++, 1);
                        acount++;
                        bcount = 0;
                        if (--na == 1) {
                            copyB1(dest, a, b, nb);
                            na = 0;
                            return;
                        }
                        if (acount >= mg) break;
                    }
                }
                ++mg;
                do {
                    mg -= mg > 1 ? 1 : 0;
                    minGallop = mg;
                    int kk = gallopRight(k[b], tk, a, na, 0);
                    acount = kk;
                    if (kk != 0) {
                        copy(tk, tv, a, k, v, dest, kk);
                        dest += kk;
                        a += kk;
                        na -= kk;
                        if (na == 1) {
                            copyB1(dest, a, b, nb);
                            na = 0;
                            return;
                        }
                        if (na == 0) break outer;
                    }
                    copy(k, v, b++, k, v, dest++, 1);
                    if (--nb == 0) break outer;
                    kk = gallopLeft(tk[a], k, b, nb, 0);
                    bcount = kk;
                    if (kk != 0) {
                        copy(k, v, b, k, v, dest, kk);
                        dest += kk;
                        b += kk;
                        nb -= kk;
                        if (nb == 0) break outer;
                    }
                    copy(tk, tv, a++, k, v, dest++, 1);
                    if (--na == 1) {
                        copyB1(dest, a, b, nb);
                        na = 0;
                        return;
                    }
                } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
                ++mg;
                minGallop = mg;
            }
        } finally {
            // Succeed and Fail alike (a comparison's exception propagates): what is left of a goes back where the merge stopped
            if (na > 0) copy(tk, tv, a, k, v, dest, na);
        }
    }

    /** merge_lo's CopyB: b's remaining nb slide down to dest, then a's last item after them. */
    private void copyB1(int dest, int a, int b, int nb) {
        copy(keys, values, b, keys, values, dest, nb);
        copy(tmpKeys, tmpValues, a, keys, values, dest + nb, 1);
    }

    /** merge_hi: a (na items at pa) and b (nb at pb) adjacent, na > nb; b moves to the merge space, merged from the right. */
    private void mergeHi(int pa, int na, int pb, int nb) {
        getMem(nb);
        long[] tk = tmpKeys, tv = tmpValues, k = keys, v = values;
        int dest = pb + nb - 1;
        copy(k, v, pb, tk, tv, 0, nb);
        int basea = pa;
        int b = nb - 1;  // into the merge space (its base is 0)
        int a = pa + na - 1;
        boolean copyA = false;
        try {
            copy(k, v, a--, k, v, dest--, 1);
            if (--na == 0) return;
            if (nb == 1) {
                copyA = true;
                return;
            }
            int mg = minGallop;
            outer:
            for (;;) {
                int acount = 0, bcount = 0;
                for (;;) {
                    if (lt(tk[b], k[a])) {
                        copy(k, v, a--, k, v, dest--, 1);
                        acount++;
                        bcount = 0;
                        if (--na == 0) break outer;
                        if (acount >= mg) break;
                    } else {
                        copy(tk, tv, b--, k, v, dest--, 1);
                        bcount++;
                        acount = 0;
                        if (--nb == 1) {
                            copyA = true;
                            return;
                        }
                        if (bcount >= mg) break;
                    }
                }
                ++mg;
                do {
                    mg -= mg > 1 ? 1 : 0;
                    minGallop = mg;
                    int kk = gallopRight(tk[b], k, basea, na, na - 1);
                    kk = na - kk;
                    acount = kk;
                    if (kk != 0) {
                        dest -= kk;
                        a -= kk;
                        copy(k, v, a + 1, k, v, dest + 1, kk);
                        na -= kk;
                        if (na == 0) break outer;
                    }
                    copy(tk, tv, b--, k, v, dest--, 1);
                    if (--nb == 1) {
                        copyA = true;
                        return;
                    }
                    kk = gallopLeft(k[a], tk, 0, nb, nb - 1);
                    kk = nb - kk;
                    bcount = kk;
                    if (kk != 0) {
                        dest -= kk;
                        b -= kk;
                        copy(tk, tv, b + 1, k, v, dest + 1, kk);
                        nb -= kk;
                        if (nb == 1) {
                            copyA = true;
                            return;
                        }
                        if (nb == 0) break outer;
                    }
                    copy(k, v, a--, k, v, dest--, 1);
                    if (--na == 0) break outer;
                } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
                ++mg;
                minGallop = mg;
            }
        } finally {
            if (copyA) {
                // CopyA: a's remaining na slide up to end at dest, then b's first item before them
                System.arraycopy(k, a - na + 1, k, dest - na + 1, na);
                if (v != null) System.arraycopy(v, a - na + 1, v, dest - na + 1, na);
                dest -= na;
                copy(tk, tv, 0, k, v, dest, 1);
            } else if (nb > 0) {
                // Succeed and Fail alike: what is left of b goes back below dest
                copy(tk, tv, 0, k, v, dest - (nb - 1), nb);
            }
        }
    }
}
