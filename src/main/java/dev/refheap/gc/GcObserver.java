package dev.refheap.gc;

/** Sees each phase of each collection (for the event stream and the visualizer). */
@FunctionalInterface
public interface GcObserver {
    /**
     * @param generation the generation being collected
     * @param phase      start, unreachable, weakrefs, finalize, clear, stop
     * @param count      a count that goes with the phase (objects found unreachable, collected...)
     */
    void onPhase(int generation, String phase, long count);
}
