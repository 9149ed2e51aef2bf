package dev.refheap.lang.ast;

/**
 * Any AST node that has a position. Records implementing it mirror Python's {@code ast} classes:
 * same names (except {@link Stmt.ExprStmt}, Python's {@code Expr} statement), same fields in the same
 * order (camelCase instead of snake_case), {@code null} where Python has {@code None} for an optional
 * field, and the span as a final {@code pos} component.
 */
public sealed interface Node permits Stmt, Expr, Pattern, Arg, Keyword, Alias, ExceptHandler {
    Pos pos();

    default int lineno() { return pos().lineno(); }
    default int colOffset() { return pos().colOffset(); }
    default int endLineno() { return pos().endLineno(); }
    default int endColOffset() { return pos().endColOffset(); }
}
