package dev.refheap.object;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.embed.PyHeap;
import dev.refheap.memory.Native;
import dev.refheap.testing.VerifiedHeap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** dict: growth, order, deletion, tracking rules (spec 6.6), free list. Numbers from python3 3.11.7. */
@ExtendWith(VerifiedHeap.class)
class DictTypeTest {

    /** getsizeof(d) after 0..100 successive d['k%d' % i] = i. */
    static final long[] GROWTH_STR = {64, 184, 184, 184, 184, 184, 272, 272, 272, 272, 272, 464, 464, 464, 464, 464, 464, 464, 464, 464, 464, 464, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 3328, 3328, 3328, 3328, 3328, 3328, 3328, 3328, 3328, 3328, 3328, 3328, 3328, 3328, 3328};
    /** getsizeof(d) after 0..100 successive d[i + 1000] = i. */
    static final long[] GROWTH_INT = {64, 224, 224, 224, 224, 224, 352, 352, 352, 352, 352, 632, 632, 632, 632, 632, 632, 632, 632, 632, 632, 632, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688, 4688};

    private static List<Long> growth(Heap heap, ToLongFunction<Integer> key) {
        long d = heap.dicts.create();
        List<Long> sizes = new ArrayList<>();
        sizes.add(heap.getsizeof(d));
        for (int i = 0; i < 100; i++) {
            long k = key.applyAsLong(i), v = heap.ints.of(i);
            heap.dicts.setItem(d, k, v);
            heap.decref(k);
            heap.decref(v);
            sizes.add(heap.getsizeof(d));
        }
        for (int i = 0; i < 100; i++) {
            long k = key.applyAsLong(i);
            assertEquals(i, IntType.asLong(heap.dicts.getItem(d, k)), "d[key " + i + "]");
            heap.decref(k);
        }
        assertEquals(100, DictType.size(d));
        heap.decref(d);
        return sizes;
    }

    @Test
    void sizeAfterEachStrKeyInsertFollowsCPythonGrowth(Heap heap) {
        assertEquals(ListTypeTest.toList(GROWTH_STR), growth(heap, i -> heap.strs.of("k" + i)));
    }

    @Test
    void sizeAfterEachIntKeyInsertFollowsCPythonGrowth(Heap heap) {
        assertEquals(ListTypeTest.toList(GROWTH_INT), growth(heap, i -> heap.ints.of(i + 1000)));
    }

    @Test
    void firstNonStrKeyConvertsTheTable(Heap heap) {
        long d = heap.dicts.create();
        put(heap, d, heap.strs.of("a"), heap.ints.of(1));
        put(heap, d, heap.strs.of("b"), heap.ints.of(2));
        assertEquals(184, heap.getsizeof(d));
        put(heap, d, heap.ints.of(5), heap.ints.of(3));
        assertEquals(352, heap.getsizeof(d), "python3: d = {'a': 1, 'b': 2}; d[5] = 3 -> 352");
        assertEquals(List.of("a", "b", "5"), keys(heap, d));
        heap.decref(d);
    }

    /** d[k] = v, giving up the caller's references to k and v. */
    static void put(Heap heap, long d, long k, long v) {
        heap.dicts.setItem(d, k, v);
        heap.decref(k);
        heap.decref(v);
    }

    static List<String> keys(Heap heap, long d) {
        List<String> r = new ArrayList<>();
        heap.dicts.forEach(d, (k, v) -> r.add(heap.typeOf(k) == heap.strs ? StrType.value(k) : IntType.toBig(k).toString()));
        return r;
    }

