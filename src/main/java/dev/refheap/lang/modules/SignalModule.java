package dev.refheap.lang.modules;

import dev.refheap.lang.vm.Builtin;
import dev.refheap.lang.vm.ModuleImage;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;
import dev.refheap.object.ListType;
import java.math.BigInteger;

/**
 * {@code _signal} as Linux's CPython 3.11 has it, for what {@code signal.py} and its users read:
 * the signal numbers and SIG_* constants, NSIG, {@code getsignal}, {@code valid_signals},
 * {@code default_int_handler} (raises KeyboardInterrupt) and {@code signal}. The handler table is a
 * list the runtime holds (one entry per signal number, as CPython's per-interpreter Handlers[]):
 * SIGINT starts with default_int_handler, SIGPIPE and SIGXFSZ with SIG_IGN (Python ignores them at
 * start-up), the two signals glibc reserves with None, the others SIG_DFL.
 * <p>refheap runs in a JVM that owns the process's signal handlers, so {@code signal()} changes
 * nothing it cannot make true: setting a signal to the handler it already has is allowed (the
 * save-and-restore pattern), anything else is refused by name. The functions CPython has beyond
 * these (alarm, setitimer, pthread_sigmask, sigwait, raise_signal, strsignal...) are absent, as on
 * a platform without them, so signal.py skips their wrappers.
 */
public final class SignalModule {
    private SignalModule() {}

    static final int NSIG = 65, SIG_DFL = 0, SIG_IGN = 1, SIGINT = 2;

    private static final Object[] SIGNALS = {
        "SIGHUP", 1, "SIGINT", 2, "SIGQUIT", 3, "SIGILL", 4, "SIGTRAP", 5, "SIGABRT", 6, "SIGIOT", 6, "SIGBUS", 7,
        "SIGFPE", 8, "SIGKILL", 9, "SIGUSR1", 10, "SIGSEGV", 11, "SIGUSR2", 12, "SIGPIPE", 13, "SIGALRM", 14,
        "SIGTERM", 15, "SIGSTKFLT", 16, "SIGCHLD", 17, "SIGCLD", 17, "SIGCONT", 18, "SIGSTOP", 19, "SIGTSTP", 20,
        "SIGTTIN", 21, "SIGTTOU", 22, "SIGURG", 23, "SIGXCPU", 24, "SIGXFSZ", 25, "SIGVTALRM", 26, "SIGPROF", 27,
        "SIGWINCH", 28, "SIGIO", 29, "SIGPOLL", 29, "SIGPWR", 30, "SIGSYS", 31, "SIGRTMIN", 34, "SIGRTMAX", 64,
        "SIG_DFL", 0, "SIG_IGN", 1, "SIG_BLOCK", 0, "SIG_UNBLOCK", 1, "SIG_SETMASK", 2,
        "ITIMER_REAL", 0, "ITIMER_VIRTUAL", 1, "ITIMER_PROF", 2, "NSIG", NSIG,
    };

    // CPython's docstrings of the functions signal.py copies with its _wraps
    private static final String SIGNAL_DOC = "Set the action for the given signal.\n\n"
            + "The action can be SIG_DFL, SIG_IGN, or a callable Python object.\n"
            + "The previous action is returned.  See getsignal() for possible return values.\n\n"
            + "*** IMPORTANT NOTICE ***\nA signal handler function is called with two arguments:\n"
            + "the first is the signal number, the second is the interrupted stack frame.";
    private static final String GETSIGNAL_DOC = "Return the current action for the given signal.\n\nThe return value can be:\n"
            + "  SIG_IGN -- if the signal is being ignored\n  SIG_DFL -- if the default action for the signal is in effect\n"
            + "  None    -- if an unknown handler is in effect\n  anything else -- the callable Python object used as a handler";
    private static final String VALID_SIGNALS_DOC = "Return a set of valid signal numbers on this platform.\n\n"
            + "The signal numbers returned by this function can be safely passed to\nfunctions like `pthread_sigmask`.";
    private static final String DEFAULT_INT_HANDLER_DOC = "The default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt.";

    /** The runtime's handler table (a held list indexed by signal number) and default_int_handler. */
    private record State(long handlers, long defaultIntHandler) implements ModuleImage {
        @Override
        public java.util.List<? extends dev.refheap.object.PyType> imageTypes() { return java.util.List.of(); }

        @Override
        public long[] imageValues() { return new long[] {handlers, defaultIntHandler}; }
    }

    /** The state a start-up image carried ({@link State#imageValues}): both objects are the image's, held by the runtime. */
    public static ModuleImage restore(VmApi vm, long[] values) {
        if (values.length != 2) throw new IllegalArgumentException("_signal's image state is 2 addresses, not " + values.length + " values");
        return new State(values[0], values[1]);
    }

