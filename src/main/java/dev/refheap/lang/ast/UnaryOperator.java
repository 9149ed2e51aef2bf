package dev.refheap.lang.ast;

/** Python's {@code ast.unaryop}. */
public enum UnaryOperator {
    Invert, Not, UAdd, USub
}
