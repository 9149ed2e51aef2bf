package dev.refheap.lang.compiler;

import dev.refheap.lang.ast.Special;
import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.lang.bytecode.CodeUnit.ConstTuple;
import dev.refheap.lang.bytecode.CodeUnit.ExceptionEntry;
import dev.refheap.lang.bytecode.Opcode;
import dev.refheap.lang.compiler.Block.Instr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static dev.refheap.lang.compiler.Block.GEN_POP_TOP;
import static dev.refheap.lang.compiler.Block.JUMP_NO_INTERRUPT;
import static dev.refheap.lang.compiler.Block.POP_BLOCK;
import static dev.refheap.lang.compiler.Block.RESUME;
import static dev.refheap.lang.compiler.Block.RETURN_GENERATOR;
import static dev.refheap.lang.compiler.Block.is;
import static dev.refheap.lang.compiler.Block.isBlockPush;
import static dev.refheap.lang.compiler.Block.isJump;
import static dev.refheap.lang.compiler.Block.op;

/**
 * Turns one code unit's control-flow graph into a {@link CodeUnit}, with the passes of CPython 3.11's
 * {@code assemble()} in its order: the prologue (COPY_FREE_VARS, MAKE_CELL, generator start), cell
 * offsets, the CFG optimizer (constant conditions, tuple folding, jump threading, SWAP elimination,
 * small exit blocks inlined, unreachable code removed, redundant NOPs and jumps dropped), exit
 * duplication, trimming of trailing unused constants, line number propagation, max stack depth,
 * exception-table labelling, and finally linearisation with jump targets as instruction indexes.
 *
 * <p>The pseudo instructions (SETUP_*, POP_BLOCK, RESUME, the generator prologue) take part in all
 * passes exactly as in CPython, so that line numbers, NOP elimination and co_stacksize come out the
 * same, and are dropped when the instructions are written out. One instance assembles one unit.
 */
final class Assembler {
    private static final int MAX_COPY_SIZE = 4;

    private final Block entry;
    private final List<Block> allocated;
    private final List<Object> consts;
    private final ConstCache cache;

    /** {@code allocated}: every block of the unit in allocation order (CPython walks some passes newest first). */
    Assembler(Block entry, List<Block> allocated, List<Object> consts, ConstCache cache) {
        this.entry = entry;
        this.allocated = allocated;
        this.consts = consts;
        this.cache = cache;
    }

    /** The result of {@link #assemble}: code, lines, exception table and max stack depth. */
    record Output(int[] code, int[] lines, int[] positions, List<ExceptionEntry> exceptionTable, int stacksize) {}

    Output assemble(boolean generator, int firstLineno) {
        optimizeCfg();
        duplicateExitsWithoutLineno();
        trimUnusedConsts();
        propagateLineNumbers();
        guaranteeLinenoForExits(firstLineno);
        int maxdepth = stackdepth(generator);
        labelExceptionTargets();
        convertExceptionHandlersToNops();
        for (Block b = entry; b != null; b = b.next) {
            cleanBlock(b);
        }
        return emit(maxdepth);
    }

    // ================================================================== prologue and cells

    /** Inserts COPY_FREE_VARS, MAKE_CELLs and the generator start, as insert_prefix_instructions. */
    static void insertPrefix(Block entry, int[] cellFixed, int nfree, boolean generator, int firstLineno) {
        List<Instr> prefix = new ArrayList<>();
        if (nfree > 0) {
            prefix.add(new Instr(op(Opcode.COPY_FREE_VARS), nfree, null, NO_LOC));
        }
        int ncells = cellFixed.length - nfree;
        Integer[] order = new Integer[ncells];
        for (int i = 0; i < ncells; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(cellFixed[a], cellFixed[b]));
        for (int i : order) {
            prefix.add(new Instr(op(Opcode.MAKE_CELL), i, null, NO_LOC));
        }
        if (generator) {
            Loc first = new Loc(firstLineno, firstLineno, -1, -1);
            prefix.add(new Instr(RETURN_GENERATOR, 0, null, first));
            prefix.add(new Instr(GEN_POP_TOP, 0, null, first));
        }
        entry.instrs.addAll(0, prefix);
    }

