package dev.refheap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A program on stdin, as python3 reads one (issue 7). */
class CliStdinTest {
    @TempDir
    Path dir;

    private CliRun withStdin(String program, String... args) throws Exception {
        Path in = Files.writeString(dir.resolve("stdin.txt"), program);
        return CliRun.in(dir, pb -> pb.redirectInput(in.toFile()), args);
    }

    @Test
    void bug_programPipedIntoRefheapRunsAsAScript() throws Exception {
        // echo '...' | refheap: no banner, no prompts; tracebacks name <stdin>
        CliRun r = withStdin("x = 1\nprint(x)\nprint(1 / 0)\n");
        assertEquals("1\n", r.out());
        assertEquals("Traceback (most recent call last):\n  File \"<stdin>\", line 3, in <module>\nZeroDivisionError: division by zero\n", r.err());
        assertEquals(1, r.status());
    }

    @Test
    void bug_dashReadsTheProgramFromStdin() throws Exception {
        CliRun r = withStdin("print('from stdin')\n", "-");
        assertEquals(new CliRun(0, "from stdin\n", ""), r);
    }

    @Test
    void bug_runDashReadsTheProgramFromStdin() throws Exception {
        CliRun r = withStdin("print('from stdin')\n", "run", "-");
        assertEquals(new CliRun(0, "from stdin\n", ""), r);
    }

    @Test
    void syntaxErrorOnStdinNamesStdin() throws Exception {
        CliRun r = withStdin("print(1", "-");
        assertEquals("  File \"<stdin>\", line 1\n    print(1\n         ^\nSyntaxError: '(' was never closed\n", r.err());
        assertEquals(1, r.status());
    }

    @Test
    void emptyStdinIsAnEmptyProgram() throws Exception {
        assertEquals(new CliRun(0, "", ""), CliRun.in(dir));
    }

