package dev.refheap.lang.modules;

import dev.refheap.lang.vm.Builtin;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.BytesType;
import dev.refheap.object.FloatType;
import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import dev.refheap.object.Layout;
import dev.refheap.object.ListType;
import dev.refheap.object.PyType;
import dev.refheap.object.SetType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.HashMap;

/**
 * {@code marshal}: CPython 3.11's Python/marshal.c serialization format, byte for byte, for the
 * values it covers: None, True/False, StopIteration, Ellipsis, exact ints (the 4-byte form when the
 * value fits 32 bits, else 15-bit digits), floats and complex (binary from version 2, text before),
 * bytes and any other buffer as bytes, str (from version 4 the ASCII, short-ASCII and interned
 * forms; utf-8 with surrogatepass otherwise), tuples (the small form from version 4), lists, dicts,
 * sets and frozensets (their items in the order of their own marshal bytes, as 3.11 sorts them).
 * Code objects are refused by name both ways.
 *
 * <p>References (version 3 on): a written object gets FLAG_REF on its type byte when its refcount is
 * above 1 (or it is an interned str) the first time it is seen, and a later sighting is written as
 * a reference to it; the writer holds each recorded object until it ends, as 3.11's hashtable does.
 * The reader keeps the objects of flagged codes in a list (a frozenset's slot reserved before its
 * items are read) that references index. Errors are CPython's: ValueError for unmarshallable
 * objects, bad data and too deep nesting, EOFError for short data, TypeError for NULL entries.
 * Stateless beyond the calls.
 */
public final class MarshalModule {
    private MarshalModule() {}

    static final int VERSION = 4, MAX_DEPTH = 2000, FLAG_REF = 0x80;

