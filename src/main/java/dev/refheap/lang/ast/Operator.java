package dev.refheap.lang.ast;

/** Python's {@code ast.operator}: binary operators of {@link Expr.BinOp} and {@link Stmt.AugAssign}. */
public enum Operator {
    Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
}
