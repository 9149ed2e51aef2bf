package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** faulthandler: dump_traceback writes the frames as 3.11's does; the signal handlers are refused by name. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FaulthandlerModuleTest {
    @Test
    void dumpTracebackOfTheCurrentThreadListsItsFramesMostRecentFirst() {
        assertEquals("Stack (most recent call first):\n  File \"<test>\", line 2 in f\n  File \"<test>\", line 3 in <module>\n",
                NativeModuleRun.run("import faulthandler, sys\ndef f(): faulthandler.dump_traceback(sys.stdout, all_threads=False)\nf()\n"));
    }

    @Test
    void dumpTracebackOfAllThreadsShowsTheOtherThreadsFirst() {
        String out = NativeModuleRun.run("import faulthandler, sys, threading\nev = threading.Event(); go = threading.Event()\n"
                + "def w():\n    ev.set()\n    go.wait()\nt = threading.Thread(target=w)\nt.start()\nev.wait()\n"
                + "faulthandler.dump_traceback(sys.stdout)\ngo.set()\nt.join()\n");
        String[] lines = out.split("\n");
        assertEquals(true, lines[0].matches("Thread 0x[0-9a-f]{16} \\(most recent call first\\):"), out);
        assertEquals(true, out.contains("  File \"<test>\", line 5 in w\n"), out);
        assertEquals(true, out.contains("\nCurrent thread 0x"), out);
        assertEquals(true, out.endsWith("  File \"<test>\", line 9 in <module>\n"), out);
    }

    @Test
    void theFaultHandlersAreRefusedByName() {
        assertEquals("False refheap does not support faulthandler.enable yet\n", NativeModuleRun.run("import faulthandler\n"
                + "try:\n    faulthandler.enable()\nexcept NotImplementedError as e:\n    print(faulthandler.is_enabled(), e)\n"));
    }
}
