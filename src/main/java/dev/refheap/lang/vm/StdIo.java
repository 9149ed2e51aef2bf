package dev.refheap.lang.vm;

import dev.refheap.object.Heap;
import java.util.List;

/**
 * The standard streams as CPython 3.11's start-up makes them (pylifecycle's init_sys_streams and
 * create_stdio), used under {@code --startup=cpython}: {@code sys.stdin}, {@code sys.stdout} and
 * {@code sys.stderr} are {@code _io.TextIOWrapper}s over a {@code BufferedReader}/{@code BufferedWriter}
 * over a {@code FileIO} on fd 0, 1 and 2 (closefd False, named {@code <stdin>}...), and everything the
 * interpreter itself writes to stderr (an uncaught exception's traceback, "Exception ignored in"
 * reports, a SyntaxError) is written through the current {@code sys.stderr} object and flushed, as
 * CPython's PyErr_Display and its default unraisable hook do. The flush at exit is flush_std_files:
 * {@code sys.stdout.flush()} (a failure reported as unraisable), then {@code sys.stderr.flush()}
 * (a failure ignored); either failing makes the exit status 120.
 *
 * <p>The choices create_stdio makes: the encoding is utf-8 (refheap's locale model: the standard
 * streams and the filesystem are UTF-8), the errors 'surrogateescape' for stdin and stdout when
 * the LC_CTYPE locale is C, POSIX, a C.UTF-8 form or not installed (python3 coerces or runs in
 * UTF-8 mode then), 'strict' otherwise, 'backslashreplace' for stderr, all replaced by
 * PYTHONIOENCODING's parts unless {@code -E}; with {@code -u} (or PYTHONUNBUFFERED) the writers are
 * unbuffered FileIOs and every wrapper writes through; stdout is line-buffered on a terminal,
 * stderr always (unless {@code -u}); newline is "\n" (no translation).
 *
 * <p>Invariants: made once, after {@code io} is imported; sys holds the wrappers (sys.stdout and
 * sys.__stdout__... are the same objects), this class holds none while the program runs; at exit
 * {@link #flushStdFiles} takes sys.__stdout__ and sys.__stderr__ so the last flush finds them after
 * the modules' dicts are cleared. Embedded, the raw FileIOs of stdout and stderr are keys of
 * {@link #sinks} for the runtime's life (their wrappers keep them alive unless the program drops
 * every reference; a sink is used only for a FileIO on fd 1 or 2). States: {@link #failed} is set
 * by a failed flush at exit.
 */
final class StdIo {
    /**
     * sys.__stdout__ and sys.__stderr__ taken at exit (one reference each, or 0), for the last flush
     * after the modules' dicts are cleared; nothing is held while the program runs (refcounts are CPython's).
     */
    private final long[] originals = new long[2];
    /** A flush of sys.stdout or sys.stderr at exit failed: python3 exits with 120. */
    boolean failed;

    private final Runtime rt;
    /**
     * Embedded use (the runtime's out and err are not the process's standard streams, e.g. a test
     * capturing them): the raw FileIOs of sys.stdout and sys.stderr, each with the stream its
     * writes go to instead of fd 1 or 2. Empty for the command line.
     */
    private final java.util.Map<Long, java.io.PrintStream> sinks = new java.util.HashMap<>();

    private StdIo(Runtime rt) {
        this.rt = rt;
    }

