package dev.refheap.gc;

import dev.refheap.memory.BlockAllocator;
import dev.refheap.memory.Native;
import dev.refheap.object.GcHead;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * A model object graph for testing {@link CycleCollector} alone: each node is a 32-byte native
 * block (16-byte GC head, refcount, id) from its own {@link BlockAllocator}; edges, flags and
 * weak references live in Java. The graph plays the runtime: refcounting with deallocation,
 * references held by the test ("roots"), finalizers, legacy finalizers, weakrefs with callbacks,
 * gc.garbage, and a log of events (finalize, callback, free) in the order they happened.
 */
final class ModelGraph implements ObjectModel, AutoCloseable {
    enum Kind { PLAIN, TUPLE, DICT, WEAKREF }

    final class Node {
        final int id;
        final long addr;
        final Kind kind;
        final List<Long> edges = new ArrayList<>();
        boolean gc = true, clearable = true, finalizer, legacy;
        int finalizeCalls;
        LongConsumer onFinalize = o -> {};
        // weakref nodes
        long referent;
        boolean callback;
        LongConsumer onCallback = wr -> {};
        // referents: their weakrefs, head first
        final List<Long> weakrefs = new ArrayList<>();

        Node(int id, long addr, Kind kind) { this.id = id; this.addr = addr; this.kind = kind; }
    }

    final BlockAllocator allocator = new BlockAllocator();
    final CycleCollector gc;
    final Map<Long, Node> nodes = new LinkedHashMap<>();
    final Map<Long, Long> held = new HashMap<>();
    final List<Long> garbage = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    final List<String> debugLines = new ArrayList<>();
    int freeListClears;
    boolean errorPending;
    private int nextId = 1;

    ModelGraph() {
        gc = new CycleCollector(this, allocator.allocateStatic(CycleCollector.HEADS_BYTES));
    }

    // ---- building ----------------------------------------------------------------------------

    /** A new tracked node held once by the test (as PyObject_GC_New then track). */
    long node() { return node(Kind.PLAIN); }

    long node(Kind kind) {
        long o = allocate(kind);
        track(o);
        return o;
    }

    /** A node allocated (counted) but not tracked, like a new dict. */
    long untrackedNode(Kind kind) { return allocate(kind); }

    private long allocate(Kind kind) {
        long block = allocator.malloc(32);
        long o = block + 16;
        Native.putLong(o - 16, 0);
        Native.putLong(o - 8, 0);
        int id = nextId++;
        Native.putLong(o, 1);
        Native.putLong(o + 8, id);
        gc.onGcAlloc();  // may collect: the new node is not tracked yet
        nodes.put(o, new Node(id, o, kind));
        held.merge(o, 1L, Long::sum);
        return o;
    }

    void track(long o) { gc.track(o); }

    /** A weakref node to {@code referent} (held by the test), with or without a callback. */
    long weakref(long referent, boolean callback) {
        long wr = node(Kind.WEAKREF);
        Node w = n(wr);
        w.referent = referent;
        w.callback = callback;
        n(referent).weakrefs.add(0, wr);
        return wr;
    }

    Node n(long o) {
        Node node = nodes.get(o);
        if (node == null) throw new AssertionError("0x" + Long.toHexString(o) + " is not a live node");
        return node;
    }

    int id(long o) { return n(o).id; }

    boolean alive(long o) { return nodes.containsKey(o); }

    /** a.edges += b (a owns a new reference to b). */
    void link(long a, long b) {
        n(a).edges.add(b);
        incref(b);
    }

    /** Removes one edge a -> b. */
    void unlink(long a, long b) {
        if (!n(a).edges.remove(b)) throw new AssertionError("no edge");
        decref(b);
    }

    /** Drops one reference the test holds. */
    void release(long o) {
        long h = held.getOrDefault(o, 0L);
        if (h <= 0) throw new AssertionError("not held: " + id(o));
        if (h == 1) held.remove(o); else held.put(o, h - 1);
        decref(o);
    }

    /** The test takes one more reference. */
    void hold(long o) {
        incref(o);
        held.merge(o, 1L, Long::sum);
    }

    /** Releases everything gc.garbage holds. */
    void clearGarbage() {
        List<Long> g = new ArrayList<>(garbage);
        garbage.clear();
        for (long o : g) decref(o);
    }

    int generationOf(long o) {
        for (int g = 0; g <= CycleCollector.NUM_GENERATIONS; g++) {
            boolean[] found = {false};
            gc.forEachInGeneration(g, x -> { if (x == o) found[0] = true; });
            if (found[0]) return g;
        }
        return -1;
    }

    // ---- consistency -----------------------------------------------------------------------------

    /** Refcounts equal edges + held + garbage; generation lists consistent; flags clear. */
    List<String> verify() {
        List<String> problems = new ArrayList<>(allocator.verify());
        Map<Long, Long> expected = new HashMap<>();
        for (Node node : nodes.values()) {
            for (long e : node.edges) {
                if (!nodes.containsKey(e)) problems.add("node " + node.id + " refers to a dead node");
                expected.merge(e, 1L, Long::sum);
            }
        }
        held.forEach((o, h) -> expected.merge(o, h, Long::sum));
        for (long o : garbage) expected.merge(o, 1L, Long::sum);
        for (Node node : nodes.values()) {
            long want = expected.getOrDefault(node.addr, 0L);
            if (refcount(node.addr) != want) problems.add("node " + node.id + " refcount " + refcount(node.addr) + ", expected " + want);
        }
        Map<Long, Integer> onList = new HashMap<>();
        for (int g = 0; g <= CycleCollector.NUM_GENERATIONS; g++) {
            long head = gc.generationHead(g);
            long prev = head;
            for (long o = GcHead.next(head); o != head; o = GcHead.next(o)) {
                if (GcHead.prev(o) != prev) problems.add("gen " + g + ": broken back link");
                if ((GcHead.prevWord(o) & GcHead.PREV_MASK_COLLECTING) != 0) problems.add("gen " + g + ": COLLECTING left");
                if (!nodes.containsKey(o)) { problems.add("gen " + g + ": dead node on list"); break; }
                if (onList.put(o, g) != null) { problems.add("node on two lists"); break; }
                prev = o;
            }
            if (GcHead.prev(head) != prev) problems.add("gen " + g + ": stale head back link");
        }
        for (Node node : nodes.values()) {
            boolean tracked = GcHead.next(node.addr) != 0;
            if (tracked != onList.containsKey(node.addr)) problems.add("node " + node.id + " tracked=" + tracked + " but on list=" + onList.containsKey(node.addr));
        }
        return problems;
    }

