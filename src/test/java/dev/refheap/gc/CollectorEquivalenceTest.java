package dev.refheap.gc;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.memory.Native;
import dev.refheap.object.GcHead;
import dev.refheap.object.GcHooks;
import dev.refheap.object.Heap;
import dev.refheap.object.HeapListener;
import dev.refheap.object.ListType;
import dev.refheap.object.PyType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/**
 * {@link CycleCollector} against {@link ReferenceCollector} (the pass-by-pass transcription of
 * CPython 3.11's collector): the same random programs run on two heaps, one per collector, and
 * must give the same events (frees in order, finalizer and weakref-callback calls, collection
 * results, phases) and the same final state (generation lists in order, counts, statistics,
 * refcounts, tracking and FINALIZED flags, gc.garbage). The programs mix dicts, lists, tuples
 * (so tuple and dict untracking matter), objects with finalizers that resurrect themselves or
 * break their own links, weakrefs with callbacks that release references, legacy finalizers,
 * automatic collections of every generation, and freeze/unfreeze.
 */
class CollectorEquivalenceTest {

    @Test
    void sameBehaviourAsTheReferenceCollector() {
        for (int seed = 0; seed < 300; seed++) {
            compare(seed, 300 + seed % 7 * 100);
        }
    }

    /**
     * Longer programs: generations of hundreds to thousands of objects, so every pass works in
     * several chunks ({@link CycleCollector#CHUNK}) and runs of unreachable objects are cut at
     * chunk boundaries.
     */
    @Test
    void longProgramsCrossChunkBoundaries() {
        for (int seed = 1000; seed < 1006; seed++) {
            compare(seed, 6000);
        }
    }

    /**
     * Every collection of the optimised collector splits update_refs and subtract_refs with the
     * helper thread ({@link ParallelRefs}, its size threshold at 0): the same events and state as
     * the reference collector, short and long programs (objects of the test's own type are
     * traversed by the collecting thread for the helper).
     */
    @Test
    void sameBehaviourWithTheRefsPassesOnTwoThreads() {
        for (int seed = 0; seed < 120; seed++) {
            compare(seed, 300 + seed % 7 * 100, true);
        }
        for (int seed = 1000; seed < 1003; seed++) {
            compare(seed, 6000, true);
        }
    }

    /**
     * move_unreachable's scan alternates a chunk of reachable objects and a run of gc_refs-0 ones,
     * two methods its loop calls in turn: stretches of every length from none to past two chunks,
     * with the young list ending after either, and runs whose last object a later reachable one
     * brings back, must give the reference collector's lists, frees and order.
     */
    @Test
    void moveUnreachableStretchesAndRunsOfEveryLengthAroundAChunk() {
        int c = CycleCollector.CHUNK;
        for (int reach = 0; reach <= 2 * c + 1; reach++) {
            for (int run = 0; run <= 2 * c + 1; run++) {
                World a = new World(false, 8), b = new World(true, 8);
                String where = "reachable " + reach + ", run " + run;
                try {
                    for (World w : List.of(a, b)) {
                        w.setThreshold(0, 0);  // no automatic collection: one young list in creation order
                        Heap h = w.heap;
                        long carried = 0;
                        for (int round = 0; round < 3; round++) {
                            for (int i = 0; i < reach; i++) {
                                long l = h.lists.alloc(0);  // a list is tracked from the start (an empty dict is not)
                                if (carried != 0) {  // the run's last object, reachable after all
                                    h.lists.append(l, carried);
                                    carried = 0;
                                }
                                w.root(l);
                            }
                            for (int i = 0; i < run; i++) {
                                long l = h.lists.alloc(0);
                                h.lists.append(l, l);
                                if (i == run - 1 && (reach + run + round) % 2 == 1) carried = l;
                                h.decref(l);
                            }
                        }
                        w.collect(2);
                    }
                    assertSame(a, b, 0, where + ", after the collection");
                    a.releaseAll();
                    b.releaseAll();
                    assertSame(a, b, 0, where + ", after releasing everything");
                    List<String> problems = HeapVerifier.verify(b.heap, b.gc);
                    assertTrue(problems.isEmpty(), where + ": " + problems);
                } finally {
                    a.close();
                    b.close();
                }
            }
        }
    }

