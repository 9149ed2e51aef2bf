package dev.refheap.lang.vm;

import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.object.Heap;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The dicts and lists CPython 3.11 makes and frees around one compile from source (the program,
 * compile(), exec and eval of a string), made and freed here in the same order, empty, so that they
 * pass through the dict and list free lists as CPython's do (see {@link Materializer}). Every one of
 * them is freed by the end of the compile, so what a program observes is their peak: the free lists
 * after a compile hold at least that many, and count0 moves by the fresh ones. Measured on the clean
 * venv after gc.collect() (which empties the free lists) and one compile(): a module of B blocks
 * (module, classes, functions, lambdas, comprehensions) nested D deep (the module alone: 1) leaves
 * 3 + B + 5D free dicts and 4 + 2B free lists.
 *
 * <ul>
 *   <li>the parser's arena: a list of the objects it made (freed after the compile);</li>
 *   <li>compiler_init: the const cache (a dict) and the stack of enclosing units (a list);</li>
 *   <li>the symbol table: a dict of its blocks and a stack (a list), then per block, in the order
 *       they are entered: its symbols (a dict), its variable names and its children (lists);</li>
 *   <li>per compiler unit, from entering its scope to leaving it: its variable names, cell
 *       variables and free variables (dicts; the last two each made through a sorted list of the
 *       block's symbols, freed at once), its constants and its names (dicts); while it is assembled,
 *       the list of its constants;</li>
 *   <li>compiler_free: the symbol table (each block's dict and lists in order, then its dict of
 *       blocks and its stack), the const cache, the unit stack.</li>
 * </ul>
 * A block with global or nonlocal statements also has a list of them, one 5-tuple per name.
 * Not modelled: the analysis' own dicts and sets (freed before the units are entered, never more
 * than the units' peak), the symbol table entries and capsules, which are not GC objects, and the
 * parser's duplicate number objects (its backtracking makes some literals twice: floats pass
 * through their free list).
 */
final class CompileTemps {
    private final Heap heap;
    private long arena, constCache, unitStack, blocksDict, blockStack;
    private final List<long[]> blocks = new ArrayList<>();

    CompileTemps(Heap heap) {
        this.heap = heap;
    }

    /** The parse and compiler_init, before the AST optimizer folds constants. */
    void begin() {
        arena = heap.lists.alloc(0);
        constCache = heap.dicts.create();
        unitStack = heap.lists.alloc(0);
    }

    /** _PySymtable_Build over {@code top} and every unit nested in it (after the AST optimizer). */
    void symtable(CodeUnit top) {
        blocksDict = heap.dicts.create();
        blockStack = heap.lists.alloc(0);
        enterBlocks(top, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private void enterBlocks(CodeUnit unit, java.util.Set<CodeUnit> seen) {
        if (!seen.add(unit)) return;
        int n = unit.directives();
        long[] b = new long[3 + (n > 0 ? 1 + n : 0)];
        b[0] = heap.dicts.create();
        b[1] = heap.lists.alloc(0);
        b[2] = heap.lists.alloc(0);
        if (n > 0) {
            // ste_directives, made at the first: a (name, lineno, col_offset, end_lineno, end_col_offset)
            // record per name; freed after the block's other objects, the list's items last first
            b[3] = heap.lists.alloc(0);
            for (int i = 0; i < n; i++) {
                long t = heap.tuples.alloc(5);
                for (int j = 0; j < 5; j++) {
                    heap.incref(heap.None);
                    dev.refheap.object.TupleType.setItemSteal(t, j, heap.None);
                }
                b[4 + i] = t;
            }
        }
        blocks.add(b);
        for (Object c : unit.consts()) if (c instanceof CodeUnit u) enterBlocks(u, seen);
    }

    /** compiler_enter_scope: the unit's five dicts (with dictbytype's two sorted lists). */
    long[] enterUnit() {
        long varnames = heap.dicts.create();
        long cellvars = heap.dicts.create();
        heap.decref(heap.lists.alloc(0));
        long freevars = heap.dicts.create();
        heap.decref(heap.lists.alloc(0));
        long consts = heap.dicts.create();
        long names = heap.dicts.create();
        return new long[] {consts, names, varnames, freevars, cellvars};
    }

    /** assemble's list of the unit's constants (freed by {@link #endAssemble}). */
    long beginAssemble() {
        return heap.lists.alloc(0);
    }

    void endAssemble(long constsList) {
        heap.decref(constsList);
    }

    /** compiler_unit_free: consts, names, varnames, freevars, cellvars. */
    void exitUnit(long[] unit) {
        for (long d : unit) heap.decref(d);
    }

    /** compiler_free's first part: the symbol table (its blocks' objects in order, then its dict and stack). */
    void freeSymtable() {
        for (long[] b : blocks) {
            for (int i = 0; i < Math.min(3, b.length); i++) heap.decref(b[i]);
            for (int i = b.length - 1; i >= 4; i--) heap.decref(b[i]);  // the directives' records ...
            if (b.length > 3) heap.decref(b[3]);                          // ... then their list
        }
        blocks.clear();
        if (blocksDict != 0) heap.decref(blocksDict);
        if (blockStack != 0) heap.decref(blockStack);
        blocksDict = blockStack = 0;
    }

    /** compiler_free's last part, after the const cache's keys: the cache's dict and the unit stack. */
    void freeCompiler() {
        heap.decref(constCache);
        heap.decref(unitStack);
    }

    /** _PyArena_Free, after the arena's objects: its list. */
    void freeArena() {
        heap.decref(arena);
    }
}
