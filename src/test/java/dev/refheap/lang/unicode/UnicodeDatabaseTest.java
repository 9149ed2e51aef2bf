package dev.refheap.lang.unicode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The database's answers where ICU's data and CPython 3.11's differ in form (unassigned code
 * points, Tangut names, Hangul decompositions, lookup's case rules) and the Unicode 3.2.0 view
 * (ages, the unsupported properties, the normalization corrections, CPython's reordering and
 * composition across characters unassigned in 3.2). Expected values are CPython 3.11.7's.
 */
class UnicodeDatabaseTest {
    @Test
    void databaseLoadsInItsOwnLoaderWhereIcuIsNotOnTheClassPath() throws Exception {
        java.net.URL classes = UnicodeData.class.getProtectionDomain().getCodeSource().getLocation();
        java.net.URL icu = com.ibm.icu.lang.UCharacter.class.getProtectionDomain().getCodeSource().getLocation();
        try (var parent = new java.net.URLClassLoader(new java.net.URL[] {classes}, ClassLoader.getPlatformClassLoader());
                var loader = new UnicodeData.IcuLoader(icu, parent)) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName("com.ibm.icu.lang.UCharacter", false, parent));
            Class<?> impl = Class.forName("dev.refheap.lang.unicode.UnicodeDatabase$Impl", true, loader);
            assertEquals(loader, impl.getClassLoader());
            assertEquals(parent, Class.forName("dev.refheap.lang.unicode.UnicodeData", false, loader).getClassLoader());
            Object db = impl.getConstructor().newInstance();
            assertEquals("14.0.0.0", impl.getMethod("icuUnicodeVersion").invoke(db));
            assertEquals("LATIN SMALL LETTER A", impl.getMethod("name", int.class, boolean.class).invoke(db, 0x61, false));
        }
    }

    @Test
    void icuCarriesUnicode14() {
        assertEquals("14.0.0.0", com.ibm.icu.lang.UCharacter.getUnicodeVersion().toString());
    }

    @Test
    void unassignedCodePointsHaveCpythonsEmptyRecord() {
        for (int cp : new int[] {0x0378, 0x05FF, 0x2FE0, 0xFDD0, 0xFFFF, 0x2FFFD, 0xE0080, 0x10FFFF}) {
            assertEquals("Cn", UnicodeDatabase.category(cp, false));
            assertEquals("", UnicodeDatabase.bidirectional(cp, false));
            assertEquals("F", UnicodeDatabase.eastAsianWidth(cp, false));
            assertNull(UnicodeDatabase.name(cp, false));
        }
        assertEquals("R", UnicodeDatabase.bidirectional(0x05D0, false));
        assertEquals("W", UnicodeDatabase.eastAsianWidth(0x4E00, false));
        assertEquals("Na", UnicodeDatabase.eastAsianWidth('A', false));
    }

    @Test
    void namesAsCpythonHasThem() {
        assertNull(UnicodeDatabase.name(0x17000, false), "Tangut ideographs have no name in CPython 3.11");
        assertNull(UnicodeDatabase.name(0x0000, false));
        assertEquals("CJK UNIFIED IDEOGRAPH-4E00", UnicodeDatabase.name(0x4E00, false));
        assertEquals("HANGUL SYLLABLE GAG", UnicodeDatabase.name(0xAC01, false));
        assertEquals("LATIN CAPITAL LETTER OI", UnicodeDatabase.name(0x01A2, false), "name() is never an alias");
        assertEquals("NUSHU CHARACTER-1B170", UnicodeDatabase.name(0x1B170, false));
    }

    @Test
    void lookupCaseRules() {
        assertEquals('a', UnicodeDatabase.lookup("latin small letter a", false));
        assertEquals(0xAC00, UnicodeDatabase.lookup("HANGUL SYLLABLE GA", false));
        assertEquals(-1, UnicodeDatabase.lookup("hangul syllable ga", false));
        assertEquals(-1, UnicodeDatabase.lookup("HANGUL SYLLABLE ga", false));
        assertEquals(0x4E00, UnicodeDatabase.lookup("CJK UNIFIED IDEOGRAPH-04E00", false));
        assertEquals(-1, UnicodeDatabase.lookup("CJK UNIFIED IDEOGRAPH-4e00", false));
        assertEquals(-1, UnicodeDatabase.lookup("cjk unified ideograph-4e00", false));
        assertEquals(-1, UnicodeDatabase.lookup("CJK UNIFIED IDEOGRAPH-E000", false));
        assertEquals(-1, UnicodeDatabase.lookup("TANGUT IDEOGRAPH-17000", false));
        assertEquals(0x01A2, UnicodeDatabase.lookup("LATIN CAPITAL LETTER GHA", false), "a correction alias");
        assertEquals(-1, UnicodeDatabase.lookup("LATIN CAPITAL LETTER GHA", true), "3.2.0 has no aliases");
        assertEquals(-1, UnicodeDatabase.lookup("\u00e9", false));
        assertEquals(-1, UnicodeDatabase.lookup("LATIN  SMALL LETTER A", false));
    }

    @Test
    void decompositionsWithTheirTags() {
        assertEquals("0065 0301", UnicodeDatabase.decomposition(0xE9, false));
        assertEquals("<compat> 0066 0069", UnicodeDatabase.decomposition(0xFB01, false));
        assertEquals("<noBreak> 0020", UnicodeDatabase.decomposition(0xA0, false));
        assertEquals("<fraction> 0031 2044 0032", UnicodeDatabase.decomposition(0xBD, false));
        assertEquals("", UnicodeDatabase.decomposition(0xAC00, false), "Hangul syllables have no listed decomposition");
        assertEquals("8C48", UnicodeDatabase.decomposition(0xF900, false));
    }

    @Test
    void numericValues() {
        assertEquals(7, UnicodeDatabase.decimal(0x1D7D5, false));
        assertEquals(-1, UnicodeDatabase.decimal(0xB2, false));
        assertEquals(2, UnicodeDatabase.digit(0xB2));
        assertEquals(0.5, UnicodeDatabase.numeric(0xBD, false));
        assertEquals(1e12, UnicodeDatabase.numeric(0x5146, false));
        assertTrue(Double.isNaN(UnicodeDatabase.numeric('x', false)));
    }

    @Test
    void version32AnswersUnassignedCharactersAndRefusesChangedProperties() {
        assertTrue(UnicodeDatabase.assigned32(0x20AC));
        assertFalse(UnicodeDatabase.assigned32(0x0221));
        assertEquals("Cn", UnicodeDatabase.category(0x1B06, true));
        assertEquals("F", UnicodeDatabase.eastAsianWidth(0x1F600, true));
        assertNull(UnicodeDatabase.name(0x1F600, true));
        assertEquals(0, UnicodeDatabase.digit(0x1B50), "digit is 14.0.0's in both views");
        var e = assertThrows(UnicodeData.Unsupported.class, () -> UnicodeDatabase.mirrored(0x0F3A, true));
        assertTrue(e.getMessage().contains("ucd_3_2_0.mirrored() of U+0F3A"), e.getMessage());
        assertThrows(UnicodeData.Unsupported.class, () -> UnicodeDatabase.category(0xAA, true));
        assertThrows(UnicodeData.Unsupported.class, () -> UnicodeDatabase.bidirectional('+', true));
        assertThrows(UnicodeData.Unsupported.class, () -> UnicodeDatabase.decimal(0xB2, true));
        assertEquals(0x9FA6, UnicodeDatabase.lookup("CJK UNIFIED IDEOGRAPH-9FA6", true), "computed names are not tested for age");
        assertEquals(-1, UnicodeDatabase.lookup("GRINNING FACE", true));
    }

    @Test
    void version32Normalization() {
        assertEquals("\u1b06", UnicodeDatabase.normalize32("NFC", "\u1b05\u1b35"), "composition uses 14.0.0's pairs");
        assertEquals("\u1b06", UnicodeDatabase.normalize32("NFD", "\u1b06"), "a character unassigned in 3.2 is not decomposed");
        assertEquals("\u034d\u0304\u0351", UnicodeDatabase.normalize32("NFD", "\u0304\u0351\u034d"), "reordering uses 14.0.0's classes");
        assertEquals("\ufa70", UnicodeDatabase.normalize32("NFC", "\ufa70"));
        assertEquals(new String(Character.toChars(0x2136A)), UnicodeDatabase.normalize32("NFKC", new String(Character.toChars(0x2F868))));
        assertEquals("\u5f33", UnicodeDatabase.normalize32("NFD", new String(Character.toChars(0x2F874))));
        assertEquals("\uac01", UnicodeDatabase.normalize32("NFC", "\u1100\u1161\u11a8"));
        assertEquals("\u1e0d\u0307", UnicodeDatabase.normalize32("NFC", "\u1e0b\u0323"));
        assertEquals("\u1e0d\u0307", UnicodeDatabase.normalize32("NFC", "d\u0307\u0323"));
    }
}
