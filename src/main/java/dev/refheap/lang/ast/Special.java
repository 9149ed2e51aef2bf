package dev.refheap.lang.ast;

/** The two singleton values a {@link Expr.Constant} can hold besides numbers, strings and bytes. */
public enum Special {
    None, Ellipsis
}
