package dev.refheap.object;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.embed.PyHeap;
import dev.refheap.memory.Native;
import dev.refheap.testing.RecordingCallbacks;
import dev.refheap.testing.VerifiedHeap;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The heap facade: refcounting, the trashcan, singletons, getsizeof, object walks. */
@ExtendWith(VerifiedHeap.class)
class HeapTest {

    @Test
    void increfAndDecrefMoveTheCountAndZeroFrees(Heap heap) {
        long l = heap.lists.alloc(0);
        assertEquals(1, heap.refcount(l));
        heap.incref(l);
        heap.incref(l);
        assertEquals(3, heap.refcount(l));
        heap.decref(l);
        heap.decref(l);
        assertEquals(1, heap.refcount(l));
        long[] live = {0};
        heap.forEachObject(o -> { if (o == l) live[0]++; });
        assertEquals(1, live[0], "forEachObject finds the live list");
        heap.decref(l);
        live[0] = 0;
        heap.forEachObject(o -> { if (o == l) live[0]++; });
        assertEquals(0, live[0], "a freed list is no longer an object");
    }

    @Test
    void decrefBelowZeroIsAnError(Heap heap) {
        long l = heap.lists.alloc(0);
        heap.setRefcount(l, 0);
        assertThrows(IllegalRefcountException.class, () -> heap.decref(l));
        heap.setRefcount(l, 1);
        heap.decref(l);
    }

    @Test
    void singletonsAndTheirBaseCounts(Heap heap) {
        assertEquals(heap.True, heap.bools.of(true));
        assertEquals(heap.False, heap.bools.of(false));
        assertEquals(2, heap.refcount(heap.True), "True starts at 1 (+1 taken just now)");
        heap.decref(heap.True);
        heap.decref(heap.False);
        assertEquals(1, heap.refcount(heap.None));
        assertEquals(16, heap.getsizeof(heap.None), "getsizeof(None)");
        assertEquals(28, heap.getsizeof(heap.True), "getsizeof(True)");
        assertEquals(28, heap.getsizeof(heap.False), "getsizeof(False)");
        assertTrue(BoolType.isTrue(heap.True));
        assertFalse(BoolType.isTrue(heap.False));
        assertEquals(heap.bools, heap.typeOf(heap.True));
        assertTrue(heap.typeOf(heap.True).isSubtypeOf(heap.ints), "bool is a subclass of int");
        long obj = heap.objectType.create();
        assertEquals(16, heap.getsizeof(obj), "getsizeof(object())");
        heap.decref(obj);
    }

    @Test
    void staticSingletonsAreOutsideTheArenas(Heap heap) {
        Set<Long> statics = new HashSet<>();
        heap.forEachStaticObject(statics::add);
        assertTrue(statics.contains(heap.None));
        assertTrue(statics.contains(heap.tuples.emptyTuple()));
        assertTrue(statics.contains(heap.ints.smallIntAddress(256)));
        assertTrue(statics.size() >= 262 + 256 + 256 + 6, "small ints, latin-1 strs, single bytes, singletons");
        heap.forEachObject(o -> assertFalse(statics.contains(o), "a static object is not an arena object"));
    }

    @Test
    void addressesAre16ByteAlignedAndGcObjectsHaveAHeadBefore(Heap heap) {
        long l = heap.lists.alloc(0), i = heap.ints.of(100000);
        assertEquals(0, l % 16);
        assertEquals(0, i % 16);
        assertTrue(heap.allocator().isAllocatedBlock(l - 16), "a GC object's block starts at its GC head");
        assertTrue(heap.allocator().isAllocatedBlock(i), "a non-GC object's block starts at the object");
        assertEquals(heap.lists.address(), Native.getLong(l + Layout.OB_TYPE), "ob_type at +8");
        heap.decref(l);
        heap.decref(i);
    }

    // ---- trashcan ----

    @Test
    void releasingAMillionDeepChainOfNestedListsDoesNotOverflowTheStack(PyHeap py) {
        Heap heap = py.heap();
        long cur = heap.lists.alloc(0);
        for (int i = 0; i < 1_000_000; i++) {
            long next = heap.lists.alloc(0);
            heap.lists.append(next, cur);
            heap.decref(cur);
            cur = next;
        }
        heap.decref(cur);
        long[] left = {0};
        heap.forEachObject(o -> left[0]++);
        assertEquals(1, left[0], "only gc.garbage's list is left");
    }

    @Test
    void releasingAMillionDeepChainOfNestedTuplesDoesNotOverflowTheStack(PyHeap py) {
        Heap heap = py.heap();
        long cur = heap.tuples.alloc(0);
        for (int i = 0; i < 1_000_000; i++) {
            long next = heap.tuples.of(cur);
            heap.decref(cur);
            cur = next;
        }
        heap.decref(cur);
        assertEquals(2000, heap.tuples.freeCount(1), "the free list of 1-tuples filled up");
        long[] left = {0};
        heap.forEachObject(o -> left[0]++);
        assertEquals(1, left[0], "only gc.garbage's list is left");
    }

