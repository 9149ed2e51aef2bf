package dev.refheap.gc;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.gc.ModelGraph.Kind;
import dev.refheap.object.GcHead;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CycleCollector alone, over a {@link ModelGraph}: every phase of a collection, the counters and
 * thresholds, the gc module's API. Expected behaviour from the spec (section 6) and python3 3.11.
 * After each test the model's own verifier must be clean.
 */
class CycleCollectorTest {
    final ModelGraph g = new ModelGraph();
    final CycleCollector gc = g.gc;

    @AfterEach
    void verifyAndClose() {
        try {
            assertEquals(List.of(), g.verify(), "model graph consistency after the test");
            assertFalse(g.events.stream().anyMatch(e -> e.startsWith("ERROR")), g.events.toString());
        } finally {
            g.close();
        }
    }

    /** A list of events: {"start", gen, collected, uncollectable, count0, count1, count2}. */
    final List<long[]> callbackLog = new ArrayList<>();

    void recordCallbacks() {
        gc.setCallbacks(new GcCallbacks() {
            @Override public boolean isEmpty() { return false; }
            @Override public void invoke(String phase, int gen, long collected, long uncollectable) {
                long[] c = gc.count();
                callbackLog.add(new long[] {phase.equals("start") ? 0 : 1, gen, collected, uncollectable, c[0], c[1], c[2]});
            }
        });
    }

    long[] cycle(int n) {
        long[] ns = new long[n];
        for (int i = 0; i < n; i++) ns[i] = g.node();
        for (int i = 0; i < n; i++) g.link(ns[i], ns[(i + 1) % n]);
        return ns;
    }

    void releaseAll(long... os) { for (long o : os) g.release(o); }

    // ---- what is garbage ----

    @Test
    void nothingToCollectReturnsZero() {
        long a = g.node(), b = g.node();
        g.link(a, b);
        assertEquals(0, gc.collect(2));
        assertTrue(g.alive(a) && g.alive(b));
        releaseAll(a, b);
        assertTrue(g.nodes.isEmpty(), "refcounting freed the chain");
    }

    @Test
    void selfReferenceIsOneObject() {
        long a = g.node();
        g.link(a, a);
        g.release(a);
        assertTrue(g.alive(a), "a self-loop survives refcounting");
        assertEquals(1, gc.collect(2));
        assertFalse(g.alive(a));
    }

    @Test
    void twoCycleIsCollectedAndClearedInListOrder() {
        long[] c = cycle(2);
        releaseAll(c);
        assertEquals(2, gc.collect(2));
        assertTrue(g.nodes.isEmpty());
        // d1 was tracked first: clearing d1 frees d2, then the collector's final decref frees d1
        assertEquals(List.of("clear 1", "free 2", "free 1"), g.events);
    }

    @Test
    void objectsReachableOnlyFromGarbageAreCollectedToo() {
        long[] c = cycle(3);
        long tail1 = g.node(), tail2 = g.node(), leaf = g.node();
        g.n(leaf).gc = false;  // a non-GC object (like an int), freed by refcounting
        g.link(c[0], tail1);
        g.link(tail1, tail2);
        g.link(tail2, leaf);
        releaseAll(c);
        releaseAll(tail1, tail2, leaf);
        assertEquals(5, gc.collect(2), "3 in the cycle + 2 tracked in the chain hanging off it");
        assertTrue(g.nodes.isEmpty(), "the untracked leaf died with them");
    }

    @Test
    void chainIntoACycleKeepsItAliveUntilReleased() {
        long[] c = cycle(2);
        long h = g.node();
        g.link(h, c[0]);
        releaseAll(c);
        assertEquals(0, gc.collect(2), "reachable from a held node");
        assertTrue(g.alive(c[0]) && g.alive(c[1]));
        g.release(h);
        assertEquals(2, gc.collect(2));
        assertTrue(g.nodes.isEmpty());
    }

