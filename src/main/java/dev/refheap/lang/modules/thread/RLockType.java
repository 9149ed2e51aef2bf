package dev.refheap.lang.modules.thread;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import java.math.BigInteger;

/**
 * {@code _thread.RLock}: CPython 3.11's rlockobject, a GC heap type (instances hold their type),
 * 48 bytes plus the GC head:
 * <pre> refcnt | type | rlock_lock (refheap: the underlying lock's word, 1 while held) | rlock_owner (thread id) | rlock_count | in_weakreflist </pre>
 * States: free (count 0, owner 0) or held (count ≥ 1 by owner). The underlying lock is held exactly
 * when count is not 0; a thread that does not own it takes the underlying lock atomically, waiting
 * without the interpreter lock ({@link VmApi#acquireLock}).
 */
final class RLockType extends FieldsType {
    static final int LOCK = 16, OWNER = 24, COUNT = 32, WEAKREFLIST = 40;

    RLockType(VmApi vm) {
        super(vm, "_thread.RLock", PyType.HAVE_GC | PyType.BASETYPE | PyType.HEAPTYPE, 48, WEAKREFLIST);
        cpythonFlags(0x5700);  // HAVE_GC | READY | BASETYPE | HEAPTYPE | IMMUTABLETYPE
    }

    @Override
    protected boolean heapTypeInstances() { return true; }

    /** rlock_type_spec has Py_TPFLAGS_BASETYPE: threading's RLock may be derived from (class R(_thread.RLock)). */
    @Override
    public boolean allowsPythonSubclasses() { return true; }

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        long o = alloc();
        heap.track(o);
        return o;
    }

    private long me() { return ThreadModule.ident(); }

    /** The underlying lock (the rlock_lock word: 1 while held, taken atomically) is released; waiters look again. */
    private void freeInner(long o) {
        dev.refheap.memory.Native.putLongVolatile(o + LOCK, 0);
        vm.lockReleased();
    }

    private long bool(boolean b) { return vm.incref(b ? heap.True : heap.False); }

    /** acquire_timed on the underlying lock, then ownership taken. */
    private boolean take(long o, long timeout, long owner, long count) {
        if (!vm.acquireLock(() -> dev.refheap.memory.Native.casLong(o + LOCK, 0, 1), timeout == LockType.UNSET ? -1 : timeout)) return false;
        put(o, OWNER, owner);
        put(o, COUNT, count);
        return true;
    }

    long acquire(long o, long[] a, int off, int n, long kwnames) {
        long timeout = LockType.parseAcquire(vm, a, off, n, kwnames);
        if (get(o, COUNT) > 0 && get(o, OWNER) == me()) {
            long count = get(o, COUNT) + 1;
            if (count == 0) throw vm.error("OverflowError", "Internal lock count overflowed");
            put(o, COUNT, count);
            return bool(true);
        }
        return bool(take(o, timeout, me(), 1));
    }

    long release(long o) {
        if (get(o, COUNT) == 0 || get(o, OWNER) != me()) throw vm.error("RuntimeError", "cannot release un-acquired lock");
        long count = get(o, COUNT) - 1;
        put(o, COUNT, count);
        if (count == 0) {
            put(o, OWNER, 0);
            freeInner(o);
        }
        return vm.incref(heap.None);
    }

    @Override
    public String reprOf(long o) {
        long count = get(o, COUNT);
        return "<" + (count != 0 ? "locked" : "unlocked") + " " + vm.typeName(o) + " object owner=" + Long.toUnsignedString(get(o, OWNER))  // the type: Py_TYPE(self)->tp_name
                + " count=" + Long.toUnsignedString(count) + " at 0x" + Long.toHexString(o) + ">";
    }

    /** An unsigned long argument ("k" of _acquire_restore's "(kk)"). */
    private long unsignedLong(long v) {
        if (!vm.isInt(v)) throw vm.error("TypeError", "an integer is required");
        BigInteger b = vm.asIndex(v);
        return b.longValue();
    }

    /** The dict's entries in rlock_type_spec's order: tp_new's {@code __new__}, tp_repr's wrapper, then rlock_methods. */
    void install() {
        defTypeNew();
        defSlotWrapper("__repr__", (s, a, o, n, kw) -> {
            Params.unpack(vm, "__repr__", n, kw, 0, 0);
            return vm.str(reprOf(s));
        });
        defMethod("acquire", this::acquire);
        defMethod("release", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "RLock.release", n, kw);
            return release(s);
        });
        defMethod("_is_owned", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "RLock._is_owned", n, kw);
            return bool(get(s, COUNT) > 0 && get(s, OWNER) == me());
        });
        defMethod("_acquire_restore", (s, a, o, n, kw) -> {
            Params.unpack(vm, "_acquire_restore", n, kw, 1, 1);
            long state = a[o];
            boolean list = heap.typeOf(state) == heap.lists;
            if (heap.typeOf(state) != heap.tuples && !list) {  // "(kk)": a tuple or list of two
                throw vm.error("TypeError", "_acquire_restore() argument 1 must be 2-item sequence, not " + vm.typeName(state));
            }
            long size = list ? dev.refheap.object.ListType.size(state) : TupleType.size(state);
            if (size != 2) throw vm.error("TypeError", "_acquire_restore() argument 1 must be sequence of length 2, not " + size);
            long count = unsignedLong(list ? dev.refheap.object.ListType.item(state, 0) : TupleType.item(state, 0));
            long owner = unsignedLong(list ? dev.refheap.object.ListType.item(state, 1) : TupleType.item(state, 1));
            take(s, LockType.UNSET, owner, count);
            return vm.incref(heap.None);
        });
        defMethod("_release_save", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "RLock._release_save", n, kw);
            if (get(s, COUNT) == 0) throw vm.error("RuntimeError", "cannot release un-acquired lock");
            long t = heap.tuples.alloc(2);
            TupleType.setItemSteal(t, 0, heap.ints.of(BigInteger.valueOf(get(s, COUNT)).and(MASK)));
            TupleType.setItemSteal(t, 1, heap.ints.of(BigInteger.valueOf(get(s, OWNER)).and(MASK)));
            put(s, COUNT, 0);
            put(s, OWNER, 0);
            freeInner(s);
            return t;
        });
        defMethod("_recursion_count", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "RLock._recursion_count", n, kw);
            return vm.newInt(get(s, OWNER) == me() ? get(s, COUNT) : 0);
        });
        defMethod("__enter__", this::acquire);
        defMethod("__exit__", (s, a, o, n, kw) -> release(s));
        defMethod("_at_fork_reinit", (s, a, o, n, kw) -> {
            put(s, COUNT, 0);
            put(s, OWNER, 0);
            freeInner(s);
            return vm.incref(heap.None);
        });
    }

    private static final BigInteger MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
}