    /**
     * A weakref with a callback, garbage in a young collection, to an older object that only the
     * garbage holds: handle_weakrefs clears it before delete_garbage frees the referent, so its
     * callback never runs.
     */
    @Test
    void garbageWeakrefToAnOlderReferent() {
        World a = new World(false, 4), b = new World(true, 4);
        try {
            for (World w : List.of(a, b)) {
                Heap h = w.heap;
                long r = w.newFin(w.plain, 0);
                w.root(r);
                w.collect(2);
                long d = h.dicts.create(), l = h.lists.alloc(0);
                long cb = h.ints.of(3);
                long wr = h.weakrefs.newRef(r, cb);
                h.decref(cb);
                h.dicts.setItem(d, "r", r);
                h.dicts.setItem(d, "w", wr);
                h.dicts.setItem(d, "l", l);
                h.lists.append(l, d);
                h.decref(wr);
                h.decref(l);
                h.decref(d);
                w.release(0);
                w.collect(0);
            }
            assertSame(a, b, 0, "after the young collection");
            assertTrue(b.events.stream().noneMatch(e -> e.startsWith("callback")), b.events.toString());
        } finally {
            a.close();
            b.close();
        }
    }

    private static void compare(long seed, int steps) {
        compare(seed, steps, false);
    }

    private static void compare(long seed, int steps, boolean twoThreads) {
        World a = new World(false, seed), b = new World(true, seed);
        if (twoThreads) b.gc.setParallelMin(0, seed % 2 == 0);
        try {
            run(a, seed, steps);
            run(b, seed, steps);
            assertSame(a, b, seed, "after the program");
            for (World w : List.of(a, b)) {
                LongConsumer sameGc = o -> assertEquals(w.heap.isGcObject(o), w.model.isGc(o),
                        "seed " + seed + ": isGc of " + w.heap.typeOf(o).describe(o));
                w.heap.forEachObject(sameGc);
                w.heap.forEachStaticObject(sameGc);
            }
            a.releaseAll();
            b.releaseAll();
            assertSame(a, b, seed, "after releasing everything");
            List<String> problems = HeapVerifier.verify(b.heap, b.gc);
            assertTrue(problems.isEmpty(), "seed " + seed + ": " + problems);
        } finally {
            a.close();
            b.close();
        }
        assertEquals(a.events, b.events, "seed " + seed + ": events at close");
        if (System.getProperty("equiv.stats") != null) {
            java.util.Map<String, Long> kinds = new java.util.TreeMap<>();
            for (String e : b.events) kinds.merge(e.split(" ")[0] + (e.startsWith("free") ? " " + e.substring(e.lastIndexOf(' ') + 1) : ""), 1L, Long::sum);
            System.out.println("seed " + seed + " " + kinds);
        }
    }

    private static void assertSame(World a, World b, long seed, String when) {
        String where = "seed " + seed + " " + when;
        assertEquals(a.events.size(), b.events.size(), where + ": number of events");
        for (int i = 0; i < a.events.size(); i++) {
            assertEquals(a.events.get(i), b.events.get(i), where + ": event " + i + " (after " + (i > 0 ? a.events.get(i - 1) : "") + ")");
        }
        assertEquals(a.state(), b.state(), where + ": final state");
    }

    /** One program, driven by the seed; every object created is known by its creation number. */
    private static void run(World w, long seed, int steps) {
        Random rnd = new Random(seed);
        Heap h = w.heap;
        String[] keys = {"a", "b", "c", "d", "e", "f", "g", "h"};
        for (int step = 0; step < steps; step++) {
            int r = rnd.nextInt(100);
            List<Long> roots = w.roots;
            if (r < 10) {
                w.root(h.dicts.create());
            } else if (r < 17) {
                w.root(h.lists.alloc(0));
            } else if (r < 25) {
                int n = rnd.nextInt(4);
                long[] items = new long[n];
                for (int i = 0; i < n; i++) items[i] = roots.isEmpty() ? h.None : roots.get(rnd.nextInt(roots.size()));
                w.root(h.tuples.of(items));
            } else if (r < 30) {
                w.root(rnd.nextBoolean() ? h.ints.of(rnd.nextInt(2000) - 100) : h.strs.of(keys[rnd.nextInt(keys.length)] + rnd.nextInt(3)));
            } else if (r < 36) {
                w.root(w.newFin(w.fin, rnd.nextInt(3)));
            } else if (r < 38) {
                w.root(w.newFin(w.plain, 0));
            } else if (r < 40 && w.legacy != null) {
                w.root(w.newFin(w.legacy, 0));
            } else if (r < 45) {
                long target = w.someFin(rnd);
                if (target != 0) {
                    long cb = rnd.nextInt(3) == 0 ? 0 : h.ints.of(rnd.nextInt(5));
                    w.root(h.weakrefs.newRef(target, cb));
                    h.xdecref(cb);
                }
            } else if (r < 68) {
                if (roots.isEmpty()) continue;
                long c = roots.get(rnd.nextInt(roots.size()));
                long v = roots.get(rnd.nextInt(roots.size()));
                long t = Heap.typeAddress(c);
                if (t == h.dicts.address()) {
                    if (rnd.nextBoolean()) h.dicts.setItem(c, keys[rnd.nextInt(keys.length)], v);
                    else { long k = h.ints.of(rnd.nextInt(10)); h.dicts.setItem(c, k, v); h.decref(k); }
                } else if (t == h.lists.address()) {
                    h.lists.append(c, v);
                } else if (t == w.fin.address() || t == w.plain.address() || (w.legacy != null && t == w.legacy.address())) {
                    FinType.setSlot(h, c, v);
                }
            } else if (r < 90) {
                if (!roots.isEmpty()) w.release(rnd.nextInt(roots.size()));
            } else if (r < 93) {
                // A dict whose only GC content is a tuple of atoms that nothing else holds: the
                // tuple ends up after the dict in young, so untrack_dicts must wait for untrack_tuples.
                long d = h.dicts.create();
                long i = h.ints.of(rnd.nextInt(1000)), s = h.strs.of(keys[rnd.nextInt(keys.length)]);
                long t = rnd.nextBoolean() ? h.tuples.of(i, s) : h.tuples.of(i);
                h.decref(i);
                h.decref(s);
                h.dicts.setItem(d, keys[rnd.nextInt(keys.length)], t);
                h.decref(t);
                w.root(d);
            } else if (r < 95) {
                w.collect(rnd.nextInt(3));
            } else if (r < 96) {
                if (rnd.nextBoolean()) w.freeze(); else w.unfreeze();
            } else {
                w.collect(2);
            }
        }
    }

