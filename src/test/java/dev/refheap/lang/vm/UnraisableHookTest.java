package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link UnraisableHook}: one "Exception ignored in" report under thresholds from 1 to 30, counting
 * the automatic collections it starts and what it leaves in count0. The expected values are what
 * CPython 3.11.7 gave for the same program run with sys.stderr an io.StringIO and the codec's
 * decode specialized (as the differential fuzzer's oracle runs programs); conformance programs
 * (tests/conformance/bugs/unraisable_hook_*.py) check the line-buffered stderr of python3 FILE.
 */
class UnraisableHookTest {
    private static final String PROGRAM = """
            import gc
            gc.freeze(); gc.collect()
            class K:
                def __del__(self):
                    raise ValueError("boom")
            gc.disable()
            for i in range(3):
                k = K(); del k
            gc.enable()
            out = []
            for t in (1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 30):
                gc.collect()
                n = []
                gc.callbacks.append(lambda p, i: n.append(p))
                gc.set_threshold(t)
                k = K()
                del k
                gc.set_threshold(700)
                gc.callbacks.pop()
                out.append((t, len(n) // 2, gc.get_count()[0]))
            print(out)
            """;

    @Test
    void reportInMemoryStartsCollectionsWhereCPythonsDoes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try (Runtime rt = new Runtime(RuntimeOptions.defaults().withStreams(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)))) {
            rt.setUnraisableStderr(true, true);
            rt.exec(PROGRAM, "unr_prog.py");
        }
        assertEquals("[(1, 9, 0), (2, 6, 0), (3, 4, 0), (4, 3, 0), (5, 3, 0), (6, 2, 0), (8, 2, 0), (10, 1, 0), "
                + "(12, 1, 0), (16, 1, 0), (20, 0, 7), (24, 0, 7), (30, 0, 7)]\n", out.toString(StandardCharsets.UTF_8));
    }
}
