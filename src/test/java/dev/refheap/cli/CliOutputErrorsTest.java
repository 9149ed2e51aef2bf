package dev.refheap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write to stdout or stderr is an error the user sees, as with python3 (issue 7). */
class CliOutputErrorsTest {
    @TempDir
    Path dir;

    private static final String IGNORED_FULL = "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n"
            + "OSError: [Errno 28] No space left on device\n";

    @Test
    void bug_printToAFullDeviceIsReportedAtExit() throws Exception {
        // python3: stdout block-buffered, the flush at exit fails: "Exception ignored", status 120
        CliRun r = CliRun.in(dir, pb -> pb.redirectOutput(new File("/dev/full")), "-c", "print(1)");
        assertEquals(IGNORED_FULL, r.err());
        assertEquals(120, r.status());
    }

    @Test
    void bug_flushToAFullDeviceRaisesOSError() throws Exception {
        CliRun r = CliRun.in(dir, pb -> pb.redirectOutput(new File("/dev/full")), "-c",
                "import sys\nprint(1)\ntry:\n    sys.stdout.flush()\nexcept OSError as e:\n    print(type(e).__name__, e, file=sys.stderr)\n");
        assertEquals("OSError [Errno 28] No space left on device\n" + IGNORED_FULL, r.err());
        assertEquals(120, r.status());
    }

    @Test
    void bug_overflowingWriteToAFullDeviceRaisesInPrint() throws Exception {
        CliRun r = CliRun.in(dir, pb -> pb.redirectOutput(new File("/dev/full")), "-c", "print('x' * 10000)\nprint('never')");
        assertEquals("Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nOSError: [Errno 28] No space left on device\n", r.err());
        assertEquals(1, r.status());
    }

    @Test
    void bug_unbufferedPrintToAFullDeviceRaisesInPrint() throws Exception {
        CliRun r = CliRun.in(dir, pb -> {
            pb.redirectOutput(new File("/dev/full"));
            pb.environment().put("PYTHONUNBUFFERED", "1");
        }, "-c", "print(1)\nprint('never')");
        assertEquals("Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nOSError: [Errno 28] No space left on device\n", r.err());
        assertEquals(1, r.status());
    }

    @Test
    void bug_stderrToAFullDeviceExits120() throws Exception {
        CliRun r = CliRun.in(dir, pb -> pb.redirectError(new File("/dev/full")), "-c", "raise ValueError");
        assertEquals(120, r.status());
    }

    @Test
    void bug_brokenPipeIsReportedAsBrokenPipeError() throws Exception {
        // refheap -c '...' | head -1
        Process p = CliRun.builder(dir, CliRun.command("-c", "for i in range(100000): print(i)")).start();
        var err = p.getErrorStream();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("0", out.readLine());
        out.close();
        String e = new String(err.readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nBrokenPipeError: [Errno 32] Broken pipe\n", e);
        assertEquals(1, p.exitValue());
    }
}
