package dev.refheap.lang.unicode;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.util.VersionInfo;

/**
 * The Unicode character database {@code unicodedata} answers from, as CPython 3.11 has it: Unicode
 * 14.0.0, and the 3.2.0 view of {@code unicodedata.ucd_3_2_0}. The data is ICU4J 71.1's (ICU 71
 * carries Unicode 14.0.0); this class maps ICU's properties onto CPython's answers, which were
 * checked against CPython 3.11.7 for every code point (name, category, bidirectional, combining,
 * east_asian_width, mirrored, decomposition, decimal, digit, numeric, the four normalization forms):
 * <ul>
 * <li>a code point ICU calls unassigned (general category Cn) has bidirectional {@code ''} and
 *     east_asian_width {@code 'F'} in CPython (its empty record), not ICU's derived defaults;
 * <li>Tangut ideographs have no name in CPython 3.11 (UnicodeData.txt lists them as a range that
 *     its name generator does not cover), while ICU names them algorithmically;
 * <li>a Hangul syllable's decomposition is {@code ''} (CPython computes those mappings only when
 *     normalizing);
 * <li>{@code lookup} matches ASCII letters case-insensitively, except in the computed names
 *     ({@code HANGUL SYLLABLE ...}, {@code CJK UNIFIED IDEOGRAPH-XXXX}), which must be upper case.
 * </ul>
 * The 3.2.0 view: a character unassigned in Unicode 3.2 (ICU's age above 3.2) answers as an
 * unassigned one (no name, category Cn, bidirectional '', east_asian_width 'F', ...) except for
 * {@code digit}, which CPython answers from 14.0.0 for every character. For characters assigned
 * in 3.2, name, combining, decomposition, digit and numeric are 14.0.0's (Unicode's stability
 * policies, and checked for every code point against CPython); category, bidirectional,
 * east_asian_width, mirrored and decimal changed for some hundreds of them and ICU carries no 3.2
 * values, so those raise {@link UnicodeData.Unsupported} rather than answer 14.0.0's. Normalization in 3.2.0 is
 * CPython's: characters unassigned in 3.2 are not decomposed, the five mappings Unicode corrected
 * after 3.2 (Unicode's NormalizationCorrections.txt) decompose as 3.2 had them, and reordering and
 * composition use 14.0.0's data, as CPython's normalizer does.
 *
 * <p>Code points are Python's: callers map refheap's surrogate escapes back first. Stateless. Only
 * {@link UnicodeData}'s loader loads this class (and ICU with it), in a class loader that sees
 * ICU's jar; the module reaches it through {@link Impl}.
 */
public final class UnicodeDatabase {
    private UnicodeDatabase() {}

    private static final VersionInfo V3_2 = VersionInfo.getInstance(3, 2);
    private static final int SBASE = 0xAC00, SCOUNT = 11172, LBASE = 0x1100, LCOUNT = 19, VBASE = 0x1161, VCOUNT = 21,
            TBASE = 0x11A7, TCOUNT = 28;

    private static final String[] CATEGORIES = new String[UCharacterCategory.CHAR_CATEGORY_COUNT];

    static {
        for (int i = 0; i < CATEGORIES.length; i++) {
            CATEGORIES[i] = UCharacter.getPropertyValueName(UProperty.GENERAL_CATEGORY, i, UProperty.NameChoice.SHORT);
        }
    }

    /** Whether {@code cp} is assigned in Unicode 14.0.0 (noncharacters count as unassigned, general category Cn). */
    static boolean assigned(int cp) { return UCharacter.getType(cp) != UCharacterCategory.UNASSIGNED; }

    /** Whether {@code cp} is assigned in Unicode 3.2.0 (CPython's "category_changed == 0" test is the negation). */
    public static boolean assigned32(int cp) { return assigned(cp) && UCharacter.getAge(cp).compareTo(V3_2) <= 0; }

    // ---- properties ----------------------------------------------------------------------------

    /** name(): the character's name in 14.0.0 (3.2.0 when {@code v32}), or null. */
    public static String name(int cp, boolean v32) {
        if (v32 && !assigned32(cp)) return null;
        String n = UCharacter.getName(cp);
        if (n == null || n.startsWith("TANGUT IDEOGRAPH-")) return null;
        return n;
    }

