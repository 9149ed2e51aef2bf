package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** _thread with real threads: locks waited for with a timeout, a started thread's work joined through a lock; locals per thread. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ThreadModuleTest {
    @Test
    void waitingWithATimeoutOnAHeldLockGivesFalse() {
        assertEquals("False False\n", NativeModuleRun.run("import _thread\nl = _thread.allocate_lock(); l.acquire()\n"
                + "print(l.acquire(timeout=0.01), l.acquire(False))\n"));
    }

    @Test
    void aStartedThreadRunsAndReleasesTheLockItsStarterWaitsFor() {
        assertEquals("ran 3 True\n", NativeModuleRun.run("import _thread\nl = _thread.allocate_lock(); l.acquire()\nout = []\n"
                + "def f(a, b): out.append(a + b); l.release()\n"
                + "me = _thread.get_ident()\nident = _thread.start_new_thread(f, (1, 2))\nl.acquire()\nprint('ran', out[0], ident != me)\n"));
    }

    @Test
    void aLocalInACycleIsCollectedUnderStress() {
        assertEquals("None\n", NativeModuleRun.run("import _thread, gc, weakref\nl = _thread._local(); l.me = l; w = weakref.ref(l)\n"
                + "del l\ngc.collect()\nprint(w())\n", true));
    }
}
