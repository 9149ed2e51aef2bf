package dev.refheap.lang.modules;

import dev.refheap.lang.vm.Builtin;
import dev.refheap.lang.vm.ModuleImage;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code _codecs}: the codec registry's face (register, unregister, lookup, encode, decode,
 * lookup_error, register_error; the registry itself is the VM's, which str.encode and bytes.decode
 * share) and the codec functions the {@code encodings} package calls, each returning (result,
 * length consumed) as CPython 3.11's. The utf-8/16/32, latin-1 and ascii functions run refheap's own
 * codecs (VmApi.codecEncode/codecDecode, the same code as str.encode), with {@code final} leaving an
 * incomplete sequence at the end undecoded; the escape codecs (escape_*, unicode_escape_*,
 * raw_unicode_escape_*) and charmap_* are here. {@code charmap_build} makes an {@code EncodingMap}
 * (CPython's struct encoding_map: the header, level1[32], count2, count3, then level2 and level3
 * inline: a three-level trie from code point to byte, 64 bytes by sys.getsizeof, its real block
 * {@code size()} bytes), or a dict when the table cannot be a trie. utf-7 is refused by name.
 * Functions are positional-only but for encode/decode, with clinic's messages.
 */
public final class CodecsModule {
    private CodecsModule() {}

    /** struct encoding_map: level1 at 16, count2 at 48, count3 at 52, level23 from 56. */
    static final int LEVEL1 = 16, COUNT2 = 48, COUNT3 = 52, LEVEL23 = 56;

    static final class EncodingMapType extends FieldsType {
        EncodingMapType(VmApi vm) {
            super(vm, "EncodingMap", 0, 64, 0);
            cpythonFlags(0x1180);  // READY | IMMUTABLETYPE | DISALLOW_INSTANTIATION (a static type)
        }

        /** Its methods, once the type has its type object. */
        EncodingMapType installed() {
            defMethod("size", (s, a, o, n, kw) -> {
                Params.noArgs(vm, "size", n, kw);
                return vm.newInt(63 + 16L * Native.getInt(s + COUNT2) + 128L * Native.getInt(s + COUNT3));
            });
            return this;
        }

        /** PyUnicode_BuildEncodingMap: the trie, or a dict {code point: byte} when one is needed. */
        long build(String table) {
            int[] cps = table.codePoints().limit(256).toArray();
            byte[] level1 = new byte[32], level2 = new byte[512];
            java.util.Arrays.fill(level1, (byte) 0xff);
            java.util.Arrays.fill(level2, (byte) 0xff);
            boolean needDict = cps[0] != 0;
            int count2 = 0, count3 = 0;
            for (int i = 1; i < cps.length && !needDict; i++) {
                int ch = cps[i];
                if (ch == 0 || ch > 0xffff) {
                    needDict = true;
                    break;
                }
                if (ch == 0xfffe) continue;
                if ((level1[ch >> 11] & 0xff) == 0xff) level1[ch >> 11] = (byte) count2++;
                if ((level2[ch >> 7] & 0xff) == 0xff) level2[ch >> 7] = (byte) count3++;
            }
            if (count2 >= 0xff || count3 >= 0xff) needDict = true;
            Heap heap = vm.heap;
            if (needDict) {
                long d = heap.dicts.create();
                for (int i = 0; i < cps.length; i++) {
                    long k = heap.ints.of(cps[i]), v = heap.ints.of(i);
                    heap.dicts.setItem(d, k, v);
                    heap.decref(k);
                    heap.decref(v);
                }
                return d;
            }
            long o = heap.allocObjectOfSize(this, 63 + 16L * count2 + 128L * count3, 0);
            for (int i = 0; i < 32; i++) Native.putByte(o + LEVEL1 + i, level1[i]);
            Native.putInt(o + COUNT2, count2);
            Native.putInt(o + COUNT3, count3);
            long l2 = o + LEVEL23, l3 = l2 + 16L * count2;
            Native.fill(l2, 16L * count2, (byte) 0xff);
            Native.fill(l3, 128L * count3, (byte) 0);
            count3 = 0;
            for (int i = 1; i < cps.length; i++) {
                int ch = cps[i];
                if (ch == 0xfffe) continue;
                int i2 = 16 * (level1[ch >> 11] & 0xff) + ((ch >> 7) & 0xf);
                if ((Native.getByte(l2 + i2) & 0xff) == 0xff) Native.putByte(l2 + i2, (byte) count3++);
                Native.putByte(l3 + 128L * (Native.getByte(l2 + i2) & 0xff) + (ch & 0x7f), (byte) i);
            }
            return o;
        }