    @Test
    void deepDeallocationReleasesInnerObjectsAfterTheOuterOnes(Heap heap) {
        // 200 nested lists whose innermost holds an int with a second reference
        long payload = heap.ints.of(424242);
        long cur = heap.lists.of(payload);
        for (int i = 0; i < 200; i++) {
            long next = heap.lists.of(cur);
            heap.decref(cur);
            cur = next;
        }
        assertEquals(2, heap.refcount(payload));
        heap.decref(cur);
        assertEquals(1, heap.refcount(payload), "the deferred part of the chain was released too");
        heap.decref(payload);
    }

    /**
     * Objects the trashcan defers have refcount 0 until their dealloc runs; a collection that runs
     * meanwhile (here from a weakref callback during the same deallocation) must not see them, or it
     * frees them a second time. CPython untracks an object before depositing it in the trashcan.
     */
    @Test
    void bug_trashcanDeferredObjectStaysTracked(PyHeap py) {
        Heap heap = py.heap();
        long[] collected = {-1};
        RecordingCallbacks.install(heap).onCall(wr -> collected[0] = py.collect());
        long chain = heap.lists.alloc(0);
        for (int i = 0; i < 120; i++) {
            long next = heap.lists.of(chain);
            heap.decref(chain);
            chain = next;
        }
        long s = heap.sets.create();
        long r1 = WeakrefTypeTest.newRef(heap, s, "a"), r2 = WeakrefTypeTest.newRef(heap, s, "b");
        long root = heap.lists.of(s, chain);  // released last to first: the chain, then the set
        heap.decref(s);
        heap.decref(chain);
        heap.decref(root);
        assertEquals(0, collected[0], "no cyclic garbage: the deferred lists are not the collector's to free");
        Set<Long> fresh = new HashSet<>();
        long[] ls = new long[200];
        for (int i = 0; i < ls.length; i++) {
            ls[i] = heap.lists.alloc(0);
            assertTrue(fresh.add(ls[i]), "a list was handed out twice (double free)");
        }
        for (long l : ls) heap.decref(l);
        heap.decref(r1);
        heap.decref(r2);
    }

    /**
     * CPython 3.11's deep-frozen constants are static objects: outside the arenas, a count of
     * 999,999,999 plus the references from heap objects; a reference between static objects is not
     * counted, one to a heap object is (the verifier, run after each test, checks both).
     */
    @Test
    void deepFrozenObjectsAreStaticWithCpythonsCounts(Heap heap) {
        long heapName = heap.strs.of("made before the deep freeze");
        long blocks = heap.allocator().allocatedBlocks();
        long noneBefore = heap.refcount(heap.None);
        heap.setDeepFreezing(true);
        long doc = heap.strs.of("a deep-frozen constant");
        long big = heap.ints.of(1L << 40);
        long inner = heap.tuples.of(doc, heap.None, big);
        long outer = heap.tuples.of(inner, heapName);
        heap.decref(doc);
        heap.decref(big);
        heap.decref(inner);
        assertEquals(1, heap.refcount(inner), "before the commit: ordinary counts (outer holds it)");
        assertTrue(heap.setDeepFreezing(false), "it was deep freezing");
        assertEquals(blocks, heap.allocator().allocatedBlocks(), "no block of the arenas");
        assertEquals(Layout.STATIC_REFCNT + 1, heap.refcount(outer), "the caller's reference");
        assertEquals(Layout.STATIC_REFCNT, heap.refcount(inner), "held by a static tuple only");
        assertEquals(Layout.STATIC_REFCNT, heap.refcount(doc));
        assertEquals(Layout.STATIC_REFCNT, heap.refcount(big));
        assertEquals(noneBefore, heap.refcount(heap.None), "a static tuple's None is not counted");
        assertEquals(2, heap.refcount(heapName), "a heap object a static tuple holds is counted");
        assertFalse(heap.isGcObject(inner) && GcHead.next(inner) != 0, "untracked");
        assertTrue(heap.isLiveObject(outer));
        heap.decref(outer);
        heap.decref(heapName);
        assertEquals(Layout.STATIC_REFCNT, heap.refcount(outer), "never freed");
        assertEquals(1, heap.refcount(heapName), "the static tuple keeps it");
    }

    @Test
    void staticObjectsAreFoundByAddressAmongThousands(Heap heap) {
        // isLiveObject and objectContaining search the static objects' sorted addresses (ctypes'
        // from_address and py_object on id(None), id(1) or a deep-frozen constant)
        heap.setDeepFreezing(true);
        long[] made = new long[3000];
        for (int i = 0; i < made.length; i++) made[i] = heap.strs.of("static " + i);
        heap.setDeepFreezing(false);
        for (long o : made) {
            assertTrue(heap.isLiveObject(o));
            assertEquals(o, heap.objectContaining(o), "ob_refcnt's first byte");
            assertEquals(o, heap.objectContaining(o + 7), "ob_refcnt's last byte");
            assertFalse(heap.isLiveObject(o + 8));
        }
        assertEquals(heap.None, heap.objectContaining(heap.None + 3));
        assertTrue(heap.isLiveObject(heap.None));
        heap.setDeepFreezing(true);
        long later = heap.strs.of("a static object made after the search");
        heap.setDeepFreezing(false);
        assertTrue(heap.isLiveObject(later), "an object added after a search is found");
        assertEquals(later, heap.objectContaining(later + 4));
        for (long o : made) heap.decref(o);
        heap.decref(later);
    }
}
