package dev.refheap.trace;

/**
 * Per-run limits of a recorded run: steps (line events plus collector phases), wall-clock time,
 * heap bytes (past it, MemoryError), and the snapshot budget (object entries over all steps;
 * past it steps keep their line, frames and counters but no objects). Reaching a limit ends the
 * run with a clear message and keeps what was recorded.
 */
public record TraceLimits(long maxSteps, long wallMillis, long heapBytes, long snapshotBudget, int objectsPerStep) {
    public static TraceLimits defaults() {
        return new TraceLimits(100_000, 10_000, 256L << 20, 200_000, 80);
    }

    public TraceLimits withSteps(long n) { return new TraceLimits(n, wallMillis, heapBytes, snapshotBudget, objectsPerStep); }
    public TraceLimits withWallMillis(long n) { return new TraceLimits(maxSteps, n, heapBytes, snapshotBudget, objectsPerStep); }
    public TraceLimits withHeapBytes(long n) { return new TraceLimits(maxSteps, wallMillis, n, snapshotBudget, objectsPerStep); }
}