    /** The runtime's state, made by the module's first import (the functions find it when called). */
    private static State state(VmApi vm) {
        return vm.moduleState("_signal", () -> {
            throw new IllegalStateException("_signal's state is not made yet");
        });
    }

    /**
     * The module's functions by name, made from the runtime alone (no object allocated; they find
     * the runtime's state when called): the module's setup defines them from this table, and a
     * runtime adopting a start-up image makes them again from it.
     */
    public static java.util.Map<String, Builtin> functions(VmApi vm) {
        Heap heap = vm.heap;
        java.util.Map<String, Builtin> f = new java.util.HashMap<>();
        f.put("default_int_handler", (s, a, o, n, kw) -> {
            throw vm.error("KeyboardInterrupt", null);
        });
        f.put("getsignal", (s, a, o, n, kw) -> {
            if (n != 1) throw vm.error("TypeError", "getsignal() takes exactly one argument (" + n + " given)");
            return vm.incref(ListType.item(state(vm).handlers(), signalNumber(vm, a[o])));
        });
        f.put("signal", (s, a, o, n, kw) -> {
            if (n != 2) throw vm.error("TypeError", "signal expected 2 arguments, got " + n);
            int sig = signalNumber(vm, a[o]);
            long handler = a[o + 1];
            boolean callable = vm.isCallable(handler);
            if (!callable && !(heap.typeOf(handler) == heap.ints && (vm.asIndex(handler).equals(BigInteger.ZERO) || vm.asIndex(handler).equals(BigInteger.ONE)))) {
                throw vm.error("TypeError", "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
            }
            if (sig == 9 || sig == 19 || sig == 32 || sig == 33) throw vm.osError(22, "Invalid argument", null);
            State st = state(vm);
            long old = ListType.item(st.handlers(), sig);
            if (!(handler == old || !callable && heap.typeOf(old) == heap.ints && vm.equal(handler, old))) {
                throw vm.error("NotImplementedError", "refheap does not support changing signal handlers yet (signal.signal("
                        + sig + ", " + vm.repr(handler) + "): the JVM owns the process's signals)");
            }
            long keep = vm.incref(old);
            heap.lists.setItem(st.handlers(), sig, handler);
            return keep;
        });
        f.put("valid_signals", (s, a, o, n, kw) -> {
            if (n != 0) throw vm.error("TypeError", "valid_signals() takes no arguments (" + n + " given)");
            long set = heap.sets.create();
            for (int i = 1; i < NSIG; i++) {
                if (i == 32 || i == 33) continue;
                long v = vm.newInt(i);
                heap.sets.add(set, v);
                heap.decref(v);
            }
            return set;
        });
        return f;
    }

    public static long create(VmApi vm) {
        Heap heap = vm.heap;
        java.util.Map<String, Builtin> fns = functions(vm);
        long m = vm.newModule("_signal");
        long d = vm.moduleDict(m);
        for (int i = 0; i < SIGNALS.length; i += 2) {
            long v = vm.newInt((Integer) SIGNALS[i + 1]);
            heap.dicts.setItem(d, (String) SIGNALS[i], v);
            heap.decref(v);
        }
        vm.def(m, "default_int_handler", DEFAULT_INT_HANDLER_DOC, fns.get("default_int_handler"));
        State st = vm.moduleState("_signal", () -> {
            long handlers = vm.hold(heap.lists.alloc(0, false));
            long dih = vm.hold(vm.incref(heap.dicts.getItem(d, "default_int_handler")));
            for (int i = 0; i < NSIG; i++) {
                long h = i == SIGINT ? vm.incref(dih) : i == 32 || i == 33 ? vm.incref(heap.None) : vm.newInt(i == 13 || i == 25 ? SIG_IGN : SIG_DFL);
                heap.lists.append(handlers, h);
                heap.decref(h);
            }
            return new State(handlers, dih);
        });
        heap.dicts.setItem(d, "default_int_handler", st.defaultIntHandler());  // one function for the runtime, as the table holds it
        vm.def(m, "getsignal", GETSIGNAL_DOC, fns.get("getsignal"));
        vm.def(m, "signal", SIGNAL_DOC, fns.get("signal"));
        vm.def(m, "valid_signals", VALID_SIGNALS_DOC, fns.get("valid_signals"));
        return m;
    }

    /** The signalnum argument: an int (or __index__) in 1..NSIG-1, else CPython's errors. */
    private static int signalNumber(VmApi vm, long v) {
        BigInteger x = vm.asIndex(v);
        if (x.signum() < 1 || x.compareTo(BigInteger.valueOf(NSIG)) >= 0) throw vm.error("ValueError", "signal number out of range");
        return x.intValue();
    }
}