    @Test
    void deletionKeepsOrderAndSize(Heap heap) {
        long d = heap.dicts.create();
        for (int i = 0; i < 30; i++) put(heap, d, heap.strs.of("k" + i), heap.ints.of(i));
        for (int i = 0; i < 30; i += 2) {
            long k = heap.strs.of("k" + i);
            assertTrue(heap.dicts.delItem(d, k));
            assertFalse(heap.dicts.delItem(d, k), "second del fails");
            heap.decref(k);
        }
        assertEquals(832, heap.getsizeof(d));
        assertEquals(List.of("k1", "k3", "k5", "k7", "k9"), keys(heap, d).subList(0, 5));
        for (int i = 30; i < 40; i++) put(heap, d, heap.strs.of("k" + i), heap.ints.of(i));
        assertEquals(832, heap.getsizeof(d), "python3: the table was rebuilt at the same size");
        assertEquals(25, DictType.size(d));
        List<String> expected = new ArrayList<>();
        for (int i = 1; i < 30; i += 2) expected.add("k" + i);
        for (int i = 30; i < 40; i++) expected.add("k" + i);
        assertEquals(expected, keys(heap, d));
        heap.decref(d);
    }

    @Test
    void intKeysKeepInsertionOrderAcrossDeleteAndReinsert(Heap heap) {
        long d = heap.dicts.create();
        for (long v : new long[] {1000, 5, 77, 1L << 40, -3, 31}) {
            heap.incref(heap.None);
            put(heap, d, heap.ints.of(v), heap.None);
        }
        long k77 = heap.ints.of(77);
        assertTrue(heap.dicts.delItem(d, k77));
        heap.incref(heap.None);
        put(heap, d, k77, heap.None);
        heap.incref(heap.None);
        put(heap, d, heap.ints.of(8), heap.None);
        assertEquals(List.of("1000", "5", "1099511627776", "-3", "31", "77", "8"), keys(heap, d));
        heap.decref(d);
    }

    @Test
    void replacingAValueReleasesTheOldOneAndKeepsTheFirstKey(Heap heap) {
        long d = heap.dicts.create();
        long k1 = heap.strs.of("key"), k2 = heap.strs.of("key"), v1 = heap.ints.of(1000), v2 = heap.ints.of(2000);
        heap.dicts.setItem(d, k1, v1);
        heap.dicts.setItem(d, k2, v2);
        assertEquals(1, DictType.size(d));
        assertEquals(2, heap.refcount(k1), "the dict keeps the first key");
        assertEquals(1, heap.refcount(k2));
        assertEquals(1, heap.refcount(v1), "the old value was released");
        assertEquals(v2, heap.dicts.getItem(d, k2));
        heap.decref(d);
        for (long o : new long[] {k1, k2, v1, v2}) assertEquals(1, heap.refcount(o));
        for (long o : new long[] {k1, k2, v1, v2}) heap.decref(o);
    }

    @Test
    void numericKeysCompareByValue(Heap heap) {
        long d = heap.dicts.create();
        put(heap, d, heap.ints.of(1), heap.strs.of("one"));
        long f = heap.floats.of(1.0);
        assertEquals("one", StrType.value(heap.dicts.getItem(d, f)), "d[1.0] finds d[1]");
        assertEquals("one", StrType.value(heap.dicts.getItem(d, heap.True)), "d[True] finds d[1]");
        heap.decref(f);
        heap.decref(d);
    }

    // ---- tracking rules (spec 6.6) ----

    @Test
    void trackingRulesOfCPython311(Heap heap) {
        long d = heap.dicts.create();
        assertFalse(Heap.isTracked(d), "{}");
        heap.decref(d);

        d = heap.dicts.create();
        put(heap, d, heap.strs.of("a"), heap.ints.of(1));
        assertFalse(Heap.isTracked(d), "{'a': 1}");
        heap.decref(d);

        d = heap.dicts.create();
        put(heap, d, heap.strs.of("a"), heap.lists.alloc(0));
        assertTrue(Heap.isTracked(d), "{'a': []}");
        heap.decref(d);

        d = heap.dicts.create();
        put(heap, d, heap.ints.of(1), TupleTypeTest.newIntTuple(heap, 1));
        assertTrue(Heap.isTracked(d), "{1: tuple([1])}: the tuple is still tracked");
        heap.decref(d);

        d = heap.dicts.create();
        heap.incref(heap.tuples.emptyTuple());
        put(heap, d, heap.ints.of(1), heap.tuples.emptyTuple());
        assertFalse(Heap.isTracked(d), "{1: ()}");
        heap.decref(d);

        d = heap.dicts.create();
        heap.incref(heap.tuples.emptyTuple());
        put(heap, d, heap.tuples.emptyTuple(), heap.ints.of(1));
        assertFalse(Heap.isTracked(d), "{(): 1}");
        heap.decref(d);

        d = heap.dicts.create();
        put(heap, d, heap.strs.of("a"), heap.dicts.create());
        assertTrue(Heap.isTracked(d), "{'a': {}}: an untracked dict value still tracks");
        heap.decref(d);

        d = heap.dicts.create();
        long t = TupleTypeTest.newIntTuple(heap, 2);
        put(heap, d, t, heap.ints.of(1));
        assertTrue(Heap.isTracked(d), "a tracked tuple key tracks the dict");
        heap.decref(d);
    }

