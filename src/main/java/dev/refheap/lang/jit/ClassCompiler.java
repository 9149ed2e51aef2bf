package dev.refheap.lang.jit;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Compiles one code object's instructions to a JVM class (java.lang.classfile) whose method runs
 * them as straight-line JVM code: every instruction becomes a call of the VM method that does that
 * instruction's work (the same one the interpreter's loop calls), and the bytecode's jumps become
 * JVM branches, so C2 compiles a Python function as one method, without the interpreter's
 * dispatch, with each instruction's argument a constant.
 *
 * <p>The class knows nothing of the VM's types but their names, given by a {@link Target}: the
 * value stack stays in the frame (where the heap verifier and the exception handlers read it), and
 * the generated method keeps the pending KW_NAMES tuple and the frame's slots array in JVM locals.
 * The stack instructions ({@link Inline}) are done in the method itself where the stack's depth
 * is known ({@link Stack}), at constant slot indexes; the frame's sp may then lag behind while
 * only such loads run (invariant: it is current before every method call but the refcount ones
 * that only add a reference, at every branch target, and in the boundary check).
 *
 * <p>The generated {@code long run(Interp in, Frame f)}: enters at the frame's pc (one of the
 * {@code entries}, else returns 0 at once), and returns what an instruction's {@link Step} says:
 * RETURN's value, or 0 when a CALL entered a Python frame or an instruction is not compiled
 * ({@link Control#DEOPT}: the frame's pc is that instruction's, for the interpreter to go on).
 * Before each instruction it runs the boundary check when the interpreter's flag asks for it and
 * stores the instruction's index as the frame's lasti, as the interpreter's loop does.
 */
public final class ClassCompiler {
    private ClassCompiler() {}

    /** What follows an instruction's helper call. */
    public enum Control {
        /** Go on with the next instruction (a value the helper returns is dropped). */
        NEXT,
        /** The helper returns a boolean: jump to the instruction's argument when true. */
        JUMP_IF_TRUE,
        /** The helper returns a boolean: jump to the argument when false. */
        JUMP_IF_FALSE,
        /**
         * As JUMP_IF_TRUE / JUMP_IF_FALSE, and a taken jump backward runs the interpreter's
         * {@code jumpCheckMethod(int target, int pc)} first (the eval breaker: a thread switch, a
         * pending signal), as the interpreter's POP_JUMP_IF_* do.
         */
        POP_JUMP_IF_TRUE,
        POP_JUMP_IF_FALSE,
        /** Jump to the argument after the helper. */
        GOTO,
        /** The helper (a call) returns true when it entered a frame: return 0; the pending keyword names are used up. */
        CALL,
        /**
         * The helper (a call; the pending keyword names are used up) returns the compiled code of
         * the frame it entered, which the method runs here (the interface call at this site, so
         * the JVM's profile of it is this site's: one callee, typically, inlined or called
         * directly), on the frame {@code nestedCalleeMethod()} gives; then {@code
         * nestedReturnedMethod(frame, callee, long result)}, or, when it throws, {@code
         * nestedThrewMethod(frame, callee, Throwable)}. Null from the helper: return 0 when
         * {@code calleePendingMethod()} says a frame was entered, else go on (the result is pushed).
         */
        CALL_NESTED,
        /** Return the long the helper returns. */
        RETURN,
        /** Keep the long the helper returns as the pending keyword names. */
        KW_NAMES,
        /** Not compiled: store the pc and return 0 so the interpreter runs it. */
        DEOPT,
        /** Nothing to do (NOP). */
        NONE
    }

    /**
     * How one opcode compiles: the helper method on the interpreter class, its parameters as
     * letters (f the frame, a the argument, p the instruction's index, n the next index, o the
     * opcode, k the pending keyword names, t/F the constants true/false), its return type's
     * descriptor letter (V, Z, I, J; C the compiled-code interface), and the control after it.
     */
    public record Step(String method, String params, char ret, Control control, Inline inline) {
        public static final Step DEOPT = new Step(null, "", 'V', Control.DEOPT);
        public static final Step NONE = new Step(null, "", 'V', Control.NONE);

        public Step(String method, String params, char ret, Control control) {
            this(method, params, ret, control, Inline.NO);
        }
    }

    /**
     * The stack instructions the method does itself (the slot reads and writes and the refcount
     * calls) where the value stack's depth at the instruction is known, instead of calling the
     * step's method; where it is not known, the step's method runs as for any other instruction.
     */
    public enum Inline {
        NO,
        /** [] -> [local arg]: the local's reference copied (incref); unbound: the step's method raises. */
        LOAD_FAST,
        /** [v] -> []: v moves into local arg, its old value released. */
        STORE_FAST,
        /** [] -> [co_consts[arg]], incref. */
        LOAD_CONST,
        /** [v] -> []: v released. */
        POP_TOP,
        /** [] -> [NULL]. */
        PUSH_NULL,
        /** [.., x, ..] -> [.., x, .., x]: the arg-th from the top copied (incref). */
        COPY,
        /** TOS and the arg-th from the top exchanged. */
        SWAP
    }

    /**
     * The VM's names: the class to define (in the interpreter's package), the interface it
     * implements (with {@code long run(interp, frame)}), the interpreter class (helpers are its
     * instance methods; {@code checkField} its boolean "check at boundaries" flag, {@code
     * checkMethod(frame, int pc)} the check), and the frame class with its int pc and lasti fields.
     */
    public record Target(ClassDesc self, ClassDesc iface, ClassDesc interp, String checkField, String checkMethod,
                         ClassDesc frame, String pcField, String lastiField, String slotsField, String spField,
                         String increfMethod, String xdecrefMethod, String spCheckMethod, String jumpCheckMethod,
                         String calleePendingMethod, String nestedCalleeMethod, String nestedReturnedMethod,
                         String nestedThrewMethod) {}

    /**
     * What the method may assume of the frame: {@code depth[pc]} the value stack's depth before
     * the instruction at pc (-1: not known, the instruction is never reached), {@code base} the
     * slot of the stack's bottom (the frame's sp at depth 0), {@code consts} the constants'
     * references (kept alive by the code object for as long as the class can run), and {@code
     * checkSp}: before each instruction whose work is a method call, call {@code
     * spCheckMethod(frame, int expected, int pc)} (the assertion that depth is right).
     */
    public record Stack(int[] depth, int base, long[] consts, boolean checkSp) {}

    /** The most instructions compiled into one method (each takes at most ~40 bytes of the JVM's 64 KiB). */
    public static final int MAX_INSTRUCTIONS = 1500;

    /**
     * The class file for a code object of {@code ops}/{@code args}: {@code steps[op]} says how each
     * opcode compiles; {@code entries} are the instruction indexes the method can be entered at.
     */
    public static byte[] compile(Target t, int[] ops, int[] args, Step[] steps, BitSet entries, Stack stack) {
        BitSet all = new BitSet();
        all.set(0, ops.length);
        return compile(t, ops, args, steps, entries, stack, all);
    }

    /**
     * As {@link #compile(Target, int[], int[], Step[], BitSet, Stack)} for the instructions in
     * {@code part} only (a loop of longer code): control that leaves the part returns 0 with the
     * frame's pc at the instruction it goes to, as at an instruction not compiled, and the
     * entries must lie in the part.
     */
    public static byte[] compile(Target t, int[] ops, int[] args, Step[] steps, BitSet entries, Stack stack, BitSet part) {
        if (part.cardinality() > MAX_INSTRUCTIONS) throw new IllegalArgumentException("too many instructions to compile: " + part.cardinality());
        if (!part.get(0, ops.length).equals(part)) throw new IllegalArgumentException("a part outside the code");
        BitSet outside = (BitSet) entries.clone();
        outside.andNot(part);
        if (!outside.isEmpty()) throw new IllegalArgumentException("entries outside the compiled part: " + outside);
        MethodTypeDesc runType = MethodTypeDesc.of(ConstantDescs.CD_long, t.interp(), t.frame());
        return ClassFile.of().build(t.self(), cb -> {
            cb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER);
            cb.withInterfaceSymbols(t.iface());
            cb.withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_PUBLIC, code -> {
                code.aload(0);
                code.invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void);
                code.return_();
            });
            cb.withMethodBody("run", runType, ClassFile.ACC_PUBLIC, code -> body(code, t, ops, args, steps, entries, stack, part));
        });
    }

    /**
     * The method's locals: the interpreter, the frame, the pending keyword names, the frame's slots,
     * two scratch values, and a nested call's callee frame, its compiled code and what it threw.
     */
    private static final int IN = 1, FRAME = 2, KW = 3, SLOTS = 5, V = 6, OLD = 8, CALLEE = 10, CALLEE_CODE = 11, THROWN = 12;

    private static final ClassDesc CD_LONGS = ConstantDescs.CD_long.arrayType();

    private static void body(CodeBuilder code, Target t, int[] ops, int[] args, Step[] steps, BitSet entries, Stack stack, BitSet part) {
        int n = ops.length;
        Label[] at = new Label[n + 1];
        for (int i = 0; i <= n; i++) at[i] = code.newLabel();
        // where control arrives other than from the instruction before: the frame's sp is stored there
        BitSet targets = (BitSet) entries.clone();
        for (int pc = part.nextSetBit(0); pc >= 0; pc = part.nextSetBit(pc + 1)) {
            switch (steps[ops[pc]].control()) {
                case JUMP_IF_TRUE, JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_FALSE, GOTO -> targets.set(target(args[pc], n));
                default -> { }
            }
        }
        Label refuse = code.newLabel();
        code.lconst_0();
        code.lstore(KW);
        code.aload(FRAME);
        code.getfield(t.frame(), t.slotsField(), CD_LONGS);
        code.astore(SLOTS);
        List<SwitchCase> cases = new ArrayList<>();
        for (int pc = entries.nextSetBit(0); pc >= 0 && pc < n; pc = entries.nextSetBit(pc + 1)) cases.add(SwitchCase.of(pc, at[pc]));
        code.aload(FRAME);
        code.getfield(t.frame(), t.pcField(), ConstantDescs.CD_int);
        code.lookupswitch(refuse, cases);
        // the sp the frame's field is behind at after inline stack instructions (stored before
        // anything that can read it: a method call, a release, a boundary check, a branch target), or -1
        int pending = -1;
        for (int pc = 0; pc < n; pc++) {
            Step step = steps[ops[pc]];
            if (!part.get(pc)) {
                // outside the part: where control from the part arrives (a jump, the instruction
                // before falling through), the interpreter goes on
                if (targets.get(pc) || pc > 0 && part.get(pc - 1)) {
                    storeSp(code, t, pending);
                    pending = -1;
                    code.labelBinding(at[pc]);
                    deopt(code, t, pc);
                }
                continue;
            }
            if (targets.get(pc)) {
                storeSp(code, t, pending);
                pending = -1;
            }
            code.labelBinding(at[pc]);
            if (step.control() == Control.DEOPT) {
                storeSp(code, t, pending);
                pending = -1;
                deopt(code, t, pc);
                continue;
            }
            int depth = stack.depth()[pc];
            Label checked = code.newLabel();
            code.aload(IN);
            code.getfield(t.interp(), t.checkField(), ConstantDescs.CD_boolean);
            code.ifeq(checked);
            storeSp(code, t, pending);
            code.aload(IN);
            code.aload(FRAME);
            code.loadConstant(pc);
            code.invokevirtual(t.interp(), t.checkMethod(), MethodTypeDesc.of(ConstantDescs.CD_void, t.frame(), ConstantDescs.CD_int));
            code.labelBinding(checked);
            code.aload(FRAME);
            code.loadConstant(pc);
            code.putfield(t.frame(), t.lastiField(), ConstantDescs.CD_int);
            if (step.control() == Control.NONE) continue;
            if (step.inline() != Inline.NO && depth >= 0) {
                pending = inline(code, t, step, args[pc], stack.base() + depth, pending, stack.consts());
                continue;
            }
            storeSp(code, t, pending);
            pending = -1;
            if (stack.checkSp() && depth >= 0) {
                code.aload(IN);
                code.aload(FRAME);
                code.loadConstant(stack.base() + depth);
                code.loadConstant(pc);
                code.invokevirtual(t.interp(), t.spCheckMethod(),
                        MethodTypeDesc.of(ConstantDescs.CD_void, t.frame(), ConstantDescs.CD_int, ConstantDescs.CD_int));
            }
            callStep(code, t, step, ops[pc], args[pc], pc);
            switch (step.control()) {
                case NEXT -> {
                    if (step.ret() == 'J') code.pop2();
                    else if (step.ret() != 'V') code.pop();
                }
                case JUMP_IF_TRUE -> code.ifne(at[target(args[pc], n)]);
                case JUMP_IF_FALSE -> code.ifeq(at[target(args[pc], n)]);
                case POP_JUMP_IF_TRUE, POP_JUMP_IF_FALSE -> {
                    int to = target(args[pc], n);
                    boolean onTrue = step.control() == Control.POP_JUMP_IF_TRUE;
                    if (to > pc) {
                        if (onTrue) code.ifne(at[to]);
                        else code.ifeq(at[to]);
                    } else {
                        Label stay = code.newLabel();
                        if (onTrue) code.ifeq(stay);
                        else code.ifne(stay);
                        code.aload(IN);
                        code.loadConstant(to);
                        code.loadConstant(pc);
                        code.invokevirtual(t.interp(), t.jumpCheckMethod(),
                                MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int, ConstantDescs.CD_int));
                        code.goto_(at[to]);
                        code.labelBinding(stay);
                    }
                }
                case GOTO -> code.goto_(at[target(args[pc], n)]);
                case CALL -> {
                    code.lconst_0();
                    code.lstore(KW);
                    Label on = code.newLabel();
                    code.ifeq(on);
                    code.lconst_0();
                    code.lreturn();
                    code.labelBinding(on);
                }
                case CALL_NESTED -> callNested(code, t);
                case RETURN -> code.lreturn();
                case KW_NAMES -> code.lstore(KW);
                default -> throw new IllegalStateException(step.control().toString());
            }
        }
        // running off the end (the compiler always ends code with a return or a jump)
        if (part.get(n - 1) || targets.get(n)) {
            storeSp(code, t, pending);
            code.labelBinding(at[n]);
            deopt(code, t, n);
        }
        code.labelBinding(refuse);
        code.lconst_0();
        code.lreturn();
    }

    /** The call of the step's method with its parameters; its result (per {@code step.ret()}) is left on the JVM stack. */
    private static void callStep(CodeBuilder code, Target t, Step step, int op, int arg, int pc) {
        code.aload(IN);
        List<ClassDesc> params = new ArrayList<>();
        for (char c : step.params().toCharArray()) {
            switch (c) {
                case 'f' -> { code.aload(FRAME); params.add(t.frame()); }
                case 'a' -> { code.loadConstant(arg); params.add(ConstantDescs.CD_int); }
                case 'p' -> { code.loadConstant(pc); params.add(ConstantDescs.CD_int); }
                case 'n' -> { code.loadConstant(pc + 1); params.add(ConstantDescs.CD_int); }
                case 'o' -> { code.loadConstant(op); params.add(ConstantDescs.CD_int); }
                case 'k' -> { code.lload(KW); params.add(ConstantDescs.CD_long); }
                case 't' -> { code.iconst_1(); params.add(ConstantDescs.CD_boolean); }
                case 'F' -> { code.iconst_0(); params.add(ConstantDescs.CD_boolean); }
                default -> throw new IllegalArgumentException("parameter letter " + c);
            }
        }
        ClassDesc ret = switch (step.ret()) {
            case 'V' -> ConstantDescs.CD_void;
            case 'Z' -> ConstantDescs.CD_boolean;
            case 'I' -> ConstantDescs.CD_int;
            case 'J' -> ConstantDescs.CD_long;
            case 'C' -> t.iface();
            default -> throw new IllegalArgumentException("return letter " + step.ret());
        };
        code.invokevirtual(t.interp(), step.method(), MethodTypeDesc.of(ret, params));
    }

    /** After a CALL_NESTED step's helper, its compiled code on the JVM stack (see {@link Control#CALL_NESTED}). */
    private static void callNested(CodeBuilder code, Target t) {
        MethodTypeDesc runType = MethodTypeDesc.of(ConstantDescs.CD_long, t.interp(), t.frame());
        ClassDesc throwable = ClassDesc.of("java.lang.Throwable");
        Label run = code.newLabel(), done = code.newLabel(), start = code.newLabel(), end = code.newLabel(), caught = code.newLabel();
        code.lconst_0();
        code.lstore(KW);
        code.astore(CALLEE_CODE);
        code.aload(CALLEE_CODE);
        code.ifnonnull(run);
        code.aload(IN);
        code.invokevirtual(t.interp(), t.calleePendingMethod(), MethodTypeDesc.of(ConstantDescs.CD_boolean));
        code.ifeq(done);
        code.lconst_0();
        code.lreturn();
        code.labelBinding(run);
        code.aload(IN);
        code.invokevirtual(t.interp(), t.nestedCalleeMethod(), MethodTypeDesc.of(t.frame()));
        code.astore(CALLEE);
        code.labelBinding(start);
        code.aload(CALLEE_CODE);
        code.aload(IN);
        code.aload(CALLEE);
        code.invokeinterface(t.iface(), "run", runType);
        code.lstore(V);
        code.labelBinding(end);
        code.aload(IN);
        code.aload(FRAME);
        code.aload(CALLEE);
        code.lload(V);
        code.invokevirtual(t.interp(), t.nestedReturnedMethod(),
                MethodTypeDesc.of(ConstantDescs.CD_void, t.frame(), t.frame(), ConstantDescs.CD_long));
        code.goto_(done);
        code.labelBinding(caught);
        code.astore(THROWN);
        code.aload(IN);
        code.aload(FRAME);
        code.aload(CALLEE);
        code.aload(THROWN);
        code.invokevirtual(t.interp(), t.nestedThrewMethod(),
                MethodTypeDesc.of(ConstantDescs.CD_void, t.frame(), t.frame(), throwable));
        code.labelBinding(done);
        code.exceptionCatch(start, end, caught, throwable);
    }

    /**
     * An inline stack instruction with the value stack's top at slot {@code sp} (before it) and the
     * frame's sp field behind at {@code pending} (-1: current); returns the sp the field is behind
     * at after it. The slots are written as the step's method writes them, and the frame's sp is
     * stored before a release (which can run a finalizer, a collection, the heap verifier).
     */
    private static int inline(CodeBuilder code, Target t, Step step, int arg, int sp, int pending, long[] consts) {
        switch (step.inline()) {
            case LOAD_FAST -> {
                slot(code, arg);
                code.lstore(V);
                Label bound = code.newLabel();
                code.lload(V);
                code.lconst_0();
                code.lcmp();
                code.ifne(bound);
                // unbound: the step's method raises UnboundLocalError with the frame as it is
                storeSp(code, t, pending);
                callStep(code, t, step, 0, arg, 0);
                code.aconst_null();
                code.athrow();
                code.labelBinding(bound);
                incref(code, t, V);
                setSlot(code, sp, V);
                return sp + 1;
            }
            case LOAD_CONST -> {
                code.loadConstant(consts[arg]);
                code.lstore(V);
                incref(code, t, V);
                setSlot(code, sp, V);
                return sp + 1;
            }
            case PUSH_NULL -> {
                clearSlot(code, sp);
                return sp + 1;
            }
            case COPY -> {
                slot(code, sp - arg);
                code.lstore(V);
                incref(code, t, V);
                setSlot(code, sp, V);
                return sp + 1;
            }
            case SWAP -> {
                slot(code, sp - 1);
                code.lstore(V);
                code.aload(SLOTS);
                code.loadConstant(sp - 1);
                slot(code, sp - arg);
                code.lastore();
                setSlot(code, sp - arg, V);
                return pending;
            }
            case STORE_FAST -> {
                pop(code, sp, V);
                slot(code, arg);
                code.lstore(OLD);
                setSlot(code, arg, V);
                storeSp(code, t, sp - 1);
                xdecref(code, t, OLD);
                return -1;
            }
            case POP_TOP -> {
                pop(code, sp, V);
                storeSp(code, t, sp - 1);
                xdecref(code, t, V);
                return -1;
            }
            default -> throw new IllegalStateException(step.inline().toString());
        }
    }

    /** The value stack's top (slot {@code sp - 1}) into {@code local}, its slot cleared, as a pop leaves it. */
    private static void pop(CodeBuilder code, int sp, int local) {
        slot(code, sp - 1);
        code.lstore(local);
        clearSlot(code, sp - 1);
    }

    private static void clearSlot(CodeBuilder code, int i) {
        code.aload(SLOTS);
        code.loadConstant(i);
        code.lconst_0();
        code.lastore();
    }

    private static void slot(CodeBuilder code, int i) {
        code.aload(SLOTS);
        code.loadConstant(i);
        code.laload();
    }

    private static void setSlot(CodeBuilder code, int i, int local) {
        code.aload(SLOTS);
        code.loadConstant(i);
        code.lload(local);
        code.lastore();
    }

    private static void incref(CodeBuilder code, Target t, int local) {
        code.aload(IN);
        code.lload(local);
        code.invokevirtual(t.interp(), t.increfMethod(), MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_long));
    }

    private static void xdecref(CodeBuilder code, Target t, int local) {
        code.aload(IN);
        code.lload(local);
        code.invokevirtual(t.interp(), t.xdecrefMethod(), MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_long));
    }

    /** Stores {@code sp} in the frame's sp field, unless it is -1 (the field is current). */
    private static void storeSp(CodeBuilder code, Target t, int sp) {
        if (sp < 0) return;
        code.aload(FRAME);
        code.loadConstant(sp);
        code.putfield(t.frame(), t.spField(), ConstantDescs.CD_int);
    }

    private static int target(int arg, int n) {
        if (arg < 0 || arg > n) throw new IllegalArgumentException("jump target " + arg + " outside the code (" + n + " instructions)");
        return arg;
    }

    private static void deopt(CodeBuilder code, Target t, int pc) {
        code.aload(FRAME);
        code.loadConstant(pc);
        code.putfield(t.frame(), t.pcField(), ConstantDescs.CD_int);
        code.lconst_0();
        code.lreturn();
    }

}
