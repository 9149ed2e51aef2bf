package dev.refheap.lang.importer;

import dev.refheap.lang.vm.Builtin;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;
import dev.refheap.object.TupleType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The functions implemented in Java that refheap's two bootstrap modules call: in
 * {@code _frozen_importlib}, {@code _gcd_import}, {@code __import__} (the builtin),
 * {@code _is_builtin}, {@code _create_builtin}, {@code _new_module}; in
 * {@code _frozen_importlib_external}, {@code _exec_source}, {@code _source_text} and {@code _find_on_path}.
 */
final class Bootstrap {
    private Bootstrap() {}

    /**
     * {@code _frozen_importlib}'s functions by name, in the order {@link #defineNatives} defines
     * them: made from the runtime and the importer alone (no object allocated), so a runtime
     * adopting a start-up image makes them again from this table.
     */
    static java.util.Map<String, Builtin> functions(VmApi vm, Importer importer) {
        Heap heap = vm.heap;
        java.util.Map<String, Builtin> f = new java.util.LinkedHashMap<>();
        f.put("_gcd_import", (self, a, o, n, kw) -> {
            if (n < 1 || n > 3 || (kw != 0 && TupleType.size(kw) > 0)) throw vm.error("TypeError", "_gcd_import() takes from 1 to 3 positional arguments");
            String name = vm.strValue(a[o]);
            long level = n > 2 ? dev.refheap.object.IntType.asLong(a[o + 2]) : 0;
            if (level > 0) {
                long pkg = n > 1 ? a[o + 1] : heap.None;
                if (pkg == heap.None) throw vm.error("ImportError", "attempted relative import with no known parent package");
                long g = heap.dicts.create();
                try {
                    heap.dicts.setItem(g, "__package__", pkg);
                    heap.dicts.setItem(g, "__name__", pkg);
                    return importer.importName(a[o], g, 0, a[o + 2]);
                } finally {
                    heap.decref(g);
                }
            }
            if (name.isEmpty()) throw vm.error("ValueError", "Empty module name");
            return importer.importAbsolute(name);
        });
        f.put("_is_builtin", (self, a, o, n, kw) -> heap.bools.of(importer.isBuiltin(vm.strValue(a[o]))));
        f.put("_create_builtin", (self, a, o, n, kw) -> {
            String name = vm.strValue(a[o]);
            long m = vm.dictGet(vm.sysModules(), name);
            if (m != 0) return vm.incref(m);
            return importer.importAbsolute(name);
        });
        f.put("_new_module", (self, a, o, n, kw) -> vm.newModule(vm.strValue(a[o])));
        return f;
    }

    static void defineNatives(VmApi vm, Importer importer, long module) {
        var f = functions(vm, importer);
        vm.def(module, "_gcd_import", f.get("_gcd_import"));
        long imp = vm.dictGet(vm.builtinsDict(), "__import__");
        if (imp != 0) vm.heap.dicts.setItem(vm.moduleDict(module), "__import__", imp);
        for (String name : new String[] {"_is_builtin", "_create_builtin", "_new_module"}) vm.def(module, name, f.get(name));
    }

    /** {@code _frozen_importlib_external}'s functions by name, in the order {@link #defineExternalNatives} defines them; as {@link #functions}. */
    static java.util.Map<String, Builtin> externalFunctions(VmApi vm, Importer importer) {
        Heap heap = vm.heap;
        java.util.Map<String, Builtin> f = new java.util.LinkedHashMap<>();
        f.put("_exec_source", (self, a, o, n, kw) -> {
            if (n != 2 || !vm.isModule(a[o]) || !vm.isStr(a[o + 1])) throw vm.error("TypeError", "_exec_source(module, path)");
            long name = vm.dictGet(vm.moduleDict(a[o]), "__name__");
            importer.execSource(a[o], vm.strValue(a[o + 1]), name != 0 && vm.isStr(name) ? vm.strValue(name) : "?");
            return vm.incref(heap.None);
        });
        f.put("_find_on_path", (self, a, o, n, kw) -> {
            if (n != 2 || !vm.isStr(a[o])) throw vm.error("TypeError", "_find_on_path(name, path)");
            return importer.findSpecOnPath(vm.strValue(a[o]), a[o + 1] == heap.None ? 0 : a[o + 1]);
        });
        f.put("_source_text", (self, a, o, n, kw) -> {
            vm.checkRead(Path.of(vm.strValue(a[o])), importer.stdlib);
            try {
                return vm.str(Importer.decode(Files.readAllBytes(Path.of(vm.strValue(a[o])))));
            } catch (java.io.IOException e) {
                throw vm.osError(2, "No such file or directory", vm.strValue(a[o]));
            }
        });
        return f;
    }

    static void defineExternalNatives(VmApi vm, Importer importer, long module) {
        externalFunctions(vm, importer).forEach((name, impl) -> vm.def(module, name, impl));
    }
}
