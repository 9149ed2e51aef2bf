package dev.refheap.embed;

import dev.refheap.gc.CycleCollector;
import dev.refheap.gc.HeapObjectModel;
import dev.refheap.gc.HeapVerifier;
import dev.refheap.object.Heap;
import dev.refheap.object.HeapLeakException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A reference-counted, cycle-collected Python heap for Java programs.
 *
 * <pre>{@code
 * try (PyHeap py = PyHeap.create()) {
 *     PyRef d1 = py.newDict(), d2 = py.newDict();
 *     d1.put("d2", d2);                 // d1["d2"] = d2
 *     d2.put("d1", d1);                 // d2["d1"] = d1: a cycle
 *     d1.release(); d2.release();       // del d1, d2: each is still referenced once, by the other
 *     System.out.println(py.collect()); // 2: the collector found the cycle and freed both
 * }
 * }</pre>
 *
 * Every {@link PyRef} owns one reference; {@link PyRef#release()} gives it back. The heap counts
 * the references its refs hold, so the {@link #verify() verifier} can check every refcount.
 * {@link #close()} collects garbage, then reports whatever is still alive (by type, with counts)
 * in a {@link HeapLeakException}, and returns all memory. Not thread-safe.
 */
public final class PyHeap implements AutoCloseable {
    private final Heap heap;
    private final CycleCollector gc;
    private final HeapObjectModel model;
    private final Map<Long, Long> held = new TreeMap<>();
    private final dev.refheap.gc.Provenance provenance;
    private final dev.refheap.gc.GcStress stress;

    private PyHeap(long limit) {
        heap = new Heap(limit);
        long heads = heap.allocateStatic(CycleCollector.HEADS_BYTES, 0);
        model = new HeapObjectModel(heap);
        gc = new CycleCollector(model, heads);
        heap.installGc(gc);
        model.trackGarbage();
        heap.addRootProvider(new dev.refheap.object.RootProvider() {
            @Override public void visitRoots(RootVisitor v) { held.forEach(v::root); }

            @Override public String rootDescription() { return "a PyRef held by the embedder"; }
        });
        provenance = new dev.refheap.gc.Provenance(heap, new dev.refheap.gc.CoreLabels(heap));
        stress = new dev.refheap.gc.GcStress(heap, gc, true);
    }

    /** A heap without a size limit. */
    public static PyHeap create() { return new PyHeap(Long.MAX_VALUE); }

    /** A heap whose allocations fail (HeapLimitExceeded, Python's MemoryError) past {@code limitBytes}. */
    public static PyHeap create(long limitBytes) { return new PyHeap(limitBytes); }

    public Heap heap() { return heap; }
    public CycleCollector gc() { return gc; }
    public HeapObjectModel model() { return model; }

    /**
     * Stress mode, the same as the CLI's {@code --gc-stress} ({@link dev.refheap.gc.GcStress}): a
     * full collection on every GC allocation and the verifier on every object allocation, like
     * clox's DEBUG_STRESS_GC. An embedder's references are all in {@link PyRef}s (roots), so the
     * check is the exact one (every refcount equals the references found) except inside a dealloc
     * or a collection, where the anytime checks run and the exact one follows at the next call
     * into this API. Very slow; finds a missing or extra reference at once. Every reference the
     * embedder owns must be held by a {@link PyRef} (or another root) before the next allocation,
     * or the verifier reports its refcount ({@link dev.refheap.gc.HeapVerificationError}).
     */
    public void setStress(boolean on) {
        if (on && !stress.isInstalled()) stress.install();
        else if (!on && stress.isInstalled()) stress.uninstall();
    }

    public boolean isStress() { return stress.isInstalled(); }

    /** The stress mode's driver (its counters: allocations, collections, checks). */
    public dev.refheap.gc.GcStress stress() { return stress; }

    // ---- creating objects -------------------------------------------------------------------

    /** Wraps a new reference the caller owns (it is not incref'd again). */
    public PyRef adopt(long address) {
        held.merge(address, 1L, Long::sum);
        if (stress.isInstalled()) stress.atRest();
        return new PyRef(this, address);
    }

    public PyRef newDict() { return adopt(heap.dicts.create()); }
    public PyRef newSet() { return adopt(heap.sets.create()); }
    public PyRef newInt(long v) { return adopt(heap.ints.of(v)); }
    public PyRef newFloat(double v) { return adopt(heap.floats.of(v)); }
    public PyRef newStr(String s) { return adopt(heap.strs.of(s)); }
    public PyRef none() { heap.incref(heap.None); return adopt(heap.None); }

    public PyRef newList(PyRef... items) {
        long l = heap.lists.alloc(0);
        for (PyRef r : items) heap.lists.append(l, r.address());
        return adopt(l);
    }

    public PyRef newTuple(PyRef... items) {
        long[] a = new long[items.length];
        for (int i = 0; i < items.length; i++) a[i] = items[i].address();
        return adopt(heap.tuples.of(a));
    }

    void release(long address) {
        Long n = held.get(address);
        if (n == null) throw new IllegalStateException("0x" + Long.toHexString(address) + " is not held");
        if (n == 1) held.remove(address);
        else held.put(address, n - 1);
        heap.decref(address);
    }

    // ---- the collector ------------------------------------------------------------------------

    /** gc.collect(): a full collection; returns collected + uncollectable. */
    public long collect() { return gc.collect(2); }

    public long collect(int generation) { return gc.collect(generation); }

    /** Runs the heap verifier; returns its problems (empty when consistent). */
    public List<String> verify() { return HeapVerifier.verify(heap, gc); }

    /** Runs the heap verifier and throws if it finds a problem. */
    public void verifyOrThrow() {
        List<String> problems = verify();
        if (!problems.isEmpty()) throw new IllegalStateException("heap verification failed:\n  " + String.join("\n  ", problems));
    }

    /** Refcount provenance over this heap (holders and why_alive of any object). */
    public dev.refheap.gc.Provenance provenance() { return provenance; }

    /** References held through {@link PyRef}s that were not released. */
    public int heldCount() { return held.values().stream().mapToInt(Long::intValue).sum(); }

    /**
     * Collects the garbage, then closes the heap: objects still alive (held by unreleased refs, or
     * leaked) are reported by type in a {@link HeapLeakException} after all memory is returned.
     */
    @Override
    public void close() {
        if (heap.isClosed()) return;
        gc.collect(2);
        model.dispose();
        heap.close();
    }
}
