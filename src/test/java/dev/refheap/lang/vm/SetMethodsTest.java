package dev.refheap.lang.vm;

import static dev.refheap.lang.modules.NativeModuleRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link SetMethods}: set's algebra with CPython 3.11's copies, resizes, temporaries and order of
 * {@code __hash__}/{@code __eq__} calls (expected values from python3 3.11.7).
 */
class SetMethodsTest {
    @Test
    void unionWithAListAddsKeyByKeyButOrWithASetMergesAfterOneResize() {
        assertEquals("728 472 472 216\n", run("import sys\ns = {1, 2, 3}\nt = set(s)\nt |= {4, 5}\n"
                + "print(sys.getsizeof(s.union([4, 5])), sys.getsizeof(s | {4, 5}), sys.getsizeof(t), sys.getsizeof(s | s))\n"));
    }

    @Test
    void inPlaceIntersectionTakesTheResultsTable() {
        assertEquals("216 [1, 2]\n", run("import sys\ns = set(range(100))\ns &= {1, 2}\nprint(sys.getsizeof(s), sorted(s))\n"));
    }

    @Test
    void issupersetOfAnIterableStopsAtTheFirstMissingItem() {
        assertEquals("False False\n", run("print({1}.issuperset([2, []]), {1}.isdisjoint([1, []]))\n"));
    }

    @Test
    void aSubclassArgumentIsReadThroughItsTableButIsdisjointIteratesIt() {
        assertEquals("[1, 2]\niter\nTrue\n", run("class S(set):\n    def __iter__(self):\n        print('iter')\n"
                + "        return super().__iter__()\nprint(sorted({1}.union(S([2]))))\nprint({1}.isdisjoint(S([2])))\n"));
    }

    @Test
    void varargsMethodsPackAnArgumentTuple() {
        // after a full collection the tuple free list is empty: the packed tuple is a new GC object
        // that goes to the free list when released, so count0 stays one higher than for the METH_O
        // isdisjoint (each call also leaves its list [1], freed to the list free list)
        assertEquals("2 1\n", run("import gc\ns = {1}\ndef d(f):\n    gc.collect()\n    c = gc.get_count()[0]\n    f()\n"
                + "    return gc.get_count()[0] - c\nprint(d(lambda: s.difference_update([1])) - d(lambda: s.discard(1)), "
                + "d(lambda: s.isdisjoint([1])) - d(lambda: s.discard(1)))\n"));
    }
}
