package dev.refheap.lang.vm;

import dev.refheap.lang.ast.Complex;
import dev.refheap.lang.bytecode.BinaryOp;
import dev.refheap.memory.Native;
import dev.refheap.object.FloatType;
import dev.refheap.object.Hashing;
import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;

/**
 * {@code complex}: CPython 3.11's PyComplexObject, 32 bytes, not GC-tracked:
 * <pre>
 *  refcnt | type | cval.real (double) | cval.imag (double)
 * </pre>
 * Immutable; arithmetic with int, float and complex follows complexobject.c (see
 * {@link Complex}); ordering comparisons raise TypeError; hash(real) + 1000003 * hash(imag).
 */
final class ComplexType extends ExtType {
    static final int REAL = 16, IMAG = 24;
    private static final long HASH_IMAG = 1000003L;

    ComplexType(Runtime rt) {
        super(rt, "complex", null, BASETYPE, 32, 0, 0);
    }

    long of(double re, double im) {
        long o = heap.allocObject(this, 0);
        Native.putDouble(o + REAL, re);
        Native.putDouble(o + IMAG, im);
        return o;
    }

    long of(Complex c) { return of(c.real(), c.imag()); }

    static double real(long o) { return Native.getDouble(o + REAL); }
    static double imag(long o) { return Native.getDouble(o + IMAG); }
    static Complex value(long o) { return new Complex(real(o), imag(o)); }

    @Override
    public void dealloc(long o) { heap.freeObject(o); }

    /** complex is a data base: a subclass's instances (PyComplexObject, then __weakref__ and a managed dict) act as complex numbers. */
    @Override
    public boolean isDataBase() { return true; }

    @Override
    public long hash(long o) {
        long hr = Hashing.hashDouble(real(o), o), hi = Hashing.hashDouble(imag(o), o);
        long h = hr + HASH_IMAG * hi;
        return h == -1 ? -2 : h;
    }

    @Override
    public boolean equals(long a, long b) {
        Boolean r = eq(a, b);
        return r != null && r;
    }

    @Override
    String repr(long o) { return value(o).repr(); }

    @Override
    Boolean truthy(long o) { return real(o) != 0.0 || imag(o) != 0.0; }

    @Override
    long attr(long o, String name) {
        return switch (name) {
            case "real" -> heap.floats.of(real(o));
            case "imag" -> heap.floats.of(imag(o));
            default -> 0;
        };
    }

    /** The complex value of an int, float or complex operand; null for anything else. */
    Complex toComplex(long v) {
        PyType t = rt.ops.baseView(v);  // a subclass instance's value too
        if (t == this) return value(v);
        if (t == heap.floats) return new Complex(FloatType.value(v), 0.0);
        if (t instanceof IntType) return new Complex(Numbers.toDouble(rt, v), 0.0);
        return null;
    }

    @Override
    long binary(BinaryOp op, long a, long b) {
        Complex x = toComplex(a), y = toComplex(b);
        if (x == null || y == null) return 0;
        return switch (op.base()) {
            case ADD -> of(x.add(y));
            case SUBTRACT -> of(x.sub(y));
            case MULTIPLY -> of(x.mul(y));
            case TRUE_DIVIDE -> {
                Complex q = x.div(y);
                if (q == null) throw rt.error("ZeroDivisionError", "complex division by zero");
                yield of(q);
            }
            case POWER -> power(x, y);
            default -> 0;
        };
    }

    long power(Complex x, Complex y) {
        Complex.PowResult r = x.pow(y);
        if (r.error() != null) {
            int colon = r.error().indexOf(':');
            throw rt.error(r.error().substring(0, colon), r.error().substring(colon + 1));
        }
        return of(r.value());
    }

    @Override
    long unary(String op, long o) {
        return switch (op) {
            case "-" -> of(-real(o), -imag(o));
            case "+" -> heap.typeOf(o) == this ? Builtins.incref(heap, o) : of(real(o), imag(o));
            default -> 0;
        };
    }

    @Override
    Boolean eq(long a, long b) {
        PyType ta = rt.ops.baseView(a), tb = rt.ops.baseView(b);
        long c = ta == this ? a : b, other = ta == this ? b : a;
        PyType to = ta == this ? tb : ta;
        if (to == this) return real(a) == real(b) && imag(a) == imag(b);
        if (to == heap.floats) return imag(c) == 0.0 && real(c) == FloatType.value(other);
        if (to instanceof IntType) {
            if (imag(c) != 0.0) return false;
            double r = real(c);
            if (Double.isNaN(r) || Double.isInfinite(r) || r != Math.rint(r)) return false;
            return new java.math.BigDecimal(r).toBigIntegerExact().equals(IntType.toBig(other));
        }
        return null;
    }

