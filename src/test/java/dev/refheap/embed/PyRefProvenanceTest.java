package dev.refheap.embed;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.gc.Provenance;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Provenance through the Java API: holders of PyRefs, list and dict slots, cycles. */
class PyRefProvenanceTest {
    @Test
    void holdersOfAnEmbeddedDictCycle() {
        try (PyHeap py = PyHeap.create()) {
            PyRef d1 = py.newDict(), d2 = py.newDict();
            d1.put("d2", d2);
            d2.put("d1", d1);
            List<Provenance.Holder> h = d1.holders();
            assertEquals(2, h.stream().mapToLong(Provenance.Holder::count).sum());
            assertEquals(d1.refcount(), h.stream().mapToLong(Provenance.Holder::count).sum());
            assertTrue(h.stream().anyMatch(x -> x.description().equals("a PyRef held by the embedder")), h.toString());
            assertTrue(h.stream().anyMatch(x -> x.description().startsWith("dict['d1'] (value) of <dict at 0x")), h.toString());
            assertTrue(d1.whyAlive().reachable());
            long a1 = d1.address();
            d1.release();
            Provenance.Retention r = py.provenance().whyAlive(a1);
            assertTrue(r.reachable(), "d2's PyRef still reaches it");
            assertEquals("a PyRef held by the embedder", r.path().get(0).heldBy());
            assertTrue(r.path().get(1).heldBy().startsWith("dict['d1'] (value)"));
            d2.release();
            Provenance.Retention gone = py.provenance().whyAlive(a1);
            assertFalse(gone.reachable());
            assertEquals(2, gone.cycle().size());
            assertEquals(2, py.collect());
        }
    }

    @Test
    void listSlotsAndStaticObjects() {
        try (PyHeap py = PyHeap.create()) {
            PyRef s = py.newStr("held twice");
            PyRef l = py.newList(s, s);
            List<Provenance.Holder> h = s.holders();
            assertEquals(s.refcount(), h.stream().mapToLong(Provenance.Holder::count).sum());
            assertTrue(h.stream().anyMatch(x -> x.description().startsWith("list[0] of <list")));
            assertTrue(h.stream().anyMatch(x -> x.description().startsWith("list[1] of <list")));
            PyRef five = py.newInt(5);
            List<Provenance.Holder> hf = five.holders();
            assertEquals(five.refcount(), hf.stream().mapToLong(Provenance.Holder::count).sum());
            assertTrue(hf.stream().anyMatch(x -> x.count() == 999_999_999L && x.description().startsWith("the initial count of a static object")), hf.toString());
            assertTrue(five.explain().contains("999,999,999"));
            five.release();
            l.release();
            s.release();
        }
    }
}
