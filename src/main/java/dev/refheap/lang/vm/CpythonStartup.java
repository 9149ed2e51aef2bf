package dev.refheap.lang.vm;

import dev.refheap.object.Heap;
import dev.refheap.object.ListType;
import dev.refheap.object.StrType;

/**
 * CPython 3.11's start-up sequence, run on a fresh runtime before the program ({@code --startup=cpython}):
 * the modules pylifecycle.c imports before a program's first line, in its order, so the first
 * line sees the modules, objects and counts that start-up leaves instead of refheap's small default
 * start-up (which only fills the free lists as {@link StartupState} measured them).
 *
 * <p>The order, as {@code Py_InitializeFromConfig} runs it:
 * <ol>
 *   <li>init_importlib: {@code _frozen_importlib}, whose {@code _setup} imports the built-ins
 *       {@code _thread}, {@code _warnings}, {@code _weakref}, and {@code _imp};</li>
 *   <li>_PyConfig_InitImportConfig: getpath.py's run, whose namespace is left as a cycle for the
 *       collector ({@link GetpathNamespace});</li>
 *   <li>init_importlib_external: {@code _frozen_importlib_external} ({@code _io}, {@code marshal},
 *       {@code posix}), then {@code zipimport} (with {@code time});</li>
 *   <li>_PyUnicode_InitEncodings: the codec lookup of the filesystem and standard-stream encoding
 *       (utf-8), which imports {@code encodings} ({@code codecs}, {@code encodings.aliases}) and
 *       {@code encodings.utf_8};</li>
 *   <li>init_signals: {@code _signal}; then tracemalloc starts if -X tracemalloc or
 *       PYTHONTRACEMALLOC asks (_PyTraceMalloc_Init);</li>
 *   <li>init_sys_streams: {@code io} ({@code abc}, {@code _abc});</li>
 *   <li>init_import_site, unless {@code -S}: {@code site}, whose import runs {@code site.main()}
 *       ({@code os}, {@code stat}, {@code posixpath}, {@code _collections_abc}, {@code _sitebuiltins}).</li>
 * </ol>
 * Invariants: it runs once, on the runtime's main thread, before any program code, after
 * {@link Runtime#configureMain} (site reads sys.flags and sys.path); it binds no name in
 * {@code __main__}. The free lists {@link StartupState} prefilled are emptied first: what start-up
 * really frees fills them instead.
 *
 * <p>Every module CPython 3.11's start-up leaves in sys.modules is imported (the C ones as
 * refheap's native modules). init_sys_streams is {@link StdIo}: the standard streams
 * become CPython's io objects. docs/architecture.md (the
 * {@code CpythonStartup} entry) has the measured differences; its "Start-up image" the plan to make this cheap.
 */
final class CpythonStartup {
    private CpythonStartup() {}

    /** The built-in modules _bootstrap._setup and _bootstrap_external._setup import, in their order, then zipimport. */
    static final String[] IMPORTLIB = {"_frozen_importlib", "_thread", "_warnings", "_weakref", "_imp"};

    /** The modules init_importlib_external imports: _bootstrap_external's and zipimport (with time). */
    static final String[] IMPORTLIB_EXTERNAL = {"_frozen_importlib_external", "_io", "marshal", "posix", "time", "zipimport"};

    /**
     * Runs the sequence; a Python exception from a start-up module propagates (CPython would fail to start).
     * sys.path[0] (the script's directory, '' for -c) is not on sys.path while start-up runs: CPython
     * puts it there after site (pymain_run_python), so no start-up import searches it (the script's
     * directory gets no finder in sys.path_importer_cache, and a module there named like a start-up
     * module does not shadow it) and site does not make it absolute.
     */
    static void run(Runtime rt, int tracemallocFrames) {
        Heap heap = rt.heap;
        heap.clearFreeLists();
        String path0 = rt.mainConfig.effectivePath0();
        long first = 0;
        if (heap.dicts.getItem(rt.sysModules, "sys") == 0) {
            rt.deferPath0 = true;  // sys is made by the first import below: without path0 (Modules.sys)
        } else {
            long path = sysPath(rt);
            if (path0 != null && path != 0 && ListType.size(path) > 0
                    && heap.typeOf(ListType.item(path, 0)) == heap.strs && path0.equals(StrType.value(ListType.item(path, 0)))) {
                first = heap.lists.pop(path, 0);
            }
        }
        try {
            importAll(rt, "builtins");
            importAll(rt, IMPORTLIB);
            GetpathNamespace.leave(rt);  // _PyConfig_InitImportConfig: getpath.py's namespace, left for the collector
            importAll(rt, IMPORTLIB_EXTERNAL);
            // _PyUnicode_InitEncodings: the filesystem encoding and the standard streams' (utf-8)
            heap.decref(rt.codecs().lookup("utf-8"));
            importAll(rt, "_signal");  // init_signals
            // _PyTraceMalloc_Init(config->tracemalloc): the start-up's own allocations from here on are traced
            if (tracemallocFrames > 0) dev.refheap.lang.modules.TracemallocModule.startAtInit(new VmApi(rt), tracemallocFrames);
            importAll(rt, "io");
            StdIo.init(rt);  // init_sys_streams
            if (!rt.mainConfig.start().noSite()) importAll(rt, "site");
        } finally {
            rt.deferPath0 = false;
            if (first != 0) {
                insertPath0(rt, first);
                heap.decref(first);
            } else if (path0 != null) {
                long s = heap.strs.of(path0);
                insertPath0(rt, s);
                heap.decref(s);
            }
        }
    }

    /** pymain_run_python's sys.path.insert(0, path0), once start-up has run (nothing when sys.path is not a list). */
    static void insertPath0(Runtime rt, long path0) {
        long path = sysPath(rt);
        if (path != 0) rt.heap.lists.insert(path, 0, path0);
    }

    /** sys.path as the sys module holds it now (borrowed), or 0 if it is not a list. */
    private static long sysPath(Runtime rt) {
        long sys = rt.heap.dicts.getItem(rt.sysModules, "sys");
        if (sys == 0 || !rt.isModule(sys)) return 0;
        long path = rt.heap.dicts.getItem(ModuleType.dict(sys), "path");
        return path != 0 && rt.heap.typeOf(path) == rt.heap.lists ? path : 0;
    }

    private static void importAll(Runtime rt, String... names) {
        Heap heap = rt.heap;
        long zero = heap.ints.of(0);
        try {
            for (String n : names) {
                long name = heap.strs.of(n);
                try {
                    heap.decref(rt.imports().importName(name, 0, 0, zero));
                } finally {
                    heap.decref(name);
                }
            }
        } finally {
            heap.decref(zero);
        }
    }
}