    @Test
    void onlyAFullCollectionUntracksADict(PyHeap py) {
        Heap heap = py.heap();
        long d = heap.dicts.create();
        long k = heap.strs.of("a");
        put(heap, d, heap.strs.of("a"), heap.lists.alloc(0));
        assertTrue(Heap.isTracked(d));
        assertTrue(heap.dicts.delItem(d, k));
        assertTrue(Heap.isTracked(d), "deleting the item does not untrack");
        py.collect(0);
        py.collect(1);
        assertTrue(Heap.isTracked(d), "generation 0/1 collections do not untrack dicts");
        py.collect(2);
        assertFalse(Heap.isTracked(d), "a full collection does");
        heap.decref(k);
        heap.decref(d);
    }

    // ---- free list ----

    @Test
    void freedDictReadsRefcountZeroAndIsReusedLifo(PyHeap py) {
        Heap heap = py.heap();
        heap.clearFreeLists();
        long a = heap.dicts.create(), b = heap.dicts.create();
        put(heap, b, heap.strs.of("x"), heap.lists.alloc(0));
        long count0 = py.gc().count()[0];
        heap.decref(a);
        heap.decref(b);
        assertEquals(0, heap.refcount(a));
        assertEquals(0, heap.refcount(b));
        assertEquals(heap.dicts.address(), Heap.typeAddress(b), "ob_type still dict");
        assertEquals(0, Native.getLong(b - 16), "_gc_next 0: untracked");
        assertEquals(2, heap.dicts.freeCount());
        long c = heap.dicts.create(), e = heap.dicts.create();
        assertEquals(b, c, "the next {} reuses the dict freed last");
        assertEquals(a, e);
        assertEquals(1, heap.refcount(c));
        assertEquals(0, DictType.size(c));
        assertEquals(64, heap.getsizeof(c));
        assertFalse(Heap.isTracked(c), "a reused dict starts untracked");
        assertEquals(count0, py.gc().count()[0], "parking and reuse on the free list do not count");
        heap.decref(c);
        heap.decref(e);
    }

    @Test
    void freeListHoldsAtMost80(PyHeap py) {
        Heap heap = py.heap();
        py.gc().setEnabled(false);
        heap.clearFreeLists();
        long before = py.gc().count()[0];
        long[] ds = new long[100];
        for (int i = 0; i < ds.length; i++) ds[i] = heap.dicts.create();
        assertEquals(before + 100, py.gc().count()[0], "{} counts toward count0 even though it is untracked");
        for (long d : ds) heap.decref(d);
        assertEquals(80, heap.dicts.freeCount());
        assertEquals(before + 80, py.gc().count()[0]);
        assertTrue(heap.freeListStats().contains("80 free PyDictObjects * 48 bytes each"), heap.freeListStats());
    }

    @Test
    void dictsAreUnhashable(Heap heap) {
        long d = heap.dicts.create();
        PyError e = assertThrows(PyError.class, () -> heap.hash(d));
        assertTrue(e.getMessage().contains("unhashable type: 'dict'"), e.getMessage());
        heap.decref(d);
    }

