package dev.refheap.lang.modules.json;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.Builtin;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.StrType;
import dev.refheap.object.SurrogateEscapes;

/**
 * {@code _json} as CPython 3.11 has it (an extension module in lib-dynload), under the json
 * package: {@code scanstring}, {@code encode_basestring_ascii}, {@code encode_basestring}, the
 * scanner type {@code make_scanner} ({@link ScannerType}: {@code _json.Scanner}) and the encoder
 * type {@code make_encoder} ({@link EncoderType}: {@code _json.Encoder}), with 3.11's messages and
 * error positions. Errors of the JSON text are json.decoder's JSONDecodeError, found in
 * sys.modules as 3.11's raise_errmsg finds it (a SystemError "returned NULL without setting an
 * exception" when json.decoder is not imported). State per runtime: the two types and the two
 * encoding functions' implementations (the encoder's fast path is taken for them, as CPython
 * compares its encoder with the two C functions).
 */
public final class JsonModule {
    private JsonModule() {}

    /** The module's state in one runtime. */
    static final class State {
        ScannerType scannerType;
        EncoderType encoderType;
        Builtin encodeAscii, encodeUnicode;
    }

    static State state(VmApi vm) {
        return vm.moduleState("_json", () -> {
            State s = new State();
            s.scannerType = vm.registerType(new ScannerType(vm, s));
            s.encoderType = vm.registerType(new EncoderType(vm, s));
            s.scannerType.install();
            s.encoderType.install();
            s.encodeAscii = (self, a, o, n, kw) -> {
                methO(vm, "_json.encode_basestring_ascii", n, kw);
                return encodeBasestringAscii(vm, a[o]);
            };
            s.encodeUnicode = (self, a, o, n, kw) -> {
                methO(vm, "_json.encode_basestring", n, kw);
                return encodeBasestring(vm, a[o]);
            };
            return s;
        });
    }

