package dev.refheap.gc;

import static dev.refheap.object.GcHead.*;

import dev.refheap.object.Heap;
import dev.refheap.object.RootProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * The heap's sanity checker: recomputes, independently of the counts the heap keeps, what every
 * count should be, and compares.
 *
 * <ol>
 *   <li>Every reference an object owns ({@link dev.refheap.object.PyType#references}) and every
 *       reference a {@link RootProvider} reports points at a live object, never into a freed block
 *       or a free list.</li>
 *   <li>Every object's refcount equals the references found from live objects plus the roots.</li>
 *   <li>The generation lists are consistent in both directions, hold only live GC objects with no
 *       collection flags left, and every tracked object is on one of them.</li>
 *   <li>The allocator's own accounting adds up ({@link dev.refheap.memory.BlockAllocator#verify()}).</li>
 * </ol>
 * Cost: linear in the heap, plus a map entry per object; meant for tests and the stress mode.
 */
public final class HeapVerifier {
    private HeapVerifier() {}

    /** Returns the problems found; an empty list means the heap is consistent. */
    public static List<String> verify(Heap heap, CycleCollector gc) {
        List<String> problems = new ArrayList<>(heap.allocator().verify());
        LongCounts expected = new LongCounts();
        heap.forEachObject(o -> expected.add(o, 0));
        heap.forEachStaticObject(o -> expected.add(o, 0));
        heap.forEachObject(o -> heap.typeOf(o).references(o, ref -> count(heap, expected, o, ref, problems)));
        for (RootProvider p : heap.rootProviders()) {
            p.visitRoots((o, n) -> {
                if (!expected.contains(o)) problem(problems, "a root holds 0x" + Long.toHexString(o) + ", which is not a live object");
                else expected.add(o, n);
            });
        }
        expected.forEach((o, want) -> {
            long have = heap.refcount(o);
            if (have != want) {
                problem(problems, "refcount of " + heap.typeOf(o).describe(o) + " is " + have + ", but "
                        + want + " references were found");
            }
        });
        if (gc != null) checkGenerations(heap, gc, expected, problems);
        return problems;
    }

    private static void count(Heap heap, LongCounts expected, long from, long ref, List<String> problems) {
        if (!expected.contains(ref)) {
            problem(problems, heap.typeOf(from).describe(from) + " refers to 0x" + Long.toHexString(ref)
                    + ", which is not a live object (freed or on a free list)");
            return;
        }
        expected.add(ref, 1);
    }

    private static void checkGenerations(Heap heap, CycleCollector gc, LongCounts live, List<String> problems) {
        LongCounts onLists = new LongCounts();
        for (int g = 0; g <= CycleCollector.NUM_GENERATIONS; g++) {
            long head = gc.generationHead(g);
            long prev = head;
            long n = 0;
            for (long o = next(head); o != head; o = next(o)) {
                if ((o & 15) != 0) { problem(problems, "generation " + g + ": link with flag bits 0x" + Long.toHexString(o)); break; }
                if (prev(o) != prev) problem(problems, "generation " + g + ": broken back link at 0x" + Long.toHexString(o));
                if ((prevWord(o) & PREV_MASK_COLLECTING) != 0) problem(problems, "generation " + g + ": COLLECTING flag left on 0x" + Long.toHexString(o));
                if (onLists.contains(o)) { problem(problems, "0x" + Long.toHexString(o) + " is on two generation lists"); break; }
                onLists.add(o, 1);
                prev = o;
                if (++n > 1L << 40) break;
            }
            if (prev(head) != prev) problem(problems, "generation " + g + ": head's back link is stale");
        }
        heap.forEachObject(o -> {
            if (heap.isGcObject(o) && next(o) != 0 && !onLists.contains(o)) {
                problem(problems, heap.typeOf(o).describe(o) + " is tracked but on no generation list");
            }
        });
        onLists.forEach((o, n) -> {
            if (!live.contains(o)) problem(problems, "generation list holds 0x" + Long.toHexString(o) + ", which is not a live object");
        });
    }

    private static void problem(List<String> problems, String p) {
        if (problems.size() < 50) problems.add(p);
        else if (problems.size() == 50) problems.add("... (more problems not shown)");
    }
}