    @Test
    void traversalOfStrKeyedTablesVisitsValuesOnly(Heap heap) {
        long d = heap.dicts.create();
        long v = heap.strs.of("v");
        heap.incref(v);
        put(heap, d, heap.strs.of("k"), v);
        List<Long> seen = new ArrayList<>();
        heap.dicts.traverse(d, seen::add);
        assertEquals(List.of(v), seen, "gc.get_referents({'k': 'v'}) == ['v']");
        long g = heap.dicts.create();
        long k = heap.ints.of(1000);
        heap.dicts.setItem(g, k, v);
        seen.clear();
        heap.dicts.traverse(g, seen::add);
        assertEquals(List.of(v, k), seen, "general tables visit value, then key");
        heap.decref(d); heap.decref(g); heap.decref(k); heap.decref(v);
    }

    /** PyDict_SetDefault: a present key keeps its value (returned), an absent one gets the default; references balanced. */
    @Test
    void bug_setdefaultLookedUpTwice(Heap heap) {
        long d = heap.dicts.create();
        long k = heap.strs.of("key"), one = heap.ints.of(1001), two = heap.ints.of(1002);
        long r = heap.dicts.setDefaultKnownHash(d, k, heap.dicts.keyHash(k), one);
        assertEquals(one, r, "absent: the default, now the dict's");
        assertEquals(2, heap.refcount(one));
        r = heap.dicts.setDefaultKnownHash(d, k, heap.dicts.keyHash(k), two);
        assertEquals(one, r, "present: the value kept");
        assertEquals(1, heap.refcount(two), "the default not kept");
        assertEquals(2, heap.refcount(k), "the key held once by the dict");
        assertEquals(1, DictType.size(d));
        for (int i = 0; i < 50; i++) {  // growth through setdefault
            long ki = heap.ints.of(5000 + i);
            heap.dicts.setDefaultKnownHash(d, ki, heap.dicts.keyHash(ki), ki);
            heap.decref(ki);
        }
        assertEquals(51, DictType.size(d));
        heap.decref(d);
        heap.decref(k);
        heap.decref(one);
        heap.decref(two);
    }

    /** A split dict over new shared keys (the class's reference kept in {@code keys[0]}), holding the given str keys in order. */
    private static long split(Heap heap, long[] keys, String... names) {
        keys[0] = heap.dicts.newSharedKeys();
        long d = heap.dicts.newSplit(keys[0]);
        for (String k : names) put(heap, d, heap.strs.of(k), heap.ints.of(k.charAt(0)));
        return d;
    }

    @Test
    void popitemOfASplitDictCombinesItToTheSharedKeysSize(Heap heap) {
        long[] keys = new long[1];
        long d = split(heap, keys, "w", "y", "x");
        assertTrue(DictType.isSplit(d));
        assertEquals(3, DictType.sharedKeysEntries(keys[0]));
        assertEquals(16 + 48 + 8 * 30, heap.getsizeof(d));  // getsizeof counts the GC head; the keys are the class's
        heap.dicts.combineSplit(d);
        assertFalse(DictType.isSplit(d));
        // 3.11: getsizeof(vars(o)) after vars(o).popitem() is 832, a 64-slot combined table
        assertEquals(832, heap.getsizeof(d));
        assertEquals(List.of("w", "y", "x"), keys(heap, d));
        heap.dicts.combineSplit(d);  // a combined dict stays as it is
        assertEquals(832, heap.getsizeof(d));
        heap.decref(d);
        heap.dicts.decrefKeys(keys[0]);
    }

    @Test
    void aSplitDictsCopyIsSplitInTheSameOrder(Heap heap) {
        long[] keys = new long[1];
        long d = split(heap, keys, "z", "x", "y");
        long c = heap.dicts.copy(d);
        assertTrue(DictType.isSplit(c));
        assertEquals(DictType.keysTable(d), DictType.keysTable(c));
        assertEquals(heap.getsizeof(d), heap.getsizeof(c));
        assertEquals(List.of("z", "x", "y"), keys(heap, c));
        assertFalse(Heap.isTracked(c));  // ints only, as the original
        heap.decref(c);
        heap.decref(d);
        heap.dicts.decrefKeys(keys[0]);
    }