    /** abs(z): hypot, OverflowError when it overflows. */
    long abs(long o) {
        double re = real(o), im = imag(o);
        if (Double.isInfinite(re) || Double.isInfinite(im)) return heap.floats.of(Double.POSITIVE_INFINITY);
        if (Double.isNaN(re) || Double.isNaN(im)) return heap.floats.of(Double.NaN);
        double r = dev.refheap.lang.libm.Libm.hypot(re, im);
        if (Double.isInfinite(r)) throw rt.error("OverflowError", "absolute value too large");
        return heap.floats.of(r);
    }

    /** complex(real=0, imag=0) and complex(string). */
    @Override
    long construct(long typeObject, long[] a, int o, int n, long kw) {
        long[] v = ExecBuiltins.bind(rt, "complex", new String[] {"real", "imag"}, 0, 2, 0, a, o, n, kw);
        long re = v[0], im = v[1];
        if (re != 0 && Heap.isStr(re)) {
            if (im != 0) throw rt.typeError("complex() can't take second arg if first is a string");
            String text = TypeMethods.decimalAndSpaceToAscii(StrType.value(re));
            if (text.indexOf('_') >= 0 && !underscoresBetweenDigits(text)) {
                throw rt.error("ValueError", "could not convert string to complex: " + rt.ops.repr(re));
            }
            Complex c = parse(text);
            if (c == null) throw rt.error("ValueError", "complex() arg is a malformed string");
            return of(c);
        }
        if (im != 0 && Heap.isStr(im)) throw rt.typeError("complex() second arg can't be a string");
        if (re != 0 && heap.typeOf(re) == this && im == 0) return Builtins.incref(heap, re);
        Complex r = re == 0 ? new Complex(0.0, 0.0) : operand(re, "first");
        Complex i = im == 0 ? new Complex(0.0, 0.0) : operand(im, "second");
        // cr_is_complex / ci_is_complex: a complex (a subclass too), or what __complex__ gave
        boolean rComplex = re != 0 && (rt.ops.isSubtype(heap.typeOf(re), this)
                || heap.typeOf(re) instanceof ClassType rc && rt.ops.lookupType(rc, "__complex__") != 0);
        boolean iComplex = im != 0 && rt.ops.isSubtype(heap.typeOf(im), this);
        // complex_new: (a+bj) + (c+dj)*1j, with the parts only combined where an operand was complex
        double real = iComplex ? r.real() - i.imag() : r.real();
        double imag = rComplex && im != 0 ? i.real() + r.imag() : im != 0 ? i.real() : r.imag();
        return of(real, imag);
    }

    /**
     * PyComplex_AsCComplex: a complex (or a subclass's value) as it is, else {@code __complex__}'s
     * result (a complex; a strict subclass with CPython's DeprecationWarning); null for anything
     * else, whose float protocol's value is then the real part.
     */
    Complex asCComplex(long v) {
        if (rt.ops.isSubtype(heap.typeOf(v), this)) return value(v);
        if (rt.ops.lookupType(heap.typeOf(v), "__complex__") != 0) return fromComplexMethod(v);
        return null;  // the caller takes the float protocol's value (VmApi.asCComplex)
    }

    /** The value {@code v.__complex__()} returns: a complex, a strict subclass's with a DeprecationWarning, else TypeError. */
    private Complex fromComplexMethod(long v) {
        long r = rt.ops.callMethod(v, "__complex__");
        try {
            if (!rt.ops.isSubtype(heap.typeOf(r), this)) throw rt.typeError("__complex__ returned non-complex (type " + rt.ops.typeName(r) + ")");
            if (heap.typeOf(r) != this) {
                Warnings.warn(rt, "DeprecationWarning", "__complex__ returned non-complex (type " + rt.ops.typeName(r) + ").  The ability to return an "
                        + "instance of a strict subclass of complex is deprecated, and may be removed in a future version of Python.", 1);
            }
            return value(r);
        } finally {
            heap.decref(r);
        }
    }

