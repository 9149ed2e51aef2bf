package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** _functools: partial's heap-type layout and flattening, cmp_to_key's wrapper, reduce. */
class FunctoolsModuleTest {
    @Test
    void partialIsAHeapTypeOf64Bytes() {
        // each instance holds its type: traverse visits it first, and the type's refcount follows the instances
        assertEquals("80 ['type', 'function', 'tuple', 'dict'] 1 0\n", NativeModuleRun.run("import _functools as F, sys, gc\n"
                + "def f(): pass\np = F.partial(f)\n"
                + "t = sys.getrefcount(F.partial); q = F.partial(f); d1 = sys.getrefcount(F.partial) - t; del q\n"
                + "print(sys.getsizeof(p), [type(r).__name__ for r in gc.get_referents(p)], d1, sys.getrefcount(F.partial) - t)\n"));
    }

    @Test
    void partialOfPartialIsFlattenedUnlessItHasADict() {
        assertEquals("True (1, 2) {'a': 1, 'b': 2} False\n", NativeModuleRun.run("import _functools as F\n"
                + "def f(*a, **k): pass\np = F.partial(f, 1, a=1)\nq = F.partial(p, 2, b=2)\n"
                + "p.x = 1\nr = F.partial(p)\nprint(q.func is f, q.args, q.keywords, r.func is f)\n"));
    }

    @Test
    void cmpToKeyOrdersByCmp() {
        assertEquals("[3, 2, 1] True\n", NativeModuleRun.run("import _functools as F\n"
                + "K = F.cmp_to_key(lambda a, b: b - a)\nprint(sorted([1, 3, 2], key=K), K(1) > K(2))\n"));
    }

    @Test
    void reduceReleasesEverythingOnError() {
        String program = "import _functools as F, sys\nx = object(); r0 = sys.getrefcount(x)\n"
                + "def bad(a, b):\n    raise ValueError(b)\n"
                + "try:\n    F.reduce(bad, [x, x, x], x)\nexcept ValueError:\n    pass\nprint(sys.getrefcount(x) - r0)\n";
        assertEquals("0\n", NativeModuleRun.run(program));
        assertEquals("0\n", NativeModuleRun.run(program, true));
    }
}
