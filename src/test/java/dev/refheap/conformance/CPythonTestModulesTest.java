package dev.refheap.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.Runtime;
import dev.refheap.lang.vm.RuntimeOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CPython 3.11's own memory tests run on refheap as {@code refheap -m unittest -v test.MODULE}
 * does, from the standard library's test package (Debian's libpython3.11-testsuite, which .ci/run
 * installs; skipped where it is absent). {@code src/test/resources/cpython-tests/MODULE.txt} lists
 * the tests that do not pass, each with its reason ("name  # reason"): those still failing, and
 * those skipped (a skip is listed too, so a test that CPython 3.11 passes cannot hide behind one;
 * the ones CPython skips as well say so); the special entry {@code *} says the module does not load
 * at all. The list may only shrink: a listed test that passes, or a failing or skipped test that is
 * not listed, fails this test.
 */
class CPythonTestModulesTest {
    private static final Path STDLIB = Path.of("/usr/lib/python3.11");
    /** A module's doctests, as unittest's DocTestSuite names them ("Doctest: test.test_weakref.__test__.libreftest ... ERROR"). */
    private static final Pattern DOCTEST = Pattern.compile("^Doctest: [\\w.]+\\.(\\w+) \\.\\.\\. (ok|FAIL|ERROR|skipped|expected failure|unexpected success)", Pattern.MULTILINE);
    private static final Pattern RESULT = Pattern.compile(
            "^(test\\w*) \\(([\\w.<>]+)\\)(?:\\n[^\\n]*?)? \\.\\.\\. (ok|FAIL|ERROR|skipped|expected failure|unexpected success)", Pattern.MULTILINE);

    @ParameterizedTest
    @ValueSource(strings = {"test_gc", "test_weakref", "test_finalization", "test_enumerate", "test_contextlib", "test_copy", "test_abc", "test_bisect", "test_tracemalloc",
            "test_functools", "test_operator", "test_heapq", "test_struct", "test_random", "test_types", "test_warnings", "test_collections",
            "test_list", "test_sort", "test_isinstance", "test_generators", "test_fstring", "test_super", "test_property", "test_index", "test_syntax", "test_class", "test_slice",
            "test_int", "test_long", "test_range", "test_set", "test_dict", "test_memoryview"})
    void failuresOnlyShrink(String module) throws Exception {
        Path tests = STDLIB.resolve("test");  // a test module, or a test package (test_warnings)
        Assumptions.assumeTrue(Files.exists(tests.resolve(module + ".py")) || Files.exists(tests.resolve(module).resolve("__init__.py")),
                "no CPython test package at " + STDLIB);
        Map<String, String> known = known(module);
        String out = run(module);
        Map<String, String> results = new TreeMap<>();
        Matcher m = RESULT.matcher(out);
        while (m.find()) results.put(m.group(1), m.group(3));
        Matcher d = DOCTEST.matcher(out);
        while (d.find()) results.put(d.group(1), d.group(2));
        if (known.containsKey("*")) {
            assertTrue(results.isEmpty(), module + " loads now (" + results.size() + " results): replace its '*' entry with the tests that still fail\n" + tail(out));
            return;
        }
        if (results.isEmpty()) fail(module + " did not run:\n" + tail(out));
        TreeSet<String> unlisted = new TreeSet<>(), fixed = new TreeSet<>();
        results.forEach((test, r) -> {
            boolean bad = r.equals("FAIL") || r.equals("ERROR") || r.equals("unexpected success") || r.equals("skipped");
            if (bad && !known.containsKey(test)) unlisted.add(test);
            if (!bad && known.containsKey(test)) fixed.add(test);
        });
        assertTrue(unlisted.isEmpty() && fixed.isEmpty(), module + ": failing or skipped but not listed " + unlisted + "; listed but passing now (remove them) " + fixed);
    }

    private static Map<String, String> known(String module) throws IOException {
        Map<String, String> m = new TreeMap<>();
        Path f = Path.of("src/test/resources/cpython-tests", module + ".txt");
        for (String line : Files.readAllLines(f)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            int hash = t.indexOf('#');
            if (hash < 0 || t.substring(hash + 1).isBlank()) throw new IOException(f + ": an entry without its reason: " + t);
            m.put(t.substring(0, hash).strip(), t.substring(hash + 1).strip());
        }
        return m;
    }

    /**
     * stdout and stderr of {@code -m unittest -v test.MODULE}, on a thread with a large stack.
     * sys.executable is a script that runs these classes' refheap in a JVM of its own, as the
     * launcher does, so the tests that start a child interpreter (script_helper) start refheap.
     */
    private static String run(String module) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        Path exe = Files.createTempFile("refheap-child", ".sh");
        Files.writeString(exe, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' "
                + dev.refheap.CrashGuard.errorFileFlag() + " --enable-native-access=ALL-UNNAMED -Xss64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
                + " -Drefheap.executable='" + exe + "' -cp '" + System.getProperty("java.class.path") + "' dev.refheap.cli.Main \"$@\"\n");
        exe.toFile().setExecutable(true);
        exe.toFile().deleteOnExit();
        String before = System.getProperty("refheap.executable");
        System.setProperty("refheap.executable", exe.toString());  // sys reads it when it is made
        try {
            return run(module, ps, buf);
        } finally {
            if (before == null) System.clearProperty("refheap.executable");
            else System.setProperty("refheap.executable", before);
        }
    }

    private static String run(String module, PrintStream ps, ByteArrayOutputStream buf) throws Exception {
        Runtime rt = new Runtime(new RuntimeOptions(1L << 31, false, ps, ps));
        rt.configureMain(new Runtime.MainConfig(List.of("-m", "-v", "test." + module), Path.of("").toAbsolutePath().toString(), null));
        Thread t = new Thread(null, () -> {
            try {
                rt.runModuleAsMain("unittest");
            } catch (PyException e) {
                if (!rt.isSystemExit(e)) ps.print(rt.formatUncaught(e));
            } catch (RuntimeException e) {
                ps.print("internal error: " + e);
            }
        }, module, 1L << 29);
        t.start();
        t.join(600_000);
        if (t.isAlive()) {
            rt.interrupt();
            t.join(5_000);
            fail(module + " did not finish within 600 s");
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static String tail(String s) { return s.length() > 3000 ? s.substring(s.length() - 3000) : s; }
}
