package dev.refheap.lang.modules.sre;

/**
 * The character predicates and case maps of CPython 3.11's regular-expression engine: the ASCII
 * ones (the default for bytes patterns and re.ASCII), the "locale" ones (C locale: ASCII rules
 * for code points below 256, nothing above) and the Unicode ones (str patterns), with the
 * category codes of {@code re._constants.CHCODES}. Unicode data is Java's, which follows a newer
 * Unicode version than CPython 3.11's 14.0; characters added since may classify differently.
 */
final class Chars {
    private Chars() {}

    // CHCODES, in re._constants order
    static final int DIGIT = 0, NOT_DIGIT = 1, SPACE = 2, NOT_SPACE = 3, WORD = 4, NOT_WORD = 5, LINEBREAK = 6,
            NOT_LINEBREAK = 7, LOC_WORD = 8, LOC_NOT_WORD = 9, UNI_DIGIT = 10, UNI_NOT_DIGIT = 11, UNI_SPACE = 12,
            UNI_NOT_SPACE = 13, UNI_WORD = 14, UNI_NOT_WORD = 15, UNI_LINEBREAK = 16, UNI_NOT_LINEBREAK = 17;

    static boolean isDigit(int ch) { return ch >= '0' && ch <= '9'; }

    static boolean isSpace(int ch) { return ch == ' ' || ch >= 9 && ch <= 13; }

    static boolean isAsciiAlnum(int ch) { return ch < 128 && (isDigit(ch) || (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'); }

    static boolean isWord(int ch) { return isAsciiAlnum(ch) || ch == '_'; }

    static boolean isLinebreak(int ch) { return ch == '\n'; }

    /** str.isdecimal for one character. */
    static boolean uniDigit(int ch) { return Character.getType(ch) == Character.DECIMAL_DIGIT_NUMBER; }

    /** str.isspace for one character (bidirectional class WS, B or S, or category Zs). */
    static boolean uniSpace(int ch) {
        return switch (ch) {
            case '\t', '\n', 0x0B, '\f', '\r', 0x1C, 0x1D, 0x1E, 0x1F, ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029,
                 0x202F, 0x205F, 0x3000 -> true;
            default -> ch >= 0x2000 && ch <= 0x200A;
        };
    }

    /** str.isalnum for one character, or '_'. */
    static boolean uniWord(int ch) {
        if (ch < 128) return isWord(ch);
        if (Character.isLetter(ch)) return true;
        int t = Character.getType(ch);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    /** str.splitlines' line boundaries. */
    static boolean uniLinebreak(int ch) {
        return ch == '\n' || ch == 0x0B || ch == 0x0C || ch == '\r' || ch == 0x1C || ch == 0x1D || ch == 0x1E
                || ch == 0x85 || ch == 0x2028 || ch == 0x2029;
    }

    static boolean locWord(int ch) { return ch <= 255 && isWord(ch); }

    static boolean category(int code, int ch) {
        return switch (code) {
            case DIGIT -> isDigit(ch);
            case NOT_DIGIT -> !isDigit(ch);
            case SPACE -> isSpace(ch);
            case NOT_SPACE -> !isSpace(ch);
            case WORD -> isWord(ch);
            case NOT_WORD -> !isWord(ch);
            case LINEBREAK -> isLinebreak(ch);
            case NOT_LINEBREAK -> !isLinebreak(ch);
            case LOC_WORD -> locWord(ch);
            case LOC_NOT_WORD -> !locWord(ch);
            case UNI_DIGIT -> uniDigit(ch);
            case UNI_NOT_DIGIT -> !uniDigit(ch);
            case UNI_SPACE -> uniSpace(ch);
            case UNI_NOT_SPACE -> !uniSpace(ch);
            case UNI_WORD -> uniWord(ch);
            case UNI_NOT_WORD -> !uniWord(ch);
            case UNI_LINEBREAK -> uniLinebreak(ch);
            case UNI_NOT_LINEBREAK -> !uniLinebreak(ch);
            default -> false;
        };
    }

    static int lowerAscii(int ch) { return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch; }

    static int upperAscii(int ch) { return ch >= 'a' && ch <= 'z' ? ch - 32 : ch; }

    /** The C locale's tolower/toupper below 256 (ASCII letters only); other code points unchanged. */
    static int lowerLocale(int ch) { return ch < 256 ? lowerAscii(ch) : ch; }

    static int upperLocale(int ch) { return ch < 256 ? upperAscii(ch) : ch; }

    static int lowerUnicode(int ch) { return ch < 128 ? lowerAscii(ch) : Character.toLowerCase(ch); }

    static int upperUnicode(int ch) { return ch < 128 ? upperAscii(ch) : Character.toUpperCase(ch); }

    static boolean asciiIscased(int ch) { return ch < 128 && (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'; }

    static boolean unicodeIscased(int ch) { return ch != lowerUnicode(ch) || ch != upperUnicode(ch); }

    /** char_loc_ignore: {@code ch} equals {@code pattern} as is, lowered or uppered. */
    static boolean locIgnore(int pattern, int ch) {
        return ch == pattern || lowerLocale(ch) == pattern || upperLocale(ch) == pattern;
    }
}
