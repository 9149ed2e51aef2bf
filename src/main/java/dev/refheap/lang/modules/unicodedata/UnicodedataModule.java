package dev.refheap.lang.modules.unicodedata;

import dev.refheap.lang.vm.Builtin;
import dev.refheap.lang.unicode.UnicodeData;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;
import dev.refheap.object.SurrogateEscapes;

/**
 * {@code unicodedata} as CPython 3.11 builds it (an extension module): the module functions
 * answer for Unicode 14.0.0, and {@code ucd_3_2_0}, the one {@link UcdType} instance, has the
 * same functions as methods answering for Unicode 3.2.0 ({@link UnicodeData} has the data,
 * from ICU). Module attributes in CPython's order: the 13 functions, then
 * {@code unidata_version}, {@code UCD}, {@code ucd_3_2_0} and {@code _ucnhash_CAPI} (a
 * {@link CapsuleType}; the parser's and the unicode_escape codec's {@code \N{...}} and the namereplace
 * handler ask the same database directly).
 * Arguments are checked as CPython's Argument Clinic code checks them, with its messages. ICU is
 * loaded when this module is first imported, never at start-up.
 */
public final class UnicodedataModule {
    private UnicodedataModule() {}

    record Types(UcdType ucd, CapsuleType capsule) {}

    public static long create(VmApi vm) {
        UnicodeData db;
        try {
            db = UnicodeData.get();
        } catch (UnicodeData.Missing e) {
            throw vm.error("ImportError", e.getMessage());
        } catch (ExceptionInInitializerError e) {
            throw vm.error("ImportError", e.getCause() instanceof UnicodeData.Missing m ? m.getMessage() : "unicodedata: " + e.getCause());
        } catch (NoClassDefFoundError e) {
            throw vm.error("ImportError", "unicodedata: its database failed to load before (" + e.getMessage() + ")");
        }
        Types types = vm.moduleState("unicodedata", () -> {
            UcdType ucd = vm.registerType(new UcdType(vm));
            CapsuleType capsule = vm.registerType(new CapsuleType(vm));
            for (String[] f : FUNCTIONS) ucd.defMethod(f[0], function(vm, f[0], true));
            vm.defMember(ucd, "unidata_version");
            long moduleName = vm.str("unicodedata");  // a spec-made type's dict holds __module__ from its tp_name
            vm.setTypeAttr(ucd, "__module__", moduleName);
            vm.heap.decref(moduleName);
            return new Types(ucd, capsule);
        });
        Heap heap = vm.heap;
        long m = vm.newModule("unicodedata");
        for (String[] f : FUNCTIONS) vm.def(m, f[0], function(vm, f[0], false));
        long d = vm.moduleDict(m);
        long v = vm.str(UnicodeData.VERSION);
        heap.dicts.setItem(d, "unidata_version", v);
        heap.decref(v);
        heap.dicts.setItem(d, "UCD", types.ucd().typeObject());
        long ucd = types.ucd().create();
        heap.dicts.setItem(d, "ucd_3_2_0", ucd);
        heap.decref(ucd);
        long capsule = types.capsule().create("unicodedata._ucnhash_CAPI");
        heap.dicts.setItem(d, "_ucnhash_CAPI", capsule);
        heap.decref(capsule);
        return m;
    }

    /** The functions in CPython's method-table order, with their kind: 1 (METH_O), d (one and an optional default), 2 (two). */
    private static final String[][] FUNCTIONS = {
        {"decimal", "d"}, {"digit", "d"}, {"numeric", "d"}, {"category", "1"}, {"bidirectional", "1"}, {"combining", "1"},
        {"mirrored", "1"}, {"east_asian_width", "1"}, {"decomposition", "1"}, {"name", "d"}, {"lookup", "1"},
        {"is_normalized", "2"}, {"normalize", "2"},
    };

    /** Function {@code name}: the module's ({@code method} false, 14.0.0) or UCD's method (3.2.0 when self is ucd_3_2_0). */
    private static Builtin function(VmApi vm, String name, boolean method) {
        String kind = null;
        for (String[] f : FUNCTIONS) if (f[0].equals(name)) kind = f[1];
        String shown = (method ? "UCD." : "unicodedata.") + name;
        Heap heap = vm.heap;
        return switch (kind) {
            case "1" -> (s, a, o, n, kw) -> {
                if (dev.refheap.lang.modules.Params.nkw(kw) > 0) throw vm.error("TypeError", shown + "() takes no keyword arguments");
                if (n != 1) throw vm.error("TypeError", shown + "() takes exactly one argument (" + n + " given)");
                if (name.equals("lookup")) return lookup(vm, a[o], method);
                int cp = character(vm, name, a[o], false);
                return oneChar(vm, name, cp, method);
            };
            case "d" -> (s, a, o, n, kw) -> {
                if (dev.refheap.lang.modules.Params.nkw(kw) > 0) throw vm.error("TypeError", shown + "() takes no keyword arguments");
                if (n < 1) throw vm.error("TypeError", name + " expected at least 1 argument, got " + n);
                if (n > 2) throw vm.error("TypeError", name + " expected at most 2 arguments, got " + n);
                int cp = character(vm, name, a[o], true);
                long dflt = n == 2 ? a[o + 1] : 0;
                return withDefault(vm, name, cp, method, dflt);
            };
            default -> (s, a, o, n, kw) -> {
                if (dev.refheap.lang.modules.Params.nkw(kw) > 0) throw vm.error("TypeError", shown + "() takes no keyword arguments");
                if (n != 2) throw vm.error("TypeError", name + " expected 2 arguments, got " + n);
                for (int i = 0; i < 2; i++) {
                    if (!vm.isStr(a[o + i])) {
                        throw vm.error("TypeError", name + "() argument " + (i + 1) + " must be str, not " + vm.argTypeName(a[o + i]));
                    }
                }
                return normalize(vm, name.equals("normalize"), vm.strValue(a[o]), a[o + 1], method);
            };
        };
    }

