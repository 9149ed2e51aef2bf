package dev.refheap.lang.vm;

import static dev.refheap.lang.jit.ClassCompiler.Control.*;

import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.lang.bytecode.Opcode;
import dev.refheap.lang.jit.ClassCompiler;
import dev.refheap.lang.jit.ClassCompiler.Inline;
import dev.refheap.lang.jit.ClassCompiler.Step;
import java.lang.constant.ClassDesc;
import java.lang.invoke.MethodHandles;
import java.util.BitSet;

/**
 * A code object compiled to a JVM class ("compiling hot code objects", on by default): {@link #run} does what the interpreter's loop would do for the frame from its pc,
 * instruction by instruction through the same {@link Interpreter} methods, so refcounts, the
 * frame's value stack (in its slots, as the heap verifier reads it), lasti (tracebacks, f_lineno)
 * and the boundary checks of --gc-stress and the tracer are the interpreter's.
 *
 * <p>{@link #run} returns the frame's result, or 0: either a CALL entered a Python function's
 * frame (the interpreter's pendingCallee; the frame's pc is after the CALL, an entry point of the
 * compiled code), or the frame's pc is an instruction the compiled code does not run (YIELD_VALUE,
 * SEND, an instruction it cannot be entered at), which the interpreter then runs. An exception
 * leaves with lasti at the raising instruction and is handled by the interpreter exactly as its
 * own; a handler's first instruction is an entry point again.
 *
 * <p>Entry points: pc 0, the instruction after each CALL, each exception handler's first
 * instruction, and each loop header (the target of a backward jump): a frame the interpreter runs
 * continues in the compiled code at a loop's header once its code object has taken {@link
 * #LOOP_THRESHOLD} backward jumps (3.11's JUMP_BACKWARD warm-up, as a module's or a seldom
 * called function's long loop otherwise never leaves the interpreter). There the frame's value
 * stack is in its slots with f.sp current, the pending keyword names are none, and the boundary
 * check of the header's instruction has not run yet, whichever of the two runs it. Code too
 * long to compile whole (a module's body, mostly) has its hot loops compiled on their own
 * ({@link #compilePart}: the instructions of the outermost loop around the header that fits),
 * entered at their headers and after their calls; control leaving one returns 0 with the pc
 * where the interpreter goes on, as at an instruction not compiled.
 *
 * <p>Switched by the system property {@code refheap.jit} or the environment variable
 * {@code REFHEAP_JIT}: {@code off}, {@code on} (the default: a code object is compiled at its
 * {@link #THRESHOLD}th call or its {@link #LOOP_THRESHOLD}th backward jump), {@code all} (at its
 * first run, module and class bodies too: for the tests), {@code loops} (only at a backward jump,
 * the first, code over 60 instructions in parts: for the tests of entering at a loop's header). Generator-like code is never compiled
 * (its frames resume inside the loop).
 */
interface CompiledCode {
    /** Runs {@code f} from its pc (see the class comment); the result is a new reference or 0. */
    long run(Interpreter in, Frame f);

    /** Calls before a code object is compiled with {@code on}. */
    int THRESHOLD = 50;

    /** The run count at which code is compiled (0 with all), or -1 when compiling is off or only loops compile. */
    int COMPILE_AT = Setting.compileAt(false);

    /**
     * Backward jumps a code object takes in the interpreter before it is compiled and the frame
     * that takes the next continues in the compiled code at that loop's header: about as many
     * instructions run before as {@link #THRESHOLD} calls of a small function.
     */
    int LOOP_THRESHOLD = 200;

    /** The backward jumps at which code is compiled (1 with all and loops), or -1 when compiling is off. */
    int LOOP_AT = Setting.compileAt(true);

    /** Marks code that is not compiled (generator-like, too long, or its class could not be made). */
    CompiledCode REFUSED = (in, f) -> 0;

    /** The flag, read once. */
    final class Setting {
        private Setting() {}

