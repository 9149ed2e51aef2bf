package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** StrCase: 3.11's case methods per code point (values checked against python3). */
class StrCaseTest {
    @Test
    void supplementaryPlaneLettersAreCased() {
        assertEquals("\uD801\uDC00", StrCase.title("\uD801\uDC28"));        // '\U00010428'.title() == '\U00010400'
        assertEquals("\uD801\uDC00", StrCase.swapcase("\uD801\uDC28"));
        assertEquals("\uD801\uDC28", StrCase.swapcase("\uD801\uDC00"));
        assertEquals("\uD801\uDC00a", StrCase.title("\uD801\uDC28A"));
        assertTrue(StrCase.isLower("\uD801\uDC28"));
        assertTrue(StrCase.isUpper("\uD801\uDC00"));
    }

    @Test
    void titlecaseAndFullMappings() {
        assertEquals("\u01c5a", StrCase.title("\u01c6A"));
        assertEquals("\u01c5a", StrCase.capitalize("\u01c6a"));
        assertEquals("Ss", StrCase.title("\u00df"));
        assertEquals("SS", StrCase.swapcase("\u00df"));
        assertEquals("\u02bcN", StrCase.title("\u0149"));
        assertEquals("Fire", StrCase.title("\ufb01re"));
        assertEquals("\u1f88", StrCase.title("\u1f80"));
        assertEquals("\u1fba\u0345", StrCase.title("\u1fb2"));
        assertEquals("\u0391\u0342\u0345", StrCase.title("\u1fb7"));
        assertFalse(StrCase.isUpper("\u01c5"));
        assertFalse(StrCase.isLower("\u01c5"));
    }

    @Test
    void capitalSigmaIsFinalByItsContext() {
        assertEquals("\u0391\u03c2", StrCase.title("\u0391\u03a3"));
        assertEquals("\u0391\u03c3\u03b1", StrCase.title("\u0391\u03a3\u0391"));
        assertEquals("\u03c3", StrCase.swapcase("\u03a3"));
        assertEquals("\u03b1\u03c2.", StrCase.swapcase("\u0391\u03a3."));
        assertEquals("\u0391'\u03c2", StrCase.capitalize("\u0391'\u03a3"));
    }
}
