package dev.refheap.object;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The Java form of lone surrogates: escapes in unassigned plane 13, never pairing. */
class SurrogateEscapesTest {

    @Test
    void everySurrogateHasASupplementaryEscapeAndBack() {
        for (int cp = 0xD800; cp <= 0xDFFF; cp++) {
            String s = SurrogateEscapes.of(cp);
            assertEquals(1, s.codePointCount(0, s.length()));
            assertTrue(SurrogateEscapes.isEscape(s.codePointAt(0)));
            assertEquals(cp, SurrogateEscapes.toPython(s.codePointAt(0)));
            assertEquals(String.valueOf((char) cp), SurrogateEscapes.toRaw(s));
            assertTrue(SurrogateEscapes.hasEscape("ab" + s));
        }
    }

    @Test
    void otherCodePointsAreThemselves() {
        for (int cp : new int[] {0, 'a', 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0xDD7FF, 0xDE000, 0x10FFFF}) {
            assertEquals(cp, SurrogateEscapes.toJava(cp));
            assertEquals(cp, SurrogateEscapes.toPython(cp));
            assertFalse(SurrogateEscapes.hasEscape(Character.toString(cp)));
        }
        assertSame("plain", SurrogateEscapes.toRaw("plain"));
    }

    @Test
    void aRealCodePointInTheEscapeRangeIsRefused() {
        assertEquals(0xDD7FF, SurrogateEscapes.checked(0xDD7FF));
        PyError e = assertThrows(PyError.class, () -> SurrogateEscapes.checked(0xDD800));
        assertEquals("NotImplementedError", e.pythonType());
        assertTrue(e.getMessage().startsWith("refheap does not support"));
    }

    @Test
    void escapesNeverPairWhenConcatenated() {
        String s = SurrogateEscapes.of(0xD800) + SurrogateEscapes.of(0xDC00);
        assertEquals(2, s.codePointCount(0, s.length()));
        StringBuilder sb = new StringBuilder();
        SurrogateEscapes.append(sb, 0xDBFF);
        SurrogateEscapes.append(sb, 0xDFFF);
        assertEquals(2, sb.codePoints().count());
    }
}
