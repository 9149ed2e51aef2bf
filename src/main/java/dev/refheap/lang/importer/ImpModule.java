package dev.refheap.lang.importer;

import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;

/**
 * {@code _imp}: the built-in module importlib starts from. refheap runs one thread, so the import
 * lock is a counter; there are no frozen or extension modules; built-in modules are created by the
 * importer.
 */
final class ImpModule {
    private ImpModule() {}

    static long create(VmApi vm, Importer importer) {
        Heap heap = vm.heap;
        long m = vm.newModule("_imp");
        int[] lock = {0};
        vm.def(m, "acquire_lock", (s, a, o, n, kw) -> { lock[0]++; return vm.incref(heap.None); });
        vm.def(m, "release_lock", (s, a, o, n, kw) -> {
            if (lock[0] == 0) throw vm.error("RuntimeError", "not holding the import lock");
            lock[0]--;
            return vm.incref(heap.None);
        });
        vm.def(m, "lock_held", (s, a, o, n, kw) -> heap.bools.of(lock[0] > 0));
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
