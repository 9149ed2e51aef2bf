package dev.refheap.lang.ast;

/** Python's {@code ast.cmpop}. */
public enum CmpOp {
    Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn
}
