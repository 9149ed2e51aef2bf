package dev.refheap.lang.compiler;

import dev.refheap.lang.ast.Node;

/**
 * The source location an instruction carries (CPython 3.11's {@code i_lineno}, {@code i_end_lineno},
 * {@code i_col_offset}, {@code i_end_col_offset}): 1-based lines, 0-based UTF-8 byte columns, end
 * exclusive. A negative {@link #line} means the instruction has no location of its own (artificial
 * code); its other fields are then whatever the compiler's current location held, as in CPython,
 * because {@code guarantee_lineno_for_exits} later gives such instructions a line and keeps them.
 * Immutable: instructions share Loc objects, and every change makes a new one.
 */
record Loc(int line, int endLine, int col, int endCol) {
    /** What CPython's {@code compiler_addop_noline} stamps. */
    static final Loc NONE = new Loc(-1, 0, 0, 0);

    static Loc of(Node n) {
        return new Loc(n.lineno(), n.endLineno(), n.colOffset(), n.endColOffset());
    }

    Loc withLine(int l) {
        return l == line ? this : new Loc(l, endLine, col, endCol);
    }
}
