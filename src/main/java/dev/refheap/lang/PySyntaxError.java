package dev.refheap.lang;

import java.nio.charset.StandardCharsets;

/**
 * A Python {@code SyntaxError} (or one of its subclasses {@code IndentationError} and {@code TabError})
 * raised by the refheap front end. It is the only exception that bad source may produce.
 *
 * <p>Positions follow what CPython 3.11 stores on the exception when compiling a {@code str}:
 * {@link #line()} and {@link #endLine()} are 1-based, {@link #column()} and {@link #endColumn()} are
 * 1-based character offsets ({@code offset}/{@code end_offset}); 0 means "unknown" and an end column
 * of -1 means "no range" (Python's convention for indentation errors). {@link #text()} is the
 * offending source line (possibly with its trailing newline), or {@code null} when there is none.
 *
 * <p>{@link #format()} renders the error exactly as {@code python3 prog.py} prints it to stderr. When
 * Python compiles a script it reports parser errors with UTF-8 byte columns but tokenizer errors with
 * character columns, and prints carets per byte; {@link #tokenizerError()} records which case
 * applies so that non-ASCII lines are rendered the same way.
 */
public final class PySyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Python's exception class for the error. */
    public enum Kind {
        SyntaxError, IndentationError, TabError;
    }

    private final Kind kind;
    private final String msg;
    private final String filename;
    private final int line;
    private final int column;
    private final int endLine;
    private final int endColumn;
    private final String text;
    private final boolean tokenizerError;
    private final boolean incomplete;

    public PySyntaxError(Kind kind, String msg, String filename, int line, int column, int endLine,
                         int endColumn, String text, boolean tokenizerError, boolean incomplete) {
        super(msg);
        this.kind = kind;
        this.msg = msg;
        this.filename = filename;
        this.line = line;
        this.column = column;
        this.endLine = endLine;
        this.endColumn = endColumn;
        this.text = text;
        this.tokenizerError = tokenizerError;
        this.incomplete = incomplete;
    }

    public Kind kind() { return kind; }
    /** The message without location, e.g. {@code invalid syntax}. */
    public String msg() { return msg; }
    public String filename() { return filename; }
    public int line() { return line; }
    /** 1-based character column ({@code offset}), 0 when unknown. */
    public int column() { return column; }
    public int endLine() { return endLine; }
    /** 1-based character end column ({@code end_offset}); -1 or 0 when there is no range, {@link #NO_END} when it is None. */
    public int endColumn() { return endColumn; }

    /**
     * An end column that is None (PyErr_SyntaxLocationObject's errors: the late __future__ import,
     * "not a chance"): the caret line shows one caret at {@code offset}.
     */
    public static final int NO_END = Integer.MIN_VALUE;
    /** The source line the error is on, or null. */
    public String text() { return text; }
    /** True when the tokenizer (not the parser) found the error. */
    public boolean tokenizerError() { return tokenizerError; }
    /** True when the error is only due to the source ending too early (more lines could fix it). */
    public boolean incomplete() { return incomplete; }

    /** Returns what {@code python3} prints to stderr when a script fails to compile with this error. */
    public String format() {
        StringBuilder out = new StringBuilder();
        if (line > 0) {
            out.append("  File \"").append(filename).append("\", line ").append(line).append('\n');
        }
        if (text != null) {
            appendErrorText(out);
        }
        out.append(kind.name()).append(": ").append(msg).append('\n');
        return out.toString();
    }

    /**
     * Returns what the {@code traceback} module prints for this error (TracebackException's
     * _format_syntax_error, as a notebook kernel's runner shows a cell's error): the "File" line,
     * the text without its trailing newlines and leading spaces and form feeds (tabs are kept), and
     * carets from {@code offset} to {@code end_offset} in characters for every kind (the C printer
     * marks one caret for an IndentationError), none when the offset falls in the stripped indent.
     */
    public String formatAsTracebackModule() {
        StringBuilder out = new StringBuilder();
        out.append("  File \"").append(filename == null ? "<string>" : filename).append("\", line ").append(line).append('\n');
        if (text != null) {
            String rtext = text.replaceAll("\n+$", "");
            int strip = 0;
            while (strip < rtext.length() && (rtext.charAt(strip) == ' ' || rtext.charAt(strip) == '\n' || rtext.charAt(strip) == '\f')) {
                strip++;
            }
            String ltext = rtext.substring(strip);
            int spaces = rtext.codePointCount(0, strip);
            out.append("    ").append(ltext).append('\n');
            long offset = Math.max(column, 0);
            long end = endColumn == 0 || endColumn == NO_END ? offset : endColumn;
            if (offset == end || end == -1) {
                end = offset + 1;
            }
            long colno = offset - 1 - spaces;
            long endColno = end - 1 - spaces;
            if (colno >= 0) {
                out.append("    ");
                int cps = ltext.codePointCount(0, ltext.length());
                for (int i = 0, at = 0; i < colno && i < cps; i++) {
                    int cp = ltext.codePointAt(at);
                    out.appendCodePoint(Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? cp : ' ');
                    at += Character.charCount(cp);
                }
                out.append("^".repeat((int) Math.max(0, endColno - colno))).append('\n');
            }
        }
        out.append(kind.name()).append(": ").append(msg == null || msg.isEmpty() ? "<no detail available>" : msg).append('\n');
        return out.toString();
    }

    /** Mirrors how the interpreter prints the source line and the caret line (work happens in bytes). */
    private void appendErrorText(StringBuilder out) {
        long offset = tokenizerError ? column : toByteOffset(column);
        long end = endColumn == NO_END ? -1 : tokenizerError ? endColumn : toByteOffset(endColumn);
        if (kind != Kind.SyntaxError) {
            // parse_syntax_error reads the end only from an exact SyntaxError: one caret for its subclasses
            appendErrorText(out, text, offset, -1, false);
            return;
        }
        appendErrorText(out, text, offset, end, endLine > line);
    }

    /**
     * print_exception's source line and caret line for a SyntaxError (print_error_text, after the
     * caller's clipping): {@code offset} and {@code endOffset} are 1-based and applied to the UTF-8
     * bytes of {@code text} as they are; an error that spans lines is marked to the end of its first.
     * Also used for a SyntaxError object a program raised, whose attributes give the offsets.
     */
    public static void appendErrorText(StringBuilder out, String text, long offset, long endOffset, boolean multiLine) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long end = endOffset;
        if (multiLine) {
            end = bytes.length;
        }
        if (end > bytes.length + 1) {
            end = bytes.length + 1;
        }
        long carets = (end > 0 && end > offset) ? end - offset : 1;
        offset--;
        int start = 0;
        while (start < bytes.length && (bytes[start] == ' ' || bytes[start] == '\t' || bytes[start] == '\f')) {
            start++;
            offset--;
        }
        int len = bytes.length - start;
        boolean endsWithNewline = len > 0 && bytes[bytes.length - 1] == '\n';
        if (endsWithNewline) {
            len--;
        }
        if (offset > len) {
            offset = len;
        }
        while (true) {
            int nl = indexOf(bytes, start, (byte) '\n');
            if (nl < 0 || nl - start >= offset) {
                break;
            }
            int skip = nl - start + 1;
            start += skip;
            len -= skip;
            offset -= skip;
        }
        out.append("    ").append(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
        if (!endsWithNewline) {
            out.append('\n');
        }
        if (offset < 0) {
            return;
        }
        out.append("    ").append(" ".repeat((int) offset)).append("^".repeat((int) Math.max(1, carets))).append('\n');
    }

    private static int indexOf(byte[] bytes, int from, byte b) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Converts a 1-based character column on {@link #text} to a 1-based UTF-8 byte column. */
    private long toByteOffset(int charColumn) {
        if (charColumn <= 0) {
            return charColumn;
        }
        int chars = Math.min(charColumn - 1, text.length());
        int extra = charColumn - 1 - chars;
        return text.substring(0, chars).getBytes(StandardCharsets.UTF_8).length + 1L + extra;
    }

    @Override
    public String toString() {
        return kind.name() + ": " + msg + " (" + filename + ", line " + line + ")";
    }
}