        /** encoding_map_lookup: the byte for c, or -1. */
        static int lookup(long o, int c) {
            if (c > 0xffff) return -1;
            if (c == 0) return 0;
            int i = Native.getByte(o + LEVEL1 + (c >> 11)) & 0xff;
            if (i == 0xff) return -1;
            i = Native.getByte(o + LEVEL23 + 16L * i + ((c >> 7) & 0xf)) & 0xff;
            if (i == 0xff) return -1;
            i = Native.getByte(o + LEVEL23 + 16L * Native.getInt(o + COUNT2) + 128L * i + (c & 0x7f)) & 0xff;
            return i == 0 ? -1 : i;
        }
    }

    /** The codecs refheap implements itself, by the function-name stem encodings/*.py use. */
    private static final String[][] OWN = {{"utf_8", "utf-8"}, {"utf_16", "utf-16"}, {"utf_16_le", "utf-16-le"}, {"utf_16_be", "utf-16-be"},
        {"utf_32", "utf-32"}, {"utf_32_le", "utf-32-le"}, {"utf_32_be", "utf-32-be"}, {"latin_1", "latin-1"}, {"ascii", "ascii"}};

    /** The module state: the EncodingMap type charmap_build makes. A start-up image carries it: {@link #restore} makes the type again. */
    static final class State implements ModuleImage {
        final EncodingMapType mapType;

        State(EncodingMapType mapType) { this.mapType = mapType; }

        @Override
        public java.util.List<? extends dev.refheap.object.PyType> imageTypes() { return java.util.List.of(mapType); }

        @Override
        public long[] imageValues() { return new long[0]; }
    }

    /** The runtime's state, made (its type registered) on first use. */
    private static State state(VmApi vm) { return vm.moduleState("_codecs", () -> new State(vm.registerType(new EncodingMapType(vm)).installed())); }

    /** The state made again for a runtime adopting a start-up image: the type's descriptor (its object and its method's descriptor are the image's). */
    public static ModuleImage restore(VmApi vm, long[] values) {
        if (values.length != 0) throw new IllegalArgumentException("_codecs' image state has no values, not " + values.length);
        EncodingMapType t = new EncodingMapType(vm);
        t.defineForImage(t::installed);
        return new State(t);
    }

