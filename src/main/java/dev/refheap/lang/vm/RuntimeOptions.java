package dev.refheap.lang.vm;

import java.io.PrintStream;

/**
 * How a {@link Runtime} is set up.
 *
 * @param maxHeap bytes the heap may hold before MemoryError
 * @param stress  the stress mode from the runtime's first allocation on ({@link dev.refheap.gc.GcStress}, the CLI's --gc-stress)
 */
public record RuntimeOptions(long maxHeap, boolean stress, PrintStream out, PrintStream err) {
    public static RuntimeOptions defaults() {
        return new RuntimeOptions(Long.MAX_VALUE, false, System.out, System.err);
    }

    public RuntimeOptions withStreams(PrintStream out, PrintStream err) {
        return new RuntimeOptions(maxHeap, stress, out, err);
    }
}
