package dev.refheap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input always meets a clear Python-style error and an exit status, never a Java stack trace:
 * one test per case of the issue, each running the real command line in its own JVM.
 */
class CliBadInputTest {
    @TempDir
    Path dir;

    private CliRun refheap(String... args) throws IOException, InterruptedException {
        return CliRun.in(dir, args);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void syntaxErrorIsReportedLikePython() throws Exception {
        write("bad.py", "x = 1\nprint(x +)\n");
        CliRun r = refheap("run", "bad.py").relativeTo(dir);
        assertEquals(1, r.status());
        assertEquals("  File \"bad.py\", line 2\n    print(x +)\n             ^\nSyntaxError: invalid syntax\n", r.err());
    }

    /** Was "internal error" (status 70) on the command lines that skip picocli's model (-c, -m, run FILE.py). */
    /**
     * python3 (3.9 and later) runs a script under its absolute path: the working directory and the
     * path given, joined by one separator and not normalized; sys.argv[0] stays as given. refheap
     * ran it under the path as given ("File \"x.py\"" where python3 prints "File \"/tmp/x.py\"").
     */
    @Test
    void bug_aScriptRunsUnderItsAbsolutePathAsPython3Makes() throws Exception {
        write("where.py", "import sys, warnings\nprint(__file__)\nprint(sys.argv[0])\n"
                + "print(sys._getframe().f_code.co_filename)\nwarnings.warn('w')\n1/0\n");
        String real = dir.toRealPath().toString();
        String name = dir.getFileName().toString();
        for (String given : new String[] {"where.py", "./where.py", "../" + name + "/where.py"}) {
            CliRun r = refheap("run", given);
            String abs = real + "/" + given;
            assertEquals(1, r.status());
            assertEquals(abs + "\n" + given + "\n" + abs + "\n", r.out());
            assertTrue(r.err().startsWith(abs + ":5: UserWarning: w\n"), r.err());
            assertTrue(r.err().contains("  File \"" + abs + "\", line 6, in <module>\n"), r.err());
        }
        CliRun absolute = refheap("run", real + "/where.py");
        assertTrue(absolute.out().startsWith(real + "/where.py\n" + real + "/where.py\n"), absolute.out());
    }

    @Test
    void aBadMaxHeapIsAUsageErrorOnEveryCommandLine() throws Exception {
        write("one.py", "print(1)\n");
        for (String[] args : new String[][] {{"--max-heap", "foo", "-c", "pass"}, {"--max-heap=0", "-c", "pass"},
                {"run", "--max-heap", "12q", "one.py"}, {"--max-heap", "foo", "run", "one.py"}, {"--max-heap", "99999999999g", "-m", "one"}}) {
            CliRun r = refheap(args);
            assertEquals(2, r.status(), String.join(" ", args));
            assertTrue(r.err().startsWith("--max-heap: '"), r.err());
            assertTrue(r.err().contains("is not a size (e.g. 64m, 2g)\nUsage: refheap"), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void runtimeErrorPrintsATracebackAndExits1() throws Exception {
        write("div.py", "def f(x):\n    return 1 / x\nprint('before')\nf(0)\n");
        CliRun r = refheap("run", "div.py").relativeTo(dir);
        assertEquals(1, r.status());
        assertEquals("before\n", r.out());
        assertTrue(r.err().startsWith("Traceback (most recent call last):\n  File \"div.py\", line 4, in <module>\n"), r.err());
        assertTrue(r.err().endsWith("ZeroDivisionError: division by zero\n"), r.err());
    }

    @Test
    void framesWithoutSourceStillPrintLikePython() throws Exception {
        // python3 -c finds no source for "<string>": the frames are listed without lines or markers
        CliRun r = refheap("-c", "def f(d):\n    return d['x']\nf({})");
        assertEquals(1, r.status());
        assertEquals("Traceback (most recent call last):\n  File \"<string>\", line 3, in <module>\n"
                + "  File \"<string>\", line 2, in f\nKeyError: 'x'\n", r.err());
    }

    @Test
    void uncaughtTracebackHasMarkerLines() throws Exception {
        write("m.py", "def f(d):\n    return d['missing']\nx = f({})\n");
        CliRun r = refheap("run", "m.py").relativeTo(dir);
        assertEquals(1, r.status());
        assertEquals("Traceback (most recent call last):\n  File \"m.py\", line 3, in <module>\n    x = f({})\n        ^^^^^\n"
                + "  File \"m.py\", line 2, in f\n    return d['missing']\n           ~^^^^^^^^^^^\nKeyError: 'missing'\n", r.err());
    }

    @Test
    void unboundedRecursionIsARecursionError() throws Exception {
        write("rec.py", "def f(n):\n    return f(n + 1)\nf(0)\n");
        CliRun r = refheap("run", "rec.py");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("[Previous line repeated"), r.err());
        assertTrue(r.err().endsWith("RecursionError: maximum recursion depth exceeded\n"), r.err());
    }

    @Test
    void heapLimitIsAMemoryError() throws Exception {
        CliRun r = refheap("--max-heap", "16m", "-c", "x = [[i] for i in range(10**7)]");
        assertEquals(1, r.status());
        // the list's item array now grows in place (libc's realloc, as CPython's), so the limit is
        // met by a new arena when the heap is full, and the report says so
        assertTrue(r.err().matches("(?s)(.*\n)?MemoryError(: cannot allocate \\d+ bytes: heap holds \\d+ of its \\d+-byte limit)?\n"), r.err());
    }

    @Test
    void ctypesReadOutsideTheHeapIsAValueError() throws Exception {
        CliRun r = refheap("-c", "import ctypes\nprint(ctypes.c_long.from_address(16).value)");
        assertEquals(1, r.status());
        assertTrue(r.err().endsWith("ValueError: address 0x10 is outside refheap's heap: reading it is refused\n"), r.err());
    }

    @Test
    void nonUtf8ScriptIsOneClearLine() throws Exception {
        Files.write(dir.resolve("latin.py"), new byte[] {'x', ' ', '=', ' ', '\'', (byte) 0xe9, '\'', '\n'});
        CliRun r = refheap("run", "latin.py").relativeTo(dir);
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("SyntaxError: Non-UTF-8 code starting with '\\xe9' in file latin.py on line 1"), r.err());
        assertEquals(1, r.err().lines().count());
    }

    @Test
    void malformedNotebookIsOneClearLine() throws Exception {
        write("broken.ipynb", "{\"cells\": [");
        CliRun r = refheap("run", "broken.ipynb");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("refheap: broken.ipynb: not valid JSON"), r.err());
        assertEquals(1, r.err().lines().count());
    }

    @Test
    void missingFileIsOneClearLine() throws Exception {
        CliRun r = refheap("run", "nope.py");
        assertEquals(2, r.status());
        assertTrue(r.err().matches("refheap: can't open file '.*nope.py': \\[Errno 2\\] No such file or directory\n"), r.err());
    }

    @Test
    void unsupportedImportIsModuleNotFoundError() throws Exception {
        CliRun r = refheap("-c", "import numpy");
        assertEquals(1, r.status());
        assertTrue(r.err().endsWith("ModuleNotFoundError: No module named 'numpy'\n"), r.err());
    }

    @Test
    void notebookRunsAndWritesItsOutputs() throws Exception {
        write("nb.ipynb", """
                {"cells": [
                  {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [], "source": ["a = 300\\n", "b = a"]},
                  {"cell_type": "markdown", "metadata": {}, "source": ["text"]},
                  {"cell_type": "code", "execution_count": 2, "metadata": {}, "outputs": [], "source": ["import sys\\n", "print('x')\\n", "sys.getrefcount(a)"]},
                  {"cell_type": "code", "execution_count": 3, "metadata": {}, "outputs": [], "source": ["1/0"]}
                 ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """);
        CliRun r = refheap("run", "nb.ipynb", "--output", "out.ipynb");
        assertEquals(1, r.status(), "a cell failed");
        assertEquals("x\n3\n", r.out());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("out.ipynb").toFile());
        var cell2 = json.get("cells").get(2).get("outputs");
        assertEquals("stream", cell2.get(0).get("output_type").asText());
        assertEquals("3", cell2.get(1).get("data").get("text/plain").asText());
        var err = json.get("cells").get(3).get("outputs").get(0);
        assertEquals("error", err.get("output_type").asText());
        assertEquals("ZeroDivisionError", err.get("ename").asText());
    }
}
