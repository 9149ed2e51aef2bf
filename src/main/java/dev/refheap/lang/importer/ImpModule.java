package dev.refheap.lang.importer;

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

    static long create(VmApi vm, Importer importer) {
        Heap heap = vm.heap;
        long m = vm.newModule("_imp");
        // the global import lock (_PyImport_AcquireLock): re-entrant for its owner, waited for by other threads
        ModuleLocks.Lock lock = new ModuleLocks.Lock("");
        vm.def(m, "acquire_lock", (s, a, o, n, kw) -> {
            long me = ModuleLocks.currentThread();
            if (!lock.tryTake(me)) vm.acquireLock(() -> lock.tryTake(me), -1);
            return vm.incref(heap.None);
        });
        vm.def(m, "release_lock", (s, a, o, n, kw) -> {
            boolean free;
            synchronized (lock) {
                if (lock.count == 0 || lock.owner != ModuleLocks.currentThread()) throw vm.error("RuntimeError", "not holding the import lock");
                free = --lock.count == 0;
            }
            if (free) vm.lockReleased();
            return vm.incref(heap.None);
        });
        vm.def(m, "lock_held", (s, a, o, n, kw) -> heap.bools.of(lock.owner() != 0));
        vm.def(m, "is_builtin", (s, a, o, n, kw) -> heap.ints.of(vm.isBuiltinModuleName(vm.strValue(a[o])) || NativeModules.has(vm.strValue(a[o])) ? 1 : 0));
        vm.def(m, "is_frozen", (s, a, o, n, kw) -> heap.bools.of(false));
        vm.def(m, "is_frozen_package", (s, a, o, n, kw) -> heap.bools.of(false));
        vm.def(m, "extension_suffixes", (s, a, o, n, kw) -> heap.lists.alloc(0));
        vm.def(m, "create_builtin", (s, a, o, n, kw) -> {
            long name = vm.getAttrOrNull(a[o], "name");
            try {
                return importer.importAbsolute(vm.strValue(name));
            } finally {
                heap.xdecref(name);
            }
        });
        vm.def(m, "exec_builtin", (s, a, o, n, kw) -> heap.ints.of(0));
        vm.def(m, "_fix_co_filename", (s, a, o, n, kw) -> vm.incref(heap.None));
        long tag = vm.str("never");
        heap.dicts.setItem(vm.moduleDict(m), "check_hash_based_pycs", tag);
        heap.decref(tag);
        return m;
    }
}
