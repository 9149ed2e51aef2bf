package dev.refheap.lang.ast;

/**
 * Python's {@code ast.expr} nodes. Each record's components are Python's fields in Python's order,
 * followed by the node's {@link Pos}. Optional fields are null when absent; lists are never null (but
 * {@link Dict#keys()} holds null for a {@code **mapping} entry). Records named like java.util types
 * ({@link List}, {@link Set}) are meant to be used qualified: {@code Expr.List}.
 */
public sealed interface Expr extends Node {

    record BoolOp(BoolOperator op, java.util.List<Expr> values, Pos pos) implements Expr {}

    record NamedExpr(Expr target, Expr value, Pos pos) implements Expr {}

    record BinOp(Expr left, Operator op, Expr right, Pos pos) implements Expr {}

    record UnaryOp(UnaryOperator op, Expr operand, Pos pos) implements Expr {}

    record Lambda(Arguments args, Expr body, Pos pos) implements Expr {}

    record IfExp(Expr test, Expr body, Expr orelse, Pos pos) implements Expr {}

    record Dict(java.util.List<Expr> keys, java.util.List<Expr> values, Pos pos) implements Expr {}

    record Set(java.util.List<Expr> elts, Pos pos) implements Expr {}

    record ListComp(Expr elt, java.util.List<Comprehension> generators, Pos pos) implements Expr {}

    record SetComp(Expr elt, java.util.List<Comprehension> generators, Pos pos) implements Expr {}

    record DictComp(Expr key, Expr value, java.util.List<Comprehension> generators, Pos pos) implements Expr {}

    record GeneratorExp(Expr elt, java.util.List<Comprehension> generators, Pos pos) implements Expr {}

    record Await(Expr value, Pos pos) implements Expr {}

    record Yield(Expr value, Pos pos) implements Expr {}

    record YieldFrom(Expr value, Pos pos) implements Expr {}

    record Compare(Expr left, java.util.List<CmpOp> ops, java.util.List<Expr> comparators, Pos pos) implements Expr {}

    record Call(Expr func, java.util.List<Expr> args, java.util.List<Keyword> keywords, Pos pos) implements Expr {}

    /** {@code conversion} is -1 (none) or the code of 's', 'r' or 'a'; {@code formatSpec} is a JoinedStr or null. */
    record FormattedValue(Expr value, int conversion, Expr formatSpec, Pos pos) implements Expr {}

    record JoinedStr(java.util.List<Expr> values, Pos pos) implements Expr {}

    /**
     * A literal. {@code value} is a {@code Long} (or {@code BigInteger} when it does not fit), {@code Double},
     * {@code String}, {@code byte[]}, {@code Boolean} or a {@link Special}; {@code kind} is "u" for a
     * string written with a u prefix, else null.
     */
    record Constant(Object value, String kind, Pos pos) implements Expr {}

    record Attribute(Expr value, String attr, ExprContext ctx, Pos pos) implements Expr {}

    record Subscript(Expr value, Expr slice, ExprContext ctx, Pos pos) implements Expr {}

    record Starred(Expr value, ExprContext ctx, Pos pos) implements Expr {}

    record Name(String id, ExprContext ctx, Pos pos) implements Expr {}

    record List(java.util.List<Expr> elts, ExprContext ctx, Pos pos) implements Expr {}

    record Tuple(java.util.List<Expr> elts, ExprContext ctx, Pos pos) implements Expr {}

    record Slice(Expr lower, Expr upper, Expr step, Pos pos) implements Expr {}
}
