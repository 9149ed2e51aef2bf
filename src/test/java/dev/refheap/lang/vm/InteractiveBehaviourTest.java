package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the REPL and -c need from the runtime: Ctrl-C ends a sleep, and no source lines for code that has no file. */
class InteractiveBehaviourTest {
    private static Runtime runtime() {
        PrintStream ps = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new Runtime(new RuntimeOptions(1L << 30, false, ps, ps));
    }

    /** time.sleep only woke for a Java thread interrupt; Ctrl-C (Runtime.interrupt) waited for the whole sleep. */
    @Test
    void bug_timeSleepIgnoredCtrlC() throws Exception {
        try (Runtime rt = runtime()) {
            Thread ctrlC = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                rt.interrupt();
            });
            long start = System.nanoTime();
            ctrlC.start();
            PyException e = assertThrows(PyException.class, () -> rt.exec("import time\ntime.sleep(60)\n", "<stdin>"));
            assertEquals("KeyboardInterrupt", rt.exceptionTypeName(e));
            assertTrue(System.nanoTime() - start < 30_000_000_000L, "woke long before 60 s");
            rt.formatException(e);
            ctrlC.join();
        }
    }

    /** Tracebacks showed the source line of code typed at the prompt or given with -c; python3 cannot. */
    @Test
    void bug_tracebackShowedSourceForStdinAndString() {
        try (Runtime rt = runtime()) {
            for (String name : new String[] {"<stdin>", "<string>"}) {
                PyException e = assertThrows(PyException.class, () -> rt.exec("x = 1\n1 / 0\n", name));
                assertEquals("Traceback (most recent call last):\n  File \"" + name + "\", line 2, in <module>\n"
                        + "ZeroDivisionError: division by zero\n", rt.formatException(e));
            }
            PyException e = assertThrows(PyException.class, () -> rt.exec("x = 1\n1 / 0\n", "prog.py"));
            assertTrue(rt.formatException(e).contains("  File \"prog.py\", line 2, in <module>\n    1 / 0\n"), "a file's lines are shown");
        }
    }
}
