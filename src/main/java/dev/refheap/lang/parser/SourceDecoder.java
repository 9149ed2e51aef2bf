package dev.refheap.lang.parser;

import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.PySyntaxError.Kind;
import dev.refheap.lang.lexer.UndecodableBytes;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a source file's bytes the way CPython does (PEP 263): a UTF-8 BOM is dropped, a coding
 * declaration in one of the first two lines (the second only after a blank or comment line)
 * selects the codec, and otherwise the bytes must be valid UTF-8. A codec is found under its
 * Python name or a Java charset's name or alias (latin-1, iso-8859-15, cp1252, euc-jp, utf-8-sig,
 * ascii...); codecs that are not ASCII-compatible (utf-16) are refused as CPython refuses them.
 * A file declared UTF-8 (cookie or BOM) is decoded leniently, its bad bytes kept as
 * {@link UndecodableBytes} chars, as python3 reports them only where they are used.
 * Failures are {@link PySyntaxError}s with CPython's messages: "encoding problem: NAME" for an
 * unknown codec, bytes invalid in a declared codec, or a BOM with a declaration other than
 * UTF-8 ("NAME with BOM"), "Non-UTF-8 code starting with..." for bytes that are not UTF-8 without
 * a declaration, and "source code cannot contain null bytes". Stateless.
 */
public final class SourceDecoder {
    private static final Pattern CODING = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");

    private SourceDecoder() {}

