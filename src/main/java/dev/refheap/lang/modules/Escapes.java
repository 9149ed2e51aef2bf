package dev.refheap.lang.modules;

import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.StrType;
import java.io.ByteArrayOutputStream;

/**
 * The escape codecs of {@code _codecs}: escape_decode (a bytes literal's escapes, CPython's
 * _PyBytes_DecodeEscape, with its ValueErrors), unicode_escape and raw_unicode_escape in both
 * directions. Decoding reads bytes (a non-escape byte is its latin-1 character); an escape error
 * is a UnicodeDecodeError over the escape's span, handled by the errors argument; unless
 * {@code final}, an escape cut off by the end of the input is left for the next call.
 */
final class Escapes {
    private Escapes() {}

    static byte[] bytesDecode(VmApi vm, byte[] b, String errors) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0, n = b.length;
        while (i < n) {
            int c = b[i++] & 0xff;
            if (c != '\\') {
                out.write(c);
                continue;
            }
            if (i >= n) throw vm.error("ValueError", "Trailing \\ in string");
            c = b[i++] & 0xff;
            switch (c) {
                case '\n' -> { }
                case '\\' -> out.write('\\');
                case '\'' -> out.write('\'');
                case '"' -> out.write('"');
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 't' -> out.write('\t');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 'v' -> out.write(0x0b);
                case 'a' -> out.write(0x07);
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = c - '0';
                    for (int k = 0; k < 2 && i < n && b[i] >= '0' && b[i] <= '7'; k++) v = v * 8 + (b[i++] - '0');
                    out.write(v & 0xff);
                }
                case 'x' -> {
                    int h1 = i < n ? Character.digit(b[i], 16) : -1, h2 = i + 1 < n ? Character.digit(b[i + 1], 16) : -1;
                    if (h1 >= 0 && h2 >= 0) {
                        out.write(h1 * 16 + h2);
                        i += 2;
                        break;
                    }
                    switch (errors) {
                        case "strict" -> throw vm.error("ValueError", "invalid \\x escape at position " + (i - 2));
                        case "replace" -> out.write('?');
                        case "ignore" -> { }
                        default -> throw vm.error("ValueError", "decoding error; unknown error handling code: " + errors);
                    }
                    if (h1 >= 0) i++;
                }
                default -> {
                    out.write('\\');
                    i--;  // the character after an unknown escape is itself
                }
            }
        }
        return out.toByteArray();
    }

    static byte[] encode(long str, boolean raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long len = StrType.length(str);
        for (long k = 0; k < len; k++) {
            int c = StrType.codePointAt(str, k);
            String esc;
            if (raw) {
                esc = c < 0x100 ? null : c < 0x10000 ? String.format("\\u%04x", c) : String.format("\\U%08x", c);
            } else if (c == '\\') {
                esc = "\\\\";
            } else if (c == '\t') {
                esc = "\\t";
            } else if (c == '\n') {
                esc = "\\n";
            } else if (c == '\r') {
                esc = "\\r";
            } else if (c >= 0x20 && c < 0x7f) {
                esc = null;
            } else {
                esc = c < 0x100 ? String.format("\\x%02x", c) : c < 0x10000 ? String.format("\\u%04x", c) : String.format("\\U%08x", c);
            }
            if (esc == null) out.write(c);
            else for (int j = 0; j < esc.length(); j++) out.write(esc.charAt(j));
        }
        return out.toByteArray();
    }

    /** unicode_escape_decode / raw_unicode_escape_decode: a new str; consumed[0] the bytes used. */
    static long decode(VmApi vm, byte[] b, boolean raw, String errors, boolean fin, int[] consumed) {
        StringBuilder out = new StringBuilder();
        int i = 0, n = b.length;
        String codec = raw ? "rawunicodeescape" : "unicodeescape";
        while (i < n) {
            int c = b[i] & 0xff;
            if (c != '\\') {
                out.append((char) c);
                i++;
                continue;
            }
            int start = i;
            if (raw) {
                // a backslash escapes only when followed by u or U, after an even run of backslashes
                if (i + 1 >= n) {
                    if (!fin) { consumed[0] = i; break; }
                    out.append('\\');
                    i++;
                    continue;
                }
                int next = b[i + 1] & 0xff;
                if (next != 'u' && next != 'U') {
                    out.append('\\');
                    i++;
                    if (next == '\\') { out.append('\\'); i++; }
                    continue;
                }
            }
            if (i + 1 >= n) {
                if (!fin) { consumed[0] = i; break; }
                i = error(vm, out, b, codec, errors, start, n, "\\ at end of string");
                continue;
            }
            c = b[i + 1] & 0xff;
            i += 2;
            int digits = 0;
            String what = null;
            if (!raw) {
                switch (c) {
                    case '\n' -> { continue; }
                    case '\\' -> { out.append('\\'); continue; }
                    case '\'' -> { out.append('\''); continue; }
                    case '"' -> { out.append('"'); continue; }
                    case 'b' -> { out.append('\b'); continue; }
                    case 'f' -> { out.append('\f'); continue; }
                    case 't' -> { out.append('\t'); continue; }
                    case 'n' -> { out.append('\n'); continue; }
                    case 'r' -> { out.append('\r'); continue; }
                    case 'v' -> { out.append('\u000b'); continue; }
                    case 'a' -> { out.append('\u0007'); continue; }
                    case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                        int v = c - '0';
                        for (int k = 0; k < 2 && i < n && b[i] >= '0' && b[i] <= '7'; k++) v = v * 8 + (b[i++] - '0');
                        out.append((char) v);
                        continue;
                    }
                    case 'x' -> { digits = 2; what = "truncated \\xXX escape"; }
                    case 'N' -> {
                        int close = -1;
                        if (i < n && b[i] == '{') for (int k = i + 1; k < n; k++) if (b[k] == '}') { close = k; break; }
                        if (close < 0) {
                            if (!fin && (i >= n || b[i] == '{')) { consumed[0] = start; return vm.str(out.toString()); }
                            i = error(vm, out, b, codec, errors, start, i < n && b[i] == '{' ? n : i, "malformed \\N character escape");
                            continue;
                        }
                        if (close == i + 1) {  // an empty name
                            i = error(vm, out, b, codec, errors, start, close, "malformed \\N character escape");
                            continue;
                        }
                        int cp = vm.codePointOfName(new String(b, i + 1, close - i - 1, java.nio.charset.StandardCharsets.ISO_8859_1));
                        if (cp < 0) {
                            i = error(vm, out, b, codec, errors, start, close + 1, "unknown Unicode character name");
                            continue;
                        }
                        out.appendCodePoint(cp);
                        i = close + 1;
                        continue;
                    }
                    default -> { }
                }
            }
            if (c == 'u') { digits = 4; what = "truncated \\uXXXX escape"; }
            else if (c == 'U') { digits = 8; what = "truncated \\UXXXXXXXX escape"; }
            if (digits == 0) {  // an unknown escape stays as written
                out.append('\\').append((char) c);
                continue;
            }
            int v = 0, k = 0;
            while (k < digits && i + k < n && Character.digit(b[i + k], 16) >= 0) v = v * 16 + Character.digit(b[i + k++], 16);
            if (k < digits) {
                if (!fin && i + k >= n) { consumed[0] = start; return vm.str(out.toString()); }
                i = error(vm, out, b, codec, errors, start, i + k, what);
                continue;
            }
            i += digits;
            if (Integer.compareUnsigned(v, 0x10ffff) > 0) {
                i = error(vm, out, b, codec, errors, start, i, raw ? "\\Uxxxxxxxx out of range" : "illegal Unicode character");
                continue;
            }
            dev.refheap.object.SurrogateEscapes.append(out, dev.refheap.object.SurrogateEscapes.checked(v));  // '\\ud800' stays a lone surrogate
        }
        return vm.str(out.toString());
    }

    private static int error(VmApi vm, StringBuilder out, byte[] b, String codec, String errors, int start, int end, String reason) {
        long[] r = CodecsModule.handle(vm, errors, vm.unicodeDecodeError(codec, b, start, end, reason), b.length, false, end);
        if (r[0] != 0) {
            out.append(vm.strValue(r[0]));
            vm.heap.decref(r[0]);
        }
        return (int) r[1];
    }
}