    @Test
    void bug_inputReadsLinesFromStdin() throws Exception {
        Files.writeString(dir.resolve("ask.py"), "print(input('name? '))\nprint(repr(input()))\nprint(repr(input()))\ninput('more? ')\n");
        Path in = Files.write(dir.resolve("in.txt"), "bob\n\u00e9t\u00e9\r\nlast".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CliRun r = CliRun.in(dir, pb -> pb.redirectInput(in.toFile()), "run", "ask.py");
        // python3: the prompt on stdout, '\r' kept (sys.stdin splits at '\n' only), a last line without '\n', then EOFError
        assertEquals("name? bob\n'\u00e9t\u00e9\\r'\n'last'\nmore? ", r.out());
        assertTrue(r.err().endsWith("EOFError: EOF when reading a line\n"), r.err());
        assertEquals(1, r.status());
    }

    @Test
    void bug_inputCanBeInterrupted() throws Exception {
        // stdin is a pipe that stays open: input() waits until SIGINT raises KeyboardInterrupt in it
        Files.writeString(dir.resolve("wait.py"), "print('ready', flush=True)\ntry:\n    input()\nexcept KeyboardInterrupt:\n    print('interrupted')\n");
        CliRun r = CliRun.signalled(dir, "INT", java.util.List.of("ready"), pb -> pb.redirectInput(ProcessBuilder.Redirect.PIPE), "run", "wait.py");
        assertEquals(new CliRun(0, "ready\ninterrupted\n", ""), r);
    }

    /** Under CPython's start-up sys.stdin is an io object over FileIO(0): its read(2) waited through SIGINT (the JVM takes signals on a thread of its own, so no EINTR reaches the reader). */
    @Test
    void bug_inputCanBeInterruptedUnderCpythonStartup() throws Exception {
        Files.writeString(dir.resolve("wait.py"), "import os, sys\ntry:\n    print('ready', type(sys.stdin.buffer.raw).__name__, flush=True)\n    input()\nexcept KeyboardInterrupt:\n    pass\n"
                + "try:\n    print('interrupted', flush=True)\n    os.read(0, 10)\nexcept KeyboardInterrupt:\n    print('os.read interrupted')\n");
        CliRun r = CliRun.signalled(dir, "INT", java.util.List.of("ready FileIO", "interrupted"), pb -> pb.redirectInput(ProcessBuilder.Redirect.PIPE),
                "--startup=cpython", "run", "wait.py");
        assertEquals(new CliRun(0, "ready FileIO\ninterrupted\nos.read interrupted\n", ""), r);
    }

    @Test
    void bug_sysStdinReadsLinesWithInput() throws Exception {
        // python3 3.11.7 printed exactly this for the same program and input
        Files.writeString(dir.resolve("lines.py"), String.join("\n",
                "import sys",
                "print(type(sys.stdin).__name__)",
                "print(repr(sys.stdin.readline()))",
                "print(repr(input('p> ')))",
                "print(repr(sys.stdin.read(3)))",
                "print(repr(sys.stdin.readline()))",
                "for line in sys.stdin:",
                "    print('it', repr(line))",
                "    if line.startswith('stop'):",
                "        break",
                "print(repr(sys.stdin.read()))",
                "print(repr(sys.stdin.read()), repr(sys.stdin.readline()))",
                "sys.stdin.flush()", ""));
        Path in = Files.writeString(dir.resolve("in.txt"), "one\ntwo\nthree\nfour\nfive\nstop\nrest1\nrest2");
        CliRun r = CliRun.in(dir, pb -> pb.redirectInput(in.toFile()), "run", "lines.py");
        assertEquals(new CliRun(0, "TextIOWrapper\n'one\\n'\np> 'two'\n'thr'\n'ee\\n'\nit 'four\\n'\nit 'five\\n'\nit 'stop\\n'\n"
                + "'rest1\\nrest2'\n'' ''\n", ""), r);
    }

    @Test
    void bug_sysStdinReadlineTakesASize() throws Exception {
        // python3 3.11.7 printed exactly this for the same program and input: a line cut after size
        // characters (the rest comes next), 0 gives '', negative the whole line, size by __index__
        Files.writeString(dir.resolve("sized.py"), String.join("\n",
                "import sys",
                "print(repr(sys.stdin.readline(3)))",
                "print(repr(sys.stdin.readline(0)))",
                "print(repr(sys.stdin.readline(100)))",
                "print(repr(sys.stdin.readline(-1)))",
                "print(repr(sys.stdin.readline(2)))",
                "print(repr(sys.stdin.readline(5)))",
                "print(repr(sys.stdin.readline(5)))",
                "try:",
                "    sys.stdin.readline(\"x\")",
                "except TypeError as e:",
                "    print(\"TypeError\", e)",
                "class I:",
                "    def __index__(self):",
                "        return 2",
                "print(repr(sys.stdin.readline(I())))",
                "for v in (1.5, None, 2**70):",
                "    try:",
                "        sys.stdin.readline(v)",
                "    except (TypeError, OverflowError) as e:",
                "        print(type(e).__name__, e)",
                "print(repr(sys.stdin.readline(-5)))",
                "print(repr(sys.stdin.readline()))", ""));
        Path in = Files.write(dir.resolve("in.txt"), "abcdef\nsecond\nthird\nh\u00e9\u20ac\ud83d\ude00xyz\nlast\nmore lines here\nend".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CliRun r = CliRun.in(dir, pb -> pb.redirectInput(in.toFile()), "run", "sized.py");
        assertEquals(new CliRun(0, "'abc'\n"
                + "''\n"
                + "'def\\n'\n"
                + "'second\\n'\n"
                + "'th'\n"
                + "'ird\\n'\n"
                + "'h\u00e9\u20ac\ud83d\ude00x'\n"
                + "TypeError 'str' object cannot be interpreted as an integer\n"
                + "'yz'\n"
                + "TypeError 'float' object cannot be interpreted as an integer\n"
                + "TypeError 'NoneType' object cannot be interpreted as an integer\n"
                + "OverflowError Python int too large to convert to C ssize_t\n"
                + "'\\n'\n"
                + "'last\\n'\n", ""), r);
    }

    @Test
    void sysStdinRefusesWritesNamingWhatIsMissing() throws Exception {
        // CPython's start-up (the default): sys.stdin is CPython's TextIOWrapper, as python3's
        CliRun r = withStdin("import sys\nsys.stdin.write('x')\n", "-");
        assertTrue(r.err().endsWith("\nio.UnsupportedOperation: not writable\n"), r.err());
        r = withStdin("import sys\nsys.stdin.write('x')\n", "--startup=refheap", "-");
        assertTrue(r.err().endsWith("NotImplementedError: sys.stdin is not writable (io.UnsupportedOperation is not modelled by refheap)\n"), r.err());
    }
}
