package dev.refheap.object;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.testing.RecordingCallbacks;
import dev.refheap.testing.VerifiedHeap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** weakref.ref: clearing, callbacks (newest first), shared callback-less refs. */
@ExtendWith(VerifiedHeap.class)
class WeakrefTypeTest {

    @Test
    void callbacksRunNewestFirstWhenTheReferentDies(Heap heap) {
        RecordingCallbacks cb = RecordingCallbacks.install(heap);
        long s = heap.sets.create();
        long r1 = newRef(heap, s, "1"), r2 = newRef(heap, s, "2"), r3 = newRef(heap, s, "3");
        assertEquals(3, heap.weakrefs.count(s));
        heap.decref(s);
        assertEquals(List.of("3", "2", "1"), cb.names(), "python3: callbacks run newest first");
        assertEquals(List.of(r3, r2, r1), cb.weakrefs(), "each callback gets its own weakref");
        for (long r : new long[] {r1, r2, r3}) assertEquals(heap.None, WeakrefType.referent(r), "cleared: r() is None");
        for (long r : new long[] {r1, r2, r3}) heap.decref(r);
    }

    @Test
    void callbackRefsFollowTheSharedBasicRef(Heap heap) {
        RecordingCallbacks cb = RecordingCallbacks.install(heap);
        long s = heap.sets.create();
        long r1 = newRef(heap, s, "s1");
        long basic = heap.weakrefs.newRef(s, 0);
        long r2 = newRef(heap, s, "s2");
        assertEquals(basic, heap.weakrefs.first(s), "weakref.getweakrefs(s)[0] is the basic ref");
        long basic2 = heap.weakrefs.newRef(s, heap.None);
        assertEquals(basic, basic2, "a callback-less ref is shared");
        assertEquals(2, heap.refcount(basic));
        heap.decref(s);
        assertEquals(List.of("s2", "s1"), cb.names());
        assertEquals(heap.None, WeakrefType.referent(basic));
        for (long r : new long[] {r1, r2, basic, basic2}) heap.decref(r);
    }

    @Test
    void oneCallbackRefIsCalledOnce(Heap heap) {
        RecordingCallbacks cb = RecordingCallbacks.install(heap);
        long s = heap.sets.create();
        long r = newRef(heap, s, "only");
        assertEquals(s, WeakrefType.referent(r));
        heap.decref(s);
        assertEquals(List.of("only"), cb.names());
        assertEquals(0, WeakrefType.callback(r), "the callback is released after the call");
        heap.decref(r);
        assertEquals(1, cb.calls.size());
    }

    @Test
    void deadWeakrefCallbackIsNotCalled(Heap heap) {
        RecordingCallbacks cb = RecordingCallbacks.install(heap);
        long s = heap.sets.create();
        long r = newRef(heap, s, "never");
        heap.decref(r);
        assertEquals(0, heap.weakrefs.count(s), "a dead weakref leaves its referent's list");
        heap.decref(s);
        assertTrue(cb.calls.isEmpty());
    }

    @Test
    void weakrefsToIntsAreRefused(Heap heap) {
        long i = heap.ints.of(1000);
        PyError e = assertThrows(PyError.class, () -> heap.weakrefs.newRef(i, 0));
        assertTrue(e.getMessage().contains("cannot create weak reference to 'int' object"), e.getMessage());
        heap.decref(i);
    }

    @Test
    void weakrefHashIsTheReferentsAndSurvivesClearing(Heap heap) {
        long s = heap.sets.create();
        long r = heap.weakrefs.newRef(s, 0);
        assertThrows(PyError.class, () -> heap.hash(r), "a set is unhashable, so is its weakref");
        heap.decref(s);
        assertThrows(PyError.class, () -> heap.hash(r), "weak object has gone away");
        heap.decref(r);
    }

    /** weakref.ref(o, callback) with a str naming the callback. */
    static long newRef(Heap heap, long o, String callbackName) {
        long name = heap.strs.of(callbackName);
        long r = heap.weakrefs.newRef(o, name);
        heap.decref(name);
        return r;
    }

    /**
     * PyObject_ClearWeakRefs clears the callback-less basic ref before counting: with one basic and
     * one callback ref no temporary tuple is made, so gc.get_count()[0] drops by exactly the
     * set's -1 (python3: count delta -1 for {basic, 1 callback}).
     */
    @Test
    void bug_clearWeakrefsCountsTheBasicRef(dev.refheap.embed.PyHeap py) {
        Heap heap = py.heap();
        RecordingCallbacks cb = RecordingCallbacks.install(heap);
        heap.clearFreeLists();
        long s = heap.sets.create();
        long basic = heap.weakrefs.newRef(s, 0), r = newRef(heap, s, "cb");
        long before = py.gc().count()[0];
        heap.decref(s);
        assertEquals(before - 1, py.gc().count()[0], "only the set's memory was freed; no tuple was allocated");
        assertEquals(0, heap.tuples.freeCount(4), "no temporary 4-tuple went through the free list");
        assertEquals(List.of("cb"), cb.names());
        assertEquals(heap.None, WeakrefType.referent(basic));
        heap.decref(basic);
        heap.decref(r);
    }
}