    /** Rewrites cell/free indexes (cellvars then freevars) to localsplus slots; returns the dropped count. */
    static int fixCellOffsets(Block entry, int[] fixed, int nlocals) {
        int dropped = 0;
        int[] map = fixed.clone();
        for (int i = 0; i < map.length; i++) {
            if (map[i] == i + nlocals) {
                map[i] -= dropped;
            } else {
                dropped++;
            }
        }
        for (Block b = entry; b != null; b = b.next) {
            for (Instr in : b.instrs) {
                if (is(in.op, Opcode.MAKE_CELL) || is(in.op, Opcode.LOAD_CLOSURE) || is(in.op, Opcode.LOAD_DEREF)
                        || is(in.op, Opcode.STORE_DEREF) || is(in.op, Opcode.DELETE_DEREF)
                        || is(in.op, Opcode.LOAD_CLASSDEREF)) {
                    in.arg = map[in.arg];
                }
            }
        }
        return dropped;
    }

    // ================================================================== optimize_cfg

    private void optimizeCfg() {
        for (Block b = entry; b != null; b = b.next) {
            skipEmptyTargets(b);
        }
        for (Block b = entry; b != null; b = b.next) {
            extendBlock(b);
        }
        for (Block b = entry; b != null; b = b.next) {
            optimizeBlock(b);
            cleanBlock(b);
        }
        for (Block b = entry; b != null; b = b.next) {
            extendBlock(b);
        }
        markReachable();
        for (Block b = entry; b != null; b = b.next) {
            if (b.predecessors == 0) {
                b.instrs.clear();
            }
        }
        eliminateEmptyBlocks();
        for (Block b = entry; b != null; b = b.next) {
            cleanBlock(b);
        }
        boolean maybeEmpty = false;
        for (Block b = entry; b != null; b = b.next) {
            Instr last = b.last();
            if (last != null && Block.isUnconditionalJump(last.op) && last.target == b.next) {
                last.op = op(Opcode.NOP);
                last.target = null;
                maybeEmpty = true;
            }
        }
        if (maybeEmpty) {
            eliminateEmptyBlocks();
        }
    }

    private static void skipEmptyTargets(Block b) {
        for (Instr in : b.instrs) {
            if (isJump(in.op) || isBlockPush(in.op)) {
                while (in.target.instrs.isEmpty()) {
                    in.target = in.target.next;
                }
            }
        }
    }

    private static boolean isExitWithoutLineno(Block b) {
        if (!b.isExit()) {
            return false;
        }
        for (Instr in : b.instrs) {
            if (in.line() >= 0) {
                return false;
            }
        }
        return true;
    }

    /** A block ending in an unconditional jump to a small exit block without line numbers gets a copy of it. */
    private static void extendBlock(Block b) {
        Instr last = b.last();
        if (last == null || !is(last.op, Opcode.JUMP)) {
            return;
        }
        Block target = last.target;
        if (isExitWithoutLineno(target) && target.instrs.size() <= MAX_COPY_SIZE) {
            last.op = op(Opcode.NOP);
            last.target = null;
            for (Instr in : target.instrs) {
                b.instrs.add(in.copy());
            }
        }
    }

