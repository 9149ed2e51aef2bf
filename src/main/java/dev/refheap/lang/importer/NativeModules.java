package dev.refheap.lang.importer;

import dev.refheap.lang.vm.VmApi;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The registry of native modules written in Java outside the VM ({@code dev.refheap.lang.modules}
 * and the importer's own {@code _imp}): name → factory. The importer finds these before sys.path,
 * as CPython's BuiltinImporter comes before its PathFinder.
 */
final class NativeModules {
    private NativeModules() {}

    interface Factory {
        long create(VmApi vm, Importer importer);
    }

    private static final Map<String, Factory> FACTORIES = Map.of(
            "_imp", ImpModule::create,
            "math", (vm, imp) -> dev.refheap.lang.modules.MathModule.create(vm),
            "errno", (vm, imp) -> dev.refheap.lang.modules.ErrnoModule.create(vm),
            "atexit", (vm, imp) -> dev.refheap.lang.modules.AtexitModule.create(vm),
            "itertools", (vm, imp) -> dev.refheap.lang.modules.itertools.ItertoolsModule.create(vm),
            "_functools", (vm, imp) -> dev.refheap.lang.modules.functools.FunctoolsModule.create(vm),
            "_operator", (vm, imp) -> dev.refheap.lang.modules.operator.OperatorModule.create(vm),
            "_collections", (vm, imp) -> dev.refheap.lang.modules.collections.CollectionsModule.create(vm));

    static boolean has(String name) { return FACTORIES.containsKey(name); }

    static long create(VmApi vm, Importer importer, String name) {
        Factory f = FACTORIES.get(name);
        if (f == null) throw vm.error("ModuleNotFoundError", "No module named '" + name + "'");
        return f.create(vm, importer);
    }
}
