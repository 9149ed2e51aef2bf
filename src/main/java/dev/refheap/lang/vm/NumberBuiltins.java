package dev.refheap.lang.vm;

import dev.refheap.lang.bytecode.BinaryOp;
import dev.refheap.object.FloatType;
import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.math.BigInteger;

/**
 * Number builtins and methods: {@code divmod}, {@code pow} with a modulus (a negative exponent is a
 * modular inverse), {@code int.to_bytes/from_bytes/bit_count/as_integer_ratio},
 * {@code float.hex/fromhex/as_integer_ratio}, with CPython 3.11's results and messages.
 * Arguments borrowed, results new references.
 */
final class NumberBuiltins {
    private NumberBuiltins() {}

    static void install(Runtime rt) {
        Heap heap = rt.heap;
        def(rt, "divmod", (self, a, o, n, kw) -> {
            Args.exactly(rt, "divmod", n, kw, 2);
            return divmod(rt, a[o], a[o + 1]);
        });
        def(rt, "pow", (self, a, o, n, kw) -> {
            long[] v = ExecBuiltins.bind(rt, "pow", new String[] {"base", "exp", "mod"}, 0, 3, 2, a, o, n, kw);
            if (v[2] == 0 || v[2] == heap.None) return rt.ops.binaryOp(BinaryOp.POWER, v[0], v[1]);
            return pow3(rt, v[0], v[1], v[2]);
        });
    }

    /** Installs the methods on int and float (after TypeMethods). */
    static void installMethods(Runtime rt) {
        Heap heap = rt.heap;
        PyType I = heap.ints, F = heap.floats;
        TypeMethodsAccess.def(rt, I, "bit_count", (s, a, o, n, kw) -> {
            Args.exactly(rt, "bit_count", n, kw, 0);
            return heap.ints.of(IntType.toBig(s).abs().bitCount());
        });
        TypeMethodsAccess.def(rt, I, "as_integer_ratio", (s, a, o, n, kw) -> {
            Args.exactly(rt, "as_integer_ratio", n, kw, 0);
            return pair(heap, heap.typeOf(s) == heap.ints ? Builtins.incref(heap, s) : heap.ints.of(IntType.toBig(s)), heap.ints.of(1));
        });
        TypeMethodsAccess.def(rt, I, "to_bytes", (s, a, o, n, kw) -> toBytes(rt, s, a, o, n, kw));
        TypeMethodsAccess.def(rt, I, "conjugate", (s, a, o, n, kw) -> {
            Args.exactly(rt, "conjugate", n, kw, 0);
            return heap.typeOf(s) == heap.ints ? Builtins.incref(heap, s) : heap.ints.of(IntType.toBig(s));
        });
        classMethod(rt, I, "from_bytes", (s, a, o, n, kw) -> ofClass(rt, s, I, fromBytes(rt, a, o, n, kw)));
        TypeMethodsAccess.def(rt, F, "hex", (s, a, o, n, kw) -> {
            Args.exactly(rt, "hex", n, kw, 0);
            return heap.strs.of(floatHex(FloatType.value(s)));
        });
        TypeMethodsAccess.def(rt, F, "as_integer_ratio", (s, a, o, n, kw) -> {
            Args.exactly(rt, "as_integer_ratio", n, kw, 0);
            double d = FloatType.value(s);
            if (Double.isInfinite(d)) throw rt.error("OverflowError", "cannot convert Infinity to integer ratio");
            if (Double.isNaN(d)) throw rt.error("ValueError", "cannot convert NaN to integer ratio");
            BigInteger[] r = ratio(d);
            return pair(heap, heap.ints.of(r[0]), heap.ints.of(r[1]));
        });
        TypeMethodsAccess.def(rt, F, "conjugate", (s, a, o, n, kw) -> {
            Args.exactly(rt, "conjugate", n, kw, 0);
            return heap.typeOf(s) == heap.floats ? Builtins.incref(heap, s) : heap.floats.of(FloatType.value(s));
        });
        classMethod(rt, F, "__getformat__", (s, a, o, n, kw) -> {  // the JVM's doubles and floats are IEEE 754, stored little-endian here
            Args.exactly(rt, "__getformat__", n, kw, 1);
            if (!Heap.isStr(a[o])) throw rt.typeError("__getformat__() argument must be str, not " + rt.ops.typeName(a[o]));
            String t = StrType.value(a[o]);
            if (!t.equals("double") && !t.equals("float")) throw rt.error("ValueError", "__getformat__() argument 1 must be 'double' or 'float'");
            return heap.strs.of("IEEE, little-endian");
        });
        classMethod(rt, F, "fromhex", (s, a, o, n, kw) -> {
            Args.exactly(rt, "fromhex", n, kw, 1);
            if (!Heap.isStr(a[o])) throw rt.typeError("bad argument type for built-in operation");
            Double d = fromHex(StrType.value(a[o]));
            if (d == null) throw rt.error("ValueError", "invalid hexadecimal floating-point string");
            if (d.isInfinite() && !StrType.value(a[o]).toLowerCase().contains("inf")) {
                throw rt.error("OverflowError", "hexadecimal value too large to represent as a float");
            }
            return ofClass(rt, s, F, heap.floats.of(d));
        });
    }

