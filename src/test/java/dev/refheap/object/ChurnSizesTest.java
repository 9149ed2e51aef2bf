package dev.refheap.object;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.testing.VerifiedHeap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Shrinking and churn (deletes then inserts) of list, set and dict against python3 3.11.7's getsizeof sequences. */
@ExtendWith(VerifiedHeap.class)
class ChurnSizesTest {
    /** l = [1000..1099]; getsizeof(l) after each l.pop() until empty. */
    static final long[] LIST_POP = {920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 376, 376, 376, 376, 376, 376, 376, 376, 376, 376, 376, 376, 248, 248, 248, 248, 248, 248, 248, 248, 184, 184, 184, 184, 152, 152, 120, 120, 120, 120, 88, 56};
    /** s = {1000..1099}; getsizeof after each discard of 1000..1089, then after each add of 5000..5199. */
    static final long[] SET_CHURN = {8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408};
    /** d = {1000..1099: i}; getsizeof after each del of 1000..1089, then after each d[5000..5199] = i. */
    static final long[] DICT_CHURN = {4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304, 9304};

    @Test
    void listShrinksLikeCPython(Heap heap) {
        long l = heap.lists.alloc(0);
        for (int i = 0; i < 100; i++) { long v = heap.ints.of(i + 1000); heap.lists.append(l, v); heap.decref(v); }
        List<Long> sizes = new ArrayList<>();
        while (ListType.size(l) > 0) {
            heap.decref(heap.lists.pop(l, ListType.size(l) - 1));
            sizes.add(heap.getsizeof(l));
        }
        assertEquals(ListTypeTest.toList(LIST_POP), sizes);
        heap.decref(l);
    }

    @Test
    void setChurnLikeCPython(Heap heap) {
        long s = heap.sets.create();
        for (int i = 0; i < 100; i++) { long v = heap.ints.of(i + 1000); heap.sets.add(s, v); heap.decref(v); }
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < 90; i++) { long v = heap.ints.of(i + 1000); assertTrue(heap.sets.discard(s, v)); heap.decref(v); sizes.add(heap.getsizeof(s)); }
        for (int i = 0; i < 200; i++) { long v = heap.ints.of(i + 5000); heap.sets.add(s, v); heap.decref(v); sizes.add(heap.getsizeof(s)); }
        assertEquals(ListTypeTest.toList(SET_CHURN), sizes);
        assertEquals(210, SetType.size(s));
        heap.decref(s);
    }

    @Test
    void dictChurnLikeCPython(Heap heap) {
        long d = heap.dicts.create();
        for (int i = 0; i < 100; i++) DictTypeTest.put(heap, d, heap.ints.of(i + 1000), heap.ints.of(i));
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < 90; i++) { long k = heap.ints.of(i + 1000); assertTrue(heap.dicts.delItem(d, k)); heap.decref(k); sizes.add(heap.getsizeof(d)); }
        for (int i = 0; i < 200; i++) { DictTypeTest.put(heap, d, heap.ints.of(i + 5000), heap.ints.of(i)); sizes.add(heap.getsizeof(d)); }
        assertEquals(ListTypeTest.toList(DICT_CHURN), sizes);
        assertEquals(List.of("1090", "1091", "1092", "1093", "1094", "1095", "1096", "1097", "1098", "1099", "5000", "5001"),
                DictTypeTest.keys(heap, d).subList(0, 12), "python3: list(d)[:12]");
        heap.decref(d);
    }

    @Test
    void setOrderAfterChurnLikeCPython(Heap heap) {
        long s = heap.sets.create();
        for (int i = 0; i < 100; i++) { long v = heap.ints.of(i + 1000); heap.sets.add(s, v); heap.decref(v); }
        for (int i = 0; i < 90; i++) { long v = heap.ints.of(i + 1000); heap.sets.discard(s, v); heap.decref(v); }
        for (int i = 0; i < 20; i++) { long v = heap.ints.of(i + 5000); heap.sets.add(s, v); heap.decref(v); }
        List<String> expected = new ArrayList<>();
        for (int i = 1090; i < 1100; i++) expected.add(String.valueOf(i));
        for (int i = 5000; i < 5020; i++) expected.add(String.valueOf(i));
        List<String> order = new ArrayList<>();
        heap.sets.forEach(s, k -> order.add(String.valueOf(IntType.asLong(k))));
        assertEquals(expected, order, "python3: list(s)");
        heap.decref(s);
    }
}
