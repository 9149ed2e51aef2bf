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
 * the generated method keeps only the pending KW_NAMES tuple in a JVM local.
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
     * descriptor letter (V, Z, I, J), and the control after it.
     */
    public record Step(String method, String params, char ret, Control control) {
        public static final Step DEOPT = new Step(null, "", 'V', Control.DEOPT);
        public static final Step NONE = new Step(null, "", 'V', Control.NONE);
    }

    /**
     * The VM's names: the class to define (in the interpreter's package), the interface it
     * implements (with {@code long run(interp, frame)}), the interpreter class (helpers are its
     * instance methods; {@code checkField} its boolean "check at boundaries" flag, {@code
     * checkMethod(frame, int pc)} the check), and the frame class with its int pc and lasti fields.
     */
    public record Target(ClassDesc self, ClassDesc iface, ClassDesc interp, String checkField, String checkMethod,
                         ClassDesc frame, String pcField, String lastiField, String jumpCheckMethod) {}

    /** The most instructions compiled into one method (each takes at most ~40 bytes of the JVM's 64 KiB). */
    public static final int MAX_INSTRUCTIONS = 1500;

    /**
     * The class file for a code object of {@code ops}/{@code args}: {@code steps[op]} says how each
     * opcode compiles; {@code entries} are the instruction indexes the method can be entered at.
     */
    public static byte[] compile(Target t, int[] ops, int[] args, Step[] steps, BitSet entries) {
        if (ops.length > MAX_INSTRUCTIONS) throw new IllegalArgumentException("too many instructions to compile: " + ops.length);
        MethodTypeDesc runType = MethodTypeDesc.of(ConstantDescs.CD_long, t.interp(), t.frame());
        return ClassFile.of().build(t.self(), cb -> {
            cb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER);
            cb.withInterfaceSymbols(t.iface());
            cb.withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_PUBLIC, code -> {
                code.aload(0);
                code.invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void);
                code.return_();
            });
            cb.withMethodBody("run", runType, ClassFile.ACC_PUBLIC, code -> body(code, t, ops, args, steps, entries));
        });
    }

    private static final int IN = 1, FRAME = 2, KW = 3;

    private static void body(CodeBuilder code, Target t, int[] ops, int[] args, Step[] steps, BitSet entries) {
        int n = ops.length;
        Label[] at = new Label[n + 1];
        for (int i = 0; i <= n; i++) at[i] = code.newLabel();
        Label refuse = code.newLabel();
        code.lconst_0();
        code.lstore(KW);
        List<SwitchCase> cases = new ArrayList<>();
        for (int pc = entries.nextSetBit(0); pc >= 0 && pc < n; pc = entries.nextSetBit(pc + 1)) cases.add(SwitchCase.of(pc, at[pc]));
        code.aload(FRAME);
        code.getfield(t.frame(), t.pcField(), ConstantDescs.CD_int);
        code.lookupswitch(refuse, cases);
        for (int pc = 0; pc < n; pc++) {
            code.labelBinding(at[pc]);
            Step step = steps[ops[pc]];
            if (step.control() == Control.DEOPT) {
                deopt(code, t, pc);
                continue;
            }
            Label checked = code.newLabel();
            code.aload(IN);
            code.getfield(t.interp(), t.checkField(), ConstantDescs.CD_boolean);
            code.ifeq(checked);
            code.aload(IN);
            code.aload(FRAME);
            code.loadConstant(pc);
            code.invokevirtual(t.interp(), t.checkMethod(), MethodTypeDesc.of(ConstantDescs.CD_void, t.frame(), ConstantDescs.CD_int));
            code.labelBinding(checked);
            code.aload(FRAME);
            code.loadConstant(pc);
            code.putfield(t.frame(), t.lastiField(), ConstantDescs.CD_int);
            if (step.control() == Control.NONE) continue;
            code.aload(IN);
            List<ClassDesc> params = new ArrayList<>();
            for (char c : step.params().toCharArray()) {
                switch (c) {
                    case 'f' -> { code.aload(FRAME); params.add(t.frame()); }
                    case 'a' -> { code.loadConstant(args[pc]); params.add(ConstantDescs.CD_int); }
                    case 'p' -> { code.loadConstant(pc); params.add(ConstantDescs.CD_int); }
                    case 'n' -> { code.loadConstant(pc + 1); params.add(ConstantDescs.CD_int); }
                    case 'o' -> { code.loadConstant(ops[pc]); params.add(ConstantDescs.CD_int); }
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
                default -> throw new IllegalArgumentException("return letter " + step.ret());
            };
            code.invokevirtual(t.interp(), step.method(), MethodTypeDesc.of(ret, params));
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
                case RETURN -> code.lreturn();
                case KW_NAMES -> code.lstore(KW);
                default -> throw new IllegalStateException(step.control().toString());
            }
        }
        // running off the end (the compiler always ends code with a return or a jump)
        code.labelBinding(at[n]);
        deopt(code, t, n);
        code.labelBinding(refuse);
        code.lconst_0();
        code.lreturn();
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
