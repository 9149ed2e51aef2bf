package dev.refheap.lang.modules.sre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refheap.lang.vm.Runtime;
import dev.refheap.lang.vm.RuntimeOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine against CPython 3.11 on a table: {@code sre/differential.py} (made by
 * scripts/sre_table.py) compiles 425 patterns (200 random ones from a fixed seed) from code lists CPython's re._compiler made
 * and prints what search, match, fullmatch, findall, split, sub, subn and finditer give on a set
 * of str and bytes subjects; {@code sre/differential.out} is what CPython printed.
 */
class SreDifferentialTest {
    static String run(String program) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(1L << 30, false, ps, ps))) {
            rt.exec(program, "<test>");
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SreDifferentialTest.class.getResourceAsStream("/sre/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyPatternAndSubjectAsCPython() throws IOException {
        String[] expected = resource("differential.out").split("\n", -1);
        String[] actual = run(resource("differential.py")).split("\n", -1);
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.length, actual.length) && diffs.size() < 10; i++) {
            String e = i < expected.length ? expected[i] : "<missing>";
            String a = i < actual.length ? actual[i] : "<missing>";
            if (!e.equals(a)) diffs.add("line " + (i + 1) + "\n  expected " + e + "\n  actual   " + a);
        }
        assertTrue(expected.length > 4000, "the table is there");
        assertEquals("", String.join("\n", diffs));
    }

    @Test
    void aCatastrophicPatternStopsAtCtrlC() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(1L << 30, false, ps, ps))) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(700);
                } catch (InterruptedException e) {
                    return;
                }
                rt.interrupt();
            });
            t.start();
            // (a+)+b on 40 a's backtracks 2**40 times: only KeyboardInterrupt ends it
            rt.exec("import _sre\ntry:\n    r = _sre.compile('(a+)+b', 32, [14, 4, 0, 2, 4294967295, 23, 14, 1, 4294967295, 17, 0,"
                    + " 24, 6, 1, 4294967295, 16, 97, 1, 17, 1, 18, 16, 98, 1], 1, {}, (None, None))\n"
                    + "    print(r.match('a' * 40))\nexcept KeyboardInterrupt:\n    print('interrupted')\n", "<test>");
            t.interrupt();
        }
        assertEquals("interrupted\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void longSubjectsNeedNoJavaStack() {
        // a REPEAT over 200000 items nests 200000 contexts: on the engine's own stack, not Java's
        assertEquals("(0, 200000)\n", run("import _sre\nr = _sre.compile('(?:ab|c)*', 32, [14, 4, 0, 0, 4294967295, 23, 17, 0, 4294967295,"
                + " 7, 7, 16, 97, 16, 98, 15, 7, 5, 16, 99, 15, 2, 0, 18, 1], 0, {}, (None,))\nprint(r.match('ab' * 100000).span())\n"));
    }
}