    private void optimizeBlock(Block bb) {
        List<Instr> ins = bb.instrs;
        for (int i = 0; i < ins.size(); i++) {
            Instr inst = ins.get(i);
            int nextop = i + 1 < ins.size() ? ins.get(i + 1).op : -1;
            Instr target = null;
            if (isJump(inst.op) || isBlockPush(inst.op)) {
                while (inst.target.instrs.isEmpty()) {
                    inst.target = inst.target.next;
                }
                target = inst.target.instrs.getFirst();
            }
            int top = inst.op;
            if (is(top, Opcode.LOAD_CONST)) {
                optimizeLoadConst(ins, i, nextop);
            } else if (is(top, Opcode.BUILD_TUPLE)) {
                if (is(nextop, Opcode.UNPACK_SEQUENCE) && inst.arg == ins.get(i + 1).arg
                        && (inst.arg == 1 || inst.arg == 2 || inst.arg == 3)) {
                    inst.op = op(Opcode.NOP);
                    Instr unpack = ins.get(i + 1);
                    if (inst.arg == 1) {
                        unpack.op = op(Opcode.NOP);
                    } else {
                        unpack.op = op(Opcode.SWAP);
                    }
                    continue;
                }
                if (i >= inst.arg) {
                    foldTupleOnConstants(ins, i);
                }
            } else if (is(top, Opcode.JUMP_IF_FALSE_OR_POP) || is(top, Opcode.JUMP_IF_TRUE_OR_POP)) {
                i -= optimizeJumpOrPop(inst, target);
            } else if (is(top, Opcode.POP_JUMP_IF_FALSE) || is(top, Opcode.POP_JUMP_IF_TRUE)
                    || is(top, Opcode.POP_JUMP_IF_NONE) || is(top, Opcode.POP_JUMP_IF_NOT_NONE)
                    || is(top, Opcode.JUMP)) {
                if (is(target.op, Opcode.JUMP)) {
                    i -= jumpThread(inst, target, inst.op);
                }
            } else if (is(top, Opcode.SWAP)) {
                if (inst.arg == 1) {
                    inst.op = op(Opcode.NOP);
                    continue;
                }
                i = swaptimize(ins, i);
                applyStaticSwaps(ins, i);
            } else if (is(top, Opcode.PUSH_NULL)) {
                if (is(nextop, Opcode.LOAD_GLOBAL) && (ins.get(i + 1).arg & 1) == 0) {
                    inst.op = op(Opcode.NOP);
                    inst.arg = 0;
                    ins.get(i + 1).arg |= 1;
                }
            }
        }
    }

    private void optimizeLoadConst(List<Instr> ins, int i, int nextop) {
        Instr inst = ins.get(i);
        Object value = consts.get(inst.arg);
        if (is(nextop, Opcode.POP_JUMP_IF_FALSE) || is(nextop, Opcode.POP_JUMP_IF_TRUE)) {
            boolean truth = ConstOps.truthy(value);
            inst.op = op(Opcode.NOP);
            Instr jump = ins.get(i + 1);
            if (truth == is(nextop, Opcode.POP_JUMP_IF_TRUE)) {
                jump.op = op(Opcode.JUMP);
            } else {
                jump.op = op(Opcode.NOP);
                jump.target = null;
            }
        } else if (is(nextop, Opcode.JUMP_IF_FALSE_OR_POP) || is(nextop, Opcode.JUMP_IF_TRUE_OR_POP)) {
            boolean truth = ConstOps.truthy(value);
            Instr jump = ins.get(i + 1);
            if (truth == is(nextop, Opcode.JUMP_IF_TRUE_OR_POP)) {
                jump.op = op(Opcode.JUMP);
            } else {
                inst.op = op(Opcode.NOP);
                jump.op = op(Opcode.NOP);
                jump.target = null;
            }
        } else if (is(nextop, Opcode.IS_OP)) {
            int jumpOp = i + 2 < ins.size() ? ins.get(i + 2).op : -1;
            if (value == Special.None && (is(jumpOp, Opcode.POP_JUMP_IF_FALSE)
                    || is(jumpOp, Opcode.POP_JUMP_IF_TRUE))) {
                int nextarg = ins.get(i + 1).arg;
                inst.op = op(Opcode.NOP);
                ins.get(i + 1).op = op(Opcode.NOP);
                boolean notNone = (nextarg ^ (is(jumpOp, Opcode.POP_JUMP_IF_FALSE) ? 1 : 0)) != 0;
                ins.get(i + 2).op = op(notNone ? Opcode.POP_JUMP_IF_NOT_NONE : Opcode.POP_JUMP_IF_NONE);
            }
        }
    }

    /** Replaces n LOAD_CONSTs and BUILD_TUPLE n by one LOAD_CONST of the tuple. */
    private void foldTupleOnConstants(List<Instr> ins, int at) {
        int n = ins.get(at).arg;
        List<Object> items = new ArrayList<>(n);
        for (int k = at - n; k < at; k++) {
            if (!is(ins.get(k).op, Opcode.LOAD_CONST)) {
                return;
            }
            items.add(consts.get(ins.get(k).arg));
        }
        Object tuple = cache.intern(new ConstTuple(List.copyOf(items)));
        int index = -1;
        for (int k = 0; k < consts.size(); k++) {
            if (consts.get(k) == tuple) {
                index = k;
                break;
            }
        }
        if (index < 0) {
            index = consts.size();
            consts.add(tuple);
        }
        for (int k = at - n; k < at; k++) {
            ins.get(k).op = op(Opcode.NOP);
        }
        ins.get(at).op = op(Opcode.LOAD_CONST);
        ins.get(at).arg = index;
    }