    /**
     * What an alternative constructor (int.from_bytes, float.fromhex, bytes.fromhex) called through
     * a subclass returns: {@code cls(r)} (an IntEnum's member, say), r itself for the base {@code t}.
     * Steals r.
     */
    static long ofClass(Runtime rt, long cls, PyType t, long r) {
        if (cls == 0 || cls == t.address()) return r;
        try {
            return rt.ops.call0(cls, r);
        } finally {
            rt.heap.decref(r);
        }
    }

    private static void def(Runtime rt, String name, Builtin impl) { rt.defBuiltin(name, impl); }

    /** A method that is called through the type without an instance (int.from_bytes, float.fromhex, dict.fromkeys). */
    static void classMethod(Runtime rt, PyType t, String name, Builtin impl) {
        rt.defDescr(BuiltinDescrType.Kind.CLASSMETHOD, t, name, impl);
    }

    static long pair(Heap heap, long a, long b) {
        long t = heap.tuples.alloc(2);
        TupleType.setItemSteal(t, 0, a);
        TupleType.setItemSteal(t, 1, b);
        return t;
    }

    // ---- divmod -------------------------------------------------------------------------------

    static long divmod(Runtime rt, long a, long b) {
        Heap heap = rt.heap;
        PyType ta = heap.typeOf(a), tb = heap.typeOf(b);
        // an int or float subclass without its own __divmod__/__rdivmod__ has its base's
        long q = divmodAs(rt, a, b, rt.ops.asBuiltin(ta, "__divmod__"), rt.ops.asBuiltin(tb, "__rdivmod__"));
        if (q != 0) return q;
        if (ta instanceof NativeType && rt.ops.lookupType(ta, "__divmod__") != 0) {  // a native type's nb_divmod (timedelta's)
            long r = rt.ops.callMethod(a, "__divmod__", b);
            if (r != rt.notImplemented) return r;
            heap.decref(r);
        }
        if (tb instanceof NativeType && tb != ta && rt.ops.lookupType(tb, "__rdivmod__") != 0) {
            long r = rt.ops.callMethod(b, "__rdivmod__", a);
            if (r != rt.notImplemented) return r;
            heap.decref(r);
        }
        if (ta instanceof ClassType ca && rt.ops.lookupType(ca, "__divmod__") != 0) {
            long r = rt.ops.callMethod(a, "__divmod__", b);
            if (r != rt.notImplemented) return r;
            heap.decref(r);
        }
        if (tb instanceof ClassType cb && tb != ta && rt.ops.lookupType(cb, "__rdivmod__") != 0) {
            long r = rt.ops.callMethod(b, "__rdivmod__", a);
            if (r != rt.notImplemented) return r;
            heap.decref(r);
        }
        throw rt.typeError("unsupported operand type(s) for divmod(): '" + ta.name() + "' and '" + tb.name() + "'");
    }

