package dev.refheap.lang.vm;

/**
 * Lone surrogates (U+D800..U+DFFF as code points of their own) are valid in Python strings but
 * not encodable in strict UTF-8: writing one to a UTF-8 stream or {@code str.encode()} raises
 * UnicodeEncodeError, as python3 does, instead of Java's silent '?'.
 */
final class LoneSurrogates {
    private LoneSurrogates() {}

    /** The code-point index of the first lone surrogate of {@code s} (its escape, or an unpaired raw char), or -1. */
    static int first(String s) {
        int cp = 0;
        for (int i = 0; i < s.length(); cp++) {
            int c = s.codePointAt(i);
            if (dev.refheap.object.SurrogateEscapes.isEscape(c) || Character.isSurrogate((char) c) && c < 0x10000) return cp;
            i += Character.charCount(c);
        }
        return -1;
    }

    /** UnicodeEncodeError for {@code s} in UTF-8 if it holds a lone surrogate. */
    static void checkUtf8(Runtime rt, String s) {
        int at = first(s);
        if (at < 0) return;
        int i = s.offsetByCodePoints(0, at), c = dev.refheap.object.SurrogateEscapes.toPython(s.codePointAt(i));
        int end = at;  // the encoder reports the whole run of surrogates
        for (int j = i; j < s.length(); end++) {
            int x = s.codePointAt(j);
            if (!(dev.refheap.object.SurrogateEscapes.isEscape(x) || x < 0x10000 && Character.isSurrogate((char) x))) break;
            j += Character.charCount(x);
        }
        // the error's fields as the encoder sets them (its str() is made from them)
        long str = rt.heap.strs.of(s);
        try {
            throw new PyException(Codecs.encodeError(rt, "utf-8", str, at, end, "surrogates not allowed"));
        } finally {
            rt.heap.decref(str);
        }
    }
}
