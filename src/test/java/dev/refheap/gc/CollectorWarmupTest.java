package dev.refheap.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refheap.embed.PyHeap;
import dev.refheap.object.Heap;
import org.junit.jupiter.api.Test;

class CollectorWarmupTest {

    /** The warm-up's own heap ends empty: Heap.close() would throw HeapLeakException for anything left alive. */
    @Test
    void warmupFreesEverythingItBuilt() {
        assertEquals(2 * 5, CollectorWarmup.run(2, 500, () -> false));
    }

    /** The warm-up for a graph of lists (no dict cycles, sets or dicts) ends empty too: four collections a round. */
    @Test
    void listsOnlyWarmupFreesEverythingItBuilt() {
        assertEquals(2 * 4, CollectorWarmup.run(2, 500, () -> false, true));
    }

    /**
     * What the warm-up is chosen by: whether generation 0's newest objects (up to 64) are all
     * exact lists and tuples. One dict among them, or an empty generation, and it is the whole
     * warm-up.
     */
    @Test
    void newestObjectsDecideTheWarmupsGraphs() {
        try (PyHeap py = PyHeap.create()) {
            Heap h = py.heap();
            py.gc().setEnabled(false);
            py.collect();
            assertFalse(py.gc().newestAreListsAndTuples(), "nothing new");
            long held = h.lists.alloc(0);
            for (int i = 0; i < 100; i++) {
                long inner = i % 3 == 0 ? h.tuples.of(held) : h.lists.alloc(0);
                h.lists.append(held, inner);
                h.decref(inner);
            }
            assertTrue(py.gc().newestAreListsAndTuples());
            long d = h.dicts.create();
            h.dicts.setItem(d, "k", held);  // a dict with a tracked value is tracked
            h.lists.append(held, d);
            assertFalse(py.gc().newestAreListsAndTuples(), "a dict among the newest");
            for (int i = 0; i < CycleCollector.SHAPE_SAMPLE; i++) {
                long inner = h.lists.alloc(0);
                h.lists.append(held, inner);
                h.decref(inner);
            }
            assertTrue(py.gc().newestAreListsAndTuples(), "the dict is older than the sample");
            h.decref(d);
            h.decref(held);
            py.collect();
        }
    }

    /**
     * A stop request (the program's own collection starting) ends the warm-up at its next check:
     * it is not asked again, builds and collects nothing more, and gives its heap back without
     * the leak check a finished one passes. It used to see the request only between dict pairs
     * and after a round's first collection, and ran the rest of the round (three collections,
     * 20,000 objects built) and then freed everything object by object, beside the program's
     * collection.
     */
    @Test
    void bug_warmupStopsAtTheFirstCheckAfterTheProgramCollects() {
        assertEquals(0, CollectorWarmup.run(3, 600, () -> true));
        int previous = 0;
        for (int k = 1; k <= 40; k++) {
            int stopAt = k;
            int[] asked = {0};
            int collections = CollectorWarmup.run(3, 600, () -> ++asked[0] >= stopAt);
            assertEquals(stopAt, asked[0], "asked again after answering stop (stop at check " + k + ")");
            assertTrue(collections >= previous && collections < 3 * 5, "collections " + collections + " at check " + k);
            previous = collections;
        }
        assertTrue(previous > 0);
    }

    /** It leaves the program's heap alone: a heap's objects, counts and generations are unchanged by a warm-up beside it. */
    @Test
    void warmupLeavesOtherHeapsAlone() {
        try (PyHeap py = PyHeap.create()) {
            Heap h = py.heap();
            long l = h.lists.alloc(0);
            h.lists.append(l, l);
            long[] counts = py.gc().count();
            long gen0 = py.gc().generationSize(0);
            CollectorWarmup.run(1, 300, () -> false);
            assertTrue(java.util.Arrays.equals(counts, py.gc().count()));
            assertTrue(gen0 == py.gc().generationSize(0));
            assertTrue(py.heap().refcount(l) == 2);
            h.decref(l);
            assertTrue(py.collect() == 1);
        }
    }

    /** A heap that builds a big graph with collection off starts the warm-up once its count passes the trigger. */
    @Test
    void bigGraphWithCollectionOffStartsIt() throws InterruptedException {
        try (PyHeap py = PyHeap.create()) {
            Heap h = py.heap();
            py.gc().setEnabled(false);
            long held = h.lists.alloc(0);
            for (long i = 0; i <= CollectorWarmup.TRIGGER; i++) {
                long inner = h.lists.alloc(0);
                h.lists.append(held, inner);
                h.decref(inner);
            }
            assertTrue(CollectorWarmup.started() || !CollectorWarmup.ENABLED);
            CollectorWarmup.join();
            h.decref(held);
            assertFalse(py.gc().isCollecting());
        }
    }
}
