package dev.refheap.lang.vm;

import dev.refheap.lang.ast.FloatPow;

import dev.refheap.lang.bytecode.BinaryOp;
import dev.refheap.object.FloatType;
import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import dev.refheap.object.PyType;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Arithmetic on int, bool and float with Python's semantics: arbitrary-precision ints (a long
 * fast path, BigInteger past it), floor division and modulo rounding toward negative infinity,
 * true division to float, int ** negative int to float, and CPython's error messages.
 */
final class Numbers {
    private Numbers() {}

    static boolean isNumber(PyType t, Heap heap) { return t instanceof IntType || t == heap.floats; }

    /** a op b for numbers (new reference), or 0 if either operand is not a number. */
    static long binary(Runtime rt, BinaryOp op, long a, long b) {
        return binary(rt, op, a, b, rt.heap.typeOf(a), rt.heap.typeOf(b));
    }

    /**
     * As {@link #binary(Runtime, BinaryOp, long, long)} with {@code ta} and {@code tb} the types whose
     * number slots apply (an int or float subclass's instance that does not define the operator
     * has its base's; the result is of the base type).
     */
    static long binary(Runtime rt, BinaryOp op, long a, long b, PyType ta, PyType tb) {
        Heap heap = rt.heap;
        if (!isNumber(ta, heap) || !isNumber(tb, heap)) return 0;
        if (ta == heap.bools && tb == heap.bools && (op == BinaryOp.AND || op == BinaryOp.OR || op == BinaryOp.XOR)) {
            // bool_and, bool_or, bool_xor: two bools give a bool
            boolean x = a == heap.True, y = b == heap.True;
            return heap.bools.of(op == BinaryOp.AND ? x & y : op == BinaryOp.OR ? x | y : x ^ y);
        }
        if (ta != heap.floats && tb != heap.floats) return intOp(rt, op, a, b);
        if (op == BinaryOp.AND || op == BinaryOp.OR || op == BinaryOp.XOR || op == BinaryOp.LSHIFT || op == BinaryOp.RSHIFT
                || op == BinaryOp.MATRIX_MULTIPLY) {
            return 0;
        }
        double x = ta == heap.floats ? FloatType.value(a) : toDouble(rt, a), y = tb == heap.floats ? FloatType.value(b) : toDouble(rt, b);
        if (op == BinaryOp.POWER && FloatPow.complexResult(x, y)) {
            // float_pow: a negative number to a fractional power becomes complex
            return rt.complexType.power(new dev.refheap.lang.ast.Complex(x, 0.0), new dev.refheap.lang.ast.Complex(y, 0.0));
        }
        return heap.floats.of(floatOp(rt, op, x, y));
    }

    static double toDouble(Runtime rt, long o) {
        if (rt.ops.baseView(o) == rt.heap.floats) return FloatType.value(o);
        if (IntType.fitsLong(o)) return IntType.asLong(o);
        double d = IntType.toBig(o).doubleValue();
        if (Double.isInfinite(d)) throw rt.error("OverflowError", "int too large to convert to float");
        return d;
    }

    private static double floatOp(Runtime rt, BinaryOp op, double x, double y) {
        switch (op) {
            case ADD: return x + y;
            case SUBTRACT: return x - y;
            case MULTIPLY: return x * y;
            case TRUE_DIVIDE:
                if (y == 0) throw rt.error("ZeroDivisionError", "float division by zero");
                return x / y;
            case FLOOR_DIVIDE:
                if (y == 0) throw rt.error("ZeroDivisionError", "float floor division by zero");
                return NumberBuiltins.floatDivmod(x, y)[0];
            case REMAINDER: {
                if (y == 0) throw rt.error("ZeroDivisionError", "float modulo");
                double m = x % y;
                if (m != 0 && ((m < 0) != (y < 0))) m += y;
                return m == 0 ? Math.copySign(0.0, y) : m;
            }
            case POWER: {
                if (FloatPow.zeroToNegative(x, y)) throw rt.error("ZeroDivisionError", "0.0 cannot be raised to a negative power");
                double r = FloatPow.value(x, y);
                if (Double.isInfinite(r) && Double.isFinite(x) && Double.isFinite(y)) {
                    throw rt.error("OverflowError", "(34, 'Numerical result out of range')");
                }
                return r;
            }
            default: throw new IllegalStateException(op.name());
        }
    }

