package dev.refheap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit path (`Runtime.finalizeAtExit`) under programs that leave the runtime's own objects in
 * odd states. Expected outputs are python3 3.11.7's for the same files.
 */
class RobustExitTest {
    @TempDir
    Path dir;

    /** gc.callbacks is the collector's own list: it outlives the gc module, and only PyGC_Collect() at exit calls it. */
    @Test
    void bug_gcCallbacksAtExitUseAfterRelease() throws Exception {
        Files.writeString(dir.resolve("p.py"), """
                import gc
                def cb(phase, info):
                    print(phase, info)
                gc.callbacks.append(cb)
                print(gc.collect())
                class A:
                    def __del__(self): print("del A")
                a = A(); a.self = a
                b = A(); b.self = b
                del b
                """);
        CliRun r = CliRun.in(dir, "run", "p.py");
        assertEquals("", r.err());
        assertEquals(0, r.status());
        // python3: the exit collection that still has the modules calls the callbacks; a's __del__
        // never runs (cb keeps the main module's globals alive through gc.callbacks).
        assertEquals("""
                start {'generation': 2, 'collected': 0, 'uncollectable': 0}
                stop {'generation': 2, 'collected': 0, 'uncollectable': 0}
                0
                start {'generation': 2, 'collected': 0, 'uncollectable': 0}
                del A
                stop {'generation': 2, 'collected': 1, 'uncollectable': 0}
                """, r.out());
    }

    @Test
    void bug_gcModuleStateRebindAtExit() throws Exception {
        Files.writeString(dir.resolve("p.py"), """
                import gc, weakref
                gc.set_debug(gc.DEBUG_SAVEALL)
                class A:
                    def __del__(self): print("del")
                def cb(phase, info):
                    if phase == 'stop': print('cb', info['generation'])
                gc.callbacks.append(cb)
                gc.callbacks.append(cb)
                del gc.garbage
                gc.callbacks = 5
                a = A(); a.self = a
                l = []; l.append(l)
                del l
                def fin(): print('fin')
                weakref.finalize(a, fin)
                gc.disable()
                """);
        CliRun r = CliRun.in(dir, "run", "p.py");
        assertEquals("", r.err());
        assertEquals(0, r.status());
        assertEquals("fin\n", r.out());
    }
}
