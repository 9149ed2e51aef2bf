package dev.refheap.lang.ast;

/** Python's {@code ast.withitem}: {@code contextExpr as optionalVars}; optionalVars may be null. */
public record WithItem(Expr contextExpr, Expr optionalVars) {}