    public static String category(int cp, boolean v32) {
        if (v32 && !assigned32(cp)) return "Cn";
        if (v32) throw new UnicodeData.Unsupported("category", cp);
        return CATEGORIES[UCharacter.getType(cp)];
    }

    public static String bidirectional(int cp, boolean v32) {
        if (v32 && !assigned32(cp)) return "";
        if (v32) throw new UnicodeData.Unsupported("bidirectional", cp);
        if (!assigned(cp)) return "";
        return UCharacter.getPropertyValueName(UProperty.BIDI_CLASS, UCharacter.getDirection(cp), UProperty.NameChoice.SHORT);
    }

    public static int combining(int cp, boolean v32) {
        if (v32 && !assigned32(cp)) return 0;
        return UCharacter.getCombiningClass(cp);
    }

    public static String eastAsianWidth(int cp, boolean v32) {
        if (v32 && !assigned32(cp)) return "F";
        if (v32) throw new UnicodeData.Unsupported("east_asian_width", cp);
        if (!assigned(cp)) return "F";
        return UCharacter.getPropertyValueName(UProperty.EAST_ASIAN_WIDTH, UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH),
                UProperty.NameChoice.SHORT);
    }

    public static int mirrored(int cp, boolean v32) {
        if (v32 && !assigned32(cp)) return 0;
        if (v32) throw new UnicodeData.Unsupported("mirrored", cp);
        return UCharacter.isMirrored(cp) ? 1 : 0;
    }

    /** decomposition(): UnicodeData.txt's field, {@code <tag> XXXX XXXX} for a compatibility mapping, or ''. */
    public static String decomposition(int cp, boolean v32) {
        if (v32 && !assigned32(cp)) return "";
        if (cp >= SBASE && cp < SBASE + SCOUNT) return "";
        int type = UCharacter.getIntPropertyValue(cp, UProperty.DECOMPOSITION_TYPE);
        if (type == UCharacter.DecompositionType.NONE) return "";
        StringBuilder b = new StringBuilder();
        String mapping;
        if (type == UCharacter.DecompositionType.CANONICAL) {
            mapping = Normalizer2.getNFCInstance().getRawDecomposition(cp);
        } else {
            String tag = UCharacter.getPropertyValueName(UProperty.DECOMPOSITION_TYPE, type, UProperty.NameChoice.LONG).toLowerCase(java.util.Locale.ROOT);
            b.append('<').append(tag.equals("nobreak") ? "noBreak" : tag).append('>');
            mapping = Normalizer2.getNFKCInstance().getRawDecomposition(cp);
        }
        if (mapping == null) return "";
        mapping.codePoints().forEach(x -> {
            if (!b.isEmpty()) b.append(' ');
            b.append(String.format("%04X", x));
        });
        return b.toString();
    }

    /** decimal(): the digit value of a character of numeric type Decimal, or -1. */
    public static int decimal(int cp, boolean v32) {
        if (v32 && !assigned32(cp)) return -1;
        if (v32) throw new UnicodeData.Unsupported("decimal", cp);
        if (UCharacter.getIntPropertyValue(cp, UProperty.NUMERIC_TYPE) != UCharacter.NumericType.DECIMAL) return -1;
        return (int) UCharacter.getUnicodeNumericValue(cp);
    }

    /** digit(): the digit value of a character of numeric type Decimal or Digit, or -1 (14.0.0's in both views, as CPython). */
    public static int digit(int cp) {
        int t = UCharacter.getIntPropertyValue(cp, UProperty.NUMERIC_TYPE);
        if (t != UCharacter.NumericType.DECIMAL && t != UCharacter.NumericType.DIGIT) return -1;
        return (int) UCharacter.getUnicodeNumericValue(cp);
    }

    /** numeric(): the numeric value (Unihan's numeric values included), or NaN for none. */
    public static double numeric(int cp, boolean v32) {
        if (v32 && !assigned32(cp)) return Double.NaN;
        if (UCharacter.getIntPropertyValue(cp, UProperty.NUMERIC_TYPE) == UCharacter.NumericType.NONE) return Double.NaN;
        return UCharacter.getUnicodeNumericValue(cp);
    }

    // ---- names -------------------------------------------------------------------------------

    /**
     * lookup() and {@code \N{...}}: the code point named {@code name} (a name, or in 14.0.0 a name
     * alias ICU knows), or -1. ASCII letters match either case, except in the computed names.
     */
    public static int lookup(String name, boolean v32) {
        for (int i = 0; i < name.length(); i++) if (name.charAt(i) > 0x7F) return -1;
        int cp;
        if (name.startsWith("HANGUL SYLLABLE ")) {
            cp = UCharacter.getCharFromName(name);
            if (cp < SBASE || cp >= SBASE + SCOUNT || !name.equals(UCharacter.getName(cp))) return -1;
        } else if (name.startsWith("CJK UNIFIED IDEOGRAPH-")) {
            int n = name.length() - 22;
            if (n != 4 && n != 5) return -1;
            cp = 0;
            for (int i = 22; i < name.length(); i++) {
                char c = name.charAt(i);
                int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (d < 0) return -1;
                cp = cp * 16 + d;
            }
            // 14.0.0's ideographs in both views: CPython's 3.2.0 lookup does not test these for age
            return ("CJK UNIFIED IDEOGRAPH-" + String.format("%04X", cp)).equals(UCharacter.getName(cp)) ? cp : -1;
        } else {
            String upper = name.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("HANGUL SYLLABLE ") || upper.startsWith("CJK UNIFIED IDEOGRAPH-")) return -1;
            cp = UCharacter.getCharFromName(upper);
            if (cp < 0 || !upper.equals(name(cp, false))) {
                if (v32) return -1;  // 3.2.0 has no aliases
                return UCharacter.getCharFromNameAlias(upper);
            }
        }
        return v32 && !assigned32(cp) ? -1 : cp;
    }

    // ---- normalization ---------------------------------------------------------------------------

    /** The normalizer of form NFC, NFD, NFKC or NFKD, or null for another name. */
    public static Normalizer2 normalizer(String form) {
        return switch (form) {
            case "NFC" -> Normalizer2.getNFCInstance();
            case "NFD" -> Normalizer2.getNFDInstance();
            case "NFKC" -> Normalizer2.getNFKCInstance();
            case "NFKD" -> Normalizer2.getNFKDInstance();
            default -> null;
        };
    }

    /**
     * Whether 14.0.0's quick check says {@code s} is in the form already (CPython then returns the
     * same object); false for "no" and "maybe".
     */
    public static boolean quickCheckYes(Normalizer2 n, String s) { return n.quickCheck(s) == Normalizer.YES; }

    /**
     * The five mappings Unicode corrected after 3.2.0 (Corrigendum #4; NormalizationCorrections.txt
     * lists each with its erroneous 3.2.0 value): code point, 3.2.0's decomposition.
     */
    private static final int[][] CORRECTIONS_3_2 = {
        {0x2F868, 0x2136A}, {0x2F874, 0x5F33}, {0x2F91F, 0x43AB}, {0x2F95F, 0x7AAE}, {0x2F9BF, 0x4D57},
    };

    /** normalize() in Unicode 3.2.0, as CPython's ucd_3_2_0 does it ({@code form} NFC, NFD, NFKC or NFKD; Java code points). */
    public static String normalize32(String form, String s) {
        boolean compat = form.startsWith("NFK"), compose = form.endsWith("C");
        Normalizer2 decomposer = compat ? Normalizer2.getNFKDInstance() : Normalizer2.getNFDInstance();
        int[] buf = new int[s.length() + 8];
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            String d = null;
            if (assigned32(c)) {
                for (int[] corr : CORRECTIONS_3_2) if (corr[0] == c) d = Character.toString(corr[1]);
                if (d == null) d = decomposer.getDecomposition(c);
            }
            if (d == null) {
                if (n == buf.length) buf = java.util.Arrays.copyOf(buf, n * 2);
                buf[n++] = c;
            } else {
                for (int j = 0; j < d.length(); ) {
                    int x = d.codePointAt(j);
                    j += Character.charCount(x);
                    if (n == buf.length) buf = java.util.Arrays.copyOf(buf, n * 2);
                    buf[n++] = x;
                }
            }
        }
        reorder(buf, n);
        if (compose) n = compose(buf, n);
        return new String(buf, 0, n);
    }

    /** The canonical ordering: each run of non-starters sorted stably by combining class. */
    private static void reorder(int[] buf, int n) {
        for (int i = 1; i < n; i++) {
            int c = buf[i], cc = UCharacter.getCombiningClass(c);
            if (cc == 0) continue;
            int j = i;
            while (j > 0) {
                int pc = UCharacter.getCombiningClass(buf[j - 1]);
                if (pc == 0 || pc <= cc) break;
                buf[j] = buf[j - 1];
                j--;
            }
            buf[j] = c;
        }
    }

    /**
     * Canonical composition of a decomposed, reordered buffer: a starter combines with each later
     * character it has a primary composite with that is not blocked (a character between of
     * combining class 0 or of a class not lower); Hangul L V (T) sequences compose arithmetically.
     * Returns the new length.
     */
    private static int compose(int[] buf, int n) {
        Normalizer2 nfc = Normalizer2.getNFCInstance();
        boolean[] used = new boolean[n];
        int o = 0;
        for (int i = 0; i < n; i++) {
            if (used[i]) continue;
            int c = buf[i];
            if (c >= LBASE && c < LBASE + LCOUNT && i + 1 < n && buf[i + 1] >= VBASE && buf[i + 1] < VBASE + VCOUNT) {
                int s = SBASE + ((c - LBASE) * VCOUNT + (buf[i + 1] - VBASE)) * TCOUNT;
                i++;
                if (i + 1 < n && buf[i + 1] > TBASE && buf[i + 1] < TBASE + TCOUNT) s += buf[++i] - TBASE;
                buf[o++] = s;
                continue;
            }
            if (!isHangul(c)) {
                int last = 0;
                for (int j = i + 1; j < n; j++) {
                    if (used[j]) continue;
                    int x = buf[j], cc = UCharacter.getCombiningClass(x);
                    if (last != 0) {
                        if (cc == 0) break;
                        if (last >= cc) continue;  // blocked
                    }
                    int composite = isHangul(x) ? -1 : nfc.composePair(c, x);
                    if (composite < 0) {
                        if (cc == 0) break;
                        last = cc;
                        continue;
                    }
                    c = composite;
                    used[j] = true;
                }
            }
            buf[o++] = c;
        }
        return o;
    }

    private static boolean isHangul(int c) {
        return c >= SBASE && c < SBASE + SCOUNT || c >= LBASE && c < 0x1200 || c >= 0xA960 && c < 0xA980 || c >= 0xD7B0 && c < 0xD800;
    }

    /** The database as {@link UnicodeData} (what the module calls, across the class loaders). */
    public static final class Impl implements UnicodeData {
        public Impl() {}

        @Override public String name(int cp, boolean v32) { return UnicodeDatabase.name(cp, v32); }
        @Override public String category(int cp, boolean v32) { return UnicodeDatabase.category(cp, v32); }
        @Override public String bidirectional(int cp, boolean v32) { return UnicodeDatabase.bidirectional(cp, v32); }
        @Override public int combining(int cp, boolean v32) { return UnicodeDatabase.combining(cp, v32); }
        @Override public String eastAsianWidth(int cp, boolean v32) { return UnicodeDatabase.eastAsianWidth(cp, v32); }
        @Override public int mirrored(int cp, boolean v32) { return UnicodeDatabase.mirrored(cp, v32); }
        @Override public String decomposition(int cp, boolean v32) { return UnicodeDatabase.decomposition(cp, v32); }
        @Override public int decimal(int cp, boolean v32) { return UnicodeDatabase.decimal(cp, v32); }
        @Override public int digit(int cp) { return UnicodeDatabase.digit(cp); }
        @Override public double numeric(int cp, boolean v32) { return UnicodeDatabase.numeric(cp, v32); }
        @Override public int lookup(String name, boolean v32) { return UnicodeDatabase.lookup(name, v32); }
        @Override public String icuUnicodeVersion() { return UCharacter.getUnicodeVersion().toString(); }

        @Override
        public String normalize(String form, String s, boolean v32) {
            if (v32) return normalize32(form, s);
            Normalizer2 n = normalizer(form);
            return quickCheckYes(n, s) ? s : n.normalize(s);
        }

        @Override
        public boolean isNormalized(String form, String s, boolean v32) {
            return v32 ? normalize32(form, s).equals(s) : normalizer(form).isNormalized(s);
        }
    }
}
