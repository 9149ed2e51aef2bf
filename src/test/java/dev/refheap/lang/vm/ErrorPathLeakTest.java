package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Objects half-built when an allocation fails (MemoryError under a heap limit) are released, not leaked. */
class ErrorPathLeakTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Runtime limited(boolean stress) {
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new Runtime(new RuntimeOptions(64L << 20, stress, ps, ps));
    }

    @Test
    void bug_listWhoseItemArrayFailsIsReleased() {
        for (boolean stress : new boolean[] {false, true}) {
            out.reset();
            try (Runtime rt = limited(stress)) {
                rt.exec("import gc, sys\nx = object()\nbefore = sys.getrefcount(x)\ngc.collect()\ndef lists():\n    return sum(1 for o in gc.get_objects() if type(o) is list)\nn = lists()\n"
                        + "for i in range(3):\n    try:\n        [x] * 10**8\n    except MemoryError:\n        pass\n"
                        + "    try:\n        (x,) * 10**8\n    except MemoryError:\n        pass\n"
                        + "    l = [x]\n    try:\n        l *= 10**8\n    except MemoryError:\n        pass\n"
                        + "    try:\n        list(range(10**8))\n    except MemoryError:\n        pass\n"
                        + "gc.collect()\nprint(sys.getrefcount(x) - before, lists() - n, l == [x])\n", "leak.py");
                assertEquals("1 1 True\n", out.toString(StandardCharsets.UTF_8), "stress " + stress);
                assertEquals(List.of(), rt.verify());
            }
        }
    }
}
