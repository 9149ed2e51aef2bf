package dev.refheap.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The long fuzzer run (scripts/fuzz): {@code --count N --seed S [--stress-every K] [--python P]
 * [--max-failures M]}. Prints progress, then every failing seed with its difference and a
 * minimized program; exits 1 if there was any.
 */
public final class MemFuzzMain {
    private MemFuzzMain() {}

    public static void main(String[] args) throws Exception {
        long seed = 0;
        int count = 1000, stressEvery = 20, maxFailures = 20, chunk = 1000;
        String python = "python3";
        boolean minimize = true;
        String only = null;  // a comma-separated list of seeds instead of a range
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--stress-every" -> stressEvery = Integer.parseInt(args[++i]);
                case "--python" -> python = args[++i];
                case "--max-failures" -> maxFailures = Integer.parseInt(args[++i]);
                case "--no-minimize" -> minimize = false;
                case "--only" -> only = args[++i];
                default -> {
                    System.err.println("usage: scripts/fuzz [--count N] [--seed S] [--stress-every K (0: no stress runs)] "
                            + "[--python PYTHON] [--max-failures M] [--no-minimize]");
                    System.exit(2);
                }
            }
        }
        long t0 = System.nanoTime();
        List<MemFuzz.Failure> failures = new ArrayList<>();
        int stressed = 0;
        try (MemFuzz fuzz = new MemFuzz(Path.of("."), python)) {
            System.out.printf("memfuzz: seeds %d..%d on refheap and CPython %s, every %s under --gc-stress%n",
                    seed, seed + count - 1, fuzz.pythonVersion(), stressEvery == 0 ? "none" : stressEvery + "th");
            if (only != null) {
                for (String one : only.split(",")) {
                    MemFuzz.Summary sum = fuzz.runBatch(Long.parseLong(one.strip()), 1, stressEvery == 0 ? 0 : 1, 1, f -> {});
                    failures.addAll(sum.failures());
                }
                count = 0;
            }
            for (long s = seed; s < seed + count && failures.size() < maxFailures; s += chunk) {
                int n = (int) Math.min(chunk, seed + count - s);
                MemFuzz.Summary sum = fuzz.runBatch(s, n, stressEvery, maxFailures - failures.size(),
                        f -> System.out.println("FAIL " + f.describe().lines().findFirst().orElse("")));
                failures.addAll(sum.failures());
                stressed += sum.stressed();
                System.out.printf("memfuzz: %d programs (%d under stress), %d failing, %.0f s%n",
                        s + n - seed, stressed, failures.size(), (System.nanoTime() - t0) / 1e9);
            }
            for (MemFuzz.Failure f : failures) {
                System.out.println("\n==== seed " + f.program().seed() + ": " + f.kind());
                System.out.println(f.detail().strip());
                if (minimize) {
                    System.out.println("---- minimized program (" + f.program().name() + "):");
                    System.out.print(fuzz.minimize(f));
                    System.out.println("----");
                }
            }
        }
        System.out.printf("memfuzz: done, %d failing, %.0f s%n", failures.size(), (System.nanoTime() - t0) / 1e9);
        System.exit(failures.isEmpty() ? 0 : 1);
    }
}
