package dev.refheap.lang.compiler;

import dev.refheap.lang.ast.Complex;
import dev.refheap.lang.ast.FloatPow;

import dev.refheap.lang.ast.Operator;
import dev.refheap.lang.ast.Special;
import dev.refheap.lang.ast.UnaryOperator;
import dev.refheap.lang.bytecode.CodeUnit.ConstTuple;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Python semantics of the operations CPython 3.11's AST optimizer ({@code Python/ast_opt.c}) folds
 * at compile time, on constant values ({@code Long}/{@code BigInteger} ints, {@code Boolean},
 * {@code Double}, {@code String}, {@code byte[]}, {@link ConstTuple}, {@link Special}).
 *
 * <p>Every method returns the result, or {@code null} where CPython would not fold: when the
 * operation raises (TypeError, ZeroDivisionError, OverflowError, IndexError...) or when the result
 * would exceed ast_opt's size limits (ints of more than 128 bits from {@code *}, {@code **},
 * {@code <<}; strings/bytes over 4096 items and tuples over 256 items from repetition). Stateless.
 */
final class ConstOps {
    private static final int MAX_INT_SIZE = 128;
    private static final int MAX_COLLECTION_SIZE = 256;
    private static final int MAX_STR_SIZE = 4096;
    private static final int MAX_TOTAL_ITEMS = 1024;

    private ConstOps() {}

    // ---------------------------------------------------------------- value helpers

    static boolean isInt(Object v) {
        return v instanceof Long || v instanceof BigInteger || v instanceof Boolean;
    }

    static BigInteger big(Object v) {
        return switch (v) {
            case Long l -> BigInteger.valueOf(l);
            case BigInteger b -> b;
            case Boolean b -> b ? BigInteger.ONE : BigInteger.ZERO;
            default -> throw new IllegalArgumentException(String.valueOf(v));
        };
    }