    private int optimizeJumpOrPop(Instr inst, Instr target) {
        boolean ifFalse = is(inst.op, Opcode.JUMP_IF_FALSE_OR_POP);
        Opcode popSame = ifFalse ? Opcode.POP_JUMP_IF_FALSE : Opcode.POP_JUMP_IF_TRUE;
        Opcode orPopSame = ifFalse ? Opcode.JUMP_IF_FALSE_OR_POP : Opcode.JUMP_IF_TRUE_OR_POP;
        Opcode popOther = ifFalse ? Opcode.POP_JUMP_IF_TRUE : Opcode.POP_JUMP_IF_FALSE;
        Opcode orPopOther = ifFalse ? Opcode.JUMP_IF_TRUE_OR_POP : Opcode.JUMP_IF_FALSE_OR_POP;
        if (is(target.op, popSame)) {
            return jumpThread(inst, target, op(popSame));
        } else if (is(target.op, Opcode.JUMP) || is(target.op, orPopSame)) {
            return jumpThread(inst, target, op(orPopSame));
        } else if (is(target.op, orPopOther) || is(target.op, popOther)) {
            if (inst.line() == target.line()) {
                inst.op = op(popSame);
                inst.target = inst.target.next;
                return 1;
            }
        }
        return 0;
    }

    private static int jumpThread(Instr inst, Instr target, int opcode) {
        if (inst.line() == target.line() && inst.target != target.target) {
            inst.target = target.target;
            inst.op = opcode;
            return 1;
        }
        return 0;
    }

    /** Replaces a run of SWAPs and NOPs by an optimal equivalent run; returns the index of its last item. */
    private static int swaptimize(List<Instr> ins, int ix) {
        int depth = ins.get(ix).arg;
        int len = 0;
        boolean more = false;
        int limit = ins.size() - ix;
        while (++len < limit) {
            int opcode = ins.get(ix + len).op;
            if (is(opcode, Opcode.SWAP)) {
                depth = Math.max(depth, ins.get(ix + len).arg);
                more = true;
            } else if (!is(opcode, Opcode.NOP)) {
                break;
            }
        }
        if (!more) {
            return ix;
        }
        int[] stack = new int[depth];
        for (int i = 0; i < depth; i++) {
            stack[i] = i;
        }
        for (int i = 0; i < len; i++) {
            Instr in = ins.get(ix + i);
            if (is(in.op, Opcode.SWAP)) {
                int t = stack[0];
                stack[0] = stack[in.arg - 1];
                stack[in.arg - 1] = t;
            }
        }
        int current = len - 1;
        final int visited = -1;
        for (int i = 0; i < depth; i++) {
            if (stack[i] == visited || stack[i] == i) {
                continue;
            }
            int j = i;
            while (true) {
                if (j != 0) {
                    Instr in = ins.get(ix + current--);
                    in.op = op(Opcode.SWAP);
                    in.arg = j + 1;
                }
                if (stack[j] == visited) {
                    break;
                }
                int nextJ = stack[j];
                stack[j] = visited;
                j = nextJ;
            }
        }
        while (current >= 0) {
            ins.get(ix + current--).op = op(Opcode.NOP);
        }
        return ix + len - 1;
    }

    private static boolean swappable(int op) {
        return is(op, Opcode.STORE_FAST) || is(op, Opcode.POP_TOP);
    }

    private static int nextSwappable(List<Instr> ins, int i, int lineno) {
        while (++i < ins.size()) {
            Instr in = ins.get(i);
            if (lineno >= 0 && in.line() != lineno) {
                return -1;
            }
            if (is(in.op, Opcode.NOP)) {
                continue;
            }
            if (swappable(in.op)) {
                return i;
            }
            return -1;
        }
        return -1;
    }

