package dev.refheap.lang.lexer;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** CPython 3.11's UTF-8 error spans, messages and "replace" decoding (expected values from python3). */
class UndecodableBytesTest {

    private static byte[] b(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (byte) v[i];
        return out;
    }

    @Test
    void decodeErrorsAreThe311Messages() {
        assertEquals("'utf-8' codec can't decode byte 0xff in position 0: invalid start byte", UndecodableBytes.decodeError(b(0xff)));
        assertEquals("'utf-8' codec can't decode bytes in position 1-2: invalid continuation byte", UndecodableBytes.decodeError(b('a', 0xe2, 0x82, '(')));
        assertEquals("'utf-8' codec can't decode bytes in position 3-4: unexpected end of data", UndecodableBytes.decodeError(b('a', 'b', 'c', 0xe2, 0x82)));
        assertEquals("'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte", UndecodableBytes.decodeError(b(0xed, 0xa0, 0x80)));
        assertEquals("'utf-8' codec can't decode byte 0xc3 in position 2: unexpected end of data", UndecodableBytes.decodeError(b(0xc3, 0xa9, 0xc3)));
        assertEquals("'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte", UndecodableBytes.decodeError(b(0xf4, 0x90, 0x80, 0x80)));
        assertNull(UndecodableBytes.decodeError(b(0xc3, 0xa9, 'x')));
    }

    @Test
    void replaceGivesOneReplacementCharacterPerErrorSpan() {
        assertEquals("a\uFFFD(", UndecodableBytes.replaced(b('a', 0xe2, 0x82, '(')));
        assertEquals("\uFFFD\uFFFD\uFFFD", UndecodableBytes.replaced(b(0xed, 0xa0, 0x80)));
        assertEquals("\u00e9\uFFFD", UndecodableBytes.replaced(b(0xc3, 0xa9, 0xc3)));
        assertEquals("\uFFFD\uFFFD\uFFFD\uFFFD", UndecodableBytes.replaced(b(0xf4, 0x90, 0x80, 0x80)));
    }

    @Test
    void theCharsOfUndecodableBytesGiveTheFileBytesBack() {
        String text = "x = \"\u00e9" + UndecodableBytes.of(0xff) + UndecodableBytes.of(0xe2) + "\"";
        assertTrue(UndecodableBytes.any(text, 0, text.length()));
        assertFalse(UndecodableBytes.any(text, 0, 5));
        assertArrayEquals(b('x', ' ', '=', ' ', '"', 0xc3, 0xa9, 0xff, 0xe2, '"'), UndecodableBytes.raw(text, 0, text.length()));
    }

    @Test
    void astralCharLowHalfReadAsUndecodableByte() {
        // U+1F4D7 is D83D DCD7 and U+1D49C is D835 DC9C: second halves inside U+DC80..U+DCFF, not bytes
        String text = "\uD835\uDC9C = \"\uD83D\uDCD7\"";
        assertFalse(UndecodableBytes.any(text, 0, text.length()));
        assertFalse(UndecodableBytes.any(text, 1, 2), "a range starting at the second half of a pair");
        assertTrue(UndecodableBytes.any("\uDCD7x", 0, 2), "a lone one is a byte");
        assertTrue(UndecodableBytes.any("a" + UndecodableBytes.of(0xd7), 0, 2));
    }

    @Test
    void byteOffsetsBecomeCharactersOnTheShownLineWhereEachReplacementIsThreeBytes() {
        // y = "a\xffb" shown as y = "a\ufffdb": 3.11's NEWLINE column 9, +1, is 8 characters
        assertEquals(8, UndecodableBytes.charOffset("y = \"a\uFFFDb\"", 10));
        assertEquals(6, UndecodableBytes.charOffset("y = \"\uFFFD\"", 8));
        assertEquals(2, UndecodableBytes.charOffset("x\uFFFD = 3", 2), "a cut replacement character counts as one");
    }
}
