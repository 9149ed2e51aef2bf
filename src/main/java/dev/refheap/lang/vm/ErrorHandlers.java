package dev.refheap.lang.vm;

import dev.refheap.object.Heap;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.io.ByteArrayOutputStream;

/**
 * The eight standard error handlers as the callables {@code codecs.lookup_error} gives (CPython
 * 3.11's PyCodec_StrictErrors ... surrogatepass), applied to a UnicodeEncodeError,
 * UnicodeDecodeError or UnicodeTranslateError object: each returns (replacement, resume position)
 * from the exception's attributes, or raises. refheap's own codecs (Codecs) handle these names
 * inline and only call a handler that is not one of them; these are for Python code calling a
 * handler itself (a codec written in Python, codecs.replace_errors(exc)).
 */
final class ErrorHandlers {
    private ErrorHandlers() {}

    private enum Kind { ENCODE, DECODE, TRANSLATE }

    static long call(Runtime rt, String handler, long exc) {
        Heap heap = rt.heap;
        if (handler.equals("strict")) {
            if (!rt.ops.isInstance(exc, rt.baseException)) throw rt.typeError("codec must pass exception instance");
            throw new PyException(Builtins.incref(heap, exc));
        }
        Kind kind = rt.ops.isInstance(exc, rt.exceptionType("UnicodeEncodeError")) ? Kind.ENCODE
                : rt.ops.isInstance(exc, rt.exceptionType("UnicodeDecodeError")) ? Kind.DECODE
                : rt.ops.isInstance(exc, rt.exceptionType("UnicodeTranslateError")) ? Kind.TRANSLATE : null;
        boolean encodeOnly = handler.equals("xmlcharrefreplace") || handler.equals("namereplace");
        if (kind == null || encodeOnly && kind != Kind.ENCODE || handler.equals("surrogateescape") && kind == Kind.TRANSLATE
                || handler.equals("surrogatepass") && kind == Kind.TRANSLATE) {
            throw rt.typeError("don't know how to handle " + rt.ops.typeName(exc) + " in error callback");
        }
        long obj = attr(rt, exc, "object");
        try {
            int start = (int) intAttr(rt, exc, "start");
            int end = (int) intAttr(rt, exc, "end");
            if (kind == Kind.DECODE) {
                byte[] b = BufferProtocol.bytesOrNull(rt, obj);
                if (b == null) throw rt.typeError("object attribute must be bytes");
                start = Math.max(0, Math.min(start, b.length));
                end = Math.max(start, Math.min(end, b.length));
                return decodeHandler(rt, handler, exc, b, start, end);
            }
            if (!Heap.isStr(obj)) throw rt.typeError("object attribute must be unicode");
            int len = (int) StrType.length(obj);
            start = Math.max(0, Math.min(start, len));
            end = Math.max(start, Math.min(end, len));
            int[] cps = new int[end - start];
            for (int k = 0; k < cps.length; k++) cps[k] = StrType.codePointAt(obj, start + k);
            StringBuilder r = new StringBuilder();
            switch (handler) {
                case "ignore" -> { }
                case "replace" -> { for (int k = 0; k < cps.length; k++) r.append(kind == Kind.ENCODE ? '?' : '\uFFFD'); }
                case "backslashreplace" -> { for (int c : cps) r.append(Codecs.backslash(c)); }
                case "xmlcharrefreplace" -> { for (int c : cps) r.append("&#").append(c).append(';'); }
                case "namereplace" -> { for (int c : cps) r.append(Codecs.nameEscape(c)); }
                case "surrogateescape" -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    for (int c : cps) {
                        if (c < 0xdc80 || c > 0xdcff) throw new PyException(Builtins.incref(heap, exc));
                        out.write(c - 0xdc00);
                    }
                    return result(rt, heap.bytes.of(out.toByteArray()), end);
                }
                default -> {  // surrogatepass
                    String enc = Codecs.normalize(strAttr(rt, exc, "encoding"));
                    if (enc == null || enc.equals("ascii") || enc.equals("latin-1")) throw new PyException(Builtins.incref(heap, exc));
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    for (int c : cps) {
                        if (c < 0xd800 || c > 0xdfff) throw new PyException(Builtins.incref(heap, exc));
                        Codecs.put(out, enc.equals("utf-16") ? "utf-16-le" : enc.equals("utf-32") ? "utf-32-le" : enc, c);
                    }
                    return result(rt, heap.bytes.of(out.toByteArray()), end);
                }
            }
            return result(rt, heap.strs.of(r.toString()), end);
        } finally {
            heap.decref(obj);
        }
    }

    private static long decodeHandler(Runtime rt, String handler, long exc, byte[] b, int start, int end) {
        Heap heap = rt.heap;
        StringBuilder r = new StringBuilder();
        switch (handler) {
            case "ignore" -> { }
            case "replace" -> r.append('\uFFFD');
            case "backslashreplace" -> { for (int i = start; i < end; i++) r.append(String.format("\\x%02x", b[i] & 0xff)); }
            case "surrogateescape" -> {
                int i = start;
                while (i < end && i < start + 4 && (b[i] & 0xff) >= 128) dev.refheap.object.SurrogateEscapes.append(r, 0xdc00 + (b[i++] & 0xff));
                if (i == start) throw new PyException(Builtins.incref(heap, exc));
                end = i;
            }
            default -> {  // surrogatepass
                String enc = Codecs.normalize(strAttr(rt, exc, "encoding"));
                int size = enc == null ? 0 : enc.startsWith("utf-8") ? 3 : enc.startsWith("utf-16") ? 2 : enc.startsWith("utf-32") ? 4 : 0;
                if (size == 0 || start + size > b.length) throw new PyException(Builtins.incref(heap, exc));
                int c;
                int u0 = b[start] & 0xff, u1 = b[start + 1] & 0xff;
                boolean be = enc.endsWith("-be");
                if (size == 3) {
                    int u2 = b[start + 2] & 0xff;
                    c = (u0 & 0xf0) == 0xe0 && (u1 & 0xc0) == 0x80 && (u2 & 0xc0) == 0x80 ? ((u0 & 0x0f) << 12) | ((u1 & 0x3f) << 6) | (u2 & 0x3f) : -1;
                } else if (size == 2) {
                    c = be ? (u0 << 8) | u1 : u0 | (u1 << 8);
                } else {
                    int u2 = b[start + 2] & 0xff, u3 = b[start + 3] & 0xff;
                    c = be ? (u0 << 24) | (u1 << 16) | (u2 << 8) | u3 : u0 | (u1 << 8) | (u2 << 16) | (u3 << 24);
                }
                if (c < 0xd800 || c > 0xdfff) throw new PyException(Builtins.incref(heap, exc));
                dev.refheap.object.SurrogateEscapes.append(r, c);
                end = start + size;
            }
        }
        return result(rt, heap.strs.of(r.toString()), end);
    }

    private static long result(Runtime rt, long replacement, long end) {
        Heap heap = rt.heap;
        long t = heap.tuples.alloc(2);
        TupleType.setItemSteal(t, 0, replacement);
        TupleType.setItemSteal(t, 1, heap.ints.of(end));
        return t;
    }

    /** exc.name (a new reference); TypeError "name attribute not set" as CPython's getters when it is missing. */
    private static long attr(Runtime rt, long exc, String name) {
        long n = rt.heap.strs.internedOf(name);
        try {
            long v = rt.ops.getAttrOrNull(exc, n);
            if (v == 0 || v == rt.heap.None) {
                if (v != 0) rt.heap.decref(v);
                throw rt.typeError(name + " attribute not set");
            }
            return v;
        } finally {
            rt.heap.decref(n);
        }
    }

    private static long intAttr(Runtime rt, long exc, String name) {
        long v = attr(rt, exc, name);
        try {
            return Builtins.intArg(rt, v);
        } finally {
            rt.heap.decref(v);
        }
    }

    private static String strAttr(Runtime rt, long exc, String name) {
        long v = attr(rt, exc, name);
        try {
            return rt.ops.str(v);
        } finally {
            rt.heap.decref(v);
        }
    }
}
