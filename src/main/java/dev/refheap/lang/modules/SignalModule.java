package dev.refheap.lang.modules;

import dev.refheap.lang.modules.posix.SignalCalls;
import dev.refheap.lang.vm.Builtin;
import dev.refheap.lang.vm.ModuleImage;
import dev.refheap.lang.vm.OsSignals;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;
import dev.refheap.object.ListType;
import java.math.BigInteger;

/**
 * {@code _signal} as Linux's CPython 3.11 has it: the signal numbers and SIG_* constants, NSIG,
 * {@code signal}, {@code getsignal}, {@code valid_signals}, {@code default_int_handler} (raises
 * KeyboardInterrupt), {@code raise_signal}, {@code strsignal}, {@code alarm}, {@code pause},
 * {@code setitimer}/{@code getitimer}, {@code ItimerError} and the {@code struct_siginfo} struct
 * sequence type (a heap type, as every CPython 3.11 on Linux makes it at start-up, though refheap
 * has no sigwaitinfo/sigtimedwait to return one). The handler table is a list the
 * runtime holds (one entry per signal number, as CPython's per-interpreter Handlers[]): SIGINT
 * starts with default_int_handler, SIGPIPE and SIGXFSZ with SIG_IGN (Python ignores them at
 * start-up), the two signals glibc reserves with None, the others SIG_DFL.
 *
 * <p>{@code signal()} sets the process's disposition for real ({@code OsSignals}): the default
 * action, ignored, or a Python handler, which the JVM's signal dispatcher trips and the main thread
 * runs at its next check ({@code PendingSignals}), as CPython's C handler and eval breaker do. The
 * signals the JVM keeps for itself (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGQUIT, SIGTRAP, the
 * real-time ones) are refused by name. A signal the process sends itself with a Python handler
 * ({@code raise_signal}, {@code os.kill(os.getpid(), ...)}) runs its handler before the call
 * returns, as in CPython. The functions CPython has beyond these (pthread_sigmask, pthread_kill,
 * sigwait, sigpending, set_wakeup_fd, siginterrupt...) are absent, as on a platform without them,
 * so signal.py skips their wrappers.
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

    /**
     * The runtime's handler table (a held list indexed by signal number), default_int_handler and
     * ItimerError. A start-up image carries it as their addresses, unless this runtime has set a
     * signal's disposition (the process's, which the adopting process does not have).
     */
    private record State(long handlers, long defaultIntHandler, long itimerError, dev.refheap.object.PyType siginfo, VmApi vm) implements ModuleImage {
        @Override
        public java.util.List<? extends dev.refheap.object.PyType> imageTypes() { return java.util.List.of(); }

        @Override
        public long[] imageValues() {
            if (vm.setsSignalDispositions()) throw new IllegalStateException("signal.signal() set the process's disposition of a signal");
            return new long[] {handlers, defaultIntHandler, itimerError, siginfo.address()};
        }
    }

    /** The state a start-up image carried ({@link State#imageValues}): the objects are the image's; the table is the runtime's again. */
    public static ModuleImage restore(VmApi vm, long[] values) {
        if (values.length != 4) throw new IllegalArgumentException("_signal's image state is 4 addresses, not " + values.length + " values");
        vm.setSignalHandlers(values[0]);
        return new State(values[0], values[1], values[2], vm.typeAt(values[3]), vm);
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
            Params.unpack(vm, "default_int_handler", n, kw, 2, 2);
            throw vm.error("KeyboardInterrupt", null);
        });
        f.put("getsignal", (s, a, o, n, kw) -> {
            methO(vm, "getsignal", n, kw);
            return vm.incref(ListType.item(state(vm).handlers(), signalNumber(vm, a[o])));
        });
        f.put("signal", (s, a, o, n, kw) -> {
            if (n != 2) throw vm.error("TypeError", "signal expected 2 arguments, got " + n);
            if (!vm.onMainThread()) throw vm.error("ValueError", "signal only works in main thread of the main interpreter");
            int sig = signalNumber(vm, a[o]);
            long handler = a[o + 1];
            OsSignals.Disposition how;
            if (vm.isCallable(handler)) how = OsSignals.Disposition.PYTHON;
            else if (isDisposition(vm, handler, SIG_IGN)) how = OsSignals.Disposition.IGNORE;
            else if (isDisposition(vm, handler, SIG_DFL)) how = OsSignals.Disposition.DEFAULT;
            else throw vm.error("TypeError", "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
            vm.checkInterrupt();  // the signals already pending run their handlers before the change
            if (sig == 9 || sig == 19 || sig == 32 || sig == 33) throw vm.osError(22, "Invalid argument", null);
            vm.setSignalDisposition(sig, how);
            long old = vm.incref(ListType.item(state(vm).handlers(), sig));
            heap.lists.setItem(state(vm).handlers(), sig, handler);
            return old;
        });
        f.put("valid_signals", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "_signal.valid_signals", n, kw);
            long set = heap.sets.create();
            for (int i = 1; i < NSIG; i++) {
                if (i == 32 || i == 33) continue;
                long v = vm.newInt(i);
                heap.sets.add(set, v);
                heap.decref(v);
            }
            return set;
        });
        f.put("raise_signal", (s, a, o, n, kw) -> {
            methO(vm, "raise_signal", n, kw);
            int sig = Params.cInt(vm, a[o]);
            if (!vm.deliverOwnSignal(sig)) {
                Object released = vm.allowThreads();
                int r;
                try {
                    r = SignalCalls.raise(sig);
                } finally {
                    vm.endAllowThreads(released);
                }
                if (r != 0) throw vm.osError(SignalCalls.errno(), SignalCalls.strerror(SignalCalls.errno()), null);
                vm.checkInterrupt();
            }
            return vm.incref(heap.None);
        });
        f.put("strsignal", (s, a, o, n, kw) -> {
            methO(vm, "strsignal", n, kw);
            int sig = Params.cInt(vm, a[o]);
            if (sig < 1 || sig >= NSIG) throw vm.error("ValueError", "signal number out of range");
            String text = SignalCalls.strsignal(sig);
            if (text == null || text.contains("Unknown signal")) return vm.incref(heap.None);
            return vm.str(text);
        });
        f.put("alarm", (s, a, o, n, kw) -> {
            methO(vm, "alarm", n, kw);
            return vm.newInt(SignalCalls.alarm(Params.cInt(vm, a[o])));
        });
        f.put("pause", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "_signal.pause", n, kw);
            vm.waitForSignal();
            return vm.incref(heap.None);
        });
        f.put("setitimer", (s, a, o, n, kw) -> {
            Params.unpack(vm, "setitimer", n, kw, 2, 3);
            int which = Params.cInt(vm, a[o]);
            long value = micros(vm, a[o + 1]), interval = n == 3 ? micros(vm, a[o + 2]) : 0;
            return itimer(vm, state(vm), which, new long[] {value, interval});
        });
        f.put("getitimer", (s, a, o, n, kw) -> {
            methO(vm, "getitimer", n, kw);
            return itimer(vm, state(vm), Params.cInt(vm, a[o]), null);
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
        vm.def(m, "default_int_handler", fns.get("default_int_handler"));
        State st = vm.moduleState("_signal", () -> {
            long handlers = vm.hold(heap.lists.alloc(0, false));
            long dih = vm.hold(vm.incref(heap.dicts.getItem(d, "default_int_handler")));
            for (int i = 0; i < NSIG; i++) {
                // as CPython's table starts: what the process inherited ignored stays SIG_IGN
                boolean ignored = i == 13 || i == 25 || i > 0 && i != 32 && i != 33 && OsSignals.isIgnored(i);
                long h = i == 32 || i == 33 ? vm.incref(heap.None) : ignored ? vm.newInt(SIG_IGN) : i == SIGINT ? vm.incref(dih) : vm.newInt(SIG_DFL);
                heap.lists.append(handlers, h);
                heap.decref(h);
            }
            vm.setSignalHandlers(handlers);
            long itimerError = vm.newExceptionClass("signal", "itimer_error", "OSError");
            // signal_module_exec's struct sequence (a heap type), which sigwaitinfo and sigtimedwait would return
            dev.refheap.object.PyType siginfo = vm.newStructSeqType("signal.struct_siginfo", 7, "si_signo", "si_code", "si_errno", "si_pid", "si_uid",
                    "si_status", "si_band");
            return new State(handlers, dih, itimerError, siginfo, vm);
        });
        heap.dicts.setItem(d, "default_int_handler", st.defaultIntHandler());  // one function for the runtime, as the table holds it
        heap.dicts.setItem(d, "ItimerError", st.itimerError());
        heap.dicts.setItem(d, "struct_siginfo", st.siginfo().address());
        vm.def(m, "getsignal", fns.get("getsignal"));
        vm.def(m, "signal", fns.get("signal"));
        vm.def(m, "valid_signals", fns.get("valid_signals"));
        vm.def(m, "raise_signal", fns.get("raise_signal"));
        vm.def(m, "strsignal", fns.get("strsignal"));
        vm.def(m, "alarm", fns.get("alarm"));
        vm.def(m, "pause", fns.get("pause"));
        vm.def(m, "setitimer", fns.get("setitimer"));
        vm.def(m, "getitimer", fns.get("getitimer"));
        return m;
    }

    /** setitimer/getitimer's call: the old (delay, interval) as floats, or ItimerError with errno. */
    private static long itimer(VmApi vm, State st, int which, long[] values) {
        long[] old = SignalCalls.itimer(which, values);
        if (old == null) {
            int errno = SignalCalls.errno();
            long code = vm.newInt(errno), text = vm.str(SignalCalls.strerror(errno));
            long exc;
            try {
                exc = vm.call(st.itimerError(), code, text);
            } finally {
                vm.heap.decref(code);
                vm.heap.decref(text);
            }
            throw new PyException(exc);
        }
        long delay = vm.newFloat(old[0] / 1e6), interval = vm.newFloat(old[1] / 1e6);
        try {
            return vm.heap.tuples.of(delay, interval);
        } finally {
            vm.heap.decref(delay);
            vm.heap.decref(interval);
        }
    }

    /** timeval_from_double: seconds (an int or a float) to microseconds, rounded up as 3.11 does. */
    private static long micros(VmApi vm, long v) {
        double x = vm.asDouble(v);
        if (Double.isNaN(x)) throw vm.error("ValueError", "Invalid value NaN (not a number)");
        double us = Math.ceil(x * 1e6);
        if (Math.abs(us) >= 9.2e18) throw vm.error("OverflowError", "timestamp too large to convert to C _PyTime_t");
        return (long) us;
    }

    /** METH_O: exactly one positional argument, named with the module as CPython's message does. */
    private static void methO(VmApi vm, String name, int n, long kw) {
        Params.noKeywords(vm, "_signal." + name, kw);
        if (n != 1) throw vm.error("TypeError", "_signal." + name + "() takes exactly one argument (" + n + " given)");
    }

    /** compare_handler: an exact int equal to SIG_IGN or SIG_DFL's value. */
    private static boolean isDisposition(VmApi vm, long handler, int value) {
        return vm.heap.typeOf(handler) == vm.heap.ints && vm.asIndex(handler).equals(BigInteger.valueOf(value));
    }

    /** The signalnum argument: an int (or __index__) in 1..NSIG-1, else CPython's errors. */
    private static int signalNumber(VmApi vm, long v) {
        BigInteger x = vm.asIndex(v);
        if (x.signum() < 1 || x.compareTo(BigInteger.valueOf(NSIG)) >= 0) throw vm.error("ValueError", "signal number out of range");
        return x.intValue();
    }
}
