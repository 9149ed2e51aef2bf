package dev.refheap.gc;

import static dev.refheap.object.GcHead.*;

import dev.refheap.memory.BlockAllocator;
import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.Layout;
import dev.refheap.object.RootProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * The heap's sanity checker: recomputes, independently of the counts the heap keeps, what every
 * count should be, and compares. Two strengths:
 *
 * <h2>At rest ({@link #check check(true)})</h2>
 * For a moment when nothing outside the heap holds a reference the {@link RootProvider}s do not
 * report (between two statements of an embedder that keeps every reference in a {@code PyRef}; at
 * a bytecode boundary of a VM whose frames are all roots; after a program):
 * <ol>
 *   <li>Every reference an object owns ({@link dev.refheap.object.PyType#references}) and every
 *       reference a root provider reports points at a live object, never into a freed block or a
 *       free list.</li>
 *   <li>Every object's refcount <em>equals</em> the references found from live objects plus the
 *       roots.</li>
 *   <li>The generation lists are consistent in both directions, hold only live GC objects with no
 *       collection flags left, and hold every tracked object.</li>
 *   <li>The allocator's own accounting adds up ({@link dev.refheap.memory.BlockAllocator#verify()}).</li>
 * </ol>
 *
 * <h2>Anytime ({@link #check check(false)})</h2>
 * For any allocation, in the middle of any operation: Java code may hold references in locals
 * that nothing reports (an argument being converted, a result not stored yet), a dealloc may be
 * half done, a collection may be running a finalizer. What still holds, and is checked:
 * <ol>
 *   <li>No reference from a live object or a root points into a freed block or a free list, except
 *       from the objects whose dealloc is running (they release their contents as they go).</li>
 *   <li>Every refcount is <em>at least</em> the references found (a count below them means a
 *       reference nobody owns: the collector would subtract it and could free a live object).</li>
 *   <li>No refcount is negative, and a count of 0 belongs only to an object being deallocated or
 *       waiting in the trashcan.</li>
 *   <li>Outside a collection, the generation lists as above (during one, the collector's own lists
 *       are in flux and are not walked).</li>
 *   <li>The allocator's accounting, as above.</li>
 * </ol>
 *
 * <h2>How: trial deletion on the counts themselves</h2>
 * Like the collector's subtract_refs, but over every object and on {@code ob_refcnt} itself: a
 * first walk of the objects saves every object and its count (in walk order, in two arrays), a
 * pass over that array subtracts each reference found (from objects and roots) from its target's
 * count, a last one reads what is left (0 at rest, at least 0 anytime) and puts the saved count
 * back. Whether a reference points at a live object is read from the allocator's block tags (one
 * radix lookup) or, for the static objects, from a bitmap per 64 KiB of their address space, so
 * there is no hashing per reference: the cost is one walk of the allocator, two passes over an
 * array of the objects and one walk of their references, which the stress mode pays at every
 * allocation. The counts are modified only inside {@link #check}, which runs no Python code and
 * calls no listener, and are put back even when the walk fails.
 *
 * <p>States: idle ⇄ checking; an instance keeps its small tables between checks. Not thread-safe.
 */
public final class HeapVerifier {
    private static final int MAX_PROBLEMS = 50;
    private static final int GC_HEAD = Layout.GC_HEAD_SIZE, MANAGED_PRE = Layout.GC_HEAD_SIZE + Layout.MANAGED_DICT_PREHEADER;

    private final Heap heap;
    /** The heap's allocator, read again at each check (a heap adopts a start-up image's once). */
    private BlockAllocator allocator;
    private final CycleCollector gc;
    /** The static objects (rebuilt when their number changes: they are never freed). */
    private int staticCount = -1;
    /**
     * The static objects as bitmaps, one per 64 KiB granule of address space that holds one: a bit
     * per 8-aligned address ({@link #staticGranules} the granules' numbers, {@link #staticBits}
     * their bitmaps), and any static object at an address not 8-aligned in {@link #oddStatics}. A
     * reference to a static object (None, a small int, a builtin type: a large part of all
     * references) is then found in a few loads, without hashing.
     */
    private long[] staticGranules = new long[0];
    private long[][] staticBits = new long[0][];
    private final LongCounts oddStatics = new LongCounts();
    /** Dying object → 1 if its dealloc is running, 2 if it waits in the trashcan. */
    private final LongCounts dying = new LongCounts();
    /** The objects outside the arenas (over 512 bytes) the first walk found, so that a reference to one needs no search of the allocator's large blocks. */
    private final LongCounts largeObjects = new LongCounts();
    /** Objects whose count disagrees: address → what was left of the count after subtraction. */
    private final LongCounts residual = new LongCounts();
    private List<String> problems;
    private long source;
    private long liveObjects, trackedObjects;
    /**
     * Every object the first walk found, in walk order (the allocator's objects, then statics), and
     * its count as found then: the later passes read these arrays instead of walking the allocator
     * again (nothing allocates or frees during a check).
     */
    private long[] objects = new long[1024], saved = new long[1024];
    /** How many entries {@link #objects} holds, and how many of them are the allocator's (before the statics). */
    private int savedCount, allocatedCount;
    private final java.util.function.LongConsumer visitReference = this::countReference;

    /** A verifier for {@code heap}; {@code gc} may be null (no generation lists to check). */
    public HeapVerifier(Heap heap, CycleCollector gc) {
        this.heap = heap;
        this.allocator = heap.allocator();
        this.gc = gc;
    }

    /** The at-rest check, once: the problems found; an empty list means the heap is consistent. */
    public static List<String> verify(Heap heap, CycleCollector gc) {
        return new HeapVerifier(heap, gc).check(true);
    }

    /**
     * Checks the heap: with {@code atRest}, every refcount must equal the references found;
     * otherwise the anytime checks (see the class comment). Returns the problems found (at most
     * {@value #MAX_PROBLEMS} described), empty when consistent.
     */
    public List<String> check(boolean atRest) {
        problems = new ArrayList<>();
        allocator = heap.allocator();
        try {
            for (String p : allocator.verify()) problem(p);
            refreshStatics();
            dying.clear();
            residual.clear();
            largeObjects.clear();
            heap.forEachDying((o, running) -> dying.add(o, running ? 1 : 2));
            if (atRest && dying.size() > 0) problem(dying.size() + " objects are being deallocated: the heap is not at rest");
            liveObjects = 0;
            trackedObjects = 0;
            savedCount = 0;
            heap.forEachObject(this::survey);
            allocatedCount = savedCount;
            heap.forEachStaticObject(this::save);
            try {
                walkReferences();
            } finally {
                // Reads what is left of each count, and puts the count back.
                residueAndRestore(atRest);
            }

            residual.forEach((o, left) -> {
                long have = heap.refcount(o);
                problem("refcount of " + heap.typeOf(o).describe(o) + " is " + have + ", but " + (have - left)
                        + " references were found" + (atRest ? "" : " (a reference nobody owns)"));
            });
            if (gc != null && !gc.isCollecting()) checkGenerations();
        } catch (RuntimeException e) {
            // A corrupt heap can send the walk anywhere (a type word that is no type, say).
            problem("the verifier could not walk the heap: " + e);
        }
        List<String> result = problems;
        problems = null;
        return result;
    }

    private void refreshStatics() {
        int n = heap.staticObjectCount();
        if (n == staticCount) return;
        oddStatics.clear();
        staticGranules = new long[0];
        staticBits = new long[0][];
        heap.forEachStaticObject(this::addStatic);
        staticCount = n;
    }

    private void addStatic(long o) {
        if ((o & 7) != 0) {
            oddStatics.add(o, 1);
            return;
        }
        long g = o >>> STATIC_GRANULE_BITS;
        int i = 0;
        while (i < staticGranules.length && staticGranules[i] != g) i++;
        if (i == staticGranules.length) {
            staticGranules = java.util.Arrays.copyOf(staticGranules, i + 1);
            staticGranules[i] = g;
            staticBits = java.util.Arrays.copyOf(staticBits, i + 1);
            staticBits[i] = new long[(1 << STATIC_GRANULE_BITS) >>> 9];
        }
        int bit = (int) (o & ((1 << STATIC_GRANULE_BITS) - 1)) >>> 3;
        staticBits[i][bit >>> 6] |= 1L << (bit & 63);
    }

    private static final int STATIC_GRANULE_BITS = 16;

    /** True if a static object starts at {@code o}. */
    private boolean isStatic(long o) {
        if ((o & 7) != 0) return oddStatics.size() > 0 && oddStatics.contains(o);
        long g = o >>> STATIC_GRANULE_BITS;
        long[] granules = staticGranules;
        for (int i = 0; i < granules.length; i++) {
            if (granules[i] == g) {
                int bit = (int) (o & ((1 << STATIC_GRANULE_BITS) - 1)) >>> 3;
                return (staticBits[i][bit >>> 6] & (1L << (bit & 63))) != 0;
            }
        }
        return false;
    }

    /** First walk: counts, refcounts that cannot be right whatever the references, and each count saved. */
    private void survey(long o) {
        liveObjects++;
        if (heap.isGcObject(o) && next(o) != 0) trackedObjects++;
        long have = heap.refcount(o);
        if (have <= 0 && (dying.size() == 0 || !dying.contains(o))) problem(heap.typeOf(o).describe(o) + " has refcount " + have + " but is not being deallocated");
        if (allocator.arenaTagOf(o) < 0) largeObjects.add(o, 1);
        save(o);
    }

    private void save(long o) {
        if (savedCount == saved.length) {
            saved = java.util.Arrays.copyOf(saved, 2 * savedCount);
            objects = java.util.Arrays.copyOf(objects, 2 * savedCount);
        }
        objects[savedCount] = o;
        saved[savedCount++] = heap.refcount(o);
    }

    /** Subtracts each reference from live objects and roots from its target's count. */
    private void walkReferences() {
        long[] objects = this.objects;
        boolean anyDying = dying.size() > 0;
        for (int i = 0, n = allocatedCount; i < n; i++) {
            long o = objects[i];
            if (anyDying && dying.get(o) == 1) continue;  // its dealloc is releasing what it pointed at
            source = o;
            heap.typeOf(o).references(o, visitReference);
        }
        for (RootProvider p : heap.rootProviders()) {
            p.visitRoots((o, n) -> {
                if (isLive(o)) Native.putLong(o + Layout.OB_REFCNT, Native.getLong(o + Layout.OB_REFCNT) - n);
                else problem("a root holds 0x" + Long.toHexString(o) + ", which is not a live object");
            });
        }
    }

    private void countReference(long ref) {
        if (isLive(ref)) Native.putLong(ref + Layout.OB_REFCNT, Native.getLong(ref + Layout.OB_REFCNT) - 1);
        else problem(heap.typeOf(source).describe(source) + " refers to 0x" + Long.toHexString(ref)
                + ", which is not a live object (freed or on a free list)");
    }

    /** What is left of each count (0 at rest, at least 0 anytime) is noted; the count is put back. */
    private void residueAndRestore(boolean atRest) {
        long[] objects = this.objects, saved = this.saved;
        for (int i = 0, n = savedCount; i < n; i++) {
            long o = objects[i];
            long left = Native.getLong(o + Layout.OB_REFCNT);
            Native.putLong(o + Layout.OB_REFCNT, saved[i]);
            if (atRest ? left != 0 : left < 0) residual.add(o, left);
        }
    }

    /** True if an object starts at {@code o}: a tagged block (with its pre-header) or a static object. */
    private boolean isLive(long o) {
        if ((o & 15) == 0) {
            int t = allocator.arenaTagOf(o);
            if (t >= 0) {
                if (t == Layout.TAG_PLAIN) return true;
                if (allocator.arenaTagOf(o - GC_HEAD) == Layout.TAG_GC) return true;
                return allocator.arenaTagOf(o - MANAGED_PRE) == Layout.TAG_MANAGED;
            }
        }
        if (isStatic(o) || largeObjects.contains(o)) return true;
        // no object the first walk found: the allocator's own answer for a large block (over 512 bytes), outside the arenas
        return allocator.tagOf(o) == Layout.TAG_PLAIN || allocator.tagOf(o - GC_HEAD) == Layout.TAG_GC
                || allocator.tagOf(o - MANAGED_PRE) == Layout.TAG_MANAGED;
    }

    private void checkGenerations() {
        long onLists = 0;
        for (int g = 0; g <= CycleCollector.NUM_GENERATIONS; g++) {
            long head = gc.generationHead(g);
            long prev = head;
            for (long o = next(head); o != head; o = next(o)) {
                if ((o & 15) != 0) { problem("generation " + g + ": link with flag bits 0x" + Long.toHexString(o)); break; }
                if (!isLive(o)) { problem("generation " + g + " holds 0x" + Long.toHexString(o) + ", which is not a live object"); break; }
                if (prev(o) != prev) { problem("generation " + g + ": broken back link at " + heap.typeOf(o).describe(o)); break; }
                if ((prevWord(o) & PREV_MASK_COLLECTING) != 0) problem("generation " + g + ": COLLECTING flag left on " + heap.typeOf(o).describe(o));
                if (!heap.isGcObject(o)) problem("generation " + g + " holds " + heap.typeOf(o).describe(o) + ", which is not a GC object");
                prev = o;
                if (++onLists > liveObjects) { problem("the generation lists hold more objects than are alive: a list runs into another"); return; }
            }
            if (prev(head) != prev) problem("generation " + g + ": head's back link is stale");
        }
        // Each list is consistent in both directions and ends at its own head, so no object is on
        // two of them; then the lists hold every tracked object exactly when the numbers agree.
        if (onLists != trackedObjects) {
            problem(trackedObjects + " objects are tracked but the generation lists hold " + onLists);
            LongCounts members = new LongCounts();
            for (int g = 0; g <= CycleCollector.NUM_GENERATIONS; g++) {
                long head = gc.generationHead(g);
                long n = 0;
                for (long x = next(head); x != head && (x & 15) == 0 && isLive(x) && n++ <= liveObjects; x = next(x)) members.add(x, 1);
            }
            heap.forEachObject(o -> {
                if (heap.isGcObject(o) && next(o) != 0 && !members.contains(o)) problem(heap.typeOf(o).describe(o) + " is tracked but on no generation list");
            });
        }
    }

    private void problem(String p) {
        if (problems.size() < MAX_PROBLEMS) problems.add(p);
        else if (problems.size() == MAX_PROBLEMS) problems.add("... (more problems not shown)");
    }
}
