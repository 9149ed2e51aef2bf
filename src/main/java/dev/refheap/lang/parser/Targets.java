package dev.refheap.lang.parser;

import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.ast.Expr;
import dev.refheap.lang.ast.ExprContext;
import dev.refheap.lang.ast.Special;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that expressions parsed as assignment or deletion targets are valid targets, and rebuilds
 * them with the {@code Store} or {@code Del} context. Raises CPython's messages for invalid targets
 * ("cannot assign to function call", "cannot delete literal", ...). Stateless.
 */
final class Targets {
    private Targets() {}

    /** What the target is for: an assignment, a for/with/comprehension target, or a del. */
    enum Kind { STAR, FOR, DEL }

    /** Returns {@code e} with the Store (or Del) context, or raises for the first invalid part. */
    static Expr store(Parser parser, Expr e, Kind kind) {
        Expr bad = invalid(e, kind);
        if (bad != null) {
            throw error(parser, bad, kind);
        }
        return withCtx(e, kind == Kind.DEL ? ExprContext.Del : ExprContext.Store);
    }

    /**
     * A target of a plain {@code =} statement. When it is the only target, CPython first tries its
     * "did you mean '=='" diagnostics on the element just before '='.
     */
    static Expr storeAssignTarget(Parser parser, Expr e, boolean single, Expr value) {
        if ((e instanceof Expr.Yield || e instanceof Expr.YieldFrom) && !parser.isParenthesized(e)) {  // a bare yield_expr target
            throw parser.errorAt(e.pos(), e.pos(), "assignment to yield expression not possible");
        }
        Expr bad = invalid(e, Kind.STAR);
        if (bad == null) {
            return withCtx(e, ExprContext.Store);
        }
        if (single) {
            Expr adjacent = e instanceof Expr.Tuple t && !parser.isParenthesized(e) ? t.elts().get(t.elts().size() - 1) : e;
            if (adjacent instanceof Expr.Name && !parser.isParenthesized(adjacent)) {
                Expr rhs = value instanceof Expr.Tuple t && !parser.isParenthesized(value) ? t.elts().get(0) : value;
                throw parser.errorAt(adjacent.pos(), rhs.pos(), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            }
            // the lookahead !(list|tuple|genexp|'True'|'None'|'False') reads tokens: a display in a
            // group's parentheses, or a parenthesized True, is not excluded
            boolean excluded = (adjacent instanceof Expr.List || adjacent instanceof Expr.Tuple
                    || adjacent instanceof Expr.GeneratorExp) && !parser.isGroup(adjacent)
                    || adjacent instanceof Expr.Starred
                    || (adjacent instanceof Expr.Constant c && !parser.isParenthesized(adjacent)
                        && (c.value() == Special.None || c.value() instanceof Boolean));
            // invalid_named_expression: any bitwise_or but a list, tuple, generator expression or
            // True/None/False, parenthesized or not (a group is its expression)
            // (a conditional expression, lambda, comparison, not, and/or is not a bitwise_or unless parenthesized)
            boolean bitwiseOr = parser.isParenthesized(adjacent) || !(adjacent instanceof Expr.IfExp || adjacent instanceof Expr.Lambda
                    || adjacent instanceof Expr.Compare || adjacent instanceof Expr.BoolOp
                    || adjacent instanceof Expr.UnaryOp u && u.op() == dev.refheap.lang.ast.UnaryOperator.Not);
            if (!excluded && bitwiseOr && invalid(adjacent, Kind.STAR) != null) {
                throw parser.errorAt(adjacent.pos(), adjacent.pos(), "cannot assign to " + exprName(adjacent)
                        + " here. Maybe you meant '==' instead of '='?");
            }
        }
        throw error(parser, bad, Kind.STAR);
    }

    static PySyntaxError error(Parser parser, Expr bad, Kind kind) {
        String verb = kind == Kind.DEL ? "cannot delete " : "cannot assign to ";
        return parser.errorAt(bad.pos(), bad.pos(), verb + exprName(bad));
    }

    /** The first sub-expression that cannot be a target, or null when {@code e} is a valid target. */
    static Expr invalid(Expr e, Kind kind) {
        return switch (e) {
            case Expr.Name n -> null;
            case Expr.Attribute a -> null;
            case Expr.Subscript s -> null;
            case Expr.Starred s -> kind == Kind.DEL ? e : invalid(s.value(), kind);
            case Expr.Tuple t -> firstInvalid(t.elts(), kind);
            case Expr.List l -> firstInvalid(l.elts(), kind);
            default -> e;
        };
    }

    /**
     * _PyPegen_get_invalid_target for FOR_TARGETS on what star_expressions read: a comparison
     * whose first operator is 'in' is its left side (the target before 'in'), any other comparison
     * is not reported (null); otherwise as {@link #invalid}.
     */
    static Expr invalidForTarget(Expr e) {
        return switch (e) {
            case Expr.Compare c -> c.ops().getFirst() == dev.refheap.lang.ast.CmpOp.In ? invalidForTarget(c.left()) : null;
            case Expr.Starred s -> invalidForTarget(s.value());
            case Expr.Tuple t -> firstInvalidFor(t.elts());
            case Expr.List l -> firstInvalidFor(l.elts());
            default -> invalid(e, Kind.FOR);
        };
    }

    private static Expr firstInvalidFor(List<Expr> elts) {
        for (Expr x : elts) {
            Expr bad = invalidForTarget(x);
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    private static Expr firstInvalid(List<Expr> elts, Kind kind) {
        for (Expr x : elts) {
            Expr bad = invalid(x, kind);
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    /** Rebuilds a valid target with context {@code ctx} (recursively for tuples, lists and starred). */
    static Expr withCtx(Expr e, ExprContext ctx) {
        return switch (e) {
            case Expr.Name n -> new Expr.Name(n.id(), ctx, n.pos());
            case Expr.Attribute a -> new Expr.Attribute(a.value(), a.attr(), ctx, a.pos());
            case Expr.Subscript s -> new Expr.Subscript(s.value(), s.slice(), ctx, s.pos());
            case Expr.Starred s -> new Expr.Starred(withCtx(s.value(), ctx), ctx, s.pos());
            case Expr.Tuple t -> new Expr.Tuple(all(t.elts(), ctx), ctx, t.pos());
            case Expr.List l -> new Expr.List(all(l.elts(), ctx), ctx, l.pos());
            default -> e;
        };
    }

    private static List<Expr> all(List<Expr> elts, ExprContext ctx) {
        List<Expr> out = new ArrayList<>(elts.size());
        for (Expr x : elts) {
            out.add(withCtx(x, ctx));
        }
        return out;
    }

    /** CPython's name for an expression kind in error messages ("function call", "literal", ...). */
    static String exprName(Expr e) {
        return switch (e) {
            case Expr.Attribute a -> "attribute";
            case Expr.Subscript s -> "subscript";
            case Expr.Starred s -> "starred";
            case Expr.Name n -> "name";
            case Expr.List l -> "list";
            case Expr.Tuple t -> "tuple";
            case Expr.Lambda l -> "lambda";
            case Expr.Call c -> "function call";
            case Expr.BoolOp b -> "expression";
            case Expr.BinOp b -> "expression";
            case Expr.UnaryOp u -> "expression";
            case Expr.GeneratorExp g -> "generator expression";
            case Expr.Yield y -> "yield expression";
            case Expr.YieldFrom y -> "yield expression";
            case Expr.Await a -> "await expression";
            case Expr.ListComp l -> "list comprehension";
            case Expr.SetComp s -> "set comprehension";
            case Expr.DictComp d -> "dict comprehension";
            case Expr.Dict d -> "dict literal";
            case Expr.Set s -> "set display";
            case Expr.JoinedStr j -> "f-string expression";
            case Expr.FormattedValue f -> "f-string expression";
            case Expr.Constant c -> constantName(c.value());
            case Expr.Compare c -> "comparison";
            case Expr.IfExp i -> "conditional expression";
            case Expr.NamedExpr n -> "named expression";
            case Expr.Slice s -> "slice";
        };
    }

    private static String constantName(Object v) {
        if (v == Special.None) {
            return "None";
        }
        if (v == Special.Ellipsis) {
            return "ellipsis";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return "literal";
    }
}
