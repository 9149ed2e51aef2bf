package dev.refheap.conformance;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ConformanceStressTest's child workers judge a program as this JVM does: a program that passes
 * here passes there, and a heap inconsistency comes back as the same exception with the same
 * message (addresses aside: each JVM maps its own memory), so a failure reads the same whichever
 * worker ran the program.
 */
class StressWorkersTest {

    @Test
    void aChildReportsWhatThisJvmFinds() throws Exception {
        Path dir = Path.of("target", "stress-workers-test");
        Files.createDirectories(dir);
        // A refcount raised behind the VM's back: the exact check must report it.
        Path leak = dir.resolve("raised_refcount.py");
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

        try (StressWorkers run = new StressWorkers(programs, Map.of(), 2, false)) {
            assertNull(run.result(fine));
            Throwable there = run.result(leak);
            assertNotNull(there, "the child found nothing");
            assertEquals(here.getClass(), there.getClass());
            assertEquals(normalized(here.getMessage()), normalized(there.getMessage()));
        }
    }

    private static String normalized(String s) {
        return s.replaceAll("0x[0-9a-f]+", "0xADDR");
    }
}