    @Test
    void aSplitDictKeepsItsOwnOrderOverTheSharedKeysAndAllocatesNoTable(Heap heap) {
        long[] keys = new long[1];
        long d = split(heap, keys, "a", "b", "c");
        long other = heap.dicts.newSplit(keys[0]);
        long blocks = heap.allocator().allocatedBlocks();
        put(heap, other, heap.strs.of("c"), heap.ints.of(3));
        put(heap, other, heap.strs.of("a"), heap.ints.of(1));
        put(heap, other, heap.strs.of("d"), heap.ints.of(4));  // a new name joins the shared keys
        assertEquals(blocks, heap.allocator().allocatedBlocks(), "values go into the values array");
        assertEquals(4, DictType.sharedKeysEntries(keys[0]));
        assertEquals(List.of("c", "a", "d"), keys(heap, other));
        long b = heap.strs.of("b");
        assertEquals(0, heap.dicts.getItem(other, b), "a shared key this dict has no value for");
        assertFalse(heap.dicts.delItem(other, b));
        assertTrue(heap.dicts.delItem(d, b));
        heap.decref(b);
        put(heap, d, heap.strs.of("b"), heap.ints.of(2));  // re-set: appended to the order
        assertEquals(List.of("a", "c", "b"), keys(heap, d));
        assertTrue(DictType.isSplit(d));
        heap.decref(other);
        heap.decref(d);
        heap.dicts.decrefKeys(keys[0]);
    }

    @Test
    void aNonStrKeyOrFullSharedKeysCombineASplitDict(Heap heap) {
        long[] keys = new long[1];
        long d = split(heap, keys, "a", "b");
        put(heap, d, heap.ints.of(1), heap.ints.of(1));
        assertFalse(DictType.isSplit(d));
        assertEquals(List.of("a", "b", "1"), keys(heap, d));
        assertEquals(352, heap.getsizeof(d));  // 3.11: a general table for 3 * used
        heap.decref(d);
        long e = heap.dicts.newSplit(keys[0]);
        for (int i = 0; i < 32; i++) {
            put(heap, e, heap.strs.of("n" + i), heap.ints.of(i));
            assertEquals(i < 28, DictType.isSplit(e), "after " + (i + 1) + " names (2 taken)");
        }
        assertEquals(32, DictType.size(e));
        heap.decref(e);
        heap.dicts.decrefKeys(keys[0]);
    }

    @Test
    void sharedKeysOutliveTheirClassWhileASplitDictHoldsThem(Heap heap) {
        long[] keys = new long[1];
        long d = split(heap, keys, "a");
        heap.dicts.decrefKeys(keys[0]);  // the class lets go
        assertEquals(16 + 48 + 8 * 30 + 768, heap.getsizeof(d), "the last holder counts the keys (_PyDict_SizeOf)");
        long c = heap.dicts.create();
        heap.dicts.updateFromDict(c, d);
        assertEquals(List.of("a"), keys(heap, c));
        heap.decref(c);
        heap.dicts.clearDict(d);  // frees the keys with the values
        assertFalse(DictType.isSplit(d));
        assertEquals(64, heap.getsizeof(d));
        heap.decref(d);
    }

    @Test
    void popitemCutsTheEntryCountBackSoTheNextKeyTakesThatEntry(Heap heap) {
        // the bug: popitem left dk_nentries as it was, so d.copy() afterwards compacted (272 bytes) where 3.11 clones (184)
        long d = heap.dicts.create();
        put(heap, d, heap.strs.of("b"), heap.ints.of(11));
        put(heap, d, heap.strs.of("f"), heap.ints.of(12));
        for (String expected : new String[] {"f", "b"}) {
            long[] kv = heap.dicts.popLast(d);
            assertEquals(expected, StrType.value(kv[0]));
            heap.decref(kv[0]);
            heap.decref(kv[1]);
        }
        assertEquals(0, DictType.keysEntries(d));
        put(heap, d, heap.strs.of("a"), heap.ints.of(18));
        assertEquals(1, DictType.keysEntries(d));
        long c = heap.dicts.copy(d);
        assertEquals(184, heap.getsizeof(c));
        assertEquals(List.of("a"), keys(heap, c));
        heap.decref(c);
        heap.decref(d);
    }
}
