package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refheap.lang.PySyntaxError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link Runtime.Program}: a program compiled before its runtime exists runs exactly as
 * {@link Runtime#exec(String, String)} runs its source: same output, same objects made in the
 * same order (so the same gc counts, and the same distances between small objects' ids: blocks
 * from malloc, a class's, differ between two runtimes of one process), its warnings shown when it
 * runs, its SyntaxError raised when it runs.
 */
class ProgramTest {
    private record Ran(String out, String err) {}

    private static Ran run(String source, boolean ahead) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8), e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Runtime.Program program = ahead ? Runtime.Program.compile(source, "prog.py") : null;
        try (Runtime rt = new Runtime(new RuntimeOptions(1L << 30, false, o, e))) {
            e.println("runtime made");
            if (ahead) rt.exec(program);
            else rt.exec(source, "prog.py");
        }
        return new Ran(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runsAsExecOfTheSourceDoes() {
        String source = """
                import gc, sys
                class C:
                    pass
                a = [C() for i in range(50)]
                a.append(a)
                print(gc.get_count(), sys.getrefcount(a), id(a) - id(a[0]), id(a[1]) - id(a[0]))
                del a
                print(gc.collect())
                """;
        Ran now = run(source, false), ahead = run(source, true);
        assertEquals(now, ahead);
        assertTrue(now.out().lines().count() == 2, now.out());
    }

    @Test
    void warningsAreShownWhenTheProgramRuns() {
        String source = "x = 1\nprint(x is 1)\n";
        Ran ahead = run(source, true);
        assertEquals(run(source, false), ahead);
        assertTrue(ahead.err().startsWith("runtime made\nprog.py:2: SyntaxWarning: \"is\" with a literal"), ahead.err());
        assertEquals("True\n", ahead.out());
    }

    @Test
    void aSyntaxErrorIsRaisedWhenTheProgramRuns() {
        Runtime.Program program = Runtime.Program.compile("print(1)\nx = (\n", "prog.py");
        try (Runtime rt = new Runtime(RuntimeOptions.defaults())) {
            PySyntaxError e = assertThrows(PySyntaxError.class, () -> rt.exec(program));
            assertTrue(e.format().contains("SyntaxError"), e.format());
        }
    }

    /**
     * A program's SyntaxWarning goes through the warnings filters, as compiler_warn's does: an
     * "error" filter (python3 -W error) makes it the SyntaxError at the comparison, raised when the
     * program runs; an "ignore" filter shows nothing.
     */
    @Test
    void bug_syntax_warning_follows_the_warnings_filters() {
        String source = "x = 1\nprint(x is 1)\n";
        Runtime.Program program = Runtime.Program.compile(source, "prog.py");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(1L << 30, false, e, e))) {
            rt.exec("import warnings\nwarnings.simplefilter('error')\n", "<startup>");
            PySyntaxError x = assertThrows(PySyntaxError.class, () -> rt.exec(program));
            assertEquals("\"is\" with a literal. Did you mean \"==\"?", x.msg());
            assertEquals(2, x.line());
            assertEquals(7, x.column());
            assertEquals(13, x.endColumn());
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        try (Runtime rt = new Runtime(new RuntimeOptions(1L << 30, false, e, e))) {
            rt.exec("import _warnings\n_warnings.filters.insert(0, ('ignore', None, SyntaxWarning, None, 0))\n", "<startup>");
            rt.exec(source, "prog.py");
        }
        assertEquals("True\n", err.toString(StandardCharsets.UTF_8));
    }
}
