package dev.refheap.gc;

/** The {@code gc.callbacks} list as the collector sees it. */
public interface GcCallbacks {
    /** True if there is no callback (then no info dict is even built). */
    boolean isEmpty();

    /** Calls every callback with {@code phase} ("start" or "stop") and the info. Errors are unraisable. */
    void invoke(String phase, int generation, long collected, long uncollectable);

    GcCallbacks NONE = new GcCallbacks() {
        @Override public boolean isEmpty() { return true; }
        @Override public void invoke(String phase, int generation, long collected, long uncollectable) {}
    };
}
