package dev.refheap.lang.ast;

/** Python's {@code ast.keyword}: {@code arg=value} in a call or class header; arg is null for {@code **value}. */
public record Keyword(String arg, Expr value, Pos pos) implements Node {}
