package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.StrType;
import dev.refheap.object.SurrogateEscapes;
import dev.refheap.object.TupleType;
import java.io.ByteArrayOutputStream;

/**
 * {@code str.encode} and {@code bytes.decode} for the standard codecs CPython implements in C
 * (utf-8, utf-16, utf-32 and their -le/-be forms, latin-1, ascii) with the error handlers strict,
 * ignore, replace, backslashreplace, surrogateescape, surrogatepass and xmlcharrefreplace
 * (encoding only). Errors are UnicodeEncodeError/UnicodeDecodeError objects with CPython's
 * attributes (encoding, object, start, end, reason) and messages; the error spans are the ones
 * CPython's decoders report (so 'replace' puts one U+FFFD per span). Strings are Java strings
 * (UTF-16) in which a lone surrogate is its {@link SurrogateEscapes escape}; the encoders read the
 * str's own code points.
 */
final class Codecs {
    private Codecs() {}

    static String strArg(Runtime rt, long v, String what) {
        if (!Heap.isStr(v)) throw rt.typeError(what + " must be str, not " + rt.ops.typeName(v));
        return StrType.value(v);
    }

    /** The codec's canonical name (as CPython reports it in errors), or null when unknown. */
    static String normalize(String enc) {
        String e = enc.toLowerCase(java.util.Locale.ROOT).replace('_', '-').replace(' ', '-');
        return switch (e) {
            case "utf-8", "utf8", "u8", "utf", "cp65001" -> "utf-8";
            case "latin-1", "latin1", "latin", "l1", "iso-8859-1", "iso8859-1", "8859", "cp819", "iso-ir-100" -> "latin-1";
            // with encodings.aliases' names of ASCII, among them the C locale's codeset (nl_langinfo: ANSI_X3.4-1968)
            case "ascii", "us-ascii", "646", "us", "ansi-x3.4-1968", "ansi-x3-4-1968", "ansi-x3.4-1986", "cp367", "csascii", "ibm367",
                 "iso646-us", "iso-646.irv-1991", "iso-ir-6" -> "ascii";
            case "utf-16", "utf16", "u16" -> "utf-16";
            case "utf-16-le", "utf-16le" -> "utf-16-le";
            case "utf-16-be", "utf-16be" -> "utf-16-be";
            case "utf-32", "utf32", "u32" -> "utf-32";
            case "utf-32-le", "utf-32le" -> "utf-32-le";
            case "utf-32-be", "utf-32be" -> "utf-32-be";
            default -> null;
        };
    }

    /** The handler's name is only checked when an error needs it (as codecs.lookup_error is called lazily). */
    static void checkHandler(Runtime rt, String errors, boolean encode) {
        switch (errors) {
            case "strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass" -> { }
            case "xmlcharrefreplace", "namereplace" -> { if (!encode) throw rt.typeError("don't know how to handle UnicodeDecodeError in error callback"); }
            default -> rt.heap.decref(rt.codecs().lookupError(errors));  // LookupError for a name nobody registered
        }
    }

    /** A standard error handler's name: the codecs handle these inline; any other goes to the registry. */
    static boolean standardHandler(String errors) {
        return switch (errors) {
            case "strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass", "xmlcharrefreplace", "namereplace" -> true;
            default -> false;
        };
    }

    /**
     * The error handler registered under {@code errors} called with the exception {@code exc} (a
     * reference this takes): its (replacement, position) result checked as CPython checks it;
     * returns {replacement (a new reference), position resolved against {@code length}}.
     */
    static long[] callHandler(Runtime rt, String errors, long exc, long length, boolean encode) {
        Heap heap = rt.heap;
        long h;
        try {
            h = rt.codecs().lookupError(errors);
        } catch (PyException e) {
            heap.decref(exc);
            throw e;
        }
        long r;
        try {
            r = rt.ops.call0(h, exc);
        } finally {
            heap.decref(h);
            heap.decref(exc);
        }
        try {
            boolean ok = heap.typeOf(r) == heap.tuples && TupleType.size(r) == 2 && rt.ops.isInstance(TupleType.item(r, 1), heap.ints)
                    && (Heap.isStr(TupleType.item(r, 0)) || encode && Heap.isBytes(TupleType.item(r, 0)));
            if (!ok) throw rt.typeError(encode ? "encoding error handler must return (str/bytes, int) tuple" : "decoding error handler must return (str, int) tuple");
            long pos = Builtins.intArg(rt, TupleType.item(r, 1));
            if (pos < 0) pos += length;
            if (pos < 0 || pos > length) throw rt.error("IndexError", "position " + Builtins.intArg(rt, TupleType.item(r, 1)) + " from error handler out of bounds");
            return new long[] {Builtins.incref(heap, TupleType.item(r, 0)), pos};
        } finally {
            heap.decref(r);
        }
    }

