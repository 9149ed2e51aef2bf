package dev.refheap.cli;

import dev.refheap.gc.HeapVerificationError;
import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.Runtime;
import dev.refheap.lang.vm.RuntimeOptions;
import dev.refheap.lang.vm.StdStream;
import dev.refheap.memory.HeapLimitExceeded;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * refheap's command line, shaped like python3's: {@code run FILE.py|NOTEBOOK.ipynb}, {@code -c CODE},
 * a REPL when called with nothing, {@code dis FILE.py}, {@code demo}. The interpreter runs on its
 * own thread with a large stack; whatever goes wrong, the user sees a Python-style message and an
 * exit status, never a Java stack trace.
 */
@Command(name = "refheap", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Python with CPython 3.11's memory management, on a native heap.",
        subcommands = {RunCommand.class, DisCommand.class, ReplCommand.class, DemoCommand.class, TraceCommand.class, ServeCommand.class})
public final class Main implements Callable<Integer> {
    @Option(names = "-c", paramLabel = "CODE", description = "Run CODE as a program.")
    String code;

    @CommandLine.Mixin
    RuntimeFlags flags = new RuntimeFlags();

    @Parameters(arity = "0..1", paramLabel = "-", description = "'-': read the program from stdin (as when stdin is not a terminal).")
    String script;

    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() { return new String[] {"refheap 0.1.0 (CPython 3.11.7 memory semantics)"}; }
    }

    @Override
    public Integer call() {
        if (code != null) return runProgram(flags, code, "<string>", List.of("-c"), "");
        if (script != null && !script.equals("-")) {
            System.err.println("refheap: unknown command '" + script + "' (to run a file: refheap run " + script + ")");
            return 2;
        }
        // As python3: with stdin not a terminal (a pipe, a file), the program is read from it; '-' asks for that explicitly.
        if (script != null || !StdStream.isatty(0)) return runStdin(flags, script == null ? "" : "-");
        return ReplCommand.start(flags);
    }

    /**
     * Runs a whole program; prints an uncaught exception as python3 does; returns the exit status.
     * The program is compiled on a thread of its own while this one makes the runtime (the
     * compiler needs no heap and shares no mutable state with it), and the thread {@link #main}
     * started links the heap's native functions meanwhile. What the program sees is the same: its
     * runtime is made, then the compiled program materialised and run, or its SyntaxError raised,
     * as before.
     */
    static int runProgram(RuntimeFlags flags, String source, String filename, List<String> argv, String path0) {
        java.util.concurrent.FutureTask<Runtime.Program> compiling = new java.util.concurrent.FutureTask<>(
                () -> Runtime.Program.compile(source, filename));
        Thread compiler = new Thread(null, compiling, "refheap-compile", 1L << 30);  // the interpreter thread's stack: deep nesting compiles alike
        compiler.setDaemon(true);
        compiler.start();
        dev.refheap.memory.Native.warmAccess();
        // a file or stdin is run as CPython's _PyRun_SimpleFileObject runs it: sys.stderr and sys.stdout
        // flushed (flush_io) before an uncaught exception is printed; -c and -m do not flush there
        boolean flushIo = !filename.equals("<string>");
        return runMain(flags, argv, path0, rt -> {
            try {
                rt.exec(compiled(compiling));
            } finally {
                if (flushIo) rt.flushStdio();
            }
        });
    }

    /** The compiled program; what the compiler threw (not a SyntaxError: the program holds that) is rethrown here. */
    private static Runtime.Program compiled(java.util.concurrent.FutureTask<Runtime.Program> compiling) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return compiling.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code main} on a new runtime whose sys.argv and sys.path[0] are given; python3's exit handling. */
    static int runMain(RuntimeFlags flags, List<String> argv, String path0, java.util.function.Consumer<Runtime> main) {
        // After the program, the exit as python3 does it: atexit finalizers, modules released and
        // collected (their __del__ output appears, as there); the heap itself is not closed.
        String fatal = flags.fatalStartError();
        if (fatal != null) {
            System.err.print(fatal);
            return 1;
        }
        Runtime.MainConfig config = flags.mainConfig(argv, path0);
        StartupImages image = flags.startupImage(config);
        Runtime rt = flags.newRuntime(config, image);
        Signals.attach(rt);
        PyException[] uncaught = {null};
        int status;
        boolean consistent;
        try {
            // as CPython's start-up: with -W options, warnings is imported (it applies sys.warnoptions)
            java.util.function.Consumer<Runtime> program = flags.allWarnOptions().isEmpty() ? main
                    : r -> { r.exec("__import__('warnings')\n", "<startup>"); main.accept(r); };
            if (flags.cpythonStartup()) {
                java.util.function.Consumer<Runtime> after = program;
                program = r -> { flags.runCpythonStartup(r, image); after.accept(r); };
            } else {
                java.util.function.Consumer<Runtime> after = program;
                program = r -> { flags.startTracing(r); after.accept(r); };
            }
            status = runMain(rt, program, uncaught);
        } finally {
            consistent = flags.afterRun(rt);
            exitRuntime(rt, uncaught[0]);
            Signals.detach(rt);
        }
        status = rt.exitStatus(status);
        return consistent ? status : 70;  // --gc-stress found the heap inconsistent after the program
    }

    /** The program in __main__; its uncaught exception (not a SystemExit) is left in {@code uncaught[0]}. */
    private static int runMain(Runtime rt, java.util.function.Consumer<Runtime> main, PyException[] uncaught) {
        try {
            main.accept(rt);
            rt.out().flush();
            return 0;
        } catch (PyException e) {
            rt.out().flush();
            if (rt.isSystemExit(e)) return SystemExits.status(rt, e);
            uncaught[0] = e;
            rt.writeStderr(rt.formatUncaught(e, true));  // python3 FILE.py: PyErr_Display, with suggestions
            System.err.flush();
            if (rt.isKeyboardInterrupt(e)) {
                interruptedExit = true;  // after the exit below, main() dies by SIGINT as python3
                return 130;
            }
            return 1;
        } catch (PySyntaxError e) {
            rt.out().flush();
            rt.writeStderr(e.format());
            return 1;
        } catch (dev.refheap.lang.vm.ImportSystem.MainModuleError e) {
            rt.out().flush();
            System.err.println("refheap: " + e.getMessage());
            return 1;
        }
    }

    /** The program read from stdin to its end, run as {@code <stdin>} (python3 - or python3 < FILE); sys.argv is [{@code argv0}]. */
    static int runStdin(RuntimeFlags flags, String argv0) {
        try {
            return runProgram(flags, SourceFiles.text(SourceFiles.stdin(), "<stdin>"), "<stdin>", List.of(argv0), "");
        } catch (SourceFiles.Unreadable e) {
            System.err.println(e.getMessage());
            return e.status;
        }
    }

    /** Set when the program ended by an uncaught KeyboardInterrupt: the process then ends killed by SIGINT. */
    static volatile boolean interruptedExit;

    /** The interpreter's exit after a program, REPL session or notebook: see {@link Runtime#finalizeAtExit}. */
    static void exitRuntime(Runtime rt, PyException uncaught) {
        try {
            rt.finalizeAtExit(uncaught);
        } catch (PyException e) {
            rt.writeStderr(rt.formatException(e));
        }
        rt.out().flush();
        rt.err().flush();
    }

    static final String STRESS_BUG = "(a bug in refheap, unless the program wrote a refcount through ctypes: please report it with the program)";

    /** --gc-stress found the heap inconsistent: a bug in refheap, reported with what the verifier saw. */
    static int reportStressFailure(HeapVerificationError h) {
        System.out.flush();
        System.err.println("refheap: --gc-stress: " + h.getMessage());
        System.err.println(STRESS_BUG);
        if (System.getenv("REFHEAP_DEBUG") != null) h.printStackTrace();
        return 70;
    }

    /** sys.orig_argv of this process: empty until {@link #main} runs (a runtime made in process has none). */
    private static volatile List<String> origArgv = List.of();

    /**
     * The process's command line as python3's sys.orig_argv shows it: the name it was started by
     * (the launcher passes it as refheap.argv0: its own $0, or the name the environment's
     * bin/refheap was run by), then the arguments as given; without a launcher, the JVM's path.
     */
    static List<String> origArgv() { return origArgv; }

    /**
     * The program's arguments as CPython decodes argv in UTF-8 mode (UTF-8, an undecodable byte as
     * its surrogateescape): where the JVM decoded them in another charset (its sun.jnu.encoding
     * follows the locale, ASCII under the C locale, which turns a non-ASCII byte into U+FFFD), they
     * are read again as bytes, the last {@code args.length} of /proc/self/cmdline.
     */
    static String[] programArgs(String[] args) {
        String jnu = System.getProperty("sun.jnu.encoding", "UTF-8");
        if (args.length == 0 || jnu.equalsIgnoreCase("UTF-8") || jnu.equalsIgnoreCase("UTF8")) return args;
        byte[] all;
        try {
            all = java.nio.file.Files.readAllBytes(Path.of("/proc/self/cmdline"));
        } catch (java.io.IOException | RuntimeException e) {
            return args;
        }
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == 0) {
                parts.add(java.util.Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        if (parts.size() < args.length) return args;
        String[] out = new String[args.length];
        for (int i = 0; i < args.length; i++) out[i] = decodeUtf8Escaped(parts.get(parts.size() - args.length + i));
        return out;
    }

    /** UTF-8 with surrogateescape: each byte not part of a valid sequence becomes U+DC80..U+DCFF. */
    static String decodeUtf8Escaped(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length);
        for (int i = 0; i < b.length; ) {
            int c = b[i] & 0xff;
            int need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
            int cp = need == 0 ? c : need == 1 ? c & 0x1f : need == 2 ? c & 0x0f : c & 0x07;
            boolean ok = need >= 0 && i + need < b.length;
            for (int k = 1; ok && k <= need; k++) {
                int d = b[i + k] & 0xff;
                if ((d & 0xc0) != 0x80) ok = false;
                else cp = (cp << 6) | (d & 0x3f);
            }
            // no overlong three- or four-byte forms, no encoded surrogates, nothing past U+10FFFF
            if (ok && (need == 2 && (cp < 0x800 || cp >= 0xd800 && cp <= 0xdfff) || need == 3 && (cp < 0x10000 || cp > 0x10ffff))) ok = false;
            if (ok) {
                sb.appendCodePoint(cp);
                i += need + 1;
            } else {
                sb.append((char) (0xdc00 + c));
                i++;
            }
        }
        return sb.toString();
    }

    public static void main(String[] jvmArgs) {
        String[] args = programArgs(jvmArgs);
        List<String> orig = new java.util.ArrayList<>(args.length + 1);
        String argv0 = System.getProperty("refheap.argv0");
        orig.add(argv0 != null ? argv0 : ProcessHandle.current().info().command().orElse(""));
        orig.addAll(List.of(args));
        origArgv = List.copyOf(orig);
        startPrelink(cpythonStartup(args));
        int[] status = {0};
        Thread t = new Thread(null, () -> status[0] = execute(args), "python", 1L << 30);
        t.start();
        // while the interpreter's thread compiles the program and makes the heap, this thread,
        // otherwise only waiting, parses the table the runtime's set-up reads next
        Runtime.preloadTables();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int exit = StdStream.finishAtExit(status[0]);  // a failed flush of stdout/stderr: python3's 120
        if (interruptedExit) Signals.dieByInterrupt();
        System.exit(exit);
    }

    /**
     * Links the native functions every runtime calls (isatty for the standard streams, then the
     * heap's malloc, mmap, munmap, madvise and free) on a daemon thread while the interpreter's
     * thread reads and compiles the program: linking is a third of start-up otherwise. Class
     * initialisation makes the interpreter's thread wait for a link still in progress; a link
     * that fails here fails again there, where it is reported.
     */
    private static void startPrelink(boolean image) {
        Thread t = new Thread(() -> {
            try {
                StdStream.prelink();
                if (image) dev.refheap.memory.Native.prelinkDescriptors();  // the image's key reads the descriptors before the heap exists
                dev.refheap.memory.Native.prelink();
            } catch (Throwable ignored) {
                // the interpreter's thread links, or fails to link, each function itself
            }
        }, "refheap-link");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Whether the command line seems to run a program after CPython's start-up (the default: no
     * {@code --startup=refheap} or {@code --startup refheap}, no notebook, not dis, demo, trace or
     * serve): then the start-up image's functions are linked beforehand too. A guess is enough: a
     * wrong one only links a few functions more or fewer on the linking thread.
     */
    private static boolean cpythonStartup(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--startup=refheap") || a.equals("--startup") && i + 1 < args.length && args[i + 1].equals("refheap")) return false;
            if (a.endsWith(".ipynb")) return false;
            if (i == 0 && (a.equals("dis") || a.equals("demo") || a.equals("trace") || a.equals("serve"))) return false;
        }
        return true;
    }

    static int execute(String[] args) {
        Integer plain = plainRun(args);
        if (plain != null) return plain;
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> internalError(ex));
        try {
            return cl.execute(args);
        } catch (HeapVerificationError h) {  // an Error: picocli's handler only sees exceptions
            return reportStressFailure(h);
        }
    }

    /**
     * {@code run FILE} and {@code -c CODE} without options, run as picocli would run them but
     * without building its command model: that is a quarter of refheap's start-up (picocli's
     * classes cannot go into the JVM's start-up cache). Anything else (options, help, other
     * commands, an argument that looks like an option) returns null and goes through picocli.
     */
    private static Integer plainRun(String[] args) {
        ScriptLine line = ScriptLine.parse(args);
        if (line != null && line.flags().problem() != null) {  // as picocli reports a bad option: the problem, the usage, status 2
            System.err.println(line.flags().problem());
            new CommandLine(new Main()).usage(System.err);
            return 2;
        }
        if (line != null) {
            try {
                return switch (line.mode()) {
                    case "-c" -> runProgram(line.flags(), line.target(), "<string>", prepend("-c", line.args()), "");
                    case "-m" -> runMain(line.flags(), prepend("-m", line.args()), Path.of("").toAbsolutePath().toString(),
                            rt -> rt.runModuleAsMain(line.target()));
                    default -> {
                        RunCommand run = new RunCommand();
                        run.file = line.target();
                        run.programArgs = line.args();
                        run.ownFlags = line.flags();
                        yield run.call();
                    }
                };
            } catch (HeapVerificationError h) {
                return reportStressFailure(h);
            } catch (Exception ex) {
                return internalError(ex);
            }
        }
        if (args.length != 2 || args[1].startsWith("-")) return null;
        try {
            if (args[0].equals("-c")) return runProgram(new RuntimeFlags(), args[1], "<string>", List.of("-c"), "");
            if (args[0].equals("run")) {
                RunCommand run = new RunCommand();
                run.file = args[1];
                return run.call();
            }
        } catch (Exception ex) {
            return internalError(ex);
        }
        return null;
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> l = new ArrayList<>();
        l.add(first);
        l.addAll(rest);
        return l;
    }

    /** What the user sees when a command fails in Java: MemoryError for the heap limit, else an internal error. */
    private static int internalError(Exception ex) {
        if (ex instanceof HeapLimitExceeded h) {
            System.err.println("MemoryError: " + h.getMessage());
            return 1;
        }
        System.err.println("refheap: internal error: " + ex + " (please report this with the program that caused it)");
        if (System.getenv("REFHEAP_DEBUG") != null) ex.printStackTrace();
        return 70;
    }
}