    /** int's or float's nb_divmod for operands of number types {@code va} and {@code vb} (their own or a base's); 0 if neither applies. */
    static long divmodAs(Runtime rt, long a, long b, PyType va, PyType vb) {
        Heap heap = rt.heap;
        boolean ia = va instanceof IntType, ib = vb instanceof IntType;
        if (ia && ib) {
            BigInteger x = IntType.toBig(a), y = IntType.toBig(b);
            if (y.signum() == 0) throw rt.error("ZeroDivisionError", "integer division or modulo by zero");
            BigInteger[] qr = x.divideAndRemainder(y);
            if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
                qr[0] = qr[0].subtract(BigInteger.ONE);
                qr[1] = qr[1].add(y);
            }
            return pair(heap, heap.ints.of(qr[0]), heap.ints.of(qr[1]));
        }
        if ((ia || va == heap.floats) && (ib || vb == heap.floats)) {
            double x = Numbers.toDouble(rt, a), y = Numbers.toDouble(rt, b);
            if (y == 0) throw rt.error("ZeroDivisionError", "float divmod()");
            double[] r = floatDivmod(x, y);
            return pair(heap, heap.floats.of(r[0]), heap.floats.of(r[1]));
        }
        return 0;
    }

    /** float_divmod: {floor quotient, remainder with the divisor's sign}; y is not zero. */
    static double[] floatDivmod(double vx, double wx) {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0) {
            if ((wx < 0) != (mod < 0)) {
                mod += wx;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, wx);
        }
        double floordiv;
        if (div != 0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) floordiv += 1.0;
        } else {
            floordiv = Math.copySign(0.0, vx / wx);
        }
        return new double[] {floordiv, mod};
    }

    // ---- pow with a modulus ---------------------------------------------------------------------

    static long pow3(Runtime rt, long base, long exp, long mod) {
        Heap heap = rt.heap;
        PyType tb0 = heap.typeOf(base);
        // slot_nb_power with a modulus: only the base's own __pow__ (three-argument power never
        // uses __rpow__); a class that inherits int's (an int subclass) takes long_pow below
        if (tb0 instanceof ClassType cb && (rt.ops.lookupUserOnly(cb, "__pow__") != 0 || cb.dataBase == null && rt.ops.lookupType(cb, "__pow__") != 0)) {
            long r = rt.ops.callMethod(base, "__pow__", exp, mod);
            if (r != rt.notImplemented) return r;
            heap.decref(r);
        }
        PyType tb = rt.ops.baseView(base);
        if (!(tb instanceof IntType) || !(rt.ops.baseView(exp) instanceof IntType) || !(rt.ops.baseView(mod) instanceof IntType)) {
            boolean numbers = Numbers.isNumber(tb, heap) && Numbers.isNumber(rt.ops.baseView(exp), heap) && Numbers.isNumber(rt.ops.baseView(mod), heap);
            tb = tb0;
            if (tb == rt.complexType || heap.typeOf(exp) == rt.complexType || heap.typeOf(mod) == rt.complexType) {
                throw rt.error("ValueError", "complex modulo");
            }
            if (numbers) throw rt.typeError("pow() 3rd argument not allowed unless all arguments are integers");
            throw rt.typeError("unsupported operand type(s) for ** or pow(): '" + tb.name() + "', '" + rt.ops.typeName(exp) + "', '"
                    + rt.ops.typeName(mod) + "'");
        }
        BigInteger b = IntType.toBig(base), e = IntType.toBig(exp), m = IntType.toBig(mod);
        if (m.signum() == 0) throw rt.error("ValueError", "pow() 3rd argument cannot be 0");
        BigInteger am = m.abs();
        if (am.equals(BigInteger.ONE)) return heap.ints.of(0);
        BigInteger r;
        try {
            r = b.modPow(e, am);
        } catch (ArithmeticException x) {
            throw rt.error("ValueError", "base is not invertible for the given modulus");
        }
        if (m.signum() < 0 && r.signum() != 0) r = r.add(m);
        return heap.ints.of(r);
    }

    // ---- int.to_bytes / int.from_bytes ----------------------------------------------------------

    private static long toBytes(Runtime rt, long self, long[] a, int o, int n, long kw) {
        Heap heap = rt.heap;
        long[] v = ExecBuiltins.bind(rt, "to_bytes", new String[] {"length", "byteorder", "signed"}, 0, 2, 0, a, o, n, kw);
        long length = 1;
        if (v[0] != 0) {
            length = Builtins.intArg(rt, v[0]);
            if (length < 0) throw rt.error("ValueError", "length argument must be non-negative");
        }
        boolean little = byteOrder(rt, v[1], "to_bytes");
        boolean signed = v[2] != 0 && rt.ops.truthy(v[2]);
        BigInteger x = IntType.toBig(self);
        if (!signed && x.signum() < 0) throw rt.error("OverflowError", "can't convert negative int to unsigned");
        int bits = signed ? x.bitLength() + 1 : x.bitLength();
        if ((bits + 7) / 8 > length) throw rt.error("OverflowError", "int too big to convert");
        byte[] out = new byte[(int) length];
        byte[] two = x.toByteArray();  // big-endian two's complement, minimal
        byte fill = (byte) (x.signum() < 0 ? 0xff : 0);
        for (int i = 0; i < length; i++) {
            int src = two.length - 1 - i;
            byte bt = src >= 0 ? two[src] : fill;
            out[little ? i : (int) length - 1 - i] = bt;
        }
        return heap.bytes.filled(out);
    }

    private static boolean byteOrder(Runtime rt, long v, String fname) {
        if (v == 0) return false;
        if (!Heap.isStr(v)) {
            throw rt.typeError(fname + "() argument 'byteorder' must be str, not " + rt.ops.typeName(v));
        }
        return switch (StrType.value(v)) {
            case "big" -> false;
            case "little" -> true;
            default -> throw rt.error("ValueError", "byteorder must be either 'little' or 'big'");
        };
    }

    private static long fromBytes(Runtime rt, long[] a, int o, int n, long kw) {
        Heap heap = rt.heap;
        long[] v = ExecBuiltins.bind(rt, "from_bytes", new String[] {"bytes", "byteorder", "signed"}, 0, 2, 1, a, o, n, kw);
        boolean little = byteOrder(rt, v[1], "from_bytes");
        boolean signed = v[2] != 0 && rt.ops.truthy(v[2]);
        byte[] b = null;
        PyType xt = heap.typeOf(v[0]);
        if (xt != heap.bytes && !Heap.isStr(v[0]) && rt.ops.lookupType(xt, "__bytes__") != 0) {
            // PyObject_Bytes: the object's __bytes__ before its buffer, its result a bytes
            long r = rt.ops.callMethod(v[0], "__bytes__");
            try {
                if (!Heap.isBytes(r)) throw rt.typeError("__bytes__ returned non-bytes (type " + rt.ops.typeName(r) + ")");
                b = BufferProtocol.bytesOrNull(rt, r);
            } finally {
                heap.decref(r);
            }
        }
        if (b == null) b = BufferProtocol.bytesOrNull(rt, v[0]);
        if (b == null) {
            if (Heap.isStr(v[0])) throw rt.typeError("cannot convert 'str' object to bytes");
            long l = Builtins.bytesItems(rt, v[0]);
            try {
                b = new byte[(int) dev.refheap.object.ListType.size(l)];
                for (int i = 0; i < b.length; i++) {
                    long x = Builtins.intArg(rt, dev.refheap.object.ListType.item(l, i));
                    if (x < 0 || x > 255) throw rt.error("ValueError", "bytes must be in range(0, 256)");
                    b[i] = (byte) x;
                }
            } finally {
                heap.decref(l);
            }
        }
        byte[] be = new byte[b.length + 1];
        for (int i = 0; i < b.length; i++) be[i + 1] = little ? b[b.length - 1 - i] : b[i];
        BigInteger r = new BigInteger(be);  // leading zero byte: unsigned
        if (signed && b.length > 0 && (be[1] & 0x80) != 0) r = r.subtract(BigInteger.ONE.shiftLeft(8 * b.length));
        return heap.ints.of(r);
    }

    // ---- float.hex / float.fromhex / as_integer_ratio --------------------------------------------

    /** float.hex(): "0x1.8000000000000p+0", "-0x0.0p+0", "inf", "nan". */
    static String floatHex(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        String sign = (d < 0 || (d == 0 && 1 / d < 0)) ? "-" : "";
        if (d == 0) return sign + "0x0.0p+0";
        // float_hex: m, e = frexp(|d|); shift so the leading digit is 1 (0 for subnormals)
        double x = Math.abs(d);
        int e = x >= Double.MIN_NORMAL ? Math.getExponent(x) + 1 : Math.getExponent(x * 0x1p64) + 1 - 64;
        double m = Math.scalb(x, -e);
        int shift = 1 - Math.max(-1021 - e, 0);
        m = Math.scalb(m, shift);
        e -= shift;
        StringBuilder sb = new StringBuilder(sign).append("0x");
        int digit = (int) m;
        sb.append(Character.forDigit(digit, 16)).append('.');
        m -= digit;
        for (int i = 0; i < 13; i++) {
            m *= 16.0;
            digit = (int) m;
            sb.append(Character.forDigit(digit, 16));
            m -= digit;
        }
        return sb.append('p').append(e < 0 ? "-" : "+").append(Math.abs(e)).toString();
    }

    /** float.fromhex's grammar; null when the string is not valid. */
    static Double fromHex(String s) {
        String t = s.strip().toLowerCase(java.util.Locale.ROOT);
        boolean neg = false;
        if (t.startsWith("-") || t.startsWith("+")) {
            neg = t.startsWith("-");
            t = t.substring(1);
        }
        if (t.equals("inf") || t.equals("infinity")) return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (t.equals("nan")) return Double.longBitsToDouble(neg ? 0xfff8000000000000L : 0x7ff8000000000000L);  // "-nan" has its sign bit set, as in CPython
        if (t.startsWith("0x")) t = t.substring(2);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9a-f]*)(?:\\.([0-9a-f]*))?(?:p([+-]?\\d+))?").matcher(t);
        if (!m.matches()) return null;
        String ip = m.group(1), fp = m.group(2) == null ? "" : m.group(2);
        if (ip.isEmpty() && fp.isEmpty()) return null;
        long exp = 0;
        if (m.group(3) != null) {
            try {
                exp = Long.parseLong(m.group(3));
            } catch (NumberFormatException e) {
                exp = m.group(3).startsWith("-") ? -100000 : 100000;
            }
        }
        BigInteger mant = new BigInteger((ip + fp).isEmpty() ? "0" : ip + fp, 16);
        long e2 = exp - 4L * fp.length();
        double r = new java.math.BigDecimal(mant).multiply(e2 >= 0
                ? new java.math.BigDecimal(BigInteger.ONE.shiftLeft((int) Math.min(e2, 5000)))
                : java.math.BigDecimal.ONE.divide(new java.math.BigDecimal(BigInteger.ONE.shiftLeft((int) Math.min(-e2, 5000))))).doubleValue();
        return neg ? -r : r;
    }

    /** The exact ratio of a finite double, in lowest terms with a positive denominator. */
    static BigInteger[] ratio(double d) {
        if (d == 0) return new BigInteger[] {BigInteger.ZERO, BigInteger.ONE};
        java.math.BigDecimal bd = new java.math.BigDecimal(d);
        BigInteger num = bd.unscaledValue(), den = BigInteger.ONE;
        int scale = bd.scale();
        if (scale > 0) den = BigInteger.TEN.pow(scale);
        else num = num.multiply(BigInteger.TEN.pow(-scale));
        BigInteger g = num.gcd(den);
        return new BigInteger[] {num.divide(g), den.divide(g)};
    }
}