    /** A code point as backslashreplace writes it. */
    static String backslash(int x) {
        return x < 0x100 ? String.format("\\x%02x", x) : x < 0x10000 ? String.format("\\u%04x", x) : String.format("\\U%08x", x);
    }

    /** A code point as namereplace writes it: \\N{NAME}, or backslashreplace's form when it has no name. */
    static String nameEscape(int x) {
        String name = unicodeName(x);
        return name != null ? "\\N{" + name + "}" : backslash(x);
    }

    /** unicodedata.name's answer (Unicode 14.0.0), or null: what namereplace writes. */
    static String unicodeName(int c) {
        try {
            return dev.refheap.lang.unicode.UnicodeData.get().name(c, false);
        } catch (dev.refheap.lang.unicode.UnicodeData.Missing | LinkageError e) {
            throw new dev.refheap.object.PyError("ImportError", "namereplace needs unicodedata's database: " + e.getMessage());
        }
    }

    /** The code point {@code \N{name}} stands for (unicodedata's lookup without named sequences), or -1. */
    static int codePointOfName(Runtime rt, String name) {
        try {
            return name.isEmpty() ? -1 : dev.refheap.lang.unicode.UnicodeData.get().lookup(name, false);
        } catch (dev.refheap.lang.unicode.UnicodeData.Missing | LinkageError e) {
            throw rt.error("ImportError", "\\N escapes not supported (can't load unicodedata module): " + e.getMessage());
        }
    }

    // ---- decoding    // ---- decoding -------------------------------------------------------------------------------

    /** bytes.decode(encoding, errors) as a new str: the fast path for refheap's codecs, else the registry. */
    static long decode(Runtime rt, byte[] b, String encoding, String errors) {
        String codec = normalize(encoding);
        if (codec == null) {
            long obj = rt.heap.bytes.of(b);
            try {
                return rt.codecs().encodeText(obj, encoding, errors, false);
            } finally {
                rt.heap.decref(obj);
            }
        }
        return decode(rt, b, codec, errors, true, new int[2]);
    }

    /**
     * One of refheap's codecs (a canonical name) decoding {@code b}; unless {@code fin}, an
     * incomplete sequence at the end is left undecoded. {@code state[0]} receives the bytes
     * consumed; {@code state[1]} is utf-16/utf-32's byte order, in and out (-1 little, 1 big, 0
     * unknown: a BOM decides, and the result tells which).
     */
    static long decode(Runtime rt, byte[] b, String codec, String errors, boolean fin, int[] state) {
        StringBuilder out = new StringBuilder();
        Decoder d = new Decoder(rt, b, codec, errors, out);
        d.fin = fin;
        d.byteorder = state[1];
        switch (codec) {
            case "utf-8" -> d.utf8();
            case "latin-1" -> { for (byte x : b) out.append((char) (x & 0xff)); }
            case "ascii" -> d.ascii();
            case "utf-16", "utf-16-le", "utf-16-be" -> d.utf16();
            default -> d.utf32();
        }
        state[0] = d.consumed;
        state[1] = d.byteorder;
        return rt.heap.strs.of(out.toString());
    }

    private static final class Decoder {
        final Runtime rt;
        final byte[] b;
        final String codec, errors;
        final StringBuilder out;
        boolean fin = true;
        int consumed, byteorder;

        Decoder(Runtime rt, byte[] b, String codec, String errors, StringBuilder out) {
            this.rt = rt;
            this.b = b;
            this.codec = codec;
            this.errors = errors;
            this.out = out;
            this.consumed = b.length;
        }

