package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.TupleType;
import java.util.function.BooleanSupplier;

/**
 * The program's threads (CPython 3.11's _thread.start_new_thread and t_bootstrap, PyThreadState_Clear,
 * Py_BEGIN/END_ALLOW_THREADS): each Python thread is a Java platform thread (a daemon: the process
 * never waits for one; threading._shutdown joins the non-daemon ones at exit) with its own thread
 * state ({@link Interpreter}) that runs only while it holds the {@link Gil}.
 *
 * <h2>A thread's life</h2>
 * started (its state made, a root provider, holding {@code func}, {@code args}, {@code kwargs}: the
 * bootstate's references) → running (it took the interpreter lock: {@code _thread._count()} counts
 * it) → the call returned or raised (uncaught: "Exception ignored in thread started by", SystemExit
 * silent) → the bootstate's references released, uncounted, the state cleared as
 * PyThreadState_Clear does (its dict, its context, then the {@code _set_sentinel} lock released so
 * a join waiting on it returns) → the lock given up for good, the state no longer a root.
 *
 * <h2>Blocking</h2>
 * {@link #releaseLock}/{@link #reacquireLock} bracket a wait that touches no Python object (a sleep,
 * a wait for a Python lock); while no second thread was ever started they do nothing.
 */
final class Threads {
    private Threads() {}

    /** A new thread's Java stack (the interpreter keeps its own stack flat; Java recursion is bounded by NESTED_DEPTH). */
    private static final long DEFAULT_STACK = 256L << 20;

    /** The bootstate of a started thread: the references the thread state holds until the call (roots). */
    static final class Boot {
        long func, args, kwargs;
    }

    /**
     * _thread.start_new_thread: takes references to {@code func}, {@code args} (a tuple) and
     * {@code kwargs} (a dict or 0), starts the thread, returns its ident.
     */
    static long start(Runtime rt, long func, long args, long kwargs, long stackSize) {
        var heap = rt.heap;
        Gil gil = rt.gil;
        if (!gil.active) rt.mainIdent = Thread.currentThread().threadId();
        gil.activate(rt.interpreter);
        Interpreter t = new Interpreter(rt, false);
        t.typesReady();
        t.compileAt = rt.interpreter.compileAt;
        t.loopAt = rt.interpreter.loopAt;
        t.compileLimit = rt.interpreter.compileLimit;
        Boot boot = new Boot();
        heap.incref(func);
        heap.incref(args);
        if (kwargs != 0) heap.incref(kwargs);
        boot.func = func;
        boot.args = args;
        boot.kwargs = kwargs;
        t.boot = boot;
        t.parkedAtRest = true;  // holds nothing the roots do not report
        heap.addRootProvider(t);
        gil.addThread(t);
        Thread jt = new Thread(null, () -> run(rt, t), "Thread-py", stackSize > 0 ? stackSize : DEFAULT_STACK);
        jt.setDaemon(true);
        t.ident = jt.threadId();
        try {
            jt.start();
        } catch (OutOfMemoryError | IllegalThreadStateException e) {
            gil.removeThread(t);
            heap.removeRootProvider(t);
            t.boot = null;
            heap.decref(boot.func);
            heap.decref(boot.args);
            heap.xdecref(boot.kwargs);
            throw rt.error("RuntimeError", "can't start new thread");
        }
        return t.ident;
    }

    /** t_bootstrap on the new Java thread. */
    private static void run(Runtime rt, Interpreter t) {
        var heap = rt.heap;
        rt.gil.take(t);
        t.running = true;
        t.parkedAtRest = false;
        Boot boot = t.boot;
        try {
            try {
                heap.decref(call(rt, t, boot));
            } catch (PyException e) {
                if (rt.ops.isInstance(e.exc(), rt.exceptionType("SystemExit"))) heap.decref(e.exc());
                else rt.writeUnraisable(e.exc(), "Exception ignored in thread started by", boot.func);
            }
            t.boot = null;
            heap.decref(boot.func);
            heap.decref(boot.args);
            heap.xdecref(boot.kwargs);
            t.running = false;
            clear(rt, t);
        } catch (PyException e) {
            // the state's clearing ran a __del__ or callback that raised past its own report
            heap.decref(e.exc());
        } catch (RuntimeException | Error e) {
            // a failure inside refheap: reported on stderr, as an internal error of the thread
            rt.err.println("refheap: internal error in a thread: " + e);
            rt.err.flush();
        } finally {
            t.running = false;
            heap.removeRootProvider(t);
            rt.gil.exit(t);
            rt.gil.lockReleased();  // the sentinel, or locks the state's clearing released
        }
    }