        /** The loops setting's limit (for the tests: most functions whole, the corpus' longer code in parts). */
        static final int TEST_PART_INSTRUCTIONS = 60;

        /** The call threshold, or with {@code loops} the backward-jump one. */
        static int compileAt(boolean loops) {
            String v = System.getProperty("refheap.jit");
            if (v == null) v = System.getenv("REFHEAP_JIT");
            if (v == null || v.isEmpty()) v = "on";  // on by default
            return switch (v) {
                case "off" -> -1;
                case "on" -> loops ? LOOP_THRESHOLD : THRESHOLD;
                case "all" -> loops ? 1 : 0;
                case "loops" -> loops ? 1 : -1;
                default -> {
                    // a setting of the process, not of the program: said once, and the interpreter runs as usual
                    if (!loops) System.err.println("refheap: REFHEAP_JIT (refheap.jit) must be off, on, all or loops, not '" + v + "'; compiling stays off");
                    yield -1;
                }
            };
        }
    }

    /**
     * The most instructions compiled when code is compiled for speed ({@code on}): a longer method
     * passes the JVM's HugeMethodLimit (8000 bytes of bytecode, about 40 per instruction) and C2
     * would never compile it. With {@code all} (for the tests) code up to ClassCompiler's limit is
     * compiled.
     */
    int FAST_INSTRUCTIONS = 180;

    /**
     * The most instructions compiled together: {@link #FAST_INSTRUCTIONS}; with all ClassCompiler's
     * limit; with loops {@link Setting#TEST_PART_INSTRUCTIONS}, so that longer code has its loops compiled
     * on their own ({@link #compilePart}).
     */
    int LIMIT = COMPILE_AT == 0 ? ClassCompiler.MAX_INSTRUCTIONS : LOOP_AT == 1 ? Setting.TEST_PART_INSTRUCTIONS : FAST_INSTRUCTIONS;

    /** The compiled code for {@code code}, or {@link #REFUSED} (generator-like, or more than {@code limit} instructions). */
    static CompiledCode compile(CodeType.Code code, int limit) {
        if ((code.unit.flags() & (CodeUnit.CO_GENERATOR | Coroutines.CO_COROUTINE | Coroutines.CO_ASYNC_GENERATOR)) != 0
                || code.ops.length > limit) {
            return REFUSED;
        }
        BitSet all = new BitSet();
        all.set(0, code.ops.length);
        return define(code, entries(code), all);
    }

    /** Where compiled code can be entered: pc 0, after each CALL, each handler, each loop's header. */
    private static BitSet entries(CodeType.Code code) {
        BitSet entries = new BitSet();
        entries.set(0);
        for (int pc = 0; pc < code.ops.length; pc++) {
            if (code.ops[pc] == Op.CALL) entries.set(pc + 1);
            if (isBackwardJump(code.ops[pc], code.args[pc], pc)) entries.set(code.args[pc]);
        }
        for (CodeUnit.ExceptionEntry e : code.unit.exceptionTable()) entries.set(e.target());
        entries.clear(code.ops.length);
        return entries;
    }

