package dev.refheap.bench;

import dev.refheap.embed.PyHeap;
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

/**
 * (c) Allocate-and-free churn of 10,000,000 small objects ({@code object()}, a 16-byte block):
 * {@link #single} frees each at once, {@link #batch} holds 1,000 in a list and then drops the list.
 * One invocation is all 10,000,000.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 8)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xss64m", "-XX:+UseSerialGC"})
public class ChurnBench {
    @Param("10000000")
    public int n;

    private PyHeap py;

    @Setup(Level.Trial)
    public void openHeap() {
        py = Workloads.newHeap();
    }

    @TearDown(Level.Trial)
    public void closeHeap() {
        py.close();
    }

    @Benchmark
    public long single() {
        return Workloads.churnSingle(py, n);
    }

    @Benchmark
    public long batch() {
        return Workloads.churnBatch(py, n, 1000);
    }
}
