package dev.refheap.gc;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.embed.PyHeap;
import dev.refheap.embed.PyRef;
import dev.refheap.object.Heap;
import dev.refheap.object.WeakrefType;
import dev.refheap.testing.RecordingCallbacks;
import dev.refheap.testing.VerifiedHeap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The collector on the real heap, through HeapObjectModel: the spec's observed gc.collect() counts. */
@ExtendWith(VerifiedHeap.class)
class HeapCollectionTest {

    @Test
    void collectCountsOfCPython311(PyHeap py) {
        assertEquals(0, py.collect(), "nothing");
        PyRef x = py.newList();
        x.append(x);
        x.release();
        assertEquals(1, py.collect(), "x = []; x.append(x); del x");
        PyRef d1 = py.newDict(), d2 = py.newDict();
        d1.put("d2", d2);
        d2.put("d1", d1);
        d1.release();
        d2.release();
        assertEquals(2, py.collect(), "2-dict cycle");
        assertEquals(0, py.collect());
    }

    @Test
    void weakrefsToGarbageOnTheRealHeap(PyHeap py) {
        Heap heap = py.heap();
        RecordingCallbacks cb = RecordingCallbacks.install(heap);
        PyRef l = py.newList(), d = py.newDict(), s = py.newSet();
        l.append(d).append(s);
        d.put("l", l);
        long cbName = heap.strs.of("live");
        PyRef live = py.adopt(heap.weakrefs.newRef(s.address(), cbName));
        heap.decref(cbName);
        long cbName2 = heap.strs.of("garbage");
        long inner = heap.weakrefs.newRef(s.address(), cbName2);
        heap.decref(cbName2);
        heap.dicts.setItem(d.address(), "wr", inner);  // a weakref that is garbage itself
        heap.decref(inner);
        l.release();
        d.release();
        s.release();
        assertEquals(4, py.collect(), "list, dict, set and the garbage weakref");
        assertEquals(List.of("live"), cb.names(), "only the reachable weakref's callback runs");
        assertEquals(heap.None, WeakrefType.referent(live.address()));
        live.release();
    }

    @Test
    void debugStatsGoesToTheDebugStream(PyHeap py) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        py.model().setDebugOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        py.gc().setDebug(CycleCollector.DEBUG_STATS);
        PyRef x = py.newList();
        x.append(x);
        x.release();
        assertEquals(1, py.collect(1));
        py.gc().setDebug(0);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("gc: collecting generation 1...", lines[0]);
        assertEquals("gc: objects in each generation: 2 0 0", lines[1], "x and gc.garbage (a tracked list, as in CPython)");
        assertEquals("gc: objects in permanent generation: 0", lines[2]);
        assertTrue(lines[3].matches("gc: done, 1 unreachable, 0 uncollectable, \\d+\\.\\d{4}s elapsed"), lines[3]);
    }

    @Test
    void saveAllKeepsGarbageInGcGarbage(PyHeap py) {
        py.gc().setDebug(CycleCollector.DEBUG_SAVEALL);
        PyRef x = py.newList();
        x.append(x);
        long addr = x.address();
        x.release();
        assertEquals(1, py.collect());
        assertEquals(1, py.model().garbageSize());
        assertEquals(2, py.heap().refcount(addr), "itself + gc.garbage");
        py.gc().setDebug(0);
        py.heap().lists.clear(py.model().garbage());
        assertEquals(1, py.collect());
        assertEquals(0, py.model().garbageSize());
    }

    @Test
    void automaticCollectionFreesCyclesWhileAllocating(PyHeap py) {
        Heap heap = py.heap();
        for (int i = 0; i < 5000; i++) {
            long l = heap.lists.alloc(0);
            heap.lists.append(l, l);
            heap.decref(l);
        }
        assertTrue(py.gc().stats()[0][0] >= 6, "generation-0 collections ran: " + py.gc().stats()[0][0]);
        long[] live = {0};
        heap.forEachObject(o -> live[0]++);
        assertTrue(live[0] < 1500, "most cycles were already collected: " + live[0]);
    }
}