    /** A heap with one of the two collectors, recording what happens in it. */
    static final class World implements AutoCloseable {
        final Heap heap = new Heap();
        final HeapObjectModel model;
        final CycleCollector gc;
        final ReferenceCollector ref;
        final FinType fin, plain, legacy;
        final List<Long> roots = new ArrayList<>();
        final Map<Long, Integer> ids = new HashMap<>();
        final List<String> events = new ArrayList<>();
        int nextId;

        World(boolean optimised, long seed) {
            model = new HeapObjectModel(heap);
            long heads = heap.allocateStatic(CycleCollector.HEADS_BYTES, 0);
            if (optimised) {
                gc = new CycleCollector(model, heads);
                ref = null;
                heap.installGc(gc);
            } else {
                gc = null;
                ref = new ReferenceCollector(model, heads);
                heap.installGc(ref);
            }
            fin = heap.register(new FinType(heap, this, "Fin", FinType.FINALIZER));
            plain = heap.register(new FinType(heap, this, "Plain", FinType.NONE));
            legacy = seed % 3 == 0 ? heap.register(new FinType(heap, this, "Legacy", FinType.LEGACY)) : null;
            setThreshold(0, 15 + (int) (seed % 40));
            setThreshold(1, 2 + (int) (seed % 3));
            setThreshold(2, 2 + (int) (seed % 4));
            if (seed % 4 == 1) {
                GcObserver observer = (g, phase, count) -> events.add("phase " + g + " " + phase + " " + count);
                if (gc != null) gc.setObserver(observer); else ref.setObserver(observer);
            }
            if (seed % 5 == 2) setDebug(CycleCollector.DEBUG_COLLECTABLE);
            model.setDebugOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            heap.addRootProvider(v -> roots.forEach(o -> v.root(o, 1)));
            heap.setCallbacks((cb, wr) -> {
                events.add("callback " + id(wr) + " " + id(cb));
                if (id(wr) % 3 == 0 && !roots.isEmpty()) release(roots.size() - 1);
            });
            heap.setListener(new HeapListener() {
                @Override public void onAllocate(long o, PyType type, long size) { ids.put(o, nextId++); }
                @Override public void onFree(long o, PyType type) {
                    Integer id = ids.remove(o);
                    events.add("free " + id + " " + type.name());
                }
            });
        }

        int id(long o) { return ids.getOrDefault(o, -1); }

        void root(long o) { roots.add(o); }

        void release(int i) {
            long o = roots.remove(i);
            heap.decref(o);
        }

        long newFin(FinType t, int mode) {
            long o = heap.allocObject(t, 0);
            Native.putLong(o + FinType.SLOT, 0);
            Native.putLong(o + FinType.WEAKLIST, 0);
            Native.putLong(o + FinType.MODE, mode);
            heap.track(o);
            return o;
        }

