package dev.refheap.embed;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.gc.HeapVerificationError;
import dev.refheap.object.Heap;
import dev.refheap.testing.RecordingCallbacks;
import dev.refheap.testing.VerifiedHeap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PyHeap.setStress: a full collection and the verifier on every GC allocation. */
@ExtendWith(VerifiedHeap.class)
class StressModeTest {

    @Test
    void everyGcAllocationRunsAFullCollection(PyHeap py) {
        py.setStress(true);
        long before = py.gc().stats()[2][0];
        List<PyRef> refs = new ArrayList<>();
        for (int i = 0; i < 10; i++) refs.add(py.newList());
        assertEquals(before + 10, py.gc().stats()[2][0], "one full collection per new list");
        refs.add(py.newInt(100000));
        refs.add(py.newStr("not a GC object"));
        assertEquals(before + 10, py.gc().stats()[2][0], "non-GC allocations do not collect");
        for (PyRef r : refs) r.release();
        py.setStress(false);
        PyRef l = py.newList();
        assertEquals(before + 10, py.gc().stats()[2][0], "stress off: the thresholds decide again");
        l.release();
    }

    @Test
    void garbageIsCollectedAtTheNextGcAllocation(PyHeap py) {
        py.setStress(true);
        PyRef d1 = py.newDict(), d2 = py.newDict();
        d1.put("d2", d2);
        d2.put("d1", d1);
        long a1 = d1.address();
        d1.release();
        d2.release();
        assertEquals(1, py.heap().refcount(a1), "still alive: no GC allocation since");
        PyRef l = py.newList();
        assertEquals(0, py.heap().refcount(a1), "the allocation collected the cycle");
        assertEquals(2, py.gc().stats()[2][1]);
        l.release();
    }

    @Test
    void everyGcAllocationRunsTheVerifier(PyHeap py) {
        py.setStress(true);
        PyRef l = py.newList();
        py.heap().incref(l.address());  // a reference nobody owns: the verifier must notice
        HeapVerificationError e = assertThrows(HeapVerificationError.class, py::newDict);
        assertTrue(e.getMessage().contains("refcount of <list"), e.getMessage());
        assertFalse(py.isStress(), "a failed check switches the mode off");
        py.heap().decref(l.address());
        l.release();
        // the dict allocated before the verifier threw was never handed out: release it from the heap
        py.heap().forEachObject(o -> { if (py.heap().typeOf(o) == py.heap().dicts) leaked.add(o); });
        for (long o : leaked) py.heap().decref(o);
    }

    private final List<Long> leaked = new ArrayList<>();

    @Test
    @VerifiedHeap.Stress
    void theExtensionStartsTheHeapInStressMode(PyHeap py) {
        assertTrue(py.isStress());
        long[] before = py.stress().stats();
        PyRef d = py.newDict();
        PyRef seven = py.newInt(7), name = py.newStr("seven");
        PyRef l = py.newList(seven, name);
        seven.release();
        name.release();
        d.put("l", l);
        l.append(d);  // a cycle
        long[] after = py.stress().stats();
        assertTrue(after[1] - before[1] >= 2, "a full collection per GC allocation");
        assertEquals(before[2], after[2], "an embedder is at rest at every allocation: no check needs to be the weaker one");
        assertTrue(after[3] - before[3] >= after[0] - before[0], "an exact check at each allocation (and after each collection)");
        d.release();
        l.release();
    }

    @Test
    void workloadUnderStress(PyHeap py) {
        Heap heap = py.heap();
        RecordingCallbacks cb = RecordingCallbacks.install(heap);
        py.setStress(true);
        List<PyRef> keep = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            PyRef d = py.newDict(), l = py.newList(), s = py.newSet();
            PyRef i = py.newInt(1000 + round), f = py.newFloat(round + 0.5), str = py.newStr("k" + round);
            PyRef t = py.newTuple(i, f, str);
            l.append(t).append(d).append(l);       // a self-referencing list
            d.put("list", l).put("tuple", t);
            s.add(t).add(i);
            long wr = heap.weakrefs.newRef(s.address(), str.address());
            PyRef w = py.adopt(wr);
            if (round % 3 == 0) keep.add(d.copy());
            for (PyRef r : List.of(d, l, s, i, f, str, t)) r.release();
            w.release();
        }
        assertEquals(List.of(), py.verify());
        assertEquals(20, cb.calls.size(), "each set died by refcount and called its weakref's callback");
        for (PyRef r : keep) {
            assertEquals(2, r.size());
            PyRef lst = r.get("list");
            assertEquals("list", lst.typeName());
            assertEquals(3, lst.size());
            lst.release();
        }
        for (PyRef r : keep) r.release();
        py.setStress(false);
        py.collect();
        long[] live = {0};
        heap.forEachObject(o -> live[0]++);
        assertEquals(1, live[0], "everything but gc.garbage's list was freed");
    }
}
