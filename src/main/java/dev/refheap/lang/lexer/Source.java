package dev.refheap.lang.lexer;

import dev.refheap.lang.PySyntaxError;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A source text split into physical lines, with the conversions between positions the front end needs:
 * a char index into the text, a 1-based line, a 0-based UTF-8 byte column (what the AST stores) and a
 * 1-based character column (what {@link PySyntaxError} stores).
 *
 * <p>Invariants: the text has only {@code \n} line ends (CR LF and lone CR are normalised on
 * construction); {@code lineStarts[i]} is the char index where line {@code i + 1} starts; there is
 * always at least one line. Immutable apart from a memo that speeds up {@link #byteCol} (not thread-safe).
 */
public final class Source {
    private final String text;
    private final String filename;
    private final int[] lineStarts;

    public Source(String text, String filename) {
        this.text = normaliseNewlines(text);
        this.filename = filename;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < this.text.length(); i++) {
            if (this.text.charAt(i) == '\n' && i + 1 < this.text.length()) {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String normaliseNewlines(String s) {
        if (s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    public String text() { return text; }
    public String filename() { return filename; }
    public int lineCount() { return lineStarts.length; }

    /** The char index where 1-based line {@code line} starts (the text length past the last line). */
    public int lineStart(int line) {
        if (line < 1) {
            return 0;
        }
        return line <= lineStarts.length ? lineStarts[line - 1] : text.length();
    }

    /** The 1-based line holding char index {@code index}. */
    public int lineOf(int index) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** The text of 1-based line {@code line} including its newline, or null if there is no such line. */
    public String lineText(int line) {
        if (line < 1 || line > lineStarts.length) {
            return null;
        }
        int start = lineStarts[line - 1];
        int nl = text.indexOf('\n', start);
        return nl < 0 ? text.substring(start) : text.substring(start, nl + 1);
    }

    // Memo of the last byteCol answer, so that scanning a long line left to right stays linear.
    private int memoLine = -1;
    private int memoIndex;
    private int memoBytes;

    /** 0-based UTF-8 byte column of char index {@code index} on 1-based line {@code line}. */
    public int byteCol(int line, int index) {
        int start = lineStart(line);
        int bytes = 0;
        if (line == memoLine && index >= memoIndex) {
            start = memoIndex;
            bytes = memoBytes;
        }
        int i = start;
        for (; i < index && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        memoLine = line;
        memoIndex = i;
        memoBytes = bytes;
        return bytes;
    }

    /** 0-based code point column of char index {@code index} on 1-based line {@code line}. */
    public int charCol(int line, int index) {
        int start = lineStart(line);
        int end = Math.min(Math.max(index, start), text.length());
        return text.codePointCount(start, end) + Math.max(0, index - Math.max(end, start));
    }

    /** Converts a 0-based byte column on {@code line} to a 0-based code point column. */
    public int charColOfByteCol(int line, int byteCol) {
        String lt = lineText(line);
        if (lt == null) {
            return byteCol;
        }
        byte[] b = lt.getBytes(StandardCharsets.UTF_8);
        if (byteCol >= b.length) {
            return lt.codePointCount(0, lt.length()) + (byteCol - b.length);
        }
        String prefix = new String(b, 0, byteCol, StandardCharsets.UTF_8);
        return prefix.codePointCount(0, prefix.length());
    }

    /** Builds an error at a char range; columns are converted to Python's 1-based character offsets. */
    public PySyntaxError error(PySyntaxError.Kind kind, String msg, int startIndex, int endIndex,
                               boolean tokenizer, boolean incomplete) {
        int line = lineOf(startIndex);
        int endLine = lineOf(Math.max(endIndex, startIndex));
        int col = charCol(line, startIndex) + 1;
        int endCol = charCol(endLine, endIndex) + 1;
        return new PySyntaxError(kind, msg, filename, line, col, endLine, endCol, lineText(line), tokenizer,
                incomplete);
    }
}
