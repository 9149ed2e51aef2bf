package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * Formats.insertGrouping (CPython's _PyUnicode_InsertThousandsGrouping) and NumericLocale (the C
 * locale's LC_NUMERIC conventions); the expected strings are python3's format() results.
 */
class FormatsGroupingTest {
    private static final byte[] THREES = {3}, FOURS = {4}, NONE = {};

    @Test
    void groupsFromTheRight() {
        assertEquals("1,234,567", Formats.insertGrouping("1234567", ",", THREES, 0));
        assertEquals("123", Formats.insertGrouping("123", ",", THREES, 0));
        assertEquals("12_d687", Formats.insertGrouping("12d687", "_", FOURS, 0));
    }

    @Test
    void zeroPaddingIsGroupedAndNeverStartsWithASeparator() {
        assertEquals("00,001,234", Formats.insertGrouping("1234", ",", THREES, 10));  // format(1234, '010,')
        assertEquals("0,001,234", Formats.insertGrouping("1234", ",", THREES, 8));    // format(1234, '08,'): 9 characters
        assertEquals("0,000,001", Formats.insertGrouping("1", ",", THREES, 8));       // format(1.2, '010,.2')'s digits
        assertEquals("1,234", Formats.insertGrouping("1234", ",", THREES, 2));
    }

    @Test
    void noGroupingOnlyPadsWithZeros() {
        assertEquals("00001234", Formats.insertGrouping("1234", "", NONE, 8));
        assertEquals("1234", Formats.insertGrouping("1234", "", NONE, 0));
    }

    @Test
    void aLocaleGroupingRepeatsItsLastSizeAndStopsAtCharMax() {
        assertEquals("12,34,567", Formats.insertGrouping("1234567", ",", new byte[] {3, 2}, 0));  // Indian grouping "\3\2"
        assertEquals("1234,567", Formats.insertGrouping("1234567", ",", new byte[] {3, Byte.MAX_VALUE}, 0));
    }

    @Test
    void theCLocaleHasAPointAndNoGrouping() {
        NumericLocale lc = NumericLocale.current();  // refheap's process runs LC_NUMERIC in "C" unless a program sets it
        assertEquals(".", lc.decimalPoint());
        assertEquals("", lc.thousandsSep());
        assertEquals(0, lc.grouping().length);
    }
}
