package dev.refheap.lang.vm;

/** Python's repr of str and bytes, and code-point order. */
final class Strings {
    private Strings() {}

    static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            cp = dev.refheap.object.SurrogateEscapes.toPython(cp);  // a lone surrogate's escape: the surrogate, not printable
            if (cp == quote || cp == '\\') sb.append('\\').appendCodePoint(cp);
            else if (cp == '\n') sb.append("\\n");
            else if (cp == '\r') sb.append("\\r");
            else if (cp == '\t') sb.append("\\t");
            else if (cp < 0x20 || cp == 0x7f) sb.append(String.format("\\x%02x", cp));
            else if (cp >= 0x80 && !isPrintable(cp)) {
                if (cp < 0x100) sb.append(String.format("\\x%02x", cp));
                else if (cp < 0x10000) sb.append(String.format("\\u%04x", cp));
                else sb.append(String.format("\\U%08x", cp));
            } else sb.appendCodePoint(cp);
        }
        return sb.append(quote).toString();
    }

    /**
     * The first code point Java's Unicode data (16.0 in JDK 25) calls printable where CPython 3.11's
     * Unicode 14.0.0 does not (U+0897, assigned in 16.0); below it the two agree, so only code points
     * from here on are asked of the 14.0.0 database (StringsPrintableTest checks this against it).
     */
    static final int FIRST_PRINTABLE_AFTER_14 = 0x897;

    /** Py_UNICODE_ISPRINTABLE as CPython 3.11 answers it (Unicode 14.0.0): not Cc, Cf, Cs, Co, Cn, Zl, Zp, nor Zs but the space. */
    static boolean isPrintable(int cp) {
        int type = Character.getType(cp);
        boolean java = !(type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || (type == Character.SPACE_SEPARATOR && cp != ' '));
        if (!java || cp < FIRST_PRINTABLE_AFTER_14) return java;
        String cat;
        try {
            cat = dev.refheap.lang.unicode.UnicodeData.get().category(cp, false);
        } catch (RuntimeException | LinkageError e) {
            return java;  // no ICU4J beside the jar: Java's answer (the unicodedata import names what is missing)
        }
        return !(cat.equals("Cc") || cat.equals("Cf") || cat.equals("Cs") || cat.equals("Co") || cat.equals("Cn")
                || cat.equals("Zl") || cat.equals("Zp") || cat.equals("Zs"));
    }

    static String bytesRepr(byte[] b) {
        boolean hasSingle = false, hasDouble = false;
        for (byte x : b) { if (x == '\'') hasSingle = true; if (x == '"') hasDouble = true; }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder sb = new StringBuilder("b").append(quote);
        for (byte x : b) {
            int c = x & 0xff;
            if (c == quote || c == '\\') sb.append('\\').append((char) c);
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c == '\t') sb.append("\\t");
            else if (c < 0x20 || c >= 0x7f) sb.append(String.format("\\x%02x", c));
            else sb.append((char) c);
        }
        return sb.append(quote).toString();
    }

    static int compareCodePoints(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i), y = b.codePointAt(j);
            i += Character.charCount(x);
            j += Character.charCount(y);
            if (x != y) return Integer.compare(dev.refheap.object.SurrogateEscapes.toPython(x), dev.refheap.object.SurrogateEscapes.toPython(y));
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
