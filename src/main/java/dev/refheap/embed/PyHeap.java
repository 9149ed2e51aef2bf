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
 * in a {@link HeapLeakException}, and returns all memory.
 *
 * <p>Misuse is refused before anything changes, with a specific exception that names the
 * mistake (the contract in docs/architecture.md, "Contracts"): a heap is confined to the thread
 * that created it ({@link WrongThreadException}, checked by one field compare on every entry);
 * after {@link #close()} every call but {@code close()} throws {@link HeapClosedException}; a
 * released ref throws {@link ReferenceReleasedException}; a ref of another heap
 * {@link ForeignReferenceException}; an operation the object's type lacks
 * {@link WrongObjectTypeException}; {@link #adopt(long)} of an address that is no live object
 * {@link NotAnObjectException}. The raw accessors ({@link #heap()}, {@link #gc()},
 * {@link #model()}) are unchecked internals.
 */
public final class PyHeap implements AutoCloseable {
    private final Heap heap;
    private final CycleCollector gc;
    private final HeapObjectModel model;
    private final Map<Long, Long> held = new TreeMap<>();
    private final dev.refheap.gc.Provenance provenance;
    private final dev.refheap.gc.GcStress stress;
    private final Thread thread = Thread.currentThread();
    private boolean closed;

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
        enter("setStress");
        if (on && !stress.isInstalled()) stress.install();
        else if (!on && stress.isInstalled()) stress.uninstall();
    }

    public boolean isStress() { return stress.isInstalled(); }

    /**
     * The check at every entry: the creating thread, an open heap. One field compare and one
     * boolean read; {@code what} names the call in the message.
     */
    void enter(String what) {
        if (Thread.currentThread() != thread) throw new WrongThreadException(thread, Thread.currentThread());
        if (closed) throw new HeapClosedException(what);
    }

    /** {@code r} as an argument of {@code what}: a live ref of this heap. */
    long argument(PyRef r, String what) {
        if (r == null) throw new NullPointerException(what + ": a null PyRef");
        if (r.owner() != this) throw new ForeignReferenceException(what + ": the PyRef " + r.describeForError()
                + " belongs to another PyHeap; a heap's objects can only refer to objects of the same heap");
        return r.address();
    }

    /** The stress mode's driver (its counters: allocations, collections, checks). */
    public dev.refheap.gc.GcStress stress() { return stress; }

    // ---- creating objects -------------------------------------------------------------------

    /**
     * Wraps a new reference the caller owns (it is not incref'd again). The address must be a
     * live object of this heap ({@link NotAnObjectException} otherwise: nothing is changed).
     */
    public PyRef adopt(long address) {
        enter("adopt");
        if (!heap.isLiveObject(address)) {
            throw new NotAnObjectException("adopt(0x" + Long.toHexString(address) + "): not the address of a live object of this heap");
        }
        if (heap.refcount(address) < 1) {
            throw new NotAnObjectException("adopt(0x" + Long.toHexString(address) + "): its refcount is "
                    + heap.refcount(address) + ", so there is no reference to adopt");
        }
        return own(address);
    }

    /** adopt() of an address this class just made (no checks). */
    PyRef own(long address) {
        held.merge(address, 1L, Long::sum);
        if (stress.isInstalled()) stress.atRest();
        return new PyRef(this, address);
    }

    public PyRef newDict() { enter("newDict"); return own(heap.dicts.create()); }
    public PyRef newSet() { enter("newSet"); return own(heap.sets.create()); }
    public PyRef newInt(long v) { enter("newInt"); return own(heap.ints.of(v)); }
    public PyRef newFloat(double v) { enter("newFloat"); return own(heap.floats.of(v)); }

    public PyRef newStr(String s) {
        enter("newStr");
        if (s == null) throw new NullPointerException("newStr: a null String");
        return own(heap.strs.of(s));
    }

    public PyRef none() { enter("none"); heap.incref(heap.None); return own(heap.None); }

    public PyRef newList(PyRef... items) {
        enter("newList");
        long[] a = arguments(items, "newList");
        long l = heap.lists.alloc(0);
        for (long r : a) heap.lists.append(l, r);
        return own(l);
    }

    public PyRef newTuple(PyRef... items) {
        enter("newTuple");
        return own(heap.tuples.of(arguments(items, "newTuple")));
    }

    /** Every item checked before anything is allocated. */
    private long[] arguments(PyRef[] items, String what) {
        long[] a = new long[items.length];
        for (int i = 0; i < items.length; i++) a[i] = argument(items[i], what);
        return a;
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
    public long collect() { enter("collect"); return gc.collect(2); }

    public long collect(int generation) {
        enter("collect");
        if (generation < 0 || generation > 2) throw new IllegalArgumentException("collect(" + generation + "): the generations are 0, 1 and 2");
        return gc.collect(generation);
    }

    /** Runs the heap verifier; returns its problems (empty when consistent). */
    public List<String> verify() { enter("verify"); return HeapVerifier.verify(heap, gc); }

    /** Runs the heap verifier and throws if it finds a problem. */
    public void verifyOrThrow() {
        enter("verifyOrThrow");
        List<String> problems = verify();
        if (!problems.isEmpty()) throw new IllegalStateException("heap verification failed:\n  " + String.join("\n  ", problems));
    }

    /** Refcount provenance over this heap (holders and why_alive of any object). */
    public dev.refheap.gc.Provenance provenance() { return provenance; }

    /** References held through {@link PyRef}s that were not released. */
    public int heldCount() { enter("heldCount"); return held.values().stream().mapToInt(Long::intValue).sum(); }

    /**
     * Collects the garbage, then closes the heap: objects still alive (held by unreleased refs, or
     * leaked) are reported by type in a {@link HeapLeakException} after all memory is returned.
     */
    @Override
    public void close() {
        if (Thread.currentThread() != thread) throw new WrongThreadException(thread, Thread.currentThread());
        if (closed || heap.isClosed()) return;
        closed = true;
        gc.collect(2);
        model.dispose();
        heap.close();
    }
}
