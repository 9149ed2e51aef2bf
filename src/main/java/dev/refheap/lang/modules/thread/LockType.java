package dev.refheap.lang.modules.thread;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.PyType;
import java.math.BigInteger;

/**
 * {@code _thread.lock}: CPython 3.11's lockobject, a GC heap type (its type object a heap object, instances hold it),
 * 40 bytes plus the GC head:
 * <pre> refcnt | type | lock_lock (the OS lock; refheap: unused, 0) | in_weakreflist | locked (char) </pre>
 * tracked from creation; traverse visits the type only.
 *
 * <p>The lock's state is the {@code locked} byte, taken atomically with its padding word (so a
 * thread waiting without the interpreter lock takes it the moment it is released, as CPython's OS
 * lock is). Acquiring a free lock takes it; a held one is waited for without the interpreter lock
 * ({@link VmApi#acquireLock}: other threads run, a release wakes the waiters), for the timeout or
 * for ever (with one thread that hangs, as python3 does; Ctrl-C ends the wait).
 */
final class LockType extends FieldsType {
    static final int LOCK_LOCK = 16, WEAKREFLIST = 24, LOCKED = 32;
    /** A timeout of -1 (wait forever) as _PyTime_t nanoseconds. */
    static final long UNSET = -1_000_000_000L;
    /** PY_TIMEOUT_MAX (microseconds) in nanoseconds, saturated. */
    private static final long TIMEOUT_MAX_NS = Long.MAX_VALUE / 1000 * 1000;
    private static final String[] ACQUIRE = {"blocking", "timeout"};

    LockType(VmApi vm) {
        super(vm, "_thread.lock", PyType.HAVE_GC | PyType.HEAPTYPE, 40, WEAKREFLIST);
        cpythonFlags(0x5380);  // HAVE_GC | READY | HEAPTYPE | IMMUTABLETYPE | DISALLOW_INSTANTIATION
    }

    @Override
    protected boolean heapTypeInstances() { return true; }

    long create() {
        long o = alloc();
        heap.track(o);
        return o;
    }

    static boolean locked(long o) { return dev.refheap.memory.Native.getByte(o + LOCKED) != 0; }

    /** Takes a free lock: the word at {@code locked} (the byte and its padding) from 0 to 1, atomically (any thread). */
    static boolean tryTake(long o) { return dev.refheap.memory.Native.casLong(o + LOCKED, 0, 1); }

    /** Frees the lock (a volatile store: a waiter without the interpreter lock sees it). */
    static void unlock(long o) { dev.refheap.memory.Native.putLongVolatile(o + LOCKED, 0); }

    /**
     * lock_acquire_parse_args: {@code (blocking=True, timeout=-1)} as a timeout in nanoseconds
     * (0: do not block; {@link #UNSET}: forever), with 3.11's errors.
     */
    static long parseAcquire(VmApi vm, long[] a, int off, int n, long kwnames) {
        long[] p = Params.parse(vm, "acquire", ACQUIRE, 0, 2, 0, a, off, n, kwnames);
        boolean blocking = true;
        if (p[0] != 0) {
            BigInteger b = vm.asIndex(p[0]);
            if (b.bitLength() > 31) {
                throw vm.error("OverflowError", "signed integer is " + (b.signum() > 0 ? "greater than maximum" : "less than minimum"));
            }
            blocking = b.signum() != 0;
        }
        long timeout = p[1] == 0 ? UNSET : vm.timeoutNanos(p[1]);
        if (!blocking && timeout != UNSET) throw vm.error("ValueError", "can't specify a timeout for a non-blocking call");
        if (timeout < 0 && timeout != UNSET) throw vm.error("ValueError", "timeout value must be positive");
        if (!blocking) return 0;
        if (timeout != UNSET && timeout > TIMEOUT_MAX_NS) throw vm.error("OverflowError", "timeout value is too large");
        return timeout;
    }

    /** lock.acquire(...): True when taken. */
    long acquire(long o, long[] a, int off, int n, long kwnames) {
        long timeout = parseAcquire(vm, a, off, n, kwnames);
        return vm.incref(vm.acquireLock(() -> tryTake(o), timeout == UNSET ? -1 : timeout) ? heap.True : heap.False);
    }

    long release(long o) {
        if (!locked(o)) throw vm.error("RuntimeError", "release unlocked lock");
        unlock(o);
        vm.lockReleased();
        return vm.incref(heap.None);
    }

    @Override
    public String reprOf(long o) {
        return "<" + (locked(o) ? "locked" : "unlocked") + " _thread.lock object at 0x" + Long.toHexString(o) + ">";
    }

    /** The dict's entries in lock_type_spec's order: tp_repr's wrapper, then lock_methods. */
    void install() {
        defSlotWrapper("__repr__", (s, a, o, n, kw) -> {
            Params.unpack(vm, "__repr__", n, kw, 0, 0);
            return vm.str(reprOf(s));
        });
        for (String name : new String[] {"acquire_lock", "acquire", "release_lock", "release", "locked_lock", "locked", "__enter__", "__exit__"}) {
            switch (name) {
                case "acquire_lock", "acquire", "__enter__" -> defMethod(name, (s, a, o, n, kw) -> acquire(s, a, o, n, kw));
                case "release_lock", "release" -> defMethod(name, (s, a, o, n, kw) -> {
                    Params.noArgs(vm, "lock." + name, n, kw);
                    return release(s);
                });
                case "__exit__" -> defMethod("__exit__", (s, a, o, n, kw) -> release(s));
                default -> defMethod(name, (s, a, o, n, kw) -> {
                    Params.noArgs(vm, "lock." + name, n, kw);
                    return vm.incref(locked(s) ? heap.True : heap.False);
                });
            }
        }
        defMethod("_at_fork_reinit", (s, a, o, n, kw) -> {
            unlock(s);
            vm.lockReleased();
            return vm.incref(heap.None);
        });
    }
}
