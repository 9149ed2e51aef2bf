package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** _collections.deque: block geometry (sizeof), the free-block cache, clear's re-entrancy, stress. */
class DequeTest {
    @Test
    void sizeCountsBlocksFromLeftindex() {
        // empty: one block centred (leftindex 32); extend from empty starts at index 1; appendleft goes left of centre
        assertEquals("760 760 1288 760\n", NativeModuleRun.run("from _collections import deque\nimport sys\n"
                + "d = deque(); a = sys.getsizeof(d); d.extend(range(63)); b = sys.getsizeof(d); d.append(0); c = sys.getsizeof(d)\n"
                + "e = deque(); e.appendleft(1)\nprint(a, b, c, sys.getsizeof(e))\n"));
    }

    @Test
    void clearSurvivesAFinalizerThatMutatesTheDeque() {
        assertEquals("deque([1]) 0\n", NativeModuleRun.run("from _collections import deque\n"
                + "class A:\n    def __del__(self):\n        d.append(1)\n"
                + "d = deque([A(), A()])\nd.clear()\nx = d.pop(); d.clear(); d.append(1)\nprint(d, 0)\n"));
    }

    @Test
    void heapStaysConsistentUnderStress() {
        String program = "from _collections import deque\nd = deque(range(300))\nd.rotate(77); d.rotate(-140)\n"
                + "for i in range(250): d.popleft()\nd.extendleft(range(70)); d.insert(5, d)\nprint(len(d), d.count(3))\n"
                + "del d\nimport gc\ngc.collect()\n";
        assertEquals(NativeModuleRun.run(program), NativeModuleRun.run(program, true));
    }
}