    /** The class for the instructions of {@code part}, entered at {@code entries}. */
    private static CompiledCode define(CodeType.Code code, BitSet entries, BitSet part) {
        int[] depths;
        try {
            depths = depths(code);
        } catch (IllegalStateException e) {
            // the stack instructions then run through their methods, as every other
            if (CHECK_SP) throw new IllegalStateException("the stack depths of " + code.unit.name(), e);
            depths = new int[code.ops.length];
            java.util.Arrays.fill(depths, -1);
        }
        ClassCompiler.Stack stack = new ClassCompiler.Stack(depths, code.nlocalsplus, code.consts, CHECK_SP);
        byte[] bytes;
        try {
            bytes = ClassCompiler.compile(Classes.TARGET, code.ops, code.args, Classes.STEPS, entries, stack, part);
        } catch (IllegalArgumentException e) {
            // more JVM bytecode than one method may hold (64 KiB): long code full of calls, with
            // all's limit; it stays interpreted
            if (e.getMessage() != null && e.getMessage().startsWith("Code length")) return REFUSED;
            throw e;
        }
        try {
            MethodHandles.Lookup l = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return (CompiledCode) l.findConstructor(l.lookupClass(), java.lang.invoke.MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("compiling " + code.unit.name() + " to a JVM class failed", e);
        }
    }

    /** Whether loops of {@code code} can be compiled on their own when the whole is not: not generator-like code. */
    static boolean inParts(CodeType.Code code) {
        return (code.unit.flags() & (CodeUnit.CO_GENERATOR | Coroutines.CO_COROUTINE | Coroutines.CO_ASYNC_GENERATOR)) == 0;
    }

    /**
     * The loop whose header is {@code header} in code too long to compile whole, compiled on its
     * own (or {@link #REFUSED} when no loop there fits {@code limit}): the instructions from the
     * outermost loop around it that fits, header to last backward jump, with the entry points
     * that lie among them; control that leaves them returns to the interpreter. Each entry point
     * not yet in {@code parts} (indexed by pc) is set to it.
     */
    static CompiledCode compilePart(CodeType.Code code, int header, int limit, CompiledCode[] parts) {
        int n = code.ops.length;
        int lo = header, hi = -1;
        for (int pc = 0; pc < n; pc++) {
            if (code.args[pc] == header && isBackwardJump(code.ops[pc], header, pc)) hi = Math.max(hi, pc);
        }
        if (hi < 0 || hi - lo + 1 > limit) {
            parts[header] = REFUSED;
            return REFUSED;
        }
        // widen to the loops around it while they fit (nested loops: the outer one's iterations stay compiled)
        for (boolean grew = true; grew; ) {
            grew = false;
            for (int pc = 0; pc < n; pc++) {
                int h = code.args[pc];
                if (isBackwardJump(code.ops[pc], h, pc) && h <= lo && pc >= hi && (h < lo || pc > hi) && pc - h + 1 <= limit) {
                    lo = h;
                    hi = pc;
                    grew = true;
                }
            }
        }
        BitSet part = new BitSet();
        part.set(lo, hi + 1);
        BitSet entries = entries(code);
        entries.and(part);
        CompiledCode c = define(code, entries, part);
        for (int pc = entries.nextSetBit(0); pc >= 0; pc = entries.nextSetBit(pc + 1)) {
            if (parts[pc] == null) parts[pc] = c;
        }
        return c;
    }

    /** A jump backward (3.11's JUMP_BACKWARD, POP_JUMP_BACKWARD_IF_*): its target is a loop's header, an entry point. */
    static boolean isBackwardJump(int op, int arg, int pc) {
        return arg <= pc && switch (op) {
            case Op.JUMP, Op.POP_JUMP_IF_FALSE, Op.POP_JUMP_IF_TRUE, Op.POP_JUMP_IF_NONE, Op.POP_JUMP_IF_NOT_NONE -> true;
            default -> false;
        };
    }

    /** With assertions on (the tests), compiled code checks its stack depths against the frame's before each method-call instruction. */
    boolean CHECK_SP = CompiledCode.class.desiredAssertionStatus();

    /**
     * The value stack's depth before each instruction (-1 where none is reached), from the
     * instructions' stack effects along every path from the start and from each exception
     * handler (its entry's depth, the pushed lasti, the exception), as the compiler's max-stack
     * computation walks them.
     */
    static int[] depths(CodeType.Code code) {
        int n = code.ops.length;
        int[] depth = new int[n];
        java.util.Arrays.fill(depth, -1);
        java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
        reach(depth, work, 0, 0);
        for (CodeUnit.ExceptionEntry e : code.unit.exceptionTable()) reach(depth, work, e.target(), e.depth() + (e.lasti() ? 1 : 0) + 1);
        Opcode[] all = Opcode.values();
        while (!work.isEmpty()) {
            int pc = work.pop();
            Opcode op = all[code.ops[pc]];
            int arg = code.args[pc], d = depth[pc];
            if (op.isJump()) reach(depth, work, arg, d + op.stackEffect(arg, true));
            if (!op.isTerminal() && pc + 1 < n) reach(depth, work, pc + 1, d + op.stackEffect(arg, false));
        }
        return depth;
    }

    private static void reach(int[] depth, java.util.ArrayDeque<Integer> work, int pc, int d) {
        if (d < 0 || pc < 0 || pc >= depth.length) throw new IllegalStateException("stack depth " + d + " at instruction " + pc);
        if (depth[pc] == -1) {
            depth[pc] = d;
            work.push(pc);
        } else if (depth[pc] != d) {
            throw new IllegalStateException("instruction " + pc + " is reached at stack depths " + depth[pc] + " and " + d);
        }
    }

    /** How each opcode compiles: the Interpreter method that does its work (see ClassCompiler.Step). */
    final class Classes {
        private Classes() {}

        static final ClassCompiler.Target TARGET = new ClassCompiler.Target(
                ClassDesc.of("dev.refheap.lang.vm.PyCode"), desc(CompiledCode.class), desc(Interpreter.class), "restCheckDue", "restCheck",
                desc(Frame.class), "pc", "lasti", "slots", "sp", "jitIncref", "jitXdecref", "jitCheckSp", "jump",
                "calleePending", "nestedCallee", "nestedReturned", "nestedThrew");

        static final Step[] STEPS = steps();

        private static ClassDesc desc(Class<?> c) {
            return ClassDesc.of(c.getName());
        }

        private static Step[] steps() {
            Opcode[] all = Opcode.values();
            Step[] s = new Step[all.length];
            for (Opcode op : all) s[op.ordinal()] = new Step("cold", "fo" + "an", 'I', NEXT);
            s[Op.NOP] = Step.NONE;
            inline(s, Op.POP_TOP, "popTop", "f", Inline.POP_TOP);
            inline(s, Op.PUSH_NULL, "pushNull", "f", Inline.PUSH_NULL);
            inline(s, Op.COPY, "copy", "fa", Inline.COPY);
            inline(s, Op.SWAP, "swap", "fa", Inline.SWAP);
            inline(s, Op.LOAD_CONST, "loadConst", "fa", Inline.LOAD_CONST);
            put(s, Op.LOAD_NAME, "loadNameOp", "fap", 'V', NEXT);
            put(s, Op.STORE_NAME, "storeNameOp", "fap", 'V', NEXT);
            put(s, Op.LOAD_GLOBAL, "loadGlobalOp", "fap", 'V', NEXT);
            put(s, Op.STORE_GLOBAL, "storeGlobalOp", "fap", 'V', NEXT);
            inline(s, Op.LOAD_FAST, "loadFast", "fa", Inline.LOAD_FAST);
            inline(s, Op.STORE_FAST, "storeFast", "fa", Inline.STORE_FAST);
            put(s, Op.LOAD_DEREF, "loadDeref", "fa", 'V', NEXT);
            put(s, Op.LOAD_ATTR, "loadAttrOp", "fap", 'V', NEXT);
            put(s, Op.LOAD_METHOD, "loadMethodOp", "fap", 'V', NEXT);
            put(s, Op.STORE_ATTR, "storeAttrOp", "fap", 'V', NEXT);
            put(s, Op.BINARY_SUBSCR, "binarySubscr", "f", 'V', NEXT);
            put(s, Op.STORE_SUBSCR, "storeSubscr", "f", 'V', NEXT);
            put(s, Op.BINARY_OP, "binaryOpOp", "fa", 'V', NEXT);
            put(s, Op.COMPARE_OP, "compareOp", "fa", 'V', NEXT);
            put(s, Op.IS_OP, "isOp", "fa", 'V', NEXT);
            put(s, Op.CONTAINS_OP, "containsOp", "fa", 'V', NEXT);
            put(s, Op.BUILD_TUPLE, "buildTuple", "fa", 'V', NEXT);
            put(s, Op.BUILD_LIST, "buildList", "fa", 'V', NEXT);
            put(s, Op.LIST_APPEND, "listAppend", "fa", 'V', NEXT);
            put(s, Op.UNPACK_SEQUENCE, "unpackSequence", "fa", 'V', NEXT);
            put(s, Op.GET_ITER, "getIter", "f", 'V', NEXT);
            // coldOp's instructions that loops run often, called directly (see the comment above Interpreter.buildSlice)
            put(s, Op.BUILD_SLICE, "buildSlice", "fa", 'V', NEXT);
            put(s, Op.UNARY_POSITIVE, "unary", "fo", 'V', NEXT);
            put(s, Op.UNARY_NEGATIVE, "unary", "fo", 'V', NEXT);
            put(s, Op.UNARY_INVERT, "unary", "fo", 'V', NEXT);
            put(s, Op.UNARY_NOT, "unaryNot", "f", 'V', NEXT);
            put(s, Op.BUILD_SET, "buildSet", "fa", 'V', NEXT);
            put(s, Op.BUILD_MAP, "buildMap", "fa", 'V', NEXT);
            put(s, Op.BUILD_CONST_KEY_MAP, "buildConstKeyMap", "fa", 'V', NEXT);
            put(s, Op.BUILD_STRING, "buildString", "fa", 'V', NEXT);
            put(s, Op.SET_ADD, "setAdd", "fa", 'V', NEXT);
            put(s, Op.MAP_ADD, "mapAdd", "fa", 'V', NEXT);
            put(s, Op.FORMAT_VALUE, "formatValueOp", "fa", 'V', NEXT);
            put(s, Op.DELETE_SUBSCR, "deleteSubscr", "f", 'V', NEXT);
            put(s, Op.FOR_ITER, "forIter", "f", 'Z', JUMP_IF_FALSE);
            put(s, Op.JUMP, "jumpOp", "fap", 'V', GOTO);
            // a taken backward POP_JUMP_IF_* is 3.11's POP_JUMP_BACKWARD_IF_*: the eval breaker's check
            put(s, Op.POP_JUMP_IF_FALSE, "popTruth", "f", 'Z', POP_JUMP_IF_FALSE);
            put(s, Op.POP_JUMP_IF_TRUE, "popTruth", "f", 'Z', POP_JUMP_IF_TRUE);
            put(s, Op.POP_JUMP_IF_NONE, "popIsNone", "f", 'Z', POP_JUMP_IF_TRUE);
            put(s, Op.POP_JUMP_IF_NOT_NONE, "popIsNone", "f", 'Z', POP_JUMP_IF_FALSE);
            put(s, Op.JUMP_IF_FALSE_OR_POP, "jumpOrPop", "fF", 'Z', JUMP_IF_TRUE);
            put(s, Op.JUMP_IF_TRUE_OR_POP, "jumpOrPop", "ft", 'Z', JUMP_IF_TRUE);
            put(s, Op.KW_NAMES, "kwNames", "fa", 'J', KW_NAMES);
            put(s, Op.CALL, "callCompiled", "fakn", 'C', CALL_NESTED);
            put(s, Op.RETURN_VALUE, "popReturn", "fn", 'J', RETURN);
            // the frame leaves the loop there (YIELD_VALUE), or its pc is set by the instruction (SEND)
            s[Op.YIELD_VALUE] = Step.DEOPT;
            s[Op.SEND] = Step.DEOPT;
            return s;
        }

        /** A stack instruction the compiled code does itself where the depth is known, else by {@code method}. */
        private static void inline(Step[] s, int op, String method, String params, Inline how) {
            s[op] = new Step(method, params, 'V', NEXT, how);
        }

        private static void put(Step[] s, int op, String method, String params, char ret, ClassCompiler.Control c) {
            s[op] = new Step(method, params, ret, c);
        }
    }
}