    /**
     * The module's functions by name, made from the runtime alone (no object allocated): the
     * module's setup defines them from this table, and a runtime adopting a start-up image makes
     * them again from it.
     */
    public static java.util.Map<String, Builtin> functions(VmApi vm) {
        Heap heap = vm.heap;
        java.util.Map<String, Builtin> f = new HashMap<>();
        f.put("dumps", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "marshal.dumps", kw);
            if (n < 1 || n > 2) throw vm.error("TypeError", "dumps expected " + (n < 1 ? "at least 1 argument" : "at most 2 arguments") + ", got " + n);
            int version = n == 2 ? versionArg(vm, a[o + 1]) : VERSION;
            return heap.bytes.of(dumps(vm, a[o], version));
        });
        f.put("dump", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "marshal.dump", kw);
            if (n < 2 || n > 3) throw vm.error("TypeError", "dump expected " + (n < 2 ? "at least 2 arguments" : "at most 3 arguments") + ", got " + n);
            int version = n == 3 ? versionArg(vm, a[o + 2]) : VERSION;
            long b = heap.bytes.of(dumps(vm, a[o], version));
            try {
                return vm.callMethod(a[o + 1], "write", b);
            } finally {
                heap.decref(b);
            }
        });
        f.put("loads", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "marshal.loads", kw);
            if (n != 1) throw vm.error("TypeError", "marshal.loads() takes exactly one argument (" + n + " given)");
            byte[] data = vm.bytesLike(a[o]);
            if (data == null) throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(a[o]) + "'");
            return new Reader(vm, data, 0).readTop();
        });
        f.put("load", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "marshal.load", kw);
            if (n != 1) throw vm.error("TypeError", "marshal.load() takes exactly one argument (" + n + " given)");
            long zero = heap.ints.of(0);
            long probe;
            try {
                probe = vm.callMethod(a[o], "read", zero);
            } finally {
                heap.decref(zero);
            }
            try {
                if (!vm.isSubtype(probe, heap.bytes)) {
                    throw vm.error("TypeError", "file.read() returned not bytes but " + vm.typeName(probe));
                }
                return new Reader(vm, null, a[o]).readTop();
            } finally {
                heap.decref(probe);
            }
        });
        return f;
    }

    public static long create(VmApi vm) {
        Heap heap = vm.heap;
        java.util.Map<String, Builtin> fns = functions(vm);
        long m = vm.newModule("marshal");
        long v = heap.ints.of(VERSION);
        try {
            heap.dicts.setItem(vm.moduleDict(m), "version", v);
        } finally {
            heap.decref(v);
        }
        for (String name : new String[] {"dumps", "dump", "loads", "load"}) vm.def(m, name, fns.get(name));
        return m;
    }

    /** The version argument: an integer that fits a C int (_PyLong_AsInt of its index). */
    private static int versionArg(VmApi vm, long v) {
        BigInteger b = vm.asIndex(v);
        if (b.bitLength() > 31) throw vm.error("OverflowError", "Python int too large to convert to C int");
        return b.intValue();
    }

    /** PyMarshal_WriteObjectToString: the bytes, or ValueError as w_object's error says. */
    static byte[] dumps(VmApi vm, long o, int version) {
        Writer w = new Writer(vm, version);
        try {
            w.object(o);
        } finally {
            w.release();
        }
        if (w.error == Writer.NESTED) throw vm.error("ValueError", "object too deeply nested to marshal");
        if (w.error == Writer.UNMARSHALLABLE) throw vm.error("ValueError", "unmarshallable object");
        return w.out.toByteArray();
    }

    /** w_object and friends: one writer per dumps, its reference table held until {@link #release}. */
    private static final class Writer {
        static final int OK = 0, UNMARSHALLABLE = 1, NESTED = 2;
        final VmApi vm;
        final Heap heap;
        final int version;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final HashMap<Long, Integer> refs;  // by address: the identity hashtable of w_ref
        int depth, error;

        Writer(VmApi vm, int version) {
            this.vm = vm;
            this.heap = vm.heap;
            this.version = version;
            this.refs = version >= 3 ? new HashMap<>() : null;
        }

        void release() {
            if (refs == null) return;
            for (Long o : refs.keySet()) heap.decref(o);
            refs.clear();
        }

        void b(int x) { out.write(x); }

        void i32(long x) {
            b((int) x & 0xFF);
            b((int) (x >> 8) & 0xFF);
            b((int) (x >> 16) & 0xFF);
            b((int) (x >> 24) & 0xFF);
        }

        void pstring(byte[] data, int len) {
            i32(len);
            out.write(data, 0, len);
        }

        void object(long o) {
            depth++;
            try {
                if (depth > MAX_DEPTH) error = NESTED;
                else if (o == 0) b('0');
                else if (o == heap.None) b('N');
                else if (o == vm.exceptionType("StopIteration").address()) b('S');
                else if (o == vm.ellipsis()) b('.');
                else if (o == heap.False) b('F');
                else if (o == heap.True) b('T');
                else {
                    int flag = ref(o);
                    if (flag >= 0) complex(o, flag);
                }
            } finally {
                depth--;
            }
        }

        /** w_ref: -1 when a reference was written, else the flag for the object's type byte. */
        private int ref(long o) {
            if (refs == null) return 0;
            if (Native.getLong(o + Layout.OB_REFCNT) == 1 && !(heap.typeOf(o) == heap.strs && interned(o))) return 0;
            Integer w = refs.get(o);
            if (w != null) {
                b('r');
                i32(w);
                return -1;
            }
            heap.incref(o);
            refs.put(o, refs.size());
            return FLAG_REF;
        }

        private void type(int code, int flag) { b(code | flag); }

        private void complex(long o, int flag) {
            PyType t = heap.typeOf(o);
            if (t == heap.ints) {
                if (IntType.fitsLong(o) && IntType.asLong(o) >= Integer.MIN_VALUE && IntType.asLong(o) <= Integer.MAX_VALUE) {
                    type('i', flag);
                    i32(IntType.asLong(o));
                } else {
                    longDigits(IntType.toBig(o), flag);
                }
            } else if (t == heap.floats) {
                if (version > 1) {
                    type('g', flag);
                    float8(FloatType.value(o));
                } else {
                    type('f', flag);
                    floatText(FloatType.value(o));
                }
            } else if (t == vm.complexType()) {
                double[] parts = vm.complexParts(o);
                if (version > 1) {
                    type('y', flag);
                    float8(parts[0]);
                    float8(parts[1]);
                } else {
                    type('x', flag);
                    for (double d : parts) floatText(d);
                }
            } else if (t == heap.bytes) {
                type('s', flag);
                byte[] data = BytesType.value(o);
                pstring(data, data.length);
            } else if (t == heap.strs) {
                str(o, flag);
            } else if (t == heap.tuples) {
                long n = TupleType.size(o);
                if (version >= 4 && n < 256) {
                    type(')', flag);
                    b((int) n);
                } else {
                    type('(', flag);
                    i32(n);
                }
                for (long i = 0; i < n; i++) object(TupleType.item(o, i));
            } else if (t == heap.lists) {
                type('[', flag);
                long n = ListType.size(o);
                i32(n);
                for (long i = 0; i < n; i++) object(ListType.item(o, i));
            } else if (t == heap.dicts) {
                type('{', flag);
                java.util.List<long[]> items = new java.util.ArrayList<>();
                heap.dicts.forEach(o, (k, v) -> items.add(new long[] {k, v}));
                for (long[] kv : items) {
                    object(kv[0]);
                    object(kv[1]);
                }
                object(0);
            } else if (t == heap.sets || t == heap.frozensets) {
                set(o, t == heap.frozensets ? '>' : '<', flag);
            } else if (t == vm.codeType()) {
                throw vm.error("NotImplementedError", "refheap does not support marshal of code objects yet");
            } else {
                byte[] data = vm.bytesLike(o);
                if (data != null) {
                    type('s', flag);
                    pstring(data, data.length);
                } else {
                    type('?', flag);
                    error = UNMARSHALLABLE;
                }
            }
        }

        /** w_PyLong: the sign-carrying count of 15-bit digits, then the digits, least significant first. */
        private void longDigits(BigInteger v, int flag) {
            type('l', flag);
            BigInteger mag = v.abs();
            int count = (mag.bitLength() + 14) / 15;
            i32(v.signum() < 0 ? -count : count);
            for (int i = 0; i < count; i++) {
                int d = mag.shiftRight(15 * i).intValue() & 0x7FFF;
                b(d & 0xFF);
                b(d >> 8);
            }
        }

        private void float8(double d) {
            long bits = Double.doubleToRawLongBits(d);
            for (int i = 0; i < 8; i++) b((int) (bits >>> (8 * i)) & 0xFF);
        }

        /** w_float_str: PyOS_double_to_string(v, 'g', 17), its length as one byte. */
        private void floatText(double d) {
            byte[] text = vm.formatDouble(d, ".17g").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            b(text.length);
            out.write(text, 0, text.length);
        }

        /** PyUnicode_CHECK_INTERNED: 3.11's empty str singleton is interned too (refheap does not mark it). */
        private boolean interned(long o) { return StrType.isInterned(o) || o == heap.strs.empty(); }

        private void str(long o, int flag) {
            boolean interned = interned(o);
            if (version >= 4 && StrType.isAscii(o)) {
                byte[] data = StrType.value(o).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                if (data.length < 256) {
                    type(interned ? 'Z' : 'z', flag);
                    b(data.length);
                    out.write(data, 0, data.length);
                } else {
                    type(interned ? 'A' : 'a', flag);
                    pstring(data, data.length);
                }
                return;
            }
            long utf8 = vm.encode(o, "utf-8", "surrogatepass");
            try {
                type(version >= 3 && interned ? 't' : 'u', flag);
                byte[] data = BytesType.value(utf8);
                pstring(data, data.length);
            } finally {
                heap.decref(utf8);
            }
        }

        /**
         * A set or frozenset: its size, then its items ordered as {@code sorted(v, key=marshal.dumps)}
         * through a list of (dumps, item) pairs, as 3.11 orders them for reproducible output (each
         * item is written while its pair holds it).
         */
        private void set(long o, int code, int flag) {
            type(code, flag);
            long n = SetType.size(o);
            i32(n);
            java.util.List<Long> values = new java.util.ArrayList<>();
            heap.sets.forEach(o, values::add);
            long pairs = heap.lists.alloc(0);
            try {
                byte[][] keys = new byte[values.size()][];
                Long[] order = new Long[values.size()];
                for (int i = 0; i < values.size(); i++) {
                    long v = values.get(i);
                    keys[i] = dumps(vm, v, version);
                    long dump = heap.bytes.of(keys[i]);
                    long pair = heap.tuples.alloc(2);
                    TupleType.setItemSteal(pair, 0, dump);
                    TupleType.setItemSteal(pair, 1, vm.incref(v));
                    heap.lists.append(pairs, pair);
                    heap.decref(pair);
                    order[i] = (long) i;
                }
                java.util.Arrays.sort(order, (x, y) -> java.util.Arrays.compareUnsigned(keys[(int) (long) x], keys[(int) (long) y]));
                for (Long i : order) {
                    object(TupleType.item(ListType.item(pairs, i), 1));
                    if (error != OK) break;
                }
            } finally {
                heap.decref(pairs);
            }
        }
    }

    /** r_object and friends over a byte array (loads) or a file's readinto (load). */
    private static final class Reader {
        final VmApi vm;
        final Heap heap;
        final byte[] data;
        final long file;
        int pos, depth;
        long refs;

        Reader(VmApi vm, byte[] data, long file) {
            this.vm = vm;
            this.heap = vm.heap;
            this.data = data;
            this.file = file;
        }

        /** read_object: one object (the rest of the data is ignored), the reference list made first and dropped after. */
        long readTop() {
            refs = heap.lists.alloc(0);
            try {
                long v = object();
                if (v == 0) throw vm.error("TypeError", "NULL object in marshal data for object");
                return v;
            } finally {
                heap.decref(refs);
            }
        }

        /** r_string: n bytes, or EOFError ("marshal data too short" from bytes, "EOF read where not expected" from a file). */
        private byte[] bytes(int n) {
            if (data != null) {
                if (pos + (long) n > data.length) throw vm.error("EOFError", "marshal data too short");
                byte[] r = java.util.Arrays.copyOfRange(data, pos, pos + n);
                pos += n;
                return r;
            }
            byte[] buf = new byte[n];
            if (readInto(buf) != n) throw vm.error("EOFError", "EOF read where not expected");
            return buf;
        }

        /**
         * The file's {@code readinto} of a memoryview over an n-byte buffer: how many bytes it says it
         * read (more than asked is ValueError, as r_string says).
         */
        private long readInto(byte[] buf) {
            int n = buf.length;
            long size = heap.ints.of(n);
            long ba;
            try {
                ba = vm.call(heap.dicts.getItem(vm.builtinsDict(), "bytearray"), size);
            } finally {
                heap.decref(size);
            }
            long read;
            try {
                long view = vm.call(heap.dicts.getItem(vm.builtinsDict(), "memoryview"), ba);
                try {
                    long res = vm.callMethod(file, "readinto", view);
                    try {
                        read = Params.ssize(vm, res);
                    } finally {
                        heap.decref(res);
                    }
                } finally {
                    heap.decref(vm.callMethod(view, "release"));
                    heap.decref(view);
                }
                byte[] got = vm.bytesLike(ba);
                System.arraycopy(got, 0, buf, 0, Math.min(n, got.length));
            } finally {
                heap.decref(ba);
            }
            if (read > n) throw vm.error("ValueError", "read() returned too much data: " + n + " bytes requested, " + read + " returned");
            return read;
        }

        /** r_byte: the next byte, or -1 at the end of the data or the file (the caller raises its EOFError). */
        private int rbyte() {
            if (data != null) return pos < data.length ? data[pos++] & 0xFF : -1;
            byte[] one = new byte[1];
            return readInto(one) == 1 ? one[0] & 0xFF : -1;
        }

        private int i32() {
            byte[] b = bytes(4);
            return (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | (b[3] & 0xFF) << 24;
        }

        private int size(String what) {
            int n = i32();
            if (n < 0) throw vm.error("ValueError", "bad marshal data (" + what + " size out of range)");
            return n;
        }

        /** r_ref: records o when the type byte had FLAG_REF. */
        private long ref(long o, boolean flag) {
            if (flag) heap.lists.append(refs, o);
            return o;
        }

        long object() {
            if (++depth > MAX_DEPTH) {
                depth--;
                throw vm.error("ValueError", "recursion limit exceeded");
            }
            try {
                return read();
            } finally {
                depth--;
            }
        }

        private long read() {
            int code = rbyte();
            if (code < 0) throw vm.error("EOFError", "EOF read where object expected");
            boolean flag = (code & FLAG_REF) != 0;
            int type = code & ~FLAG_REF;
            switch (type) {
                case '0': return 0;
                case 'N': return vm.incref(heap.None);
                case 'S': return vm.incref(vm.exceptionType("StopIteration").address());
                case '.': return vm.incref(vm.ellipsis());
                case 'F': return vm.incref(heap.False);
                case 'T': return vm.incref(heap.True);
                case 'i': return ref(heap.ints.of(i32()), flag);
                case 'I': {
                    byte[] b = bytes(8);
                    long x = 0;
                    for (int i = 7; i >= 0; i--) x = x << 8 | (b[i] & 0xFF);
                    return ref(heap.ints.of(x), flag);
                }
                case 'l': return ref(readLong(), flag);
                case 'f': return ref(heap.floats.of(textFloat()), flag);
                case 'g': return ref(heap.floats.of(binFloat()), flag);
                case 'x': {
                    double re = textFloat();
                    double im = textFloat();
                    return ref(vm.newComplex(re, im), flag);
                }
                case 'y': {
                    double re = binFloat();
                    double im = binFloat();
                    return ref(vm.newComplex(re, im), flag);
                }
                case 's': {
                    int n = size("bytes object");
                    return ref(heap.bytes.of(bytes(n)), flag);
                }
                case 'A', 'a': {
                    int n = size("string");
                    return ref(ascii(bytes(n), type == 'A'), flag);
                }
                case 'Z', 'z': {
                    int n = rbyte();
                    if (n < 0) throw vm.error("EOFError", "EOF read where not expected");
                    return ref(ascii(bytes(n), type == 'Z'), flag);
                }
                case 't', 'u': {
                    int n = size("string");
                    long s = n == 0 ? vm.incref(heap.strs.empty()) : vm.decode(bytes(n), "utf-8", "surrogatepass");
                    if (type == 't') s = heap.strs.intern(s);
                    return ref(s, flag);
                }
                case ')': {
                    int n = rbyte();
                    if (n < 0) throw vm.error("EOFError", "EOF read where not expected");
                    return tuple(n, flag);
                }
                case '(': return tuple(size("tuple"), flag);
                case '[': {
                    int n = size("list");
                    long l = heap.lists.alloc(0);
                    ref(l, flag);
                    try {
                        for (int i = 0; i < n; i++) {
                            long v = object();
                            if (v == 0) throw vm.error("TypeError", "NULL object in marshal data for list");
                            heap.lists.append(l, v);
                            heap.decref(v);
                        }
                    } catch (RuntimeException e) {
                        heap.decref(l);
                        throw e;
                    }
                    return l;
                }
                case '{': {
                    long d = heap.dicts.create();
                    ref(d, flag);
                    try {
                        while (true) {
                            long k = object();
                            if (k == 0) break;
                            long v;
                            try {
                                v = object();
                            } catch (RuntimeException e) {
                                heap.decref(k);
                                throw e;
                            }
                            if (v == 0) {
                                heap.decref(k);
                                break;
                            }
                            try {
                                vm.setItem(d, k, v);
                            } finally {
                                heap.decref(k);
                                heap.decref(v);
                            }
                        }
                    } catch (RuntimeException e) {
                        heap.decref(d);
                        throw e;
                    }
                    return d;
                }
                case '<', '>': return set(type == '>', flag);
                case 'c': throw vm.error("NotImplementedError", "refheap does not support marshal of code objects yet");
                case 'r': {
                    int n = i32();
                    if (n < 0 || n >= ListType.size(refs)) throw vm.error("ValueError", "bad marshal data (invalid reference)");
                    long v = ListType.item(refs, n);
                    if (v == heap.None) throw vm.error("ValueError", "bad marshal data (invalid reference)");
                    return vm.incref(v);
                }
                default: throw vm.error("ValueError", "bad marshal data (unknown type code)");
            }
        }

        private long tuple(int n, boolean flag) {
            long t = heap.tuples.alloc(n);
            ref(t, flag);
            try {
                for (int i = 0; i < n; i++) {
                    long v = object();
                    if (v == 0) throw vm.error("TypeError", "NULL object in marshal data for tuple");
                    TupleType.setItemSteal(t, i, v);
                }
            } catch (RuntimeException e) {
                heap.decref(t);
                throw e;
            }
            return t;
        }

        /** A set, or a frozenset whose reference slot is reserved (None) until its items are in. */
        private long set(boolean frozen, boolean flag) {
            int n = size("set");
            long s = frozen ? heap.frozensets.create() : heap.sets.create();
            if (n == 0 && frozen) return ref(s, flag);
            long slot = -1;
            if (!frozen) {
                ref(s, flag);
            } else if (flag) {
                slot = ListType.size(refs);
                heap.lists.append(refs, heap.None);
            }
            try {
                for (int i = 0; i < n; i++) {
                    long v = object();
                    if (v == 0) throw vm.error("TypeError", "NULL object in marshal data for set");
                    try {
                        if (frozen) heap.frozensets.add(s, v);
                        else heap.sets.add(s, v);
                    } finally {
                        heap.decref(v);
                    }
                }
            } catch (RuntimeException e) {
                heap.decref(s);
                throw e;
            }
            if (slot >= 0) {
                long old = ListType.item(refs, slot);
                heap.incref(s);
                ListType.setItemSteal(refs, slot, s);
                heap.decref(old);
            }
            return s;
        }

        private long ascii(byte[] b, boolean interned) {
            long s = heap.strs.of(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1));
            return interned ? heap.strs.intern(s) : s;
        }

        private double binFloat() {
            byte[] b = bytes(8);
            long bits = 0;
            for (int i = 7; i >= 0; i--) bits = bits << 8 | (b[i] & 0xFF);
            return Double.longBitsToDouble(bits);
        }

        /** r_float_str: a length byte, then text PyOS_string_to_double reads. */
        private double textFloat() {
            int n = rbyte();
            if (n < 0) throw vm.error("EOFError", "EOF read where not expected");
            String text = new String(bytes(n), java.nio.charset.StandardCharsets.ISO_8859_1);
            long s = heap.strs.of(text);
            try {
                long f = vm.call(heap.dicts.getItem(vm.builtinsDict(), "float"), s);
                try {
                    return vm.asDouble(f);
                } finally {
                    heap.decref(f);
                }
            } finally {
                heap.decref(s);
            }
        }

        /** r_PyLong: the signed count of 15-bit digits, then the digits (each 0..32767, the top one non-zero). */
        private long readLong() {
            int n = i32();
            if (n == Integer.MIN_VALUE) throw vm.error("ValueError", "bad marshal data (long size out of range)");
            if (n == 0) return heap.ints.of(0);
            int count = Math.abs(n);
            BigInteger v = BigInteger.ZERO;
            for (int i = 0; i < count; i++) {
                byte[] b = bytes(2);
                int md = (short) ((b[0] & 0xFF) | (b[1] & 0xFF) << 8);
                if (md < 0) throw vm.error("ValueError", "bad marshal data (digit out of range in long)");
                if (md == 0 && i == count - 1) throw vm.error("ValueError", "bad marshal data (unnormalized long data)");
                v = v.or(BigInteger.valueOf(md).shiftLeft(15 * i));
            }
            return heap.ints.of(n < 0 ? v.negate() : v);
        }
    }
}
