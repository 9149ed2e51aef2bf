package dev.refheap.lang.ast;

/** Python's {@code ast.arg}: one parameter, with an optional annotation. */
public record Arg(String arg, Expr annotation, Pos pos) implements Node {}
