package dev.refheap.lang.modules.sre;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.ListType;

/**
 * {@code _sre}: CPython 3.11's regular-expression module as {@code re._compiler} uses it
 * (MAGIC 20220615, CODESIZE 4): {@code compile} makes a {@link PatternType} from the code list,
 * whose methods run the {@link Engine} and return {@link MatchType} objects; finditer and
 * scanner go through a {@link ScannerType}. Template substitution is CPython's: a str/bytes
 * replacement without a backslash is literal, anything else goes through {@code re._subx}
 * (and {@code Match.expand} through {@code re._expand}), so re.error messages come from Python.
 */
public final class SreModule {
    private SreModule() {}

    static final int MAGIC = 20220615;
    static final long MAXREPEAT = 0xFFFFFFFFL, MAXGROUPS = 0x3FFFFFFFL;

    /** The runtime's _sre types, made once. */
    record Types(PatternType pattern, MatchType match, ScannerType scanner) {}

    public static long create(VmApi vm) {
        Types t = vm.moduleState("_sre", () -> {
            PatternType p = vm.registerType(new PatternType(vm));
            MatchType m = vm.registerType(new MatchType(vm));
            ScannerType s = vm.registerType(new ScannerType(vm));
            p.install(m, s);
            m.install();
            s.install(p);
            return new Types(p, m, s);
        });
        long mod = vm.newModule("_sre");
        long d = vm.moduleDict(mod);
        put(vm, d, "MAGIC", vm.newInt(MAGIC));
        put(vm, d, "CODESIZE", vm.newInt(4));
        put(vm, d, "MAXREPEAT", vm.newInt(MAXREPEAT));
        put(vm, d, "MAXGROUPS", vm.newInt(MAXGROUPS));
        put(vm, d, "copyright", vm.str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "));
        vm.def(mod, "getcodesize", (s, a, o, n, kw) -> {
            Params.unpack(vm, "getcodesize", n, kw, 0, 0);
            return vm.newInt(4);
        });
        vm.def(mod, "ascii_iscased", (s, a, o, n, kw) -> vm.incref(Chars.asciiIscased(character(vm, "ascii_iscased", a, o, n, kw)) ? vm.heap.True : vm.heap.False));
        vm.def(mod, "unicode_iscased", (s, a, o, n, kw) -> vm.incref(Chars.unicodeIscased(character(vm, "unicode_iscased", a, o, n, kw)) ? vm.heap.True : vm.heap.False));
        vm.def(mod, "ascii_tolower", (s, a, o, n, kw) -> vm.newInt(Chars.lowerAscii(character(vm, "ascii_tolower", a, o, n, kw)) & 0xFFFFFFFFL));
        vm.def(mod, "unicode_tolower", (s, a, o, n, kw) -> vm.newInt(Chars.lowerUnicode(character(vm, "unicode_tolower", a, o, n, kw)) & 0xFFFFFFFFL));
        vm.def(mod, "compile", (s, a, o, n, kw) -> compile(vm, t.pattern(), a, o, n, kw));
        return mod;
    }

    private static void put(VmApi vm, long dict, String name, long v) {
        vm.heap.dicts.setItem(dict, name, v);
        vm.heap.decref(v);
    }

    /** The {@code character: int} argument of the case functions (a C int). */
    private static int character(VmApi vm, String fname, long[] a, int o, int n, long kw) {
        Params.noKeywords(vm, fname, kw);
        if (n != 1) throw vm.error("TypeError", fname + "() takes exactly one argument (" + n + " given)");
        if (vm.isFloat(a[o])) throw vm.error("TypeError", "'float' object cannot be interpreted as an integer");
        java.math.BigInteger v = vm.asIndex(a[o]);
        if (v.bitLength() > 31) {
            throw vm.error("OverflowError", "signed integer is " + (v.signum() < 0 ? "less than minimum" : "greater than maximum"));
        }
        return v.intValue();
    }

    /** compile(pattern, flags, code, groups, groupindex, indexgroup): a new Pattern. */
    private static long compile(VmApi vm, PatternType type, long[] a, int o, int n, long kw) {
        long[] p = Params.parse(vm, "compile", new String[] {"pattern", "flags", "code", "groups", "groupindex", "indexgroup"},
                6, 6, 0, a, o, n, kw);
        int flags = (int) int32(vm, p[1], "flags");
        if (vm.heap.typeOf(p[2]) != vm.heap.lists) {
            throw vm.error("TypeError", "compile() argument 'code' must be list, not " + vm.typeName(p[2]));
        }
        long groups = Params.ssize(vm, p[3]);
        if (!vm.isInstanceOf(p[4], vm.heap.dicts)) {
            throw vm.error("TypeError", "compile() argument 'groupindex' must be dict, not " + vm.typeName(p[4]));
        }
        if (!vm.isInstanceOf(p[5], vm.heap.tuples)) {
            throw vm.error("TypeError", "compile() argument 'indexgroup' must be tuple, not " + vm.typeName(p[5]));
        }
        long list = p[2];
        int len = (int) ListType.size(list);
        int[] code = new int[len];
        for (int i = 0; i < len; i++) {
            long item = ListType.item(list, i);
            if (!vm.isInstanceOf(item, vm.heap.ints)) throw vm.error("TypeError", "an integer is required");  // PyLong_Check: re._constants' opcodes are an int subclass
            java.math.BigInteger v = vm.asIndex(item);
            if (v.signum() < 0) throw vm.error("OverflowError", "can't convert negative value to unsigned int");
            if (v.bitLength() > 32) throw vm.error("OverflowError", "regular expression code size limit exceeded");
            code[i] = v.intValue();
        }
        int isBytes;
        if (p[0] == vm.heap.None) isBytes = -1;
        else {
            Boolean kind = Subject.kindOf(vm, p[0]);
            if (kind == null) throw vm.error("TypeError", "expected string or bytes-like object, got '" + vm.typeName(p[0]) + "'");
            isBytes = kind ? 1 : 0;
        }
        if (!Validator.valid(code, groups)) throw vm.error("RuntimeError", "invalid SRE code");
        return type.create(p[0], flags, code, groups, p[4], p[5], isBytes);
    }

    /** A C int argument. */
    static long int32(VmApi vm, long o, String what) {
        if (vm.isFloat(o)) throw vm.error("TypeError", "'float' object cannot be interpreted as an integer");
        java.math.BigInteger v = vm.asIndex(o);
        if (v.bitLength() > 31) throw vm.error("OverflowError", "Python int too large to convert to C int");
        return v.intValue();
    }

    /** The {@code re} module (imported if needed), for _subx and _expand. */
    static long reModule(VmApi vm) {
        long m = vm.heap.dicts.getItem(vm.sysModules(), "re");
        if (m != 0) return vm.incref(m);
        long imp = vm.heap.dicts.getItem(vm.builtinsDict(), "__import__");
        long name = vm.str("re");
        try {
            return vm.call(imp, name);
        } finally {
            vm.heap.decref(name);
        }
    }

    /** {@code re.<name>(args...)}: a new reference. */
    static long callRe(VmApi vm, String name, long... args) {
        long re = reModule(vm);
        try {
            return vm.callMethod(re, name, args);
        } finally {
            vm.heap.decref(re);
        }
    }
}
