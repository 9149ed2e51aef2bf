package dev.refheap.gc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the threads of this process did while one collection ran: a diagnostic for
 * {@code -Drefheap.gcPassTimes=true}, which says whether a collection's wall time went to its own
 * work or to waiting for a processor, and who else in the process ran meanwhile (the JIT's
 * compiler threads, the collector's warm-up).
 *
 * <p>It reads Linux's per-thread scheduler accounting ({@code /proc/self/task/TID/schedstat}:
 * nanoseconds run, nanoseconds waited on a run queue) and names ({@code comm}) at the start and
 * at the end; elsewhere, or if the files cannot be read, {@link #report} says so. Nothing of it
 * runs unless the diagnostic is on.
 *
 * <p>States: no snapshot → started (after {@link #start}); {@link #report} compares with the
 * last start.
 */
final class ThreadAccounting {
    private static final Path TASKS = Path.of("/proc/self/task");
    /** Thread name → {run ns, wait ns} at the last start, or null if it could not be read. */
    private Map<String, long[]> startSnapshot;
    private String self;

    /** Takes the snapshot the next report compares with (on the collecting thread). */
    void start() {
        self = selfKey();
        startSnapshot = snapshot();
    }

    /**
     * One line: the collecting thread's run and run-queue wait, then the run time of the other
     * threads of the process that ran since {@link #start}, the busiest first, grouped by name
     * (the JVM's compiler threads share theirs).
     */
    String report() {
        Map<String, long[]> end = snapshot();
        if (startSnapshot == null || end == null || self == null) return "thread accounting: not available here";
        long[] mine = delta(end, startSnapshot, self);
        Map<String, Long> others = new HashMap<>();
        for (Map.Entry<String, long[]> e : end.entrySet()) {
            if (e.getKey().equals(self)) continue;
            long run = delta(end, startSnapshot, e.getKey())[0];
            if (run <= 0) continue;
            String name = e.getKey().substring(e.getKey().indexOf(':') + 1);
            others.merge(name, run, Long::sum);
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "this thread ran %.1f waited %.1f; others ran:", mine[0] / 1e6, mine[1] / 1e6));
        others.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .filter(e -> e.getValue() >= 100_000)
                .forEach(e -> sb.append(String.format(Locale.ROOT, " %s %.1f", e.getKey(), e.getValue() / 1e6)));
        return sb.toString();
    }

    private static long[] delta(Map<String, long[]> end, Map<String, long[]> start, String key) {
        long[] b = end.get(key), a = start.getOrDefault(key, new long[2]);
        return b == null ? new long[2] : new long[] {b[0] - a[0], b[1] - a[1]};
    }

    /** "TID:name" of the calling thread, or null. */
    private static String selfKey() {
        try {
            Path self = Path.of("/proc/thread-self").toRealPath();
            return self.getFileName() + ":" + Files.readString(self.resolve("comm")).strip();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** "TID:name" → {run ns, wait ns} for every thread of the process, or null. */
    private static Map<String, long[]> snapshot() {
        Map<String, long[]> m = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path t : tasks) {
                try {
                    String[] f = Files.readString(t.resolve("schedstat")).strip().split(" ");
                    String name = Files.readString(t.resolve("comm")).strip();
                    m.put(t.getFileName() + ":" + name, new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])});
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return m;
    }
}
