package dev.refheap.lang.importer;

import dev.refheap.lang.vm.Builtin;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;

/**
 * {@code _imp}: the built-in module importlib starts from. The global import lock
 * ({@code acquire_lock}, {@code release_lock}, {@code lock_held}) is CPython's: re-entrant for the
 * thread that holds it, waited for by others; there are no frozen or extension modules; built-in
 * modules are created by the importer.
 */
final class ImpModule {
    private ImpModule() {}

    /**
     * The module's functions by name, made from the runtime and the importer alone (no object
     * allocated; the import lock is the importer's, free when an image is taken): the module's
     * setup defines them from this table, and a runtime adopting a start-up image makes them
     * again from it.
     */
    static java.util.Map<String, Builtin> functions(VmApi vm, Importer importer) {
        Heap heap = vm.heap;
        java.util.Map<String, Builtin> f = new java.util.HashMap<>();
        ModuleLocks.Lock lock = importer.importLock;
        f.put("acquire_lock", (s, a, o, n, kw) -> {
            long me = ModuleLocks.currentThread();
            if (!lock.tryTake(me)) vm.acquireLock(() -> lock.tryTake(me), -1);
            return vm.incref(heap.None);
        });
        f.put("release_lock", (s, a, o, n, kw) -> {
            boolean free;
            synchronized (lock) {
                if (lock.count == 0 || lock.owner != ModuleLocks.currentThread()) throw vm.error("RuntimeError", "not holding the import lock");
                free = --lock.count == 0;
                if (free) lock.owner = 0;  // as a lock never taken (owner() reads 0 either way; a start-up image's adopter has it so)
            }
            if (free) vm.lockReleased();
            return vm.incref(heap.None);
        });
        f.put("lock_held", (s, a, o, n, kw) -> heap.bools.of(lock.owner() != 0));
        f.put("is_builtin", (s, a, o, n, kw) -> heap.ints.of(vm.isBuiltinModuleName(vm.strValue(a[o])) || NativeModules.has(vm.strValue(a[o])) ? 1 : 0));
        f.put("is_frozen", (s, a, o, n, kw) -> heap.bools.of(false));
        f.put("is_frozen_package", (s, a, o, n, kw) -> heap.bools.of(false));
        f.put("extension_suffixes", (s, a, o, n, kw) -> heap.lists.alloc(0));
        f.put("create_builtin", (s, a, o, n, kw) -> {
            long name = vm.getAttrOrNull(a[o], "name");
            try {
                return importer.importAbsolute(vm.strValue(name));
            } finally {
                heap.xdecref(name);
            }
        });
        f.put("exec_builtin", (s, a, o, n, kw) -> heap.ints.of(0));
        f.put("_fix_co_filename", (s, a, o, n, kw) -> vm.incref(heap.None));
        return f;
    }

    /** The functions in the order the module's setup defines them. */
    private static final String[] FUNCTIONS = {"acquire_lock", "release_lock", "lock_held", "is_builtin", "is_frozen", "is_frozen_package",
        "extension_suffixes", "create_builtin", "exec_builtin", "_fix_co_filename"};

    static long create(VmApi vm, Importer importer) {
        Heap heap = vm.heap;
        java.util.Map<String, Builtin> fns = functions(vm, importer);
        long m = vm.newModule("_imp");
        for (String name : FUNCTIONS) vm.def(m, name, fns.get(name));
        long tag = vm.str("never");
        heap.dicts.setItem(vm.moduleDict(m), "check_hash_based_pycs", tag);
        heap.decref(tag);
        return m;
    }
}