        /** An incomplete sequence at i when more input may come: decoding stops there. */
        boolean stop(int i) {
            if (fin) return false;
            consumed = i;
            return true;
        }

        int u(int i) { return b[i] & 0xff; }

        /** Handles the error span [start, end); returns where decoding resumes. */
        int error(int start, int end, String reason) {
            if (!standardHandler(errors)) {
                long[] r = callHandler(rt, errors, decodeError(rt, codec, b, start, end, reason), b.length, false);
                out.append(StrType.value(r[0]));
                rt.heap.decref(r[0]);
                return (int) r[1];
            }
            if (!errors.equals("strict")) checkHandler(rt, errors, false);
            switch (errors) {
                case "strict" -> throw new PyException(decodeError(rt, codec, b, start, end, reason));
                case "ignore" -> { }
                case "replace" -> out.append('\uFFFD');
                case "backslashreplace" -> { for (int i = start; i < end; i++) out.append(String.format("\\x%02x", u(i))); }
                case "surrogateescape" -> {
                    for (int i = start; i < end; i++) {
                        if (u(i) < 128) throw new PyException(decodeError(rt, codec, b, start, end, reason));
                        SurrogateEscapes.append(out, 0xdc00 + u(i));
                    }
                }
                default -> throw new PyException(decodeError(rt, codec, b, start, end, reason));  // surrogatepass: handled by the codecs that can
            }
            return end;
        }

        void ascii() {
            int i = 0;
            while (i < b.length) {
                if (b[i] >= 0) out.append((char) b[i++]);
                else i = error(i, i + 1, "ordinal not in range(128)");
            }
        }

        void utf8() {
            int i = 0, n = b.length;
            while (i < n) {
                int c = u(i);
                if (c < 0x80) {
                    out.append((char) c);
                    i++;
                    continue;
                }
                int need, min;
                if (c >= 0xc2 && c <= 0xdf) { need = 1; min = 0x80; }
                else if (c >= 0xe0 && c <= 0xef) { need = 2; min = 0x800; }
                else if (c >= 0xf0 && c <= 0xf4) { need = 3; min = 0x10000; }
                else { i = error(i, i + 1, "invalid start byte"); continue; }
                int cp = c & (0x3f >> need);
                int j = i + 1;
                boolean bad = false;
                for (int k = 0; k < need; k++, j++) {
                    if (j >= n) { bad = true; break; }
                    int x = u(j);
                    boolean ok = x >= 0x80 && x <= 0xbf;
                    if (k == 0) {  // the second byte's tighter ranges (overlong forms, surrogates, > U+10FFFF)
                        if (c == 0xe0) ok = x >= 0xa0 && x <= 0xbf;
                        else if (c == 0xed && !errors.equals("surrogatepass")) ok = x >= 0x80 && x <= 0x9f;
                        else if (c == 0xf0) ok = x >= 0x90 && x <= 0xbf;
                        else if (c == 0xf4) ok = x >= 0x80 && x <= 0x8f;
                    }
                    if (!ok) {
                        // a surrogate's encoding under surrogatepass is decoded below; others are invalid
                        i = error(i, j, "invalid continuation byte");
                        bad = true;
                        j = -1;
                        break;
                    }
                    cp = (cp << 6) | (x & 0x3f);
                }
                if (j == -1) continue;
                if (bad) {
                    if (stop(i)) return;
                    i = error(i, n, "unexpected end of data");
                    continue;
                }
                if (cp < min) { i = error(i, i + 1, "invalid start byte"); continue; }
                SurrogateEscapes.append(out, SurrogateEscapes.checked(cp));  // a surrogate under surrogatepass stays lone
                i = j;
            }
        }

