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

    @Test
    void lruCacheWrapperCountsHitsAndMissesAndEvictsTheLeastRecentlyUsed() {
        assertEquals("[1, 2, 3] CacheInfo(hits=2, misses=3, maxsize=2, currsize=2) 152\n", NativeModuleRun.run(
                "import _functools as F, collections\nInfo = collections.namedtuple('CacheInfo', 'hits misses maxsize currsize')\n"
                + "calls = []\ndef f(x):\n    calls.append(x)\n    return x\n"
                + "w = F._lru_cache_wrapper(f, 2, False, Info)\n"
                + "for x in (1, 2, 1, 3, 1):\n    w(x)\n"  // the second 1 hits; 3 evicts 2, used least recently; the last 1 hits
                + "print(calls, w.cache_info(), type(w).__basicsize__)\n"));
    }

    @Test
    void aCachedResultIsHeldByItsLinkUntilTheCacheIsCleared() {
        String program = "import _functools as F, sys, collections\nInfo = collections.namedtuple('I', 'a b c d')\n"
                + "r = object(); w = F._lru_cache_wrapper(lambda k: r, 8, False, Info)\nr0 = sys.getrefcount(r)\n"
                + "w(1); w(1); a = sys.getrefcount(r) - r0\nw.cache_clear(); print(a, sys.getrefcount(r) - r0)\n";
        assertEquals("1 0\n", NativeModuleRun.run(program));
        assertEquals("1 0\n", NativeModuleRun.run(program, true));
    }
}
