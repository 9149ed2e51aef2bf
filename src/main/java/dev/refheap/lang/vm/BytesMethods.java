package dev.refheap.lang.vm;

import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import dev.refheap.object.ListType;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The methods bytes and bytearray share (Objects/bytes_methods.c and their own files): find,
 * count, split, join, replace, strip, case mapping, predicates, hex/fromhex, decode... on a copy
 * of the receiver's bytes. Results are of the receiver's type; an exact bytes receiver that a
 * method leaves unchanged is returned itself, as CPython does. Arguments borrowed, results new.
 */
final class BytesMethods {
    private final Runtime rt;
    private final Heap heap;
    private final PyType type;
    private final boolean isBytes;

    private BytesMethods(Runtime rt, PyType type) {
        this.rt = rt;
        this.heap = rt.heap;
        this.type = type;
        this.isBytes = type == rt.heap.bytes;
    }

    static void install(Runtime rt, PyType type) {
        new BytesMethods(rt, type).installAll();
    }

    private byte[] self(long s) { return BufferProtocol.bytesOrNull(rt, s); }

    /** A result of the receiver's type. */
    private long make(byte[] b) { return isBytes ? heap.bytes.of(b) : rt.byteArrayType.of(b); }

    /**
     * A result CPython allocates first and fills after (PyBytes_FromStringAndSize(NULL, n)): for
     * bytes, a new object even of one byte (BytesType.filled).
     */
    private long filled(byte[] b) { return isBytes ? heap.bytes.filled(b) : rt.byteArrayType.of(b); }

    /** b unchanged: the receiver itself for exact bytes, else a copy. */
    private long same(long s, byte[] b) { return isBytes && heap.typeOf(s) == heap.bytes ? Builtins.incref(heap, s) : make(b); }

    /** A bytes-like argument (the separator, prefix, ...). */
    private byte[] arg(long v, String what) {
        byte[] b = BufferProtocol.bytesOrNull(rt, v);
        if (b == null) throw rt.typeError(what + "a bytes-like object is required, not '" + rt.ops.typeName(v) + "'");
        return b;
    }

    /** A sub-sequence argument: bytes-like or an int in range(256). */
    private byte[] sub(long v) {
        if (rt.ops.baseView(v) instanceof IntType) {
            long x = Builtins.intArg(rt, v);
            if (x < 0 || x > 255) throw rt.error("ValueError", "byte must be in range(0, 256)");
            return new byte[] {(byte) x};
        }
        byte[] b = BufferProtocol.bytesOrNull(rt, v);
        if (b == null) throw rt.typeError("argument should be integer or bytes-like object, not '" + rt.ops.typeName(v) + "'");
        return b;
    }

    private void def(String name, Builtin impl) { TypeMethodsAccess.def(rt, type, name, impl); }

