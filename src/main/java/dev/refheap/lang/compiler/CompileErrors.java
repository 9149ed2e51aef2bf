package dev.refheap.lang.compiler;

import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.ast.Pos;
import dev.refheap.lang.lexer.Source;

/**
 * Makes the {@link PySyntaxError}s the symbol table and the compiler raise, located like CPython's
 * ({@code lineno}, {@code col_offset + 1}, {@code end_lineno}, {@code end_col_offset + 1} of a node),
 * with the offending source line when the source text is known. Immutable.
 */
final class CompileErrors {
    private final String filename;
    private final Source source;

    CompileErrors(String filename, String sourceText) {
        this.filename = filename;
        this.source = sourceText == null ? null : new Source(sourceText, filename);
    }

    String filename() {
        return filename;
    }

    PySyntaxError at(Pos pos, String msg) {
        return at(pos.lineno(), pos.colOffset(), pos.endLineno(), pos.endColOffset(), msg);
    }

    /**
     * PyErr_SyntaxLocationObject's error: {@code offset} as given (future.c passes a statement's
     * 0-based column for the late-import error, column + 1 for the others), no end column (None).
     */
    PySyntaxError located(int line, int offset, String msg) {
        return new PySyntaxError(PySyntaxError.Kind.SyntaxError, msg, filename, line, offset, line, PySyntaxError.NO_END,
                source == null ? null : source.lineText(line), false, false);
    }

    PySyntaxError at(int line, int byteCol, int endLine, int endByteCol, String msg) {
        if (source == null) {
            return new PySyntaxError(PySyntaxError.Kind.SyntaxError, msg, filename, line, byteCol + 1, endLine,
                    endByteCol + 1, null, false, false);
        }
        int col = source.charColOfByteCol(line, byteCol) + 1;
        int endCol = source.charColOfByteCol(endLine, endByteCol) + 1;
        return new PySyntaxError(PySyntaxError.Kind.SyntaxError, msg, filename, line, col, endLine, endCol,
                source.lineText(line), false, false);
    }
}
