package dev.refheap.lang.ast;

import dev.refheap.lang.libm.Libm;

/**
 * A complex constant (an imaginary literal, or what constant folding makes of one), as the
 * compiler and the AST carry it; the VM turns it into a {@code complex} object. Arithmetic is
 * CPython 3.11's (Objects/complexobject.c: _Py_c_sum, _Py_c_diff, _Py_c_prod, _Py_c_quot,
 * _Py_c_pow with c_powi for small integral exponents), so a folded constant and a computed value
 * agree bit for bit.
 */
public record Complex(double real, double imag) {
    public Complex add(Complex b) { return new Complex(real + b.real, imag + b.imag); }
    public Complex sub(Complex b) { return new Complex(real - b.real, imag - b.imag); }
    public Complex mul(Complex b) { return new Complex(real * b.real - imag * b.imag, real * b.imag + imag * b.real); }
    public Complex neg() { return new Complex(-real, -imag); }

    /** a / b; null when b is zero (ZeroDivisionError). Smith's method, as _Py_c_quot. */
    public Complex div(Complex b) {
        double absBr = Math.abs(b.real), absBi = Math.abs(b.imag);
        if (absBr >= absBi) {
            if (absBr == 0.0) return null;
            double ratio = b.imag / b.real, denom = b.real + b.imag * ratio;
            return new Complex((real + imag * ratio) / denom, (imag - real * ratio) / denom);
        }
        if (absBi >= absBr) {
            double ratio = b.real / b.imag, denom = b.real * ratio + b.imag;
            return new Complex((real * ratio + imag) / denom, (imag * ratio - real) / denom);
        }
        return new Complex(Double.NaN, Double.NaN);
    }

    /** The outcome of a power: a value, or the error CPython raises. */
    public record PowResult(Complex value, String error) {}

    /** a ** b as complex_pow: an integral exponent of magnitude at most 100 multiplies, others go through polar form. */
    public PowResult pow(Complex b) {
        Complex r;
        if (b.imag == 0.0 && b.real == Math.floor(b.real) && Math.abs(b.real) <= 100.0) {
            r = powi((long) b.real);
        } else {
            r = powGeneral(b);
        }
        if (r == null) return new PowResult(null, "ZeroDivisionError:0.0 to a negative or complex power");
        if (Double.isInfinite(r.real) || Double.isInfinite(r.imag)) return new PowResult(null, "OverflowError:complex exponentiation");
        return new PowResult(r, null);
    }

    private Complex powGeneral(Complex b) {
        if (b.real == 0.0 && b.imag == 0.0) return new Complex(1.0, 0.0);
        if (real == 0.0 && imag == 0.0) {
            if (b.imag != 0.0 || b.real < 0.0) return null;
            return new Complex(0.0, 0.0);
        }
        double vabs = Libm.hypot(real, imag);
        double len = Libm.pow(vabs, b.real);
        double at = Libm.atan2(imag, real);
        double phase = at * b.real;
        if (b.imag != 0.0) {
            len /= Libm.exp(at * b.imag);
            phase += b.imag * Libm.log(vabs);
        }
        return new Complex(len * Libm.cos(phase), len * Libm.sin(phase));
    }

    private Complex powu(long n) {
        Complex r = new Complex(1.0, 0.0), p = this;
        long mask = 1;
        while (mask > 0 && n >= mask) {
            if ((n & mask) != 0) r = r.mul(p);
            mask <<= 1;
            p = p.mul(p);
        }
        return r;
    }

    private Complex powi(long n) {
        if (n > 0) return powu(n);
        Complex one = new Complex(1.0, 0.0);
        Complex q = one.div(powu(-n));
        if (q == null) return null;
        return q;
    }

    /** repr(): "1j", "(1+2j)", "(-0-1j)", "infj", "(nan+nanj)" (format 'r', no ".0" added). */
    public String repr() {
        if (real == 0.0 && Math.copySign(1.0, real) == 1.0) return part(imag, false) + "j";
        return "(" + part(real, false) + part(imag, true) + "j)";
    }

    private static String part(double d, boolean sign) {
        String s = PyRepr.dbl(d);
        if (s.endsWith(".0")) s = s.substring(0, s.length() - 2);
        if (sign && !s.startsWith("-")) s = "+" + s;
        return s;
    }
}
