package dev.refheap.bench;

import dev.refheap.embed.PyHeap;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Full collections ({@code gc.collect()}) over million-object graphs: (a) 1,000,000 two-dict cycles
 * of garbage, (b) 1,000,000 live one-element lists. Each invocation is one collection
 * (single-shot); the graph is built before it, untimed, by {@link Workloads}.
 *
 * <p>Run through {@code bench/heap-vs-cpython}, which builds the test classes and puts CPython's
 * times for the same graphs beside these; never as a unit test.
 *
 * <p>Besides JMH's wall-clock times, each measured collection's thread CPU time is appended to
 * {@code target/bench/cpu/<workload>.txt} (one line of seconds per collection), which the script
 * sets beside CPython's {@code time.thread_time()}: on a machine shared with other work, CPU time
 * moves much less with the load than wall time. (It leaves out what other threads do meanwhile:
 * here the unmapper's {@code munmap} calls, which the wall time includes.)
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 15)
@Measurement(iterations = 10)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xss64m", "-XX:+UseSerialGC"})
public class CollectBench {
    /** One heap per trial; the objects of one invocation's graph. */
    @State(Scope.Thread)
    public abstract static class Graph {
        @Param("1000000")
        public int n;

        PyHeap py;
        long collected;
        boolean measuring;
        final List<Long> cpuNanos = new ArrayList<>();

        @Setup(Level.Trial)
        public void openHeap() {
            py = Workloads.newHeap();
        }

        @Setup(Level.Iteration)
        public void iteration(IterationParams params) {
            measuring = params.getType() == IterationType.MEASUREMENT;
        }

        @TearDown(Level.Trial)
        public void closeHeap() throws IOException {
            py.close();
            Path dir = Path.of("target", "bench", "cpu");
            Files.createDirectories(dir);
            StringBuilder lines = new StringBuilder();
            for (long ns : cpuNanos) lines.append(String.format(Locale.ROOT, "%.6f%n", ns / 1e9));
            Files.writeString(dir.resolve(workload() + ".txt"), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }

        abstract String workload();

        /** One collection, its thread CPU time recorded in measured iterations. */
        long collect() {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long r = py.collect();
            long c1 = THREADS.getCurrentThreadCpuTime();
            if (measuring) cpuNanos.add(c1 - c0);
            return r;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static class Cycles extends Graph {
        @Override String workload() { return "cycles"; }

        /** Per invocation: the graph, built before the timer starts. */
        @Setup(Level.Invocation)
        public void build() {
            Workloads.buildDictCycles(py, n);
        }

        @TearDown(Level.Invocation)
        public void check() {
            if (collected != 2L * n) throw new IllegalStateException("collected " + collected + ", expected " + 2L * n);
        }
    }

    public static class Lists extends Graph {
        @Override String workload() { return "liveLists"; }

        long held;

        @Setup(Level.Invocation)
        public void build() {
            held = Workloads.buildLiveLists(py, n);
        }

        @TearDown(Level.Invocation)
        public void release() {
            if (collected != 0) throw new IllegalStateException("collected " + collected + " live objects");
            py.heap().decref(held);
        }
    }

    /** (a) gc.collect() over 2,000,000 dicts of cyclic garbage. */
    @Benchmark
    public long cycles(Cycles g) {
        return g.collected = g.collect();
    }

    /** (b) gc.collect() over 1,000,001 live lists (and the small ints they hold, which are not GC objects). */
    @Benchmark
    public long liveLists(Lists g) {
        return g.collected = g.collect();
    }
}
