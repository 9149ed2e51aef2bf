package dev.refheap.conformance;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.lang.PySyntaxError;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every conformance program under --gc-stress (a collection on every GC allocation), then the
 * heap verifier: every refcount must equal the references found from live objects and roots, so
 * a leaked or missing reference anywhere in the VM fails here even when no output shows it.
 * (Regression: __del__'s result was never released, leaking a reference to None per finalizer.)
 */
class ConformanceStressTest {
    @TestFactory
    Stream<DynamicTest> everyProgramLeavesAConsistentHeap() throws IOException {
        List<Path> programs;
        try (Stream<Path> files = Files.walk(Path.of("tests/conformance"))) {
            programs = files.filter(p -> p.toString().endsWith(".py") && !p.getFileName().toString().equals("generate.py")).sorted().toList();
        }
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> check(p)));
    }

    private static void check(Path program) throws Exception {
        String source = Files.readString(program);
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Runtime rt = new Runtime(new RuntimeOptions(1L << 31, true, sink, sink));
        Throwable[] failure = {null};
        Thread t = new Thread(null, () -> {
            try {
                rt.exec(source, program.toString());
            } catch (PyException e) {
                rt.heap().addRootProvider(v -> v.root(e.exc(), 1));  // an uncaught exception stays alive, as at exit
            } catch (PySyntaxError e) {
                // nothing ran
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "stress", 1L << 29);
        t.start();
        t.join(120_000);
        assertFalse(t.isAlive(), program + " did not finish within 120 s under --gc-stress");
        if (failure[0] != null) throw new AssertionError(program + ": internal error " + failure[0], failure[0]);
        List<String> problems = rt.verify();
        assertTrue(problems.isEmpty(), program + " leaves an inconsistent heap:\n  " + String.join("\n  ", problems));
    }
}
