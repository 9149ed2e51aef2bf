package dev.refheap.lang.importer;

import dev.refheap.lang.vm.VmApi;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-module import locks of CPython 3.11's importlib._bootstrap ({@code _ModuleLock},
 * {@code _get_module_lock}, {@code _lock_unlock_module}): a thread that imports a module holds
 * that module's lock while it finds and runs it, so a second thread importing the same module
 * waits for the first to finish instead of seeing it half initialised; a thread that finds a
 * module still initialising in sys.modules takes and gives back its lock (waits for it).
 *
 * <p>Each lock is re-entrant for its owner (a circular import within one thread goes on with the
 * partial module). A thread about to wait is entered in {@link #blockingOn}; if the owners'
 * chain of waits leads back to it, waiting would deadlock (two threads importing each other's
 * modules), and {@code _DeadlockError} is raised instead, which {@link #lockUnlock} swallows
 * (CPython then accepts the partially initialised module).
 *
 * <p>The locks are Java objects, not heap objects: CPython's _ModuleLock instances, their two
 * _thread locks and their weakrefs are not modelled (nor were they before). Waits go through the
 * interpreter lock's blocking wait ({@link VmApi#acquireLock}), which runs without the
 * interpreter lock; with one thread nothing ever waits.
 *
 * <p>States of a lock: free (count 0, no owner) → owned (owner, count ≥ 1, re-entered by the
 * owner) → free; it leaves the table when free with no waiter. Invariants: {@code owner} and
 * {@code count} change under the lock's monitor only; the table changes only under the
 * interpreter lock.
 */
final class ModuleLocks {
    static final class Lock {
        final String name;
        long owner;
        int count;
        int waiters;

        Lock(String name) { this.name = name; }

        synchronized boolean tryTake(long tid) {
            if (count == 0 || owner == tid) {
                owner = tid;
                count++;
                return true;
            }
            return false;
        }

        synchronized long owner() { return count == 0 ? 0 : owner; }
    }

    /** A deadlock was detected (raised as importlib's {@code _DeadlockError} by the importer). */
    static final class DeadlockException extends RuntimeException {
        DeadlockException(String message) { super(message, null, false, false); }
    }

    private final VmApi vm;
    private final Map<String, Lock> locks = new HashMap<>();
    /** Thread ident → the lock it waits for (importlib's _blocking_on). */
    private final Map<Long, Lock> blockingOn = new ConcurrentHashMap<>();

    ModuleLocks(VmApi vm) { this.vm = vm; }

    /** Whether no module lock is held or waited for (no import is running). */
    boolean idle() { return locks.isEmpty() && blockingOn.isEmpty(); }

    static long currentThread() { return Thread.currentThread().threadId(); }

    /** _ModuleLock.acquire: the lock of {@code name}, taken (waiting for its owner); throws DeadlockException. */
    Lock acquire(String name) {
        Lock lock = locks.computeIfAbsent(name, Lock::new);
        long me = currentThread();
        if (lock.tryTake(me)) return lock;
        blockingOn.put(me, lock);
        lock.waiters++;
        try {
            if (hasDeadlock(lock, me)) throw new DeadlockException("deadlock detected by _ModuleLock('" + name + "')");
            vm.acquireLock(() -> lock.tryTake(me), -1);
            return lock;
        } finally {
            lock.waiters--;
            blockingOn.remove(me);
        }
    }

    /** _ModuleLock.release by its owner; the lock leaves the table once free and unwaited. */
    void release(Lock lock) {
        boolean free;
        synchronized (lock) {
            if (lock.count == 0 || lock.owner != currentThread()) throw vm.error("RuntimeError", "cannot release un-acquired lock");
            free = --lock.count == 0;
        }
        if (!free) return;
        if (lock.waiters == 0 && locks.get(lock.name) == lock) locks.remove(lock.name);
        vm.lockReleased();
    }

    /** _lock_unlock_module: waits until no other thread imports {@code name}; a deadlock is let pass. */
    void lockUnlock(String name) {
        Lock lock;
        try {
            lock = acquire(name);
        } catch (DeadlockException e) {
            return;  // a concurrent circular import: the partially initialised module it is
        }
        release(lock);
    }

    /** _ModuleLock.has_deadlock: the chain owner → the lock it waits for → its owner ... reaches {@code me}. */
    private boolean hasDeadlock(Lock lock, long me) {
        long tid = lock.owner();
        Set<Long> seen = new HashSet<>();
        while (true) {
            Lock waitingFor = blockingOn.get(tid);
            if (waitingFor == null) return false;
            tid = waitingFor.owner();
            if (tid == me) return true;
            if (!seen.add(tid)) return false;
        }
    }
}
