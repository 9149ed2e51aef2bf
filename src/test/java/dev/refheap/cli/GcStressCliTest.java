package dev.refheap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code refheap run --gc-stress}: a consistent heap is silent; an inconsistent one is reported, status 70, no Java stack trace. */
class GcStressCliTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    private Run refheap(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                dev.refheap.CrashGuard.errorFileFlag(), "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished");
        Run r = new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        assertFalse(r.err.contains("\tat ") || r.err.contains("Exception in thread"), "no Java stack trace:\n" + r.err);
        return r;
    }

    @Test
    void aConsistentProgramRunsSilently() throws Exception {
        Files.writeString(dir.resolve("ok.py"), "class C:\n    def __init__(self):\n        self.me = self\nfor i in range(20):\n    C()\nprint('done')\n");
        Run r = refheap("run", "--gc-stress", "ok.py");
        assertEquals(new Run(0, "done\n", ""), r);
    }

    @Test
    void anUncaughtExceptionIsNotALeak() throws Exception {
        Files.writeString(dir.resolve("raise.py"), "raise ValueError('x')\n");
        Run r = refheap("--gc-stress", "run", "raise.py");
        assertEquals(1, r.status);
        assertTrue(r.err.endsWith("ValueError: x\n"), "only the traceback:\n" + r.err);
    }

    @Test
    void aRefcountFaultStopsTheProgramWithStatus70() throws Exception {
        Files.writeString(dir.resolve("fault.py"), "import ctypes\nx = []\nctypes.c_ssize_t.from_address(id(x)).value += 1\nprint('before')\ny = [1]\nprint('after')\n");
        Run r = refheap("run", "--gc-stress", "fault.py");
        assertEquals(70, r.status);
        assertEquals("before\n", r.out);
        assertTrue(r.err.startsWith("refheap: --gc-stress: heap verification failed (exact check)"), r.err);
        assertTrue(r.err.contains("refcount of <list"), r.err);
    }

    @Test
    void bug_verificationFailureAfterTheProgramExits70() throws Exception {
        // the fault comes with the last statement: no allocation follows, so only the check after the program sees it
        Files.writeString(dir.resolve("late.py"), "import ctypes\nx = []\np = ctypes.c_ssize_t.from_address(id(x))\nprint('before')\np.value += 1\n");
        Run r = refheap("run", "--gc-stress", "late.py");
        assertEquals("before\n", r.out);
        assertTrue(r.err.startsWith("refheap: --gc-stress: heap verification failed after the program:\n  refcount of <list"), r.err);
        assertEquals(70, r.status);
    }
}
