package dev.refheap.gc;

import dev.refheap.object.Heap;
import java.util.List;

/**
 * The stress mode (the issues' {@code --gc-stress}, clox's DEBUG_STRESS_GC): every object
 * allocation runs the heap verifier, and every allocation the collector counts (a GC object, not
 * taken from a free list: exactly where CPython 3.11 may start a collection) then runs a full
 * collection. A missing incref, an extra decref, a reference left behind in a freed container, an
 * object the collector frees while it is still reachable: each shows up at the allocation after
 * the faulty operation, not at the end of the program or never.
 *
 * <h2>Which check runs where</h2>
 * Between two allocations, the code that allocates (the VM, a builtin, an object constructor) may
 * hold references in Java locals that no root provider reports, so an exact "refcount equals
 * references found" check would report false errors. Every allocation therefore runs the
 * verifier's <em>anytime</em> checks ({@link HeapVerifier#check check(false)}: no dangling
 * references, no refcount below the references found, no stray refcount 0, consistent generation
 * lists and allocator accounting) and marks an <em>at-rest</em> check due. The owner of the heap
 * runs {@link #atRest()} whenever it holds no unreported reference: the VM at bytecode boundaries
 * whose whole call chain is plain Python-to-Python calls (its frames are roots), an embedder whose
 * references are all in {@code PyRef}s at every allocation ({@code allocationsAtRest}). The exact
 * check then runs once per allocation at most, so its cost follows the allocations, not the
 * instructions.
 *
 * <p>A collection never nests: an allocation inside a finalizer or callback that a collection runs
 * only verifies (the anytime checks, without walking the collector's lists in flux). Inside a
 * dealloc, references from the objects being deallocated are not followed. A failed check throws
 * {@link HeapVerificationError} and switches the mode off (so unwinding does not fail again).
 *
 * <h2>States</h2>
 * created → installed ({@link #install}) → uninstalled or failed. Not thread-safe.
 */
public final class GcStress {
    private final Heap heap;
    private final CycleCollector gc;
    private final HeapVerifier verifier;
    private final boolean allocationsAtRest;
    private Runnable onCheckDue = () -> {};
    private boolean installed, failed, restCheckDue;
    private int interval = 1;
    /** 0, or the live blocks a check may visit per allocation on average (see {@link #setBlockBudget}). */
    private long blockBudget;
    /** Allocations since the last one checked. */
    private long sinceCheck;
    private long allocations, collections, anytimeChecks, restChecks;

    /**
     * @param allocationsAtRest true when every allocation happens at rest for the heap's owner (an
     *                          embedder keeping its references in roots): then the exact check runs
     *                          at every allocation outside deallocs and collections
     */
    public GcStress(Heap heap, CycleCollector gc, boolean allocationsAtRest) {
        this.heap = heap;
        this.gc = gc;
        this.verifier = new HeapVerifier(heap, gc);
        this.allocationsAtRest = allocationsAtRest;
    }

    /** Called (cheaply, on every allocation) when an at-rest check becomes due: the VM sets a flag its loop polls. */
    public void onCheckDue(Runnable r) { onCheckDue = r; }

    public void install() {
        installed = true;
        gc.setAllocationHook(this::onGcAllocation);
        heap.setAllocationCheck(this::onOtherAllocation);
    }

    public void uninstall() {
        installed = false;
        gc.setAllocationHook(null);
        heap.setAllocationCheck(null);
    }

    public boolean isInstalled() { return installed; }

    /**
     * Every {@code n}th allocation only (default 1: every one). For programs whose heap is so large
     * that O(heap) work per allocation would take hours (see the conformance suite's
     * stress-exclusions.txt); still far more often than any threshold.
     */
    public void setInterval(int n) {
        if (n < 1) throw new IllegalArgumentException("interval must be at least 1");
        interval = n;
    }

    /**
     * Bounds the work per allocation on big heaps: while the allocator holds more than {@code blocks}
     * blocks, only every ⌈held / blocks⌉th allocation is checked and collects (or every
     * {@link #setInterval interval}th, if that is rarer), so a check's O(heap) cost spreads over as
     * many allocations as the heap is multiples of the budget. Below the budget every allocation is
     * checked as before. 0 (the default, and {@code refheap --gc-stress}'s) switches the bound off.
     * A fault is still found, at the next checked allocation or at rest rather than at the first:
     * what this gives up is the exact allocation, on heaps where the check is most costly (a
     * program importing inspect or dataclasses holds some 25,000 blocks and makes as many
     * allocations: 10^9 object visits at every allocation).
     */
    public void setBlockBudget(long blocks) {
        if (blocks < 0) throw new IllegalArgumentException("budget must not be negative");
        blockBudget = blocks;
    }

    /** Counts an allocation; true if this one is checked (the interval and the block budget say so). */
    private boolean due() {
        allocations++;
        long every = interval;
        if (blockBudget > 0) {
            long held = heap.allocator().allocatedBlocks();
            if (held > blockBudget) every = Math.max(every, (held + blockBudget - 1) / blockBudget);
        }
        if (++sinceCheck < every) return false;
        sinceCheck = 0;
        return true;
    }

    /**
     * A counted GC allocation: the verifier, then a full collection (unless one is running). The
     * check comes first so that a fault is reported as it is, before the collector acts on wrong
     * counts; what the collection did is checked at the next allocation or at-rest point.
     */
    private void onGcAllocation() {
        if (failed || !due()) return;
        afterAllocation();
        if (!gc.isCollecting()) {
            collections++;
            gc.collect(2);
            markRestCheckDue();
        }
    }

    /** Any other object allocation (non-GC, or from a free list): the verifier. */
    private void onOtherAllocation() {
        if (failed || !due()) return;
        afterAllocation();
    }

    private void afterAllocation() {
        boolean exact = allocationsAtRest && !heap.isDeallocating() && !gc.isCollecting();
        run(exact, "at allocation #" + allocations);
        if (!exact) markRestCheckDue();
    }

    private void markRestCheckDue() {
        if (!restCheckDue) {
            restCheckDue = true;
            onCheckDue.run();
        }
    }

    /**
     * The owner holds no reference the roots do not report: runs the exact check if an allocation
     * happened since the last one. Returns at once otherwise.
     */
    public void atRest() {
        if (!restCheckDue || failed) return;
        restCheckDue = false;
        run(true, "at rest after allocation #" + allocations);
    }

    public boolean isRestCheckDue() { return restCheckDue && !failed; }

    private void run(boolean exact, String where) {
        if (exact) restChecks++;
        else anytimeChecks++;
        List<String> problems = verifier.check(exact);
        if (!problems.isEmpty()) {
            failed = true;
            uninstall();
            throw new HeapVerificationError((exact ? "(exact check) " : "(anytime check) ") + where, problems);
        }
    }

    /** Allocations seen, full collections run, anytime checks, exact checks (at rest). */
    public long[] stats() { return new long[] {allocations, collections, anytimeChecks, restChecks}; }

    public boolean hasFailed() { return failed; }
}
