package dev.refheap.lang.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The interpreter lock (CPython 3.11's GIL, Python/ceval_gil.c): one Python thread at a time
 * touches the heap or runs bytecode. A Python thread is an {@link Interpreter} (its thread state:
 * frames, recursion depth, handled exception, thread-state dict, contextvars context); holding the
 * lock makes it the runtime's {@link Runtime#interpreter} (3.11's _PyThreadState_Swap), and
 * {@link Runtime#handledException}, the one per-thread field the runtime keeps, is saved into the
 * thread state on release and restored on acquire.
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>{@link #holder} is the thread state that runs, or null while the lock is free; it only
 *       changes under this object's monitor. The heap and every Python object are touched only by
 *       the holder's Java thread.</li>
 *   <li>Until a program starts its first thread the lock is not {@link #active}: the runtime's one
 *       thread owns everything, as before, and nothing on any path pays more than the checks of a
 *       plain boolean.</li>
 *   <li>A thread that waits longer than the switch interval (sys.setswitchinterval, 5 ms by
 *       default) sets the holder's drop request and eval breaker ({@link Interpreter#breaker}); the
 *       holder gives the lock up at its next breaker point (a call entering a Python frame, a
 *       backward jump) and waits until another thread has taken it (3.11's FORCE_SWITCHING).</li>
 *   <li>Once the runtime finalizes ({@link #finalizing}), a thread other than the finalizing one
 *       that asks for the lock never gets it: it parks for good (3.11's daemon threads at exit stop
 *       when they next ask for the GIL), and the finalizing thread no longer gives it up.</li>
 * </ul>
 *
 * <h2>States</h2>
 * inactive (one thread) → active (threads exist or existed) → finalizing.
 */
final class Gil {
    private final Runtime rt;
    /** The thread state that runs; null while the lock is free. Guarded by this. */
    private Interpreter holder;
    /** Incremented at every hand-over (3.11's gil->switch_number). Guarded by this. */
    private long switches;
    /** Threads waiting for the lock. Guarded by this. */
    private int waiting;
    /** A second thread was started: blocking operations release the lock. */
    volatile boolean active;
    /** sys.getswitchinterval() in microseconds (3.11 keeps microseconds too). */
    volatile long intervalMicros = 5000;
    /** The thread that finalizes the runtime; others asking for the lock park forever. Guarded by this. */
    private Interpreter finalizing;
    /** Thread states of the threads started by the program, alive (main not among them). Guarded by this. */
    private final List<Interpreter> threads = new ArrayList<>();
    /** For waits on Python locks: incremented, under its own monitor, when one is released. */
    private final Object lockEvents = new Object();
    private long lockVersion;
    /** The heap is closing: no thread may touch its memory, not even a lock's word. Guarded by lockEvents. */
    private boolean heapClosing;

    Gil(Runtime rt) { this.rt = rt; }

    /** The first thread is starting: the running thread state ({@code main}) holds the lock from now on. */
    synchronized void activate(Interpreter main) {
        if (active) return;
        holder = main;
        active = true;
    }

    synchronized void addThread(Interpreter t) { threads.add(t); }

    synchronized void removeThread(Interpreter t) { threads.remove(t); }

    /** The thread states of the program's other threads, alive (for roots and sys._current_frames). */
    synchronized List<Interpreter> threads() { return new ArrayList<>(threads); }

    /** --gc-stress: every thread state but {@code running} waits holding only what the roots report. */
    synchronized boolean othersAtRest(Interpreter running, Interpreter main) {
        if (!active) return true;
        if (main != running && !main.parkedAtRest) return false;
        for (Interpreter t : threads) if (t != running && !t.parkedAtRest) return false;
        return true;
    }

    /** The number of threads started and not yet ended (_thread._count()). */
    synchronized int count() {
        int n = 0;
        for (Interpreter t : threads) if (t.running) n++;
        return n;
    }

    /**
     * take_gil: waits for the lock, asking the holder to drop it every switch interval, then makes
     * {@code t} the running thread state. Never returns once the runtime finalizes on another thread.
     */
    void take(Interpreter t) {
        boolean parked = false;
        synchronized (this) {
            waiting++;
            try {
                while (true) {
                    if (finalizing != null && finalizing != t) {
                        parked = true;
                        break;
                    }
                    if (holder == null) break;
                    long seen = switches;
                    long intervalNanos = Math.max(1, intervalMicros) * 1000;
                    long deadline = System.nanoTime() + intervalNanos;
                    long left = intervalNanos;
                    while (holder != null && switches == seen && left > 0 && finalizing == null) {
                        waitNanos(left);
                        left = deadline - System.nanoTime();
                    }
                    if (holder != null && switches == seen && finalizing == null) {
                        Interpreter h = holder;
                        h.dropRequest = true;  // SET_GIL_DROP_REQUEST
                        h.breaker = true;
                    }
                }
                if (!parked) {
                    holder = t;
                    switches++;
                    t.dropRequest = false;
                    notifyAll();  // a thread that dropped the lock on request waits for this hand-over
                }
            } finally {
                waiting--;
            }
        }
        if (parked) parkForever();
        rt.interpreter = t;
        rt.handledException = t.savedHandled;
    }

    /** drop_gil: saves {@code t}'s per-thread runtime state and frees the lock for a waiting thread. */
    void drop(Interpreter t) {
        t.savedHandled = rt.handledException;
        synchronized (this) {
            if (holder != t) throw new IllegalStateException("the interpreter lock is not held by this thread");
            holder = null;
            notifyAll();
        }
    }

    /**
     * The eval breaker's drop request: gives the lock up, waits until another thread has taken it
     * (so the same thread cannot win it straight back), then waits to take it again.
     */
    void yieldToWaiting(Interpreter t) {
        synchronized (this) {
            t.dropRequest = false;
            if (finalizing == t || waiting == 0 || holder != t) return;
            t.savedHandled = rt.handledException;
            holder = null;
            long seen = switches;
            notifyAll();
            while (switches == seen && waiting > 0 && finalizing == null) waitNanos(1_000_000);
        }
        take(t);
    }

    /** The runtime finalizes on {@code t}'s thread: from now on no other thread gets the lock. */
    synchronized void finalizeOn(Interpreter t) {
        finalizing = t;
        notifyAll();
    }

    /**
     * The runtime closes its heap on {@code t}'s thread: finalizing as {@link #finalizeOn}, and
     * threads waiting for a Python lock stop touching lock words (the arenas are about to go).
     */
    void closeHeap(Interpreter t) {
        finalizeOn(t);
        synchronized (lockEvents) {
            heapClosing = true;
            lockEvents.notifyAll();
        }
    }

    /** A take of a Python lock's word by a thread without the interpreter lock; false once the heap closes. */
    boolean tryTakeUnlocked(java.util.function.BooleanSupplier tryTake) {
        synchronized (lockEvents) {
            return !heapClosing && tryTake.getAsBoolean();
        }
    }

    /** A thread ends: it gives the lock up for good. */
    void exit(Interpreter t) {
        synchronized (this) {
            threads.remove(t);
            if (holder == t) {
                holder = null;
                notifyAll();
            }
        }
    }

    /** Whether a lock was released since {@code version} was read (waits on Python locks). */
    long lockVersion() {
        synchronized (lockEvents) {
            return lockVersion;
        }
    }

    /** A Python lock was released (or a thread's sentinel): waiters look again. */
    void lockReleased() {
        if (!active) return;
        synchronized (lockEvents) {
            lockVersion++;
            lockEvents.notifyAll();
        }
    }

    /** Waits (without the interpreter lock) at most {@code nanos} for a lock release after {@code version}. */
    void awaitLockRelease(long version, long nanos) {
        synchronized (lockEvents) {
            if (lockVersion != version || nanos <= 0 || heapClosing) return;
            try {
                lockEvents.wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void waitNanos(long nanos) {
        try {
            wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.interrupted();  // a Python thread is never interrupted by Java; keep waiting
        }
    }

    private static void parkForever() {
        while (true) LockSupport.park();
    }
}
