package dev.refheap.lang.ast;

import java.util.List;

/** Python's {@code ast.comprehension}: one {@code for target in iter if ...} clause; isAsync is always 0. */
public record Comprehension(Expr target, Expr iter, List<Expr> ifs, int isAsync) {}