    /**
     * PyObject_Call(func, args, kwargs). A Python function (or a method of one) called with
     * positional arguments gets them moved into its frame, so its bytecode boundaries are points
     * of rest for --gc-stress as the main module's are; anything else goes through the general call.
     */
    private static long call(Runtime rt, Interpreter t, Boot boot) {
        var heap = rt.heap;
        long func = boot.func, args = boot.args;
        int n = (int) TupleType.size(args);
        if (boot.kwargs == 0 || dev.refheap.object.DictType.size(boot.kwargs) == 0) {
            long fn = func, self = 0;
            if (heap.typeOf(func) == rt.methodType) {
                fn = MethodType.func(func);
                self = MethodType.self(func);
            }
            if (heap.typeOf(fn) == rt.functionType) {
                int k = self != 0 ? 1 : 0;
                long[] a = new long[n + k];
                if (self != 0) a[0] = self;
                for (int i = 0; i < n; i++) a[k + i] = TupleType.item(args, i);
                for (long x : a) heap.incref(x);
                heap.incref(fn);
                return t.callFunction(fn, a, 0, n + k, 0, true);
            }
        }
        return new VmApi(rt).callWith(func, args, boot.kwargs);
    }

    /** PyThreadState_Clear's releases, in its order: the dict, the profile and trace functions, the context, then the sentinel lock. */
    private static void clear(Runtime rt, Interpreter t) {
        var heap = rt.heap;
        long d = t.tsDict;
        t.tsDict = 0;
        heap.xdecref(d);
        long p = t.profileObj, tr = t.traceObj;  // c_profileobj, c_traceobj
        t.profileObj = t.traceObj = 0;
        t.useTracing = false;
        heap.xdecref(p);
        heap.xdecref(tr);
        long c = t.context;
        t.context = 0;
        heap.xdecref(c);
        long h = rt.handledException;
        rt.handledException = 0;
        heap.xdecref(h);
        releaseSentinel(rt, t);
    }

    /** release_sentinel: the lock _set_sentinel made, if still alive and locked, is released; its weakref goes. */
    static void releaseSentinel(Runtime rt, Interpreter t) {
        long wr = t.sentinel;
        if (wr == 0) return;
        t.sentinel = 0;
        long lock = dev.refheap.object.WeakrefType.referent(wr);
        if (lock != rt.heap.None) Native.putLongVolatile(lock + SENTINEL_LOCKED, 0);
        rt.heap.decref(wr);
        rt.gil.lockReleased();
    }

    /** lockobject's {@code locked} byte, the low byte of the word _thread's LockType takes atomically. */
    static final int SENTINEL_LOCKED = 32;

    /** _set_sentinel: the running thread state keeps a weak reference to {@code lock} and releases it when the thread ends. */
    static void setSentinel(Runtime rt, long lock) {
        Interpreter t = rt.interpreter;
        long old = t.sentinel;
        t.sentinel = rt.heap.weakrefs.newRef(lock, 0);
        rt.heap.xdecref(old);
    }

    /** Py_BEGIN_ALLOW_THREADS: gives the interpreter lock up (when threads exist); returns what {@link #reacquireLock} takes. */
    static Interpreter releaseLock(Runtime rt) {
        if (!rt.gil.active) return null;
        Interpreter t = rt.interpreter;
        rt.gil.drop(t);
        return t;
    }

    /** Py_END_ALLOW_THREADS. */
    static void reacquireLock(Runtime rt, Interpreter t) {
        if (t != null) rt.gil.take(t);
    }

