package dev.refheap.lang.vm;

import dev.refheap.object.FloatType;
import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** The format-spec mini-language ({@code f"{x:>8.2f}"}, {@code format()}) and {@code %} on strs. */
final class Formats {
    private Formats() {}

    /** [[fill]align][sign][#][0][width][,|_][.precision][type] */
    record Spec(char fill, char align, char sign, boolean alt, int width, char grouping, int precision, char type) {}

    /** Widths past this are a MemoryError in refheap (its strings are built as Java strings first). */
    static final long MAX_WIDTH = Integer.MAX_VALUE / 2;

    /** A run of decimal digits of a format string, as CPython's get_integer: ValueError past Py_ssize_t. */
    static long decimal(Runtime rt, String digits) {
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (v > (Long.MAX_VALUE - d) / 10) throw rt.error("ValueError", "Too many decimal digits in format string");
            v = v * 10 + d;
        }
        return v;
    }

    static Spec parse(Runtime rt, String s) {
        int i = 0;
        char fill = ' ', align = 0, sign = 0, grouping = 0, type = 0;
        boolean alt = false;
        int width = -1, precision = -1;
        if (s.length() >= 2 && "<>=^".indexOf(s.charAt(1)) >= 0) { fill = s.charAt(0); align = s.charAt(1); i = 2; }
        else if (!s.isEmpty() && "<>=^".indexOf(s.charAt(0)) >= 0) { align = s.charAt(0); i = 1; }
        if (i < s.length() && "+- ".indexOf(s.charAt(i)) >= 0) sign = s.charAt(i++);
        if (i < s.length() && s.charAt(i) == '#') { alt = true; i++; }
        if (i < s.length() && s.charAt(i) == '0') { if (align == 0) { fill = '0'; align = '='; } i++; }
        int st = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        if (i > st) {
            long w = decimal(rt, s.substring(st, i));
            if (w > MAX_WIDTH) throw rt.error("MemoryError", null); // the padded result could not be built
            width = (int) w;
        }
        if (i < s.length() && (s.charAt(i) == ',' || s.charAt(i) == '_')) grouping = s.charAt(i++);
        if (i < s.length() && s.charAt(i) == '.') {
            st = ++i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            if (i == st) throw rt.error("ValueError", "Format specifier missing precision");
            long p = decimal(rt, s.substring(st, i));
            if (p > MAX_WIDTH && i < s.length() && "eEfFgG%".indexOf(s.charAt(i)) >= 0) throw rt.error("ValueError", "precision too big");
            precision = (int) Math.min(p, MAX_WIDTH);
        }
        if (i < s.length()) type = s.charAt(i++);
        if (i < s.length()) throw rt.error("ValueError", "Invalid format specifier '" + s + "' for object of type 'str'");
        return new Spec(fill, align, sign, alt, width, grouping, precision, type);
    }

    static String format(Runtime rt, long v, String specText) {
        Heap heap = rt.heap;
        PyType t = rt.ops.baseView(v);  // an int or float subclass that does not define __format__ (Ops.format checked) formats as its base
        Spec sp = parse(rt, specText);
        if (sp.precision == MAX_WIDTH && (t == heap.floats || t instanceof IntType && "eEfFgG%".indexOf(sp.type) >= 0)) {
            throw rt.error("ValueError", "precision too big"); // past INT_MAX (or refheap's own limit)
        }
        String body;
        boolean numeric = true;
        if (t instanceof IntType && "eEfFgG%".indexOf(sp.type == 0 ? 'd' : sp.type) < 0) {
            BigInteger n = IntType.toBig(v);
            body = switch (sp.type) {
                case 'x' -> (sp.alt ? "0x" : "") + n.abs().toString(16);
                case 'X' -> (sp.alt ? "0X" : "") + n.abs().toString(16).toUpperCase();
                case 'o' -> (sp.alt ? "0o" : "") + n.abs().toString(8);
                case 'b' -> (sp.alt ? "0b" : "") + n.abs().toString(2);
                case 'c' -> dev.refheap.object.SurrogateEscapes.of(dev.refheap.object.SurrogateEscapes.checked(n.intValue()));
                case 0, 'd', 'n' -> group(IntStrLimit.decimalDigits(rt, n), sp.grouping);
                default -> throw rt.error("ValueError", "Unknown format code '" + sp.type + "' for object of type 'int'");
            };
            body = signed(n.signum() < 0, body, sp.sign);
        } else if (t instanceof IntType || t == heap.floats) {
            double d = t == heap.floats ? FloatType.value(v) : IntType.toBig(v).doubleValue();
            body = formatFloat(rt, d, sp);
        } else {
            numeric = false;
            if (sp.type != 0 && sp.type != 's') {
                throw rt.error("ValueError", "Unknown format code '" + sp.type + "' for object of type '" + t.name() + "'");
            }
            body = t == heap.strs ? StrType.value(v) : rt.ops.str(v);  // str's own __format__ formats the characters, never an override's __str__
            if (sp.precision >= 0 && body.length() > sp.precision) body = body.substring(0, sp.precision);
        }
        return pad(body, sp, numeric);
    }

    /** format(float, spec) of a Java double, with no float object made (marshal's PyOS_double_to_string). */
    static String formatDouble(Runtime rt, double d, String specText) { return formatFloat(rt, d, parse(rt, specText)); }

    private static String formatFloat(Runtime rt, double d, Spec sp) {
        boolean neg = d < 0 || (d == 0 && 1 / d < 0);
        double a = Math.abs(d);
        String body;
        int prec = sp.precision < 0 ? 6 : sp.precision;
        if (Double.isNaN(d)) body = "nan";
        else if (Double.isInfinite(d)) body = "inf";
        else switch (sp.type) {
            case 'f', 'F' -> body = group(new BigDecimal(a).setScale(prec, RoundingMode.HALF_EVEN).toPlainString(), sp.grouping);
            case '%' -> body = new BigDecimal(a).multiply(BigDecimal.valueOf(100)).setScale(prec, RoundingMode.HALF_EVEN).toPlainString() + "%";
            case 'e', 'E' -> {
                String s = scientific(a, prec, false, sp.alt);
                body = sp.type == 'E' ? s.toUpperCase() : s;
            }
            case 'g', 'G' -> {
                body = general(a, prec == 0 ? 1 : prec, sp.alt);
                if (sp.type == 'G') body = body.toUpperCase();
            }
            case 0 -> body = sp.precision < 0 ? Floats.repr(a) : general(a, Math.max(prec, 1), false).replaceAll("^(\\d+)$", "$1.0");
            default -> throw rt.error("ValueError", "Unknown format code '" + sp.type + "' for object of type 'float'");
        }
        if (sp.type == 0 && sp.grouping != 0) body = groupNumber(body, sp.grouping);
        return signed(neg && !Double.isNaN(d), body, sp.sign);
    }

    private static String general(double a, int prec, boolean alt) {
        if (a == 0) return alt ? "0." + "0".repeat(prec - 1) : "0";
        BigDecimal r = new BigDecimal(a).round(new java.math.MathContext(prec, RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        if (exp < -4 || exp >= prec) return scientific(a, prec - 1, !alt, alt);
        String s = r.setScale(Math.max(0, prec - 1 - exp), RoundingMode.HALF_EVEN).toPlainString();
        if (!alt && s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        else if (alt && !s.contains(".")) s += ".";  // '#' keeps the point even with no digit after it
        return s;
    }

    /**
     * {@code a} (finite, not negative) as d.ddd...e+XX with {@code after} digits after the point, rounded
     * from its exact binary value half-even as C's printf does (Java's %e rounds its shortest decimal
     * form instead: 1e300 to 17 digits gave 1.0000000000000000e+300, C 1.0000000000000001e+300);
     * {@code stripZeros} drops trailing zeros and a bare point ('g' without '#'); {@code alt} ('#')
     * keeps the point even with no digit after it.
     */
    private static String scientific(double a, int after, boolean stripZeros, boolean alt) {
        String digits;
        int exp;
        if (a == 0) {
            digits = "0".repeat(after + 1);
            exp = 0;
        } else {
            BigDecimal r = new BigDecimal(a).round(new java.math.MathContext(after + 1, RoundingMode.HALF_EVEN));
            exp = r.precision() - r.scale() - 1;
            String u = r.unscaledValue().toString();
            digits = u.length() > after + 1 ? u.substring(0, after + 1) : u + "0".repeat(after + 1 - u.length());
        }
        String m = after == 0 && !alt ? digits : digits.charAt(0) + "." + digits.substring(1);
        if (stripZeros && m.contains(".")) m = m.replaceAll("0+$", "").replaceAll("\\.$", "");
        return m + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    private static String signed(boolean neg, String body, char sign) {
        if (neg) return "-" + body;
        if (sign == '+') return "+" + body;
        if (sign == ' ') return " " + body;
        return body;
    }

    private static String group(String digits, char sep) {
        if (sep == 0) return digits;
        int dot = digits.indexOf('.');
        String intPart = dot < 0 ? digits : digits.substring(0, dot), rest = dot < 0 ? "" : digits.substring(dot);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < intPart.length(); i++) {
            if (i > 0 && (intPart.length() - i) % 3 == 0) sb.append(sep);
            sb.append(intPart.charAt(i));
        }
        return sb + rest;
    }

    private static String groupNumber(String s, char sep) { return group(s, sep); }

    private static String pad(String body, Spec sp, boolean numeric) {
        int len = body.codePointCount(0, body.length());
        if (sp.width <= len) return body;
        int n = sp.width - len;
        char align = sp.align == 0 ? (numeric ? '>' : '<') : sp.align;
        String fill = String.valueOf(sp.fill);
        return switch (align) {
            case '<' -> body + fill.repeat(n);
            case '^' -> fill.repeat(n / 2) + body + fill.repeat(n - n / 2);
            case '=' -> {
                int signLen = !body.isEmpty() && "+- ".indexOf(body.charAt(0)) >= 0 ? 1 : 0;
                if (sp.alt && sp.type != 0 && "xXob".indexOf(sp.type) >= 0) signLen += 2;  // the 0x/0o/0b prefix goes before the padding too
                yield body.substring(0, signLen) + fill.repeat(n) + body.substring(signLen);
            }
            default -> fill.repeat(n) + body;
        };
    }

    /** %s/%r/%a: the precision truncates, the width pads on the left ('-': on the right). */
    private static String padText(String text, String flags) {
        boolean left = flags.contains("-");
        String digits = flags.replaceAll("[-+ #]", "");
        int dot = digits.indexOf('.');
        String w = dot >= 0 ? digits.substring(0, dot) : digits;
        if (dot >= 0) {
            String p = digits.substring(dot + 1);
            int prec = p.isEmpty() ? 0 : Integer.parseInt(p);
            if (text.codePointCount(0, text.length()) > prec) text = text.substring(0, text.offsetByCodePoints(0, prec));
        }
        int width = w.isEmpty() ? 0 : Integer.parseInt(w);
        int len = text.codePointCount(0, text.length());
        if (len >= width) return text;
        String pad = " ".repeat(width - len);
        return left ? text + pad : pad + text;
    }

    /** {@code fmt % args} for %s, %r, %d, %i, %f, %x, %% with optional width/precision. */
    static long percent(Runtime rt, long fmtObj, long args) {
        String fmt = StrType.value(fmtObj);
        String out = percentText(rt, fmt, args, false);
        // no conversion at all: the writer took the whole format string as its (read-only) buffer,
        // so the result is the format object itself, an instance of a str subclass too
        if (fmt.indexOf('%') < 0) return Builtins.incref(rt.heap, fmtObj);
        return rt.heap.strs.of(out);
    }

    /**
     * bytes_mod / bytearray_mod (_PyBytes_FormatEx): {@code fmt % args} over bytes, a new bytes
     * (bytearray for a bytearray format). %s and %b take a bytes-like object or one with
     * __bytes__, %r and %a give ascii(repr(x)), %c an int in range(256) or one byte; the numeric
     * conversions are str's; %(key) looks a bytes key up.
     */
    static long percentBytes(Runtime rt, byte[] fmt, long args, boolean bytearray) {
        String text = percentText(rt, new String(fmt, java.nio.charset.StandardCharsets.ISO_8859_1), args, true);
        byte[] out = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return bytearray ? rt.byteArrayType.of(out) : rt.heap.bytes.of(out);
    }

    /** The bytes %s and %b insert: a bytes-like object's, or __bytes__()'s. */
    private static String bytesArg(Runtime rt, long a) {
        byte[] b = BufferProtocol.bytesOrNull(rt, a);
        if (b == null && rt.ops.lookupType(rt.heap.typeOf(a), "__bytes__") != 0 && !Heap.isStr(a)) {
            long r = rt.ops.callMethod(a, "__bytes__");
            try {
                if (rt.ops.baseView(r) != rt.heap.bytes) {
                    throw rt.typeError("__bytes__ returned non-bytes (type " + rt.ops.typeName(r) + ")");
                }
                b = dev.refheap.object.BytesType.value(r);
            } finally {
                rt.heap.decref(r);
            }
        }
        if (b == null) {
            throw rt.typeError("%b requires a bytes-like object, or an object that implements __bytes__, not '" + rt.ops.typeName(a) + "'");
        }
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** %c of bytes: an int in range(256), or a bytes or bytearray of length 1. */
    private static String byteChar(Runtime rt, long a) {
        PyType t = rt.ops.baseView(a);
        if ((t == rt.heap.bytes || t == rt.byteArrayType) && BufferProtocol.bytesOrNull(rt, a).length == 1) {
            return new String(BufferProtocol.bytesOrNull(rt, a), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        if (!(t instanceof dev.refheap.object.IntType)) throw rt.typeError("%c requires an integer in range(256) or a single byte");
        long v = Builtins.intArg(rt, a);
        if (v < 0 || v > 255) throw rt.error("OverflowError", "%c arg not in range(256)");
        return String.valueOf((char) v);
    }

    private static String percentText(Runtime rt, String fmt, long args, boolean bytesMode) {
        Heap heap = rt.heap;
        boolean isTuple = rt.ops.isTuple(args);  // PyTuple_Check: a tuple subclass's items are the arguments too
        long nargs = isTuple ? TupleType.size(args) : 1;
        // a mapping argument (not a tuple or str; for bytes, not bytes either) feeds %(key)s and is never "not all converted"
        boolean mapping = !isTuple && !Heap.isStr(args) && !(bytesMode && rt.ops.baseView(args) == heap.bytes)
                && (heap.typeOf(args) == heap.dicts || ExecBuiltins.hasAttr(rt, args, "__getitem__"));
        // the arguments conversions take in turn: args, or after a %(key) the key's value alone
        long cur = args, curLen = nargs;
        boolean curTuple = isTuple;
        int ai = 0;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%') { out.append(c); continue; }
            int st = ++i;
            if (i < fmt.length() && fmt.charAt(i) == '%') { out.append('%'); continue; }  // "%%" only: "%5%" takes an argument
            long keyed = 0;
            if (i < fmt.length() && fmt.charAt(i) == '(') {
                if (!mapping) throw rt.typeError("format requires a mapping");
                int depth = 1, k0 = ++i;
                while (i < fmt.length() && depth > 0) {
                    if (fmt.charAt(i) == '(') depth++;
                    else if (fmt.charAt(i) == ')') depth--;
                    i++;
                }
                if (depth > 0) throw rt.error("ValueError", "incomplete format key");
                String keyText = fmt.substring(k0, i - 1);
                long key = bytesMode ? heap.bytes.of(keyText.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)) : heap.strs.of(keyText);
                try {
                    keyed = rt.ops.getItem(args, key);
                } finally {
                    heap.decref(key);
                }
                st = i;
                // the value is the arguments from here on, one of them (CPython's arglen -1)
                cur = keyed;
                curTuple = false;
                curLen = 1;
                ai = 0;
            }
            try {
            // flags, then a width and a precision, each digits or '*' (the next argument, an int; a
            // negative width left-justifies, a negative precision is 0), then h, l or L, ignored
            boolean left = false;
            StringBuilder signs = new StringBuilder();
            for (; i < fmt.length() && "-+ #0".indexOf(fmt.charAt(i)) >= 0; i++) {
                if (fmt.charAt(i) == '-') left = true;
                else signs.append(fmt.charAt(i));
            }
            long width = -1, prec = -1;
            if (i < fmt.length() && fmt.charAt(i) == '*') {
                i++;
                if (ai >= curLen) throw rt.typeError("not enough arguments for format string");
                width = starArg(rt, curTuple ? TupleType.item(cur, ai) : cur, true);
                ai++;
                if (width < 0) { left = true; width = -width; }
            } else {
                int w0 = i;
                while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) i++;
                if (i > w0) width = digits(rt, fmt.substring(w0, i), "width", Long.MAX_VALUE);
            }
            if (i < fmt.length() && fmt.charAt(i) == '.') {
                i++;
                if (i < fmt.length() && fmt.charAt(i) == '*') {
                    i++;
                    if (ai >= curLen) throw rt.typeError("not enough arguments for format string");
                    prec = Math.max(0, starArg(rt, curTuple ? TupleType.item(cur, ai) : cur, false));
                    ai++;
                } else {
                    int p0 = i;
                    while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) i++;
                    prec = i > p0 ? digits(rt, fmt.substring(p0, i), "precision", Integer.MAX_VALUE) : 0;
                }
            }
            if (i < fmt.length() && "hlL".indexOf(fmt.charAt(i)) >= 0) i++;
            if (i >= fmt.length()) throw rt.error("ValueError", "incomplete format");
            char conv = fmt.charAt(i);
            if (ai >= curLen) throw rt.typeError("not enough arguments for format string");
            long a = curTuple ? TupleType.item(cur, ai) : cur;
            ai++;
            // the padded result is built whole in Java first: past that, or past the heap's limit, a MemoryError as CPython's writer gives
            if (width > Integer.MAX_VALUE / 2 || width > heap.allocator().limit()) throw rt.error("MemoryError", null);
            // the conversion's flags in one order: '-' first (it overrides '0'), then the others, width, precision
            String others = left ? signs.toString().replace("0", "") : signs.toString();
            String flags = (left ? "-" : "") + others + (width >= 0 ? Long.toString(width) : "") + (prec >= 0 ? "." + prec : "");
            String spec = (flags.startsWith("-") ? "<" + flags.substring(1) : flags);
            String piece = switch (conv) {
                case 's', 'b' -> {
                    if (bytesMode) yield padText(bytesArg(rt, a), flags);
                    if (conv == 'b') throw unsupportedChar(rt, conv, i);
                    yield padText(rt.ops.str(a), flags);
                }
                case 'r' -> padText(bytesMode ? Builtins.ascii(rt.ops.repr(a)) : rt.ops.repr(a), flags);
                case 'a' -> padText(Builtins.ascii(rt.ops.repr(a)), flags);
                case 'd', 'i', 'u' -> {
                    boolean isInt = rt.ops.baseView(a) instanceof dev.refheap.object.IntType;
                    if (!isInt && rt.ops.baseView(a) != heap.floats) {
                        throw rt.typeError("%" + conv + " format: a real number is required, not " + rt.ops.typeName(a));
                    }
                    if (isInt) yield format(rt, a, spec + "d");
                    double v = dev.refheap.object.FloatType.value(a);
                    if (Double.isNaN(v)) throw rt.error("ValueError", "cannot convert float NaN to integer");
                    if (Double.isInfinite(v)) throw rt.error("OverflowError", "cannot convert float infinity to integer");
                    long truncated = heap.ints.of(new java.math.BigDecimal(v).toBigInteger());
                    try {
                        yield format(rt, truncated, spec + "d");
                    } finally {
                        heap.decref(truncated);
                    }
                }
                case 'x', 'X', 'o' -> {
                    if (!(rt.ops.baseView(a) instanceof dev.refheap.object.IntType)) {
                        throw rt.typeError("%" + conv + " format: an integer is required, not " + rt.ops.typeName(a));
                    }
                    yield format(rt, a, spec + conv);
                }
                case 'e', 'E', 'f', 'F', 'g', 'G' -> {
                    if (!(rt.ops.baseView(a) instanceof dev.refheap.object.IntType) && rt.ops.baseView(a) != heap.floats) {
                        throw rt.typeError("must be real number, not " + rt.ops.typeName(a));
                    }
                    yield format(rt, a, spec + conv);
                }
                case 'c' -> {
                    if (bytesMode) yield padText(byteChar(rt, a), flags);
                    if (rt.ops.baseView(a) == heap.strs && StrType.length(a) == 1) yield padText(StrType.value(a), flags);
                    if (!(rt.ops.baseView(a) instanceof dev.refheap.object.IntType)) throw rt.typeError("%c requires int or char");
                    yield format(rt, a, spec + "c");
                }
                default -> throw unsupportedChar(rt, conv, i);
            };
            out.append(piece);
            } finally {
                heap.xdecref(keyed);
            }
        }
        if (ai < curLen && !mapping) {
            throw rt.typeError("not all arguments converted during " + (bytesMode ? "bytes" : "string") + " formatting");
        }
        return out.toString();
    }

    /** A '*' width (a Py_ssize_t) or precision's (a C int) argument; "* wants int" for anything but an int. */
    private static long starArg(Runtime rt, long v, boolean width) {
        if (!(rt.ops.baseView(v) instanceof IntType)) throw rt.typeError("* wants int");
        BigInteger b = IntType.toBig(v);
        if (b.bitLength() > (width ? 63 : 31)) throw rt.error("OverflowError", "Python int too large to convert to C " + (width ? "ssize_t" : "int"));
        return b.longValue();
    }

    /** A width or precision written in digits, at most {@code max} ("width too big", "precision too big" past it). */
    private static long digits(Runtime rt, String text, String what, long max) {
        BigInteger v = new BigInteger(text);
        if (v.compareTo(BigInteger.valueOf(max)) > 0) throw rt.error("ValueError", what + " too big");
        return v.longValue();
    }

    private static PyException unsupportedChar(Runtime rt, char conv, int i) {
        return rt.error("ValueError", "unsupported format character '" + conv + "' (0x" + Integer.toHexString(conv) + ") at index " + i);
    }
}