    /** The source text of a file's bytes; a {@link PySyntaxError} as python3 reports it when they cannot be decoded. */
    public static String decode(byte[] bytes, String filename) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3;
        }
        String declared = declaredEncoding(bytes, start);
        Charset cs = StandardCharsets.UTF_8;
        if (declared != null) {
            cs = charsetFor(declared, filename);
            // only the spellings get_normal_name turns into "utf-8" go with a BOM, and are decoded lazily
            if (start > 0 && !normalName(declared).equals("utf-8")) throw encodingProblem(normalName(declared) + " with BOM", filename);
        }
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = dec.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
            refuseNulBytes(text, filename);
            return text;
        } catch (CharacterCodingException e) {
            if (declared == null ? start > 0 : normalName(declared).equals("utf-8")) {
                String text = lenientUtf8(bytes, start);  // python3 decodes lazily: a bad byte fails only where it is used
                refuseNulBytes(text, filename);
                return text;
            }
            int bad = firstInvalidUtf8(bytes, start);
            int line = 1;
            for (int i = start; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            String hex = String.format("\\x%02x", bytes[bad] & 0xff);
            if (declared != null) throw encodingProblem(declared, filename);  // another codec, or a UTF-8 alias python3 decodes through the codec
            throw new PySyntaxError(Kind.SyntaxError, "Non-UTF-8 code starting with '" + hex + "' in file " + filename
                    + " on line " + line + ", but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                    filename, 0, 0, 0, 0, null, true, false);
        }
    }

    /**
     * UTF-8 with each byte of an invalid sequence kept as its {@link UndecodableBytes} char, for a
     * file declared UTF-8 (cookie or BOM): the lexer and parser raise 3.11's errors where such a
     * byte is used (a str or bytes literal, a name) and let it pass in a comment.
     */
    private static String lenientUtf8(byte[] b, int start) {
        StringBuilder sb = new StringBuilder(b.length - start);
        boolean[] truncated = new boolean[1];
        for (int i = start; i < b.length; ) {
            int len = UndecodableBytes.sequence(b, i, b.length, truncated);
            if (len > 0) {
                sb.append(new String(b, i, len, StandardCharsets.UTF_8));
                i += len;
            } else {
                for (int k = i; k < i - len; k++) sb.append(UndecodableBytes.of(b[k]));
                i -= len;
            }
        }
        return sb.toString();
    }

    /**
     * True if {@code bytes} declare their encoding, by a UTF-8 BOM or a coding cookie on one of
     * the first two lines: 3.11's tokenizer then reads them with its encoding set, as it reads a str.
     */
    public static boolean declaresEncoding(byte[] bytes) {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
        return bom || declaredEncoding(bytes, 0) != null;
    }

    private static String declaredEncoding(byte[] bytes, int start) {
        int pos = start;
        for (int lineNo = 0; lineNo < 2 && pos < bytes.length; lineNo++) {
            int nl = pos;
            while (nl < bytes.length && bytes[nl] != '\n') {
                nl++;
            }
            String line = new String(bytes, pos, nl - pos, StandardCharsets.ISO_8859_1);
            Matcher m = CODING.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
            if (!line.strip().isEmpty() && !line.strip().startsWith("#")) {
                return null;
            }
            pos = nl + 1;
        }
        return null;
    }

    /** CPython's get_normal_name: the spellings of UTF-8 and Latin-1 it recognises by itself. */
    private static String normalName(String name) {
        String n = name.toLowerCase().replace('_', '-');
        if (n.equals("utf-8") || n.startsWith("utf-8-")) return "utf-8";
        if (n.equals("latin-1") || n.equals("iso-8859-1") || n.equals("iso-latin-1")
                || n.startsWith("latin-1-") || n.startsWith("iso-8859-1-") || n.startsWith("iso-latin-1-")) {
            return "iso-8859-1";
        }
        return name;
    }

    /** Python codec names Java does not know under the same spelling. */
    private static final java.util.Map<String, String> ALIASES = java.util.Map.of(
            "latin", "ISO-8859-1", "latin1", "ISO-8859-1", "u8", "UTF-8", "utf", "UTF-8", "utf8", "UTF-8", "cp65001", "UTF-8",
            "utf-8-sig", "UTF-8", "mac-roman", "x-MacRoman", "macroman", "x-MacRoman");

    private static Charset charsetFor(String name, String filename) {
        String n = normalName(name);
        if (n.equals("utf-8")) return StandardCharsets.UTF_8;
        if (n.equals("iso-8859-1")) return StandardCharsets.ISO_8859_1;
        String lower = name.toLowerCase().replace('_', '-');
        Charset cs = null;
        for (String candidate : new String[] {ALIASES.get(lower), name, lower, lower.replace('-', '_')}) {
            if (candidate == null) continue;
            try {
                cs = Charset.forName(candidate);
                break;
            } catch (IllegalArgumentException e) {
                // not under this spelling
            }
        }
        if (cs == null || !asciiCompatible(cs)) throw encodingProblem(name, filename);
        return cs.equals(StandardCharsets.UTF_8) ? StandardCharsets.UTF_8 : cs;
    }

    /** Whether the codec decodes every ASCII byte to itself (CPython refuses source codecs that do not: utf-16, utf-32). */
    private static boolean asciiCompatible(Charset cs) {
        byte[] ascii = new byte[128];
        for (int i = 0; i < 128; i++) ascii[i] = (byte) i;
        try {
            String s = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(ascii)).toString();
            if (s.length() != 128) return false;
            for (int i = 0; i < 128; i++) if (s.charAt(i) != i) return false;
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static PySyntaxError encodingProblem(String what, String filename) {
        return new PySyntaxError(Kind.SyntaxError, "encoding problem: " + what, filename, 0, 0, 0, 0, null, true, false);
    }

    /**
     * Index of the first byte that starts an invalid UTF-8 sequence, by the 3.11 tokenizer's
     * valid_utf8: no continuation or C0/C1 lead byte, no overlong E0/F0 form, no encoded surrogate
     * (ED A0..BF), nothing above U+10FFFF, and every continuation byte in 80..BF.
     */
    private static int firstInvalidUtf8(byte[] b, int start) {
        int i = start;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int second = i + 1 < b.length ? b[i + 1] & 0xff : 0;
            int n;
            if (c < 0x80) n = 0;
            else if (c < 0xC2) return i;
            else if (c < 0xE0) n = 1;
            else if (c < 0xF0) {
                if (c == 0xE0 && second < 0xA0 || c == 0xED && second >= 0xA0) return i;
                n = 2;
            } else if (c < 0xF5) {
                if (second < 0x90 ? c == 0xF0 : c == 0xF4) return i;
                n = 3;
            } else return i;
            for (int k = 1; k <= n; k++) {
                if (i + k >= b.length || (b[i + k] & 0xc0) != 0x80) return i;
            }
            i += n + 1;
        }
        return Math.max(start, b.length - 1);
    }

    /**
     * The tokenizer's refusal of a NUL byte in a source file: a SyntaxError on its line, showing the
     * line up to the NUL and no marker.
     */
    private static void refuseNulBytes(String text, String filename) {
        int nul = text.indexOf('\0');
        if (nul < 0) return;
        int line = 1;
        for (int i = 0; i < nul; i++) if (text.charAt(i) == '\n') line++;
        int lineStart = text.lastIndexOf('\n', nul - 1) + 1;
        throw new PySyntaxError(Kind.SyntaxError, "source code cannot contain null bytes", filename, line, 0, line, 0,
                text.substring(lineStart, nul), true, false);
    }
}