        void utf16() {
            int i = 0, n = b.length;
            boolean little = !codec.equals("utf-16-be");
            if (codec.equals("utf-16") && byteorder != 0) little = byteorder < 0;
            else if (codec.equals("utf-16") && n >= 2) {
                if (u(0) == 0xff && u(1) == 0xfe) { little = true; i = 2; byteorder = -1; }
                else if (u(0) == 0xfe && u(1) == 0xff) { little = false; i = 2; byteorder = 1; }
            }
            while (i < n) {
                if (i + 1 >= n) {
                    if (stop(i)) return;
                    i = error(i, n, "truncated data");
                    continue;
                }
                int c = little ? u(i) | (u(i + 1) << 8) : (u(i) << 8) | u(i + 1);
                if (c < 0xd800 || c > 0xdfff) {
                    out.append((char) c);
                    i += 2;
                    continue;
                }
                if (c >= 0xdc00) {
                    if (errors.equals("surrogatepass")) { SurrogateEscapes.append(out, c); i += 2; continue; }
                    i = error(i, i + 2, "illegal encoding");
                    continue;
                }
                if (i + 3 >= n) {
                    if (stop(i)) return;
                    if (errors.equals("surrogatepass") && i + 2 >= n) { SurrogateEscapes.append(out, c); i += 2; continue; }
                    i = error(i, n, "unexpected end of data");
                    continue;
                }
                int c2 = little ? u(i + 2) | (u(i + 3) << 8) : (u(i + 2) << 8) | u(i + 3);
                if (c2 < 0xdc00 || c2 > 0xdfff) {
                    if (errors.equals("surrogatepass")) { SurrogateEscapes.append(out, c); i += 2; continue; }
                    i = error(i, i + 2, "illegal UTF-16 surrogate");
                    continue;
                }
                out.appendCodePoint(SurrogateEscapes.checked(Character.toCodePoint((char) c, (char) c2)));
                i += 4;
            }
        }

        void utf32() {
            int i = 0, n = b.length;
            boolean little = !codec.equals("utf-32-be");
            if (codec.equals("utf-32") && byteorder != 0) little = byteorder < 0;
            else if (codec.equals("utf-32") && n >= 4) {
                if (u(0) == 0xff && u(1) == 0xfe && u(2) == 0 && u(3) == 0) { little = true; i = 4; byteorder = -1; }
                else if (u(0) == 0 && u(1) == 0 && u(2) == 0xfe && u(3) == 0xff) { little = false; i = 4; byteorder = 1; }
            }
            while (i < n) {
                if (i + 3 >= n) {
                    if (stop(i)) return;
                    i = error(i, n, "truncated data");
                    continue;
                }
                long c = little ? u(i) | (u(i + 1) << 8) | (u(i + 2) << 16) | ((long) u(i + 3) << 24)
                        : ((long) u(i) << 24) | (u(i + 1) << 16) | (u(i + 2) << 8) | u(i + 3);
                if (c > 0x10ffff) { i = error(i, i + 4, "code point not in range(0x110000)"); continue; }
                if (c >= 0xd800 && c <= 0xdfff && !errors.equals("surrogatepass")) {
                    i = error(i, i + 4, "code point in surrogate code point range(0xd800, 0xe000)");
                    continue;
                }
                SurrogateEscapes.append(out, SurrogateEscapes.checked((int) c));
                i += 4;
            }
        }
    }

    static long decodeError(Runtime rt, String codec, byte[] b, int start, int end, String reason) {
        Heap heap = rt.heap;
        long args = heap.tuples.alloc(5);
        TupleType.setItemSteal(args, 0, heap.strs.of(codec));
        TupleType.setItemSteal(args, 1, heap.bytes.of(b));
        TupleType.setItemSteal(args, 2, heap.ints.of(start));
        TupleType.setItemSteal(args, 3, heap.ints.of(end));
        TupleType.setItemSteal(args, 4, heap.strs.of(reason));
        return rt.ops.instantiateException(rt.exceptionType("UnicodeDecodeError"), args);
    }

    static long encodeError(Runtime rt, String codec, long s, int start, int end, String reason) {
        Heap heap = rt.heap;
        long args = heap.tuples.alloc(5);
        TupleType.setItemSteal(args, 0, heap.strs.of(codec));
        TupleType.setItemSteal(args, 1, Builtins.incref(heap, s));
        TupleType.setItemSteal(args, 2, heap.ints.of(start));
        TupleType.setItemSteal(args, 3, heap.ints.of(end));
        TupleType.setItemSteal(args, 4, heap.strs.of(reason));
        return rt.ops.instantiateException(rt.exceptionType("UnicodeEncodeError"), args);
    }

