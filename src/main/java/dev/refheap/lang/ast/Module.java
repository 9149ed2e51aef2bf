package dev.refheap.lang.ast;

import java.util.List;

/** Python's {@code ast.Module}: a whole file. Type ignores are not supported, so there is no such field. */
public record Module(List<Stmt> body) {}
