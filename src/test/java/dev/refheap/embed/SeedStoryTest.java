package dev.refheap.embed;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.memory.Native;
import dev.refheap.testing.VerifiedHeap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The seed notebook's story, told through the Java API. */
@ExtendWith(VerifiedHeap.class)
class SeedStoryTest {

    @Test
    void smallIntsAreSharedAndContiguous(PyHeap py) {
        {
            PyRef a = py.newInt(2), b = py.newInt(2), c = py.newInt(10), d = py.newInt(20);
            assertEquals(a.address(), b.address(), "a is b");
            assertEquals(256, c.address() - a.address());
            assertEquals(576, d.address() - a.address());
            a.release(); b.release(); c.release(); d.release();
            py.verifyOrThrow();
        }
    }

    @Test
    void dictCycleSurvivesDelAndIsCollected(PyHeap py) {
        {
            PyRef d1 = py.newDict(), d2 = py.newDict();
            d1.put("d2", d2);
            d2.put("d1", d1);
            assertEquals(2, d1.refcount());
            assertEquals(2, d2.refcount());
            long a1 = d1.address(), a2 = d2.address();
            d1.release();
            d2.release();
            assertEquals(1, Native.getLong(a1));
            assertEquals(1, Native.getLong(a2));
            py.verifyOrThrow();
            assertEquals(2, py.collect());
            assertEquals(0, Native.getLong(a1), "freed dict reads refcount 0");
            assertEquals(0, Native.getLong(a2));
            py.verifyOrThrow();
        }
    }

    @Test
    void emptyListIdIsReused(PyHeap py) {
        {
            PyRef l = py.newList();
            long first = l.address();
            l.release();
            PyRef again = py.newList();
            assertEquals(first, again.address(), "id([]) == id([])");
            again.release();
        }
    }
}