    /**
     * complex_new's view of an argument: the real part {@code which} "first" tries
     * {@code __complex__} before anything else (try_complex_special_method: a complex subclass's
     * too; a strict subclass of complex returned warns), then both take a complex's parts or the
     * float protocol's value (__float__, then __index__).
     */
    private Complex operand(long v, String which) {
        if (which.equals("first") && heap.typeOf(v) instanceof ClassType cls && rt.ops.lookupType(cls, "__complex__") != 0) return fromComplexMethod(v);
        Complex c = toComplex(v);
        if (c != null) return c;
        if (heap.typeOf(v) instanceof ClassType cls) {
            if (rt.ops.lookupType(cls, "__float__") != 0) {
                long r = rt.ops.callMethod(v, "__float__");
                try {
                    if (heap.typeOf(r) != heap.floats) throw rt.typeError(cls.name() + ".__float__ returned non-float (type " + rt.ops.typeName(r) + ")");
                    return new Complex(FloatType.value(r), 0.0);
                } finally {
                    heap.decref(r);
                }
            }
            if (rt.ops.lookupType(cls, "__index__") != 0) {
                // PyFloat_AsDouble's fallback to nb_index (3.10+): the int's value as a double
                long r = rt.ops.numberIndex(v);  // _PyNumber_Index's checks and warning
                try {
                    return new Complex(Numbers.toDouble(rt, r), 0.0);
                } finally {
                    heap.decref(r);
                }
            }
        }
        if (which.equals("first")) throw rt.typeError("complex() first argument must be a string or a number, not '" + rt.ops.typeName(v) + "'");
        throw rt.typeError("complex() second argument must be a number, not '" + rt.ops.typeName(v) + "'");
    }

    /** complex_from_string_inner: "1+2j", "(3j)", "-inf", " 1e3J " ...; null when malformed. */
    static Complex parse(String s) {
        String t = s.strip();
        if (t.startsWith("(") && t.endsWith(")")) t = t.substring(1, t.length() - 1).strip();
        if (t.isEmpty() || t.contains("__") || t.startsWith("_") || t.endsWith("_")) return null;
        t = t.replace("_", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "([+-]?(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|inf(?:inity)?|nan))?"
                        + "(?:([+-](?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|inf(?:inity)?|nan)?)([jJ]))?"
                        + "|([+-]?(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|inf(?:inity)?|nan)?)([jJ])",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(t);
        if (!m.matches()) return null;
        if (m.group(5) != null) return new Complex(0.0, number(m.group(4)));
        if (m.group(1) == null && m.group(3) == null) return null;
        double re = m.group(1) == null ? 0.0 : number(m.group(1));
        double im = m.group(3) == null ? 0.0 : number(m.group(2));
        return new Complex(re, im);
    }

    /**
     * _Py_string_to_number_with_underscores' check over the whole string (spaces and parentheses
     * included): every underscore comes right after a digit and right before one ({@code 1_2j}, not
     * {@code 1_j}, {@code 1_.5j} or {@code 1e_5j}).
     */
    static boolean underscoresBetweenDigits(String s) {
        char prev = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_' ? !(prev >= '0' && prev <= '9') : prev == '_' && !(c >= '0' && c <= '9')) return false;
            prev = c;
        }
        return prev != '_';
    }

    private static double number(String s) {
        if (s.isEmpty() || s.equals("+")) return 1.0;
        if (s.equals("-")) return -1.0;
        String l = s.toLowerCase(java.util.Locale.ROOT);
        boolean neg = l.startsWith("-");
        String body = l.replaceFirst("^[+-]", "");
        double v = body.startsWith("inf") ? Double.POSITIVE_INFINITY : body.equals("nan") ? Double.NaN : Double.parseDouble(body);
        return neg ? -v : v;
    }

    /** Installs the type in builtins with its methods. */
    void install() {
        rt.putBuiltin("complex", address());
        TypeMethodsAccess.def(rt, this, "conjugate", (s, a, o, n, kw) -> {
            Args.exactly(rt, "conjugate", n, kw, 0);
            return of(real(s), -imag(s));
        });
        TypeMethodsAccess.def(rt, this, "__complex__", (s, a, o, n, kw) -> {
            Args.exactly(rt, "__complex__", n, kw, 0);
            return heap.typeOf(s) == this ? Builtins.incref(heap, s) : of(real(s), imag(s));
        });
        TypeMethodsAccess.def(rt, this, "__getnewargs__", (s, a, o, n, kw) -> {
            Args.exactly(rt, "__getnewargs__", n, kw, 0);
            long t = heap.tuples.alloc(2);
            dev.refheap.object.TupleType.setItemSteal(t, 0, heap.floats.of(real(s)));
            dev.refheap.object.TupleType.setItemSteal(t, 1, heap.floats.of(imag(s)));
            return t;
        });
    }

    static Heap heapOf(Runtime rt) { return rt.heap; }
}