    private void installAll() {
        String tn = type.name();
        for (String[] m : new String[][] {{"find", "f"}, {"rfind", "r"}, {"index", "i"}, {"rindex", "ri"}}) {
            def(m[0], (s, a, o, n, kw) -> {
                Args.range(rt, m[0], n, kw, 1, 3);
                byte[] v = self(s), x = sub(a[o]);
                long[] se = bounds(v.length, a, o + 1, n - 1);
                int r = m[1].startsWith("r") ? lastIndexOf(v, x, (int) se[0], (int) se[1]) : indexOf(v, x, (int) se[0], (int) se[1]);
                if (r < 0 && m[1].contains("i")) throw rt.error("ValueError", "subsection not found");
                return heap.ints.of(r);
            });
        }
        def("count", (s, a, o, n, kw) -> {
            Args.range(rt, "count", n, kw, 1, 3);
            byte[] v = self(s), x = sub(a[o]);
            long[] se = bounds(v.length, a, o + 1, n - 1);
            if (x.length == 0) return heap.ints.of(se[0] > v.length ? 0 : Math.max(0, se[1] - se[0]) + 1);
            if (se[0] > v.length) return heap.ints.of(0);
            long c = 0;
            for (int i = indexOf(v, x, (int) se[0], (int) se[1]); i >= 0; i = indexOf(v, x, i + x.length, (int) se[1])) c++;
            return heap.ints.of(c);
        });
        def("startswith", (s, a, o, n, kw) -> affix(s, a, o, n, kw, true));
        def("endswith", (s, a, o, n, kw) -> affix(s, a, o, n, kw, false));
        def("join", (s, a, o, n, kw) -> {
            Args.exactly(rt, "join", n, kw, 1);
            long l = Builtins.toList(rt, a[o]);
            try {
                byte[] sep = self(s);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (long i = 0; i < ListType.size(l); i++) {
                    if ((i & 0xffff) == 0xffff) rt.checkInterrupt();
                    long x = ListType.item(l, i);
                    byte[] b = BufferProtocol.bytesOrNull(rt, x);
                    if (b == null) throw rt.typeError("sequence item " + i + ": expected a bytes-like object, " + rt.ops.typeName(x) + " found");
                    if (i > 0) out.writeBytes(sep);
                    out.writeBytes(b);
                }
                if (isBytes && ListType.size(l) == 1 && heap.typeOf(ListType.item(l, 0)) == heap.bytes) return Builtins.incref(heap, ListType.item(l, 0));
                return filled(out.toByteArray());
            } finally {
                heap.decref(l);
            }
        });
        def("split", (s, a, o, n, kw) -> split(s, a, o, n, kw, false));
        def("rsplit", (s, a, o, n, kw) -> split(s, a, o, n, kw, true));
        def("replace", (s, a, o, n, kw) -> {
            Args.range(rt, "replace", n, kw, 2, 3);
            byte[] v = self(s), old = arg(a[o], ""), nw = arg(a[o + 1], "");
            long count = n == 3 ? Builtins.intArg(rt, a[o + 2]) : -1;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int from = 0;
            long done = 0;
            if (old.length == 0) {
                for (int i = 0; i <= v.length; i++) {
                    if (count < 0 || done < count) { out.writeBytes(nw); done++; }
                    if (i < v.length) out.write(v[i]);
                }
            } else {
                while (count < 0 || done < count) {
                    int i = indexOf(v, old, from, v.length);
                    if (i < 0) break;
                    out.write(v, from, i - from);
                    out.writeBytes(nw);
                    from = i + old.length;
                    done++;
                }
                out.write(v, from, v.length - from);
            }
            if (done == 0) return same(s, v);
            return filled(out.toByteArray());
        });
        for (String[] p : new String[][] {{"strip", "b"}, {"lstrip", "l"}, {"rstrip", "r"}}) {
            def(p[0], (s, a, o, n, kw) -> {
                Args.range(rt, p[0], n, kw, 0, 1);
                byte[] v = self(s);
                byte[] chars = n == 1 && a[o] != heap.None ? arg(a[o], "") : null;
                int start = 0, end = v.length;
                if (p[1].charAt(0) != 'r') while (start < end && stripped(v[start], chars)) start++;
                if (p[1].charAt(0) != 'l') while (end > start && stripped(v[end - 1], chars)) end--;
                if (start == 0 && end == v.length) return same(s, v);
                return make(java.util.Arrays.copyOfRange(v, start, end));
            });
        }
        // translate(table, /, delete=b''): table None or 256 bytes; an exact bytes receiver that
        // nothing changes is returned itself (bytes_translate_impl)
        def("translate", (s, a, o, n, kw) -> {
            int nkw = Args.nkw(kw), npos = n - nkw;
            if (npos < 1) throw rt.typeError("translate() takes at least 1 positional argument (" + npos + " given)");
            if (n > 2) throw rt.typeError("translate() takes at most 2 arguments (" + n + " given)");
            if (nkw == 1) {
                String k = StrType.value(TupleType.item(kw, 0));
                if (!k.equals("delete")) throw rt.typeError("'" + k + "' is an invalid keyword argument for translate()");
            }
            byte[] table = a[o] == heap.None ? null : arg(a[o], "");
            if (table != null && table.length != 256) throw rt.error("ValueError", "translation table must be 256 characters long");
            byte[] del = n == 2 ? arg(a[o + 1], "") : new byte[0];
            boolean[] deleted = new boolean[256];
            for (byte d : del) deleted[d & 0xff] = true;
            byte[] v = self(s);
            ByteArrayOutputStream out = new ByteArrayOutputStream(v.length);
            boolean changed = false;
            for (byte c : v) {
                if (deleted[c & 0xff]) {
                    changed = true;
                    continue;
                }
                byte t = table == null ? c : table[c & 0xff];
                if (t != c) changed = true;
                out.write(t);
            }
            return changed ? filled(out.toByteArray()) : same(s, v);
        });
        for (String name : new String[] {"removeprefix", "removesuffix"}) {
            def(name, (s, a, o, n, kw) -> {
                Args.exactly(rt, name, n, kw, 1);
                byte[] v = self(s), x = arg(a[o], "");
                boolean pre = name.equals("removeprefix");
                if (x.length > 0 && x.length <= v.length && regionMatches(v, pre ? 0 : v.length - x.length, x)) {
                    return make(pre ? java.util.Arrays.copyOfRange(v, x.length, v.length) : java.util.Arrays.copyOf(v, v.length - x.length));
                }
                return same(s, v);
            });
        }
        for (String name : new String[] {"upper", "lower", "swapcase", "capitalize", "title"}) {
            def(name, (s, a, o, n, kw) -> {
                Args.exactly(rt, name, n, kw, 0);
                return filled(caseMap(self(s), name));
            });
        }
        for (String name : new String[] {"isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "isascii", "istitle"}) {
            def(name, (s, a, o, n, kw) -> {
                Args.exactly(rt, name, n, kw, 0);
                return rt.ops.bool(predicate(self(s), name));
            });
        }
        def("hex", (s, a, o, n, kw) -> {
            Args.range(rt, "hex", n, kw, 0, 2);
            return heap.strs.of(hex(rt, self(s), n > 0 ? a[o] : 0, n > 1 ? Builtins.intArg(rt, a[o + 1]) : 1));
        });
        NumberBuiltins.classMethod(rt, type, "fromhex", (s, a, o, n, kw) -> {
            Args.exactly(rt, "fromhex", n, kw, 1);
            if (!Heap.isStr(a[o])) throw rt.typeError("fromhex() argument must be str, not " + rt.ops.typeName(a[o]));
            return NumberBuiltins.ofClass(rt, s, type, make(fromHex(StrType.value(a[o]))));
        });
        def("decode", (s, a, o, n, kw) -> {
            long[] v = ExecBuiltins.bind(rt, "decode", new String[] {"encoding", "errors"}, 0, 2, 0, a, o, n, kw);
            String enc = v[0] == 0 ? "utf-8" : Codecs.strArg(rt, v[0], "decode() argument 'encoding'");
            String err = v[1] == 0 ? "strict" : Codecs.strArg(rt, v[1], "decode() argument 'errors'");
            return Codecs.decode(rt, self(s), enc, err);
        });
        for (String name : new String[] {"partition", "rpartition"}) {
            def(name, (s, a, o, n, kw) -> {
                Args.exactly(rt, name, n, kw, 1);
                byte[] v = self(s), sep = arg(a[o], "");
                if (sep.length == 0) throw rt.error("ValueError", "empty separator");
                int i = name.equals("partition") ? indexOf(v, sep, 0, v.length) : lastIndexOf(v, sep, 0, v.length);
                long t = heap.tuples.alloc(3);
                if (i < 0) {
                    boolean left = name.equals("partition");
                    TupleType.setItemSteal(t, left ? 0 : 2, same(s, v));
                    TupleType.setItemSteal(t, 1, make(new byte[0]));
                    TupleType.setItemSteal(t, left ? 2 : 0, make(new byte[0]));
                } else {
                    TupleType.setItemSteal(t, 0, make(java.util.Arrays.copyOf(v, i)));
                    TupleType.setItemSteal(t, 1, isBytes && heap.typeOf(a[o]) == heap.bytes ? Builtins.incref(heap, a[o]) : make(sep));
                    TupleType.setItemSteal(t, 2, make(java.util.Arrays.copyOfRange(v, i + sep.length, v.length)));
                }
                return t;
            });
        }
        for (String name : new String[] {"center", "ljust", "rjust"}) {
            def(name, (s, a, o, n, kw) -> {
                Args.range(rt, name, n, kw, 1, 2);
                byte[] v = self(s);
                long width = Builtins.intArg(rt, a[o]);
                byte fill = ' ';
                if (n == 2) {
                    byte[] f = BufferProtocol.bytesOrNull(rt, a[o + 1]);
                    if (f == null || f.length != 1) {
                        throw rt.typeError(name + "() argument 2 must be a byte string of length 1, not " + rt.ops.typeName(a[o + 1]));
                    }
                    fill = f[0];
                }
                if (v.length >= width) return same(s, v);
                int total = (int) width - v.length;
                int left = switch (name) {
                    case "ljust" -> 0;
                    case "rjust" -> total;
                    default -> total / 2 + (total & (int) width & 1);
                };
                byte[] r = new byte[(int) width];
                java.util.Arrays.fill(r, fill);
                System.arraycopy(v, 0, r, left, v.length);
                return filled(r);
            });
        }
        def("zfill", (s, a, o, n, kw) -> {
            Args.exactly(rt, "zfill", n, kw, 1);
            byte[] v = self(s);
            int width = (int) Builtins.intArg(rt, a[o]);
            if (v.length >= width) return same(s, v);
            int sign = v.length > 0 && (v[0] == '-' || v[0] == '+') ? 1 : 0;
            byte[] r = new byte[width];
            java.util.Arrays.fill(r, (byte) '0');
            System.arraycopy(v, 0, r, 0, sign);
            System.arraycopy(v, sign, r, width - v.length + sign, v.length - sign);
            return filled(r);
        });
        def("splitlines", (s, a, o, n, kw) -> {
            long[] v = ExecBuiltins.bind(rt, "splitlines", new String[] {"keepends"}, 0, 1, 0, a, o, n, kw);
            boolean keep = v[0] != 0 && rt.ops.truthy(v[0]);
            byte[] b = self(s);
            long l = heap.lists.alloc(0);
            int i = 0;
            while (i < b.length) {
                int j = i;
                while (j < b.length && b[j] != '\n' && b[j] != '\r') j++;
                int eol = j;
                if (j < b.length) {
                    eol = (b[j] == '\r' && j + 1 < b.length && b[j + 1] == '\n') ? j + 2 : j + 1;
                }
                append(l, make(java.util.Arrays.copyOfRange(b, i, keep ? eol : j)));
                i = eol;
            }
            return l;
        });
        def("expandtabs", (s, a, o, n, kw) -> {
            long[] v = ExecBuiltins.bind(rt, "expandtabs", new String[] {"tabsize"}, 0, 1, 0, a, o, n, kw);
            long tab = v[0] == 0 ? 8 : Builtins.intArg(rt, v[0]);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int col = 0;
            for (byte c : self(s)) {
                if (c == '\t') {
                    if (tab > 0) {
                        long k = tab - col % tab;
                        for (long i = 0; i < k; i++) out.write(' ');
                        col += (int) k;
                    }
                } else {
                    out.write(c);
                    col = (c == '\n' || c == '\r') ? 0 : col + 1;
                }
            }
            return filled(out.toByteArray());
        });
        // bytes_getnewargs: (bytes(self),), a copy
        if (isBytes) def("__getnewargs__", (s, a, o, n, kw) -> {
            Args.exactly(rt, "__getnewargs__", n, kw, 0);
            long t = heap.tuples.alloc(1);
            dev.refheap.object.TupleType.setItemSteal(t, 0, heap.bytes.of(self(s)));
            return t;
        });
        else def("__getnewargs__", (s, a, o, n, kw) -> { throw rt.error("NotImplementedError", "refheap does not support pickling " + tn + " yet"); });
    }

    private void append(long list, long item) {
        heap.lists.append(list, item);
        heap.decref(item);
    }

    private long affix(long s, long[] a, int o, int n, long kw, boolean prefix) {
        String name = prefix ? "startswith" : "endswith";
        Args.range(rt, name, n, kw, 1, 3);
        byte[] v = self(s);
        long[] se = bounds(v.length, a, o + 1, n - 1);
        long x = a[o];
        List<byte[]> cands = new ArrayList<>();
        if (heap.typeOf(x) == heap.tuples) {
            for (long i = 0; i < TupleType.size(x); i++) {
                byte[] b = BufferProtocol.bytesOrNull(rt, TupleType.item(x, i));
                if (b == null) throw rt.typeError("a bytes-like object is required, not '" + rt.ops.typeName(TupleType.item(x, i)) + "'");
                cands.add(b);
            }
        } else {
            byte[] b = BufferProtocol.bytesOrNull(rt, x);
            if (b == null) throw rt.typeError(name + " first arg must be bytes or a tuple of bytes, not " + rt.ops.typeName(x));
            cands.add(b);
        }
        int start = (int) se[0], end = (int) se[1];
        for (byte[] c : cands) {
            if (start > v.length || end - start < c.length) continue;
            if (regionMatches(v, prefix ? start : end - c.length, c)) return rt.ops.bool(true);
        }
        return rt.ops.bool(false);
    }

    /** Optional start/end arguments, adjusted as slice indices (end may stay below start). */
    private long[] bounds(int len, long[] a, int o, int n) {
        long start = 0, end = len;
        if (n >= 1 && a[o] != heap.None) start = adjust(Sequences.sliceInt(rt, a[o]), len);
        if (n >= 2 && a[o + 1] != heap.None) end = Math.min(adjust(Sequences.sliceInt(rt, a[o + 1]), len), len);
        return new long[] {start, end};
    }

    private static long adjust(long i, int len) {
        if (i < 0) i = Math.max(0, i + len);
        return i;
    }

    static boolean regionMatches(byte[] v, int at, byte[] x) {
        if (at < 0 || at + x.length > v.length) return false;
        for (int i = 0; i < x.length; i++) if (v[at + i] != x[i]) return false;
        return true;
    }

    static int indexOf(byte[] v, byte[] x, int from, int to) {
        if (from > v.length || to - from < x.length) return x.length == 0 && from <= to && from <= v.length ? from : -1;
        for (int i = from; i + x.length <= to; i++) if (regionMatches(v, i, x)) return i;
        return -1;
    }

    static int lastIndexOf(byte[] v, byte[] x, int from, int to) {
        if (from > v.length || to - from < x.length) return -1;
        for (int i = to - x.length; i >= from; i--) if (regionMatches(v, i, x)) return i;
        return -1;
    }

    private static boolean isSpace(byte c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c; }

    private static boolean stripped(byte c, byte[] chars) {
        if (chars == null) return isSpace(c);
        for (byte x : chars) if (x == c) return true;
        return false;
    }

    private long split(long s, long[] a, int o, int n, long kw, boolean right) {
        long[] v = ExecBuiltins.bind(rt, right ? "rsplit" : "split", new String[] {"sep", "maxsplit"}, 0, 2, 0, a, o, n, kw);
        byte[] b = self(s);
        long max = v[1] == 0 ? -1 : Builtins.intArg(rt, v[1]);
        List<byte[]> parts = new ArrayList<>();
        if (v[0] == 0 || v[0] == heap.None) {
            if (!right) {
                int i = 0;
                while (true) {
                    while (i < b.length && isSpace(b[i])) i++;
                    if (i >= b.length) break;
                    if (max >= 0 && parts.size() >= max) {
                        parts.add(java.util.Arrays.copyOfRange(b, i, b.length));
                        break;
                    }
                    int j = i;
                    while (j < b.length && !isSpace(b[j])) j++;
                    parts.add(java.util.Arrays.copyOfRange(b, i, j));
                    i = j;
                }
            } else {
                int j = b.length;
                while (true) {
                    while (j > 0 && isSpace(b[j - 1])) j--;
                    if (j <= 0) break;
                    if (max >= 0 && parts.size() >= max) {
                        parts.addFirst(java.util.Arrays.copyOfRange(b, 0, j));
                        break;
                    }
                    int i = j;
                    while (i > 0 && !isSpace(b[i - 1])) i--;
                    parts.addFirst(java.util.Arrays.copyOfRange(b, i, j));
                    j = i;
                }
            }
        } else {
            byte[] sep = arg(v[0], "");
            if (sep.length == 0) throw rt.error("ValueError", "empty separator");
            if (!right) {
                int from = 0;
                for (long c = 0; max < 0 || c < max; c++) {
                    int i = indexOf(b, sep, from, b.length);
                    if (i < 0) break;
                    parts.add(java.util.Arrays.copyOfRange(b, from, i));
                    from = i + sep.length;
                }
                parts.add(java.util.Arrays.copyOfRange(b, from, b.length));
            } else {
                int to = b.length;
                for (long c = 0; max < 0 || c < max; c++) {
                    int i = lastIndexOf(b, sep, 0, to);
                    if (i < 0) break;
                    parts.addFirst(java.util.Arrays.copyOfRange(b, i + sep.length, to));
                    to = i;
                }
                parts.addFirst(java.util.Arrays.copyOfRange(b, 0, to));
            }
        }
        long l = heap.lists.alloc(0);
        for (byte[] p : parts) append(l, make(p));
        return l;
    }

    private static boolean isUpper(byte c) { return c >= 'A' && c <= 'Z'; }
    private static boolean isLower(byte c) { return c >= 'a' && c <= 'z'; }
    private static boolean isAlpha(byte c) { return isUpper(c) || isLower(c); }
    private static boolean isDigit(byte c) { return c >= '0' && c <= '9'; }

    static byte[] caseMap(byte[] v, String how) {
        byte[] r = v.clone();
        boolean prevCased = false;
        for (int i = 0; i < r.length; i++) {
            byte c = r[i];
            switch (how) {
                case "upper" -> { if (isLower(c)) r[i] = (byte) (c - 32); }
                case "lower" -> { if (isUpper(c)) r[i] = (byte) (c + 32); }
                case "swapcase" -> { if (isLower(c)) r[i] = (byte) (c - 32); else if (isUpper(c)) r[i] = (byte) (c + 32); }
                case "capitalize" -> {
                    if (i == 0 && isLower(c)) r[i] = (byte) (c - 32);
                    else if (i > 0 && isUpper(c)) r[i] = (byte) (c + 32);
                }
                default -> {
                    if (prevCased) { if (isUpper(c)) r[i] = (byte) (c + 32); } else if (isLower(c)) r[i] = (byte) (c - 32);
                    prevCased = isAlpha(c);
                }
            }
        }
        return r;
    }

    private static boolean predicate(byte[] v, String name) {
        if (name.equals("isascii")) {
            for (byte c : v) if (c < 0) return false;
            return true;
        }
        if (v.length == 0) return false;
        switch (name) {
            case "isupper", "islower" -> {
                boolean cased = false;
                for (byte c : v) {
                    if (name.equals("isupper") ? isLower(c) : isUpper(c)) return false;
                    if (isAlpha(c)) cased = true;
                }
                return cased;
            }
            case "istitle" -> {
                boolean cased = false, prevCased = false;
                for (byte c : v) {
                    if (isUpper(c)) {
                        if (prevCased) return false;
                        prevCased = cased = true;
                    } else if (isLower(c)) {
                        if (!prevCased) return false;
                        prevCased = cased = true;
                    } else {
                        prevCased = false;
                    }
                }
                return cased;
            }
            default -> {
                for (byte c : v) {
                    boolean ok = switch (name) {
                        case "isdigit" -> isDigit(c);
                        case "isalpha" -> isAlpha(c);
                        case "isalnum" -> isAlpha(c) || isDigit(c);
                        default -> isSpace(c);
                    };
                    if (!ok) return false;
                }
                return true;
            }
        }
    }

    /** bytes.hex([sep[, bytes_per_sep]]). */
    static String hex(Runtime rt, byte[] v, long sepObj, long perSep) {
        String sep = null;
        if (sepObj != 0) {
            if (Heap.isStr(sepObj)) sep = StrType.value(sepObj);
            else {
                byte[] b = BufferProtocol.bytesOrNull(rt, sepObj);
                if (b == null) throw rt.typeError("sep must be str or bytes.");
                sep = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            if (sep.length() != 1) throw rt.error("ValueError", "sep must be length 1.");
            if (sep.charAt(0) > 127) throw rt.error("ValueError", "sep must be ASCII.");
        }
        StringBuilder sb = new StringBuilder();
        int n = v.length;
        long group = Math.abs(perSep);
        for (int i = 0; i < n; i++) {
            if (sep != null && group > 0 && i > 0) {
                // groups counted from the right for a positive bytes_per_sep, from the left for a negative one
                boolean boundary = perSep > 0 ? (n - i) % group == 0 : i % group == 0;
                if (boundary) sb.append(sep);
            }
            sb.append(Character.forDigit((v[i] >> 4) & 0xf, 16)).append(Character.forDigit(v[i] & 0xf, 16));
        }
        return sb.toString();
    }

    private byte[] fromHex(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c) {
                i++;
                continue;
            }
            int hi = Character.digit(c, 16);
            if (hi < 0 || c > 127) throw rt.error("ValueError", "non-hexadecimal number found in fromhex() arg at position " + i);
            if (i + 1 >= n) throw rt.error("ValueError", "non-hexadecimal number found in fromhex() arg at position " + (i + 1));
            int lo = Character.digit(s.charAt(i + 1), 16);
            if (lo < 0 || s.charAt(i + 1) > 127) throw rt.error("ValueError", "non-hexadecimal number found in fromhex() arg at position " + (i + 1));
            out.write(hi * 16 + lo);
            i += 2;
        }
        return out.toByteArray();
    }

    /**
     * An iterator over the byte values of {@code v} (a snapshot: a list of ints iterated as a list).
     * Used by bytearray and memoryview.
     */
    static long iterOver(Runtime rt, byte[] v) {
        var heap = rt.heap;
        long l = heap.lists.alloc(0);
        for (byte c : v) {
            long x = heap.ints.of(c & 0xff);
            heap.lists.append(l, x);
            heap.decref(x);
        }
        long it = rt.iterType.create(IterType.Kind.LIST, l, 0);
        heap.decref(l);
        return it;
    }
}
