package dev.refheap.lang.ast;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The compile-time complex value: CPython's reprs and arithmetic (values from python3 3.11.7). */
class ComplexTest {
    @Test
    void reprsFollowComplexRepr() {
        assertEquals("1j", new Complex(0.0, 1.0).repr());
        assertEquals("(1+2j)", new Complex(1.0, 2.0).repr());
        assertEquals("(-0-1j)", new Complex(-0.0, -1.0).repr());
        assertEquals("-0j", new Complex(0.0, -0.0).repr());
        assertEquals("(1e+300+1e-300j)", new Complex(1e300, 1e-300).repr());
        assertEquals("(nan+infj)", new Complex(Double.NaN, Double.POSITIVE_INFINITY).repr());
    }

    @Test
    void powerOfANegativeRealGivesCPythonsDigits() {
        Complex r = new Complex(-8.0, 0.0).pow(new Complex(1.0 / 3.0, 0.0)).value();
        assertEquals("(1.0000000000000002+1.7320508075688772j)", r.repr());
        assertEquals("(-4+0j)", new Complex(0.0, 2.0).pow(new Complex(2.0, 0.0)).value().repr());
    }

    @Test
    void divisionByZeroAndZeroToNegativePowerAreErrors() {
        assertNull(new Complex(1.0, 0.0).div(new Complex(0.0, 0.0)));
        assertNotNull(new Complex(0.0, 0.0).pow(new Complex(-1.0, 0.0)).error());
        assertTrue(new Complex(1e200, 1e200).pow(new Complex(2.5, 0.0)).error().startsWith("OverflowError"));
        assertEquals("(nan+nanj)", new Complex(1e200, 1e200).pow(new Complex(2.0, 0.0)).value().repr());
    }
}