    private static long intOp(Runtime rt, BinaryOp op, long a, long b) {
        Heap heap = rt.heap;
        if (IntType.fitsLong(a) && IntType.fitsLong(b)) {
            long x = IntType.asLong(a), y = IntType.asLong(b);
            try {
                switch (op) {
                    case ADD: return heap.ints.of(Math.addExact(x, y));
                    case SUBTRACT: return heap.ints.of(Math.subtractExact(x, y));
                    case MULTIPLY: return heap.ints.of(Math.multiplyExact(x, y));
                    case FLOOR_DIVIDE:
                        if (y == 0) throw rt.error("ZeroDivisionError", "integer division or modulo by zero");
                        if (x == Long.MIN_VALUE && y == -1) break;
                        return heap.ints.of(Math.floorDiv(x, y));
                    case REMAINDER:
                        if (y == 0) throw rt.error("ZeroDivisionError", "integer modulo by zero");
                        return heap.ints.of(Math.floorMod(x, y));
                    case AND: return heap.ints.of(x & y);
                    case OR: return heap.ints.of(x | y);
                    case XOR: return heap.ints.of(x ^ y);
                    case TRUE_DIVIDE:
                        if (y == 0) throw rt.error("ZeroDivisionError", "division by zero");
                        if (Math.abs(x) < (1L << 53) && Math.abs(y) < (1L << 53)) return heap.floats.of((double) x / y);
                        break;
                    default:
                }
            } catch (ArithmeticException overflow) {
                // fall through to BigInteger
            }
        }
        BigInteger x = IntType.toBig(a), y = IntType.toBig(b);
        switch (op) {
            case ADD: return heap.ints.of(x.add(y));
            case SUBTRACT: return heap.ints.of(x.subtract(y));
            case MULTIPLY: return heap.ints.of(x.multiply(y));
            case AND: return heap.ints.of(x.and(y));
            case OR: return heap.ints.of(x.or(y));
            case XOR: return heap.ints.of(x.xor(y));
            case FLOOR_DIVIDE: {
                if (y.signum() == 0) throw rt.error("ZeroDivisionError", "integer division or modulo by zero");
                return heap.ints.of(floorDiv(x, y));
            }
            case REMAINDER: {
                if (y.signum() == 0) throw rt.error("ZeroDivisionError", "integer modulo by zero");
                return heap.ints.of(x.subtract(floorDiv(x, y).multiply(y)));
            }
            case TRUE_DIVIDE: {
                if (y.signum() == 0) throw rt.error("ZeroDivisionError", "division by zero");
                double r = trueDivide(x, y);
                if (Double.isNaN(r)) throw rt.error("OverflowError", "integer division result too large for a float");
                return heap.floats.of(r);
            }
            case LSHIFT: {
                if (y.signum() < 0) throw rt.error("ValueError", "negative shift count");
                if (x.signum() == 0) return heap.ints.of(0);  // long_lshift: zero without sizing anything
                if (y.bitLength() > 31 || (long) x.bitLength() + y.longValue() > Integer.MAX_VALUE - 64) throw hugeShift(rt, x, y);
                return heap.ints.of(x.shiftLeft(y.intValue()));
            }
            case RSHIFT: {
                if (y.signum() < 0) throw rt.error("ValueError", "negative shift count");
                return heap.ints.of(y.bitLength() > 31 ? (x.signum() < 0 ? BigInteger.ONE.negate() : BigInteger.ZERO) : x.shiftRight(y.intValue()));
            }
            case POWER: {
                if (y.signum() < 0) {
                    if (x.signum() == 0) throw rt.error("ZeroDivisionError", "0.0 cannot be raised to a negative power");
                    return heap.floats.of(floatOp(rt, BinaryOp.POWER, toDouble(rt, a), toDouble(rt, b)));  // long_pow hands a negative exponent to float_pow
                }
                if (y.bitLength() > 31) throw rt.error("OverflowError", "exponent too large");
                return heap.ints.of(pow(rt, x, y.intValue()));
            }
            default: return 0;
        }
    }

    /** Pointer-size facts of 3.11's 64-bit PyLongObject: 30-bit digits, the most _PyLong_New makes. */
    private static final BigInteger DIGIT_BITS = BigInteger.valueOf(30), MAX_LONG_DIGITS = BigInteger.valueOf((Long.MAX_VALUE - 24) / 4),
            MAX_WORDSHIFT = BigInteger.valueOf(Long.MAX_VALUE / 4);

    /**
     * A left shift whose result has more bits than refheap's ints hold: 3.11's divmod_shift and
     * _PyLong_New decide between OverflowError "too many digits in integer" (more digits than a
     * PyLongObject can have) and the MemoryError of an allocation no machine makes.
     */
    private static PyException hugeShift(Runtime rt, BigInteger x, BigInteger y) {
        BigInteger[] wr = y.divideAndRemainder(DIGIT_BITS);
        BigInteger wordshift = wr[0], rem = wr[1];
        if (wordshift.compareTo(MAX_WORDSHIFT) >= 0) {  // clipped
            wordshift = MAX_WORDSHIFT;
            rem = BigInteger.ZERO;
        }
        long oldsize = (x.abs().bitLength() + 29) / 30;
        BigInteger newsize = wordshift.add(BigInteger.valueOf(oldsize + (rem.signum() != 0 ? 1 : 0)));
        if (newsize.compareTo(MAX_LONG_DIGITS) > 0) return rt.error("OverflowError", "too many digits in integer");
        return rt.error("MemoryError", null);
    }