    // ---- ObjectModel ---------------------------------------------------------------------------

    @Override public long refcount(long o) { return Native.getLong(o); }
    @Override public void incref(long o) { Native.putLong(o, Native.getLong(o) + 1); }

    @Override
    public void decref(long o) {
        long c = Native.getLong(o) - 1;
        if (c < 0) throw new AssertionError("negative refcount on node " + id(o));
        Native.putLong(o, c);
        if (c == 0) dealloc(o);
    }

    private void dealloc(long o) {
        Node node = n(o);
        if (GcHead.next(o) != 0) gc.untrack(o);
        if (node.finalizer && !GcHead.isFinalized(o)) {
            Native.putLong(o, 1);
            GcHead.setFinalized(o);
            runFinalizer(node);
            Native.putLong(o, Native.getLong(o) - 1);
            if (Native.getLong(o) != 0) throw new AssertionError("resurrection from dealloc is not modelled");
        }
        clearWeakrefsOf(node);
        if (node.kind == Kind.WEAKREF) detach(node);
        List<Long> edges = new ArrayList<>(node.edges);
        node.edges.clear();
        events.add("free " + node.id);
        for (int i = edges.size() - 1; i >= 0; i--) decref(edges.get(i));
        nodes.remove(o);
        gc.onGcFree();
        allocator.free(o - 16);
    }

    /** PyObject_ClearWeakRefs: clears every weakref to the dying node, then calls the callbacks. */
    private void clearWeakrefsOf(Node node) {
        List<Long> refs = new ArrayList<>(node.weakrefs);
        for (long wr : refs) clearWeakref(wr);
        for (long wr : refs) {
            Node w = nodes.get(wr);
            if (w != null && w.callback && refcount(wr) > 0) {
                incref(wr);
                callWeakrefCallback(wr);
                decref(wr);
            }
        }
    }

    private void detach(Node w) {
        if (w.referent != 0) {
            Node r = nodes.get(w.referent);
            if (r != null) r.weakrefs.remove(w.addr);
            w.referent = 0;
        }
    }

    private void runFinalizer(Node node) {
        node.finalizeCalls++;
        events.add("finalize " + node.id);
        node.onFinalize.accept(node.addr);
    }

    @Override public boolean isGc(long o) { return n(o).gc; }

    @Override
    public void traverse(long o, LongConsumer visit) {
        for (long e : new ArrayList<>(n(o).edges)) visit.accept(e);
    }

    @Override public boolean hasClear(long o) { return n(o).clearable; }

    @Override
    public void clear(long o) {
        Node node = n(o);
        events.add("clear " + node.id);
        if (node.kind == Kind.WEAKREF) {
            detach(node);
            node.callback = false;
        }
        List<Long> edges = new ArrayList<>(node.edges);
        node.edges.clear();
        for (long e : edges) decref(e);
    }

    @Override public boolean hasFinalizer(long o) { return n(o).finalizer; }

    @Override
    public void finalize(long o) { runFinalizer(n(o)); }

    @Override public boolean hasLegacyFinalizer(long o) { return n(o).legacy; }

    private boolean mayBeTracked(long o) {
        Node x = n(o);
        if (!x.gc) return false;
        if (x.kind == Kind.TUPLE) return GcHead.next(o) != 0;
        return true;
    }

    @Override
    public boolean isUntrackableTuple(long o) {
        Node x = n(o);
        return x.kind == Kind.TUPLE && x.edges.stream().noneMatch(this::mayBeTracked);
    }

    @Override
    public boolean isUntrackableDict(long o) {
        Node x = n(o);
        return x.kind == Kind.DICT && x.edges.stream().noneMatch(this::mayBeTracked);
    }

    @Override public boolean isWeakref(long o) { return n(o).kind == Kind.WEAKREF; }

    @Override
    public long firstWeakref(long o) {
        List<Long> w = n(o).weakrefs;
        return w.isEmpty() ? 0 : w.get(0);
    }

    @Override
    public void clearWeakref(long wr) { detach(n(wr)); }

    @Override public boolean weakrefHasCallback(long wr) { return n(wr).callback; }

    @Override
    public void callWeakrefCallback(long wr) {
        Node w = n(wr);
        events.add("callback " + w.id);
        if (w.referent != 0) events.add("ERROR: callback of uncleared weakref " + w.id);
        w.onCallback.accept(wr);
    }

    @Override public void clearFreeLists() { freeListClears++; }

    @Override
    public void saveGarbage(long o) {
        incref(o);
        garbage.add(o);
    }

    @Override public String describe(long o) { return "<node 0x" + Long.toHexString(o) + ">"; }
    @Override public void debugPrint(String line) { debugLines.add(line); }
    @Override public boolean errorPending() { return errorPending; }

    @Override
    public void close() { allocator.close(); }
}
