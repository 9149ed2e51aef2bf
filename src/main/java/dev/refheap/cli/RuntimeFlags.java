package dev.refheap.cli;

import dev.refheap.lang.vm.Runtime;
import dev.refheap.lang.vm.RuntimeOptions;
import dev.refheap.lang.vm.StdStream;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command shares: the heap limit and the stress mode. */
final class RuntimeFlags {
    @Option(names = "--gc-stress", description = "A full collection on every GC allocation and the heap verifier on every allocation "
            + "(exact refcounts at bytecode boundaries) and after the program. Slow; for finding refcount bugs.")
    boolean gcStress;

    @Option(names = "--max-heap", paramLabel = "SIZE", description = "Heap limit (e.g. 64m, 2g); past it, MemoryError.")
    String maxHeap;

    @Option(names = "--stdlib", paramLabel = "DIR", description = "The CPython 3.11 standard library (Lib/) to import from "
            + "(default: $REFHEAP_STDLIB, then Debian's /usr/lib/python3.11, then a host CPython 3.11).")
    String stdlib;

    @Option(names = "--startup", paramLabel = "KIND", description = "The start-up before the program: 'cpython' (the default "
            + "for scripts, -c, -m, stdin and the REPL: CPython 3.11's sequence, importlib's modules, encodings, io, and site "
            + "unless -S, as python3 imports them before the first line, adopted from a start-up image) or 'refheap' (only sys, "
            + "builtins and __main__, with the free lists CPython's start-up leaves; notebooks always start so).")
    String startup;

    @Option(names = "-S", description = "As python3 -S: sys.flags.no_site (site is not imported; "
            + "the small start-up, --startup=refheap, does not run site in any case).")
    boolean noSite;

    @Option(names = "-s", description = "Don't add the user site directory to sys.path (as python3 -s).")
    boolean noUserSite;

    @Option(names = "-E", description = "Ignore PYTHON* environment variables such as PYTHONPATH (as python3 -E).")
    boolean ignoreEnvironment;

    @Option(names = "-I", description = "Isolate from the user's environment: -E and -s, and no script directory or '' "
            + "on sys.path (as python3 -I).")
    boolean isolated;

    @Option(names = "-u", description = "Unbuffered stdout and stderr (as python3 -u).")
    boolean unbuffered;

    @Option(names = "-B", description = "sys.dont_write_bytecode (as python3 -B; refheap writes no .pyc files in any case).")
    boolean dontWriteBytecode;

    @Option(names = "-W", paramLabel = "ARG", description = "A warning control, appended to sys.warnoptions (as python3 -W).")
    List<String> warnOptions = new java.util.ArrayList<>();

    @Option(names = "-X", paramLabel = "OPT", description = "An implementation option in sys._xoptions (as python3 -X): "
            + "tracemalloc[=NFRAME] starts tracing memory allocations at start-up, as PYTHONTRACEMALLOC does; faulthandler is "
            + "taken (refheap has no fatal-error handler to enable: a JVM crash writes its own report); no_debug_ranges compiles code "
            + "without column positions, as PYTHONNODEBUGRANGES does; utf8[=0|1] sets UTF-8 mode, as PYTHONUTF8 does; the others are refused by name.")
    List<String> xOptions = new java.util.ArrayList<>();

    /** The -X options refheap takes (all recorded in sys._xoptions; tracemalloc also starts tracing: {@link #tracemallocFrames}). */
    private static final java.util.Set<String> X_TAKEN = java.util.Set.of("faulthandler", "tracemalloc", "no_debug_ranges", "utf8");

    /** tracemalloc's MAX_NFRAME: a larger start-up limit fails the start, as tracemalloc.start's ValueError. */
    private static final int MAX_NFRAME = 65535;

    /**
     * 3.11's config_init_tracemalloc: the traceback limit tracing starts with at start-up, 0 for
     * none. PYTHONTRACEMALLOC=N (unless -E or -I; empty is unset), then -X tracemalloc (1) or
     * -X tracemalloc=N, which wins. Throws IllegalArgumentException with CPython's message for a
     * value that is not a non-negative int.
     */
    int tracemallocFrames() {
        int frames = 0;
        String env = ignoreEnvironment || isolated ? null : System.getenv("PYTHONTRACEMALLOC");
        if (env != null && !env.isEmpty()) {
            frames = cInt(env);
            if (frames < 0) throw new IllegalArgumentException("PYTHONTRACEMALLOC: invalid number of frames");
        }
        for (String x : xOptions) {
            if (x.equals("tracemalloc")) {
                frames = 1;
            } else if (x.startsWith("tracemalloc=")) {
                frames = cInt(x.substring("tracemalloc=".length()));
                if (frames < 0) throw new IllegalArgumentException("-X tracemalloc=NFRAME: invalid number of frames");
            }
        }
        return frames;
    }