    /** Applies SWAPs followed by stores/pops by swapping the instructions instead of the stack items. */
    private static void applyStaticSwaps(List<Instr> ins, int i) {
        for (; i >= 0; i--) {
            Instr swap = ins.get(i);
            if (!is(swap.op, Opcode.SWAP)) {
                if (is(swap.op, Opcode.NOP) || swappable(swap.op)) {
                    continue;
                }
                return;
            }
            int j = nextSwappable(ins, i, -1);
            if (j < 0) {
                return;
            }
            int k = j;
            int lineno = ins.get(j).line();
            for (int count = swap.arg - 1; count > 0; count--) {
                k = nextSwappable(ins, k, lineno);
                if (k < 0) {
                    return;
                }
            }
            Instr a = ins.get(j);
            Instr b = ins.get(k);
            if (is(a.op, Opcode.STORE_FAST) && is(b.op, Opcode.STORE_FAST) && a.arg == b.arg) {
                return;
            }
            swap.op = op(Opcode.NOP);
            ins.set(j, b);
            ins.set(k, a);
        }
    }

    private void markReachable() {
        for (Block b = entry; b != null; b = b.next) {
            b.predecessors = 0;
            b.visited = false;
        }
        Deque<Block> stack = new ArrayDeque<>();
        entry.predecessors = 1;
        stack.push(entry);
        while (!stack.isEmpty()) {
            Block b = stack.pop();
            b.visited = true;
            if (b.next != null && !b.noFallthrough()) {
                if (!b.next.visited) {
                    stack.push(b.next);
                }
                b.next.predecessors++;
            }
            for (Instr in : b.instrs) {
                if (isJump(in.op) || isBlockPush(in.op)) {
                    if (!in.target.visited) {
                        stack.push(in.target);
                    }
                    in.target.predecessors++;
                }
            }
        }
    }

    private void eliminateEmptyBlocks() {
        for (Block b = entry; b != null; b = b.next) {
            Block next = b.next;
            if (next != null) {
                while (next.instrs.isEmpty() && next.next != null) {
                    next = next.next;
                }
                b.next = next;
            }
        }
        for (Block b = entry; b != null; b = b.next) {
            Instr last = b.last();
            if (last != null && isJump(last.op)) {
                while (last.target.instrs.isEmpty()) {
                    last.target = last.target.next;
                }
            }
        }
    }

    /** Removes NOPs that carry no line number of their own (clean_basic_block). */
    private static void cleanBlock(Block bb) {
        List<Instr> ins = bb.instrs;
        List<Instr> out = new ArrayList<>(ins.size());
        int prevLineno = -1;
        for (int src = 0; src < ins.size(); src++) {
            Instr in = ins.get(src);
            int lineno = in.line();
            if (is(in.op, Opcode.NOP)) {
                if (lineno < 0 || prevLineno == lineno) {
                    continue;
                }
                if (src < ins.size() - 1) {
                    Instr next = ins.get(src + 1);
                    if (next.line() == lineno) {
                        continue;  // the next keeps its own columns
                    }
                    if (next.line() < 0) {
                        next.loc = in.loc;
                        continue;
                    }
                } else {
                    Block next = bb.next;
                    while (next != null && next.instrs.isEmpty()) {
                        next = next.next;
                    }
                    if (next != null && lineno == next.instrs.getFirst().line()) {
                        continue;
                    }
                }
            }
            out.add(in);
            prevLineno = lineno;
        }
        ins.clear();
        ins.addAll(out);
    }

    // ================================================================== exits and line numbers

    private void duplicateExitsWithoutLineno() {
        for (Block b : allocated.reversed()) {
            Instr last = b.last();
            if (last != null && isJump(last.op)) {
                Block target = last.target;
                if (isExitWithoutLineno(target) && target.predecessors > 1) {
                    Block copy = new Block();
                    for (Instr in : target.instrs) {
                        copy.instrs.add(in.copy());
                    }
                    copy.instrs.getFirst().loc = last.loc;
                    last.target = copy;
                    target.predecessors--;
                    copy.predecessors = 1;
                    copy.next = target.next;
                    target.next = copy;
                }
            }
        }
        for (Block b = entry; b != null; b = b.next) {
            while (b.next != null && b.next.instrs.isEmpty()) {
                b.next = b.next.next;
            }
        }
        for (Block b = entry; b != null; b = b.next) {
            if (!b.noFallthrough() && b.next != null && !b.instrs.isEmpty() && isExitWithoutLineno(b.next)) {
                b.next.instrs.getFirst().loc = b.last().loc;
            }
        }
    }

