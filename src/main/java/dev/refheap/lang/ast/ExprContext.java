package dev.refheap.lang.ast;

/** Python's {@code ast.expr_context}: whether a target is read, assigned or deleted. */
public enum ExprContext {
    Load, Store, Del
}
