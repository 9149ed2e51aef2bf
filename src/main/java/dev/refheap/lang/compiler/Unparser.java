package dev.refheap.lang.compiler;

import dev.refheap.lang.ast.Arg;
import dev.refheap.lang.ast.Arguments;
import dev.refheap.lang.ast.Comprehension;
import dev.refheap.lang.ast.Expr;
import dev.refheap.lang.ast.Keyword;
import dev.refheap.lang.ast.PyRepr;
import dev.refheap.lang.ast.Special;
import java.math.BigInteger;
import java.util.List;

/**
 * An expression back to source text, as CPython 3.11's ast_unparse.c writes it for
 * {@code from __future__ import annotations} (each annotation becomes that string constant):
 * parentheses only where the operator precedences need them, str constants by their repr,
 * infinities as {@code 1e309}, f-strings rebuilt from their parts. Stateless.
 */
final class Unparser {
    private Unparser() {}

    // precedences, lowest first (ast_unparse.c's enum)
    private static final int PR_TUPLE = 0, PR_TEST = 1, PR_OR = 2, PR_AND = 3, PR_NOT = 4, PR_CMP = 5, PR_EXPR = 6,
            PR_BOR = PR_EXPR, PR_BXOR = 7, PR_BAND = 8, PR_SHIFT = 9, PR_ARITH = 10, PR_TERM = 11, PR_FACTOR = 12,
            PR_POWER = 13, PR_AWAIT = 14, PR_ATOM = 15;

    /** The text of an annotation ({@code _PyAST_ExprAsUnicode}). */
    static String annotation(Expr e) {
        StringBuilder b = new StringBuilder();
        expr(b, e, PR_TEST);
        return b.toString();
    }

