package dev.refheap;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The crash guard finds the report a crashed JVM leaves (issue 7). */
class CrashGuardTest {
    /** A JVM that crashes: a native read at address 8. */
    public static final class Crash {
        public static void main(String[] args) {
            System.out.println(MemorySegment.ofAddress(8).reinterpret(8).get(ValueLayout.JAVA_LONG, 0));
        }
    }

    @Test
    void bug_aCrashedJvmsReportIsFound() throws Exception {
        Set<Path> before = CrashGuard.snapshot();
        Process p = CrashGuard.launched(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                CrashGuard.errorFileFlag(), "-XX:-CreateCoredumpOnCrash", "-Xshare:auto", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Crash.class.getName())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertNotEquals(0, p.exitValue(), "the JVM crashed");
        List<Path> fresh = CrashGuard.newReports(before);
        try {
            assertEquals(List.of(CrashGuard.ERROR_DIR.resolve("hs_err_pid" + p.pid() + ".log")), fresh);
            assertTrue(Files.readString(fresh.get(0)).contains("SIGSEGV"));
        } finally {
            for (Path f : fresh) Files.deleteIfExists(f);  // this test's crash was on purpose: the guard must not fail it
        }
        assertEquals(List.of(), CrashGuard.newReports(before));
    }
}