    /** Drops unused constants at the end of co_consts (the first constant is always kept). */
    private void trimUnusedConsts() {
        int max = 0;
        for (Block b = entry; b != null; b = b.next) {
            for (Instr in : b.instrs) {
                if ((is(in.op, Opcode.LOAD_CONST) || is(in.op, Opcode.KW_NAMES)) && in.arg > max) {
                    max = in.arg;
                }
            }
        }
        while (consts.size() > max + 1) {
            consts.removeLast();
        }
    }

    private void propagateLineNumbers() {
        for (Block b = entry; b != null; b = b.next) {
            if (b.instrs.isEmpty()) {
                continue;
            }
            Loc prev = NO_LOC;
            for (Instr in : b.instrs) {
                if (in.line() < 0) {
                    in.loc = prev;
                } else {
                    prev = in.loc;
                }
            }
            if (!b.noFallthrough() && b.next.predecessors == 1 && b.next.instrs.getFirst().line() < 0) {
                b.next.instrs.getFirst().loc = prev;
            }
            Instr last = b.last();
            if (isJump(last.op) && last.target.predecessors == 1 && last.target.instrs.getFirst().line() < 0) {
                last.target.instrs.getFirst().loc = last.loc;
            }
        }
    }

    /** Gives artificial returns the line of the code before them (guarantee_lineno_for_exits). */
    private void guaranteeLinenoForExits(int firstLineno) {
        int lineno = firstLineno;
        for (Block b = entry; b != null; b = b.next) {
            Instr last = b.last();
            if (last == null) {
                continue;
            }
            if (last.line() < 0) {
                if (is(last.op, Opcode.RETURN_VALUE)) {
                    for (Instr in : b.instrs) {
                        in.loc = in.loc.withLine(lineno);  // only the line: the columns stay as they were
                    }
                }
            } else {
                lineno = last.line();
            }
        }
    }

    // ================================================================== stack depth

    private int stackdepth(boolean generator) {
        for (Block b = entry; b != null; b = b.next) {
            b.startDepth = Integer.MIN_VALUE;
        }
        Deque<Block> stack = new ArrayDeque<>();
        int maxdepth = 0;
        push(stack, entry, generator ? 1 : 0);
        while (!stack.isEmpty()) {
            Block b = stack.pop();
            int depth = b.startDepth;
            Block next = b.next;
            for (Instr in : b.instrs) {
                int newDepth = depth + Block.stackEffect(in.op, in.arg, false);
                if (newDepth < 0) {
                    throw new IllegalStateException("negative stack depth at " + in);
                }
                maxdepth = Math.max(maxdepth, newDepth);
                if (isJump(in.op) || isBlockPush(in.op)) {
                    int targetDepth = depth + Block.stackEffect(in.op, in.arg, true);
                    maxdepth = Math.max(maxdepth, targetDepth);
                    push(stack, in.target, targetDepth);
                }
                depth = newDepth;
                if (Block.isUnconditionalJump(in.op) || Block.isScopeExit(in.op)) {
                    next = null;
                    break;
                }
            }
            if (next != null) {
                push(stack, next, depth);
            }
        }
        return maxdepth;
    }

    private static void push(Deque<Block> stack, Block b, int depth) {
        if (b.startDepth != depth && b.startDepth != Integer.MIN_VALUE) {
            throw new IllegalStateException("inconsistent stack depth: " + b.startDepth + " vs " + depth);
        }
        if (b.startDepth == Integer.MIN_VALUE) {
            b.startDepth = depth;
            stack.push(b);
        }
    }

    // ================================================================== exception table

