package dev.refheap.lang.ast;

/** Python's {@code ast.boolop}. */
public enum BoolOperator {
    And, Or
}
