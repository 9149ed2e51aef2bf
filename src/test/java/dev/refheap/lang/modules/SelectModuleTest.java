package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** posix.SelectModule: select.poll objects (CPython's 48-byte pollObject) and select.select, both over ppoll. */
class SelectModuleTest {
    @Test
    void pollObjectHasCPythonsSizeAndIsNotTracked() {
        assertEquals("48 False []\n", NativeModuleRun.run("import select, sys, gc\np = select.poll()\n"
                + "print(sys.getsizeof(p), gc.is_tracked(p), gc.get_referents(p))\n"));
    }

    @Test
    void pollReportsAReadablePipeAfterAWrite() {
        assertEquals("[] [1]\n", NativeModuleRun.run("import os, select\nr, w = os.pipe()\np = select.poll()\n"
                + "p.register(r, select.POLLIN)\na = p.poll(0)\nos.write(w, b'x')\nprint(a, [ev for fd, ev in p.poll(0)])\n"));
    }

    @Test
    void selectRaisesEbadfForAClosedDescriptor() {
        assertEquals("9\n", NativeModuleRun.run("import os, select\nr, w = os.pipe()\nos.close(r)\n"
                + "try:\n    select.select([r], [], [], 0)\nexcept OSError as e:\n    print(e.errno)\n"));
    }

    @Test
    void unregisteringTwiceIsKeyError() {
        assertEquals("KeyError\n", NativeModuleRun.run("import select\np = select.poll()\np.register(0)\np.unregister(0)\n"
                + "try:\n    p.unregister(0)\nexcept KeyError:\n    print('KeyError')\n"));
    }
}
