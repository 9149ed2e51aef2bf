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

    private static final Map<String, Factory> FACTORIES = Map.ofEntries(
            Map.entry("_imp", ImpModule::create),
            Map.entry("_abc", (vm, imp) -> dev.refheap.lang.modules.AbcModule.create(vm)),
            Map.entry("marshal", (vm, imp) -> dev.refheap.lang.modules.MarshalModule.create(vm)),
            Map.entry("math", (vm, imp) -> dev.refheap.lang.modules.MathModule.create(vm)),
            Map.entry("cmath", (vm, imp) -> dev.refheap.lang.modules.CmathModule.create(vm)),
            Map.entry("errno", (vm, imp) -> dev.refheap.lang.modules.ErrnoModule.create(vm)),
            Map.entry("atexit", (vm, imp) -> dev.refheap.lang.modules.AtexitModule.create(vm)),
            Map.entry("faulthandler", (vm, imp) -> dev.refheap.lang.modules.FaulthandlerModule.create(vm)),
            Map.entry("itertools", (vm, imp) -> dev.refheap.lang.modules.itertools.ItertoolsModule.create(vm)),
            Map.entry("_functools", (vm, imp) -> dev.refheap.lang.modules.functools.FunctoolsModule.create(vm)),
            Map.entry("_operator", (vm, imp) -> dev.refheap.lang.modules.operator.OperatorModule.create(vm)),
            Map.entry("_collections", (vm, imp) -> dev.refheap.lang.modules.collections.CollectionsModule.create(vm)),
            Map.entry("_codecs", (vm, imp) -> dev.refheap.lang.modules.CodecsModule.create(vm)),
            Map.entry("_md5", (vm, imp) -> dev.refheap.lang.modules.HashModules.md5(vm)),
            Map.entry("_sha1", (vm, imp) -> dev.refheap.lang.modules.HashModules.sha1(vm)),
            Map.entry("_sha256", (vm, imp) -> dev.refheap.lang.modules.HashModules.sha256(vm)),
            Map.entry("_sha512", (vm, imp) -> dev.refheap.lang.modules.HashModules.sha512(vm)),
            Map.entry("_sha3", (vm, imp) -> dev.refheap.lang.modules.HashModules.sha3(vm)),
            Map.entry("_blake2", (vm, imp) -> dev.refheap.lang.modules.HashModules.blake2(vm)),
            Map.entry("_signal", (vm, imp) -> dev.refheap.lang.modules.SignalModule.create(vm)),
            Map.entry("select", (vm, imp) -> dev.refheap.lang.modules.posix.SelectModule.create(vm)),
            Map.entry("_socket", (vm, imp) -> dev.refheap.lang.modules.SocketModule.create(vm)),
            Map.entry("_posixsubprocess", (vm, imp) -> dev.refheap.lang.modules.posix.Spawn.posixSubprocessModule(vm)),
            Map.entry("_string", (vm, imp) -> dev.refheap.lang.modules.StringModule.create(vm)),
            Map.entry("_random", (vm, imp) -> dev.refheap.lang.modules.RandomModule.create(vm)),
            Map.entry("_struct", (vm, imp) -> dev.refheap.lang.modules.struct.StructModule.create(vm)),
            Map.entry("binascii", (vm, imp) -> dev.refheap.lang.modules.BinasciiModule.create(vm)),
            Map.entry("zlib", (vm, imp) -> dev.refheap.lang.modules.zlib.ZlibModule.create(vm)),
            Map.entry("_csv", (vm, imp) -> dev.refheap.lang.modules.csv.CsvModule.create(vm)),
            Map.entry("array", (vm, imp) -> dev.refheap.lang.modules.array.ArrayModule.create(vm)),
            Map.entry("_heapq", (vm, imp) -> dev.refheap.lang.modules.HeapqModule.create(vm)),
            Map.entry("_bisect", (vm, imp) -> dev.refheap.lang.modules.BisectModule.create(vm)),
            Map.entry("_thread", (vm, imp) -> dev.refheap.lang.modules.thread.ThreadModule.create(vm)),
            Map.entry("posix", (vm, imp) -> dev.refheap.lang.modules.posix.Posix.create(vm)),
            Map.entry("_tracemalloc", (vm, imp) -> dev.refheap.lang.modules.TracemallocModule.create(vm)),
            Map.entry("_testcapi", (vm, imp) -> dev.refheap.lang.modules.TestCapiModule.create(vm)),
            Map.entry("pwd", (vm, imp) -> dev.refheap.lang.modules.posix.PwdModule.create(vm)),
            Map.entry("fcntl", (vm, imp) -> dev.refheap.lang.modules.posix.FcntlModule.create(vm)),
            Map.entry("grp", (vm, imp) -> dev.refheap.lang.modules.posix.GrpModule.create(vm)),
            Map.entry("resource", (vm, imp) -> dev.refheap.lang.modules.posix.ResourceModule.create(vm)),
            Map.entry("_stat", (vm, imp) -> dev.refheap.lang.modules.StatModule.create(vm)),
            Map.entry("_ast", (vm, imp) -> dev.refheap.lang.modules.ast.AstModule.create(vm)),
            Map.entry("_sre", (vm, imp) -> dev.refheap.lang.modules.sre.SreModule.create(vm)),
            Map.entry("_io", (vm, imp) -> dev.refheap.lang.modules.io.IoModule.create(vm)),
            Map.entry("_contextvars", (vm, imp) -> dev.refheap.lang.modules.contextvars.ContextVarsModule.create(vm)));

    static boolean has(String name) { return FACTORIES.containsKey(name); }

    /**
     * The modules whose functions are made from the runtime alone, by a table their setup defines
     * them from (a start-up image's adopter makes them again from it: {@code ImportSystem.nativeFunctions}).
     */
    private static final Map<String, java.util.function.Function<VmApi, Map<String, dev.refheap.lang.vm.Builtin>>> TABLES = Map.of(
            "_stat", dev.refheap.lang.modules.StatModule::functions,
            "marshal", dev.refheap.lang.modules.MarshalModule::functions,
            "_abc", dev.refheap.lang.modules.AbcModule::functions,
            "_thread", dev.refheap.lang.modules.thread.ThreadModule::functions,
            "_codecs", dev.refheap.lang.modules.CodecsModule::functions,
            "_io", dev.refheap.lang.modules.io.IoModule::functions,
            "_signal", dev.refheap.lang.modules.SignalModule::functions,
            "posix", dev.refheap.lang.modules.posix.Posix::functions);

    /** Module {@code name}'s function table, or null if it has none. */
    static Map<String, dev.refheap.lang.vm.Builtin> functions(VmApi vm, Importer importer, String name) {
        if (name.equals("_imp")) return ImpModule.functions(vm, importer);  // its functions capture the importer
        var t = TABLES.get(name);
        return t == null ? null : t.apply(vm);
    }

    /**
     * The modules whose state a start-up image carries ({@code dev.refheap.lang.vm.ModuleImage}):
     * the state made again from its Java-only values, without touching the heap.
     */
    private static final Map<String, BiFunction<VmApi, long[], dev.refheap.lang.vm.ModuleImage>> RESTORES = Map.of(
            "_abc", dev.refheap.lang.modules.AbcModule::restore,
            "_thread", dev.refheap.lang.modules.thread.ThreadModule::restore,
            "_codecs", dev.refheap.lang.modules.CodecsModule::restore,
            "_io", dev.refheap.lang.modules.io.IoModule::restore,
            "_signal", dev.refheap.lang.modules.SignalModule::restore,
            "posix", dev.refheap.lang.modules.posix.Posix::restore);

    /** Module {@code name}'s state made again from {@code values}, or null if it has no restore. */
    static dev.refheap.lang.vm.ModuleImage restoreState(VmApi vm, String name, long[] values) {
        var r = RESTORES.get(name);
        return r == null ? null : r.apply(vm, values);
    }

    /** The registered names (for sys.builtin_module_names' check). */
    static java.util.Set<String> names() { return FACTORIES.keySet(); }

    static long create(VmApi vm, Importer importer, String name) {
        Factory f = FACTORIES.get(name);
        if (f == null) throw vm.error("ModuleNotFoundError", "No module named '" + name + "'");
        long m = f.create(vm, importer);
        vm.giveModuleDoc(m, name);
        return m;
    }
}
