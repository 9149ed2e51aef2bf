package dev.refheap.lang.vm;

import java.io.PrintStream;

/**
 * How a {@link Runtime} is set up.
 *
 * @param maxHeap bytes the heap may hold before MemoryError
 * @param stress  the stress mode from the runtime's first allocation on ({@link dev.refheap.gc.GcStress}, the CLI's --gc-stress)
 * @param ownedLargeBlocks large blocks from the owned range from the first allocation on (a runtime
 *                that adopts or makes a start-up image: docs/architecture.md, "Start-up image");
 *                whoever sets it turns them off before the program runs
 */
public record RuntimeOptions(long maxHeap, boolean stress, PrintStream out, PrintStream err, boolean ownedLargeBlocks) {
    public RuntimeOptions(long maxHeap, boolean stress, PrintStream out, PrintStream err) {
        this(maxHeap, stress, out, err, false);
    }

    public static RuntimeOptions defaults() {
        return new RuntimeOptions(Long.MAX_VALUE, false, System.out, System.err);
    }

    public RuntimeOptions withStreams(PrintStream out, PrintStream err) {
        return new RuntimeOptions(maxHeap, stress, out, err, ownedLargeBlocks);
    }
}
