package dev.refheap.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The allocator's hook: requested sizes (not size classes), realloc in place and moved, and silence when removed. */
class AllocationHookTest {
    private static final class Recorder implements AllocationHook {
        final List<String> events = new ArrayList<>();
        long base;

        private String at(long p) { return p == base ? "A" : "B"; }

        @Override public void onMalloc(long p, long size) { events.add("malloc " + size); }
        @Override public void onRealloc(long oldP, long newP, long size) {
            events.add("realloc " + size + (oldP == newP ? " in place" : " moved"));
        }
        @Override public void onFree(long p) { events.add("free " + at(p)); }
    }

    @Test
    void hookSeesRequestedSizes() {
        try (var a = new BlockAllocator()) {
            Recorder r = new Recorder();
            a.setHook(r);
            long p = a.malloc(28);                // class 32, requested 28
            r.base = p;
            long q = a.realloc(p, 30);            // still fits 32 and uses > 3/4 of it: in place
            long big = a.malloc(1000);            // a large block
            long m = a.realloc(q, 100);           // moves
            a.free(m);
            a.free(big);
            assertEquals(q, p);
            assertEquals(List.of("malloc 28", "realloc 30 in place", "malloc 1000", "realloc 100 moved", "free B", "free B"), r.events);
        }
    }

    @Test
    void noHookNoEvents() {
        try (var a = new BlockAllocator()) {
            Recorder r = new Recorder();
            a.setHook(r);
            a.setHook(null);
            a.free(a.malloc(16));
            assertEquals(List.of(), r.events);
            assertEquals(null, a.hook());
        }
    }
}