    /** The first named expression or yield in {@code e} (the symbol table's annotation-block errors), or null. */
    static Expr forbidden(Expr e) {
        if (e == null) return null;
        if (e instanceof Expr.NamedExpr || e instanceof Expr.Yield || e instanceof Expr.YieldFrom) return e;
        for (var c : e.getClass().getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(e);
                if (v instanceof Expr x) {
                    Expr f = forbidden(x);
                    if (f != null) return f;
                } else if (v instanceof List<?> l) {
                    for (Object o : l) {
                        Expr f = o instanceof Expr x ? forbidden(x) : o instanceof Keyword k ? forbidden(k.value())
                                : o instanceof Comprehension g ? firstOf(g) : null;
                        if (f != null) return f;
                    }
                }
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return null;
    }

    private static Expr firstOf(Comprehension g) {
        Expr f = forbidden(g.target());
        if (f == null) f = forbidden(g.iter());
        for (Expr c : g.ifs()) if (f == null) f = forbidden(c);
        return f;
    }

    private static void expr(StringBuilder b, Expr e, int level) {
        switch (e) {
            case Expr.BoolOp o -> {
                int pr = o.op() == dev.refheap.lang.ast.BoolOperator.And ? PR_AND : PR_OR;
                open(b, level > pr);
                join(b, o.values(), o.op() == dev.refheap.lang.ast.BoolOperator.And ? " and " : " or ", pr + 1);
                close(b, level > pr);
            }
            case Expr.BinOp o -> {
                int pr;
                String op;
                switch (o.op()) {
                    case Add -> { pr = PR_ARITH; op = " + "; }
                    case Sub -> { pr = PR_ARITH; op = " - "; }
                    case Mult -> { pr = PR_TERM; op = " * "; }
                    case MatMult -> { pr = PR_TERM; op = " @ "; }
                    case Div -> { pr = PR_TERM; op = " / "; }
                    case Mod -> { pr = PR_TERM; op = " % "; }
                    case FloorDiv -> { pr = PR_TERM; op = " // "; }
                    case LShift -> { pr = PR_SHIFT; op = " << "; }
                    case RShift -> { pr = PR_SHIFT; op = " >> "; }
                    case BitOr -> { pr = PR_BOR; op = " | "; }
                    case BitXor -> { pr = PR_BXOR; op = " ^ "; }
                    case BitAnd -> { pr = PR_BAND; op = " & "; }
                    default -> { pr = PR_POWER; op = " ** "; }
                }
                int rassoc = o.op() == dev.refheap.lang.ast.Operator.Pow ? 1 : 0;
                open(b, level > pr);
                expr(b, o.left(), pr + rassoc);
                b.append(op);
                expr(b, o.right(), pr + 1 - rassoc);
                close(b, level > pr);
            }
            case Expr.UnaryOp o -> {
                int pr = o.op() == dev.refheap.lang.ast.UnaryOperator.Not ? PR_NOT : PR_FACTOR;
                String op = switch (o.op()) {
                    case Not -> "not ";
                    case Invert -> "~";
                    case UAdd -> "+";
                    case USub -> "-";
                };
                open(b, level > pr);
                b.append(op);
                expr(b, o.operand(), pr);
                close(b, level > pr);
            }
            case Expr.Lambda l -> {
                open(b, level > PR_TEST);
                b.append("lambda");
                String args = arguments(l.args());
                if (!args.isEmpty()) b.append(' ').append(args);
                b.append(": ");
                expr(b, l.body(), PR_TEST);
                close(b, level > PR_TEST);
            }
            case Expr.IfExp i -> {
                open(b, level > PR_TEST);
                expr(b, i.body(), PR_TEST + 1);
                b.append(" if ");
                expr(b, i.test(), PR_TEST + 1);
                b.append(" else ");
                expr(b, i.orelse(), PR_TEST);
                close(b, level > PR_TEST);
            }
            case Expr.Dict d -> {
                b.append('{');
                for (int i = 0; i < d.values().size(); i++) {
                    if (i > 0) b.append(", ");
                    Expr k = d.keys().get(i);
                    if (k == null) {
                        b.append("**");
                        expr(b, d.values().get(i), PR_EXPR);
                    } else {
                        expr(b, k, PR_TEST);
                        b.append(": ");
                        expr(b, d.values().get(i), PR_TEST);
                    }
                }
                b.append('}');
            }
            case Expr.Set s -> {
                b.append('{');
                join(b, s.elts(), ", ", PR_TEST);
                b.append('}');
            }
            case Expr.ListComp c -> comp(b, "[", c.elt(), null, c.generators(), "]");
            case Expr.SetComp c -> comp(b, "{", c.elt(), null, c.generators(), "}");
            case Expr.DictComp c -> comp(b, "{", c.key(), c.value(), c.generators(), "}");
            case Expr.GeneratorExp c -> comp(b, "(", c.elt(), null, c.generators(), ")");
            case Expr.Compare c -> {
                open(b, level > PR_CMP);
                expr(b, c.left(), PR_CMP + 1);
                for (int i = 0; i < c.ops().size(); i++) {
                    b.append(switch (c.ops().get(i)) {
                        case Eq -> " == ";
                        case NotEq -> " != ";
                        case Lt -> " < ";
                        case LtE -> " <= ";
                        case Gt -> " > ";
                        case GtE -> " >= ";
                        case Is -> " is ";
                        case IsNot -> " is not ";
                        case In -> " in ";
                        case NotIn -> " not in ";
                    });
                    expr(b, c.comparators().get(i), PR_CMP + 1);
                }
                close(b, level > PR_CMP);
            }
            case Expr.Call c -> {
                expr(b, c.func(), PR_ATOM);
                if (c.args().size() == 1 && c.keywords().isEmpty() && c.args().get(0) instanceof Expr.GeneratorExp g) {
                    expr(b, g, PR_TEST);
                    return;
                }
                b.append('(');
                boolean first = true;
                for (Expr a : c.args()) {
                    if (!first) b.append(", ");
                    first = false;
                    expr(b, a, PR_TEST);
                }
                for (Keyword k : c.keywords()) {
                    if (!first) b.append(", ");
                    first = false;
                    if (k.arg() == null) {
                        b.append("**");
                    } else {
                        b.append(k.arg()).append('=');
                    }
                    expr(b, k.value(), PR_TEST);
                }
                b.append(')');
            }
            case Expr.Constant c -> constant(b, c);
            case Expr.JoinedStr j -> {
                StringBuilder body = new StringBuilder();
                fstringBody(body, j.values());
                b.append('f').append(PyRepr.str(body.toString()));
            }
            case Expr.FormattedValue f -> {
                StringBuilder body = new StringBuilder();
                fstringBody(body, List.of(f));
                b.append('f').append(PyRepr.str(body.toString()));
            }
            case Expr.Attribute a -> {
                expr(b, a.value(), PR_ATOM);
                boolean intConst = a.value() instanceof Expr.Constant k && (k.value() instanceof Long || k.value() instanceof BigInteger);
                b.append(intConst ? " ." : ".").append(a.attr());
            }
            case Expr.Subscript s -> {
                expr(b, s.value(), PR_ATOM);
                b.append('[');
                expr(b, s.slice(), PR_TUPLE);
                b.append(']');
            }
            case Expr.Starred s -> {
                b.append('*');
                expr(b, s.value(), PR_EXPR);
            }
            case Expr.Name n -> b.append(n.id());
            case Expr.List l -> {
                b.append('[');
                join(b, l.elts(), ", ", PR_TEST);
                b.append(']');
            }
            case Expr.Tuple t -> {
                if (t.elts().isEmpty()) {
                    b.append("()");
                    return;
                }
                open(b, level > PR_TUPLE);
                join(b, t.elts(), ", ", PR_TEST);
                if (t.elts().size() == 1) b.append(',');
                close(b, level > PR_TUPLE);
            }
            case Expr.Slice s -> {
                if (s.lower() != null) expr(b, s.lower(), PR_TEST);
                b.append(':');
                if (s.upper() != null) expr(b, s.upper(), PR_TEST);
                if (s.step() != null) {
                    b.append(':');
                    expr(b, s.step(), PR_TEST);
                }
            }
            case Expr.NamedExpr n -> {
                open(b, level > PR_TUPLE);
                expr(b, n.target(), PR_ATOM);
                b.append(" := ");
                expr(b, n.value(), PR_ATOM);
                close(b, level > PR_TUPLE);
            }
            default -> throw new IllegalArgumentException("cannot unparse " + e.getClass().getSimpleName());
        }
    }

    private static void constant(StringBuilder b, Expr.Constant c) {
        Object v = c.value();
        switch (v) {
            case Special s -> b.append(s == Special.Ellipsis ? "..." : "None");
            case Boolean x -> b.append(x ? "True" : "False");
            case String s -> {
                if ("u".equals(c.kind())) b.append('u');
                b.append(PyRepr.str(s));
            }
            case byte[] bs -> b.append(PyRepr.bytes(bs));
            case Double d -> b.append(Double.isInfinite(d) ? (d > 0 ? "1e309" : "-1e309") : Double.isNaN(d) ? "(1e309-1e309)" : PyRepr.dbl(d));
            case dev.refheap.lang.ast.Complex z -> b.append(z.repr().replace("inf", "1e309"));  // append_repr: its repr, infinities as 1e309
            default -> b.append(v);
        }
    }

    private static void fstringBody(StringBuilder b, List<Expr> values) {
        for (Expr v : values) {
            if (v instanceof Expr.Constant c && c.value() instanceof String s) {
                b.append(s.replace("{", "{{").replace("}", "}}"));
            } else if (v instanceof Expr.FormattedValue f) {
                StringBuilder inner = new StringBuilder();
                expr(inner, f.value(), PR_TEST + 1);
                b.append('{');
                if (inner.length() > 0 && inner.charAt(0) == '{') b.append(' ');
                b.append(inner);
                if (f.conversion() > 0) b.append('!').append((char) f.conversion());
                if (f.formatSpec() != null) {
                    b.append(':');
                    if (f.formatSpec() instanceof Expr.JoinedStr spec) fstringBody(b, spec.values());
                }
                b.append('}');
            } else if (v instanceof Expr.JoinedStr j) {
                fstringBody(b, j.values());
            }
        }
    }

    private static void comp(StringBuilder b, String open, Expr elt, Expr value, List<Comprehension> gens, String close) {
        b.append(open);
        expr(b, elt, PR_TEST);
        if (value != null) {
            b.append(": ");
            expr(b, value, PR_TEST);
        }
        for (Comprehension g : gens) {
            b.append(g.isAsync() != 0 ? " async for " : " for ");
            expr(b, g.target(), PR_TUPLE);
            b.append(" in ");
            expr(b, g.iter(), PR_TEST + 1);
            for (Expr cond : g.ifs()) {
                b.append(" if ");
                expr(b, cond, PR_TEST + 1);
            }
        }
        b.append(close);
    }

    private static String arguments(Arguments a) {
        StringBuilder b = new StringBuilder();
        List<Arg> positional = new java.util.ArrayList<>(a.posonlyargs());
        positional.addAll(a.args());
        int firstDefault = positional.size() - a.defaults().size();
        boolean first = true;
        for (int i = 0; i < positional.size(); i++) {
            if (!first) b.append(", ");
            first = false;
            b.append(positional.get(i).arg());
            if (i >= firstDefault) {
                b.append('=');
                expr(b, a.defaults().get(i - firstDefault), PR_TEST);
            }
            if (i == a.posonlyargs().size() - 1) b.append(", /");
        }
        if (a.vararg() != null || !a.kwonlyargs().isEmpty()) {
            if (!first) b.append(", ");
            first = false;
            b.append('*');
            if (a.vararg() != null) b.append(a.vararg().arg());
        }
        for (int i = 0; i < a.kwonlyargs().size(); i++) {
            b.append(", ").append(a.kwonlyargs().get(i).arg());
            Expr d = i < a.kwDefaults().size() ? a.kwDefaults().get(i) : null;
            if (d != null) {
                b.append('=');
                expr(b, d, PR_TEST);
            }
        }
        if (a.kwarg() != null) {
            if (!first) b.append(", ");
            b.append("**").append(a.kwarg().arg());
        }
        return b.toString();
    }

    private static void join(StringBuilder b, List<Expr> es, String sep, int level) {
        for (int i = 0; i < es.size(); i++) {
            if (i > 0) b.append(sep);
            expr(b, es.get(i), level);
        }
    }

    private static void open(StringBuilder b, boolean paren) {
        if (paren) b.append('(');
    }

    private static void close(StringBuilder b, boolean paren) {
        if (paren) b.append(')');
    }
}