    /** An int result as a Long when it fits. */
    static Object intValue(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    /** float(v) for an int or float, or null on OverflowError. */
    private static Double toDouble(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        double d = big(v).doubleValue();
        return Double.isInfinite(d) ? null : d;
    }

    /** Python truthiness of a constant. */
    static boolean truthy(Object v) {
        return switch (v) {
            case Boolean b -> b;
            case Long l -> l != 0;
            case BigInteger b -> b.signum() != 0;
            case Double d -> d != 0.0;
            case Complex c -> c.real() != 0.0 || c.imag() != 0.0;
            case String s -> !s.isEmpty();
            case byte[] b -> b.length > 0;
            case ConstTuple t -> !t.items().isEmpty();
            case Special s -> s != Special.None;
            default -> true;
        };
    }

    static int strLength(String s) {
        return s.codePointCount(0, s.length());
    }

    /** A frozenset constant of these items, later duplicates (by Python equality) dropped. */
    static dev.refheap.lang.bytecode.CodeUnit.ConstFrozenset frozenset(List<Object> items) {
        List<Object> out = new ArrayList<>();
        for (Object x : items) {
            if (out.stream().noneMatch(y -> pyEquals(x, y))) {
                out.add(x);
            }
        }
        return new dev.refheap.lang.bytecode.CodeUnit.ConstFrozenset(List.copyOf(out));
    }

    /** Python's == between constants (numbers by value across int/bool/float). */
    static boolean pyEquals(Object a, Object b) {
        if ((a instanceof Complex || b instanceof Complex) && isNumber(a) && isNumber(b)) {
            Complex x = toComplex(a), y = toComplex(b);
            return x != null && y != null && x.real() == y.real() && x.imag() == y.imag();
        }
        if ((isInt(a) || a instanceof Double) && (isInt(b) || b instanceof Double)) {
            if (isInt(a) && isInt(b)) {
                return big(a).equals(big(b));
            }
            double x = a instanceof Double d ? d : big(a).doubleValue();
            double y = b instanceof Double d ? d : big(b).doubleValue();
            return x == y;
        }
        if (a instanceof ConstTuple s && b instanceof ConstTuple t) {
            if (s.items().size() != t.items().size()) {
                return false;
            }
            for (int i = 0; i < s.items().size(); i++) {
                if (!pyEquals(s.items().get(i), t.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        return ConstCache.same(a, b);
    }

    // ---------------------------------------------------------------- unary

    static Object unary(UnaryOperator op, Object v) {
        if (op == UnaryOperator.Not) {
            return !truthy(v);
        }
        if (v instanceof Complex c) {
            return switch (op) {
                case USub -> c.neg();
                case UAdd -> c;
                default -> null;
            };
        }
        if (v instanceof Double d) {
            return switch (op) {
                case USub -> -d;
                case UAdd -> d;
                default -> null;
            };
        }
        if (!isInt(v)) {
            return null;
        }
        BigInteger b = big(v);
        return switch (op) {
            case USub -> intValue(b.negate());
            case UAdd -> intValue(b);
            case Invert -> intValue(b.not());
            default -> null;
        };
    }

    // ---------------------------------------------------------------- binary

    static Object binary(Operator op, Object a, Object b) {
        if ((a instanceof Complex || b instanceof Complex) && isNumber(a) && isNumber(b)) {
            Complex x = toComplex(a), y = toComplex(b);
            return x == null || y == null ? null : complexOp(op, x, y);
        }
        if (isInt(a) && isInt(b)) {
            return intOp(op, a, b);
        }
        if ((a instanceof Double || isInt(a)) && (b instanceof Double || isInt(b))) {
            Double x = toDouble(a);
            Double y = toDouble(b);
            return x == null || y == null ? null : floatOp(op, x, y);
        }
        return switch (op) {
            case Add -> concat(a, b);
            case Mult -> isInt(a) ? repeat(b, a) : isInt(b) ? repeat(a, b) : null;
            default -> null;
        };
    }

    private static Object intOp(Operator op, Object a, Object b) {
        BigInteger x = big(a);
        BigInteger y = big(b);
        boolean bools = a instanceof Boolean && b instanceof Boolean;
        return switch (op) {
            case Add -> intValue(x.add(y));
            case Sub -> intValue(x.subtract(y));
            case Mult -> x.signum() != 0 && y.signum() != 0 && x.bitLength() + y.bitLength() > MAX_INT_SIZE
                    ? null : intValue(x.multiply(y));
            case Div -> trueDivide(x, y);
            case FloorDiv -> y.signum() == 0 ? null : intValue(floorDiv(x, y));
            case Mod -> y.signum() == 0 ? null : intValue(x.subtract(floorDiv(x, y).multiply(y)));
            case Pow -> power(x, y);
            case LShift -> lshift(x, y);
            case RShift -> y.signum() < 0 ? null : intValue(y.bitLength() > 31
                    ? (x.signum() < 0 ? BigInteger.ONE.negate() : BigInteger.ZERO) : x.shiftRight(y.intValue()));
            case BitAnd -> bools ? (Object) ((Boolean) a & (Boolean) b) : intValue(x.and(y));
            case BitOr -> bools ? (Object) ((Boolean) a | (Boolean) b) : intValue(x.or(y));
            case BitXor -> bools ? (Object) ((Boolean) a ^ (Boolean) b) : intValue(x.xor(y));
            case MatMult -> null;
        };
    }

    private static BigInteger floorDiv(BigInteger x, BigInteger y) {
        BigInteger[] qr = x.divideAndRemainder(y);
        if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
            return qr[0].subtract(BigInteger.ONE);
        }
        return qr[0];
    }

    private static Object trueDivide(BigInteger x, BigInteger y) {
        if (y.signum() == 0) {
            return null;
        }
        double r;
        if (x.bitLength() <= 53 && y.bitLength() <= 53) {
            r = x.doubleValue() / y.doubleValue();
        } else {
            r = new BigDecimal(x).divide(new BigDecimal(y), new MathContext(60)).doubleValue();
        }
        return Double.isInfinite(r) ? null : r;
    }

    private static Object power(BigInteger x, BigInteger y) {
        if (y.signum() < 0) {
            Double fx = toDouble(x);
            Double fy = toDouble(y);
            return fx == null || fy == null ? null : floatOp(Operator.Pow, fx, fy);
        }
        if (x.signum() != 0 && y.signum() > 0
                && (y.bitLength() > 31 || x.bitLength() > MAX_INT_SIZE / y.intValue())) {
            return null;
        }
        if (y.bitLength() > 31) {
            return 0L;
        }
        return intValue(x.pow(y.intValue()));
    }

    private static Object lshift(BigInteger x, BigInteger y) {
        if (y.signum() < 0) {
            return null;
        }
        if (x.signum() == 0) {
            return 0L;
        }
        if (y.bitLength() > 31 || y.intValue() > MAX_INT_SIZE || x.bitLength() > MAX_INT_SIZE - y.intValue()) {
            return null;
        }
        return intValue(x.shiftLeft(y.intValue()));
    }

    private static Object floatOp(Operator op, double x, double y) {
        return switch (op) {
            case Add -> x + y;
            case Sub -> x - y;
            case Mult -> x * y;
            case Div -> y == 0 ? null : x / y;
            case FloorDiv -> y == 0 ? null : floatFloorDiv(x, y);
            case Mod -> y == 0 ? null : floatMod(x, y);
            case Pow -> floatPow(x, y);
            default -> null;
        };
    }

    private static double floatMod(double vx, double wx) {
        double mod = vx % wx;
        if (mod != 0) {
            if ((wx < 0) != (mod < 0)) {
                mod += wx;
            }
        } else {
            mod = Math.copySign(0.0, wx);
        }
        return mod;
    }

    private static double floatFloorDiv(double vx, double wx) {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0 && (wx < 0) != (mod < 0)) {
            div -= 1.0;
        }
        if (div != 0) {
            double floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
            return floordiv;
        }
        return Math.copySign(0.0, vx / wx);
    }

    private static boolean isNumber(Object v) {
        return isInt(v) || v instanceof Double || v instanceof Complex;
    }

    private static Complex toComplex(Object v) {
        if (v instanceof Complex c) {
            return c;
        }
        Double d = toDouble(v);
        return d == null ? null : new Complex(d, 0.0);
    }

    private static Object complexOp(Operator op, Complex x, Complex y) {
        return switch (op) {
            case Add -> x.add(y);
            case Sub -> x.sub(y);
            case Mult -> x.mul(y);
            case Div -> x.div(y);
            case Pow -> x.pow(y).value();
            default -> null;
        };
    }

    private static Object floatPow(double x, double y) {
        if (FloatPow.zeroToNegative(x, y)) return null;
        if (FloatPow.complexResult(x, y)) return new Complex(x, 0.0).pow(new Complex(y, 0.0)).value();  // float_pow: a complex result
        double r = FloatPow.value(x, y);
        return Double.isInfinite(r) && Double.isFinite(x) && Double.isFinite(y) ? null : r;  // an overflow is raised at run time
    }

    // ---------------------------------------------------------------- sequences

    private static Object concat(Object a, Object b) {
        if (a instanceof String s && b instanceof String t) {
            return s + t;
        }
        if (a instanceof byte[] s && b instanceof byte[] t) {
            byte[] r = new byte[s.length + t.length];
            System.arraycopy(s, 0, r, 0, s.length);
            System.arraycopy(t, 0, r, s.length, t.length);
            return r;
        }
        if (a instanceof ConstTuple s && b instanceof ConstTuple t) {
            List<Object> r = new ArrayList<>(s.items());
            r.addAll(t.items());
            return new ConstTuple(List.copyOf(r));
        }
        return null;
    }

    /** seq * n with ast_opt's safe_multiply limits. */
    private static Object repeat(Object seq, Object count) {
        BigInteger nb = big(count);
        int size = switch (seq) {
            case String s -> strLength(s);
            case byte[] b -> b.length;
            case ConstTuple t -> t.items().size();
            default -> -1;
        };
        if (size < 0) {
            return null;
        }
        long n = nb.bitLength() > 62 ? (nb.signum() < 0 ? -1 : Long.MAX_VALUE) : nb.longValue();
        if (size > 0) {
            int limit = seq instanceof ConstTuple ? MAX_COLLECTION_SIZE : MAX_STR_SIZE;
            if (n < 0 || n > limit / size) {
                return null;
            }
            if (seq instanceof ConstTuple t && n > 0 && complexity(t, MAX_TOTAL_ITEMS / n) < 0) {
                return null;
            }
        }
        int times = (int) Math.max(0, n);
        return switch (seq) {
            case String s -> s.repeat(times);
            case byte[] b -> {
                byte[] r = new byte[b.length * times];
                for (int i = 0; i < times; i++) {
                    System.arraycopy(b, 0, r, i * b.length, b.length);
                }
                yield r;
            }
            case ConstTuple t -> {
                List<Object> r = new ArrayList<>();
                for (int i = 0; i < times; i++) {
                    r.addAll(t.items());
                }
                yield new ConstTuple(List.copyOf(r));
            }
            default -> null;
        };
    }

    /** ast_opt's check_complexity: the limit left after counting nested tuple items, negative if exceeded. */
    private static long complexity(Object v, long limit) {
        if (v instanceof ConstTuple t) {
            limit -= t.items().size();
            for (int i = 0; limit >= 0 && i < t.items().size(); i++) {
                limit = complexity(t.items().get(i), limit);
            }
        }
        return limit;
    }

    // ---------------------------------------------------------------- subscript

    static Object subscript(Object container, Object index) {
        if (!isInt(index)) {
            return null;
        }
        BigInteger i = big(index);
        int len = switch (container) {
            case String s -> strLength(s);
            case byte[] b -> b.length;
            case ConstTuple t -> t.items().size();
            default -> -1;
        };
        if (len < 0 || i.bitLength() > 31) {
            return null;
        }
        int k = i.intValue() < 0 ? i.intValue() + len : i.intValue();
        if (k < 0 || k >= len) {
            return null;
        }
        return switch (container) {
            case String s -> new String(Character.toChars(s.codePointAt(s.offsetByCodePoints(0, k))));
            case byte[] b -> (long) (b[k] & 0xff);
            case ConstTuple t -> t.items().get(k);
            default -> null;
        };
    }
}
