package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** _thread on one thread: waits that could only end by another thread are refused by name; locals keep one dict. */
class ThreadModuleTest {
    @Test
    void waitingForeverOnAHeldLockIsARuntimeErrorNamingTheDeadlock() {
        assertEquals("RuntimeError deadlock\nFalse\n", NativeModuleRun.run("import _thread\nl = _thread.allocate_lock(); l.acquire()\n"
                + "try:\n    l.acquire()\nexcept RuntimeError as e:\n    print('RuntimeError', str(e).split(':')[0])\nprint(l.acquire(False))\n"));
    }

    @Test
    void startingAThreadIsRefusedByName() {
        assertEquals("True\n", NativeModuleRun.run("import _thread\ntry:\n    _thread.start_new_thread(print, ())\n"
                + "except RuntimeError as e:\n    print('start_new_thread' in str(e))\n"));
    }

    @Test
    void aLocalInACycleIsCollectedUnderStress() {
        assertEquals("None\n", NativeModuleRun.run("import _thread, gc, weakref\nl = _thread._local(); l.me = l; w = weakref.ref(l)\n"
                + "del l\ngc.collect()\nprint(w())\n", true));
    }
}
