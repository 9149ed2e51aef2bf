package dev.refheap.lang.ast;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** repr() of floats and strings, expected values from CPython 3.11. */
class PyReprTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.0|1.0", "0.1|0.1", "1e16|1e+16", "1e15|1000000000000000.0", "0.0001|0.0001", "0.00001|1e-05",
        "4.9e-324|5e-324", "1.7976931348623157e308|1.7976931348623157e+308", "123456789.123456789|123456789.12345679",
        "0.30000000000000004|0.30000000000000004", "2.5e-5|2.5e-05", "-0.0|-0.0", "1.5e300|1.5e+300"})
    void floatReprIsShortestRoundTrip(double d, String expected) {
        assertEquals(expected, PyRepr.dbl(d));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "abc|'abc'", "it's|\"it's\"", "`a'b\"c`|`'a\\'b\"c'`", "`tab\there`|`'tab\\there'`", "é|'é'",
        "`\u200b`|`'\\u200b'`", "`\u00a0`|`'\\xa0'`", "`\u007f`|`'\\x7f'`"})
    void strRepr(String s, String expected) {
        assertEquals(expected, PyRepr.str(s));
    }
}
