package dev.refheap.lang.bytecode;

import dev.refheap.lang.ast.PyRepr;
import dev.refheap.lang.ast.Special;
import dev.refheap.lang.bytecode.CodeUnit.ConstFrozenset;
import dev.refheap.lang.bytecode.CodeUnit.ConstTuple;
import dev.refheap.lang.bytecode.CodeUnit.ExceptionEntry;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Text disassembly of a {@link CodeUnit} in the layout of CPython 3.11's {@code dis.dis}: one line per
 * instruction with the source line where it changes, a {@code >>} mark on jump targets, the instruction
 * index (refheap's offsets), the opcode name, the argument and what it means (constant, name, local,
 * jump target, operator...), then the exception table, then the nested code units in co_consts order.
 * Stateless.
 */
public final class Disassembler {
    private Disassembler() {}

    private static final String[] COMPARE = {"<", "<=", "==", "!=", ">", ">="};

    /** The disassembly of {@code code} and, recursively, of the code units among its constants. */
    public static String disassemble(CodeUnit code) {
        StringBuilder out = new StringBuilder();
        disassemble(code, out, true);
        return out.toString();
    }

    private static void disassemble(CodeUnit code, StringBuilder out, boolean top) {
        if (!top) {
            out.append("\nDisassembly of ").append(describe(code)).append(":\n");
        }
        Set<Integer> targets = new HashSet<>();
        for (int i = 0; i < code.instructionCount(); i++) {
            if (code.opcode(i).isJump()) {
                targets.add(code.arg(i));
            }
        }
        for (ExceptionEntry e : code.exceptionTable()) {
            targets.add(e.target());
        }
        int lastLine = Integer.MIN_VALUE;
        for (int i = 0; i < code.instructionCount(); i++) {
            int line = code.lines()[i];
            boolean newLine = line != lastLine && line >= 0;
            if (newLine && i > 0) {
                out.append('\n');
            }
            out.append(newLine ? String.format("%4d", line) : "    ");
            if (newLine) {
                lastLine = line;
            }
            out.append(targets.contains(i) ? "    >> " : "       ");
            out.append(instruction(code, i)).append('\n');
        }
        if (!code.exceptionTable().isEmpty()) {
            out.append("ExceptionTable:\n");
            for (ExceptionEntry e : code.exceptionTable()) {
                out.append(String.format("  %d to %d -> %d [%d]%s%n", e.start(), e.end() - 1, e.target(), e.depth(),
                        e.lasti() ? " lasti" : ""));
            }
        }
        for (Object c : code.consts()) {
            if (c instanceof CodeUnit nested) {
                disassemble(nested, out, false);
            }
        }
    }

    /** One instruction: index, name, argument and its meaning. */
    public static String instruction(CodeUnit code, int i) {
        Opcode op = code.opcode(i);
        String base = String.format("%4d %-24s", i, op.name());
        if (!takesArgument(op)) {
            return base.stripTrailing();
        }
        int arg = code.arg(i);
        String meaning = meaning(code, op, arg);
        return String.format("%s %4d%s", base, arg, meaning.isEmpty() ? "" : " (" + meaning + ")");
    }

    /** One instruction in a few words, as a recorder names where something happened: {@code STORE_NAME d1}, {@code LOAD_CONST 'x'}. */
    public static String brief(CodeUnit code, int i) {
        Opcode op = code.opcode(i);
        if (!takesArgument(op)) return op.name();
        String meaning = meaning(code, op, code.arg(i));
        return meaning.isEmpty() || op.isJump() ? op.name() : op.name() + " " + meaning;
    }

    /** False for the opcodes CPython 3.11 encodes without an argument (below HAVE_ARGUMENT). */
    public static boolean takesArgument(Opcode op) {
        return switch (op) {
            case NOP, POP_TOP, PUSH_NULL, UNARY_POSITIVE, UNARY_NEGATIVE, UNARY_NOT, UNARY_INVERT, BINARY_SUBSCR,
                 STORE_SUBSCR, DELETE_SUBSCR, GET_ITER, GET_YIELD_FROM_ITER, DISPLAY_RESULT, PRINT_EXPR, LOAD_BUILD_CLASS,
                 LOAD_ASSERTION_ERROR, LIST_TO_TUPLE, RETURN_VALUE, IMPORT_STAR, SETUP_ANNOTATIONS, YIELD_VALUE,
                 POP_EXCEPT, PUSH_EXC_INFO, CHECK_EXC_MATCH, WITH_EXCEPT_START, BEFORE_WITH, GET_LEN, MATCH_MAPPING,
                 MATCH_SEQUENCE, MATCH_KEYS, CHECK_EG_MATCH, PREP_RERAISE_STAR, GET_AITER, GET_ANEXT, END_ASYNC_FOR,
                 BEFORE_ASYNC_WITH, ASYNC_GEN_WRAP -> false;
            default -> true;
        };
    }