    /**
     * x / y correctly rounded (long_true_divide; y nonzero), NaN standing for the OverflowError: a
     * quotient of DBL_MANT_DIG + 2 or 3 bits (fewer where the result is subnormal) with a sticky bit
     * for what the division and shift dropped, rounded half to even, then scaled, so there is one
     * rounding. (BigDecimal's 34 digits then doubleValue rounded twice.)
     */
    static double trueDivide(BigInteger x, BigInteger y) {
        final int mantDig = 53, maxExp = 1024, minExp = -1021;
        boolean negate = (x.signum() < 0) != (y.signum() < 0);  // 0 / -y is -0.0
        BigInteger a = x.abs(), b = y.abs();
        if (a.signum() == 0) return negate ? -0.0 : 0.0;
        if (a.bitLength() <= mantDig && b.bitLength() <= mantDig) {
            double r = a.doubleValue() / b.doubleValue();  // both exact: IEEE division rounds once
            return negate ? -r : r;
        }
        long diff = (long) a.bitLength() - b.bitLength();
        if (diff > maxExp) return Double.NaN;
        if (diff < minExp - mantDig - 1) return negate ? -0.0 : 0.0;
        int shift = (int) Math.max(diff, minExp) - mantDig - 2;
        boolean inexact = false;
        BigInteger q;
        if (shift <= 0) {
            q = a.shiftLeft(-shift);
        } else {
            q = a.shiftRight(shift);
            inexact = a.getLowestSetBit() < shift;
        }
        BigInteger[] qr = q.divideAndRemainder(b);
        q = qr[0];
        if (qr[1].signum() != 0) inexact = true;
        int qBits = q.bitLength();
        int extra = Math.max(qBits, minExp - shift) - mantDig;  // 2 or 3 bits to round away
        long mask = 1L << (extra - 1);
        long low = q.longValue() & (4 * mask - 1) | (inexact ? 1 : 0);
        if ((low & mask) != 0 && (low & (3 * mask - 1)) != 0) q = q.add(BigInteger.valueOf(mask));
        q = q.andNot(BigInteger.valueOf(2 * mask - 1));
        double dq = q.doubleValue();  // exact: at most DBL_MANT_DIG + 1 significant bits
        if (shift + qBits >= maxExp && (shift + qBits > maxExp || dq == Math.scalb(1.0, qBits))) return Double.NaN;
        double r = Math.scalb(dq, shift);
        return negate ? -r : r;
    }

    /** Results up to this many bits are computed by BigInteger.pow at once (well under a millisecond). */
    private static final long POW_AT_ONCE_BITS = 1 << 20;

    /**
     * x ** n for n >= 0. A large result is built by left-to-right binary exponentiation (a
     * squaring per bit of n, then a multiply by the small x), checking for an interrupt between
     * steps, so Ctrl-C or a trace's time limit ends a power like 10**10**8 within one squaring
     * instead of after all of it; only Java BigIntegers exist until the end, so raising there
     * leaves the heap untouched. Same result as BigInteger.pow, which this beats for a small
     * base (its last step multiplies two large numbers).
     */
    static BigInteger pow(Runtime rt, BigInteger x, int n) {
        int shift = x.signum() == 0 ? 0 : x.getLowestSetBit();
        BigInteger odd = x.shiftRight(shift);
        if ((long) x.bitLength() * n <= POW_AT_ONCE_BITS || odd.abs().equals(BigInteger.ONE)) return x.pow(n);
        BigInteger r = odd;
        for (int bit = 30 - Integer.numberOfLeadingZeros(n); bit >= 0; bit--) {
            rt.checkInterrupt();
            r = r.multiply(r);
            if ((n >>> bit & 1) != 0) r = r.multiply(odd);
        }
        rt.checkInterrupt();
        return r.shiftLeft(Math.multiplyExact(shift, n));
    }

    static BigInteger floorDiv(BigInteger x, BigInteger y) {
        BigInteger[] qr = x.divideAndRemainder(y);
        if (qr[1].signum() != 0 && (qr[1].signum() != y.signum())) return qr[0].subtract(BigInteger.ONE);
        return qr[0];
    }

    /** Three-way comparison of two numbers. */
    static int compare(long a, long b, boolean aFloat, boolean bFloat) {
        if (!aFloat && !bFloat) {
            if (IntType.fitsLong(a) && IntType.fitsLong(b)) return Long.compare(IntType.asLong(a), IntType.asLong(b));
            return IntType.toBig(a).compareTo(IntType.toBig(b));
        }
        if (aFloat && bFloat) return Double.compare(FloatType.value(a), FloatType.value(b)) == 0 ? 0 : FloatType.value(a) < FloatType.value(b) ? -1 : 1;
        double f = aFloat ? FloatType.value(a) : FloatType.value(b);
        long i = aFloat ? b : a;
        int c;
        if (Double.isInfinite(f)) c = f > 0 ? 1 : -1;
        else c = new BigDecimal(f).compareTo(new BigDecimal(IntType.toBig(i)));
        return aFloat ? c : -c;
    }
}