    public static long create(VmApi vm) {
        Heap heap = vm.heap;
        State st = state(vm);
        long m = vm.newModule("_json");
        long d = vm.moduleDict(m);
        // the method table's order (encode_basestring_ascii, encode_basestring, scanstring), then the exec slot's types
        vm.def(m, "encode_basestring_ascii", st.encodeAscii);
        vm.def(m, "encode_basestring", st.encodeUnicode);
        vm.def(m, "scanstring", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "scanstring", kw);
            if (n < 2) throw vm.error("TypeError", "scanstring() takes at least 2 arguments (" + n + " given)");
            if (n > 3) throw vm.error("TypeError", "scanstring() takes at most 3 arguments (" + n + " given)");
            long pystr = a[o];
            long end = Params.ssize(vm, a[o + 1]);
            boolean strict = n < 3 || Params.cInt(vm, a[o + 2]) != 0;
            if (!vm.isStr(pystr)) throw vm.error("TypeError", "first argument must be a string, not " + vm.typeName(pystr));
            Text t = new Text(pystr);
            long[] next = {-1};
            long rval = scanstring(vm, () -> "<built-in function scanstring>", t, end, strict, next);
            return rvalIndexTuple(vm, rval, next[0]);
        });
        heap.dicts.setItem(d, "make_scanner", st.scannerType.typeObject());
        heap.dicts.setItem(d, "make_encoder", st.encoderType.typeObject());
        return m;
    }

    /**
     * A spec-made type's dict holds its {@code __doc__} (type_new's tp_doc copy): CPython's text as
     * {@code T.__doc__} gives it; left out when refheap has no docstrings (no CPython 3.11 here).
     */
    static void docInDict(VmApi vm, dev.refheap.lang.vm.NativeType t) {
        long doc;
        try {
            doc = attr(vm, t.typeObject(), "__doc__");
        } catch (PyException e) {
            vm.heap.decref(e.exc());
            return;
        }
        vm.setTypeAttr(t, "__doc__", doc);
        vm.heap.decref(doc);
    }

    /**
     * _PyObject_MakeTpCall around a call of a Scanner or Encoder (no vectorcall in 3.11): the
     * positional arguments packed into a tuple (the empty tuple for none) and the keywords into a
     * dict, held during the call and released after it, tuple first; they move count0 and the
     * free lists as CPython's do.
     */
    static long tpCall(VmApi vm, long[] a, int off, int n, long kwnames, java.util.function.LongSupplier call) {
        int nkw = Params.nkw(kwnames);
        long args = vm.heap.tuples.alloc(n - nkw);
        for (int i = 0; i < n - nkw; i++) dev.refheap.object.TupleType.setItemSteal(args, i, vm.incref(a[off + i]));
        long kwargs = 0;
        try {
            if (nkw > 0) {
                kwargs = vm.heap.dicts.create();
                for (int i = 0; i < nkw; i++) vm.heap.dicts.setItem(kwargs, dev.refheap.object.TupleType.item(kwnames, i), a[off + n - nkw + i]);
            }
            return call.getAsLong();
        } finally {
            vm.heap.decref(args);
            if (kwargs != 0) vm.heap.decref(kwargs);
        }
    }

    /** o.name (PyObject_GetAttrString: the name an interned str): a new reference. */
    static long attr(VmApi vm, long o, String name) {
        long n = vm.internedStr(name);
        try {
            return vm.getAttr(o, n);
        } finally {
            vm.heap.decref(n);
        }
    }

    /** METH_O's checks: no keywords, exactly one argument. */
    static void methO(VmApi vm, String shown, int n, long kw) {
        Params.noKeywords(vm, shown, kw);
        if (n != 1) throw vm.error("TypeError", shown + "() takes exactly one argument (" + n + " given)");
    }

    /** A str's characters read where they are (PyUnicode_DATA, KIND, GET_LENGTH). */
    static final class Text {
        final long obj, data, len;
        final int kind;

        Text(long s) {
            obj = s;
            data = StrType.data(s);
            kind = StrType.kind(s);
            len = StrType.length(s);
        }

        int at(long i) {
            return switch (kind) {
                case 1 -> Native.getByte(data + i) & 0xff;
                case 2 -> Native.getShort(data + 2 * i) & 0xffff;
                default -> Native.getInt(data + 4 * i);
            };
        }

        /** Characters [from, to) appended to {@code sb} (surrogates as their escapes). */
        void appendTo(StringBuilder sb, long from, long to) {
            if (kind == 1) {
                for (long i = from; i < to; i++) sb.append((char) (Native.getByte(data + i) & 0xff));
            } else {
                for (long i = from; i < to; i++) SurrogateEscapes.append(sb, at(i));
            }
        }

        String substring(long from, long to) {
            StringBuilder sb = new StringBuilder((int) (to - from));
            appendTo(sb, from, to);
            return sb.toString();
        }
    }

    /** _build_rval_index_tuple: (rval, idx), rval's reference taken over. */
    static long rvalIndexTuple(VmApi vm, long rval, long idx) {
        long pyidx;
        try {
            pyidx = vm.newInt(idx);
        } catch (RuntimeException e) {
            vm.heap.decref(rval);
            throw e;
        }
        long t = vm.heap.tuples.alloc(2);
        dev.refheap.object.TupleType.setItemSteal(t, 0, rval);
        dev.refheap.object.TupleType.setItemSteal(t, 1, pyidx);
        return t;
    }

    /**
     * raise_errmsg: {@code json.decoder.JSONDecodeError(msg, s, end)} raised; json.decoder is
     * looked up in sys.modules only, and when it is absent 3.11 returns NULL with no exception set,
     * which the call reports as SystemError naming {@code who} (the callable's repr).
     */
    static PyException errmsg(VmApi vm, java.util.function.Supplier<String> who, String msg, long s, long end) {
        long decoder = vm.heap.dicts.getItem(vm.sysModules(), "json.decoder");
        if (decoder == 0) return vm.error("SystemError", who.get() + " returned NULL without setting an exception");
        vm.heap.incref(decoder);
        long cls;
        try {
            cls = attr(vm, decoder, "JSONDecodeError");
        } finally {
            vm.heap.decref(decoder);
        }
        long m = vm.str(msg), e = vm.newInt(end);
        try {
            return new PyException(vm.call(cls, m, s, e));
        } finally {
            vm.heap.decref(m);
            vm.heap.decref(e);
            vm.heap.decref(cls);
        }
    }

    /** raise_stop_iteration: StopIteration(idx). */
    static PyException stopIteration(VmApi vm, long idx) {
        long v = vm.newInt(idx);
        try {
            return new PyException(vm.call(vm.exceptionType("StopIteration").address(), v));
        } finally {
            vm.heap.decref(v);
        }
    }

    private static int hexDigit(int c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /**
     * scanstring_unicode: the JSON string whose characters start at {@code end} (just after the
     * opening quote) up to its closing quote, escapes decoded; {@code next[0]} is set to the index
     * after the quote. A string without escapes is the substring (PyUnicode_Substring: '' and
     * one Latin-1 character are the singletons); errors are JSONDecodeErrors at 3.11's positions.
     */
    static long scanstring(VmApi vm, java.util.function.Supplier<String> who, Text t, long end, boolean strict, long[] next) {
        long len = t.len;
        long begin = end - 1;
        if (end < 0 || len < end) throw vm.error("ValueError", "end is out of bounds");
        StringBuilder w = null;
        while (true) {
            int c = 0;
            long nx;
            for (nx = end; nx < len; nx++) {
                c = t.at(nx);
                if (c == '"' || c == '\\') break;
                if (c <= 0x1f && strict) throw errmsg(vm, who, "Invalid control character at", t.obj, nx);
            }
            if (nx == len) c = 0;
            if (c == '"') {
                if (w == null) {
                    next[0] = nx + 1;
                    return vm.str(t.substring(end, nx));
                }
            } else if (c != '\\') {
                throw errmsg(vm, who, "Unterminated string starting at", t.obj, begin);
            }
            if (w == null) w = new StringBuilder();
            if (nx != end) t.appendTo(w, end, nx);
            nx++;
            if (c == '"') {
                end = nx;
                break;
            }
            if (nx == len) throw errmsg(vm, who, "Unterminated string starting at", t.obj, begin);
            c = t.at(nx);
            if (c != 'u') {
                end = nx + 1;
                c = switch (c) {
                    case '"', '\\', '/' -> c;
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> 0;
                };
                if (c == 0) throw errmsg(vm, who, "Invalid \\escape", t.obj, end - 2);
            } else {
                c = 0;
                nx++;
                end = nx + 4;
                if (end >= len) throw errmsg(vm, who, "Invalid \\uXXXX escape", t.obj, nx - 1);
                for (; nx < end; nx++) {
                    int dgt = hexDigit(t.at(nx));
                    if (dgt < 0) throw errmsg(vm, who, "Invalid \\uXXXX escape", t.obj, end - 5);
                    c = (c << 4) | dgt;
                }
                if (c >= 0xD800 && c <= 0xDBFF && end + 6 < len && t.at(nx++) == '\\' && t.at(nx++) == 'u') {
                    int c2 = 0;
                    end += 6;
                    for (; nx < end; nx++) {
                        int dgt = hexDigit(t.at(nx));
                        if (dgt < 0) throw errmsg(vm, who, "Invalid \\uXXXX escape", t.obj, end - 5);
                        c2 = (c2 << 4) | dgt;
                    }
                    if (c2 >= 0xDC00 && c2 <= 0xDFFF) c = SurrogateEscapes.checked(0x10000 + (((c & 0x3FF) << 10) | (c2 & 0x3FF)));
                    else end -= 6;
                }
            }
            SurrogateEscapes.append(w, c);
        }
        next[0] = end;
        return vm.str(w.toString());
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static void u4(StringBuilder sb, int c) {
        sb.append('\\').append('u').append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
    }

    /** ascii_escape_unicode into {@code sb}: the quoted, ASCII-only JSON form of str {@code s}. */
    static void asciiEscape(StringBuilder sb, long s) {
        Text t = new Text(s);
        sb.append('"');
        for (long i = 0; i < t.len; i++) {
            int c = t.at(i);
            if (c >= ' ' && c <= '~' && c != '\\' && c != '"') {
                sb.append((char) c);
                continue;
            }
            if (shortEscape(sb, c)) continue;
            if (c >= 0x10000) {
                int v = c - 0x10000;
                u4(sb, 0xD800 | ((v >> 10) & 0x3ff));
                u4(sb, 0xDC00 | (v & 0x3ff));
            } else {
                u4(sb, c);
            }
        }
        sb.append('"');
    }

    /** escape_unicode into {@code sb}: the quoted JSON form of str {@code s}, non-ASCII characters as they are. */
    static void unicodeEscape(StringBuilder sb, long s) {
        Text t = new Text(s);
        sb.append('"');
        for (long i = 0; i < t.len; i++) {
            int c = t.at(i);
            if (shortEscape(sb, c)) continue;
            if (c <= 0x1f) u4(sb, c);
            else if (t.kind == 1) sb.append((char) c);
            else SurrogateEscapes.append(sb, c);
        }
        sb.append('"');
    }

    /** The two-character escapes both encoders write (\\ \" \b \f \n \r \t): true when {@code c} is one of them, appended. */
    private static boolean shortEscape(StringBuilder sb, int c) {
        switch (c) {
            case '\\' -> sb.append("\\\\");
            case '"' -> sb.append("\\\"");
            case '\b' -> sb.append("\\b");
            case '\f' -> sb.append("\\f");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            default -> {
                return false;
            }
        }
        return true;
    }

    /** py_encode_basestring_ascii (METH_O). */
    static long encodeBasestringAscii(VmApi vm, long s) {
        if (!vm.isStr(s)) throw vm.error("TypeError", "first argument must be a string, not " + vm.typeName(s));
        StringBuilder sb = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, StrType.length(s) + 2));
        asciiEscape(sb, s);
        return vm.heap.strs.fresh(sb.toString());
    }

    /** py_encode_basestring (METH_O). */
    static long encodeBasestring(VmApi vm, long s) {
        if (!vm.isStr(s)) throw vm.error("TypeError", "first argument must be a string, not " + vm.typeName(s));
        StringBuilder sb = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, StrType.length(s) + 2));
        unicodeEscape(sb, s);
        return vm.heap.strs.fresh(sb.toString());
    }
}
