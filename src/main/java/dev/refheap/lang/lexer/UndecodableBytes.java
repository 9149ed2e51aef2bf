package dev.refheap.lang.lexer;

import dev.refheap.lang.PySyntaxError;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Bytes that are not UTF-8 in a source file whose encoding is declared UTF-8 (a coding cookie or a
 * BOM), and CPython 3.11's lazy way of reporting them.
 *
 * <p>With a declaration, python3's tokenizer does not check the file up front: a bad byte in a
 * comment passes; in a str literal it fails when the parser decodes the literal,
 * {@code SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position N: invalid
 * start byte}, at the token after the literals; in a name (any byte from 0x80 may start or continue
 * one) when the tokenizer decodes the name; in a bytes literal as "bytes can only contain ASCII
 * literal characters". The line shown is the file's line decoded with "replace" (one U+FFFD per
 * bad sequence), and the columns are 3.11's byte offsets turned into characters on the UTF-8 of
 * that shown line (_PyPegen_byte_offset_to_character_offset), where each U+FFFD is 3 bytes.
 *
 * <p>So the decoded source text carries each undecodable byte {@code b} as the lone surrogate
 * {@code U+DC00 + b} (U+DC80..U+DCFF; text decoded from valid UTF-8 never holds a surrogate), which
 * keeps one char per byte: {@link #raw} gives the file's bytes of any stretch back. Stateless.
 */
public final class UndecodableBytes {
    private UndecodableBytes() {}

    /** True for a char that stands for an undecodable byte. */
    public static boolean isByte(int c) { return c >= 0xDC80 && c <= 0xDCFF; }

    /** The char that stands for undecodable byte {@code b} (0x80..0xFF). */
    public static char of(int b) { return (char) (0xDC00 + (b & 0xff)); }

    /**
     * True if text[from, to) holds an undecodable byte: a lone U+DC80..U+DCFF. The second half of
     * a surrogate pair is one too (a character from U+10000 up whose low surrogate falls in that
     * range, as U+1F4D7 = D83D DCD7 does) and is not a byte.
     */
    public static boolean any(String s, int from, int to) {
        for (int i = from; i < to && i < s.length(); i++) {
            if (isByte(s.charAt(i)) && !(i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) return true;
        }
        return false;
    }

    /** The file's bytes of text[from, to): each char as UTF-8, an undecodable byte as itself. */
    public static byte[] raw(String s, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = from; i < to && i < s.length(); ) {
            char c = s.charAt(i);
            if (isByte(c)) {
                out.write(c - 0xDC00);
                i++;
            } else {
                int cp = s.codePointAt(i);
                out.writeBytes(Character.toString(cp).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return out.toByteArray();
    }

    /**
     * The length of the valid UTF-8 sequence at {@code b[i]} (3.11's decoder: no C0/C1 or F5+ lead,
     * no overlong E0/F0 form, no encoded surrogate, nothing above U+10FFFF), or minus the length of
     * the maximal invalid subpart there (the error span CPython's decoder reports); {@code -(n - i)}
     * with {@code truncated[0]} set when the input ends inside a sequence that could have been valid.
     */
    public static int sequence(byte[] b, int i, int n, boolean[] truncated) {
        int c = b[i] & 0xff;
        truncated[0] = false;
        if (c < 0x80) return 1;
        int need;
        if (c >= 0xC2 && c <= 0xDF) need = 1;
        else if (c >= 0xE0 && c <= 0xEF) need = 2;
        else if (c >= 0xF0 && c <= 0xF4) need = 3;
        else return -1;
        for (int k = 1; k <= need; k++) {
            if (i + k >= n) {
                truncated[0] = true;
                return -(n - i);
            }
            int x = b[i + k] & 0xff;
            boolean ok = x >= 0x80 && x <= 0xBF;
            if (k == 1) {
                if (c == 0xE0) ok = x >= 0xA0 && x <= 0xBF;
                else if (c == 0xED) ok = x >= 0x80 && x <= 0x9F;
                else if (c == 0xF0) ok = x >= 0x90 && x <= 0xBF;
                else if (c == 0xF4) ok = x >= 0x80 && x <= 0x8F;
            }
            if (!ok) return -k;
        }
        return need + 1;
    }

    /** The bytes decoded as UTF-8 with "replace": one U+FFFD per error span, as python3 shows a bad line. */
    public static String replaced(byte[] b) {
        StringBuilder sb = new StringBuilder();
        boolean[] truncated = new boolean[1];
        for (int i = 0; i < b.length; ) {
            int len = sequence(b, i, b.length, truncated);
            if (len > 0) {
                sb.append(new String(b, i, len, StandardCharsets.UTF_8));
                i += len;
            } else {
                sb.append('\uFFFD');
                i -= len;
            }
        }
        return sb.toString();
    }

    /** The UnicodeDecodeError message of decoding {@code b} as UTF-8 strictly, or null if it is valid. */
    public static String decodeError(byte[] b) {
        boolean[] truncated = new boolean[1];
        for (int i = 0; i < b.length; ) {
            int len = sequence(b, i, b.length, truncated);
            if (len > 0) {
                i += len;
                continue;
            }
            int end = i - len;
            String reason = truncated[0] ? "unexpected end of data" : (b[i] & 0xff) < 0xC2 || (b[i] & 0xff) > 0xF4 ? "invalid start byte" : "invalid continuation byte";
            if (end - i == 1) return String.format("'utf-8' codec can't decode byte 0x%02x in position %d: %s", b[i] & 0xff, i, reason);
            return "'utf-8' codec can't decode bytes in position " + i + "-" + (end - 1) + ": " + reason;
        }
        return null;
    }

    /** _PyPegen_byte_offset_to_character_offset: how many chars the first {@code byteOffset} bytes of the shown line's UTF-8 decode to. */
    static int charOffset(String shown, int byteOffset) {
        byte[] u = shown.getBytes(StandardCharsets.UTF_8);
        int n = Math.max(0, Math.min(byteOffset, u.length + 1));
        String prefix = replaced(java.util.Arrays.copyOf(u, Math.min(n, u.length)));
        return prefix.codePointCount(0, prefix.length()) + (n > u.length ? 1 : 0);
    }

    /**
     * A SyntaxError on 1-based {@code line} of {@code src} as 3.11 reports it in a file with a
     * declared encoding: {@code col} and {@code endCol} are the file's byte offsets it converts
     * (a token's 0-based column + 1, or a tokenizer position), {@code endCol} -1 for none.
     */
    public static PySyntaxError error(Source src, String msg, int line, int col, int endCol) {
        String lt = src.lineText(line);
        String body = lt == null ? "" : lt.endsWith("\n") ? lt.substring(0, lt.length() - 1) : lt;
        String shown = replaced(raw(body, 0, body.length()));
        int c = charOffset(shown, col);
        int e = endCol < 0 ? -1 : charOffset(shown, endCol);
        return new PySyntaxError(PySyntaxError.Kind.SyntaxError, msg, src.filename(), line, c, line, e,
                lt == null ? null : shown + "\n", true, false);
    }

    /** The file's byte column (0-based) of char index {@code index} on 1-based {@code line}. */
    public static int byteCol(Source src, int line, int index) {
        return raw(src.text(), src.lineStart(line), index).length;
    }
}