    private static String meaning(CodeUnit code, Opcode op, int arg) {
        return switch (op) {
            case LOAD_CONST, KW_NAMES -> arg < code.consts().size() ? constRepr(code.consts().get(arg)) : "?";
            case LOAD_NAME, STORE_NAME, DELETE_NAME, STORE_GLOBAL, DELETE_GLOBAL, LOAD_ATTR, LOAD_METHOD, STORE_ATTR,
                 DELETE_ATTR, IMPORT_NAME, IMPORT_FROM -> name(code.names(), arg);
            case LOAD_GLOBAL -> ((arg & 1) != 0 ? "NULL + " : "") + name(code.names(), arg >> 1);
            case LOAD_FAST, STORE_FAST, DELETE_FAST, LOAD_DEREF, STORE_DEREF, DELETE_DEREF, LOAD_CLOSURE,
                 LOAD_CLASSDEREF, MAKE_CELL -> name(code.localsplusNames(), arg);
            case COMPARE_OP -> arg >= 0 && arg < COMPARE.length ? COMPARE[arg] : "?";
            case IS_OP -> arg == 0 ? "is" : "is not";
            case CONTAINS_OP -> arg == 0 ? "in" : "not in";
            case BINARY_OP -> arg >= 0 && arg < BinaryOp.values().length ? BinaryOp.of(arg).symbol : "?";
            case FORMAT_VALUE -> formatValue(arg);
            case MAKE_FUNCTION -> makeFunction(arg);
            default -> op.isJump() ? "to " + arg : "";
        };
    }

    private static String name(List<String> names, int i) {
        return i >= 0 && i < names.size() ? names.get(i) : "?";
    }

    private static String formatValue(int arg) {
        String conv = switch (arg & 3) {
            case 1 -> "str";
            case 2 -> "repr";
            case 3 -> "ascii";
            default -> "";
        };
        if ((arg & 4) != 0) {
            return conv.isEmpty() ? "with format" : conv + ", with format";
        }
        return conv;
    }

    private static String makeFunction(int arg) {
        StringBuilder b = new StringBuilder();
        String[] names = {"defaults", "kwdefaults", "annotations", "closure"};
        for (int bit = 0; bit < 4; bit++) {
            if ((arg & (1 << bit)) != 0) {
                b.append(b.isEmpty() ? "" : ", ").append(names[bit]);
            }
        }
        return b.toString();
    }

    private static String describe(CodeUnit c) {
        return "<code object " + c.name() + ", file \"" + c.filename() + "\", line " + c.firstLineno() + ">";
    }

    /** Python's repr of a constant; code units as {@code <code object NAME, file "F", line N>}. */
    public static String constRepr(Object v) {
        return switch (v) {
            case null -> "NULL";
            case String s -> PyRepr.str(s);
            case byte[] bs -> PyRepr.bytes(bs);
            case Double d -> PyRepr.dbl(d);
            case dev.refheap.lang.ast.Complex c -> c.repr();
            case Boolean b -> b ? "True" : "False";
            case Special s -> s.name();
            case Long l -> l.toString();
            case BigInteger b -> b.toString();
            case ConstTuple t -> {
                StringBuilder b = new StringBuilder("(");
                for (int i = 0; i < t.items().size(); i++) {
                    b.append(i > 0 ? ", " : "").append(constRepr(t.items().get(i)));
                }
                yield b.append(t.items().size() == 1 ? ",)" : ")").toString();
            }
            case ConstFrozenset f -> f.items().isEmpty() ? "frozenset()" : "frozenset({"
                    + String.join(", ", f.items().stream().map(Disassembler::constRepr).toList()) + "})";
            case CodeUnit c -> describe(c);
            default -> v.toString();
        };
    }
}
