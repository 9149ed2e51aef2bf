package dev.refheap.conformance;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.gc.GcStress;
import dev.refheap.gc.HeapVerificationError;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every conformance program under --gc-stress: a full collection on every GC allocation, the
 * heap verifier's anytime checks on every object allocation, its exact check (every refcount
 * equals the references found from live objects and roots) at the first bytecode boundary after
 * each allocation where the heap is at rest, and once more after the program. A leaked or missing
 * reference anywhere in the VM fails here at the allocation after the faulty operation, even when
 * no output shows it. Programs in stress-exclusions.txt are checked every Nth allocation only
 * (their heaps are too big for O(heap) work per allocation); each says why. Any program whose heap
 * outgrows {@link #BLOCK_BUDGET} is checked at fewer allocations as it grows.
 * (Regression: __del__'s result was never released, leaking a reference to None per finalizer.)
 */
class ConformanceStressTest {
    private static final Path ROOT = Path.of("tests/conformance");

    @TestFactory
    Stream<DynamicTest> everyProgramLeavesAConsistentHeap() throws IOException {
        Map<String, Integer> intervals = exclusions();
        Set<String> known = knownFailures();
        // e.g. -Dstress.only=imports/ or -Dstress.only=random,tempfile to run some programs only
        String only = System.getProperty("stress.only");
        List<String> parts = only == null ? List.of() : List.of(only.split(","));
        List<Path> selected = programs().stream().filter(p -> parts.isEmpty() || parts.stream().anyMatch(p.toString()::contains)).toList();
        return tests(selected, intervals, known, workers());
    }

    /** The tests of {@code selected}, run on {@code workers} workers (see {@link #workers}). */
    static Stream<DynamicTest> tests(List<Path> selected, Map<String, Integer> intervals, Set<String> known, int workers) {
        if (workers <= 1 || selected.size() <= 1) {
            return selected.stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> judge(p, known, () -> check(p, intervals.getOrDefault(p.toString(), 1)))));
        }
        // Several programs at once, each in a child JVM (StressWorkers; this JVM runs none); each test reports its program's outcome.
        StressWorkers run = new StressWorkers(selected, intervals, workers);
        return selected.stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> {
            Throwable outcome = run.result(p);
            judge(p, known, () -> {
                if (outcome != null) throw outcome;
            });
        })).onClose(run::close);
    }

    /**
     * How many programs run at once ({@code -Dstress.workers=N}; default 2, or 1 on a machine of
     * one processor). With 2 or more, each runs in a child JVM and this JVM runs none: a program
     * that waits for any child process (os.wait(), waitpid(-1), wait3, wait4) must never find a
     * worker JVM among its process's children (session 24: imports/native_posix_linux_calls.py
     * and bugs/wait3_wait4_were_refused_for_lack_of_resource.py waited for one until the limit
     * when this JVM ran programs beside a child worker). With 1, this JVM runs them all, serially,
     * and starts no worker.
     */
    static int workers() {
        String w = System.getProperty("stress.workers");
        return w != null ? Integer.parseInt(w) : Math.min(2, java.lang.Runtime.getRuntime().availableProcessors());
    }

    /** Passes or fails the test of {@code p} by the outcome of its check, as the known failures say. */
    private static void judge(Path p, Set<String> known, org.junit.jupiter.api.function.Executable check) throws Throwable {
        if (!known.contains(p.toString())) {
            check.execute();
            return;
        }
        // a known refcount bug, listed with its reason: it must still fail, so that a fix takes it off the list
        Throwable t = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, check,
                p + " is listed in stress-known-failures.txt but now passes: take it off the list");
        assertTrue(String.valueOf(t.getMessage()).contains("heap verification failed"), p + ": " + t);
    }

    /** Programs whose stress run finds a known refheap bug (stress-known-failures.txt, "path  # bug"); the list may only shrink. */
    static Set<String> knownFailures() throws IOException {
        Set<String> m = new HashSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("stress-known-failures.txt"))) {
            String body = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            if (!body.isBlank()) m.add(body.trim());
        }
        return m;
    }

    @Test
    void exclusionsNameExistingProgramsWithAReason() throws IOException {
        Set<String> names = new HashSet<>();
        for (Path p : programs()) names.add(p.toString());
        for (String line : Files.readAllLines(ROOT.resolve("stress-exclusions.txt"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            assertTrue(line.contains("#") && !line.substring(line.indexOf('#') + 1).isBlank(), "no reason given: " + line);
        }
        for (String p : exclusions().keySet()) assertTrue(names.contains(p), "stress-exclusions.txt lists a program that does not exist: " + p);
    }

    static List<Path> programs() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".py") && !p.getFileName().toString().equals("generate.py")
                    && p.getNameCount() == ROOT.getNameCount() + 2).sorted().toList();
        }
    }

    /** path -> N, from stress-exclusions.txt ("path  N  # reason" per line). */
    static Map<String, Integer> exclusions() throws IOException {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("stress-exclusions.txt"))) {
            String body = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            if (body.isBlank()) continue;
            String[] f = body.trim().split("\\s+");
            m.put(f[0], Integer.parseInt(f[1]));
        }
        return m;
    }

    /**
     * The stress mode's block budget here ({@code -Dstress.blockBudget=N}, 0 for none; see
     * {@link GcStress#setBlockBudget}): every allocation is checked while the heap holds at most
     * 6,000 blocks (the small start-up leaves some 4,400, so most programs are checked at every
     * allocation throughout), every ⌈blocks/6,000⌉th above. The programs that import inspect, dis,
     * dataclasses or tempfile grow heaps of 20,000-26,000 blocks over as many allocations, and
     * checking each of those was most of this test's time (in session 32's run, 56 of the first 243
     * programs took 85% of it, up to two minutes each against the 120 s limit, under load); they are
     * checked every 4th-5th allocation instead, the small heaps as before.
     */
    static final long BLOCK_BUDGET = Long.getLong("stress.blockBudget", 6_000);

    /** {@code -Drefheap.test.startup=cpython}: every program after CPython's start-up (above). */
    static final boolean STARTUP_CPYTHON_ALL = "cpython".equals(System.getProperty("refheap.test.startup"));

    static void check(Path program, int interval) throws Exception {
        check(program, interval, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** As above, the program's output (not judged here) to {@code sink}: a worker's log, where a crash's report shows it. */
    static void check(Path program, int interval, PrintStream sink) throws Exception {
        // Never beside a worker JVM of this JVM's: the program's os.wait() would find it (StressWorkers).
        if (StressWorkers.liveWorkers() > 0) throw new IllegalStateException(program + ": not run in a JVM that has stress worker JVMs as children");
        String source = Files.readString(program);
        // Programs run after the small start-up here (checked from their first allocation: the
        // program's own refcount work is what stress mode is for; the whole heap CPython's start-up
        // leaves, verified at every allocation, would multiply the run's time), except those that
        // name CPython's start-up ("# options: --startup=cpython"), which run it live, checked from
        // the first allocation. Under -Drefheap.test.startup=cpython every program runs after
        // CPython's start-up adopted from an image, the checks starting at its first line, as
        // `refheap --gc-stress` does with its image.
        // The runtime is made without the stress mode, which starts (startStress: an exact check of
        // the whole heap first) just before the program or its live start-up. The runtime's own
        // set-up is the same for every program, some 1,340 allocations, each checked and most
        // collecting under the stress mode: checking it again for each of the corpus's programs was
        // most of this test's time (an empty program: 1,378 checked allocations, 1,338 of them the
        // constructor's). GcStressVmTest makes its runtimes with the stress mode on, so the set-up
        // is still checked allocation by allocation there, as `refheap --gc-stress --startup=refheap`
        // checks it.
        boolean cpython = "cpython".equals(ConformanceTest.startupOption(source)), adopt = STARTUP_CPYTHON_ALL && CpythonStartups.IMAGES;
        RuntimeOptions options = new RuntimeOptions(1L << 31, false, sink, sink);
        Runtime rt = adopt ? new Runtime(CpythonStartups.adopterOptions(options), true) : new Runtime(options);  // an adopter made for the image, as the launcher makes it
        ConformanceTest.configure(rt, program.toString());
        Throwable[] failure = {null};
        Thread t = new Thread(null, () -> {
            try {
                if (adopt) CpythonStartups.adopt(rt);
                GcStress stress = rt.startStress();
                stress.setInterval(interval);
                stress.setBlockBudget(BLOCK_BUDGET);
                if (!adopt && cpython) rt.runCpythonStartup();
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
        if (t.isAlive()) {
            rt.interrupt();  // let the thread stop rather than load the machine for the next programs
            fail(program + " did not finish within 120 s under --gc-stress");
        }
        if (failure[0] instanceof HeapVerificationError e) fail(program + ": " + e.getMessage());
        if (failure[0] != null) throw new AssertionError(program + ": internal error " + failure[0], failure[0]);
        List<String> problems = rt.verify();
        assertTrue(problems.isEmpty(), program + " leaves an inconsistent heap:\n  " + String.join("\n  ", problems));
        rt.close();  // its memory back to the owned range at once, where the next program's image adoption needs it
    }
}
