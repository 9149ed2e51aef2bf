package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** _tracemalloc: requested sizes per line, frames innermost first, and tracing leaves gc counts and refcounts alone. */
class TracemallocModuleTest {
    @Test
    void tracesRequestedSizeWithLine() {
        assertEquals("[(0, 8033, (('<test>', 3),), 1)]\n", NativeModuleRun.run("""
                import _tracemalloc as t
                t.start()
                b = bytes(8000)
                print([x for x in t._get_traces() if x[1] == 8033])
                t.stop()
                """));
    }

    @Test
    void framesInnermostFirstUpToTheLimit() {
        assertEquals("(('<test>', 3), ('<test>', 5)) 2 None\n", NativeModuleRun.run("""
                import _tracemalloc as t
                def f():
                    return bytes(3000)
                def g():
                    return f()
                t.start(2)
                b = g()
                tb = t._get_object_traceback(b)
                t.stop()
                print(tb, t.get_traceback_limit(), t._get_object_traceback(b))
                """));
    }

    @Test
    void tracingMovesNoGcCountOrRefcount() {
        assertEquals("True True\n", NativeModuleRun.run("""
                import _tracemalloc as t, gc, sys
                x = object()
                gc.disable()
                c0 = gc.get_count(); r0 = sys.getrefcount(x)
                t.start()
                c1 = gc.get_count(); r1 = sys.getrefcount(x)
                t.stop()
                print(c0 == c1, r0 == r1)
                """));
    }

    @Test
    void peakFollowsFreesAndReset() {
        assertEquals("True True True\n", NativeModuleRun.run("""
                import _tracemalloc as t
                t.start()
                a, p0 = t.get_traced_memory()
                b = bytes(50000)
                del b
                c, p1 = t.get_traced_memory()
                t.reset_peak()
                d, p2 = t.get_traced_memory()
                t.stop()
                print(p1 - a >= 50033, c - a < 1000, p2 - d < 1000)
                """));
    }
}
