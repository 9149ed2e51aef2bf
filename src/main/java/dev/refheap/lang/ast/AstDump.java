package dev.refheap.lang.ast;

import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.List;

/**
 * Renders an AST exactly like Python's {@code ast.dump(node)} with default arguments (field names shown,
 * positions not shown, no indentation). Fields are taken from the record components in declaration
 * order, which mirror Python's {@code _fields}; the {@code pos} component is skipped and a null
 * optional field is left out, as Python leaves out optional fields that are None.
 */
public final class AstDump {
    private AstDump() {}

    public static String dump(Module m) {
        return new AstDump.Printer(false).module(m);
    }

    /** Like {@code ast.dump(node, include_attributes=True)}: positions too. */
    public static String dumpWithPositions(Module m) {
        return new AstDump.Printer(true).module(m);
    }

    public static String dump(Expression e) {
        return "Expression(body=" + value(e.body()) + ")";
    }

    /** Dumps any node or value the AST contains. */
    public static String value(Object v) {
        return new Printer(false).value(v);
    }

    /** One dump; {@code positions} says whether node positions are printed. */
    private record Printer(boolean positions) {
    String module(Module m) {
        return "Module(body=" + list(m.body()) + ", type_ignores=[])";
    }

    String value(Object v) {
        return switch (v) {
            case null -> "None";
            case List<?> l -> list(l);
            case String s -> PyRepr.str(s);
            case byte[] b -> PyRepr.bytes(b);
            case Boolean b -> b ? "True" : "False";
            case Long l -> l.toString();
            case Integer i -> i.toString();
            case BigInteger b -> b.toString();
            case Double d -> PyRepr.dbl(d);
            case dev.refheap.lang.ast.Complex c -> c.repr();
            case Special s -> s.name();
            case Enum<?> e -> e.name() + "()";
            case Record r -> record(r);
            default -> throw new IllegalArgumentException("not an AST value: " + v.getClass());
        };
    }

    private String list(List<?> l) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(value(l.get(i)));
        }
        return b.append(']').toString();
    }

    private String record(Record r) {
        StringBuilder b = new StringBuilder(pythonName(r)).append('(');
        boolean first = true;
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (c.getName().equals("pos")) {
                continue;
            }
            Object v = get(c, r);
            if (v == null) {
                continue;
            }
            if (!first) {
                b.append(", ");
            }
            first = false;
            b.append(snake(c.getName())).append('=').append(value(v));
        }
        if (positions && r instanceof Node n) {
            Pos p = n.pos();
            b.append(first ? "" : ", ").append("lineno=").append(p.lineno()).append(", col_offset=").append(p.colOffset())
                    .append(", end_lineno=").append(p.endLineno()).append(", end_col_offset=").append(p.endColOffset());
        }
        return b.append(')').toString();
    }
    }

    private static Object get(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pythonName(Record r) {
        return switch (r) {
            case Stmt.ExprStmt x -> "Expr";
            case Arguments x -> "arguments";
            case Arg x -> "arg";
            case Keyword x -> "keyword";
            case Alias x -> "alias";
            case Comprehension x -> "comprehension";
            case WithItem x -> "withitem";
            case MatchCase x -> "match_case";
            default -> r.getClass().getSimpleName();
        };
    }

    private static String snake(String camel) {
        StringBuilder b = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                b.append('_').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
