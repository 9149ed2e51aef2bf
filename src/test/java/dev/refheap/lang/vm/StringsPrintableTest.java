package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.refheap.lang.unicode.UnicodeData;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * str.isprintable and repr answer from Unicode 14.0.0 as CPython 3.11 does, not from Java's newer
 * data: below {@link Strings#FIRST_PRINTABLE_AFTER_14} Java's answer is kept, which holds only if
 * the two agree there; every code point is checked against the 14.0.0 database.
 */
class StringsPrintableTest {
    private static final Set<String> NOT_PRINTABLE = Set.of("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs");

    private static boolean printable14(int cp) {
        return cp == ' ' || !NOT_PRINTABLE.contains(UnicodeData.get().category(cp, false));
    }

    @Test
    void everyCodePointIsPrintableAsInUnicode14() {
        for (int cp = 0; cp <= 0x10ffff; cp++) {
            if (cp >= 0xd800 && cp < 0xe000) continue;
            if (printable14(cp) != Strings.isPrintable(cp)) assertEquals(printable14(cp), Strings.isPrintable(cp), "U+" + Integer.toHexString(cp));
        }
    }

    @Test
    void bug_reprOfAUnicode15CharacterWasNotEscaped() {
        // U+1F6DC (WIRELESS) was assigned in Unicode 15.0: CPython 3.11's repr escapes it
        assertFalse(Strings.isPrintable(0x1f6dc));
        assertFalse(Strings.isPrintable(0x897));
        assertEquals(false, printable14(0x897));
    }
}
