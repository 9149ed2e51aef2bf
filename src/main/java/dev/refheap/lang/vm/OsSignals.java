package dev.refheap.lang.vm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.HashMap;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The process's disposition of each signal as {@code signal.signal} sets it: the default action,
 * ignored, or a Python handler of one runtime (the JVM's signal dispatcher thread then trips the
 * signal in that runtime's {@link PendingSignals}). The process has one disposition per signal and
 * a JVM may run several runtimes (tests, notebooks, embedding), so the last runtime to set a
 * signal owns it; when that runtime closes, the handler the JVM had before refheap first changed
 * the signal comes back (the command line's SIGINT and SIGTERM handling, or the JVM's own).
 *
 * <p>Signals the JVM keeps for itself (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGQUIT, SIGTRAP, and
 * the real-time ones it has no name for) are refused by name: {@link Refused}.
 *
 * <p>States per signal: untouched (the JVM's handler) → set by a runtime (remembered: the original
 * handler and the owner) → back to the original when its owner closes.
 */
public final class OsSignals {
    private OsSignals() {}

    /** What {@code signal.signal} asks for. */
    public enum Disposition { DEFAULT, IGNORE, PYTHON }

    /** The signal cannot be given a disposition in a JVM; the message names it and why. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private static final String[] NAMES = new String[65];
    static {
        String[] names = {"HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
            "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ",
            "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"};
        for (int i = 0; i < names.length; i++) NAMES[i + 1] = names[i];
    }

    /** The JVM's handler of each signal refheap changed, before the first change. Guarded by the class. */
    private static final Map<Integer, SignalHandler> original = new HashMap<>();
    /** The runtime whose setting each changed signal has now. Guarded by the class. */
    private static final Map<Integer, Runtime> owner = new HashMap<>();

    /** Whether {@code rt} has set the disposition of a signal that it still owns (a start-up image refuses: the disposition is the process's). */
    static synchronized boolean setBy(Runtime rt) { return owner.containsValue(rt); }

    /** Gives signal {@code signum} the disposition {@code d} for {@code rt}. */
    static synchronized void set(Runtime rt, int signum, Disposition d) throws Refused {
        String name = signum > 0 && signum < NAMES.length ? NAMES[signum] : null;
        if (name == null || signum == 5 || signum == 7) {
            throw new Refused("signal " + signum + (name != null ? " (SIG" + name + ")" : "")
                    + ": the JVM refheap runs in keeps it for itself");
        }
        Signal sig = new Signal(name);
        // The JVM never installs a handler for SIGHUP, SIGINT or SIGTERM while the process ignores
        // it (started under nohup, or as a background job): a disposition other than "ignored"
        // first puts the default action back, as CPython's sigaction would simply replace it.
        if (d != Disposition.IGNORE && (signum == 1 || signum == 2 || signum == 15) && isIgnored(signum)) setDefault(signum);
        SignalHandler h = switch (d) {
            case DEFAULT -> SignalHandler.SIG_DFL;
            case IGNORE -> SignalHandler.SIG_IGN;
            case PYTHON -> s -> rt.signals.trip(signum);
        };
        SignalHandler before;
        try {
            before = Signal.handle(sig, h);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new Refused("signal " + signum + " (SIG" + name + "): the JVM refheap runs in keeps it for itself");
        }
        original.putIfAbsent(signum, before);
        owner.put(signum, rt);
    }

    private static final Linker LINKER = Linker.nativeLinker();
    /** sigaction(2) as glibc declares it; the handler is the struct's first word (SIG_DFL 0, SIG_IGN 1). */
    private static final MethodHandle SIGACTION = LINKER.downcallHandle(
            LINKER.defaultLookup().find("sigaction").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                    ValueLayout.ADDRESS, ValueLayout.ADDRESS));
    /** glibc's struct sigaction: handler, 128-byte mask, flags, restorer. */
    private static final long SIGACTION_SIZE = 152;

    /**
     * Whether the process ignores {@code signum} now (its handler is SIG_IGN): how CPython's
     * handler table starts (a process started by nohup has SIGHUP ignored, a background job
     * SIGINT).
     */
    public static boolean isIgnored(int signum) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment old = arena.allocate(SIGACTION_SIZE);
            int r = (int) SIGACTION.invokeExact(signum, MemorySegment.NULL, old);
            return r == 0 && old.get(ValueLayout.JAVA_LONG, 0) == 1;
        } catch (Throwable t) {
            return false;
        }
    }

    private static void setDefault(int signum) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment act = arena.allocate(SIGACTION_SIZE);  // zeroed: SIG_DFL, empty mask, no flags
            int unused = (int) SIGACTION.invokeExact(signum, act, MemorySegment.NULL);
        } catch (Throwable t) {
            // left ignored: the JVM then keeps it ignored too
        }
    }

    /** The runtime is closing: each signal it set gets the JVM's handler from before refheap changed it. */
    static synchronized void release(Runtime rt) {
        var it = owner.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getValue() != rt) continue;
            int signum = e.getKey();
            it.remove();
            SignalHandler h = original.remove(signum);
            // as in set: the JVM would keep an ignored SIGHUP, SIGINT or SIGTERM ignored
            if (h != SignalHandler.SIG_IGN && (signum == 1 || signum == 2 || signum == 15) && isIgnored(signum)) setDefault(signum);
            try {
                Signal.handle(new Signal(NAMES[signum]), h);
            } catch (IllegalArgumentException | UnsupportedOperationException ignored) {
                // it was accepted when set; nothing else to restore
            }
        }
    }
}
