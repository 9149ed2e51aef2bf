package dev.refheap.lang.vm;

import java.text.Normalizer;
import java.util.Locale;

/**
 * str's case methods as CPython 3.11's unicodeobject.c does them (do_title, do_capitalize,
 * do_swapcase, unicode_isupper/islower/istitle), per code point, so supplementary-plane letters
 * (U+10428 DESERET SMALL LETTER LONG I) are cased like any other. Full mappings: a character's
 * lowercase and uppercase are Java's (SpecialCasing included; U+03A3 is final sigma in the
 * Final_Sigma context, handle_capital_sigma's rule); its titlecase is the simple titlecase when
 * its uppercase is one character, else its full uppercase with the rest lowercased, except where
 * SpecialCasing says otherwise (U+0149, and Greek letters with ypogegrammeni, whose iota stays a
 * subscript). Stateless. Java's character data may be of a later Unicode version than 3.11's 14.0.
 */
final class StrCase {
    private StrCase() {}

    /** str.title(): titlecase after an uncased character, lowercase after a cased one. */
    static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean prevCased = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            sb.append(prevCased ? lowerAt(s, i) : titleFull(c));
            prevCased = isCased(c);
            i += Character.charCount(c);
        }
        return sb.toString();
    }

    /** str.capitalize(): the first character in titlecase (3.8+), the rest lowercased. */
    static String capitalize(String s) {
        if (s.isEmpty()) return s;
        int first = s.codePointAt(0);
        StringBuilder sb = new StringBuilder(s.length()).append(titleFull(first));
        for (int i = Character.charCount(first); i < s.length(); ) {
            int c = s.codePointAt(i);
            sb.append(lowerAt(s, i));
            i += Character.charCount(c);
        }
        return sb.toString();
    }

    /** str.swapcase(): uppercase letters lowercased, lowercase ones uppercased, the rest kept. */
    static String swapcase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (Character.isUpperCase(c)) sb.append(lowerAt(s, i));
            else if (Character.isLowerCase(c)) sb.append(upperFull(c));
            else sb.appendCodePoint(c);
            i += Character.charCount(c);
        }
        return sb.toString();
    }

    /** str.isupper(): a cased character and no lowercase or titlecase one. */
    static boolean isUpper(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (Character.isLowerCase(c) || Character.isTitleCase(c)) return false;
            cased |= Character.isUpperCase(c);
            i += Character.charCount(c);
        }
        return cased;
    }

    /** str.islower(): a cased character and no uppercase or titlecase one. */
    static boolean isLower(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (Character.isUpperCase(c) || Character.isTitleCase(c)) return false;
            cased |= Character.isLowerCase(c);
            i += Character.charCount(c);
        }
        return cased;
    }

    /** Cased (Unicode's derived property): Lowercase, Uppercase or titlecase letter. */
    static boolean isCased(int c) {
        return Character.isLowerCase(c) || Character.isUpperCase(c) || Character.isTitleCase(c);
    }

    /** Case_Ignorable: Word_Break MidLetter, MidNumLet or Single_Quote, or category Mn, Me, Cf, Lm, Sk. */
    static boolean isCaseIgnorable(int c) {
        switch (Character.getType(c)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT, Character.MODIFIER_LETTER,
                    Character.MODIFIER_SYMBOL -> { return true; }
            default -> { }
        }
        return switch (c) {
            case 0x27, 0x2E, 0x3A, 0xB7, 0x387, 0x55F, 0x5F4, 0x2018, 0x2019, 0x2024, 0x2027, 0xFE13, 0xFE52, 0xFE55, 0xFF07,
                    0xFF0E, 0xFF1A -> true;
            default -> false;
        };
    }

    /** lower_ucs4: the full lowercase of the character at {@code i}, with final sigma by its context. */
    private static String lowerAt(String s, int i) {
        int c = s.codePointAt(i);
        if (c == 0x3A3) return finalSigma(s, i) ? "\u03c2" : "\u03c3";
        if (c < 0x80) return String.valueOf((char) (c >= 'A' && c <= 'Z' ? c + 32 : c));
        return new String(Character.toChars(c)).toLowerCase(Locale.ROOT);
    }

    /** handle_capital_sigma: a cased letter before (case-ignorables skipped), none after. */
    private static boolean finalSigma(String s, int i) {
        int j = i;
        int c = 0;
        boolean found = false;
        while (j > 0) {
            c = s.codePointBefore(j);
            j -= Character.charCount(c);
            if (!isCaseIgnorable(c)) {
                found = true;
                break;
            }
        }
        if (!found || !isCased(c)) return false;
        for (j = i + 1; j < s.length(); ) {
            c = s.codePointAt(j);
            if (!isCaseIgnorable(c)) return !isCased(c);
            j += Character.charCount(c);
        }
        return true;
    }

    private static String upperFull(int c) {
        if (c < 0x80) return String.valueOf((char) (c >= 'a' && c <= 'z' ? c - 32 : c));
        return new String(Character.toChars(c)).toUpperCase(Locale.ROOT);
    }

    /** _PyUnicode_ToTitleFull. */
    static String titleFull(int c) {
        if (c < 0x80) return upperFull(c);
        if (c == 0x149) return "\u02bcN";  // SpecialCasing: LATIN SMALL LETTER N PRECEDED BY APOSTROPHE
        String up = upperFull(c);
        int first = up.codePointAt(0);
        int n = Character.charCount(first);
        if (n == up.length()) return new String(Character.toChars(Character.toTitleCase(c)));
        if (c >= 0x1F80 && c <= 0x1FFC && up.endsWith("\u0399")) {
            // Greek with ypogegrammeni: in titlecase the iota stays a subscript (U+0345), composed where Unicode has the letter
            String base = up.substring(0, up.length() - 1);
            if (base.codePointCount(0, base.length()) > 1) return base + "\u0345";  // U+0391 U+0342 U+0345: nothing composes
            return Normalizer.normalize(base + "\u0345", Normalizer.Form.NFC);
        }
        return up.substring(0, n) + up.substring(n).toLowerCase(Locale.ROOT);
    }
}