    /**
     * str() of a UnicodeEncodeError/UnicodeDecodeError/UnicodeTranslateError from its fields, as
     * CPython's: empty while the object is NULL (never initialised), str() of encoding and reason
     * (None when NULL), one character or byte named when end is start + 1 within the object.
     */
    static String unicodeErrorStr(Runtime rt, long exc) {
        ExceptionFields f = ExceptionFields.of(rt.heap.typeOf(exc));
        if (f == null) return "";
        long obj = ExceptionFields.raw(exc, f, "object");
        if (obj == 0) return "";
        long enc = ExceptionFields.raw(exc, f, "encoding"), reason = ExceptionFields.raw(exc, f, "reason");
        long start = ExceptionFields.raw(exc, f, "start"), end = ExceptionFields.raw(exc, f, "end");
        String why = rt.ops.str(reason == 0 ? rt.heap.None : reason);
        if (f.kind == ExceptionFields.Kind.UNICODE_TRANSLATE) {
            if (Heap.isStr(obj) && start >= 0 && start < StrType.length(obj) && end == start + 1) {
                return "can't translate character '" + escape(StrType.codePointAt(obj, (int) start)) + "' in position " + start + ": " + why;
            }
            return "can't translate characters in position " + start + "-" + (end - 1) + ": " + why;
        }
        String codec = rt.ops.str(enc == 0 ? rt.heap.None : enc);
        if (f.kind == ExceptionFields.Kind.UNICODE_ENCODE) {
            if (Heap.isStr(obj) && start >= 0 && start < StrType.length(obj) && end == start + 1) {
                return "'" + codec + "' codec can't encode character '" + escape(StrType.codePointAt(obj, (int) start)) + "' in position " + start + ": " + why;
            }
            return "'" + codec + "' codec can't encode characters in position " + start + "-" + (end - 1) + ": " + why;
        }
        byte[] b = BufferProtocol.bytesOrNull(rt, obj);
        if (b != null && start >= 0 && start < b.length && end == start + 1) {
            return "'" + codec + "' codec can't decode byte 0x" + String.format("%02x", b[(int) start] & 0xff) + " in position " + start + ": " + why;
        }
        return "'" + codec + "' codec can't decode bytes in position " + start + "-" + (end - 1) + ": " + why;
    }

    private static String escape(int c) {
        return c < 0x100 ? String.format("\\x%02x", c) : c < 0x10000 ? String.format("\\u%04x", c) : String.format("\\U%08x", c);
    }

    // ---- encoding -------------------------------------------------------------------------------

    /** str.encode(encoding, errors) as new bytes. */
    static long encode(Runtime rt, long str, String encoding, String errors) {
        String codec = normalize(encoding);
        if (codec == null) return rt.codecs().encodeText(str, encoding, errors, true);
        return encodeWith(rt, str, codec, errors);
    }

