package dev.refheap.lang.modules.posix;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code _locale}: CPython 3.11's built-in module over the C library's locale (setlocale,
 * localeconv, nl_langinfo, wcscoll/wcsxfrm for strcoll/strxfrm, the gettext family,
 * getencoding), which {@code locale.py} imports ({@code from _locale import *}; without it locale.py
 * falls back to its emulation of the C locale).
 *
 * <p>The locale is the process's, as in CPython: a setlocale in one runtime is seen by the next in
 * the same JVM, and the JVM's own start-up set every category from the environment. So a runtime's
 * first {@code _locale} puts the C library's locale in the state CPython's first line has
 * ({@link #firstLineLocale}): every category "C" but LC_CTYPE, set from the environment and
 * coerced to C.UTF-8 when that is C or POSIX (PEP 538: not when LC_ALL is set or
 * PYTHONCOERCECLOCALE is 0), and the text domain "messages".
 *
 * <p>Strings from the C library are decoded as UTF-8 with surrogateescape (refheap's locale
 * model: see {@code StdIo}); strings passed to it are UTF-8. struct lconv (glibc, x86-64): ten
 * char pointers (decimal_point 0, thousands_sep 8, grouping 16, int_curr_symbol 24,
 * currency_symbol 32, mon_decimal_point 40, mon_thousands_sep 48, mon_grouping 56,
 * positive_sign 64, negative_sign 72), then chars int_frac_digits 80 to n_sign_posn 87.
 */
public final class LocaleModule {
    private LocaleModule() {}

    static final int LC_CTYPE = 0, LC_ALL = 6, CHAR_MAX = 127;

    /** The langinfo constants CPython 3.11 exports on Linux, in its module's order, with glibc's nl_item values. */
    private static final Object[] LANGINFO = {
        "DAY_1", 131079, "DAY_2", 131080, "DAY_3", 131081, "DAY_4", 131082, "DAY_5", 131083, "DAY_6", 131084, "DAY_7", 131085,
        "ABDAY_1", 131072, "ABDAY_2", 131073, "ABDAY_3", 131074, "ABDAY_4", 131075, "ABDAY_5", 131076, "ABDAY_6", 131077,
        "ABDAY_7", 131078, "MON_1", 131098, "MON_2", 131099, "MON_3", 131100, "MON_4", 131101, "MON_5", 131102, "MON_6", 131103,
        "MON_7", 131104, "MON_8", 131105, "MON_9", 131106, "MON_10", 131107, "MON_11", 131108, "MON_12", 131109,
        "ABMON_1", 131086, "ABMON_2", 131087, "ABMON_3", 131088, "ABMON_4", 131089, "ABMON_5", 131090, "ABMON_6", 131091,
        "ABMON_7", 131092, "ABMON_8", 131093, "ABMON_9", 131094, "ABMON_10", 131095, "ABMON_11", 131096, "ABMON_12", 131097,
        "RADIXCHAR", 65536, "THOUSEP", 65537, "CRNCYSTR", 262159, "D_T_FMT", 131112, "D_FMT", 131113, "T_FMT", 131114,
        "AM_STR", 131110, "PM_STR", 131111, "CODESET", 14, "T_FMT_AMPM", 131115, "ERA", 131116, "ERA_D_FMT", 131118,
        "ERA_D_T_FMT", 131120, "ERA_T_FMT", 131121, "ALT_DIGITS", 131119, "YESEXPR", 327680, "NOEXPR", 327681, "_DATE_FMT", 131180};

    /** The categories, in the module's order. */
    private static final Object[] CATEGORIES = {"LC_CTYPE", 0, "LC_TIME", 2, "LC_COLLATE", 3, "LC_MONETARY", 4, "LC_MESSAGES", 5, "LC_NUMERIC", 1, "LC_ALL", 6};

    private static final FunctionDescriptor P_IP = FunctionDescriptor.of(Libc.PTR, Libc.INT, Libc.PTR);
    private static final FunctionDescriptor P_I = FunctionDescriptor.of(Libc.PTR, Libc.INT);
    private static final FunctionDescriptor P_V = FunctionDescriptor.of(Libc.PTR);
    private static final FunctionDescriptor P_P = FunctionDescriptor.of(Libc.PTR, Libc.PTR);
    private static final FunctionDescriptor P_PP = FunctionDescriptor.of(Libc.PTR, Libc.PTR, Libc.PTR);
    private static final FunctionDescriptor P_PPI = FunctionDescriptor.of(Libc.PTR, Libc.PTR, Libc.PTR, Libc.INT);
    private static final FunctionDescriptor L_PPL = FunctionDescriptor.of(Libc.LONG, Libc.PTR, Libc.PTR, Libc.LONG);

    /** The module's state for a runtime: its Error class (borrowed: held for the runtime's life). */
    private record State(long error) {}

    public static long create(VmApi vm) {
        State st = vm.moduleState("_locale", () -> {
            firstLineLocale();
            return new State(vm.newExceptionClass("locale", "Error", "Exception"));
        });
        Heap heap = vm.heap;
        long m = vm.newModule("_locale");
        long d = vm.moduleDict(m);
        vm.def(m, "setlocale", (s, a, o, n, kw) -> {
            args(vm, "setlocale", n, kw, 1, 2);
            int category = Params.clinicInt(vm, a[o]);
            long locale = n > 1 ? a[o + 1] : heap.None;
            if (locale != heap.None && !vm.isStr(locale)) {
                throw vm.error("TypeError", "setlocale() argument 2 must be str or None, not " + vm.typeName(locale));
            }
            try (Arena arena = Arena.ofConfined()) {
                if (locale == heap.None) {
                    long r = Libc.call("setlocale", P_IP, category, MemorySegment.NULL);
                    if (r == 0) throw error(vm, st, "locale query failed");
                    return string(vm, r);
                }
                long r = Libc.call("setlocale", P_IP, category, cStr(vm, arena, locale));
                if (r == 0) throw error(vm, st, "unsupported locale setting");
                return string(vm, r);
            }
        });
        vm.def(m, "localeconv", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "_locale.localeconv", n, kw);
            return localeconv(vm);
        });
        vm.def(m, "strcoll", (s, a, o, n, kw) -> {
            args(vm, "strcoll", n, kw, 2, 2);
            for (int i = 0; i < 2; i++) {
                if (!vm.isStr(a[o + i])) throw vm.error("TypeError", "strcoll() argument " + (i + 1) + " must be str, not " + argType(vm, a[o + i]));
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment s1 = wide(vm, arena, a[o]), s2 = wide(vm, arena, a[o + 1]);
                return vm.newInt((int) Libc.call("wcscoll", Libc.I_PP, s1, s2));
            }
        });
        vm.def(m, "strxfrm", (s, a, o, n, kw) -> {
            args(vm, "strxfrm", n, kw, 1, 1);
            if (!vm.isStr(a[o])) throw vm.error("TypeError", "strxfrm() argument must be str, not " + argType(vm, a[o]));
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment src = wide(vm, arena, a[o]);
                long n1 = src.byteSize() / 4;  // the length with its NUL
                MemorySegment buf = arena.allocate(n1 * 4, 4);
                long n2 = Libc.call("wcsxfrm", L_PPL, buf, src, n1);
                if (n2 >= n1) {
                    buf = arena.allocate((n2 + 1) * 4, 4);
                    n2 = Libc.call("wcsxfrm", L_PPL, buf, src, n2 + 1);
                }
                int[] cps = new int[(int) n2];
                MemorySegment.copy(buf, ValueLayout.JAVA_INT, 0, cps, 0, cps.length);
                return vm.str(new String(cps, 0, cps.length));
            }
        });
        vm.def(m, "nl_langinfo", (s, a, o, n, kw) -> {
            args(vm, "nl_langinfo", n, kw, 1, 1);
            int item = Params.clinicInt(vm, a[o]);
            for (int i = 1; i < LANGINFO.length; i += 2) {
                if ((Integer) LANGINFO[i] == item) {
                    long r = Libc.call("nl_langinfo", P_I, item);
                    return r == 0 ? vm.str("") : string(vm, r);
                }
            }
            throw vm.error("ValueError", "unsupported langinfo constant");
        });
        vm.def(m, "gettext", (s, a, o, n, kw) -> {
            args(vm, "gettext", n, kw, 1, 1);
            try (Arena arena = Arena.ofConfined()) {
                return string(vm, Libc.call("gettext", P_P, strArg(vm, arena, "gettext", 0, a[o], false)));
            }
        });
        vm.def(m, "dgettext", (s, a, o, n, kw) -> {
            args(vm, "dgettext", n, kw, 2, 2);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment domain = strArg(vm, arena, "dgettext", 1, a[o], true);
                MemorySegment msg = strArg(vm, arena, "dgettext", 2, a[o + 1], false);
                return string(vm, Libc.call("dgettext", P_PP, domain, msg));
            }
        });
        vm.def(m, "dcgettext", (s, a, o, n, kw) -> {
            args(vm, "dcgettext", n, kw, 3, 3);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment domain = strArg(vm, arena, "dcgettext", 1, a[o], true);
                MemorySegment msg = strArg(vm, arena, "dcgettext", 2, a[o + 1], false);
                int category = Params.clinicInt(vm, a[o + 2]);
                return string(vm, Libc.call("dcgettext", P_PPI, domain, msg, category));
            }
        });
        vm.def(m, "textdomain", (s, a, o, n, kw) -> {
            args(vm, "textdomain", n, kw, 1, 1);
            try (Arena arena = Arena.ofConfined()) {
                long r = Libc.call("textdomain", P_P, strArg(vm, arena, "textdomain", 0, a[o], true));
                if (r == 0) throw Posix.error(vm, 0, 0);
                return string(vm, r);
            }
        });
        vm.def(m, "bindtextdomain", (s, a, o, n, kw) -> {
            args(vm, "bindtextdomain", n, kw, 2, 2);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment domain = strArg(vm, arena, "bindtextdomain", 1, a[o], false);
                if (domain.get(ValueLayout.JAVA_BYTE, 0) == 0) throw error(vm, st, "domain must be a non-empty string");
                MemorySegment dir = a[o + 1] == heap.None ? MemorySegment.NULL : Libc.cString(arena, Spawn.fsEncode(vm, a[o + 1]));
                long r = Libc.call("bindtextdomain", P_PP, domain, dir);
                if (r == 0) throw Posix.error(vm, 0, 0);
                return string(vm, r);
            }
        });
        vm.def(m, "bind_textdomain_codeset", (s, a, o, n, kw) -> {
            args(vm, "bind_textdomain_codeset", n, kw, 2, 2);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment domain = strArg(vm, arena, "bind_textdomain_codeset", 1, a[o], false);
                MemorySegment codeset = strArg(vm, arena, "bind_textdomain_codeset", 2, a[o + 1], true);
                Libc.clearErrno();
                long r = Libc.call("bind_textdomain_codeset", P_PP, domain, codeset);
                if (r == 0) {
                    if (Libc.errno() != 0) throw Posix.error(vm, 0, 0);
                    return vm.incref(heap.None);
                }
                return string(vm, r);
            }
        });
        vm.def(m, "getencoding", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "_locale.getencoding", n, kw);
            return vm.str(codeset());
        });
        for (int i = 0; i < CATEGORIES.length; i += 2) setInt(vm, d, (String) CATEGORIES[i], (Integer) CATEGORIES[i + 1]);
        setInt(vm, d, "CHAR_MAX", CHAR_MAX);
        heap.dicts.setItem(d, "Error", st.error());
        for (int i = 0; i < LANGINFO.length; i += 2) setInt(vm, d, (String) LANGINFO[i], (Integer) LANGINFO[i + 1]);
        return m;
    }

    /**
     * The C library's locale as CPython's first line has it: LC_ALL "C", then LC_CTYPE from the
     * environment (setlocale(LC_CTYPE, "")), coerced to a C.UTF-8 locale when that gives C or
     * POSIX (not when LC_ALL is set, nor with PYTHONCOERCECLOCALE=0); the gettext domain "messages".
     * A process whose start {@link #coerceLegacyLocale coerced} the locale has LC_CTYPE=C.UTF-8 in its
     * environment, so LC_CTYPE from the environment is already the coerced one.
     */
    static void firstLineLocale() {
        try (Arena arena = Arena.ofConfined()) {
            Libc.call("setlocale", P_IP, LC_ALL, Libc.cString(arena, "C".getBytes()));
            Libc.call("setlocale", P_IP, LC_CTYPE, Libc.cString(arena, new byte[0]));
            String ctype = ctype();
            String all = System.getenv("LC_ALL");
            boolean coerce = (all == null || all.isEmpty()) && !"0".equals(System.getenv("PYTHONCOERCECLOCALE"));
            if (coerce && (ctype.equals("C") || ctype.equals("POSIX"))) setCoercionTarget(arena);
            Libc.call("textdomain", P_P, Libc.cString(arena, "messages".getBytes()));
        }
    }

    /** The locales PEP 538 coerces the C locale to, in the order tried (_Py_IsLocaleCoercionTarget's). */
    private static final String[] COERCION_TARGETS = {"C.UTF-8", "C.utf8", "UTF-8"};

    /** setlocale(LC_CTYPE, target) for the first coercion target the C library has: that target, or null. */
    private static String setCoercionTarget(Arena arena) {
        for (String target : COERCION_TARGETS) {
            if (Libc.call("setlocale", P_IP, LC_CTYPE, Libc.cString(arena, target.getBytes())) != 0) return target;
        }
        return null;
    }

    /** The C library's LC_CTYPE locale now (setlocale(LC_CTYPE, NULL)), "C" when it has none. */
    public static String ctype() {
        long cur = Libc.call("setlocale", P_IP, LC_CTYPE, MemorySegment.NULL);
        return cur == 0 ? "C" : MemorySegment.ofAddress(cur).reinterpret(4096).getString(0);
    }

    /**
     * Whether {@code locale} is C, POSIX or a coercion target: the locales whose stdin and stdout
     * CPython's config gives the surrogateescape error handler (config_get_stdio_errors).
     */
    public static boolean cOrCoercionTarget(String locale) {
        return locale.equals("C") || locale.equals("POSIX") || java.util.Arrays.asList(COERCION_TARGETS).contains(locale);
    }

    /** nl_langinfo(CODESET) now: the locale encoding when UTF-8 mode is off ("UTF-8" when the C library gives none). */
    public static String codeset() {
        long r = Libc.call("nl_langinfo", P_I, 14);  // CODESET
        if (r == 0 || MemorySegment.ofAddress(r).reinterpret(1).get(ValueLayout.JAVA_BYTE, 0) == 0) return "UTF-8";
        return MemorySegment.ofAddress(r).reinterpret(4096).getString(0);
    }

    private static volatile String[] atStart;  // {LC_CTYPE from the environment, its codeset}

    /**
     * LC_CTYPE from this process's environment as it started (setlocale(LC_CTYPE, "")) and that
     * locale's codeset: read once per process, before any coercion changes the environment; the
     * C library's LC_CTYPE is left as it was.
     */
    private static String[] atStart() {
        String[] a = atStart;
        if (a == null) {
            synchronized (LocaleModule.class) {
                a = atStart;
                if (a == null) {
                    a = utf8AtJvmStart();
                    if (a == null) a = fromEnvironmentByCLibrary();
                    atStart = a;
                }
            }
        }
        return a;
    }

    /** setlocale(LC_CTYPE, "") and its codeset, the C library's LC_CTYPE put back as it was: {locale, codeset}. */
    static String[] fromEnvironmentByCLibrary() {
        try (Arena arena = Arena.ofConfined()) {
            String saved = ctype();
            Libc.call("setlocale", P_IP, LC_CTYPE, Libc.cString(arena, new byte[0]));
            String[] a = {ctype(), codeset()};
            Libc.call("setlocale", P_IP, LC_CTYPE, Libc.cString(arena, saved.getBytes()));
            return a;
        }
    }

    /**
     * {@link #atStart}'s answer without calling the C library, in the common case of a UTF-8 locale:
     * the JVM itself ran setlocale(LC_ALL, "") as it started and put that locale's codeset
     * (nl_langinfo(CODESET)) in the {@code native.encoding} property. When that is UTF-8, the call
     * succeeded (a locale the C library lacks, in any category, leaves every category C, whose
     * codeset is ANSI_X3.4-1968), so LC_CTYPE is the name the environment gives it, as the C
     * library keeps it: LC_ALL, else LC_CTYPE, else LANG (the first one set and not empty). Null in
     * every other case, where the C library is asked. Linking the two calls was about 10% of a
     * cold {@code -c pass} (docs/performance.md, "Session 34").
     */
    static String[] utf8AtJvmStart() {
        if (!"UTF-8".equals(System.getProperty("native.encoding"))) return null;
        for (String var : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = System.getenv(var);
            if (v != null && !v.isEmpty()) return new String[] {v, "UTF-8"};
        }
        return null;
    }

    /** LC_CTYPE from this process's environment as it started (a locale the C library lacks reads as "C"). */
    public static String localeAtStart() { return atStart()[0]; }

    /** The codeset of {@link #localeAtStart}: the locale encoding at start-up, before any coercion. */
    public static String codesetAtStart() { return atStart()[1]; }

    /**
     * Whether LC_CTYPE from this process's environment, as it started, is the C or POSIX locale
     * (_Py_LegacyLocaleDetected without LC_ALL's test): what turns UTF-8 mode on (PEP 540) and what
     * PEP 538 coerces.
     */
    public static boolean legacyLocaleAtStart() {
        String l = localeAtStart();
        return l.equals("C") || l.equals("POSIX");
    }

    private static volatile String coercedTo;

    /**
     * PEP 538's coercion at a process's start (_Py_CoerceLegacyLocale, run once per process): when
     * LC_CTYPE from the environment is C or POSIX, LC_ALL is not set and {@code coerce} (CPython's
     * coerce_c_locale: PYTHONCOERCECLOCALE is not 0, or the environment is ignored), the environment
     * variable LC_CTYPE is set to the first coercion target the C library has, so the program's
     * os.environ and its child processes see it, and LC_CTYPE is set to it. With {@code warn}
     * (PYTHONCOERCECLOCALE=warn) CPython's warning goes to stderr. Returns the target, or null.
     */
    public static synchronized String coerceLegacyLocale(boolean coerce, boolean warn) {
        if (coercedTo != null || !coerce || !legacyLocaleAtStart()) return coercedTo;
        String all = System.getenv("LC_ALL");
        if (all != null && !all.isEmpty()) return null;
        try (Arena arena = Arena.ofConfined()) {
            String saved = ctype();
            String target = setCoercionTarget(arena);
            if (target == null) return null;
            Libc.call("setlocale", P_IP, LC_CTYPE, Libc.cString(arena, saved.getBytes()));
            Libc.call("setenv", FunctionDescriptor.of(Libc.INT, Libc.PTR, Libc.PTR, Libc.INT),
                    Libc.cString(arena, "LC_CTYPE".getBytes()), Libc.cString(arena, target.getBytes()), 1);
            if (warn) {
                System.err.print("Python detected LC_CTYPE=C: LC_CTYPE coerced to " + target
                        + " (set another locale or PYTHONCOERCECLOCALE=0 to disable this locale coercion behavior).\n");
                System.err.flush();
            }
            coercedTo = target;
            return target;
        }
    }

    /** The coercion target this process's start set LC_CTYPE to (in its environment), or null. */
    public static String coercedTo() { return coercedTo; }

    /** The LC_CTYPE locale after the start's coercion: the coercion target, or the environment's. */
    public static String localeAfterCoercion() { return coercedTo != null ? coercedTo : localeAtStart(); }

    /** The locale encoding after the start's coercion: UTF-8 when coerced, else {@link #codesetAtStart}. */
    public static String codesetAfterCoercion() { return coercedTo != null ? "UTF-8" : codesetAtStart(); }

    /** localeconv() as a new dict, in CPython 3.11's key order. */
    private static long localeconv(VmApi vm) {
        Heap heap = vm.heap;
        long p = Libc.call("localeconv", P_V);
        MemorySegment lc = MemorySegment.ofAddress(p).reinterpret(96);
        long d = heap.dicts.create();
        try {
            putStr(vm, d, "int_curr_symbol", lc, 24);
            putStr(vm, d, "currency_symbol", lc, 32);
            putStr(vm, d, "mon_decimal_point", lc, 40);
            putStr(vm, d, "mon_thousands_sep", lc, 48);
            putGrouping(vm, d, "mon_grouping", lc, 56);
            putStr(vm, d, "positive_sign", lc, 64);
            putStr(vm, d, "negative_sign", lc, 72);
            String[] chars = {"int_frac_digits", "frac_digits", "p_cs_precedes", "p_sep_by_space", "n_cs_precedes", "n_sep_by_space", "p_sign_posn", "n_sign_posn"};
            for (int i = 0; i < chars.length; i++) setInt(vm, d, chars[i], lc.get(ValueLayout.JAVA_BYTE, 80 + i));
            putStr(vm, d, "decimal_point", lc, 0);
            putStr(vm, d, "thousands_sep", lc, 8);
            putGrouping(vm, d, "grouping", lc, 16);
        } catch (RuntimeException e) {
            heap.decref(d);
            throw e;
        }
        return d;
    }

    private static void putStr(VmApi vm, long d, String key, MemorySegment lc, long offset) {
        long v = string(vm, lc.get(ValueLayout.ADDRESS, offset).address());
        vm.heap.dicts.setItem(d, key, v);
        vm.heap.decref(v);
    }

    /**
     * A grouping string as CPython's copy_grouping lists it: empty (or starting with CHAR_MAX) is
     * [], else every byte up to and including the terminating 0 or CHAR_MAX.
     */
    private static void putGrouping(VmApi vm, long d, String key, MemorySegment lc, long offset) {
        MemorySegment s = lc.get(ValueLayout.ADDRESS, offset).reinterpret(4096);
        java.util.List<Integer> values = new java.util.ArrayList<>();
        if (s.address() != 0 && s.get(ValueLayout.JAVA_BYTE, 0) != 0 && s.get(ValueLayout.JAVA_BYTE, 0) != CHAR_MAX) {
            int i = -1;
            byte b;
            do {
                i++;
                b = s.get(ValueLayout.JAVA_BYTE, i);
                values.add((int) b);
            } while (b != 0 && b != CHAR_MAX);
        }
        long list = vm.heap.lists.alloc(0);
        for (int v : values) {
            long x = vm.newInt(v);
            vm.heap.lists.append(list, x);
            vm.heap.decref(x);
        }
        vm.heap.dicts.setItem(d, key, list);
        vm.heap.decref(list);
    }

    private static void setInt(VmApi vm, long d, String key, long value) {
        long v = vm.newInt(value);
        vm.heap.dicts.setItem(d, key, v);
        vm.heap.decref(v);
    }

    /**
     * A METH_FASTCALL function's positional arguments: a keyword is refused with the function's
     * qualified name (as the call itself refuses it), a count outside min..max as argument clinic does.
     */
    private static void args(VmApi vm, String fname, int n, long kw, int min, int max) {
        Params.noKeywords(vm, "_locale." + fname, kw);
        Params.unpack(vm, fname, n, 0, min, max);
    }

    /** locale.Error(message). */
    private static PyException error(VmApi vm, State st, String message) {
        long msg = vm.str(message);
        try {
            return new PyException(vm.call(st.error(), msg));
        } finally {
            vm.heap.decref(msg);
        }
    }

    /** A C string (NUL-terminated, or NULL) decoded as PyUnicode_DecodeLocale does in refheap's UTF-8 locale model. */
    private static long string(VmApi vm, long p) {
        if (p == 0) return vm.str("");
        MemorySegment s = MemorySegment.ofAddress(p).reinterpret(Long.MAX_VALUE);
        long len = 0;
        while (s.get(ValueLayout.JAVA_BYTE, len) != 0) len++;
        byte[] b = new byte[(int) len];
        MemorySegment.copy(s, ValueLayout.JAVA_BYTE, 0, b, 0, b.length);
        return vm.fsDecode(b);
    }

    /** A str as a NUL-terminated UTF-8 C string (clinic's str converter: no embedded NUL). */
    private static MemorySegment cStr(VmApi vm, Arena arena, long str) {
        long encoded = vm.encode(str, "utf-8", "strict");
        byte[] bytes = vm.bytesLike(encoded);
        vm.heap.decref(encoded);
        for (byte b : bytes) if (b == 0) throw vm.error("ValueError", "embedded null character");
        return Libc.cString(arena, bytes);
    }

    /**
     * Argument {@code index} (1-based; 0: the only one) of {@code fname}: a str (or None when
     * {@code orNone}, as NULL), as a C string.
     */
    private static MemorySegment strArg(VmApi vm, Arena arena, String fname, int index, long o, boolean orNone) {
        if (orNone && o == vm.heap.None) return MemorySegment.NULL;
        if (!vm.isStr(o)) {
            throw vm.error("TypeError", fname + "() argument" + (index == 0 ? "" : " " + index) + " must be str" + (orNone ? " or None" : "")
                    + ", not " + argType(vm, o));
        }
        return cStr(vm, arena, o);
    }

    /** _PyArg_BadArgument's name for a wrong argument: "None" for None, else its type's name. */
    private static String argType(VmApi vm, long o) { return o == vm.heap.None ? "None" : vm.typeName(o); }

    /** A str as a NUL-terminated wchar_t string (UTF-32 on Linux; PyUnicode_AsWideCharString: no embedded NUL). */
    private static MemorySegment wide(VmApi vm, Arena arena, long str) {
        int[] cps = vm.strValue(str).codePoints().toArray();
        MemorySegment s = arena.allocate((cps.length + 1L) * 4, 4);
        for (int i = 0; i < cps.length; i++) {
            if (cps[i] == 0) throw vm.error("ValueError", "embedded null character");
            s.setAtIndex(ValueLayout.JAVA_INT, i, cps[i]);
        }
        s.setAtIndex(ValueLayout.JAVA_INT, cps.length, 0);
        return s;
    }
}
