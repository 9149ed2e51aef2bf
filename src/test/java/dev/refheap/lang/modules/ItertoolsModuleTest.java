package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * itertools' native types: CPython 3.11's sizes (struct plus index arrays), traversal, the
 * result tuple reused while unshared, tee's 57-value links, and heap consistency under stress.
 */
class ItertoolsModuleTest {
    @Test
    void sizesAreCPythonStructs() {
        assertEquals("56 64 48 72 80 88 120 88 56\n", NativeModuleRun.run("import itertools as it, sys\n"
                + "print(*[sys.getsizeof(o) for o in [it.count(), it.cycle(''), it.repeat(1), it.islice('', 1), it.groupby(''),\n"
                + "    it.product('ab', repeat=3), it.permutations('abc', 2), it.combinations('abc', 2), it.tee('')[0]]])\n"));
    }

    @Test
    void teeDataObjectsLinkEvery57Values() {
        assertEquals("True False 512\n", NativeModuleRun.run("import itertools as it, gc, sys\n"
                + "a, b = it.tee(range(100))\n"
                + "d0 = gc.get_referents(a)[0]\n"
                + "for _ in range(58): next(a)\n"
                + "d1 = gc.get_referents(a)[0]\n"
                + "print(d1 in gc.get_referents(d0), d0 is d1, sys.getsizeof(d1))\n"));
    }

    @Test
    void resultTupleIsReusedOnlyWhenUnshared() {
        // the loop variable still holds the last tuple during next(): a copy, then that copy is reused (two ids, as CPython)
        assertEquals("2 6\n", NativeModuleRun.run("import itertools as it\n"
                + "print(len({id(t) for t in it.combinations(range(4), 2)}), len(set(map(id, list(it.combinations(range(4), 2))))))\n"));
    }

    @Test
    void groupbyOldGrouperIsExhaustedOnceGroupbyMovesOn() {
        assertEquals("a [] b ['b']\n", NativeModuleRun.run("import itertools as it\n"
                + "g = it.groupby('aab'); k1, g1 = next(g); k2, g2 = next(g)\nprint(k1, list(g1), k2, list(g2))\n"));
    }

    @Test
    void heapStaysConsistentUnderStress() {
        String program = "import itertools as it, gc\n"
                + "print(list(it.zip_longest('abc', 'x')), list(it.permutations('abc')), list(it.product('ab', 'cd')))\n"
                + "a, b = it.tee(iter(range(120))); print(sum(a), sum(b))\n"
                + "l = []; l.append(it.cycle([l])); del l; print(gc.collect())\n"
                + "print([(k, list(g)) for k, g in it.groupby('aabbbc')], list(it.accumulate(range(5), initial=1)))\n";
        assertEquals(NativeModuleRun.run(program), NativeModuleRun.run(program, true));
    }
}
