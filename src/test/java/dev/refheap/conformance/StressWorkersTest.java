package dev.refheap.conformance;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/**
 * ConformanceStressTest's child workers judge a program as this JVM does (a program that passes
 * here passes there, and a heap inconsistency comes back as the same exception with the same
 * message, addresses aside: each JVM maps its own memory); no program they run can see a worker
 * JVM as its child; a worker that dies or hangs fails its program, with its output, and the
 * programs after it still run.
 */
class StressWorkersTest {
    private static final Path DIR = Path.of("target", "stress-workers-test");

    @Test
    void aChildReportsWhatThisJvmFinds() throws Exception {
        Files.createDirectories(DIR);
        // A refcount raised behind the VM's back: the exact check must report it.
        Path leak = DIR.resolve("raised_refcount.py");
        Files.writeString(leak, "import ctypes\nx = []\nctypes.c_ssize_t.from_address(id(x)).value += 1\ny = [x]\n");
        Path fine = Path.of("tests/conformance/refcount/list_operations.py");
        List<Path> programs = List.of(fine, leak);

        Throwable here = null;
        try {
            ConformanceStressTest.check(leak, 1);
        } catch (Throwable t) {
            here = t;
        }
        assertNotNull(here, "the raised refcount went unnoticed");
        assertTrue(here.getMessage().contains("heap verification failed"), here.toString());
        ConformanceStressTest.check(fine, 1);

        try (StressWorkers run = new StressWorkers(programs, Map.of(), 2)) {
            assertNull(run.result(fine));
            Throwable there = run.result(leak);
            assertNotNull(there, "the child found nothing");
            assertEquals(here.getClass(), there.getClass());
            assertEquals(normalized(here.getMessage()), normalized(there.getMessage()));
        }
    }

    /**
     * Session 24's two-worker run ran programs in the test's JVM beside a child worker JVM: a
     * program waiting for any child (os.wait()) waited for the worker. Every program, run as the
     * stress test runs them with several workers, must find no child it did not start: here
     * os.waitpid(-1, os.WNOHANG) must raise ChildProcessError, as under CPython, in each of
     * several programs (one more than there are workers: in session 24's design some of them
     * ran in the test's JVM beside the worker, and this test failed there: "a child: (0, 0)").
     */
    @Test
    void noProgramSeesAWorkerJvmAsItsChild() throws Throwable {
        Files.createDirectories(DIR);
        List<Path> programs = new ArrayList<>();
        int workers = Math.max(2, ConformanceStressTest.workers());
        for (int i = 0; i < workers + 1; i++) {
            Path p = DIR.resolve("waits_for_any_child_" + i + ".py");
            Files.deleteIfExists(Path.of(p + ".out"));
            Files.writeString(p, """
                    import os
                    try:
                        seen = 'a child: %r' % (os.waitpid(-1, os.WNOHANG),)
                    except ChildProcessError:
                        seen = 'no child'
                    with open(__file__ + '.out', 'w') as f:
                        f.write('%s %d %s\\n' % (seen, os.getpid(), os.getpgrp() == os.getpid()))
                    """);
            programs.add(p);
        }
        try (Stream<DynamicTest> tests = ConformanceStressTest.tests(programs, Map.of(), Set.of(), workers)) {
            for (DynamicTest t : tests.toList()) t.getExecutable().execute();
        }
        boolean ownSession = Files.isExecutable(Path.of("/usr/bin/setsid"));
        for (Path p : programs) {
            String[] out = Files.readString(Path.of(p + ".out")).trim().split(" ");
            assertEquals("no child", out[0] + " " + out[1], p + " saw a child process it did not start: " + String.join(" ", out));
            assertNotEquals(ProcessHandle.current().pid(), Long.parseLong(out[2]), p + " ran in the test's JVM");
            // each worker leads a session of its own: a signal to the program's process group reaches its worker only
            if (ownSession) assertEquals("True", out[3], p + ": its worker is not its process group's leader");
        }
    }

    /**
     * A worker that exits mid-program or stops answering fails that program, with its output
     * (for the hung one: its name, printed before the program starts, however slow the machine
     * is then); the programs after it run on a fresh worker.
     */
    @Test
    void aDeadOrHungWorkerFailsItsProgramOnlyWithItsOutput() throws Exception {
        Files.createDirectories(DIR);
        Path exits = DIR.resolve("exits_mid_program.py");
        Files.writeString(exits, "import os\nprint('about to leave', flush=True)\nos._exit(7)\n");
        Path hangs = DIR.resolve("hangs.py");
        Files.writeString(hangs, "import time\nprint('about to sleep', flush=True)\ntime.sleep(3600)\n");
        Path fine = Path.of("tests/conformance/refcount/list_operations.py"), alsoFine = fine.resolveSibling("dict_operations.py");
        try (StressWorkers run = new StressWorkers(List.of(exits, fine), Map.of(), 1)) {
            Throwable died = run.result(exits);
            assertNotNull(died, "a worker's exit passed");
            assertTrue(died.getMessage().contains(exits + ": the stress worker process running it failed") && died.getMessage().contains("exit 7")
                    && died.getMessage().contains("about to leave"), died.getMessage());
            assertNull(run.result(fine));
        }
        try (StressWorkers run = new StressWorkers(List.of(hangs, alsoFine), Map.of(), 1, 15)) {
            Throwable hung = run.result(hangs);
            assertNotNull(hung, "a hung worker passed");
            assertTrue(hung.getMessage().contains(hangs + ": the stress worker process running it did not answer within 15 s")
                    && hung.getMessage().contains("== stress worker ") && hung.getMessage().contains(": " + hangs), hung.getMessage());
            assertNull(run.result(alsoFine));
        }
    }

    private static String normalized(String s) {
        return s.replaceAll("0x[0-9a-f]+", "0xADDR");
    }
}