    /**
     * The module's functions by name, in the order {@link #create} defines them, over the
     * runtime's state (made first if it is not yet): made from the runtime alone, no object
     * allocated once the state exists. A runtime adopting a start-up image makes them again from it.
     */
    public static java.util.Map<String, Builtin> functions(VmApi vm) {
        EncodingMapType mapType = state(vm).mapType;
        Heap heap = vm.heap;
        java.util.Map<String, Builtin> f = new java.util.LinkedHashMap<>();
        f.put("register", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "register", kw);
            if (n != 1) throw vm.error("TypeError", "_codecs.register() takes exactly one argument (" + n + " given)");
            vm.codecRegister(a[o]);
            return vm.incref(heap.None);
        });
        f.put("unregister", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "unregister", kw);
            if (n != 1) throw vm.error("TypeError", "_codecs.unregister() takes exactly one argument (" + n + " given)");
            vm.codecUnregister(a[o]);
            return vm.incref(heap.None);
        });
        f.put("lookup", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "lookup", kw);
            if (n != 1) throw vm.error("TypeError", "_codecs.lookup() takes exactly one argument (" + n + " given)");
            String name = str(vm, "lookup", "argument", a[o]);
            if (name.indexOf('\0') >= 0) {  // the "s" converter: UTF-8 first (a lone surrogate's error), then no NUL
                vm.heap.decref(vm.encode(a[o], "utf-8", "strict"));
                throw vm.error("ValueError", "embedded null character");
            }
            return vm.codecLookup(name);
        });
        for (boolean encode : new boolean[] {true, false}) {
            String fname = encode ? "encode" : "decode";
            f.put(fname, (s, a, o, n, kw) -> {
                long[] p = Params.parse(vm, fname, new String[] {"obj", "encoding", "errors"}, 1, 3, 0, a, o, n, kw);
                String enc = p[1] == 0 ? "utf-8" : str(vm, fname, "argument 'encoding'", p[1]);
                if (p[2] != 0) str(vm, fname, "argument 'errors'", p[2]);
                return vm.codecCall(p[0], enc, p[2], encode);
            });
        }
        f.put("lookup_error", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "lookup_error", kw);
            if (n != 1) throw vm.error("TypeError", "_codecs.lookup_error() takes exactly one argument (" + n + " given)");
            return vm.codecLookupError(str(vm, "lookup_error", "argument", a[o]));
        });
        f.put("register_error", (s, a, o, n, kw) -> {
            Params.unpack(vm, "register_error", n, kw, 2, 2);
            vm.codecRegisterError(str(vm, "register_error", "argument 1", a[o]), a[o + 1]);
            return vm.incref(heap.None);
        });
        for (String[] c : OWN) {
            String stem = c[0], codec = c[1];
            boolean bom = codec.equals("utf-16") || codec.equals("utf-32");
            f.put(stem + "_encode", (s, a, o, n, kw) -> {
                String fname = stem + "_encode";
                Params.unpack(vm, fname, n, kw, 1, bom ? 3 : 2);
                long str = strObj(vm, fname, 1, a[o]);
                String errors = errors(vm, fname, n > 1 ? a[o + 1] : 0);
                String cd = codec;
                if (bom && n > 2) {
                    long order = Params.ssize(vm, a[o + 2]);
                    if (order < 0) cd = codec + "-le";
                    else if (order > 0) cd = codec + "-be";
                }
                return pair(vm, vm.codecEncode(str, cd, errors), StrType.length(str));
            });
            boolean stateful = !codec.equals("latin-1") && !codec.equals("ascii");
            f.put(stem + "_decode", (s, a, o, n, kw) -> {
                String fname = stem + "_decode";
                Params.unpack(vm, fname, n, kw, 1, stateful ? 3 : 2);
                byte[] data = buffer(vm, a[o], false);
                String errors = errors(vm, fname, n > 1 ? a[o + 1] : 0);
                boolean fin = !stateful || n > 2 && flag(vm, a[o + 2]);
                int[] state = new int[2];
                long r = vm.codecDecode(data, codec, errors, fin, state);
                return pair(vm, r, state[0]);
            });
            if (bom) {
                f.put(stem + "_ex_decode", (s, a, o, n, kw) -> {
                    String fname = stem + "_ex_decode";
                    Params.unpack(vm, fname, n, kw, 1, 4);
                    byte[] data = buffer(vm, a[o], false);
                    String errors = errors(vm, fname, n > 1 ? a[o + 1] : 0);
                    long order = n > 2 ? Params.ssize(vm, a[o + 2]) : 0;
                    boolean fin = n > 3 && flag(vm, a[o + 3]);
                    int[] state = {0, order < 0 ? -1 : order > 0 ? 1 : 0};
                    long r = vm.codecDecode(data, codec, errors, fin, state);
                    long t = heap.tuples.alloc(3);
                    TupleType.setItemSteal(t, 0, r);
                    TupleType.setItemSteal(t, 1, heap.ints.of(state[0]));
                    TupleType.setItemSteal(t, 2, heap.ints.of(state[1]));
                    return t;
                });
            }
        }
        f.put("escape_encode", (s, a, o, n, kw) -> {
            Params.unpack(vm, "escape_encode", n, kw, 1, 2);
            if (!Heap.isBytes(a[o])) throw vm.error("TypeError", "escape_encode() argument 1 must be bytes, not " + vm.typeName(a[o]));
            errors(vm, "escape_encode", n > 1 ? a[o + 1] : 0);
            byte[] b = dev.refheap.object.BytesType.value(a[o]);
            StringBuilder sb = new StringBuilder();
            for (byte x : b) {
                int c = x & 0xff;
                switch (c) {
                    case '\\' -> sb.append("\\\\");
                    case '\'' -> sb.append("\\'");
                    case '\t' -> sb.append("\\t");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> { if (c < 0x20 || c >= 0x7f) sb.append(String.format("\\x%02x", c)); else sb.append((char) c); }
                }
            }
            return pair(vm, heap.bytes.of(sb.toString().getBytes(StandardCharsets.ISO_8859_1)), b.length);
        });
        f.put("escape_decode", (s, a, o, n, kw) -> {
            Params.unpack(vm, "escape_decode", n, kw, 1, 2);
            byte[] b = buffer(vm, a[o], true);
            String errors = errors(vm, "escape_decode", n > 1 ? a[o + 1] : 0);
            return pair(vm, heap.bytes.of(Escapes.bytesDecode(vm, b, errors)), b.length);
        });
        for (boolean raw : new boolean[] {false, true}) {
            String stem = raw ? "raw_unicode_escape" : "unicode_escape";
            f.put(stem + "_encode", (s, a, o, n, kw) -> {
                Params.unpack(vm, stem + "_encode", n, kw, 1, 2);
                long str = strObj(vm, stem + "_encode", 1, a[o]);
                errors(vm, stem + "_encode", n > 1 ? a[o + 1] : 0);
                return pair(vm, heap.bytes.of(Escapes.encode(str, raw)), StrType.length(str));
            });
            f.put(stem + "_decode", (s, a, o, n, kw) -> {
                Params.unpack(vm, stem + "_decode", n, kw, 1, 3);
                byte[] b = buffer(vm, a[o], true);
                String errors = errors(vm, stem + "_decode", n > 1 ? a[o + 1] : 0);
                boolean fin = n <= 2 || flag(vm, a[o + 2]);
                int[] consumed = {b.length};
                long r = Escapes.decode(vm, b, raw, errors, fin, consumed);
                return pair(vm, r, consumed[0]);
            });
        }
        f.put("readbuffer_encode", (s, a, o, n, kw) -> {
            Params.unpack(vm, "readbuffer_encode", n, kw, 1, 2);
            byte[] b = buffer(vm, a[o], true);
            errors(vm, "readbuffer_encode", n > 1 ? a[o + 1] : 0);
            return pair(vm, heap.bytes.of(b), b.length);
        });
        f.put("charmap_build", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "charmap_build", kw);
            if (n != 1) throw vm.error("TypeError", "_codecs.charmap_build() takes exactly one argument (" + n + " given)");
            if (!vm.isStr(a[o])) throw vm.error("TypeError", "charmap_build() argument must be str, not " + vm.typeName(a[o]));
            if (StrType.length(a[o]) == 0) throw vm.error("TypeError", "bad argument type for built-in operation");
            return mapType.build(vm.strValue(a[o]));
        });
        f.put("charmap_decode", (s, a, o, n, kw) -> {
            Params.unpack(vm, "charmap_decode", n, kw, 1, 3);
            byte[] b = buffer(vm, a[o], false);
            String errors = errors(vm, "charmap_decode", n > 1 ? a[o + 1] : 0);
            long mapping = n > 2 ? a[o + 2] : heap.None;
            if (mapping == heap.None) return pair(vm, vm.codecDecode(b, "latin-1", errors, true, new int[2]), b.length);
            return pair(vm, Charmap.decode(vm, b, errors, mapping), b.length);
        });
        f.put("charmap_encode", (s, a, o, n, kw) -> {
            Params.unpack(vm, "charmap_encode", n, kw, 1, 3);
            long str = strObj(vm, "charmap_encode", 1, a[o]);
            String errors = errors(vm, "charmap_encode", n > 1 ? a[o + 1] : 0);
            long mapping = n > 2 ? a[o + 2] : heap.None;
            if (mapping == heap.None) return pair(vm, vm.codecEncode(str, "latin-1", errors), StrType.length(str));
            return pair(vm, Charmap.encode(vm, str, errors, mapping, heap.typeOf(mapping) == mapType), StrType.length(str));
        });
        for (String name : new String[] {"utf_7_encode", "utf_7_decode"}) {
            f.put(name, (s, a, o, n, kw) -> {
                throw vm.error("NotImplementedError", "refheap does not support the 'utf-7' codec yet");
            });
        }
        return f;
    }

    public static long create(VmApi vm) {
        java.util.Map<String, Builtin> fns = functions(vm);
        long m = vm.newModule("_codecs");
        fns.forEach((name, impl) -> vm.def(m, name, impl));
        return m;
    }

    // ---- arguments ------------------------------------------------------------------------------

    static String str(VmApi vm, String fname, String which, long v) {
        if (!vm.isStr(v)) throw vm.error("TypeError", fname + "() " + which + " must be str, not " + vm.typeName(v));
        return vm.strValue(v);
    }

    static long strObj(VmApi vm, String fname, int pos, long v) {
        if (!vm.isStr(v)) throw vm.error("TypeError", fname + "() argument " + pos + " must be str, not " + vm.typeName(v));
        return v;
    }

    /** The errors argument: a str or None (null: strict). */
    static String errors(VmApi vm, String fname, long v) {
        if (v == 0 || v == vm.heap.None) return "strict";
        if (!vm.isStr(v)) throw vm.error("TypeError", fname + "() argument 2 must be str or None, not " + vm.typeName(v));
        return vm.strValue(v);
    }

    /** Py_buffer: a bytes-like object, or (acceptStr) a str as its UTF-8. */
    static byte[] buffer(VmApi vm, long v, boolean acceptStr) {
        if (acceptStr && vm.isStr(v)) return vm.strValue(v).getBytes(StandardCharsets.UTF_8);
        byte[] b = vm.bytesLike(v);
        if (b == null) throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(v) + "'");
        return b;
    }

    /** bool(accept={int}): _PyLong_AsInt's truth. */
    static boolean flag(VmApi vm, long v) {
        if (!vm.isInt(v)) throw vm.error("TypeError", "'" + vm.typeName(v) + "' object cannot be interpreted as an integer");
        return vm.asIndex(v).signum() != 0;
    }

    /** (result, length): steals result. */
    static long pair(VmApi vm, long result, long length) {
        long t = vm.heap.tuples.alloc(2);
        TupleType.setItemSteal(t, 0, result);
        TupleType.setItemSteal(t, 1, vm.heap.ints.of(length));
        return t;
    }

    /**
     * An encode or decode error at [start, end) handled by {@code errors}: strict raises the
     * exception, ignore gives nothing, any other handler (the standard ones included) is called
     * through the registry. Returns {replacement or 0, resume position}.
     */
    static long[] handle(VmApi vm, String errors, long exc, long length, boolean encode, long end) {
        if (errors.equals("strict")) throw new PyException(exc);
        if (errors.equals("ignore")) {
            vm.heap.decref(exc);
            return new long[] {0, end};
        }
        return vm.codecCallHandler(errors, exc, length, encode);
    }

    // ---- charmap --------------------------------------------------------------------------------

    static final class Charmap {
        private Charmap() {}

        static long decode(VmApi vm, byte[] b, String errors, long mapping) {
            Heap heap = vm.heap;
            StringBuilder out = new StringBuilder();
            String table = vm.isStr(mapping) ? vm.strValue(mapping) : null;
            int[] tcps = table == null ? null : table.codePoints().toArray();
            int i = 0;
            while (i < b.length) {
                int x = b[i] & 0xff;
                String got = null;
                if (tcps != null) {
                    if (x < tcps.length && tcps[x] != 0xfffe) got = new String(Character.toChars(tcps[x]));
                } else {
                    long key = heap.ints.of(x), v = 0;
                    try {
                        v = vm.getItem(mapping, key);
                    } catch (PyException e) {
                        if (!vm.isInstance(e, "LookupError")) throw e;
                        heap.decref(e.exc());
                    } finally {
                        heap.decref(key);
                    }
                    if (v != 0) {
                        try {
                            if (vm.isInt(v)) {
                                java.math.BigInteger c = vm.asIndex(v);
                                if (c.signum() < 0 || c.compareTo(java.math.BigInteger.valueOf(0x10ffff)) > 0) {
                                    throw vm.error("TypeError", "character mapping must be in range(0x110000)");
                                }
                                got = dev.refheap.object.SurrogateEscapes.of(dev.refheap.object.SurrogateEscapes.checked(c.intValue()));
                            } else if (vm.isStr(v)) {
                                got = vm.strValue(v);
                                if (got.equals("\ufffe")) got = null;
                            } else if (v != heap.None) {
                                throw vm.error("TypeError", "character mapping must return integer, None or str");
                            }
                        } finally {
                            heap.decref(v);
                        }
                    }
                }
                if (got != null) {
                    out.append(got);
                    i++;
                    continue;
                }
                long[] r = handle(vm, errors, vm.unicodeDecodeError("charmap", b, i, i + 1, "character maps to <undefined>"), b.length, false, i + 1);
                if (r[0] != 0) {
                    out.append(vm.strValue(r[0]));
                    heap.decref(r[0]);
                }
                i = (int) r[1];
            }
            return vm.str(out.toString());
        }

        /** The byte(s) mapping gives code point c, or null when it maps to nothing. */
        static byte[] one(VmApi vm, int c, long mapping, boolean trie) {
            if (trie) {
                int x = EncodingMapType.lookup(mapping, c);
                return x < 0 ? null : new byte[] {(byte) x};
            }
            Heap heap = vm.heap;
            long key = heap.ints.of(c), v;
            try {
                v = vm.getItem(mapping, key);
            } catch (PyException e) {
                if (!vm.isInstance(e, "LookupError")) throw e;
                heap.decref(e.exc());
                return null;
            } finally {
                heap.decref(key);
            }
            try {
                if (v == heap.None) return null;
                if (vm.isInt(v)) {
                    java.math.BigInteger x = vm.asIndex(v);
                    if (x.signum() < 0 || x.compareTo(java.math.BigInteger.valueOf(255)) > 0) throw vm.error("TypeError", "character mapping must be in range(256)");
                    return new byte[] {(byte) x.intValue()};
                }
                if (Heap.isBytes(v)) return dev.refheap.object.BytesType.value(v);
                throw vm.error("TypeError", "character mapping must return integer, bytes or None, not " + vm.typeName(v));
            } finally {
                heap.decref(v);
            }
        }

        static long encode(VmApi vm, long str, String errors, long mapping, boolean trie) {
            Heap heap = vm.heap;
            int len = (int) StrType.length(str);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int i = 0;
            while (i < len) {
                byte[] got = one(vm, StrType.codePointAt(str, i), mapping, trie);
                if (got != null) {
                    out.writeBytes(got);
                    i++;
                    continue;
                }
                int end = i + 1;
                while (end < len && one(vm, StrType.codePointAt(str, end), mapping, trie) == null) end++;
                long[] r = handle(vm, errors, vm.unicodeEncodeError("charmap", str, i, end, "character maps to <undefined>"), len, true, end);
                if (r[0] != 0) {
                    try {
                        if (Heap.isBytes(r[0])) {
                            out.writeBytes(dev.refheap.object.BytesType.value(r[0]));
                        } else {
                            String rep = vm.strValue(r[0]);
                            for (int k = 0; k < rep.length(); ) {
                                int c = rep.codePointAt(k);
                                byte[] m = one(vm, c, mapping, trie);
                                if (m == null) throw new PyException(vm.unicodeEncodeError("charmap", str, i, end, "character maps to <undefined>"));
                                out.writeBytes(m);
                                k += Character.charCount(c);
                            }
                        }
                    } finally {
                        heap.decref(r[0]);
                    }
                }
                i = (int) r[1];
            }
            return heap.bytes.of(out.toByteArray());
        }
    }
}
