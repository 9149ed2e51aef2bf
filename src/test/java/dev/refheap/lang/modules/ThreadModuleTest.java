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

    @Test
    void anRLockSubclassHasItsLayoutAndWorksUnderStress() {
        assertEquals("80 True 0x85610 -72 True\nTrue 2 False\nR None\n", NativeModuleRun.run("import _thread, gc, sys, weakref\n"
                + "class R(_thread.RLock): pass\nr = R(); r.me = r; w = weakref.ref(r)\n"
                + "print(sys.getsizeof(r), gc.is_tracked(r), hex(R.__flags__), R.__dictoffset__, w() is r)\n"
                + "r.acquire(); print(r.acquire(), r._recursion_count(), r.release() or r.release() or r._is_owned())\n"
                + "print(repr(r).split()[1], (r.__dict__.clear(), None)[1])\ndel r\ngc.collect()\n", true));
    }

    @Test
    void localsWrappersDoTheLocalsLookupWithoutRecursingThroughASubclass() {
        assertEquals("['__new__', '__getattribute__', '__setattr__', '__delattr__', '__doc__', '__module__']\n2 4 False\nrefused\n",
                NativeModuleRun.run("import _thread\nL = _thread._local\nprint(list(L.__dict__))\n"
                + "class S(L):\n    def __getattribute__(self, n): return L.__getattribute__(self, n)\n"
                + "    def __setattr__(self, n, v): L.__setattr__(self, n, v * 2)\n"
                + "s = S(); s.a = 1; L.__setattr__(s, 'b', 4)\nprint(s.a, s.b, hasattr(object.__getattribute__(s, '__dict__'), 'a'))\n"
                + "try:\n    object.__setattr__(s, 'c', 1)\nexcept TypeError:\n    print('refused')\n", true));
    }
}
