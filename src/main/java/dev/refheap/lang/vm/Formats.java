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

    /**
     * [[fill]align][sign][z][#][0][width][,|_][.precision][type] ({@code noNegZero}: 'z', PEP 682);
     * {@code fill} is a code point (one outside the BMP is one fill character, as 3.11 reads the
     * spec in code points).
     */
    record Spec(int fill, char align, char sign, boolean noNegZero, boolean alt, int width, char grouping, int precision, char type) {}

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

    /** A spec for a str (default type 's', left-aligned): what the other format paths parse with. */
    static Spec parse(Runtime rt, String s) { return parse(rt, s, "str", 's', false); }

    /**
     * parse_internal_render_format_spec: {@code typeName} names the object's type in the errors,
     * {@code defaultType} is the type a spec without one has (its thousands separator is checked
     * against it), {@code numeric} says the default alignment is right (a '0' before the width then
     * also means '=' alignment; for a str it is only the fill).
     */
    static Spec parse(Runtime rt, String s, String typeName, char defaultType, boolean numeric) {
        int i = 0;
        int fill = ' ';
        char align = 0, sign = 0, grouping = 0, type = 0;
        boolean alt = false, fillGiven = false;
        int width = -1, precision = -1;
        int first = s.isEmpty() ? 0 : Character.charCount(s.codePointAt(0));  // the fill is one code point, maybe two chars
        if (s.length() > first && "<>=^".indexOf(s.charAt(first)) >= 0) {
            fill = s.codePointAt(0);
            align = s.charAt(first);
            fillGiven = true;
            i = first + 1;
        }
        else if (!s.isEmpty() && "<>=^".indexOf(s.charAt(0)) >= 0) { align = s.charAt(0); i = 1; }
        if (i < s.length() && "+- ".indexOf(s.charAt(i)) >= 0) sign = s.charAt(i++);
        boolean noNegZero = false;
        if (i < s.length() && s.charAt(i) == 'z') { noNegZero = true; i++; }
        if (i < s.length() && s.charAt(i) == '#') { alt = true; i++; }
        if (!fillGiven && i < s.length() && s.charAt(i) == '0') {
            fill = '0';
            if (align == 0 && numeric) align = '=';
            i++;
        }
        int st = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        if (i > st) {
            long w = decimal(rt, s.substring(st, i));
            if (w > MAX_WIDTH) throw rt.error("MemoryError", null); // the padded result could not be built
            width = (int) w;
        }
        if (i < s.length() && s.charAt(i) == ',') { grouping = ','; i++; }
        if (i < s.length() && s.charAt(i) == '_') {
            if (grouping != 0) throw rt.error("ValueError", "Cannot specify both ',' and '_'.");
            grouping = '_';
            i++;
        }
        if (i < s.length() && s.charAt(i) == ',' && grouping == '_') throw rt.error("ValueError", "Cannot specify both ',' and '_'.");
        if (i < s.length() && s.charAt(i) == '.') {
            st = ++i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            if (i == st) throw rt.error("ValueError", "Format specifier missing precision");
            long p = decimal(rt, s.substring(st, i));
            if (numeric && p > MAX_WIDTH && i < s.length() && "eEfFgG%".indexOf(s.charAt(i)) >= 0) throw rt.error("ValueError", "precision too big");
            precision = (int) Math.min(p, MAX_WIDTH);
        }
        if (s.codePointCount(i, s.length()) > 1) throw rt.error("ValueError", "Invalid format specifier '" + s + "' for object of type '" + typeName + "'");
        if (i < s.length() && Character.isSupplementaryCodePoint(s.codePointAt(i))) {
            // a type code outside the BMP: no type takes it (refheap's Spec keeps the type as a char)
            String code = "'\\x" + Integer.toHexString(s.codePointAt(i)) + "'";
            if (grouping != 0) throw rt.error("ValueError", "Cannot specify '" + grouping + "' with " + code + ".");
            throw rt.error("ValueError", "Unknown format code " + code + " for object of type '" + typeName + "'");
        }
        if (i < s.length()) type = s.charAt(i++);
        if (grouping != 0) {
            char t = type == 0 ? defaultType : type;
            boolean ok = t == 0 || "defgEG%F".indexOf(t) >= 0 || (grouping == '_' && "boxX".indexOf(t) >= 0);
            if (!ok) {
                throw rt.error("ValueError", "Cannot specify '" + grouping + "' with "
                        + (t > 32 && t < 128 ? "'" + t + "'." : "'\\x" + Integer.toHexString(t) + "'."));
            }
        }
        return new Spec(fill, align, sign, noNegZero, alt, width, grouping, precision, type);
    }

    static String format(Runtime rt, long v, String specText) {
        Heap heap = rt.heap;
        PyType t = rt.ops.baseView(v);  // an int or float subclass that does not define __format__ (Ops.format checked) formats as its base
        boolean isInt = t instanceof IntType, isFloat = t == heap.floats;
        // the messages name the object's own type (tp_name: a subclass's name, 'bool')
        String name = rt.ops.typeName(v);
        if (t == rt.complexType) return formatComplex(rt, ComplexType.real(v), ComplexType.imag(v), specText, name);
        if (!isInt && !isFloat && t != heap.strs) {
            // object.__format__: only the empty spec (Ops.format's str(v)) is taken
            throw rt.typeError("unsupported format string passed to " + name + ".__format__");
        }
        Spec sp = isInt ? parse(rt, specText, name, 'd', true) : isFloat ? parse(rt, specText, name, (char) 0, true)
                : parse(rt, specText, name, 's', false);
        if (sp.precision == MAX_WIDTH && (isFloat || isInt && "eEfFgG%".indexOf(sp.type) >= 0)) {
            throw rt.error("ValueError", "precision too big"); // past INT_MAX (or refheap's own limit)
        }
        if (isInt && "eEfFgG%".indexOf(sp.type == 0 ? 'd' : sp.type) < 0) {
            if ("bcdoxXn".indexOf(sp.type == 0 ? 'd' : sp.type) < 0) {
                throw rt.error("ValueError", "Unknown format code " + codeText(sp.type) + " for object of type '" + name + "'");
            }
            if (sp.precision >= 0) throw rt.error("ValueError", "Precision not allowed in integer format specifier");
            if (sp.noNegZero) throw rt.error("ValueError", "Negative zero coercion (z) not allowed in integer format specifier");
            BigInteger n = IntType.toBig(v);
            if (sp.type == 'c') {
                if (sp.sign != 0) throw rt.error("ValueError", "Sign not allowed with integer format specifier 'c'");
                if (sp.alt) throw rt.error("ValueError", "Alternate form (#) not allowed with integer format specifier 'c'");
                if (n.bitLength() > 63) throw rt.error("OverflowError", "Python int too large to convert to C long");
                if (n.signum() < 0 || n.compareTo(BigInteger.valueOf(0x110000)) >= 0) {
                    throw rt.error("OverflowError", "%c arg not in range(0x110000)");  // a negative one was an internal error
                }
                String c = dev.refheap.object.SurrogateEscapes.of(dev.refheap.object.SurrogateEscapes.checked(n.intValue()));
                return pad(c, sp, true);
            }
            String prefix = "", digits;
            switch (sp.type) {
                case 'x' -> { prefix = sp.alt ? "0x" : ""; digits = n.abs().toString(16); }
                case 'X' -> { prefix = sp.alt ? "0X" : ""; digits = n.abs().toString(16).toUpperCase(); }
                case 'o' -> { prefix = sp.alt ? "0o" : ""; digits = n.abs().toString(8); }
                case 'b' -> { prefix = sp.alt ? "0b" : ""; digits = n.abs().toString(2); }
                default -> digits = IntStrLimit.decimalDigits(rt, n.abs());
            }
            return number(sp, n.signum() < 0, prefix, digits, "");
        }
        if (isInt || isFloat) {
            double d = isFloat ? FloatType.value(v) : IntType.toBig(v).doubleValue();
            return formatFloat(rt, d, sp, name);
        }
        if (sp.type != 0 && sp.type != 's') {  // format_obj's type switch comes before format_string_internal's checks
            throw rt.error("ValueError", "Unknown format code " + codeText(sp.type) + " for object of type '" + name + "'");
        }
        if (t == heap.strs) {
            if (sp.sign != 0) throw rt.error("ValueError", "Sign not allowed in string format specifier");
            if (sp.noNegZero) throw rt.error("ValueError", "Negative zero coercion (z) not allowed in string format specifier");
            if (sp.alt) throw rt.error("ValueError", "Alternate form (#) not allowed in string format specifier");
            if (sp.align == '=') throw rt.error("ValueError", "'=' alignment not allowed in string format specifier");
        }
        String body = t == heap.strs ? StrType.value(v) : rt.ops.str(v);  // str's own __format__ formats the characters, never an override's __str__
        if (sp.precision >= 0 && body.length() > sp.precision) body = body.substring(0, sp.precision);
        return pad(body, sp, false);
    }

    /**
     * format(complex, spec), as 3.11's format_complex_internal: types e, E, f, F, g, G, n or none
     * (none: the parts as repr writes them, "1" not "1.0", in parentheses unless the real part is
     * +0 and left out; with a precision, 'g' of it, parentheses kept); each part formatted as a float
     * with its own thousands separators and no padding, the imaginary part always signed when the
     * real part is shown; then the whole (parentheses and 'j' included) padded, right-aligned by
     * default. A '0' fill and '=' alignment are refused, as there.
     */
    private static String formatComplex(Runtime rt, double re, double im, String specText, String name) {
        Spec sp = parse(rt, specText, name, (char) 0, true);
        if (sp.precision == MAX_WIDTH) throw rt.error("ValueError", "precision too big");
        if (sp.type != 0 && "eEfFgGn".indexOf(sp.type) < 0) {
            throw rt.error("ValueError", "Unknown format code " + codeText(sp.type) + " for object of type '" + name + "'");
        }
        if (sp.fill == '0') throw rt.error("ValueError", "Zero padding is not allowed in complex format specifier");
        if (sp.align == '=') throw rt.error("ValueError", "'=' alignment flag is not allowed in complex format specifier");
        boolean reprStyle = sp.type == 0 && sp.precision < 0, parens = false, skipRe = false;
        char type = sp.type;
        if (type == 0) {
            if (re == 0.0 && Math.copySign(1.0, re) == 1.0) skipRe = true;
            else parens = true;
            type = 'g';
        }
        Spec part = new Spec(' ', '<', sp.sign, sp.noNegZero, sp.alt, -1, sp.grouping, sp.precision, type);
        String reText = skipRe ? "" : complexPart(rt, re, part, reprStyle);
        Spec imPart = skipRe ? part : new Spec(' ', '<', '+', sp.noNegZero, sp.alt, -1, sp.grouping, sp.precision, type);
        String body = reText + complexPart(rt, im, imPart, reprStyle) + "j";
        if (parens) body = "(" + body + ")";
        int len = body.codePointCount(0, body.length());
        if (sp.width <= len) return body;
        int n = sp.width - len;
        String fill = Character.toString(sp.fill);
        return switch (sp.align == 0 ? '>' : sp.align) {
            case '<' -> body + fill.repeat(n);
            case '^' -> fill.repeat(n / 2) + body + fill.repeat(n - n / 2);
            default -> fill.repeat(n) + body;
        };
    }

    /** One part of a complex, unpadded: repr's digits without a ".0" ('r' without Py_DTSF_ADD_DOT_0), or the float format of {@code sp}. */
    private static String complexPart(Runtime rt, double d, Spec sp, boolean reprStyle) {
        if (!reprStyle) return formatFloat(rt, d, sp, "complex");
        String r = Double.isNaN(d) || Double.isInfinite(d) ? null : Floats.repr(Math.abs(d));
        if (r == null) return formatFloat(rt, d, new Spec(' ', '<', sp.sign, sp.noNegZero, sp.alt, -1, sp.grouping, -1, 'g'), "complex");
        if (r.endsWith(".0")) r = r.substring(0, r.length() - (sp.alt ? 1 : 2));  // '#' keeps the point: "1."
        else if (sp.alt && r.indexOf('.') < 0) r = r.replace("e", ".e");  // "1.e+20"
        boolean neg = d < 0 || (d == 0 && 1 / d < 0);
        if (sp.noNegZero && neg && d == 0) neg = false;
        String sign = neg ? "-" : sp.sign == '+' ? "+" : sp.sign == ' ' ? " " : "";
        if (sp.grouping == 0) return sign + r;
        int end = 0;
        while (end < r.length() && Character.isDigit(r.charAt(end))) end++;
        return sign + insertGrouping(r.substring(0, end), String.valueOf(sp.grouping), new byte[] {3}, 0) + r.substring(end);
    }

    /** unknown_presentation_type's rendering of the code: 'x', or '\x..' outside printable ASCII. */
    private static String codeText(char c) {
        return c > 32 && c < 128 ? "'" + c + "'" : "'\\x" + Integer.toHexString(c) + "'";
    }

    /** format(float, spec) of a Java double, with no float object made (marshal's PyOS_double_to_string). */
    static String formatDouble(Runtime rt, double d, String specText) {
        return formatFloat(rt, d, parse(rt, specText, "float", (char) 0, true), "float");
    }

    private static String formatFloat(Runtime rt, double d, Spec sp, String name) {
        boolean neg = d < 0 || (d == 0 && 1 / d < 0);
        double a = Math.abs(d);
        String body;
        int prec = sp.precision < 0 ? 6 : sp.precision;
        char type = sp.type == 'n' ? 'g' : sp.type;  // 'n' is 'g' in the current locale's digits
        if ("eEfFgG%".indexOf(type) < 0 && type != 0) {
            throw rt.error("ValueError", "Unknown format code " + codeText(sp.type) + " for object of type '" + name + "'");
        }
        if (Double.isNaN(d)) body = ("FEG".indexOf(type) >= 0 ? "NAN" : "nan") + (type == '%' ? "%" : "");
        else if (Double.isInfinite(d)) body = ("FEG".indexOf(type) >= 0 ? "INF" : "inf") + (type == '%' ? "%" : "");
        else switch (type) {
            case 'f', 'F' -> body = new BigDecimal(a).setScale(prec, RoundingMode.HALF_EVEN).toPlainString() + (sp.alt && prec == 0 ? "." : "");
            case '%' -> body = new BigDecimal(a).multiply(BigDecimal.valueOf(100)).setScale(prec, RoundingMode.HALF_EVEN).toPlainString()
                    + (sp.alt && prec == 0 ? "." : "") + "%";
            case 'e', 'E' -> {
                String s = scientific(a, prec, false, sp.alt);
                body = type == 'E' ? s.toUpperCase() : s;
            }
            case 'g', 'G' -> {
                body = general(a, prec == 0 ? 1 : prec, sp.alt);
                if (type == 'G') body = body.toUpperCase();
            }
            default -> body = sp.precision < 0 ? Floats.repr(a) : generalAddDot0(a, Math.max(prec, 1));
        }
        if (sp.noNegZero && neg && body.replaceAll("[eE].*|%", "").chars().allMatch(c -> c == '0' || c == '.')) neg = false;  // 'z': a -0 result loses its sign
        if (sp.type == 'n') return number(sp, neg && !Double.isNaN(d), "", body, null);
        int digitsEnd = 0;
        while (digitsEnd < body.length() && Character.isDigit(body.charAt(digitsEnd))) digitsEnd++;
        return number(sp, neg && !Double.isNaN(d), "", body.substring(0, digitsEnd), body.substring(digitsEnd));
    }

    /**
     * A formatted number laid out as CPython's fill_number: sign, prefix (0x...), the leading digits
     * with their thousands separators (and, for a '0' fill with '=' alignment, zeros grouped as the
     * digits are, up to the width), then {@code rest} (the point, fraction, exponent, '%'), padded
     * by the alignment. {@code rest} null means the spec's type is 'n': {@code digits} is then the
     * whole number, whose separators and point are the current LC_NUMERIC locale's.
     */
    private static String number(Spec sp, boolean neg, String prefix, String digits, String rest) {
        String sign = neg ? "-" : sp.sign == '+' ? "+" : sp.sign == ' ' ? " " : "";
        String sep;
        byte[] grouping;
        if (rest == null) {  // LT_CURRENT_LOCALE
            NumericLocale lc = NumericLocale.current();
            int end = 0;
            while (end < digits.length() && Character.isDigit(digits.charAt(end))) end++;
            rest = digits.substring(end);
            if (rest.startsWith(".")) rest = lc.decimalPoint() + rest.substring(1);
            digits = digits.substring(0, end);
            sep = lc.thousandsSep();
            grouping = lc.grouping();
        } else if (sp.grouping == 0) {
            sep = "";
            grouping = new byte[0];
        } else {
            sep = String.valueOf(sp.grouping);
            grouping = new byte[] {(byte) (sp.grouping == '_' && "boxX".indexOf(sp.type) >= 0 ? 4 : 3)};
        }
        int minWidth = sp.fill == '0' && sp.align == '=' ? sp.width - (sign.length() + prefix.length() + rest.length()) : 0;
        String grouped = digits.isEmpty() ? "" : insertGrouping(digits, sep, grouping, minWidth);
        String head = sign + prefix, body = grouped + rest;
        int len = head.codePointCount(0, head.length()) + body.codePointCount(0, body.length());
        if (sp.width <= len) return head + body;
        int n = sp.width - len;
        String fill = Character.toString(sp.fill);
        return switch (sp.align == 0 ? '>' : sp.align) {
            case '<' -> head + body + fill.repeat(n);
            case '^' -> fill.repeat(n / 2) + head + body + fill.repeat(n - n / 2);
            case '=' -> head + fill.repeat(n) + body;
            default -> fill.repeat(n) + head + body;
        };
    }

    /**
     * _PyUnicode_InsertThousandsGrouping: {@code digits} with {@code sep} between the groups, whose
     * sizes {@code grouping} gives from the right as a C locale's grouping string does (a 0 or the
     * end repeats the last size, CHAR_MAX stops grouping); zeros, grouped alike, are added in front
     * until the result has {@code minWidth} characters (never starting with a separator).
     */
    static String insertGrouping(String digits, String sep, byte[] grouping, int minWidth) {
        StringBuilder out = new StringBuilder();
        int remaining = digits.length(), pos = digits.length(), gi = 0, previous = 0;
        boolean useSep = false, done = false;
        while (true) {
            int len;
            if (gi >= grouping.length || grouping[gi] == 0) len = previous;
            else if (grouping[gi] == Byte.MAX_VALUE || grouping[gi] < 0) len = 0;
            else len = previous = grouping[gi++];
            if (len <= 0) break;
            int l = Math.min(len, Math.max(Math.max(remaining, minWidth), 1));
            group(out, digits, pos, useSep ? sep : "", Math.max(0, l - remaining), Math.max(0, Math.min(remaining, l)));
            pos -= Math.max(0, Math.min(remaining, l));
            useSep = true;
            remaining -= Math.max(0, Math.min(remaining, l));
            minWidth -= len;
            if (remaining <= 0 && minWidth <= 0) {
                done = true;
                break;
            }
            minWidth -= sep.length();
        }
        if (!done) {
            int l = Math.max(Math.max(remaining, minWidth), 1);
            group(out, digits, pos, useSep ? sep : "", Math.max(0, l - remaining), Math.max(0, Math.min(remaining, l)));
        }
        return out.toString();
    }

    /** One group put in front of {@code out}: its zeros, its digits (those before {@code pos}), then the separator. */
    private static void group(StringBuilder out, String digits, int pos, String sep, int zeros, int chars) {
        out.insert(0, sep);
        out.insert(0, digits, pos - chars, pos);
        out.insert(0, "0".repeat(zeros));
    }

    /**
     * No type with a precision: 'g' with Py_DTSF_ADD_DOT_0, whose exponent form starts one place
     * earlier (a decimal point at or past the precision: format(1234.56, '.4') is '1.235e+03',
     * format(1.5, '.1') '2e+00') and whose integers get ".0".
     */
    private static String generalAddDot0(double a, int prec) {
        BigDecimal r = new BigDecimal(a).round(new java.math.MathContext(prec, RoundingMode.HALF_EVEN));
        int exp = a == 0 ? 0 : r.precision() - r.scale() - 1;  // zero's decimal point is after its one digit
        if (exp < -4 || exp >= prec - 1) return scientific(a, prec - 1, true, false);
        return general(a, prec, false).replaceAll("^(\\d+)$", "$1.0");
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

    private static String pad(String body, Spec sp, boolean numeric) {
        int len = body.codePointCount(0, body.length());
        if (sp.width <= len) return body;
        int n = sp.width - len;
        char align = sp.align == 0 ? (numeric ? '>' : '<') : sp.align;
        String fill = Character.toString(sp.fill);
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
        long[] whole = {0};
        String out;
        try {
            out = percentText(rt, fmt, args, false, whole);
        } catch (RuntimeException e) {
            rt.heap.xdecref(whole[0]);
            throw e;
        }
        // no conversion at all: the writer took the whole format string as its (read-only) buffer,
        // so the result is the format object itself, an instance of a str subclass too
        if (fmt.indexOf('%') < 0) return Builtins.incref(rt.heap, fmtObj);
        // one %s or %r that is the whole result, unpadded and uncut: the last conversion (the writer no
        // longer over-allocating) wrote that str into the empty writer, which keeps it as its result
        if (whole[0] != 0) return whole[0];
        return rt.heap.strs.of(out);
    }

    /**
     * bytes_mod / bytearray_mod (_PyBytes_FormatEx): {@code fmt % args} over bytes, a new bytes
     * (bytearray for a bytearray format). %s and %b take a bytes-like object or one with
     * __bytes__, %r and %a give ascii(repr(x)), %c an int in range(256) or one byte; the numeric
     * conversions are str's; %(key) looks a bytes key up.
     */
    static long percentBytes(Runtime rt, byte[] fmt, long args, boolean bytearray) {
        String text = percentText(rt, new String(fmt, java.nio.charset.StandardCharsets.ISO_8859_1), args, true, null);
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

    private static String percentText(Runtime rt, String fmt, long args, boolean bytesMode, long[] whole) {
        Heap heap = rt.heap;
        boolean isTuple = rt.ops.isTuple(args);  // PyTuple_Check: a tuple subclass's items are the arguments too
        long nargs = isTuple ? TupleType.size(args) : 1;
        // a mapping argument (not a tuple or str; for bytes, not bytes or a bytearray either) feeds %(key)s and is never "not all converted"
        boolean mapping = !isTuple && !Heap.isStr(args) && !(bytesMode && (rt.ops.baseView(args) == heap.bytes || rt.ops.baseView(args) == rt.byteArrayType))
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
                    if (heap.typeOf(a) == heap.ints && width < 0 && prec < 0) yield rt.ops.str(a);  // an exact int: formatted straight into the writer
                    yield wholeOrPadded(rt, rt.ops.strObject(a), flags, whole, out.length() == 0 && i == fmt.length() - 1);
                }
                case 'r' -> bytesMode ? padText(Builtins.ascii(rt.ops.repr(a)), flags)
                        : heap.typeOf(a) == heap.ints && width < 0 && prec < 0 ? rt.ops.repr(a)
                        : wholeOrPadded(rt, rt.ops.reprObject(a), flags, whole, out.length() == 0 && i == fmt.length() - 1);
                case 'a' -> padText(Builtins.ascii(rt.ops.repr(a)), flags);
                case 'd', 'i', 'u' -> {
                    boolean isInt = rt.ops.baseView(a) instanceof dev.refheap.object.IntType;
                    if (!isInt && rt.ops.baseView(a) != heap.floats) {
                        throw rt.typeError("%" + conv + " format: a real number is required, not " + rt.ops.typeName(a));
                    }
                    if (isInt) yield formatLong(rt, IntType.toBig(a), conv, prec, width, left, others);
                    double v = dev.refheap.object.FloatType.value(a);
                    if (Double.isNaN(v)) throw rt.error("ValueError", "cannot convert float NaN to integer");
                    if (Double.isInfinite(v)) throw rt.error("OverflowError", "cannot convert float infinity to integer");
                    yield formatLong(rt, new java.math.BigDecimal(v).toBigInteger(), conv, prec, width, left, others);
                }
                case 'x', 'X', 'o' -> {
                    if (!(rt.ops.baseView(a) instanceof dev.refheap.object.IntType)) {
                        throw rt.typeError("%" + conv + " format: an integer is required, not " + rt.ops.typeName(a));
                    }
                    yield formatLong(rt, IntType.toBig(a), conv, prec, width, left, others);
                }
                case 'e', 'E', 'f', 'F', 'g', 'G' -> {
                    if (!(rt.ops.baseView(a) instanceof dev.refheap.object.IntType) && rt.ops.baseView(a) != heap.floats) {
                        throw rt.typeError("must be real number, not " + rt.ops.typeName(a));
                    }
                    yield format(rt, a, spec + conv);
                }
                case 'c' -> {  // a precision is ignored
                    String cflags = (left ? "-" : "") + others + (width >= 0 ? Long.toString(width) : "");
                    if (bytesMode) yield padText(byteChar(rt, a), cflags);
                    if (rt.ops.baseView(a) == heap.strs && StrType.length(a) == 1) yield padText(StrType.value(a), cflags);
                    if (!(rt.ops.baseView(a) instanceof dev.refheap.object.IntType)) throw rt.typeError("%c requires int or char");
                    BigInteger cp = IntType.toBig(a);
                    if (cp.signum() < 0 || cp.compareTo(BigInteger.valueOf(0x110000)) >= 0) throw rt.error("OverflowError", "%c arg not in range(0x110000)");
                    // format's 'c' (refheap's text of a lone surrogate), space-padded: %c takes no other flag
                    yield format(rt, a, (width >= 0 ? (left ? "<" : ">") + width : "") + "c");
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

    /**
     * printf-style %d, %i, %u, %x, %X and %o, as 3.11's formatlong writes them: the digits
     * zero-padded to the precision (none when {@code prec} is negative), after the sign ('-', or '+'/' ' by the flags) and the
     * '#' prefix (0x, 0X, 0o); a wider field is padded with spaces on the left, on the right with
     * '-', or with zeros after the sign and prefix with '0'.
     */
    private static String formatLong(Runtime rt, BigInteger n, char conv, long prec, long width, boolean left, String flags) {
        int radix = conv == 'x' || conv == 'X' ? 16 : conv == 'o' ? 8 : 10;
        String digits = radix == 10 ? IntStrLimit.decimalDigits(rt, n) : n.abs().toString(radix);  // the int max str digits limit: decimal only
        if (conv == 'X') digits = digits.toUpperCase(java.util.Locale.ROOT);
        if (digits.length() < prec) digits = "0".repeat((int) (prec - digits.length())) + digits;
        String sign = n.signum() < 0 ? "-" : flags.indexOf('+') >= 0 ? "+" : flags.indexOf(' ') >= 0 ? " " : "";
        String prefix = flags.indexOf('#') < 0 || radix == 10 ? "" : conv == 'x' ? "0x" : conv == 'X' ? "0X" : "0o";
        int body = sign.length() + prefix.length() + digits.length();
        if (width <= body) return sign + prefix + digits;
        String pad = (left || flags.indexOf('0') < 0 ? " " : "0").repeat((int) (width - body));
        if (left) return sign + prefix + digits + pad;
        return flags.indexOf('0') >= 0 ? sign + prefix + pad + digits : pad + sign + prefix + digits;
    }

    /**
     * The text of str object {@code so} (a new reference, taken) padded or cut by {@code flags}; when
     * it is the format's only and last conversion ({@code last}) and comes out unchanged, the object
     * itself is kept in {@code whole[0]} as the result (unicode_format_arg_output's
     * _PyUnicodeWriter_WriteStr into an empty, no longer over-allocating writer).
     */
    private static String wholeOrPadded(Runtime rt, long so, String flags, long[] whole, boolean last) {
        String text = StrType.value(so);
        String piece = padText(text, flags);
        if (last && whole != null && piece.equals(text)) whole[0] = so;
        else rt.heap.decref(so);
        return piece;
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
