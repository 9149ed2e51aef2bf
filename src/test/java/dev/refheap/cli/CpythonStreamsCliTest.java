package dev.refheap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under {@code --startup=cpython} the standard streams are CPython's io objects (init_sys_streams)
 * and what the interpreter writes to stderr goes through them: what a user sees (the objects,
 * the order of stdout and stderr, the errors of a full or closed stdout, exit statuses) is
 * python3's. Every expected text and status below is what CPython 3.11.7 printed for the same
 * command (a clean venv, PYTHONUNBUFFERED unset, LC_ALL=C.UTF-8).
 */
class CpythonStreamsCliTest {
    @TempDir
    Path dir;

    /** python3's environment for these figures: buffered streams, the C.UTF-8 locale. */
    private static Consumer<ProcessBuilder> env(Consumer<ProcessBuilder> more) {
        return pb -> {
            pb.environment().remove("PYTHONUNBUFFERED");
            pb.environment().remove("PYTHONIOENCODING");
            pb.environment().put("LC_ALL", "C.UTF-8");
            more.accept(pb);
        };
    }

    private CliRun run(Consumer<ProcessBuilder> setup, String code) throws Exception {
        return CliRun.in(dir, env(setup), "--startup=cpython", "-c", code);
    }

    @Test
    void theStreamsAreTextIOWrappersOverBufferedFileIO() throws Exception {
        CliRun r = run(pb -> pb.redirectInput(new File("/dev/null")), """
                import sys
                for s in (sys.stdin, sys.stdout, sys.stderr):
                    print(repr(s), s.encoding, s.errors, s.line_buffering, s.write_through, s.buffer, s.buffer.raw, s.newlines)
                print(sys.stdin is sys.__stdin__, sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
                """);
        assertEquals("""
                <_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'> utf-8 surrogateescape False False <_io.BufferedReader name='<stdin>'> <_io.FileIO name='<stdin>' mode='rb' closefd=False> None
                <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'> utf-8 surrogateescape False False <_io.BufferedWriter name='<stdout>'> <_io.FileIO name='<stdout>' mode='wb' closefd=False> None
                <_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'> utf-8 backslashreplace True False <_io.BufferedWriter name='<stderr>'> <_io.FileIO name='<stderr>' mode='wb' closefd=False> None
                True True True
                """, r.out());
    }

    @Test
    void unbufferedWritersAreFileIOsThatWriteThrough() throws Exception {
        CliRun r = CliRun.in(dir, env(pb -> pb.redirectInput(new File("/dev/null"))), "--startup=cpython", "-u", "-c",
                "import sys\nprint(sys.stdout.buffer, sys.stdout.write_through, sys.stdout.line_buffering, sys.stdin.buffer, sys.stdin.write_through)");
        assertEquals("<_io.FileIO name='<stdout>' mode='wb' closefd=False> True False <_io.BufferedReader name='<stdin>'> True\n", r.out());
    }

    @Test
    void stdoutAndStderrInterleaveAsPython3s() throws Exception {
        // one pipe for both: stdout is block-buffered until input() flushes it, stderr line-buffered,
        // the traceback written through sys.stderr after what is pending there; stdout flushed at exit
        Path in = dir.resolve("in.txt");
        java.nio.file.Files.writeString(in, "line1\n");
        CliRun r = run(pb -> {
            pb.redirectInput(in.toFile());
            pb.redirectErrorStream(true);
        }, """
                import sys
                print('a')
                sys.stderr.write('partial-')
                print('b', file=sys.stderr)
                x = input('prompt> ')
                print('got', x)
                sys.stderr.write('no newline')
                raise ValueError('v')
                """);
        assertEquals("partial-b\na\nprompt> no newlineTraceback (most recent call last):\n  File \"<string>\", line 8, in <module>\n"
                + "ValueError: v\ngot line1\n", r.out());
        assertEquals(1, r.status());
    }

    @Test
    void aFullDeviceIsReportedByTheFlushAtExit() throws Exception {
        CliRun r = run(pb -> pb.redirectOutput(new File("/dev/full")), "print(1)");
        assertEquals("Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n"
                + "OSError: [Errno 28] No space left on device\n", r.err());
        assertEquals(120, r.status());
    }

    @Test
    void aChunkWrittenToAFullDeviceRaisesInPrintAndIsDropped() throws Exception {
        // 10,001 pending bytes go to the buffer at once; their write fails, and they are gone: the exit flush has nothing to write
        CliRun r = run(pb -> pb.redirectOutput(new File("/dev/full")), "print('x' * 10000)\nprint('never')");
        assertEquals("Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nOSError: [Errno 28] No space left on device\n", r.err());
        assertEquals(1, r.status());
    }

    @Test
    void aClosedStdoutIsNotFlushedAtExit() throws Exception {
        CliRun r = run(pb -> { }, "import sys\nprint('x')\nsys.stdout.close()\nprint('y', file=sys.stderr)\nprint('z')");
        assertEquals("x\n", r.out());
        assertEquals("y\nTraceback (most recent call last):\n  File \"<string>\", line 5, in <module>\nValueError: I/O operation on closed file.\n", r.err());
        assertEquals(1, r.status());
    }

    @Test
    void aBrokenPipeRaisesInPrintOnce() throws Exception {
        // refheap --startup=cpython -c '...' | head -1: the failed chunk is dropped, so the exit flush does not fail again
        List<String> cmd = new ArrayList<>(CliRun.command("--startup=cpython", "-c", "for i in range(100000): print(i)"));
        ProcessBuilder pb = CliRun.builder(dir, cmd);
        env(b -> { }).accept(pb);
        Process p = pb.start();
        var err = p.getErrorStream();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("0", out.readLine());
        out.close();
        String e = new String(err.readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nBrokenPipeError: [Errno 32] Broken pipe\n", e);
        assertEquals(1, p.exitValue());
    }

    @Test
    void printHoldsWhatItWroteUntilTheChunkIsFull() throws Exception {
        // TextIOWrapper's pending_bytes: the printed str itself, then a list of the pieces; a flush lets them go
        CliRun r = run(pb -> { }, """
                import sys
                s = 'hello'
                a = sys.getrefcount(s)
                print(s)
                b = sys.getrefcount(s)
                print(s, s)
                c = sys.getrefcount(s)
                sys.stdout.flush()
                d = sys.getrefcount(s)
                print(b - a, c - a, d - a, file=sys.stderr)
                """);
        assertEquals("hello\nhello hello\n", r.out());
        assertEquals("1 3 0\n", r.err());
    }

    @Test
    void anUnraisableReportThroughTheRealStderrAllocatesAsCpythons() throws Exception {
        // the report's writes go through sys.stderr's TextIOWrapper (pending list) and BufferedWriter
        // (a memoryview and its managed buffer per raw write): the collections they start are CPython's
        java.nio.file.Files.writeString(dir.resolve("unr.py"), CliOutputErrorsTest.UNRAISABLE_COLLECTIONS);
        assertEquals("11 (0, 11, 0)\n", CliRun.in(dir, env(pb -> { }), "--startup=cpython", "run", "unr.py").out());
    }
}
