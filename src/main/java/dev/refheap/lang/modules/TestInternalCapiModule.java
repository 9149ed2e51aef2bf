package dev.refheap.lang.modules;

import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;

/**
 * {@code _testinternalcapi}: the part of CPython's internal C-API test module that CPython 3.11's
 * {@code test.support} reaches for, with its semantics; nothing else of the module exists (a test
 * that asks for another name gets AttributeError and fails visibly).
 *
 * <ul>
 *   <li>{@code SIZEOF_PYGC_HEAD}: 16, the GC header in front of every GC object (refheap's heap
 *       lays objects out as CPython does: {@code test.support.check_sizeof} adds it).</li>
 *   <li>{@code get_recursion_depth()}: the current thread's recursion depth as 3.11 counts it
 *       (Python frames plus C-level recursions in progress, a builtin's call among them), the call
 *       itself not counted.</li>
 *   <li>{@code get_config()}: a new dict of the interpreter's configuration, restricted to the
 *       keys refheap can state truthfully, in PyConfig's order, each read from what the running
 *       interpreter shows (sys.flags, sys.argv, the prefixes...). {@code code_debug_ranges} is 0 under
 *       {@code -X no_debug_ranges} or PYTHONNODEBUGRANGES (code then has no column positions), else 1. The keys refheap cannot state (the
 *       hash seed, program_name, module_search_paths, run_command/run_module/run_filename,
 *       orig_argv, stdio buffering) are absent: a KeyError, never a made-up value.</li>
 * </ul>
 */
public final class TestInternalCapiModule {
    private TestInternalCapiModule() {}

    public static long create(VmApi vm) {
        long m = vm.newModule("_testinternalcapi");
        Heap heap = vm.heap;
        vm.def(m, "get_recursion_depth", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "get_recursion_depth", n, kw);
            return vm.newInt(vm.recursionDepth() - 1);  // this call's own level not counted
        });
        vm.def(m, "get_config", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "get_config", n, kw);
            return config(vm);
        });
        long size = vm.newInt(16);  // after the functions, as the C module's init adds it
        heap.dicts.setItem(vm.moduleDict(m), "SIZEOF_PYGC_HEAD", size);
        heap.decref(size);
        return m;
    }

    /**
     * (key, where the value comes from): "flags.X" a sys.flags field as an int, "!flags.X" its
     * negation, "sys.X" a sys attribute (a list copied), "=N" a constant, "fs" and "fserrors"
     * sys.getfilesystemencoding()/sys.getfilesystemencodeerrors(), "xoptions" sys._xoptions as
     * -X strings, "stdout.X" an attribute of sys.__stdout__.
     */
    private static final String[][] KEYS = {
            {"isolated", "flags.isolated"}, {"use_environment", "!flags.ignore_environment"}, {"dev_mode", "flags.dev_mode"},
            {"install_signal_handlers", "=1"}, {"code_debug_ranges", "debug_ranges"},
            {"filesystem_encoding", "fs"}, {"filesystem_errors", "fserrors"}, {"pycache_prefix", "sys.pycache_prefix"},
            {"argv", "sys.argv"}, {"xoptions", "xoptions"}, {"warnoptions", "sys.warnoptions"},
            {"stdlib_dir", "sys._stdlib_dir"}, {"executable", "sys.executable"}, {"base_executable", "sys._base_executable"},
            // (the config's prefixes are the installation's: site makes sys.prefix a venv's later)
            {"prefix", "sys.base_prefix"}, {"base_prefix", "sys.base_prefix"}, {"exec_prefix", "sys.base_exec_prefix"},
            {"base_exec_prefix", "sys.base_exec_prefix"}, {"platlibdir", "sys.platlibdir"}, {"site_import", "!flags.no_site"},
            {"bytes_warning", "flags.bytes_warning"}, {"warn_default_encoding", "flags.warn_default_encoding"},
            {"inspect", "flags.inspect"}, {"interactive", "flags.interactive"}, {"optimization_level", "flags.optimize"},
            {"parser_debug", "flags.debug"}, {"write_bytecode", "!flags.dont_write_bytecode"}, {"verbose", "flags.verbose"},
            {"quiet", "flags.quiet"}, {"user_site_directory", "!flags.no_user_site"},
            {"stdio_encoding", "stdout.encoding"}, {"stdio_errors", "stdout.errors"}, {"safe_path", "flags.safe_path"}};

    private static long config(VmApi vm) {
        Heap heap = vm.heap;
        long sys = vm.dictGet(vm.sysModules(), "sys");
        if (sys == 0) throw vm.error("RuntimeError", "lost sys module");
        long d = heap.dicts.create();
        try {
            for (String[] k : KEYS) {
                long v = value(vm, sys, k[1]);
                if (v == 0) continue;  // (sys.__stdout__ gone: the key is left out)
                heap.dicts.setItem(d, k[0], v);
                heap.decref(v);
            }
        } catch (RuntimeException e) {
            heap.decref(d);
            throw e;
        }
        return d;
    }

    /** The value {@code source} names (see {@link #KEYS}), a new reference, or 0 when it is not there. */
    private static long value(VmApi vm, long sys, String source) {
        Heap heap = vm.heap;
        if (source.startsWith("=")) return vm.newInt(Long.parseLong(source.substring(1)));
        if (source.equals("debug_ranges")) return vm.newInt(dev.refheap.lang.bytecode.CpythonLayout.debugRanges() ? 1 : 0);
        if (source.startsWith("flags.") || source.startsWith("!flags.")) {
            boolean not = source.startsWith("!");
            long flags = vm.getAttrOrNull(sys, "flags");
            try {
                long f = vm.getAttrOrNull(flags, source.substring(not ? 7 : 6));
                try {
                    long i = vm.asIndex(f).longValue();
                    return vm.newInt(not ? (i == 0 ? 1 : 0) : i);
                } finally {
                    heap.decref(f);
                }
            } finally {
                heap.decref(flags);
            }
        }
        if (source.equals("fs") || source.equals("fserrors")) {
            long f = vm.getAttrOrNull(sys, source.equals("fs") ? "getfilesystemencoding" : "getfilesystemencodeerrors");
            try {
                return vm.call(f);
            } finally {
                heap.decref(f);
            }
        }
        if (source.equals("xoptions")) {  // config_create_xoptions_dict's inverse: "name" or "name=value"
            long opts = vm.getAttrOrNull(sys, "_xoptions");
            long list = heap.lists.alloc(0);
            try {
                heap.dicts.forEach(opts, (k, v) -> {
                    long s = vm.str(vm.strValue(k) + (v == heap.True ? "" : "=" + vm.strValue(v)));
                    heap.lists.append(list, s);
                    heap.decref(s);
                });
            } finally {
                heap.decref(opts);
            }
            return list;
        }
        if (source.startsWith("stdout.")) {
            long out = vm.getAttrOrNull(sys, "__stdout__");
            if (out == 0 || out == heap.None) {
                if (out != 0) heap.decref(out);
                return 0;
            }
            try {
                return vm.getAttrOrNull(out, source.substring(7));
            } finally {
                heap.decref(out);
            }
        }
        long v = vm.getAttrOrNull(sys, source.substring(4));
        if (v != 0 && heap.typeOf(v) == heap.lists) {  // a copy, as the config's own list is
            long copy = heap.lists.alloc(0);
            for (long i = 0; i < dev.refheap.object.ListType.size(v); i++) heap.lists.append(copy, dev.refheap.object.ListType.item(v, i));
            heap.decref(v);
            return copy;
        }
        return v;
    }
}
