package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The start-up's count of references the type dicts took over: once per dict, used up by take, past its first size. */
class OwnerCountsTest {
    @Test
    void eachDictCountsAnObjectOnceAndTakeUsesTheCountsUp() {
        OwnerCounts c = new OwnerCounts(4);
        c.nextDict();
        c.countOnce(0x1000);
        c.countOnce(0x1000);  // the same dict again: not counted twice
        c.countOnce(0x1010);
        c.nextDict();
        c.countOnce(0x1000);
        assertTrue(c.take(0x1000));
        assertTrue(c.take(0x1000));
        assertFalse(c.take(0x1000));
        assertTrue(c.take(0x1010));
        assertFalse(c.take(0x1010));
        assertFalse(c.take(0x2000));  // never counted
    }

    @Test
    void growsPastItsFirstSizeKeepingEveryCount() {
        OwnerCounts c = new OwnerCounts(2);
        for (int d = 0; d < 3; d++) {
            c.nextDict();
            for (long a = 1; a <= 5000; a++) c.countOnce(0x7f0000000000L + 16 * a);  // arena-like: 16-byte steps
        }
        for (long a = 1; a <= 5000; a++) {
            long o = 0x7f0000000000L + 16 * a;
            for (int k = 0; k < 3; k++) assertTrue(c.take(o), "count " + k + " of object " + a);
            assertFalse(c.take(o));
        }
    }
}
