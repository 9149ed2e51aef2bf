package dev.refheap.embed;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.object.Heap;
import dev.refheap.object.ListType;
import dev.refheap.object.TupleType;
import dev.refheap.testing.VerifiedHeap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A heap of 10,000,000 objects: 1,000 lists of 10,000 one-tuples of small ints, plus 100,000
 * self-referencing lists of garbage; one full collection over all of it, the verifier over all of
 * it, then release. No timing assertions.
 */
@ExtendWith(VerifiedHeap.class)
class ScaleTest {
    static final int LISTS = 1_000, PER_LIST = 10_000, GARBAGE = 100_000;

    @Test
    void tenMillionObjects(PyHeap py) {
        Heap heap = py.heap();
        py.gc().setEnabled(false);  // every tuple stays tracked until the one full collection
        PyRef outer = py.newList();
        for (int i = 0; i < LISTS; i++) {
            long l = heap.lists.alloc(0);
            for (int j = 0; j < PER_LIST; j++) {
                long v = heap.ints.of((i + j) % 256);
                long t = heap.tuples.alloc(1);
                TupleType.setItemSteal(t, 0, v);
                heap.lists.append(l, t);
                heap.decref(t);
            }
            heap.lists.append(outer.address(), l);
            heap.decref(l);
        }
        for (int i = 0; i < GARBAGE; i++) {
            long g = heap.lists.alloc(0);
            heap.lists.append(g, g);
            heap.decref(g);
        }
        long tracked = py.gc().generationSize(0);
        // + 1: gc.garbage, an ordinary tracked list as in CPython
        assertEquals(2L + LISTS + (long) LISTS * PER_LIST + GARBAGE, tracked, "everything tracked in generation 0");

        assertEquals(GARBAGE, py.collect(), "exactly the self-referencing lists are garbage");
        assertEquals(2L + LISTS, py.gc().generationSize(2), "the tuples of small ints were untracked; the lists (and gc.garbage) survive");
        long[] objects = {0};
        heap.forEachObject(o -> objects[0]++);
        assertTrue(objects[0] >= 1L + LISTS + (long) LISTS * PER_LIST, "10M+ live objects: " + objects[0]);
        assertEquals(java.util.List.of(), py.verify(), "the verifier over the full heap");

        long last = ListType.item(outer.address(), LISTS - 1);
        assertEquals(PER_LIST, ListType.size(last));
        outer.release();
        objects[0] = 0;
        heap.forEachObject(o -> objects[0]++);
        assertEquals(1, objects[0], "only gc.garbage's list is left");
    }
}