    /** The code point of a one-character str argument, else CPython's TypeError. */
    private static int character(VmApi vm, String fn, long o, boolean numbered) {
        String s = vm.isStr(o) ? vm.strValue(o) : null;
        if (s == null || s.isEmpty() || s.offsetByCodePoints(0, 1) != s.length()) {
            throw vm.error("TypeError", fn + "() argument " + (numbered ? "1 " : "") + "must be a unicode character, not " + vm.argTypeName(o));
        }
        return SurrogateEscapes.toPython(s.codePointAt(0));
    }

    private static RuntimeException unsupported(VmApi vm, UnicodeData.Unsupported e) {
        return vm.error("NotImplementedError", e.getMessage());
    }

    private static long oneChar(VmApi vm, String fn, int cp, boolean v32) {
        try {
            return switch (fn) {
                case "category" -> vm.str(UnicodeData.get().category(cp, v32));
                case "bidirectional" -> vm.str(UnicodeData.get().bidirectional(cp, v32));
                case "combining" -> vm.newInt(UnicodeData.get().combining(cp, v32));
                case "mirrored" -> vm.newInt(UnicodeData.get().mirrored(cp, v32));
                case "east_asian_width" -> vm.str(UnicodeData.get().eastAsianWidth(cp, v32));
                case "decomposition" -> vm.str(UnicodeData.get().decomposition(cp, v32));
                default -> throw new IllegalStateException(fn);
            };
        } catch (UnicodeData.Unsupported e) {
            throw unsupported(vm, e);
        }
    }

    private static long withDefault(VmApi vm, String fn, int cp, boolean v32, long dflt) {
        long r;
        String missing;
        try {
            switch (fn) {
                case "decimal" -> {
                    int x = UnicodeData.get().decimal(cp, v32);
                    r = x < 0 ? 0 : vm.newInt(x);
                    missing = "not a decimal";
                }
                case "digit" -> {
                    int x = UnicodeData.get().digit(cp);
                    r = x < 0 ? 0 : vm.newInt(x);
                    missing = "not a digit";
                }
                case "numeric" -> {
                    double x = UnicodeData.get().numeric(cp, v32);
                    r = Double.isNaN(x) ? 0 : vm.newFloat(x);
                    missing = "not a numeric character";
                }
                default -> {
                    String x = UnicodeData.get().name(cp, v32);
                    r = x == null ? 0 : vm.str(x);
                    missing = "no such name";
                }
            }
        } catch (UnicodeData.Unsupported e) {
            throw unsupported(vm, e);
        }
        if (r != 0) return r;
        if (dflt == 0) throw vm.error("ValueError", missing);
        return vm.incref(dflt);
    }

    /** lookup(name): name is str (UTF-8) or bytes. */
    private static long lookup(VmApi vm, long arg, boolean v32) {
        Heap heap = vm.heap;
        byte[] b;
        if (vm.isStr(arg)) {
            long enc = vm.encode(arg, "utf-8", "strict");
            try {
                b = vm.bytesLike(enc);
            } finally {
                heap.decref(enc);
            }
        } else if (vm.isInstanceOf(arg, heap.bytes)) {
            b = vm.bytesLike(arg);
        } else if (vm.isInstanceOf(arg, vm.byteArrayType()) || vm.typeName(arg).equals("memoryview")) {
            throw vm.error("TypeError", "lookup() argument must be read-only bytes-like object, not " + vm.typeName(arg));
        } else {
            throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(arg) + "'");
        }
        if (b.length > UnicodeData.NAME_MAXLEN) throw vm.error("KeyError", "name too long");
        int cp = UnicodeData.get().lookup(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1), v32);
        if (cp < 0) {
            int nul = 0;
            while (nul < b.length && b[nul] != 0) nul++;
            String shown = new String(b, 0, nul, java.nio.charset.StandardCharsets.UTF_8);
            boolean couldBeName = b.length > 0;  // only letters, digits, spaces and hyphens make names, aliases and named sequences
            for (byte x : b) couldBeName &= x >= 'A' && x <= 'Z' || x >= 'a' && x <= 'z' || x >= '0' && x <= '9' || x == ' ' || x == '-';
            throw vm.error("KeyError", "undefined character name '" + shown + "'" + (v32 || !couldBeName ? "" : " (" + UnicodeData.LOOKUP_LIMIT + ")"));
        }
        return vm.str(SurrogateEscapes.of(cp));
    }

    private static long normalize(VmApi vm, boolean normalize, String form, long input, boolean v32) {
        String s = vm.strValue(input);
        if (s.isEmpty()) return normalize ? vm.incref(input) : vm.incref(vm.heap.True);
        if (!form.equals("NFC") && !form.equals("NFD") && !form.equals("NFKC") && !form.equals("NFKD")) {
            throw vm.error("ValueError", "invalid normalization form");
        }
        UnicodeData db = UnicodeData.get();
        if (!normalize) return vm.incref(db.isNormalized(form, s, v32) ? vm.heap.True : vm.heap.False);
        String r = db.normalize(form, s, v32);
        return r == s ? vm.incref(input) : vm.str(r);  // the same String: 14.0.0's quick check said it is normalized
    }
}