    /**
     * This state for a start-up image: whether a flush at exit failed, the originals taken at
     * exit (0 while the program runs), then each sink's raw FileIO and 1 (the runtime's out) or
     * 2 (its err), in address order.
     */
    long[] imageState() {
        java.util.List<Long> v = new java.util.ArrayList<>(List.of(failed ? 1L : 0L, originals[0], originals[1]));
        for (var e : new java.util.TreeMap<>(sinks).entrySet()) {
            v.add(e.getKey());
            v.add(e.getValue() == rt.err ? 2L : 1L);
        }
        return v.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The state {@link #imageState} gave in the image-maker's runtime, for {@code rt}, which
     * adopted its image: the sinks go to {@code rt}'s own out and err when it is embedded too (a
     * runtime on the process's streams has none, its FileIOs write to fd 1 and 2).
     */
    static StdIo adoptImageState(Runtime rt, long[] v) {
        if (v.length < 3 || (v.length - 3) % 2 != 0) throw new IllegalArgumentException("the standard streams' image state is damaged");
        StdIo io = new StdIo(rt);
        io.failed = v[0] != 0;
        io.originals[0] = v[1];
        io.originals[1] = v[2];
        boolean embedded = !(rt.out instanceof StdStream);
        for (int i = 3; embedded && i < v.length; i += 2) io.sinks.put(v[i], v[i + 1] == 2 ? rt.err : rt.out);
        return io;
    }

    /** The embedder's stream that stands for {@code fileio}'s descriptor, or null. */
    java.io.PrintStream sink(long fileio) {
        return sinks.isEmpty() ? null : sinks.get(fileio);
    }

    /**
     * input() in the default start-up mode when sys.stdin or sys.stdout is no longer refheap's
     * own stream (a StringIO put there, pdb's scripted input): builtin_input's path for streams
     * that are not the console's, the prompt written to sys.stdout and sys.stdin.readline() read.
     * Returns 0 when both are still refheap's own streams (the caller reads the console).
     */
    static long inputFromReplacedStreams(Runtime rt, long prompt) {
        // the default start-up makes sys at its first import: before it nothing can have replaced the streams
        if (rt.heap.dicts.getItem(rt.sysModules, "sys") == 0) return 0;
        StdIo io = new StdIo(rt);
        long fin = io.current("stdin"), fout = io.current("stdout");
        if (isOwn(rt, fin, Streams.STDIN) && isOwn(rt, fout, Streams.STDOUT)) return 0;
        return io.input(prompt);
    }

    private static boolean isOwn(Runtime rt, long f, long which) {
        return f != 0 && rt.heap.typeOf(f) == rt.streams && dev.refheap.memory.Native.getLong(f + Streams.WHICH) == which;
    }

    /** init_sys_streams: makes the three streams and sets them as sys.stdin/stdout/stderr and their __xxx__ originals. */
    static void init(Runtime rt) {
        Heap heap = rt.heap;
        StdIo io = new StdIo(rt);
        rt.stdio = io;  // before the streams are made: the raw streams' writes look it up
        long module = heap.dicts.getItem(rt.sysModules, "io");
        if (module == 0) throw rt.error("RuntimeError", "init_sys_streams: io is not imported");
        boolean ignoreEnv = rt.mainConfig != null && (rt.mainConfig.start().ignoreEnvironment() || rt.mainConfig.start().isolated());
        String ioEncoding = ignoreEnv ? null : System.getenv("PYTHONIOENCODING");
        String[] names = {"<stdin>", "<stdout>", "<stderr>"};
        String[] given = {null, null};
        if (ioEncoding != null && !ioEncoding.isEmpty()) {
            int colon = ioEncoding.indexOf(':');
            String enc = colon < 0 ? ioEncoding : ioEncoding.substring(0, colon);
            if (!enc.isEmpty()) given[0] = enc;
            if (colon >= 0 && colon + 1 < ioEncoding.length()) given[1] = ioEncoding.substring(colon + 1);
        }
        // config_init_stdio_encoding: PYTHONIOENCODING's encoding by its codec's name (latin-1 is iso8859-1), its
        // errors, or "strict" when it names an encoding only; else the locale's by its codec's name (utf-8 in UTF-8
        // mode; refheap starts only where it is UTF-8 or ASCII: RuntimeFlags refuses the others) and the locale's error handler
        String encoding = given[0] != null ? codecName(rt, given[0]) : rt.fsEncoding();
        String errors = given[1] != null ? given[1] : given[0] != null ? "strict" : defaultErrors(rt.utf8Mode());
        // an embedded runtime's streams are buffered, as python3 -I's: the embedder's process environment is not the program's
        // (-E and -I ignore PYTHONUNBUFFERED, as python3's config does)
        boolean unbuffered = rt.out instanceof StdStream && (ignoreEnv ? StdStream.unbufferedByOption() : StdStream.unbuffered());
        long sys = heap.dicts.getItem(rt.sysModules, "sys");
        long sysDict = ModuleType.dict(sys);
        for (int fd = 0; fd < 3; fd++) {
            // stderr's errors are backslashreplace whatever the locale and PYTHONIOENCODING say
            String err = fd == 2 ? "backslashreplace" : errors;
            long stream = io.createStdio(module, fd, fd > 0, names[fd], encoding, err, unbuffered);
            String attr = fd == 0 ? "stdin" : fd == 1 ? "stdout" : "stderr";
            heap.dicts.setItem(sysDict, "__" + attr + "__", stream);
            heap.dicts.setItem(sysDict, attr, stream);
            heap.decref(stream);
        }
    }

    /**
     * config_get_stdio_errors: stdin's and stdout's error handler when PYTHONIOENCODING gives none:
     * surrogateescape in UTF-8 mode or when LC_CTYPE is C, POSIX or a coercion target (C.UTF-8),
     * else strict.
     */
    static String defaultErrors(boolean utf8Mode) {
        return utf8Mode || dev.refheap.lang.modules.posix.LocaleModule.cOrCoercionTarget(dev.refheap.lang.modules.posix.LocaleModule.localeAfterCoercion())
                ? "surrogateescape" : "strict";
    }

    /** config_get_codec_name: the name of the codec {@code encoding} finds (codecs.lookup(encoding).name); LookupError when none. */
    private static String codecName(Runtime rt, String encoding) {
        long info = rt.codecs().lookup(encoding);
        long k = rt.heap.strs.internedOf("name");
        try {
            long name = rt.ops.getAttr(info, k, "name");
            try {
                return Heap.isStr(name) ? dev.refheap.object.StrType.value(name) : encoding;
            } finally {
                rt.heap.decref(name);
            }
        } finally {
            rt.heap.decref(k);
            rt.heap.decref(info);
        }
    }

    /** create_stdio: io.open(fd, 'rb'/'wb', buffering, closefd=False), raw.name set, the TextIOWrapper, its mode; None when fd is not open. */
    private long createStdio(long io, int fd, boolean write, String name, String encoding, String errors, boolean unbuffered) {
        Heap heap = rt.heap;
        if (dev.refheap.lang.modules.posix.PosixFiles.fstat(fd) == null) {
            heap.incref(heap.None);
            return heap.None;
        }
        // stdin stays buffered even with -u: TextIOWrapper reads through a buffered stream's read1()
        int buffering = unbuffered && write ? 0 : -1;
        long[] args = {heap.ints.of(fd), heap.strs.of(write ? "wb" : "rb"), heap.ints.of(buffering), incref(heap.None), incref(heap.None), incref(heap.None), rt.ops.bool(false)};
        long buf;
        try {
            buf = callAttr(io, "open", args);
        } finally {
            for (long a : args) heap.decref(a);
        }
        try {
            long raw = buffering != 0 ? getAttr(buf, "raw") : incref(buf);
            boolean isatty;
            boolean embedded = write && !(rt.out instanceof StdStream);
            if (embedded) sinks.put(raw, fd == 2 ? rt.err : rt.out);  // the wrappers keep raw alive as long as the runtime
            try {
                long text = heap.strs.of(name);
                try {
                    rt.ops.setAttr(raw, key("name"), "name", text);
                } finally {
                    heap.decref(text);
                }
                long r = embedded ? 0 : rt.ops.callMethod(raw, "isatty");
                try {
                    isatty = r != 0 && rt.ops.truthy(r);
                } finally {
                    if (r != 0) heap.decref(r);
                }
            } finally {
                heap.decref(raw);
            }
            boolean writeThrough = unbuffered;
            boolean lineBuffering = !unbuffered && (isatty || fd == 2);
            long[] targs = {incref(buf), heap.strs.of(encoding), heap.strs.of(errors), heap.strs.of("\n"),
                    rt.ops.bool(lineBuffering), rt.ops.bool(writeThrough)};
            long stream;
            try {
                stream = callAttr(io, "TextIOWrapper", targs);
            } finally {
                for (long a : targs) heap.decref(a);
            }
            long mode = heap.strs.of(write ? "w" : "r");
            try {
                rt.ops.setAttr(stream, key("mode"), "mode", mode);
            } catch (PyException e) {
                heap.decref(stream);
                throw e;
            } finally {
                heap.decref(mode);
            }
            return stream;
        } finally {
            heap.decref(buf);
        }
    }

    private long key(String name) {
        long k = rt.heap.strs.internedOf(name);
        rt.heap.decref(k);  // interned: the interning table keeps it
        return k;
    }

    private long incref(long o) {
        rt.heap.incref(o);
        return o;
    }

    private long getAttr(long o, String name) {
        long k = rt.heap.strs.internedOf(name);
        try {
            return rt.ops.getAttr(o, k, name);
        } finally {
            rt.heap.decref(k);
        }
    }

    private long callAttr(long o, String name, long[] args) {
        long f = getAttr(o, name);
        try {
            return rt.ops.call(f, args, 0, args.length, 0);
        } finally {
            rt.heap.decref(f);
        }
    }

    /** sys.stdout or sys.stderr as sys holds it now (borrowed), or 0 when sys or the attribute is gone. */
    long current(String attr) {
        // _PySys_GetAttr: interp->sysdict, still there once the exit has emptied sys.modules
        if (rt.sysDict != 0) return rt.heap.dicts.getItem(rt.sysDict, attr);
        long sys = rt.heap.dicts.getItem(rt.sysModules, "sys");
        if (sys == 0 || !rt.isModule(sys) || ModuleType.dict(sys) == 0) return 0;
        return rt.heap.dicts.getItem(ModuleType.dict(sys), attr);
    }

    /** file.write(text): a Python exception propagates. */
    void write(long file, String text) {
        long s = rt.heap.strs.of(text);
        try {
            rt.heap.decref(rt.ops.callMethod(file, "write", s));
        } finally {
            rt.heap.decref(s);
        }
    }

    /**
     * What the interpreter writes to stderr (PyErr_Display's traceback, a SyntaxError's report):
     * written to the current sys.stderr, then flushed. When sys.stderr is missing or None, or the
     * write fails, the text goes to the process's fd 2 as python3's "lost sys.stderr" fallback does.
     */
    void writeStderr(String text) {
        long f = current("stderr");
        if (f == 0 || f == rt.heap.None) {
            rt.err.print(text);
            rt.err.flush();
            return;
        }
        rt.heap.incref(f);
        try {
            write(f, text);
            rt.heap.decref(rt.ops.callMethod(f, "flush"));
        } catch (PyException e) {
            rt.heap.decref(e.exc());
        } finally {
            rt.heap.decref(f);
        }
    }

    /**
     * builtin input() with io streams: sys.stderr flushed; when sys.stdin and sys.stdout are fd 0
     * and 1 and both terminals, sys.stdout is flushed and 0 returned (the caller reads the terminal,
     * as CPython's PyOS_Readline); otherwise the prompt is written to sys.stdout, which is flushed,
     * and sys.stdin.readline() is the line (EOFError at its end, the newline taken off).
     */
    long input(long prompt) {
        Heap heap = rt.heap;
        long fin = current("stdin"), fout = current("stdout"), ferr = current("stderr");
        if (fin == 0 || fin == heap.None) throw rt.error("RuntimeError", "input(): lost sys.stdin");
        if (fout == 0 || fout == heap.None) throw rt.error("RuntimeError", "input(): lost sys.stdout");
        if (ferr != 0 && ferr != heap.None) {
            try {
                heap.decref(rt.ops.callMethod(ferr, "flush"));
            } catch (PyException e) {
                heap.decref(e.exc());  // an error flushing stderr is ignored
            }
        }
        heap.incref(fin);
        heap.incref(fout);
        try {
            if (isFd(fin, 0) && isFd(fout, 1) && StdStream.isatty(0) && StdStream.isatty(1)) {
                heap.decref(rt.ops.callMethod(fout, "flush"));
                return 0;
            }
            if (prompt != 0) {
                long s = rt.ops.strObject(prompt);
                try {
                    heap.decref(rt.ops.callMethod(fout, "write", s));
                } finally {
                    heap.decref(s);
                }
            }
            heap.decref(rt.ops.callMethod(fout, "flush"));
            long line = rt.ops.callMethod(fin, "readline");
            if (heap.typeOf(line) != heap.strs) {
                heap.decref(line);
                throw rt.typeError("object.readline() returned non-string");
            }
            String text = dev.refheap.object.StrType.value(line);
            if (text.isEmpty()) {
                heap.decref(line);
                throw rt.error("EOFError", "EOF when reading a line");
            }
            if (!text.endsWith("\n")) return line;
            heap.decref(line);
            return heap.strs.of(text.substring(0, text.length() - 1));
        } finally {
            heap.decref(fin);
            heap.decref(fout);
        }
    }

    /** Whether f.fileno() is {@code fd} (an error calling it counts as not). */
    private boolean isFd(long f, int fd) {
        try {
            long r = rt.ops.callMethod(f, "fileno");
            try {
                return heap().typeOf(r) == heap().ints && dev.refheap.object.IntType.asLong(r) == fd;
            } finally {
                heap().decref(r);
            }
        } catch (PyException e) {
            heap().decref(e.exc());
            return false;
        }
    }

    private Heap heap() { return rt.heap; }

    /** flush_std_files: sys.stdout.flush() (a failure reported as unraisable), then sys.stderr.flush() (a failure ignored). */
    void flushStdFiles() {
        for (int i = 0; i < 2; i++) {
            long s = current(i == 0 ? "__stdout__" : "__stderr__");
            if (s != 0 && originals[i] == 0) {
                rt.heap.incref(s);
                originals[i] = s;
            }
        }
        long out = current("stdout");
        if (out != 0 && out != rt.heap.None && !isClosed(out)) {
            rt.heap.incref(out);
            try {
                rt.heap.decref(rt.ops.callMethod(out, "flush"));
            } catch (PyException e) {
                failed = true;
                rt.writeUnraisable(e.exc(), null, out);
            } finally {
                rt.heap.decref(out);
            }
        }
        long err = current("stderr");
        if (err != 0 && err != rt.heap.None && !isClosed(err)) {
            rt.heap.incref(err);
            try {
                rt.heap.decref(rt.ops.callMethod(err, "flush"));
            } catch (PyException e) {
                failed = true;
                rt.heap.decref(e.exc());
            } finally {
                rt.heap.decref(err);
            }
        }
    }

    /**
     * The last flush, after the modules' dicts are cleared: in CPython the wrappers die with sys's
     * dict and their finalizer's close() flushes them, errors silenced.
     */
    void flushOriginals() {
        for (int i = 0; i < 2; i++) {
            long s = originals[i];
            if (s == 0) continue;
            originals[i] = 0;
            try {
                if (s != rt.heap.None && !isClosed(s)) rt.heap.decref(rt.ops.callMethod(s, "flush"));
            } catch (PyException e) {
                rt.heap.decref(e.exc());
            } finally {
                rt.heap.decref(s);
            }
        }
    }

    /** file_is_closed: the {@code closed} attribute's truth; an error reading it counts as not closed. */
    private boolean isClosed(long f) {
        try {
            long c = getAttr(f, "closed");
            try {
                return rt.ops.truthy(c);
            } finally {
                rt.heap.decref(c);
            }
        } catch (PyException e) {
            rt.heap.decref(e.exc());
            return false;
        }
    }
}
