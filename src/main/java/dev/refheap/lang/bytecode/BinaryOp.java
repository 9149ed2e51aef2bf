package dev.refheap.lang.bytecode;

/** BINARY_OP's argument, in CPython 3.11's order (NB_ADD .. NB_XOR, then the in-place forms). */
public enum BinaryOp {
    ADD("+", "__add__"), AND("&", "__and__"), FLOOR_DIVIDE("//", "__floordiv__"), LSHIFT("<<", "__lshift__"),
    MATRIX_MULTIPLY("@", "__matmul__"), MULTIPLY("*", "__mul__"), REMAINDER("%", "__mod__"), OR("|", "__or__"),
    POWER("**", "__pow__"), RSHIFT(">>", "__rshift__"), SUBTRACT("-", "__sub__"), TRUE_DIVIDE("/", "__truediv__"),
    XOR("^", "__xor__"),
    INPLACE_ADD("+=", "__iadd__"), INPLACE_AND("&=", "__iand__"), INPLACE_FLOOR_DIVIDE("//=", "__ifloordiv__"),
    INPLACE_LSHIFT("<<=", "__ilshift__"), INPLACE_MATRIX_MULTIPLY("@=", "__imatmul__"),
    INPLACE_MULTIPLY("*=", "__imul__"), INPLACE_REMAINDER("%=", "__imod__"), INPLACE_OR("|=", "__ior__"),
    INPLACE_POWER("**=", "__ipow__"), INPLACE_RSHIFT(">>=", "__irshift__"), INPLACE_SUBTRACT("-=", "__isub__"),
    INPLACE_TRUE_DIVIDE("/=", "__itruediv__"), INPLACE_XOR("^=", "__ixor__");

    public final String symbol;
    public final String dunder;

    BinaryOp(String symbol, String dunder) {
        this.symbol = symbol;
        this.dunder = dunder;
    }

    private static final BinaryOp[] VALUES = values();

    public static BinaryOp of(int ordinal) { return VALUES[ordinal]; }

    public boolean isInplace() { return ordinal() >= INPLACE_ADD.ordinal(); }

    /** The plain operator of an in-place one (ADD for INPLACE_ADD). */
    public BinaryOp base() { return isInplace() ? VALUES[ordinal() - INPLACE_ADD.ordinal()] : this; }
}
