package dev.refheap.lang.vm;

import dev.refheap.object.Heap;
import dev.refheap.object.ListType;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The signals that arrived and wait for their Python handlers (CPython's {@code Handlers[i].tripped}
 * and {@code is_tripped}), per runtime. A signal is tripped from any Java thread (the JVM's signal
 * dispatcher, {@code _thread.interrupt_main}, {@code os.kill} of this process); the main thread runs
 * the handlers at its next eval-breaker check, in a wait that gives the interpreter lock up
 * ({@code time.sleep}, a lock's acquire, {@code input()}), or where a long builtin checks
 * (PyErr_CheckSignals), in signal-number order, each as {@code handler(signum, frame)}.
 *
 * <p>Invariants: bit {@code i} of {@link #tripped} is set while signal {@code i} (1..64) waits;
 * whenever a bit is set the main interpreter's {@code signalsPending} and {@code breaker} are set
 * too (set after the bit, so a reader that sees the flag sees the bit). Handlers run only on the
 * main thread, with the interpreter lock.
 *
 * <p>The handler of each signal is the {@code _signal} module's table (a list the runtime holds,
 * indexed by signal number) once that module exists; before it, SIGINT's handler is
 * {@code default_int_handler}, which raises KeyboardInterrupt, and no other signal can be tripped
 * (only {@code signal.signal} routes one here).
 */
final class PendingSignals {
    static final int SIGINT = 2;
    private final Runtime rt;
    private final AtomicLong tripped = new AtomicLong();
    /** The {@code _signal} handler table (a held list of 65 handlers), 0 before the module is made. */
    long handlers;
    /** {@code signal.SIG_DFL} and {@code SIG_IGN}'s values in the table. */
    private static final int SIG_DFL = 0, SIG_IGN = 1;

    PendingSignals(Runtime rt) {
        this.rt = rt;
    }

    /** trip_signal: marks {@code signum} as arrived and asks the main thread to look. Any thread. */
    void trip(int signum) {
        tripped.getAndUpdate(b -> b | 1L << signum);
        Interpreter main = rt.mainInterpreter;
        main.signalsPending = true;
        main.breaker = true;
    }

    /** Forgets a tripped SIGINT (the REPL drops a Ctrl-C that came after its code finished). */
    void clear(int signum) {
        tripped.getAndUpdate(b -> b & ~(1L << signum));
    }

    /**
     * _PyErr_CheckSignalsTstate: runs the handler of each tripped signal, lowest number first. A
     * handler that raises leaves the signals after it tripped (the next check runs them) and its
     * exception goes on from here. Call only on the main thread, with the interpreter lock, where
     * running Python code leaves every object whole.
     */
    void run() {
        Interpreter main = rt.mainInterpreter;
        main.signalsPending = false;
        long bits = tripped.getAndSet(0);
        Heap heap = rt.heap;
        for (int sig = 1; bits != 0 && sig < 64; sig++) {
            long bit = 1L << sig;
            if ((bits & bit) == 0) continue;
            bits &= ~bit;
            try {
                callHandler(heap, sig);
            } catch (PyException e) {
                if (bits != 0) {
                    long rest = bits;
                    tripped.getAndUpdate(b -> b | rest);
                    main.signalsPending = true;
                    main.breaker = true;
                }
                throw e;
            }
        }
    }

    private void callHandler(Heap heap, int sig) {
        if (handlers == 0) {
            if (sig == SIGINT) throw rt.error("KeyboardInterrupt", null);
            return;  // nothing routes another signal here before _signal exists
        }
        long func = ListType.item(handlers, sig);
        if (func == heap.None || heap.typeOf(func) == heap.ints && isDispositionValue(heap, func)) {
            // the handler was changed back between the signal's arrival and now
            rt.writeUnraisable(rt.error("OSError", "Signal " + sig + " ignored due to race condition").exc(), null, heap.None);
            return;
        }
        heap.incref(func);
        try {
            Frame f = rt.interpreter.current;
            long frame = f != null ? rt.frameType.of(f) : Builtins.incref(heap, heap.None);
            long signum = heap.ints.of(sig);
            try {
                heap.decref(rt.ops.call0(func, signum, frame));
            } finally {
                heap.decref(signum);
                heap.decref(frame);
            }
        } finally {
            heap.decref(func);
        }
    }

    private static boolean isDispositionValue(Heap heap, long v) {
        if (!dev.refheap.object.IntType.fitsLong(v)) return false;
        long x = dev.refheap.object.IntType.asLong(v);
        return x == SIG_DFL || x == SIG_IGN;
    }
}
