package dev.refheap.lang.vm;

import static dev.refheap.lang.modules.NativeModuleRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.refheap.memory.Native;
import dev.refheap.object.DictType;
import dev.refheap.object.DictValues;
import dev.refheap.object.Heap;
import dev.refheap.object.Layout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Instances}' values arrays as 3.11 lays them out: the prefix before the slots (its size in
 * the last byte, the number of order bytes before it, the order bytes down from there) and the
 * per-instance insertion order that a set, a deletion and a materialized {@code __dict__} follow.
 */
class InstancesTest {
    private static Runtime runtime() {
        return new Runtime(new RuntimeOptions(1L << 30, false, System.out, System.err));
    }

    private static List<Integer> order(long v) {
        List<Integer> r = new ArrayList<>();
        for (int k = 0; k < Instances.orderCount(v); k++) r.add(Instances.orderAt(v, k));
        return r;
    }

    @Test
    void theValuesPrefixIsSizePlusTwoRoundedToAPointer() {
        try (Runtime rt = runtime()) {
            Heap heap = rt.heap;
            for (long size : new long[] {1, 6, 22, 29, 30}) {
                long v = DictValues.newValues(heap, size);
                long prefix = (size + 2 + 7) & ~7L;
                assertEquals(prefix, DictValues.prefixSize(v), "prefix of " + size);
                assertEquals(0, Instances.orderCount(v));
                for (long i = 0; i < size; i++) assertEquals(0, Native.getLong(Instances.slot(v, i)));
                // the order bytes read down from the count: the k-th at 3 + k bytes before the slots
                DictValues.appendOrder(v, size - 1);
                assertEquals(size - 1, Native.getByte(v - 3) & 0xff);
                assertEquals(1, Native.getByte(v - 2));
                Instances.freeValues(heap, v);
            }
        }
    }

    @Test
    void aDeletionMovesTheLaterIndicesDown() {
        try (Runtime rt = runtime()) {
            long v = DictValues.newValues(rt.heap, 29);
            for (int i : new int[] {4, 0, 7, 2, 28}) DictValues.appendOrder(v, i);
            assertEquals(List.of(4, 0, 7, 2, 28), order(v));
            DictValues.removeOrder(v, 0);
            assertEquals(List.of(4, 7, 2, 28), order(v));
            DictValues.removeOrder(v, 28);
            DictValues.appendOrder(v, 0);
            assertEquals(List.of(4, 7, 2, 0), order(v));
            DictValues.removeOrder(v, 4);
            assertEquals(List.of(7, 2, 0), order(v));
            assertThrows(IllegalStateException.class, () -> DictValues.removeOrder(v, 4));
            assertEquals(29 + 2 + 7 & ~7, DictValues.prefixSize(v));  // the prefix size byte is kept
            Instances.freeValues(rt.heap, v);
        }
    }

    @Test
    void instanceDictIteratesInClassKeyOrderNoMore() {
        // the bug: attributes of an instance iterated in the order its class's shared keys first saw them
        assertEquals("['y', 'x'] ['x', 'y']\n['z', 'y']\n{'x': 3, 'w': 4, 'y': 6}\n['x', 'q', 'y']\n",
                run("class A: pass\na = A(); a.x = 1; a.y = 2\nb = A(); b.y = 3; b.x = 4\nprint(list(vars(b)), list(vars(a)))\n"
                        + "c = A(); c.y = 1; del c.y; c.z = 3; c.y = 5\nprint(list(vars(c)))\n"
                        + "d = A(); d.z = 1; d.y = 2; d.x = 3; del d.y; d.w = 4; d.y = 6; del d.z\nprint(vars(d))\n"
                        + "f = A(); f.y = 1; f.x = 2; f.__dict__; f.q = 3; del f.y; f.y = 4\nprint(list(vars(f)))\n"));
    }

    @Test
    void theSpecializedStoreKeepsTheOrder() {
        // STORE_ATTR's cached path (a loop warms it) appends a new attribute as the full path does
        assertEquals("[['b', 'a'], ['a', 'b'], ['b', 'a']]\n",
                run("class P:\n    pass\ndef make(first):\n    p = P()\n    if first:\n        p.a = 1\n    p.b = 2\n    p.a = 3\n    return p\n"
                        + "ps = [make(i % 2 == 1) for i in range(40)]\nprint([list(vars(p)) for p in ps[:3]])\n"));
    }

    @Test
    void instanceDictCouldNotBeDeleted() {
        // the bug: del o.__dict__ was "TypeError: cannot delete __dict__" (3.11's subtype_setdict allows it)
        assertEquals("False\n['z', 'y'] 296\n{} 64\n{'w': 3} 184\n",
                run("import sys\nclass A: pass\na = A(); a.y = 1; a.x = 2\ndel a.__dict__\nprint(hasattr(a, 'x'))\n"
                        + "a.z = 1; a.y = 2\nprint(list(vars(a)), sys.getsizeof(vars(a)))\n"
                        + "del a.__dict__\nprint(vars(a), sys.getsizeof(vars(a)))\na.w = 3\nprint(vars(a), sys.getsizeof(vars(a)))\n"));
    }

    @Test
    void aMaterializedDictTakesOverTheValuesArrayAndSharesTheClassKeys() {
        // the bug: vars(o) copied the inline values into a table of its own (1,504 traced bytes for
        // 10 instances where 3.11 makes only the dict objects)
        try (Runtime rt = runtime()) {
            Heap heap = rt.heap;
            rt.exec("class A:\n    pass\na = A()\na.y = 1\na.x = 2\nhold = [{} for _ in range(100)]\n", "t.py");
            long a = heap.dicts.getItem(rt.mainGlobals(), "a");
            ClassType c = (ClassType) heap.typeOf(a);
            long v = Native.getLong(a + Layout.MANAGED_VALUES);
            assertEquals(List.of(0, 1), order(v));
            long blocks = heap.allocator().allocatedBlocks();
            long d = Instances.genericGetDict(rt, a, c);
            assertEquals(blocks + 1, heap.allocator().allocatedBlocks(), "only the dict object is new");
            assertEquals(v, DictType.values(d));
            assertEquals(c.cachedKeys, DictType.keysTable(d));
            assertEquals(0, Native.getLong(a + Layout.MANAGED_VALUES));
            assertEquals(d, Instances.genericGetDict(rt, a, c));
            // a new name set through the instance joins the shared keys and the class's mirror
            rt.exec("a.z = 3\nb = A()\nb.z = 1\nprint(list(vars(a)), list(vars(b)), A().__sizeof__())\n", "t.py");
            assertEquals(List.of("y", "x", "z"), c.keys);
            assertEquals(3, DictType.sharedKeysEntries(c.cachedKeys));
            assertEquals(List.of(), rt.verify());
        }
    }
}
