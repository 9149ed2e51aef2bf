package dev.refheap.lang.ast;

/**
 * A node's source span, with Python's conventions: 1-based lines, 0-based UTF-8 byte columns, end
 * exclusive ({@code lineno}, {@code col_offset}, {@code end_lineno}, {@code end_col_offset}).
 */
public record Pos(int lineno, int colOffset, int endLineno, int endColOffset) {
    /** The span from the start of {@code a} to the end of {@code b}. */
    public static Pos span(Pos a, Pos b) {
        return new Pos(a.lineno, a.colOffset, b.endLineno, b.endColOffset);
    }
}
