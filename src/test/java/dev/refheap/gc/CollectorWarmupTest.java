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
