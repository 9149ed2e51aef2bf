package dev.refheap.lang.modules.sre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The code validator and the character classes, without a runtime. */
class ValidatorCharsTest {
    // re._compiler's code for '(a)(b)' and '(?:ab|c)*' (CPython 3.11.7)
    static final int[] AB = {14, 10, 1, 2, 2, 2, 0, 97, 98, 0, 0, 17, 0, 16, 97, 17, 1, 17, 2, 16, 98, 17, 3, 1};
    static final int[] REPEAT = {14, 4, 0, 0, -1, 23, 17, 0, -1, 7, 7, 16, 97, 16, 98, 15, 7, 5, 16, 99, 15, 2, 0, 18, 1};

    @Test
    void compilerOutputIsValid() {
        assertTrue(Validator.valid(AB, 2));
        assertTrue(Validator.valid(REPEAT, 0));
    }

    @Test
    void groupsMustCoverTheMarks() {
        assertFalse(Validator.valid(AB, 1));
    }

    @Test
    void aRepeatMustCloseWithAnUntil() {
        int[] broken = REPEAT.clone();
        broken[23] = 1;  // MAX_UNTIL -> SUCCESS
        assertFalse(Validator.valid(broken, 0));
    }

    @Test
    void skipsMustMoveForwardInside() {
        int[] zero = REPEAT.clone();
        zero[6] = 0;
        assertFalse(Validator.valid(zero, 0));
        int[] past = REPEAT.clone();
        past[6] = 1000;
        assertFalse(Validator.valid(past, 0));
        assertFalse(Validator.valid(new int[] {15, 0, 1}, 0));
    }

    @Test
    void codeEndsWithSuccess() {
        assertFalse(Validator.valid(new int[0], 0));
        assertFalse(Validator.valid(new int[] {16, 97}, 0));
        assertTrue(Validator.valid(new int[] {16, 97, 1}, 0));
    }

    @Test
    void categoriesFollowStrMethods() {
        assertTrue(Chars.category(Chars.UNI_DIGIT, '\u0663'));      // ARABIC-INDIC DIGIT THREE: isdecimal
        assertFalse(Chars.category(Chars.DIGIT, '\u0663'));
        assertTrue(Chars.category(Chars.UNI_WORD, '\u00e9'));
        assertFalse(Chars.category(Chars.WORD, '\u00e9'));
        assertTrue(Chars.category(Chars.UNI_SPACE, 0x1c));          // str.isspace, not C isspace
        assertFalse(Chars.category(Chars.SPACE, 0x1c));
        assertTrue(Chars.category(Chars.UNI_LINEBREAK, 0x2028));
        assertFalse(Chars.category(Chars.LINEBREAK, '\r'));
        assertTrue(Chars.category(Chars.UNI_NOT_WORD, '-'));
    }

    @Test
    void caseMaps() {
        assertEquals('k', Chars.lowerUnicode(0x212a));             // KELVIN SIGN
        assertEquals(0x212a, Chars.lowerAscii(0x212a));
        assertTrue(Chars.unicodeIscased(0x212a));
        assertFalse(Chars.asciiIscased(0xe9));
        assertTrue(Chars.locIgnore('a', 'A'));
        assertFalse(Chars.locIgnore(0xe9, 0xc9));                  // the C locale folds ASCII only
    }
}
