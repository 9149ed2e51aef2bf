package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** _heapq and _bisect: heap invariants after each operation, the big-heap heapify order, bisect with a key. */
class HeapqBisectTest {
    @Test
    void heapInvariantHoldsForSmallAndCacheFriendlyHeapify() {
        String check = "ok = lambda h: all(h[i] <= h[c] for i in range(len(h)) for c in (2 * i + 1, 2 * i + 2) if c < len(h))\n";
        assertEquals("True True [0, 1, 2, 3, 4]\n", NativeModuleRun.run("import _heapq as H\n" + check
                + "a = [(i * 7919) % 1000 for i in range(1000)]; H.heapify(a)\n"
                + "b = [(i * 7919) % 5003 for i in range(5003)]; H.heapify(b)\n"
                + "print(ok(a), ok(b), [H.heappop(b) for _ in range(5)])\n"));
    }

    @Test
    void keepTopBitIsTheHighestPowerOfTwo() {
        assertEquals(1024, HeapqModule.keepTopBit(2047));
        assertEquals(2048, HeapqModule.keepTopBit(2048));
        assertEquals(1, HeapqModule.keepTopBit(1));
    }

    @Test
    void bisectAppliesTheKeyToProbedItemsOnly() {
        assertEquals("2 [(1, 'a'), (2, 'b'), (3, 'x'), (3, 'c')]\n", NativeModuleRun.run("import _bisect as B\n"
                + "r = [(1, 'a'), (2, 'b'), (3, 'c')]\nk = lambda t: t[0]\nprint(B.bisect_left(r, 3, key=k), end=' ')\n"
                + "B.insort_left(r, (3, 'x'), key=k)\nprint(r)\n"));
    }
}
