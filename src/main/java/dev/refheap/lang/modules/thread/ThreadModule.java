package dev.refheap.lang.modules.thread;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.Builtin;
import dev.refheap.lang.vm.ModuleImage;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code _thread} on refheap's one-thread heap (docs/architecture.md, "Contracts": a heap is
 * confined to the thread that created it). Locks, RLocks and thread-locals are CPython 3.11's
 * objects ({@link LockType}, {@link RLockType}, {@link LocalType}) as one thread sees them;
 * {@code start_new_thread} is refused with a RuntimeError that names it (no second thread can
 * run on the heap). {@code get_ident} is the interpreter thread's Java id, {@code get_native_id}
 * its Linux thread id. {@code _ExceptHookArgs} is the struct sequence threading's excepthook takes
 * and {@code _excepthook} prints it as 3.11's thread_excepthook does.
 */
public final class ThreadModule {
    private ThreadModule() {}

    /** 3.11's TIMEOUT_MAX: PY_TIMEOUT_MAX in seconds, capped by _PyTime_t and floored. */
    private static final double TIMEOUT_MAX = Math.floor(Long.MAX_VALUE / 1e9);
    /** THREAD_STACK_MIN (pthread builds). */
    private static final long STACK_MIN = 0x8000;
    private static final int SIGINT = 2, NSIG = 65;

    /**
     * The module state: its types (lock, RLock, the local's dummy, _local, _ExceptHookArgs) and
     * the stack size stack_size() set. A start-up image carries it (the image is taken with no
     * thread running): the stack size is its one Java-only value, the types are made again by
     * {@link #restore}.
     */
    static final class State implements ModuleImage {
        final LockType lock;
        final RLockType rlock;
        final LocalType.DummyType dummy;
        final LocalType local;
        final PyType hookArgs;
        long stackSize;

        State(LockType lock, RLockType rlock, LocalType.DummyType dummy, LocalType local, PyType hookArgs) {
            this.lock = lock;
            this.rlock = rlock;
            this.dummy = dummy;
            this.local = local;
            this.hookArgs = hookArgs;
        }

        @Override
        public java.util.List<? extends PyType> imageTypes() { return java.util.List.of(lock, rlock, dummy, local, hookArgs); }

        @Override
        public long[] imageValues() { return new long[] {stackSize}; }
    }

    /** PyThread_get_thread_ident for the interpreter's thread. */
    static long ident() { return Thread.currentThread().threadId(); }

    private static final String HOOK_ARGS = "_thread._ExceptHookArgs";
    private static final String[] HOOK_ARGS_FIELDS = {"exc_type", "exc_value", "exc_traceback", "thread"};

    /** The runtime's state, made (its types registered) on first use. */
    private static State state(VmApi vm) {
        return vm.moduleState("_thread", () -> {
            // heap types, made in thread_module_exec's order
            LockType lock = vm.registerType(new LockType(vm));
            lock.install();
            vm.readyHeapType(lock);
            RLockType rlock = vm.registerType(new RLockType(vm));
            rlock.install();
            vm.readyHeapType(rlock);
            LocalType.DummyType dummy = vm.registerType(new LocalType.DummyType(vm));
            vm.readyHeapType(dummy);
            LocalType local = vm.registerType(new LocalType(vm, dummy));
            local.install();
            vm.readyHeapType(local);
            PyType hookArgs = vm.newStructSeqType(HOOK_ARGS, 4, HOOK_ARGS_FIELDS);
            return new State(lock, rlock, dummy, local, hookArgs);
        });
    }

    /** The state made again for a runtime adopting a start-up image: the types' descriptors (their objects and methods' descriptors are the image's) and the stack size. */
    public static ModuleImage restore(VmApi vm, long[] values) {
        if (values.length != 1) throw new IllegalArgumentException("_thread's image state is its stack size, not " + values.length + " values");
        LockType lock = new LockType(vm);
        lock.defineForImage(lock::install);
        RLockType rlock = new RLockType(vm);
        rlock.defineForImage(rlock::install);
        LocalType.DummyType dummy = new LocalType.DummyType(vm);
        LocalType local = new LocalType(vm, dummy);
        local.defineForImage(local::install);
        State st = new State(lock, rlock, dummy, local, vm.structSeqTypeForImage(HOOK_ARGS, 4, HOOK_ARGS_FIELDS));
        st.stackSize = values[0];
        return st;
    }