    /** How long one wait lasts at most before Ctrl-C is looked at. */
    private static final long SLICE = 20_000_000L;

    /**
     * acquire_timed: {@code tryTake} (an atomic take of a lock's word: it runs without the
     * interpreter lock too) until it succeeds; {@code timeout} nanoseconds, negative for ever, 0
     * not at all. The wait runs without the interpreter lock, woken by lock releases; a thread
     * that takes the lock holds it while it waits for the interpreter lock, as CPython's waiter
     * owns the OS lock once its wait ends. On the main thread a signal's handler runs during the
     * wait and the wait goes on after it, as in python3: Ctrl-C's default handler raises
     * KeyboardInterrupt, which ends it. With one thread a wait for ever on a
     * held lock hangs, as in python3.
     */
    static boolean acquire(Runtime rt, BooleanSupplier tryTake, long timeout) {
        if (tryTake.getAsBoolean()) return true;
        if (timeout == 0) return false;
        Interpreter me = rt.interpreter;
        boolean forever = timeout < 0;
        long deadline = System.nanoTime() + timeout;
        while (true) {
            boolean taken = false, timedOut = false;
            Interpreter released = releaseLock(rt);
            try {
                while (!me.interruptDue()) {
                    long version = rt.gil.lockVersion();
                    if (released != null ? rt.gil.tryTakeUnlocked(tryTake) : tryTake.getAsBoolean()) {
                        taken = true;
                        break;
                    }
                    long left = forever ? SLICE : Math.min(SLICE, deadline - System.nanoTime());
                    if (left <= 0) {
                        timedOut = true;
                        break;
                    }
                    if (released != null) rt.gil.awaitLockRelease(version, left);
                    else sleepQuietly(left);
                }
            } finally {
                reacquireLock(rt, released);
            }
            if (taken || timedOut) return taken;
            // acquire_timed: the signal handlers run (Ctrl-C's raises), then the wait goes on
            me.takeInterrupts();
        }
    }

    private static void sleepQuietly(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * wait_for_thread_shutdown: at exit, threading._shutdown() joins the non-daemon threads (if
     * threading was imported); an error is reported as "Exception ignored on threading shutdown".
     */
    static void shutdown(Runtime rt) {
        long threading = rt.heap.dicts.getItem(rt.sysModules, "threading");
        if (threading == 0) return;
        rt.heap.incref(threading);
        try {
            rt.heap.decref(rt.ops.callMethod(threading, "_shutdown"));
        } catch (PyException e) {
            rt.writeUnraisable(e.exc(), null, threading);
        } finally {
            rt.heap.decref(threading);
        }
    }

    /**
     * faulthandler.dump_traceback's text: each thread's frames, most recent first (the other
     * threads' first, then the current one's), as 3.11's faulthandler writes them.
     */
    static String dumpTracebacks(Runtime rt, boolean allThreads) {
        StringBuilder b = new StringBuilder();
        Interpreter me = rt.interpreter;
        if (!allThreads) {
            b.append("Stack (most recent call first):\n");
            frames(b, me);
            return b.toString();
        }
        java.util.List<Interpreter> all = new java.util.ArrayList<>();
        if (rt.mainInterpreter != me) all.add(rt.mainInterpreter);
        for (Interpreter t : rt.gil.threads()) if (t != me) all.add(t);
        java.util.Collections.reverse(all);  // the newest thread first, as the interpreter's list of thread states
        for (Interpreter t : all) {
            b.append(String.format("Thread 0x%016x (most recent call first):\n", t.main ? rt.mainIdent : t.ident));
            frames(b, t);
            b.append('\n');
        }
        b.append(String.format("Current thread 0x%016x (most recent call first):\n", Thread.currentThread().threadId()));
        frames(b, me);
        return b.toString();
    }

    private static void frames(StringBuilder b, Interpreter t) {
        if (t.current == null) b.append("  <no Python frame>\n");
        for (Frame f = t.current; f != null; f = f.back) {
            b.append("  File \"").append(f.code.unit.filename()).append("\", line ").append(f.line()).append(" in ")
                    .append(f.code.unit.name()).append('\n');
        }
    }
}
