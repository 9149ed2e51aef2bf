package dev.refheap.lang.lexer;

/**
 * One token. {@code text} is the exact source text ({@code ""} for INDENT/DEDENT/ENDMARKER);
 * {@code start}/{@code end} are char indices into the {@link Source} text; {@code line}/{@code col}
 * and {@code endLine}/{@code endCol} are 1-based lines and 0-based UTF-8 byte columns, as the AST uses.
 * For NUMBER tokens {@code value} is the parsed number ({@code Long}, {@code BigInteger} or
 * {@code Double}); otherwise it is null.
 */
public record Token(TokenType type, String text, Object value, int start, int end,
                   int line, int col, int endLine, int endCol) {

    /** True for an OP token with exactly this text. */
    public boolean isOp(String op) {
        return type == TokenType.OP && text.equals(op);
    }

    /** True for a NAME token with exactly this text (keywords are NAME tokens). */
    public boolean isName(String name) {
        return type == TokenType.NAME && text.equals(name);
    }

    @Override
    public String toString() {
        return type + (text.isEmpty() ? "" : " '" + text + "'") + " " + line + ":" + col + "-" + endLine + ":" + endCol;
    }
}