        long someFin(Random rnd) {
            for (int tries = 0; tries < 5 && !roots.isEmpty(); tries++) {
                long o = roots.get(rnd.nextInt(roots.size()));
                if (Heap.typeAddress(o) == fin.address() || Heap.typeAddress(o) == plain.address()) return o;
            }
            return 0;
        }

        void collect(int g) {
            long n = gc != null ? gc.collect(g) : ref.collect(g);
            events.add("collect " + g + " -> " + n);
        }

        void setThreshold(int g, int v) { if (gc != null) gc.setThreshold(g, v); else ref.setThreshold(g, v); }
        void setDebug(int flags) { if (gc != null) gc.setDebug(flags); else ref.setDebug(flags); }
        void freeze() { if (gc != null) gc.freeze(); else ref.freeze(); events.add("freeze"); }
        void unfreeze() { if (gc != null) gc.unfreeze(); else ref.unfreeze(); events.add("unfreeze"); }

        void releaseAll() {
            while (!roots.isEmpty()) release(roots.size() - 1);
            unfreeze();
            collect(2);
        }

        /** Everything the collector decides that outlives a collection, with objects by creation number. */
        String state() {
            StringBuilder s = new StringBuilder();
            for (int g = 0; g <= CycleCollector.NUM_GENERATIONS; g++) {
                s.append("gen ").append(g).append(':');
                LongConsumer add = o -> s.append(' ').append(id(o));
                if (gc != null) gc.forEachInGeneration(g, add); else ref.forEachInGeneration(g, add);
                s.append('\n');
            }
            s.append("count ").append(java.util.Arrays.toString(gc != null ? gc.count() : ref.count())).append('\n');
            s.append("stats ").append(java.util.Arrays.deepToString(gc != null ? gc.stats() : ref.stats())).append('\n');
            s.append("long-lived ").append(gc != null ? gc.longLivedTotal() : ref.longLivedTotal()).append(' ')
                    .append(gc != null ? gc.longLivedPending() : ref.longLivedPending()).append('\n');
            java.util.TreeMap<Integer, String> objects = new java.util.TreeMap<>();
            heap.forEachObject(o -> {
                String flags = heap.typeOf(o).name() + " rc=" + heap.refcount(o);
                if (heap.typeOf(o).isGc()) flags += (GcHead.isTracked(o) ? " tracked" : "") + (GcHead.isFinalized(o) ? " finalized" : "");
                objects.put(id(o), flags);
            });
            objects.forEach((id, f) -> s.append(id).append(": ").append(f).append('\n'));
            s.append("garbage:");
            long g = model.garbage();
            for (long i = 0; i < ListType.size(g); i++) s.append(' ').append(id(ListType.item(g, i)));
            return s.toString();
        }

        @Override
        public void close() {
            try {
                model.dispose();
                heap.close();
            } catch (RuntimeException e) {
                events.add("close: " + e.getMessage());
            }
        }
    }

    /**
     * A class with one reference slot, a weakref list, and a finalizer (or a legacy tp_del, or
     * neither) that does what its mode says: 0 nothing, 1 resurrect itself (the program holds it
     * again), 2 drop its slot.
     */
    static final class FinType extends PyType {
        static final int SLOT = 16, WEAKLIST = 24, MODE = 32;
        static final int NONE = 0, FINALIZER = 1, LEGACY = 2;
        private final World world;
        private final int kind;

        FinType(Heap heap, World world, String name, int kind) {
            super(heap, name, null, HAVE_GC, 40, 0, WEAKLIST);
            this.world = world;
            this.kind = kind;
        }

        static void setSlot(Heap heap, long o, long v) {
            long old = Native.getLong(o + SLOT);
            heap.incref(v);
            Native.putLong(o + SLOT, v);
            heap.xdecref(old);
        }

        @Override
        public void traverse(long o, LongConsumer visit) {
            long v = Native.getLong(o + SLOT);
            if (v != 0) visit.accept(v);
        }

        @Override public boolean hasClear() { return true; }

        @Override
        public void clear(long o) {
            long v = Native.getLong(o + SLOT);
            Native.putLong(o + SLOT, 0);
            heap.xdecref(v);
        }

        @Override public boolean hasFinalizer() { return kind == FINALIZER; }
        @Override public boolean hasLegacyFinalizer() { return kind == LEGACY; }

        @Override
        public void finalize(long o) {
            world.events.add("finalize " + world.id(o));
            long mode = Native.getLong(o + MODE);
            if (mode == 1) {
                heap.incref(o);
                world.roots.add(o);
            } else if (mode == 2) {
                clear(o);
            }
        }

        @Override
        public void dealloc(long o) {
            if (heap.callFinalizerFromDealloc(o, this)) return;
            super.dealloc(o);
        }
    }
}
