package dev.refheap.lang.compiler;

import dev.refheap.lang.bytecode.Opcode;

import java.util.ArrayList;
import java.util.List;

/**
 * A basic block of the control-flow graph the compiler emits into (CPython's {@code basicblock}).
 * {@link #next} is the layout successor (the fall-through block); jumps point at blocks through
 * {@link Instr#target}. Invariant once code generation is done: a jump or a scope exit is only ever
 * the last instruction of a block. The other fields are scratch state of the {@link Assembler} passes.
 */
final class Block {
    final List<Instr> instrs = new ArrayList<>();
    Block next;
    // assembler state
    boolean visited, exceptHandler, preserveLasti;
    int predecessors;
    int startDepth = Integer.MIN_VALUE;
    int offset;
    java.util.ArrayDeque<Block> exceptStack;

    /**
     * One instruction: an {@link Opcode} ordinal or one of the pseudo opcodes below, its argument, its
     * jump target for jumps and SETUP_*, its source location ({@link Loc}; line -1 for artificial
     * code) and, after exception labelling, the handler block covering it.
     */
    static final class Instr {
        int op;
        int arg;
        Block target;
        Loc loc;
        Block except;

        Instr(int op, int arg, Block target, Loc loc) {
            this.op = op;
            this.arg = arg;
            this.target = target;
            this.loc = loc;
        }

        int line() {
            return loc.line();
        }

        Instr copy() {
            Instr i = new Instr(op, arg, target, loc);
            i.except = except;
            return i;
        }

        @Override
        public String toString() {
            return name(op) + " " + arg + (target != null ? " ->" + System.identityHashCode(target) : "")
                    + " @" + loc;
        }
    }

    // pseudo opcodes: they never reach the CodeUnit
    static final int SETUP_FINALLY = 1000, SETUP_CLEANUP = 1001, SETUP_WITH = 1002, POP_BLOCK = 1003,
            JUMP_NO_INTERRUPT = 1004, RESUME = 1005, RETURN_GENERATOR = 1006, GEN_POP_TOP = 1007;

    static int op(Opcode o) {
        return o.ordinal();
    }

    static boolean is(int op, Opcode o) {
        return op == o.ordinal();
    }

    static String name(int op) {
        return switch (op) {
            case SETUP_FINALLY -> "SETUP_FINALLY";
            case SETUP_CLEANUP -> "SETUP_CLEANUP";
            case SETUP_WITH -> "SETUP_WITH";
            case POP_BLOCK -> "POP_BLOCK";
            case JUMP_NO_INTERRUPT -> "JUMP_NO_INTERRUPT";
            case RESUME -> "RESUME";
            case RETURN_GENERATOR -> "RETURN_GENERATOR";
            case GEN_POP_TOP -> "POP_TOP(gen)";
            default -> Opcode.of(op).name();
        };
    }

    /** A real or pseudo jump (not SETUP_*). */
    static boolean isJump(int op) {
        return op == JUMP_NO_INTERRUPT || (op < 1000 && Opcode.of(op).isJump());
    }

    static boolean isBlockPush(int op) {
        return op == SETUP_FINALLY || op == SETUP_CLEANUP || op == SETUP_WITH;
    }

    static boolean isUnconditionalJump(int op) {
        return op == JUMP_NO_INTERRUPT || is(op, Opcode.JUMP);
    }

    static boolean isScopeExit(int op) {
        return is(op, Opcode.RETURN_VALUE) || is(op, Opcode.RAISE_VARARGS) || is(op, Opcode.RERAISE);
    }

    static int stackEffect(int op, int arg, boolean jump) {
        return switch (op) {
            case SETUP_FINALLY, SETUP_WITH -> jump ? 1 : 0;
            case SETUP_CLEANUP -> jump ? 2 : 0;
            case POP_BLOCK, JUMP_NO_INTERRUPT, RESUME, RETURN_GENERATOR -> 0;
            case GEN_POP_TOP -> -1;
            default -> Opcode.of(op).stackEffect(arg, jump);
        };
    }

    Instr last() {
        return instrs.isEmpty() ? null : instrs.getLast();
    }

    /** True if control cannot fall off the end of this block into {@link #next}. */
    boolean noFallthrough() {
        Instr l = last();
        return l != null && (isScopeExit(l.op) || isUnconditionalJump(l.op));
    }

    /** True if the block ends by leaving the code unit (return/raise/reraise). */
    boolean isExit() {
        Instr l = last();
        return l != null && isScopeExit(l.op);
    }

    boolean endsWithJump() {
        Instr l = last();
        return l != null && isJump(l.op);
    }
}