    /** _Py_str_to_int: C's strtol over the whole text (leading blanks and a sign allowed), -1 when it is not an int. */
    private static int cInt(String s) {
        String t = s.stripLeading();
        if (!t.matches("[+-]?[0-9]+")) return -1;
        try {
            return Integer.parseInt(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The fatal error python3 prints (then exits with status 1) when these flags cannot start an
     * interpreter, or null: a bad -X utf8 or PYTHONUTF8 value, a bad -X tracemalloc or
     * PYTHONTRACEMALLOC value, or one past 65535; refheap's own refusal of a locale encoding other
     * than UTF-8 or ASCII outside UTF-8 mode. As CPython's preinitialization, it first coerces the C locale
     * (PEP 538, once per process: {@link Runtime.StartFlags#coerceLegacyLocale}).
     */
    String fatalStartError() {
        Runtime.StartFlags start = startFlags();
        int utf8Mode;
        try {
            utf8Mode = start.utf8Mode();
        } catch (IllegalArgumentException e) {
            return "Fatal Python error: preconfig_init_utf8_mode: " + e.getMessage() + "\nPython runtime state: preinitializing\n\n";
        }
        start.coerceLegacyLocale();
        String codeset = dev.refheap.lang.modules.posix.LocaleModule.codesetAfterCoercion();
        if (utf8Mode == 0 && !java.util.Set.of("UTF-8", "utf8", "ANSI_X3.4-1968").contains(codeset)) {  // Runtime.fsEncoding's two
            return "refheap does not support a locale encoding other than UTF-8 or ASCII yet: LC_CTYPE's is " + codeset
                    + " and UTF-8 mode is off (python3 would encode file names and the standard streams with it); "
                    + "run with -X utf8 or PYTHONUTF8=1, or under a UTF-8 locale\n";
        }
        int frames;
        try {
            frames = tracemallocFrames();
        } catch (IllegalArgumentException e) {
            return "Fatal Python error: config_init_tracemalloc: " + e.getMessage() + "\nPython runtime state: preinitialized\n\n";
        }
        if (frames > MAX_NFRAME) {
            return "Fatal Python error: init_interp_main: can't initialize tracemalloc\nPython runtime state: core initialized\n"
                    + "ValueError: the number of frames must be in range [1; " + MAX_NFRAME + "]\n\n";
        }
        return null;
    }

    /** Whether an -X utf8 option was given. */
    private boolean utf8Option() {
        return xOptions.stream().anyMatch(x -> x.equals("utf8") || x.startsWith("utf8="));
    }

    /** Sets the python3 start-up flag {@code c} (one of S, s, E, I, u, B); false if it is not one. */
    boolean setStartFlag(char c) {
        switch (c) {
            case 'S' -> noSite = true;
            case 's' -> noUserSite = true;
            case 'E' -> ignoreEnvironment = true;
            case 'I' -> isolated = true;
            case 'u' -> unbuffered = true;
            case 'B' -> dontWriteBytecode = true;
            default -> { return false; }
        }
        return true;
    }

    /**
     * sys.warnoptions as 3.11's config_init_warnoptions builds it, lowest precedence first:
     * PYTHONWARNINGS's comma-separated entries (unless -E or -I; empty entries left out, the others
     * kept as written), then the -W options.
     */
    List<String> allWarnOptions() {
        List<String> all = new java.util.ArrayList<>();
        String env = ignoreEnvironment || isolated ? null : System.getenv("PYTHONWARNINGS");
        if (env != null) {
            for (String w : env.split(",", -1)) if (!w.isEmpty()) all.add(w);
        }
        all.addAll(warnOptions);
        return List.copyOf(all);
    }

    Runtime.StartFlags startFlags() {
        List<String[]> xs = new java.util.ArrayList<>();
        for (String x : xOptions) {
            int eq = x.indexOf('=');
            xs.add(eq < 0 ? new String[] {x, null} : new String[] {x.substring(0, eq), x.substring(eq + 1)});
        }
        return new Runtime.StartFlags(noSite, noUserSite, ignoreEnvironment, isolated, dontWriteBytecode, allWarnOptions(), xs);
    }

    /**
     * Whether CPython 3.11's start-up sequence runs before the program (Runtime.runCpythonStartup):
     * the default, unless --startup=refheap asks for the small start-up.
     */
    boolean cpythonStartup() { return !"refheap".equals(startup); }

    /** These flags, with any the top-level command was given ({@code refheap --max-heap 64m run x.py}). */
    RuntimeFlags with(RuntimeFlags outer) {
        RuntimeFlags f = new RuntimeFlags();
        f.gcStress = gcStress || (outer != null && outer.gcStress);
        f.maxHeap = maxHeap != null ? maxHeap : outer == null ? null : outer.maxHeap;
        f.stdlib = stdlib != null ? stdlib : outer == null ? null : outer.stdlib;
        f.startup = startup != null ? startup : outer == null ? null : outer.startup;
        f.noSite = noSite || (outer != null && outer.noSite);
        f.noUserSite = noUserSite || (outer != null && outer.noUserSite);
        f.ignoreEnvironment = ignoreEnvironment || (outer != null && outer.ignoreEnvironment);
        f.isolated = isolated || (outer != null && outer.isolated);
        f.unbuffered = unbuffered || (outer != null && outer.unbuffered);
        f.dontWriteBytecode = dontWriteBytecode || (outer != null && outer.dontWriteBytecode);
        if (outer != null) f.warnOptions.addAll(outer.warnOptions);
        f.warnOptions.addAll(warnOptions);
        if (outer != null) f.xOptions.addAll(outer.xOptions);
        f.xOptions.addAll(xOptions);
        return f;
    }

    Runtime newRuntime() { return newRuntime((StartupImages) null); }

    /** A runtime for these flags; with {@code image}, the one the image opens (adopted, or to make the image: {@link StartupImages#open}). */
    private Runtime newRuntime(StartupImages image) {
        // python3's buffering, and write errors the program sees; refheap's own messages go through them too
        String refused = problem();
        if (refused != null) Usage.fail(refused);
        if (unbuffered) StdStream.setUnbufferedOption();
        PrintStream out = StdStream.open(false), err = StdStream.open(true);
        System.setOut(out);
        System.setErr(err);
        RuntimeOptions options = new RuntimeOptions(sizeOption(maxHeap), gcStress, out, err);
        Runtime rt = image != null ? image.open(options) : new Runtime(options);
        // with PYTHONUNBUFFERED, python3's stderr writes through to its FileIO: an "Exception ignored
        // in" report then allocates what a write to an in-memory stream does (no flush buffers)
        if (StdStream.unbuffered()) rt.setUnraisableStderr(true, false);
        return rt;
    }

    /** A runtime whose sys.argv and sys.path[0] are {@code argv} and {@code path0}. */
    Runtime newRuntime(List<String> argv, String path0) {
        return newRuntime(mainConfig(argv, path0), null);
    }

    /** What {@link Runtime#configureMain} is given for a run with sys.argv {@code argv} and sys.path[0] {@code path0}. */
    Runtime.MainConfig mainConfig(List<String> argv, String path0) {
        if (!asciiLocale()) return new Runtime.MainConfig(List.copyOf(argv), path0, stdlib, startFlags(), Main.origArgv());
        return new Runtime.MainConfig(argv.stream().map(RuntimeFlags::asciiEscaped).toList(), path0 == null ? null : asciiEscaped(path0), stdlib,
                startFlags(), Main.origArgv().stream().map(RuntimeFlags::asciiEscaped).toList());
    }

    /** Whether the file system encoding is ASCII: the C locale kept (LC_ALL=C, PYTHONCOERCECLOCALE=0) outside UTF-8 mode. */
    private boolean asciiLocale() {
        try {
            return Runtime.fsEncoding(startFlags().utf8Mode() == 1).equals("ascii");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * An argument {@link Main#programArgs} decoded as UTF-8, as CPython decodes argv with the
     * ASCII locale encoding and surrogateescape: each byte of a non-ASCII character its escape.
     */
    static String asciiEscaped(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80 || c >= 0xdc80 && c <= 0xdcff) sb.appendCodePoint(c);
            else for (byte b : new String(Character.toChars(c)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) sb.append((char) (0xdc00 + (b & 0xff)));
        }
        return sb.toString();
    }

    /** The start-up image a run with {@code config} uses ({@link StartupImages#forRun}), or null. */
    StartupImages startupImage(Runtime.MainConfig config) {
        // the default start-up neither loads the image's classes nor looks for one
        // tracing from the start (-X tracemalloc) traces what the start-up allocates: it runs live; so does
        // a start in UTF-8 mode by -X utf8 (an image's maker runs without -X options, so its sys.flags and
        // streams would be the environment's mode; PYTHONUTF8 and the locale are the maker's as well)
        return !cpythonStartup() || problem() != null || fatalStartError() != null || tracemallocFrames() > 0 || utf8Option() ? null
                : StartupImages.forRun(this, config);
    }

    /** A runtime configured with {@code config}; with {@code image}, the one it opens (its start-up then runs through {@link StartupImages#runStartup}). */
    Runtime newRuntime(Runtime.MainConfig config, StartupImages image) {
        Runtime rt = newRuntime(image);
        rt.configureMain(config);
        return rt;
    }

    /** CPython's start-up for a runtime {@link #newRuntime(Runtime.MainConfig, StartupImages)} made: through the image when there is one. */
    void runCpythonStartup(Runtime rt, StartupImages image) {
        if (image != null) image.runStartup(rt);
        else if (canStartLive()) rt.runCpythonStartup(tracemallocFrames());
        else startTracing(rt);
    }

    /** Without CPython's start-up (--startup=refheap): tracing asked for at start-up starts before the program. */
    void startTracing(Runtime rt) {
        int frames = tracemallocFrames();
        if (frames > 0) dev.refheap.lang.modules.TracemallocModule.startAtInit(new dev.refheap.lang.vm.VmApi(rt), frames);
    }

    /**
     * Whether CPython's start-up may run live here. It reads docstrings of builtin types (io.py's
     * classes copy _io's), which refheap takes from a host CPython 3.11 (lang.vm.BuiltinDocs):
     * without one, the default start-up is the small one, said once on stderr, so a program still
     * runs; an explicit --startup=cpython runs it and fails there, naming what is missing.
     */
    boolean canStartLive() {
        if ("cpython".equals(startup)) return true;
        String why = dev.refheap.lang.vm.BuiltinDocs.unavailable();
        if (why == null) return true;
        System.err.println("refheap: started small (as --startup=refheap): CPython's start-up reads docstrings of builtin types, which"
                + " refheap takes from a CPython 3.11 on this machine, " + why + "; install one (Debian: apt-get install python3.11) or"
                + " name it in REFHEAP_DOCS_PYTHON");
        return false;
    }

    /**
     * With --gc-stress, the heap verifier runs once the program finished (unless stress already
     * failed). Returns false, having reported the findings, when the heap is inconsistent: the
     * command then exits with status 70, as a failure during the run does.
     */
    boolean afterRun(Runtime rt) {
        rt.out().flush();
        if (!gcStress || rt.stress() == null || rt.stress().hasFailed()) return true;
        List<String> problems = rt.verify();
        if (problems.isEmpty()) return true;
        rt.err().println("refheap: --gc-stress: heap verification failed after the program:");
        for (String p : problems) rt.err().println("  " + p);
        rt.err().println(Main.STRESS_BUG);
        return false;
    }

    /** {@code --max-heap}'s SIZE in bytes (4096, 64k, 64m, 2g; none: no limit), or -1 if it is not a size. */
    static long parseSize(String s) {
        if (s == null) return Long.MAX_VALUE;
        String t = s.trim().toLowerCase();
        long mult = 1;
        if (t.endsWith("b")) t = t.substring(0, t.length() - 1);
        switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'k' -> mult = 1L << 10;
            case 'm' -> mult = 1L << 20;
            case 'g' -> mult = 1L << 30;
            default -> { }
        }
        if (mult != 1) t = t.substring(0, t.length() - 1);
        try {
            long v = Math.multiplyExact(Long.parseLong(t), mult);
            return v > 0 ? v : -1;
        } catch (NumberFormatException | ArithmeticException e) {
            return -1;
        }
    }

    /** What is wrong with these flags (a message for the user), or null. */
    String problem() {
        for (String x : xOptions) {
            String name = x.indexOf('=') < 0 ? x : x.substring(0, x.indexOf('='));
            if (!X_TAKEN.contains(name)) return "refheap does not support -X " + name + " yet (it takes -X faulthandler, tracemalloc, no_debug_ranges and utf8 only)";
        }
        if (startup != null && !startup.equals("refheap") && !startup.equals("cpython")) {
            return "--startup: '" + startup + "' is not a start-up (refheap or cpython)";
        }
        return parseSize(maxHeap) < 0 ? badSize(maxHeap) : null;
    }

    private static String badSize(String s) {
        return "--max-heap: '" + s + "' is not a size (e.g. 64m, 2g)";
    }

    /**
     * {@link #parseSize}, for a command picocli runs: a bad size is picocli's usage error (the
     * message, the usage, status 2). The fast command lines ({@code Main.plainRun}) leave flags
     * with a {@link #problem} to picocli, so they never get here with one.
     */
    static long sizeOption(String s) {
        long v = parseSize(s);
        if (v < 0) Usage.fail(badSize(s));
        return v;
    }

    /** picocli's exception lives here, so that the classes on the fast path never refer to picocli's (not in the start-up cache). */
    private static final class Usage {
        static void fail(String message) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new Main()), message);
        }
    }
}
