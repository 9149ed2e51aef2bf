package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** _collections.defaultdict: layout, __missing__ through a subclass's __setitem__, the factory's release, stress. */
class DefaultDictTest {
    @Test
    void sizeIsDictsPlusTheFactorySlot() {
        // CPython 3.11: 56 + the GC head; a subclass adds __weakref__ (64) and the managed-dict pre-header
        assertEquals("72 96 True\n", NativeModuleRun.run("from _collections import defaultdict\nimport sys\n"
                + "class E(defaultdict): pass\nprint(sys.getsizeof(defaultdict()), sys.getsizeof(E()), isinstance(E(), dict))\n"));
    }

    @Test
    void missingStoresThroughTheSubclassSetitem() {
        assertEquals("set k\n[] {'k': []}\n", NativeModuleRun.run("from _collections import defaultdict\n"
                + "class L(defaultdict):\n    def __setitem__(self, k, v):\n        print('set', k)\n        super().__setitem__(k, v)\n"
                + "d = L(list)\nv = d['k']\nprint(v, dict(d))\n"));
    }

    @Test
    void heapStaysConsistentUnderStress() {
        String program = "from _collections import defaultdict\nd = defaultdict(list)\nfor i in range(50): d[i % 7].append(i)\n"
                + "d['self'] = d\nc = d.copy()\nprint(len(c), repr(defaultdict(None))[:20])\ndel d, c\nimport gc\ngc.collect()\n";
        assertEquals(NativeModuleRun.run(program), NativeModuleRun.run(program, true));
    }
}
