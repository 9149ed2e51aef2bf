package dev.refheap.object;

/**
 * How a Python str's lone surrogates travel through {@code java.lang.String}.
 *
 * <p>A str is a sequence of code points, and U+D800..U+DFFF are code points like any other: in
 * CPython {@code "\ud800" "\udc00"} has length 2. Java's strings are UTF-16, where a high surrogate
 * followed by a low one IS one code point (U+10000), so two lone surrogates that meet in a Java
 * string (concatenation, join, slicing, an f-string) would merge. The native str object (the
 * truth: {@link StrType}'s PEP 393 data) never pairs them; only the Java form is ambiguous.
 *
 * <p>So in every Java string that stands for a Python str, the surrogate code point
 * {@code U+D800 + k} is carried as the supplementary code point {@code ESCAPE_BASE + U+D800 + k},
 * i.e. U+DD800..U+DDFFF (unassigned plane 13). Such a code point is one Java code point, so
 * lengths, indexing, slicing, searching and concatenation of Java strings count it as one Python
 * character, and nothing can pair it. {@link StrType#of} turns it back into the surrogate it
 * stands for (a str with surrogates is UCS-2 kind, as in CPython) and {@link StrType#value}
 * produces it; the places that turn a character into a number or bytes (ord, repr, the codecs,
 * stream writes, comparisons) read the native object or map it with {@link #toPython}.
 *
 * <p>Invariants: an escape never reaches the native heap; a real code point in U+DD800..U+DDFFF
 * cannot be represented and is refused where one is made from a number or bytes (chr, escapes in
 * literals, the decoders) with {@link #refusal}. An unpaired raw surrogate char in a Java string
 * (what Java callers such as {@code PyHeap.newStr} pass) still means that surrogate. Stateless.
 */
public final class SurrogateEscapes {
    private SurrogateEscapes() {}

    /** Added to a surrogate code point to give its escape. */
    public static final int ESCAPE_BASE = 0xD0000;
    public static final int FIRST = ESCAPE_BASE + 0xD800, LAST = ESCAPE_BASE + 0xDFFF;

    public static final String REFUSED = "refheap does not support the code points U+DD800..U+DDFFF (it carries lone surrogates there) yet";

    /** True for a Python surrogate code point. */
    public static boolean isSurrogate(int cp) { return cp >= 0xD800 && cp <= 0xDFFF; }

    /** True for a Java code point that is a surrogate's escape. */
    public static boolean isEscape(int cp) { return cp >= FIRST && cp <= LAST; }

    /** The Python code point a Java code point stands for. */
    public static int toPython(int javaCp) { return javaCp >= FIRST && javaCp <= LAST ? javaCp - ESCAPE_BASE : javaCp; }

    /** The Java code point that stands for a Python code point (a surrogate's escape, else itself). */
    public static int toJava(int pyCp) { return pyCp >= 0xD800 && pyCp <= 0xDFFF ? pyCp + ESCAPE_BASE : pyCp; }

    /** Appends Python code point {@code pyCp} to a Java string being built. */
    public static StringBuilder append(StringBuilder sb, int pyCp) {
        return sb.appendCodePoint(toJava(pyCp));
    }

    /** The one-character Java string for Python code point {@code pyCp}. */
    public static String of(int pyCp) { return Character.toString(toJava(pyCp)); }

    /** The error for a real code point in the escape range: refheap cannot hold it. */
    public static PyError refusal() { return new PyError("NotImplementedError", REFUSED); }

    /** {@code pyCp} if refheap can hold it, else {@link #refusal()}. */
    public static int checked(int pyCp) {
        if (isEscape(pyCp)) throw refusal();
        return pyCp;
    }

    /** True if Java string {@code s} holds an escape (a lone surrogate of the str it stands for). */
    public static boolean hasEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0xDB36 || c == 0xDB37) {  // the high halves of U+DD800..U+DDFFF
                if (isEscape(s.codePointAt(i))) return true;
            }
        }
        return false;
    }

    /**
     * {@code s} with each escape turned back into its raw surrogate char: the form a Java caller
     * (the embedding API, a notebook's JSON) reads, where lone surrogates are single chars.
     */
    public static String toRaw(String s) {
        if (!hasEscape(s)) return s;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isEscape(cp)) sb.append((char) (cp - ESCAPE_BASE));
            else sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