    /**
     * The module's functions by name over the runtime's state (made first if it is not yet), and
     * {@code _localdummy_destroyed}, the thread-locals' callbacks' implementation: made from the
     * runtime alone, no object allocated once the state exists. {@link #create} defines the
     * functions from this table, and a runtime adopting a start-up image makes them again from it.
     */
    public static Map<String, Builtin> functions(VmApi vm) {
        State st = state(vm);
        Map<String, Builtin> f = new HashMap<>();
        f.put("_localdummy_destroyed", st.local.dummyDestroyed);
        f.put("_excepthook", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "_thread._excepthook", kw);
            if (n != 1) throw vm.error("TypeError", "_thread._excepthook() takes exactly one argument (" + n + " given)");
            return exceptHook(vm, st, a[o]);
        });
        for (String name : new String[] {"allocate_lock", "allocate"}) {
            f.put(name, (s, a, o, n, kw) -> {
                Params.noArgs(vm, "_thread." + name, n, kw);
                return st.lock.create();
            });
        }
        f.put("_set_sentinel", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "_thread._set_sentinel", n, kw);
            long lock = st.lock.create();
            vm.setThreadSentinel(lock);
            return lock;
        });
        for (String name : new String[] {"start_new_thread", "start_new"}) {
            f.put(name, (s, a, o, n, kw) -> startNewThread(vm, st, name, a, o, n, kw));
        }
        for (String name : new String[] {"exit", "exit_thread"}) {
            f.put(name, (s, a, o, n, kw) -> {
                Params.noArgs(vm, "_thread." + name, n, kw);
                throw vm.error("SystemExit", null);
            });
        }
        f.put("get_ident", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "_thread.get_ident", n, kw);
            return vm.newInt(ident());
        });
        f.put("get_native_id", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "_thread.get_native_id", n, kw);
            return vm.newInt(nativeId(vm));
        });
        f.put("_count", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "_thread._count", n, kw);
            return vm.newInt(vm.threadCount());
        });
        f.put("stack_size", (s, a, o, n, kw) -> {
            Params.unpack(vm, "stack_size", n, kw, 0, 1);
            long old = st.stackSize;
            long size = n == 0 ? 0 : Params.ssize(vm, a[o]);  // no argument: back to the default (0)
            if (size < 0) throw vm.error("ValueError", "size must be 0 or a positive value");
            if (size != 0 && size < STACK_MIN) throw vm.error("ValueError", "size not valid: " + size + " bytes");
            st.stackSize = size;
            return vm.newInt(old);
        });
        f.put("interrupt_main", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "interrupt_main", kw);
            if (n > 1) throw vm.error("TypeError", "signum() takes at most 1 argument (" + n + " given)");
            long signum = n == 0 ? SIGINT : Params.ssize(vm, a[o]);
            if (signum < 1 || signum >= NSIG) throw vm.error("ValueError", "signal number out of range");
            // PyErr_SetInterruptEx: a signal whose handler is a Python one is tripped as if it
            // arrived (SIG_DFL and SIG_IGN: nothing); on the main thread its handler runs at once,
            // as CPython's eval breaker does right after this call returns, from another thread the
            // main thread runs it at its next check or wait.
            vm.deliverOwnSignal((int) signum);
            return vm.incref(vm.heap.None);
        });
        return f;
    }

    public static long create(VmApi vm) {
        Map<String, Builtin> fns = functions(vm);
        State st = state(vm);
        long m = vm.newModule("_thread");
        long d = vm.moduleDict(m);
        vm.heap.dicts.setItem(d, "LockType", st.lock.typeObject());
        vm.heap.dicts.setItem(d, "RLock", st.rlock.typeObject());
        vm.heap.dicts.setItem(d, "_local", st.local.typeObject());
        vm.heap.dicts.setItem(d, "error", vm.exceptionType("RuntimeError").address());
        vm.heap.dicts.setItem(d, "_ExceptHookArgs", st.hookArgs.address());
        vm.def(m, "_excepthook", fns.get("_excepthook"));
        long tmax = vm.newFloat(TIMEOUT_MAX);
        vm.heap.dicts.setItem(d, "TIMEOUT_MAX", tmax);
        vm.heap.decref(tmax);
        for (String name : new String[] {"allocate_lock", "allocate", "_set_sentinel", "start_new_thread", "start_new", "exit", "exit_thread",
            "get_ident", "get_native_id", "_count", "stack_size", "interrupt_main"}) {
            vm.def(m, name, fns.get(name));
        }
        return m;
    }

    /** thread_PyThread_start_new_thread: (function, args[, kwargs]) checked as 3.11 does, then the thread started. */
    private static long startNewThread(VmApi vm, State st, String name, long[] a, int o, int n, long kw) {
        Params.noKeywords(vm, name, kw);
        if (n < 2 || n > 3) {
            throw vm.error("TypeError", "start_new_thread expected " + (n < 2 ? "at least 2" : "at most 3") + " arguments, got " + n);
        }
        long func = a[o], args = a[o + 1], kwargs = n == 3 ? a[o + 2] : 0;
        if (!vm.isCallable(func)) throw vm.error("TypeError", "first arg must be callable");
        if (vm.heap.typeOf(args) != vm.heap.tuples && !vm.isInstanceOf(args, vm.heap.tuples)) {
            throw vm.error("TypeError", "2nd arg must be a tuple");
        }
        if (kwargs != 0 && vm.heap.typeOf(kwargs) != vm.heap.dicts && !vm.isInstanceOf(kwargs, vm.heap.dicts)) {
            throw vm.error("TypeError", "optional 3rd arg must be a dictionary");
        }
        return vm.newInt(vm.startThread(func, args, kwargs, st.stackSize));
    }

    /** thread_excepthook: "Exception in thread NAME:" and the traceback on sys.stderr (or the thread's _stderr); SystemExit is silent. */
    private static long exceptHook(VmApi vm, State st, long args) {
        var h = vm.heap;
        if (h.typeOf(args) != st.hookArgs) throw vm.error("TypeError", "_thread.excepthook argument type must be ExceptHookArgs");
        long type = TupleType.item(args, 0), value = TupleType.item(args, 1), thread = TupleType.item(args, 3);
        if (type == vm.exceptionType("SystemExit").address()) return vm.incref(h.None);
        long sys = vm.dictGet(vm.sysModules(), "sys");
        long file = sys == 0 ? 0 : vm.getAttrOrNull(sys, "stderr");
        if (file == 0 || file == h.None) {
            if (file != 0) h.decref(file);
            file = thread == h.None ? 0 : vm.getAttrOrNull(thread, "_stderr");
            if (file == 0 || file == h.None) {
                if (file != 0) h.decref(file);
                return vm.incref(h.None);
            }
        }
        try {
            String name = null;
            if (thread != h.None) {
                long nm = vm.getAttrOrNull(thread, "name");
                if (nm != 0) {
                    name = vm.toStr(nm);
                    h.decref(nm);
                }
            }
            write(vm, file, "Exception in thread " + (name != null ? name : Long.toUnsignedString(ident())) + ":\n");
            if (value != h.None && vm.isInstanceOf(value, vm.exceptionType("BaseException"))) write(vm, file, vm.formatExceptionDisplay(value));
            else write(vm, file, vm.toStr(type) + "\n");
            h.decref(vm.callMethod(file, "flush"));  // PyErr_Display's flush, then thread_excepthook's
            h.decref(vm.callMethod(file, "flush"));
            return vm.incref(h.None);
        } finally {
            h.decref(file);
        }
    }

    private static void write(VmApi vm, long file, String text) {
        long s = vm.str(text);
        try {
            vm.heap.decref(vm.callMethod(file, "write", s));
        } finally {
            vm.heap.decref(s);
        }
    }

    /** gettid() of the interpreter's thread, from /proc/thread-self ("pid/task/tid"). */
    private static long nativeId(VmApi vm) {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
            return Long.parseLong(link.substring(link.lastIndexOf('/') + 1));
        } catch (java.io.IOException | RuntimeException e) {
            throw vm.error("OSError", "get_native_id: cannot read /proc/thread-self (" + e.getMessage() + ")");
        }
    }
}
