package dev.refheap.lang.vm;

import dev.refheap.object.Heap;

/**
 * The state of CPython 3.11's memory manager when a program's first statement runs, which refheap
 * starts programs in so that what they observe from then on follows the same course. refheap's own
 * start-up is much smaller than CPython's (no site, no stdlib imports), so what that start-up
 * leaves behind is set here from measurements of CPython 3.11.7 under the reference semantics
 * ({@code cpython_nbrun.py} on a program that only calls {@code sys._debugmallocstats()}; the
 * figures are the same run after run).
 *
 * <ul>
 *   <li>Free lists: the dicts, floats, lists and tuples (by size) that start-up freed and parked.
 *       A program's first allocations of these come from there, so they do not move count0, and
 *       their addresses are reused ones, as in CPython.</li>
 *   <li>The one cached slice (interp->slice_cache): start-up has used slices, so a program's first
 *       slice does not move count0.</li>
 * </ul>
 * What is not modelled: the objects start-up leaves in generation 0 (count0 at start is
 * refheap's own) and the free list of dict key tables. What compiling the program takes from and
 * gives back to the free lists is modelled where the program is compiled (the _ast classes:
 * Runtime.firstCompile; the const cache's keys: Materializer; the compiler's dicts and lists:
 * CompileTemps), on top of these.
 */
final class StartupState {
    private StartupState() {}

    // CPython reports 15 dicts, 4 floats, 55 lists and tuples 3, 102, 2, 4, 1, 5, 0, 0, 0, 1, 2, 0, 1,
    // 3, 0, 1, 0, 0, 3, 7. refheap's first `import sys` and call (module and call temporaries that
    // CPython's start-up had already made) take a list and some tuples from the lists, so these are
    // that much higher. (Until sys.implementation was a C-type SimpleNamespace made in Java,
    // NamespaceType, `import sys` also compiled and ran a Python class for it, which took two more
    // dicts and three more 1-tuples.)
    static final int FREE_DICTS = 15, FREE_FLOATS = 4, FREE_LISTS = 56;
    /**
     * Free tuples of size 1..20. A whole program does not start with these 1-tuples: the _ast
     * classes 3.11's first compile() makes take every free one (Runtime.firstCompile), and the
     * compiler's const cache then leaves its own (Materializer); a program's `import sys` gives
     * back the tuples it takes (Modules.sys), as CPython's takes none.
     */
    static final int[] FREE_TUPLES = {3, 104, 2, 4, 2, 5, 0, 0, 0, 1, 2, 0, 1, 3, 0, 1, 0, 0, 3, 7};

    /** Fills the free lists as 3.11's start-up leaves them; count0 stays what it was. */
    static void apply(Runtime rt) {
        Heap heap = rt.heap;
        long count0 = rt.gc.count()[0];
        heap.prefillFreeLists(FREE_DICTS, FREE_FLOATS, FREE_LISTS, FREE_TUPLES);
        rt.sliceType.primeCache();
        rt.gc.setYoungCount(count0);
    }
}
