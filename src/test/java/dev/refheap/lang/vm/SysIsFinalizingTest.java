package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * sys.is_finalizing() ({@link Runtime#finalizeAtExit}): false while the program and the atexit
 * callbacks run, true from then on, so a finalizer the clearing of the modules runs sees it. The
 * expected text is CPython 3.11.7's for the same program run as a script.
 */
class SysIsFinalizingTest {
    private static final String PROGRAM = """
            import atexit
            import sys

            class D:
                def __del__(self):
                    print('__del__ finalizing', sys.is_finalizing())

            d = D()
            atexit.register(lambda: print('atexit finalizing', sys.is_finalizing()))
            print('program finalizing', sys.is_finalizing())
            """;

    @Test
    void bug_sys_lacked_is_finalizing() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(1L << 30, false, ps, ps))) {
            rt.exec(PROGRAM, "prog.py");
            rt.finalizeAtExit(null);
        }
        assertEquals("program finalizing False\natexit finalizing False\n__del__ finalizing True\n",
                buf.toString(StandardCharsets.UTF_8));
    }
}
