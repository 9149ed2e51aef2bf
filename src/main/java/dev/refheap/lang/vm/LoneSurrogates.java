package dev.refheap.lang.vm;

/**
 * Lone surrogates (U+D800..U+DFFF as code points of their own) are valid in Python strings but
 * not encodable in strict UTF-8: writing one to a UTF-8 stream or {@code str.encode()} raises
 * UnicodeEncodeError, as python3 does, instead of Java's silent '?'.
 */
final class LoneSurrogates {
    private LoneSurrogates() {}

    /** The code-point index of the first lone surrogate of {@code s}, or -1. */
    static int first(String s) {
        int cp = 0;
        for (int i = 0; i < s.length(); cp++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i += 2;
            } else if (Character.isSurrogate(c)) {
                return cp;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** UnicodeEncodeError for {@code s} in UTF-8 if it holds a lone surrogate. */
    static void checkUtf8(Runtime rt, String s) {
        int at = first(s);
        if (at < 0) return;
        int c = s.codePointAt(s.offsetByCodePoints(0, at));
        throw rt.error("UnicodeEncodeError", "'utf-8' codec can't encode character '\\u" + Integer.toHexString(c)
                + "' in position " + at + ": surrogates not allowed");
    }
}
