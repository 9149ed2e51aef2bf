package dev.refheap.lang.importer;

import dev.refheap.lang.vm.VmApi;
import java.util.List;
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
            Map.entry("_datetime", (vm, imp) -> dev.refheap.lang.modules.datetime.DatetimeModule.create(vm)),
            Map.entry("_struct", (vm, imp) -> dev.refheap.lang.modules.struct.StructModule.create(vm)),
            Map.entry("binascii", (vm, imp) -> dev.refheap.lang.modules.BinasciiModule.create(vm)),
            Map.entry("zlib", (vm, imp) -> dev.refheap.lang.modules.zlib.ZlibModule.create(vm)),
            Map.entry("_csv", (vm, imp) -> dev.refheap.lang.modules.csv.CsvModule.create(vm)),
            Map.entry("_json", (vm, imp) -> dev.refheap.lang.modules.json.JsonModule.create(vm)),
            Map.entry("_pickle", (vm, imp) -> dev.refheap.lang.modules.pickle.PickleModule.create(vm)),
            Map.entry("array", (vm, imp) -> dev.refheap.lang.modules.array.ArrayModule.create(vm)),
            Map.entry("_heapq", (vm, imp) -> dev.refheap.lang.modules.HeapqModule.create(vm)),
            Map.entry("_bisect", (vm, imp) -> dev.refheap.lang.modules.BisectModule.create(vm)),
            Map.entry("_typing", (vm, imp) -> dev.refheap.lang.modules.TypingModule.create(vm)),
            Map.entry("_statistics", (vm, imp) -> dev.refheap.lang.modules.StatisticsModule.create(vm)),
            Map.entry("_thread", (vm, imp) -> dev.refheap.lang.modules.thread.ThreadModule.create(vm)),
            Map.entry("posix", (vm, imp) -> dev.refheap.lang.modules.posix.Posix.create(vm)),
            Map.entry("_tracemalloc", (vm, imp) -> dev.refheap.lang.modules.TracemallocModule.create(vm)),
            Map.entry("_testcapi", (vm, imp) -> dev.refheap.lang.modules.TestCapiModule.create(vm)),
            Map.entry("_testinternalcapi", (vm, imp) -> dev.refheap.lang.modules.TestInternalCapiModule.create(vm)),
            Map.entry("pwd", (vm, imp) -> dev.refheap.lang.modules.posix.PwdModule.create(vm)),
            Map.entry("_locale", (vm, imp) -> dev.refheap.lang.modules.posix.LocaleModule.create(vm)),
            Map.entry("fcntl", (vm, imp) -> dev.refheap.lang.modules.posix.FcntlModule.create(vm)),
            Map.entry("grp", (vm, imp) -> dev.refheap.lang.modules.posix.GrpModule.create(vm)),
            Map.entry("resource", (vm, imp) -> dev.refheap.lang.modules.posix.ResourceModule.create(vm)),
            Map.entry("_stat", (vm, imp) -> dev.refheap.lang.modules.StatModule.create(vm)),
            Map.entry("_ast", (vm, imp) -> dev.refheap.lang.modules.ast.AstModule.create(vm)),
            Map.entry("_sre", (vm, imp) -> dev.refheap.lang.modules.sre.SreModule.create(vm)),
            Map.entry("_io", (vm, imp) -> dev.refheap.lang.modules.io.IoModule.create(vm)),
            Map.entry("_contextvars", (vm, imp) -> dev.refheap.lang.modules.contextvars.ContextVarsModule.create(vm)),
            Map.entry("_opcode", (vm, imp) -> dev.refheap.lang.modules.OpcodeModule.create(vm)),
            Map.entry("unicodedata", (vm, imp) -> dev.refheap.lang.modules.unicodedata.UnicodedataModule.create(vm)));

    /**
     * The modules CPython 3.11 builds as extension modules ({@code lib-dynload/NAME.cpython-311-x86_64-linux-gnu.so}),
     * not into the interpreter: found through sys.path's lib-dynload entry and loaded by
     * ExtensionFileLoader ({@code _imp.create_dynamic}, {@code _imp.exec_dynamic}) when the standard
     * library's lib-dynload has the module's file, else built in ({@link Importer#isBuiltin}). Each
     * with the names CPython's module adds after {@code __file__} (its exec slot's, which run after
     * importlib sets {@code __file__}; a single-phase module has none): create_dynamic leaves them
     * out and exec_dynamic adds them, so the dict's order is CPython's. Generated with python3
     * 3.11.7: {@code ks = list(vars(m)); ks[ks.index('__file__') + 1:]}.
     */
    private static final Map<String, List<String>> EXTENSIONS = Map.ofEntries(
            Map.entry("math", List.of("pi", "e", "tau", "inf", "nan")),
            Map.entry("cmath", List.of("pi", "e", "tau", "inf", "infj", "nan", "nanj")),
            Map.entry("select", List.of("error", "PIPE_BUF", "POLLIN", "POLLPRI", "POLLOUT", "POLLERR", "POLLHUP", "POLLNVAL", "POLLRDNORM", "POLLRDBAND", "POLLWRNORM", "POLLWRBAND", "POLLMSG", "POLLRDHUP", "epoll", "EPOLLIN", "EPOLLOUT", "EPOLLPRI", "EPOLLERR", "EPOLLHUP", "EPOLLRDHUP", "EPOLLET", "EPOLLONESHOT", "EPOLLEXCLUSIVE", "EPOLLRDNORM", "EPOLLRDBAND", "EPOLLWRNORM", "EPOLLWRBAND", "EPOLLMSG", "EPOLL_CLOEXEC")),
            Map.entry("resource", List.of("error", "struct_rusage", "RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_STACK", "RLIMIT_CORE", "RLIMIT_NOFILE", "RLIMIT_OFILE", "RLIMIT_AS", "RLIMIT_RSS", "RLIMIT_NPROC", "RLIMIT_MEMLOCK", "RLIMIT_MSGQUEUE", "RLIMIT_NICE", "RLIMIT_RTPRIO", "RLIMIT_RTTIME", "RLIMIT_SIGPENDING", "RUSAGE_SELF", "RUSAGE_CHILDREN", "RUSAGE_THREAD", "RLIM_INFINITY")),
            Map.entry("_struct", List.of("Struct", "error")),
            Map.entry("_random", List.of("Random")),
            Map.entry("_datetime", List.of()),
            Map.entry("_socket", List.of()),
            Map.entry("zlib", List.of("error", "MAX_WBITS", "DEFLATED", "DEF_MEM_LEVEL", "DEF_BUF_SIZE", "Z_NO_COMPRESSION", "Z_BEST_SPEED", "Z_BEST_COMPRESSION", "Z_DEFAULT_COMPRESSION", "Z_FILTERED", "Z_HUFFMAN_ONLY", "Z_RLE", "Z_FIXED", "Z_DEFAULT_STRATEGY", "Z_NO_FLUSH", "Z_PARTIAL_FLUSH", "Z_SYNC_FLUSH", "Z_FULL_FLUSH", "Z_FINISH", "Z_BLOCK", "Z_TREES", "ZLIB_VERSION", "ZLIB_RUNTIME_VERSION", "__version__")),
            Map.entry("binascii", List.of("Error", "Incomplete")),
            Map.entry("array", List.of("ArrayType", "array", "typecodes")),
            Map.entry("_heapq", List.of("__about__")),
            Map.entry("_bisect", List.of()),
            Map.entry("_typing", List.of()),
            Map.entry("_statistics", List.of()),
            Map.entry("_csv", List.of("Dialect", "Reader", "Writer", "__version__", "_dialects", "QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE", "Error")),
            Map.entry("_json", List.of("make_scanner", "make_encoder")),
            Map.entry("_pickle", List.of()),
            Map.entry("_posixsubprocess", List.of()),
            Map.entry("_sha1", List.of("SHA1Type")),
            Map.entry("_sha256", List.of("SHA224Type", "SHA256Type")),
            Map.entry("_sha512", List.of("SHA384Type")),
            Map.entry("_sha3", List.of("sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256", "keccakopt", "implementation")),
            Map.entry("_md5", List.of("MD5Type")),
            Map.entry("_blake2", List.of("blake2b", "BLAKE2B_SALT_SIZE", "BLAKE2B_PERSON_SIZE", "BLAKE2B_MAX_KEY_SIZE", "BLAKE2B_MAX_DIGEST_SIZE", "blake2s", "BLAKE2S_SALT_SIZE", "BLAKE2S_PERSON_SIZE", "BLAKE2S_MAX_KEY_SIZE", "BLAKE2S_MAX_DIGEST_SIZE")),
            Map.entry("_contextvars", List.of("Context", "ContextVar", "Token")),
            Map.entry("fcntl", List.of("LOCK_SH", "LOCK_EX", "LOCK_NB", "LOCK_UN", "LOCK_MAND", "LOCK_READ", "LOCK_WRITE", "LOCK_RW", "F_DUPFD", "F_DUPFD_CLOEXEC", "F_GETFD", "F_SETFD", "F_GETFL", "F_SETFL", "F_GETLK", "F_SETLK", "F_SETLKW", "F_OFD_GETLK", "F_OFD_SETLK", "F_OFD_SETLKW", "F_GETOWN", "F_SETOWN", "F_GETSIG", "F_SETSIG", "F_RDLCK", "F_WRLCK", "F_UNLCK", "F_GETLK64", "F_SETLK64", "F_SETLKW64", "FASYNC", "F_SETLEASE", "F_GETLEASE", "F_NOTIFY", "F_EXLCK", "F_SHLCK", "F_SETPIPE_SZ", "F_GETPIPE_SZ", "FD_CLOEXEC", "DN_ACCESS", "DN_MODIFY", "DN_CREATE", "DN_DELETE", "DN_RENAME", "DN_ATTRIB", "DN_MULTISHOT", "F_ADD_SEALS", "F_GET_SEALS", "F_SEAL_SEAL", "F_SEAL_SHRINK", "F_SEAL_GROW", "F_SEAL_WRITE")),
            Map.entry("grp", List.of("struct_group")),
            Map.entry("_testcapi", List.of()),
            Map.entry("_testinternalcapi", List.of()),
            Map.entry("_opcode", List.of()),
            Map.entry("unicodedata", List.of("unidata_version", "UCD", "ucd_3_2_0", "_ucnhash_CAPI")));

    /** Whether CPython 3.11 builds {@code name} as an extension module (refheap implementing it). */
    static boolean isExtension(String name) { return EXTENSIONS.containsKey(name); }

    /** The names CPython's extension module {@code name} adds in its exec slot, after {@code __file__} (empty for others). */
    static List<String> execKeys(String name) { return EXTENSIONS.getOrDefault(name, List.of()); }

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
