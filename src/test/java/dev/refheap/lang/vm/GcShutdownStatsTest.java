package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * _PyGC_DumpShutdownStats at exit ({@link Runtime#finalizeAtExit}): after sys.modules is emptied
 * and collected, a non-empty gc.garbage gives a ResourceWarning "gc: N uncollectable objects at
 * shutdown" through the warnings filters (ignored by default, shown as C's _warnings prints it,
 * an unraisable error under "error"), with the list's repr under DEBUG_UNCOLLECTABLE and nothing
 * under DEBUG_SAVEALL. The expected texts are CPython 3.11.7's for the same program.
 */
class GcShutdownStatsTest {
    /** Two objects of a with_tp_del class in a cycle: uncollectable, so gc.garbage holds both at exit. */
    private static final String PROGRAM = """
            import gc
            import _testcapi
            %s
            @_testcapi.with_tp_del
            class X:
                def __init__(self, name):
                    self.name = name
                def __repr__(self):
                    return "<X %%r>" %% self.name
                def __tp_del__(self):
                    pass

            x = X('first')
            x.x = x
            x.y = X('second')
            del x
            gc.set_debug(%s)
            """;
    private static final String WARNING = "gc:0: ResourceWarning: gc: 2 uncollectable objects at shutdown";
    private static final String HINT = "; use gc.set_debug(gc.DEBUG_UNCOLLECTABLE) to list them";

    /** stdout + stderr of the program and of the runtime's exit, without the collector's debug lines. */
    private static String runToExit(String filters, String debug) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(1L << 30, false, ps, ps))) {
            rt.exec(PROGRAM.formatted(filters, debug), "prog.py");
            rt.finalizeAtExit(null);
        }
        return buf.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("gc: uncollectable <X 0x"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void bug_gc_uncollectable_at_shutdown_warning() {
        assertEquals(WARNING + HINT + "\n", runToExit("import warnings; warnings.simplefilter('default')", "0"));
        assertEquals(WARNING + "\n      [<X 'first'>, <X 'second'>]\n",
                runToExit("import warnings; warnings.simplefilter('default')", "gc.DEBUG_UNCOLLECTABLE"));
    }

    @Test
    void ignoredByDefaultAndUnderSaveall() {
        assertEquals("", runToExit("", "0"));
        assertEquals("", runToExit("import warnings; warnings.simplefilter('default')", "gc.DEBUG_SAVEALL"));
    }

    @Test
    void anErrorFilterMakesItUnraisable() {
        assertEquals("ResourceWarning: gc: 2 uncollectable objects at shutdown" + HINT + "\n",
                runToExit("import warnings; warnings.simplefilter('error')", "0"));
    }

    /**
     * The filters the shutdown warning goes through are _warnings' own, which a program can change
     * without importing warnings (CPython 3.11 shows the warning then; refheap used to apply the
     * built-in defaults whenever the warnings module had not been imported).
     */
    @Test
    void bug_gc_shutdown_warning_uses_the_c_filters_without_the_warnings_module() {
        assertEquals(WARNING + HINT + "\n",
                runToExit("import _warnings; _warnings.filters.insert(0, ('default', None, ResourceWarning, None, 0))", "0"));
    }
}
