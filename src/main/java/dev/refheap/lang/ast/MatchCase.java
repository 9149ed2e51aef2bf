package dev.refheap.lang.ast;

import java.util.List;

/** Python's {@code ast.match_case}: {@code case pattern if guard: body}; guard may be null. No position, as in Python. */
public record MatchCase(Pattern pattern, Expr guard, List<Stmt> body) {}
