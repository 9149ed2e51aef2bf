package dev.refheap.lang.parser;

import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.PySyntaxError.Kind;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a source file's bytes the way CPython does (PEP 263): a UTF-8 BOM is dropped, a coding
 * declaration in one of the first two lines selects the charset, and otherwise the bytes must be valid
 * UTF-8. Failures are {@link PySyntaxError}s with CPython's messages. Stateless.
 */
final class SourceDecoder {
    private static final Pattern CODING = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");

    private SourceDecoder() {}

    static String decode(byte[] bytes, String filename) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3;
        }
        String declared = declaredEncoding(bytes, start);
        Charset cs = StandardCharsets.UTF_8;
        if (declared != null) {
            cs = charsetFor(declared, filename);
        }
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer out = dec.decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
            return out.toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes, start);
            int line = 1;
            for (int i = start; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            String hex = String.format("\\x%02x", bytes[bad] & 0xff);
            if (declared == null) {
                throw new PySyntaxError(Kind.SyntaxError, "Non-UTF-8 code starting with '" + hex + "' in file " + filename
                        + " on line " + line + ", but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                        filename, 0, 0, 0, 0, null, true, false);
            }
            throw new PySyntaxError(Kind.SyntaxError, "(unicode error) '" + declared + "' codec can't decode byte 0x"
                    + hex.substring(2) + ": invalid start byte", filename, line, 0, line, 0, null, true, false);
        }
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

    private static Charset charsetFor(String name, String filename) {
        String n = name.toLowerCase().replace('_', '-');
        if (n.equals("utf-8") || n.startsWith("utf-8-") || n.equals("utf8")) {
            return StandardCharsets.UTF_8;
        }
        if (n.equals("latin-1") || n.startsWith("latin-1-") || n.startsWith("iso-8859-1") || n.equals("iso-latin-1")) {
            return StandardCharsets.ISO_8859_1;
        }
        try {
            return Charset.forName(n);
        } catch (IllegalArgumentException e) {
            throw new PySyntaxError(Kind.SyntaxError, "unknown encoding: " + name, filename, 0, 0, 0, 0, null, true, false);
        }
    }

    /** Index of the first byte that starts an invalid UTF-8 sequence. */
    private static int firstInvalidUtf8(byte[] b, int start) {
        int i = start;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int n = c < 0x80 ? 0 : (c >= 0xC2 && c <= 0xDF) ? 1 : (c >= 0xE0 && c <= 0xEF) ? 2 : (c >= 0xF0 && c <= 0xF4) ? 3 : -1;
            if (n < 0 || i + n >= b.length + (n == 0 ? 1 : 0) && n > 0 && i + n > b.length - 1 + 1) {
                return i;
            }
            for (int k = 1; k <= n; k++) {
                if (i + k >= b.length || (b[i + k] & 0xc0) != 0x80) {
                    return i;
                }
            }
            i += n + 1;
        }
        return Math.max(start, b.length - 1);
    }
}
