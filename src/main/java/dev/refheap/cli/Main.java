package dev.refheap.cli;

import dev.refheap.gc.HeapVerificationError;
import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.Runtime;
import dev.refheap.lang.vm.RuntimeOptions;
import dev.refheap.memory.HeapLimitExceeded;
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
        subcommands = {RunCommand.class, DisCommand.class, ReplCommand.class, DemoCommand.class})
public final class Main implements Callable<Integer> {
    @Option(names = "-c", paramLabel = "CODE", description = "Run CODE as a program.")
    String code;

    @CommandLine.Mixin
    RuntimeFlags flags = new RuntimeFlags();

    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() { return new String[] {"refheap 0.1.0 (CPython 3.11.7 memory semantics)"}; }
    }

    @Override
    public Integer call() {
        if (code != null) return runProgram(flags, code, "<string>");
        return ReplCommand.start(flags);
    }

    /** Runs a whole program; prints an uncaught exception as python3 does; returns the exit status. */
    static int runProgram(RuntimeFlags flags, String source, String filename) {
        // The runtime is not torn down afterwards: like a process exit after the program, whatever is
        // still alive stays alive (no finalizer output after the program's last statement).
        Runtime rt = flags.newRuntime();
        {
            try {
                rt.exec(source, filename);
                rt.out().flush();
                return 0;
            } catch (PyException e) {
                rt.out().flush();
                return reportUncaught(rt, e);
            } catch (PySyntaxError e) {
                rt.out().flush();
                System.err.print(e.format());
                return 1;
            } finally {
                flags.afterRun(rt);
            }
        }
    }

    static int reportUncaught(Runtime rt, PyException e) {
        if (rt.isSystemExit(e)) return SystemExits.status(rt, e);
        System.err.print(rt.formatUncaught(e));
        System.err.flush();
        return 1;
    }

    /** --gc-stress found the heap inconsistent: a bug in refheap, reported with what the verifier saw. */
    static int reportStressFailure(HeapVerificationError h) {
        System.out.flush();
        System.err.println("refheap: --gc-stress: " + h.getMessage());
        System.err.println("(a bug in refheap, unless the program wrote a refcount through ctypes: please report it with the program)");
        if (System.getenv("REFHEAP_DEBUG") != null) h.printStackTrace();
        return 70;
    }

    public static void main(String[] args) {
        int[] status = {0};
        Thread t = new Thread(null, () -> status[0] = execute(args), "python", 1L << 30);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.flush();
        System.exit(status[0]);
    }

    static int execute(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            if (ex instanceof HeapLimitExceeded h) {
                System.err.println("MemoryError: " + h.getMessage());
                return 1;
            }
            System.err.println("refheap: internal error: " + ex + " (please report this with the program that caused it)");
            if (System.getenv("REFHEAP_DEBUG") != null) ex.printStackTrace();
            return 70;
        });
        try {
            return cl.execute(args);
        } catch (HeapVerificationError h) {  // an Error: picocli's handler only sees exceptions
            return reportStressFailure(h);
        }
    }
}
