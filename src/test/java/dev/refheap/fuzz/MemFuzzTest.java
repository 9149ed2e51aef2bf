package dev.refheap.fuzz;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The differential memory fuzzer's fixed-seed batch (see MemFuzz and scripts/memfuzz/gen.py): 300
 * generated programs on refheap and on CPython 3.11 ({@code python3}, or the interpreter named by
 * the {@code refheap.python} system property), outputs equal program by program, and every 10th
 * program once more under --gc-stress with a consistent heap; the seeds listed in
 * scripts/memfuzz/known-differences.txt must still differ (the list only shrinks). Without CPython 3.11 the test fails
 * (it does not skip): .ci/run installs it. A failure names the seed; {@code scripts/fuzz --only SEED}
 * prints the program minimized.
 */
class MemFuzzTest {
    static final long SEED = 0;
    static final int COUNT = 300, STRESS_EVERY = 10;

    @Test
    void fixedSeedBatchMatchesCpython() throws Exception {
        String python = System.getProperty("refheap.python", "python3");
        Map<Long, String> known = knownDifferences();
        List<String> failures = new ArrayList<>();
        Set<Long> stillDiffer = new HashSet<>();
        MemFuzz.Summary sum;
        try (MemFuzz fuzz = new MemFuzz(Path.of("."), python)) {
            sum = fuzz.runBatch(SEED, COUNT, STRESS_EVERY, 50, f -> {
                if (known.containsKey(f.program().seed()) && f.kind().equals("output")) stillDiffer.add(f.program().seed());
                else failures.add(f.describe());
            });
        }
        assertEquals(COUNT, sum.programs());
        assertEquals(COUNT / STRESS_EVERY, sum.stressed(), "every program ran under stress that should have");
        assertTrue(failures.isEmpty(), failures.size() + " of " + COUNT + " generated programs differ from CPython 3.11 "
                + "(scripts/fuzz --only SEED minimizes one):\n" + String.join("\n", failures));
        Set<Long> fixed = new TreeSet<>(known.keySet());
        fixed.removeAll(stillDiffer);
        assertTrue(fixed.isEmpty(), "seeds in scripts/memfuzz/known-differences.txt now match CPython: remove them: " + fixed);
    }

    /** seed -> reason, from scripts/memfuzz/known-differences.txt ("SEED  # reason"). */
    static Map<Long, String> knownDifferences() throws java.io.IOException {
        Map<Long, String> m = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("scripts/memfuzz/known-differences.txt"))) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            int hash = t.indexOf('#');
            assertTrue(hash > 0 && !t.substring(hash + 1).isBlank(), "a known difference needs a reason: " + line);
            long seed = Long.parseLong(t.substring(0, hash).strip());
            assertTrue(seed >= SEED && seed < SEED + COUNT, "not a seed of the batch: " + seed);
            m.put(seed, t.substring(hash + 1).strip());
        }
        return m;
    }

    /** The harness itself: a difference is reported with the line where it starts. */
    @Test
    void aDifferenceIsReported() throws Exception {
        try (MemFuzz fuzz = new MemFuzz(Path.of("."), System.getProperty("refheap.python", "python3"))) {
            String src = "x = [1]\nprint(len(x))\nprint(x)\n";
            MemFuzz.Result py = fuzz.cpython(src, "memfuzz_selftest.py");
            assertEquals(new MemFuzz.Result("1\n[1]\n", "", 0), py);
            assertNull(fuzz.compare(new MemFuzz.Program(-1, "memfuzz_selftest.py", src, py)));
            MemFuzz.Failure f = fuzz.compare(new MemFuzz.Program(-1, "memfuzz_selftest.py", src, new MemFuzz.Result("1\n[2]\n", "", 0)));
            assertNotNull(f);
            assertEquals("stdout line 2: CPython '[2]', refheap '[1]'", f.detail().strip());
        }
    }

    /** The minimizer: statements (with their bodies) first, then single lines, while the failure persists. */
    @Test
    void minimizationKeepsOnlyWhatTheFailureNeeds() {
        String src = "a = 1\ndef f():\n    b = 2\n    return 3\nc = f()\nd = 4\ntry:\n    e = 5\nexcept E:\n    g = 6\nh = 7\n";
        List<String> units = MemFuzz.topLevelUnits(src);
        assertEquals(List.of("a = 1", "def f():\n    b = 2\n    return 3", "c = f()", "d = 4", "try:\n    e = 5\nexcept E:\n    g = 6", "h = 7"), units);
        List<String> min = MemFuzz.ddmin(units, s -> s.contains("c = f()") && s.contains("h = 7"));
        assertEquals(List.of("c = f()", "h = 7"), min);
    }
}
