package dev.refheap.lang.ast;

/** Python's {@code ast.alias}: an imported name and its optional {@code as} name. */
public record Alias(String name, String asname, Pos pos) implements Node {}
