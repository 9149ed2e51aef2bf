package dev.refheap.lang.bytecode;

import java.util.List;

/**
 * A compiled code object before it is placed in the heap: what the compiler produces and the VM
 * turns into a {@code code} object (whose co_consts tuple then holds one reference per constant).
 *
 * <p>Layout of the frame's {@code localsplus} slots, as in CPython 3.11: first the
 * {@link #varnames} (parameters first: positional-only, positional, keyword-only, *args, **kwargs),
 * then the cell variables that are not parameters, then the free variables. A parameter that is
 * also a cell variable keeps its slot (MAKE_CELL wraps it). {@link #localsplusKinds} says which
 * slots are locals, cells and free variables.
 *
 * @param consts          constants in co_consts order: {@code Long}, {@code BigInteger},
 *                        {@code Double}, {@code String}, {@code byte[]}, {@code Boolean},
 *                        {@link dev.refheap.lang.ast.Special} (None, Ellipsis), {@link ConstTuple},
 *                        {@link ConstFrozenset}, or a nested {@code CodeUnit}. Equal constants of one compilation unit
 *                        must be the same Java object, so they become one heap object.
 * @param code            pairs (opcode ordinal, argument); jump arguments are instruction indexes
 * @param lines           source line of each instruction (index = instruction index); -1 where CPython
 *                        has none either (artificial cleanup code such as {@code COPY 3; POP_EXCEPT;
 *                        RERAISE 1}, which re-raises with the original instruction's lasti)
 * @param positions       the rest of each instruction's co_positions() entry, three ints per
 *                        instruction: end line, column, end column (UTF-8 byte offsets, end exclusive),
 *                        -1 where CPython reports None (no location, or a line without columns)
 * @param exceptionTable  handlers, innermost first where ranges nest
 * @param directives      how many names the block's global and nonlocal statements declare (each
 *                        a record in the symbol table while it is compiled, 3.11's ste_directives)
 */
public record CodeUnit(
        String name,
        String qualname,
        String filename,
        int firstLineno,
        int argcount,
        int posonlyargcount,
        int kwonlyargcount,
        int flags,
        int[] code,
        int[] lines,
        int[] positions,
        List<Object> consts,
        List<String> names,
        List<String> localsplusNames,
        byte[] localsplusKinds,
        int stacksize,
        List<ExceptionEntry> exceptionTable,
        int directives) {

    /** A unit whose block declares no global or nonlocal names. */
    public CodeUnit(String name, String qualname, String filename, int firstLineno, int argcount, int posonlyargcount,
                    int kwonlyargcount, int flags, int[] code, int[] lines, int[] positions, List<Object> consts,
                    List<String> names, List<String> localsplusNames, byte[] localsplusKinds, int stacksize,
                    List<ExceptionEntry> exceptionTable) {
        this(name, qualname, filename, firstLineno, argcount, posonlyargcount, kwonlyargcount, flags, code, lines, positions,
                consts, names, localsplusNames, localsplusKinds, stacksize, exceptionTable, 0);
    }

    // co_flags, CPython's values
    public static final int CO_OPTIMIZED = 0x1, CO_NEWLOCALS = 0x2, CO_VARARGS = 0x4, CO_VARKEYWORDS = 0x8,
            CO_NESTED = 0x10, CO_GENERATOR = 0x20, CO_NOFREE = 0x40;

    // localsplus kinds, CPython's values
    public static final byte KIND_ARG_POS = 0x02, KIND_ARG_VAR = 0x04, KIND_ARG_KW = 0x08, KIND_LOCAL = 0x20,
            KIND_CELL = 0x40, KIND_FREE = (byte) 0x80;

    /**
     * One handler range: an exception raised by an instruction in [start, end) pops the value
     * stack down to {@code depth}, pushes the instruction index as an int if {@code lasti}, then
     * the exception, and continues at {@code target}.
     */
    public record ExceptionEntry(int start, int end, int target, int depth, boolean lasti) {}

    /** A tuple constant: its items are constants too. */
    public record ConstTuple(List<Object> items) {}

    /**
     * A frozenset constant (CPython folds {@code x in {1, 2}}, {@code for x in {1, 2}} and set displays of
     * three or more constants into one). Its items are constants, in source order: the VM builds the
     * frozenset by adding them in this order, as CPython's {@code PyFrozenSet_New} does.
     */
    public record ConstFrozenset(List<Object> items) {}

    public int instructionCount() { return code.length / 2; }

    /** Instruction {@code i}'s source span as co_positions() reports it; absent parts are -1. */
    public Position position(int i) {
        return new Position(lines[i], positions[3 * i], positions[3 * i + 1], positions[3 * i + 2]);
    }

    /**
     * One co_positions() entry: 1-based lines, 0-based UTF-8 byte columns, end exclusive; -1 for
     * None. A position without columns covers its whole line (a traceback shows no markers for it).
     */
    public record Position(int line, int endLine, int col, int endCol) {
        public boolean hasColumns() { return line >= 0 && endLine >= 0 && col >= 0 && endCol >= 0; }
    }
    public Opcode opcode(int i) { return Opcode.of(code[2 * i]); }
    public int arg(int i) { return code[2 * i + 1]; }

    /** Number of varnames (locals and parameters). */
    public int nlocals() {
        int n = 0;
        for (byte k : localsplusKinds) if ((k & (KIND_CELL | KIND_FREE)) == 0 || (k & (KIND_ARG_POS | KIND_ARG_VAR | KIND_ARG_KW | KIND_LOCAL)) != 0) n++;
        return n;
    }

    public int nfreevars() {
        int n = 0;
        for (byte k : localsplusKinds) if ((k & KIND_FREE) != 0) n++;
        return n;
    }
}