    private void labelExceptionTargets() {
        for (Block b = entry; b != null; b = b.next) {
            b.visited = false;
            b.exceptStack = null;
        }
        Deque<Block> todo = new ArrayDeque<>();
        entry.visited = true;
        entry.exceptStack = new ArrayDeque<>();
        todo.push(entry);
        while (!todo.isEmpty()) {
            Block b = todo.pop();
            ArrayDeque<Block> except = b.exceptStack;
            b.exceptStack = null;
            Block handler = except.peek();
            for (Instr in : b.instrs) {
                if (isBlockPush(in.op)) {
                    if (!in.target.visited) {
                        in.target.exceptStack = except.clone();
                        in.target.visited = true;
                        todo.push(in.target);
                    }
                    if (in.op == Block.SETUP_WITH || in.op == Block.SETUP_CLEANUP) {
                        in.target.preserveLasti = true;
                    }
                    except.push(in.target);
                    handler = in.target;
                } else if (in.op == POP_BLOCK) {
                    except.pop();
                    handler = except.peek();
                } else if (isJump(in.op)) {
                    in.except = handler;
                    if (!in.target.visited) {
                        in.target.exceptStack = b.noFallthrough() ? except : except.clone();
                        if (b.noFallthrough()) {
                            except = null;
                        }
                        in.target.visited = true;
                        todo.push(in.target);
                    }
                } else {
                    in.except = handler;
                }
            }
            if (!b.noFallthrough() && !b.next.visited) {
                b.next.exceptStack = except;
                b.next.visited = true;
                todo.push(b.next);
            }
        }
    }

    private void convertExceptionHandlersToNops() {
        for (Block b = entry; b != null; b = b.next) {
            for (Instr in : b.instrs) {
                if (isBlockPush(in.op) || in.op == POP_BLOCK) {
                    in.op = op(Opcode.NOP);
                    in.target = null;
                }
            }
        }
    }

    // ================================================================== output

    private static boolean dropped(int op) {
        return op == RESUME || op == RETURN_GENERATOR || op == GEN_POP_TOP;
    }

    private Output emit(int maxdepth) {
        int n = 0;
        for (Block b = entry; b != null; b = b.next) {
            b.offset = n;
            for (Instr in : b.instrs) {
                if (!dropped(in.op)) {
                    n++;
                }
            }
        }
        int[] code = new int[2 * n];
        int[] lines = new int[n];
        int[] positions = new int[3 * n];
        List<ExceptionEntry> table = new ArrayList<>();
        Block handler = null;
        int start = -1;
        int k = 0;
        for (Block b = entry; b != null; b = b.next) {
            for (Instr in : b.instrs) {
                if (dropped(in.op)) {
                    continue;
                }
                if (in.except != handler) {
                    if (handler != null) {
                        table.add(entry(start, k, handler));
                    }
                    start = k;
                    handler = in.except;
                }
                int opcode = in.op == JUMP_NO_INTERRUPT ? op(Opcode.JUMP) : in.op;
                code[2 * k] = opcode;
                code[2 * k + 1] = isJump(in.op) ? firstEmitted(in.target) : in.arg;
                lines[k] = in.line();
                positions(in.loc, positions, 3 * k);
                k++;
            }
        }
        if (handler != null) {
            table.add(entry(start, k, handler));
        }
        return new Output(code, lines, positions, table, maxdepth);
    }

    /** propagate_line_numbers' starting point: no location at all. */
    private static final Loc NO_LOC = new Loc(-1, -1, -1, -1);

    /**
     * Stores what co_positions() reports for an instruction at {@code loc} (end line, column, end
     * column; -1 for None), as CPython 3.11's location table records it: nothing without a line;
     * without columns, the end line is the line unless a different one is known.
     */
    private static void positions(Loc loc, int[] out, int at) {
        int endLine = loc.endLine(), col = loc.col(), endCol = loc.endCol();
        if (loc.line() < 0) {
            endLine = col = endCol = -1;
        } else if (col < 0 || endCol < 0) {
            if (endLine == loc.line() || endLine == -1) {
                endLine = loc.line();
                col = endCol = -1;
            }
        }
        out[at] = endLine;
        out[at + 1] = col;
        out[at + 2] = endCol;
    }

    private static ExceptionEntry entry(int start, int end, Block handler) {
        int depth = handler.startDepth - 1 - (handler.preserveLasti ? 1 : 0);
        return new ExceptionEntry(start, end, firstEmitted(handler), depth, handler.preserveLasti);
    }

    /** The instruction index of the first emitted instruction at or after the start of {@code b}. */
    private static int firstEmitted(Block b) {
        return b.offset;
    }
}
