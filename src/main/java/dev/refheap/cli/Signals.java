package dev.refheap.cli;

import dev.refheap.lang.vm.Runtime;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM for a program run by {@code run} or {@code -c}, as python3 handles them.
 *
 * <p>SIGINT trips the running {@link Runtime}'s SIGINT ({@link Runtime#signal}); the interpreter
 * runs its Python handler (by default one that raises KeyboardInterrupt) at its next check (a backward jump, a
 * call, a slice of {@code time.sleep}, a line of {@code input()}), so {@code finally},
 * {@code except KeyboardInterrupt} and {@code __del__} run. A program that ends by an uncaught
 * KeyboardInterrupt prints its traceback, exits as usual and then the process kills itself with
 * SIGINT ({@link #dieByInterrupt}), as python3 does, so a shell sees status 130 and a calling
 * script knows the user interrupted it.
 *
 * <p>SIGTERM kills the process at once, as its default action does in python3: no JVM shutdown
 * sequence racing the interpreter thread (which could end in a JVM crash report), output still
 * buffered is lost as in python3. A program that sets its own disposition for either signal with
 * {@code signal.signal} replaces these handlers until its runtime closes.
 *
 * <p>States: not installed (the JVM's own handlers) → installed (a runtime may be attached; before
 * one is, SIGINT exits with 130) → dying (the default action restored and the signal raised).
 */
final class Signals {
    private static volatile Runtime attached;
    private static volatile boolean installed;

    private Signals() {}

    /** Installs the handlers (once) and routes SIGINT to {@code rt}. */
    static void attach(Runtime rt) {
        attached = rt;
        if (installed) return;
        installed = true;
        try {
            Signal.handle(new Signal("INT"), s -> {
                Runtime r = attached;
                if (r != null) r.signal(2);
                else dieBy("INT", 130);
            });
            Signal.handle(new Signal("TERM"), s -> dieBy("TERM", 143));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // The signal is not available (e.g. the JVM runs with -Xrs): keep the JVM's handling.
        }
    }

    /** Stops routing SIGINT to a runtime (it is closing). */
    static void detach(Runtime rt) {
        if (attached == rt) attached = null;
    }

    /** After the program's exit: the process ends killed by SIGINT, as python3 after an uncaught KeyboardInterrupt. */
    static void dieByInterrupt() {
        System.out.flush();
        System.err.flush();
        dieBy("INT", 130);
    }

    /** Restores the signal's default action and raises it; if the process survives that, exits with {@code status}. */
    private static void dieBy(String name, int status) {
        try {
            Signal sig = new Signal(name);
            Signal.handle(sig, SignalHandler.SIG_DFL);
            // Signal.raise refuses a signal without a Java handler: libc's kill(getpid(), sig) instead.
            java.lang.foreign.Linker linker = java.lang.foreign.Linker.nativeLinker();
            java.lang.invoke.MethodHandle kill = linker.downcallHandle(linker.defaultLookup().find("kill").orElseThrow(),
                    java.lang.foreign.FunctionDescriptor.of(java.lang.foreign.ValueLayout.JAVA_INT,
                            java.lang.foreign.ValueLayout.JAVA_INT, java.lang.foreign.ValueLayout.JAVA_INT));
            int unused = (int) kill.invokeExact((int) ProcessHandle.current().pid(), sig.getNumber());
            Thread.sleep(1000);  // the kernel delivers the signal to this process; this thread waits for it
        } catch (Throwable e) {
            // fall through to the exit status
        }
        java.lang.Runtime.getRuntime().halt(status);
    }
}
