package dev.refheap.gc;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.embed.PyHeap;
import dev.refheap.object.GcHead;
import dev.refheap.object.Heap;
import dev.refheap.object.ListType;
import dev.refheap.testing.VerifiedHeap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The verifier finds each kind of inconsistency it promises to (so the suite's checks can fail). */
@ExtendWith(VerifiedHeap.class)
class HeapVerifierTest {

    @Test
    void cleanHeapHasNoProblems(PyHeap py) {
        assertEquals(List.of(), py.verify());
    }

    @Test
    void findsARefcountThatIsTooHigh(PyHeap py) {
        Heap heap = py.heap();
        long l = heap.lists.alloc(0);
        List<String> p = py.verify();
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).contains("refcount of <list") && p.get(0).contains("is 1, but 0 references"), p.get(0));
        heap.decref(l);
    }

    @Test
    void findsAReferenceToAFreedObject(PyHeap py) {
        Heap heap = py.heap();
        var l = py.newList();
        long v = heap.ints.of(100_000);
        heap.lists.append(l.address(), v);
        heap.decref(v);
        long slot = dev.refheap.memory.Native.getLong(l.address() + ListType.OB_ITEM);
        heap.decref(v);  // wrongly: the list still points at it
        List<String> p = py.verify();
        assertTrue(p.stream().anyMatch(s -> s.contains("which is not a live object")), p.toString());
        dev.refheap.memory.Native.putLong(slot, heap.None);  // repair: the item becomes None
        heap.incref(heap.None);
        assertEquals(List.of(), py.verify());
        l.release();
    }

    @Test
    void findsATrackedObjectOnNoList(PyHeap py) {
        Heap heap = py.heap();
        var l = py.newList();
        long o = l.address();
        long prev = GcHead.prevWord(o), next = GcHead.next(o);
        heap.untrackIfTracked(o);
        GcHead.setNext(o, o);  // "tracked" but linked nowhere
        List<String> p = py.verify();
        assertTrue(p.stream().anyMatch(s -> s.contains("is tracked but on no generation list")), p.toString());
        GcHead.setNext(o, 0);
        GcHead.setPrevWord(o, 0);
        heap.track(o);
        assertEquals(List.of(), py.verify());
        assertNotEquals(0, prev + next);
        l.release();
    }

    @Test
    void findsACollectingFlagLeftBehind(PyHeap py) {
        var l = py.newList();
        long o = l.address();
        GcHead.setPrevWord(o, GcHead.prevWord(o) | GcHead.PREV_MASK_COLLECTING);
        List<String> p = py.verify();
        assertTrue(p.stream().anyMatch(s -> s.contains("COLLECTING flag left")), p.toString());
        GcHead.setPrevWord(o, GcHead.prevWord(o) & ~GcHead.PREV_MASK_COLLECTING);
        l.release();
    }
}