    /** One of refheap's codecs (a canonical name; "utf-16"/"utf-32" write a BOM) encoding {@code str}. */
    static long encodeWith(Runtime rt, long str, String codec, String errors) {
        // a str's code points (lone surrogates stay lone: a Java string would pair them)
        int[] cps = new int[(int) StrType.length(str)];
        for (int k = 0; k < cps.length; k++) cps[k] = StrType.codePointAt(str, k);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int limit = switch (codec) {
            case "ascii" -> 0x80;
            case "latin-1" -> 0x100;
            default -> 0x110000;
        };
        String reason = codec.equals("ascii") ? "ordinal not in range(128)" : codec.equals("latin-1") ? "ordinal not in range(256)" : "surrogates not allowed";
        if (codec.equals("utf-16")) { out.write(0xff); out.write(0xfe); }
        if (codec.equals("utf-32")) { out.write(0xff); out.write(0xfe); out.write(0); out.write(0); }
        int i = 0;
        while (i < cps.length) {
            int c = cps[i];
            boolean surrogate = c >= 0xd800 && c <= 0xdfff;
            if (c < limit && !surrogate) {
                put(out, codec, c);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < cps.length && (cps[end] >= limit || (cps[end] >= 0xd800 && cps[end] <= 0xdfff))
                    && (limit < 0x110000 || (cps[end] >= 0xd800 && cps[end] <= 0xdfff))) end++;
            if (!standardHandler(errors)) {
                long[] r = callHandler(rt, errors, encodeError(rt, codec, str, i, end, reason), cps.length, true);
                try {
                    if (Heap.isBytes(r[0])) {
                        byte[] rb = dev.refheap.object.BytesType.value(r[0]);
                        if (rb.length % (codec.startsWith("utf-16") ? 2 : codec.startsWith("utf-32") ? 4 : 1) != 0) {
                            throw new PyException(encodeError(rt, codec, str, i, end, reason));
                        }
                        out.writeBytes(rb);
                    } else {
                        String rs = StrType.value(r[0]);
                        int max = codec.equals("latin-1") ? 0x100 : 0x80;
                        for (int k = 0; k < rs.length(); k++) if (rs.charAt(k) >= max) throw new PyException(encodeError(rt, codec, str, i, end, reason));
                        for (int k = 0; k < rs.length(); k++) put(out, codec, rs.charAt(k));
                    }
                } finally {
                    rt.heap.decref(r[0]);
                }
                i = (int) r[1];
                continue;
            }
            if (!errors.equals("strict")) checkHandler(rt, errors, true);
            switch (errors) {
                case "strict" -> throw new PyException(encodeError(rt, codec, str, i, end, reason));
                case "ignore" -> { }
                case "replace" -> { for (int k = i; k < end; k++) put(out, codec, '?'); }
                case "backslashreplace" -> { for (int k = i; k < end; k++) for (char ch : backslash(cps[k]).toCharArray()) put(out, codec, ch); }
                case "namereplace" -> { for (int k = i; k < end; k++) for (char ch : nameEscape(cps[k]).toCharArray()) put(out, codec, ch); }
                case "xmlcharrefreplace" -> {
                    for (int k = i; k < end; k++) for (char ch : ("&#" + cps[k] + ";").toCharArray()) put(out, codec, ch);
                }
                case "surrogateescape" -> {
                    for (int k = i; k < end; k++) {
                        int x = cps[k];
                        if (x < 0xdc80 || x > 0xdcff) throw new PyException(encodeError(rt, codec, str, i, end, reason));
                        out.write(x - 0xdc00);
                    }
                }
                default -> {  // surrogatepass: surrogates encoded as the codec would encode the code point
                    for (int k = i; k < end; k++) {
                        int x = cps[k];
                        if (!(x >= 0xd800 && x <= 0xdfff) || codec.equals("ascii") || codec.equals("latin-1")) {
                            throw new PyException(encodeError(rt, codec, str, i, end, reason));
                        }
                        put(out, codec, x);
                    }
                }
            }
            i = end;
        }
        return rt.heap.bytes.of(out.toByteArray());
    }

    static void put(ByteArrayOutputStream out, String codec, int c) {
        switch (codec) {
            case "ascii", "latin-1" -> out.write(c);
            case "utf-8" -> {
                if (c < 0x80) out.write(c);
                else if (c < 0x800) { out.write(0xc0 | (c >> 6)); out.write(0x80 | (c & 0x3f)); }
                else if (c < 0x10000) { out.write(0xe0 | (c >> 12)); out.write(0x80 | ((c >> 6) & 0x3f)); out.write(0x80 | (c & 0x3f)); }
                else { out.write(0xf0 | (c >> 18)); out.write(0x80 | ((c >> 12) & 0x3f)); out.write(0x80 | ((c >> 6) & 0x3f)); out.write(0x80 | (c & 0x3f)); }
            }
            case "utf-16", "utf-16-le", "utf-16-be" -> {
                boolean be = codec.equals("utf-16-be");
                if (c >= 0x10000) {
                    int hi = 0xd800 + ((c - 0x10000) >> 10), lo = 0xdc00 + ((c - 0x10000) & 0x3ff);
                    unit16(out, hi, be);
                    unit16(out, lo, be);
                } else {
                    unit16(out, c, be);
                }
            }
            default -> {
                boolean be = codec.equals("utf-32-be");
                for (int k = 0; k < 4; k++) out.write((c >> (8 * (be ? 3 - k : k))) & 0xff);
            }
        }
    }

    private static void unit16(ByteArrayOutputStream out, int u, boolean be) {
        if (be) { out.write(u >> 8); out.write(u & 0xff); } else { out.write(u & 0xff); out.write(u >> 8); }
    }
}