    @Test
    void garbageReferringToALiveObjectLeavesItAliveWithItsCountRestored() {
        long[] c = cycle(2);
        long live = g.node();
        g.link(c[1], live);
        assertEquals(2, g.refcount(live));
        releaseAll(c);
        assertEquals(2, gc.collect(2));
        assertTrue(g.alive(live));
        assertEquals(1, g.refcount(live));
        g.release(live);
    }

    @Test
    void reachableChainsComeOutOfLongListsIntact() {
        // a long chain whose head is held, built in reverse so move_unreachable moves most of it back
        long head = g.node();
        long prev = head;
        List<Long> chain = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            long x = g.node();
            g.link(prev, x);
            g.release(x);
            chain.add(x);
            prev = x;
        }
        g.link(prev, head);  // and a cycle back to the head
        assertEquals(0, gc.collect(0));
        for (long x : chain) assertEquals(1, g.generationOf(x), "survivors of gen 0 move to gen 1");
        g.release(head);
        assertEquals(1001, gc.collect(1));
        assertTrue(g.nodes.isEmpty());
    }

    // ---- finalizers ----

    @Test
    void resurrectionByAFinalizerKeepsTheCycleAndTheFinalizerRunsOnce() {
        long[] c = cycle(2);
        long r = c[0], a = c[1];
        g.n(r).finalizer = true;
        g.n(r).onFinalize = self -> g.hold(self);  // __del__ stores self in a global
        releaseAll(c);
        assertEquals(0, gc.collect(2), "python3: R<->A with R.__del__ saving self gives 0");
        assertTrue(g.alive(r) && g.alive(a));
        assertTrue(GcHead.isFinalized(r), "gc.is_finalized(r)");
        assertEquals(2, g.generationOf(r), "resurrected objects move to the old generation");
        assertEquals(2, g.generationOf(a), "along with what they reach");
        g.release(r);
        assertEquals(2, gc.collect(2), "after the saved reference is dropped, the cycle is collected");
        assertEquals(1, g.events.stream().filter(e -> e.startsWith("finalize")).count(), "__del__ is not called again");
        assertTrue(g.nodes.isEmpty());
    }

    @Test
    void finalizersRunBeforeClearingAndEachOnce() {
        long[] c = cycle(3);
        for (long x : c) g.n(x).finalizer = true;
        releaseAll(c);
        assertEquals(3, gc.collect(2));
        assertEquals(List.of("finalize 1", "finalize 2", "finalize 3", "clear 1"), g.events.subList(0, 4));
        assertTrue(g.nodes.isEmpty());
    }

    @Test
    void legacyFinalizerMakesItsCycleAndWhatItReachesUncollectable() {
        long[] c = cycle(2);
        long extra = g.node();
        long l = c[0];
        g.n(l).legacy = true;
        g.link(l, extra);
        releaseAll(c);
        g.release(extra);
        assertEquals(3, gc.collect(2), "python3: tp_del cycle + one reachable object gives 3");
        assertEquals(List.of(l), g.garbage, "gc.garbage holds only the tp_del object");
        assertEquals(3, gc.stats()[2][2], "uncollectable = 3");
        assertEquals(0, gc.stats()[2][1], "collected = 0");
        for (long x : new long[] {c[0], c[1], extra}) assertEquals(2, g.generationOf(x), "moved to old");
        assertFalse(g.events.stream().anyMatch(e -> e.startsWith("clear")), "nothing was cleared");
        // legacy objects stay uncollectable: breaking the cycle by hand frees them
        g.clearGarbage();
        g.unlink(c[1], l);
        assertTrue(g.nodes.isEmpty());
    }

    @Test
    void saveAllPutsEveryGarbageObjectInGarbageInsteadOfClearing() {
        gc.setDebug(CycleCollector.DEBUG_SAVEALL);
        long[] c = cycle(2);
        releaseAll(c);
        assertEquals(2, gc.collect(2));
        assertEquals(List.of(c[0], c[1]), g.garbage);
        assertTrue(g.alive(c[0]) && g.alive(c[1]));
        assertEquals(2, g.generationOf(c[0]));
        gc.setDebug(0);
        g.clearGarbage();
        assertEquals(2, gc.collect(2));
        assertTrue(g.nodes.isEmpty());
    }

    @Test
    void saveAllAlsoSavesEverythingReachableFromLegacyFinalizers() {
        gc.setDebug(CycleCollector.DEBUG_SAVEALL);
        long[] c = cycle(2);
        g.n(c[0]).legacy = true;
        releaseAll(c);
        assertEquals(2, gc.collect(2));
        assertEquals(List.of(c[0], c[1]), g.garbage);
        g.clearGarbage();
        g.unlink(c[1], c[0]);
        assertTrue(g.nodes.isEmpty());
    }

    // ---- weak references ----

    @Test
    void weakrefsAreClearedAndCallbacksRunBeforeAnyFinalizer() {
        long[] c = cycle(2);
        g.n(c[0]).finalizer = true;
        long wr = g.weakref(c[0], true);
        g.n(c[0]).onFinalize = self -> assertEquals(0, g.n(wr).referent, "the weakref was cleared before __del__");
        releaseAll(c);
        assertEquals(2, gc.collect(2));
        int cb = g.events.indexOf("callback " + g.id(wr)), fin = g.events.indexOf("finalize " + 1);
        assertTrue(cb >= 0 && fin > cb, g.events.toString());
        assertTrue(g.alive(wr), "the reachable weakref survives");
        assertEquals(0, g.n(wr).referent, "wr() is None");
        g.release(wr);
    }

    @Test
    void aWeakrefThatIsGarbageItselfNeverCalls() {
        long[] c = cycle(2);
        long wr = g.weakref(c[0], true);
        g.link(c[1], wr);
        g.release(wr);
        releaseAll(c);
        assertEquals(3, gc.collect(2));
        assertFalse(g.events.stream().anyMatch(e -> e.startsWith("callback")), g.events.toString());
        assertTrue(g.nodes.isEmpty());
    }

    @Test
    void aWeakrefWithoutCallbackIsJustCleared() {
        long[] c = cycle(2);
        long wr = g.weakref(c[1], false);
        releaseAll(c);
        assertEquals(2, gc.collect(2));
        assertEquals(0, g.n(wr).referent);
        assertEquals(List.of(), g.events.stream().filter(e -> e.startsWith("callback")).toList());
        g.release(wr);
    }

    @Test
    void aWeakrefFreedByItsOwnCallbackCountsAsCollected() {
        long[] c = cycle(2);
        long holder = g.node();
        long wr = g.weakref(c[0], true);
        g.link(holder, wr);
        g.release(wr);  // held only by holder, like a value of a dict
        g.n(wr).onCallback = w -> g.unlink(holder, w);  // the callback removes it from the dict
        releaseAll(c);
        assertEquals(3, gc.collect(2), "python3: cycle of 2 + weakref freed by its callback gives 3");
        assertFalse(g.alive(wr));
        assertEquals(3, gc.stats()[2][1]);
        g.release(holder);
    }

    @Test
    void callbacksOfReachableWeakrefsInOldGenerationsRunAndTheWeakrefMovesToOld() {
        long wr;
        long[] c = cycle(2);
        long target = c[0];
        wr = g.weakref(target, true);
        gc.collect(1);  // everything to generation 2
        long[] c2 = cycle(2);
        long wr2 = g.weakref(c2[0], true);
        assertEquals(2, g.generationOf(wr));
        releaseAll(c2);
        assertEquals(2, gc.collect(0));
        assertEquals(List.of("callback " + g.id(wr2)), g.events.stream().filter(e -> e.startsWith("callback")).toList());
        assertEquals(1, g.generationOf(wr2), "a called weakref still alive moves to old (gen 1)");
        releaseAll(c);
        assertEquals(2, gc.collect(2));
        g.release(wr);
        g.release(wr2);
    }

    // ---- tuples and dicts ----

    @Test
    void everyCollectionUntracksTuplesOfUntrackedItems() {
        long t = g.node(Kind.TUPLE), leaf = g.node();
        g.n(leaf).gc = false;
        g.link(t, leaf);
        long inner = g.node(Kind.TUPLE), outer = g.node(Kind.TUPLE);
        g.link(inner, leaf);
        g.link(outer, inner);
        g.gc.untrack(leaf);
        gc.collect(0);
        assertEquals(0, GcHead.next(t), "untracked by a generation-0 collection");
        assertEquals(0, GcHead.next(inner));
        assertTrue(GcHead.next(outer) == 0 || g.generationOf(outer) == 1);
        gc.collect(1);
        assertEquals(0, GcHead.next(outer), "a nested tuple needs at most one more pass");
        releaseAll(t, leaf, inner, outer);
    }

    @Test
    void onlyFullCollectionsUntrackDicts() {
        long d = g.node(Kind.DICT), v = g.node();
        g.n(v).gc = false;
        g.gc.untrack(v);
        g.link(d, v);
        gc.collect(0);
        gc.collect(1);
        assertNotEquals(0, GcHead.next(d));
        gc.collect(2);
        assertEquals(0, GcHead.next(d));
        releaseAll(d, v);
    }

    // ---- generations, counters, thresholds ----

    @Test
    void survivorsArePromotedOneGenerationPerCollection() {
        long a = g.node();
        assertEquals(0, g.generationOf(a));
        gc.collect(0);
        assertEquals(1, g.generationOf(a));
        gc.collect(1);
        assertEquals(2, g.generationOf(a));
        gc.collect(2);
        assertEquals(2, g.generationOf(a));
        long b = g.node();
        gc.collect(1);
        assertEquals(2, g.generationOf(b), "collecting gen 1 merges gen 0 into it, then promotes");
        releaseAll(a, b);
    }

    @Test
    void collectionOfGenerationGResetsYoungerCountsAndBumpsTheNext() {
        gc.setEnabled(false);
        for (int i = 0; i < 5; i++) g.node();
        assertArrayEquals(new long[] {5, 0, 0}, gc.count());
        gc.collect(0);
        assertArrayEquals(new long[] {0, 1, 0}, gc.count());
        g.node();
        gc.collect(1);
        assertArrayEquals(new long[] {0, 0, 1}, gc.count());
        gc.collect(2);
        assertArrayEquals(new long[] {0, 0, 0}, gc.count(), "python3: (0, 0, 0) after gc.collect()");
        for (long o : new ArrayList<>(g.held.keySet())) g.release(o);
        assertArrayEquals(new long[] {0, 0, 0}, gc.count(), "count0 never goes below 0");
    }

    @Test
    void automaticCollectionRunsAtThe701stAllocationAndDoesNotSeeTheNewObject() {
        recordCallbacks();
        assertArrayEquals(new int[] {700, 10, 10}, gc.threshold());
        List<Long> held = new ArrayList<>();
        for (int i = 0; i < 700; i++) held.add(g.node());
        assertTrue(callbackLog.isEmpty(), "700 allocations: no collection yet");
        assertArrayEquals(new long[] {700, 0, 0}, gc.count());
        long n701 = g.node();
        assertEquals(2, callbackLog.size());
        long[] start = callbackLog.get(0);
        assertArrayEquals(new long[] {0, 0, 0, 0, 701, 0, 0}, start, "start: generation 0, info 0/0, counts not yet reset (701, 0, 0)");
        assertArrayEquals(new long[] {1, 0, 0, 0, 0, 1, 0}, callbackLog.get(1), "stop: after the counters moved");
        assertEquals(0, g.generationOf(n701), "the new object was not tracked during the collection");
        assertEquals(1, g.generationOf(held.get(0)));
        assertEquals(700, gc.generationSize(1));
        assertArrayEquals(new long[] {0, 1, 0}, gc.count(), "python3 reports (0, 1, 0) right after; the new object counted before");
        for (long o : held) g.release(o);
        g.release(n701);
    }

    @Test
    void elevenGeneration0CollectionsThenOneOfGeneration1() {
        recordCallbacks();
        StringBuilder pattern = new StringBuilder();
        List<Long> held = new ArrayList<>();
        while (pattern.length() < 24) {
            held.add(g.node());
            while (!callbackLog.isEmpty()) {
                long[] e = callbackLog.remove(0);
                if (e[0] == 0) pattern.append(e[1]);
            }
        }
        assertEquals("000000000001000000000001", pattern.toString());
        for (long o : held) g.release(o);
    }

    @Test
    void disabledOrZeroThresholdOrPendingErrorMeansNoAutomaticCollection() {
        recordCallbacks();
        List<Long> held = new ArrayList<>();
        gc.setEnabled(false);
        for (int i = 0; i < 800; i++) held.add(g.node());
        assertTrue(callbackLog.isEmpty(), "gc.disable()");
        assertEquals(1, gc.collect(0) + 1, "gc.collect runs even when disabled");
        assertEquals(2, callbackLog.size());
        callbackLog.clear();
        gc.setEnabled(true);
        gc.setThreshold(0, 0);
        for (int i = 0; i < 800; i++) held.add(g.node());
        assertTrue(callbackLog.isEmpty(), "set_threshold(0) disables automatic collection");
        gc.setThreshold(0, 700);
        g.errorPending = true;
        held.add(g.node());
        assertTrue(callbackLog.isEmpty(), "no automatic collection while an exception is pending");
        g.errorPending = false;
        held.add(g.node());
        assertEquals(2, callbackLog.size(), "the next allocation collects");
        for (long o : held) g.release(o);
    }

    @Test
    void fullCollectionWaitsUntilPendingReachesAQuarterOfLongLived() {
        List<Long> held = new ArrayList<>();
        gc.setEnabled(false);
        for (int i = 0; i < 1000; i++) held.add(g.node());
        gc.collect(2);
        assertEquals(1000, gc.longLivedTotal());
        assertEquals(0, gc.longLivedPending());
        gc.setEnabled(true);
        gc.setThreshold(0, 10);
        gc.setThreshold(1, 1);
        gc.setThreshold(2, 1);
        List<long[]> starts = new ArrayList<>();
        boolean[] skippedWhileOverThreshold = {false};
        gc.setCallbacks(new GcCallbacks() {
            @Override public boolean isEmpty() { return false; }
            @Override public void invoke(String phase, int gen, long collected, long uncollectable) {
                if (!phase.equals("start")) return;
                long[] c = gc.count();
                starts.add(new long[] {gen, gc.longLivedPending(), gc.longLivedTotal(), c[2]});
                if (gen < 2 && c[2] > 1) skippedWhileOverThreshold[0] = true;
            }
        });
        while (starts.stream().noneMatch(s -> s[0] == 2)) held.add(g.node());
        assertTrue(skippedWhileOverThreshold[0], "count2 > threshold2 yet a younger generation was collected");
        for (long[] s : starts) {
            if (s[0] == 2) assertTrue(s[1] >= s[2] / 4, "full collection only with pending >= total/4: " + s[1] + " vs " + s[2]);
        }
        long[] full = starts.stream().filter(s -> s[0] == 2).findFirst().orElseThrow();
        assertTrue(full[1] >= 250, "at least 250 pending survivors");
        assertEquals(0, gc.longLivedPending(), "reset by the full collection");
        assertEquals(held.size() - 1, gc.longLivedTotal(), "long-lived = generation 2 after it (the newest is not tracked yet)");
        for (long o : held) g.release(o);
    }

    @Test
    void generationOneCollectionsAddSurvivorsToPending() {
        gc.setEnabled(false);
        long a = g.node(), b = g.node();
        gc.collect(1);
        assertEquals(2, gc.longLivedPending());
        long c = g.node();
        gc.collect(0);
        assertEquals(2, gc.longLivedPending(), "generation-0 collections do not");
        gc.collect(1);
        assertEquals(3, gc.longLivedPending());
        gc.collect(2);
        assertEquals(0, gc.longLivedPending());
        assertEquals(3, gc.longLivedTotal());
        releaseAll(a, b, c);
    }

    // ---- API ----

    @Test
    void freezeMovesEverythingToThePermanentGenerationAndZeroesCounts() {
        gc.setEnabled(false);
        long[] c = cycle(2);
        long other = g.node();
        gc.collect(0);
        assertArrayEquals(new long[] {0, 1, 0}, gc.count());
        gc.freeze();
        assertArrayEquals(new long[] {0, 0, 0}, gc.count(), "python3: gc.freeze() resets all three counts");
        assertEquals(3, gc.freezeCount());
        releaseAll(c);
        assertEquals(0, gc.collect(2), "frozen garbage is not collected");
        assertEquals(3, g.generationOf(c[0]));
        gc.unfreeze();
        assertEquals(0, gc.freezeCount());
        assertEquals(2, g.generationOf(c[0]), "unfreeze moves them to generation 2");
        assertEquals(2, gc.collect(2));
        g.release(other);
    }

    @Test
    void statsCountCollectionsCollectedAndUncollectable() {
        gc.setEnabled(false);
        long[] c = cycle(3);
        releaseAll(c);
        gc.collect(0);
        gc.collect(0);
        long[] l = cycle(1);
        g.n(l[0]).legacy = true;
        releaseAll(l);
        gc.collect(1);
        long[][] s = gc.stats();
        assertArrayEquals(new long[] {2, 3, 0}, s[0]);
        assertArrayEquals(new long[] {1, 0, 1}, s[1]);
        assertArrayEquals(new long[] {0, 0, 0}, s[2]);
        g.clearGarbage();
        g.unlink(l[0], l[0]);
    }

    @Test
    void invalidGenerationIsRejected() {
        for (int gen : new int[] {-1, 3, 100}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gc.collect(gen));
            assertEquals("invalid generation", e.getMessage());
        }
        assertFalse(gc.isCollecting());
    }

    @Test
    void collectWhileCollectingReturnsZeroAtOnce() {
        long[] c = cycle(2);
        long[] inner = {-1};
        g.n(c[0]).finalizer = true;
        g.n(c[0]).onFinalize = self -> inner[0] = gc.collect(2);
        releaseAll(c);
        assertEquals(2, gc.collect(2));
        assertEquals(0, inner[0]);
        assertFalse(gc.isCollecting());
    }

    @Test
    void allocationsInsideACollectionCountButDoNotCollect() {
        recordCallbacks();
        gc.setThreshold(0, 3);
        long[] c = cycle(2);
        g.n(c[0]).finalizer = true;
        List<Long> made = new ArrayList<>();
        g.n(c[0]).onFinalize = self -> { for (int i = 0; i < 10; i++) made.add(g.node()); };
        releaseAll(c);
        callbackLog.clear();
        gc.collect(2);
        assertEquals(2, callbackLog.size(), "no nested collection");
        assertEquals(10 - 2, gc.count()[0], "10 allocations during the collection, after the reset, minus the 2 freed");
        for (long o : made) g.release(o);
    }

    @Test
    void callbacksSeeStartAndStopWithTheResult() {
        recordCallbacks();
        long[] c = cycle(2);
        long[] l = cycle(1);
        g.n(l[0]).legacy = true;
        releaseAll(c);
        releaseAll(l);
        assertEquals(3, gc.collect(1));
        assertEquals(2, callbackLog.size());
        assertArrayEquals(new long[] {0, 1, 0, 0}, java.util.Arrays.copyOf(callbackLog.get(0), 4), "start: gen 1, 0, 0");
        assertArrayEquals(new long[] {1, 1, 2, 1}, java.util.Arrays.copyOf(callbackLog.get(1), 4), "stop: gen 1, collected 2, uncollectable 1");
        g.clearGarbage();
        g.unlink(l[0], l[0]);
    }

    @Test
    void debugStatsPrintsCPythonsLines() {
        gc.setDebug(CycleCollector.DEBUG_STATS);
        long a = g.node();
        gc.collect(0);
        long[] c = cycle(1);
        releaseAll(c);
        gc.freeze();
        long b = g.node();
        long[] d = cycle(2);
        releaseAll(d);
        g.debugLines.clear();
        assertEquals(2, gc.collect(1));
        assertEquals(4, g.debugLines.size(), g.debugLines.toString());
        assertEquals("gc: collecting generation 1...", g.debugLines.get(0));
        assertEquals("gc: objects in each generation: 3 0 0", g.debugLines.get(1));
        assertEquals("gc: objects in permanent generation: 2", g.debugLines.get(2));
        assertTrue(g.debugLines.get(3).matches("gc: done, 2 unreachable, 0 uncollectable, \\d+\\.\\d{4}s elapsed"), g.debugLines.get(3));
        gc.unfreeze();
        gc.setDebug(0);
        assertEquals(1, gc.collect(2));
        releaseAll(a, b);
    }

    @Test
    void debugCollectableAndUncollectableDescribeObjects() {
        gc.setDebug(CycleCollector.DEBUG_COLLECTABLE | CycleCollector.DEBUG_UNCOLLECTABLE);
        long[] c = cycle(1);
        long[] l = cycle(1);
        g.n(l[0]).legacy = true;
        releaseAll(c);
        releaseAll(l);
        String cAddr = Long.toHexString(c[0]), lAddr = Long.toHexString(l[0]);
        gc.collect(2);
        assertEquals(List.of("gc: collectable <node 0x" + cAddr + ">", "gc: uncollectable <node 0x" + lAddr + ">"), g.debugLines);
        gc.setDebug(0);
        g.clearGarbage();
        g.unlink(l[0], l[0]);
    }

    @Test
    void objectThatSurvivesItsClearMovesToOldAndDiesLater() {
        // a tuple (no tp_clear) tracked first, in a cycle with a clearable node
        long t = g.node(Kind.TUPLE), x = g.node();
        g.n(t).clearable = false;
        g.link(t, x);
        g.link(x, t);
        releaseAll(t, x);
        assertEquals(2, gc.collect(2));
        assertTrue(g.nodes.isEmpty(), "clearing x freed the tuple that had been moved to old");
    }

    @Test
    void modelVerifierCatchesAWrongRefcount() {
        long a = g.node();
        g.incref(a);
        assertFalse(g.verify().isEmpty(), "the model's verifier can fail");
        g.decref(a);
        g.release(a);
    }

    @Test
    void aFinalizerThatBreaksItsCycleLetsRefcountingFreeIt() {
        long[] c = cycle(3);
        g.n(c[0]).finalizer = true;
        g.n(c[0]).onFinalize = self -> g.unlink(self, c[1]);
        releaseAll(c);
        assertEquals(0, gc.collect(2), "refcounting freed them during finalization: none left to collect");
        assertTrue(g.nodes.isEmpty());
    }

    @Test
    void referencesFromOlderGenerationsKeepYoungObjectsAlive() {
        long old = g.node();
        gc.collect(1);
        assertEquals(2, g.generationOf(old));
        long[] young = cycle(2);
        g.link(old, young[0]);
        releaseAll(young);
        assertEquals(0, gc.collect(0));
        assertTrue(g.alive(young[0]) && g.alive(young[1]));
        g.release(old);
        assertEquals(2, gc.collect(1));
    }
}
