package dev.refheap.lang.vm;

import java.util.Map;

/**
 * Argument-count checks for the native modules' functions, in one table, with CPython 3.11's
 * messages: METH_NOARGS and METH_O functions name their module ({@code gc.enable() takes no
 * arguments (1 given)}), Argument Clinic functions with optional arguments do not
 * ({@code getsizeof() takes at most 2 arguments (3 given)}). {@link Modules#def} wraps every
 * function listed here, so the check runs before the function does.
 */
final class ModuleArity {
    private ModuleArity() {}

    /** min, max positional arguments; kwOk: whether keywords are accepted (checked by the function itself). */
    private record Spec(String shown, int min, int max, boolean kwOk, boolean clinic) {}

    private static Spec noargs(String shown) { return new Spec(shown, 0, 0, false, false); }
    private static Spec one(String shown) { return new Spec(shown, 1, 1, false, false); }
    private static Spec clinic(String shown, int min, int max) { return new Spec(shown, min, max, true, true); }

    private static final Map<String, Spec> SPECS = Map.ofEntries(
            Map.entry("sys.getrefcount", one("sys.getrefcount")), Map.entry("sys.intern", one("sys.intern")),
            Map.entry("sys.unraisablehook", one("sys.unraisablehook")),
            Map.entry("sys.getrecursionlimit", noargs("sys.getrecursionlimit")),
            Map.entry("sys.setrecursionlimit", one("sys.setrecursionlimit")),
            Map.entry("sys.getswitchinterval", noargs("sys.getswitchinterval")),
            Map.entry("sys.setswitchinterval", one("sys.setswitchinterval")),
            Map.entry("sys._debugmallocstats", noargs("sys._debugmallocstats")),
            Map.entry("sys.getallocatedblocks", noargs("sys.getallocatedblocks")), Map.entry("sys.exc_info", noargs("sys.exc_info")),
            Map.entry("sys._current_frames", noargs("sys._current_frames")),
            Map.entry("sys._current_exceptions", noargs("sys._current_exceptions")),
            Map.entry("sys._clear_type_cache", noargs("sys._clear_type_cache")),
            Map.entry("sys.exception", noargs("sys.exception")), Map.entry("sys.getdefaultencoding", noargs("sys.getdefaultencoding")),
            Map.entry("sys.getdlopenflags", noargs("sys.getdlopenflags")), Map.entry("sys.setdlopenflags", one("sys.setdlopenflags")),
            Map.entry("sys._getquickenedcount", noargs("sys._getquickenedcount")),
            Map.entry("sys.is_finalizing", noargs("sys.is_finalizing")),
            Map.entry("sys.getsizeof", clinic("getsizeof", 1, 2)),
            Map.entry("_warnings._filters_mutated", noargs("_warnings._filters_mutated")),
            Map.entry("gc.enable", noargs("gc.enable")), Map.entry("gc.disable", noargs("gc.disable")),
            Map.entry("gc.isenabled", noargs("gc.isenabled")), Map.entry("gc.get_count", noargs("gc.get_count")),
            Map.entry("gc.get_threshold", noargs("gc.get_threshold")), Map.entry("gc.get_stats", noargs("gc.get_stats")),
            Map.entry("gc.is_tracked", one("gc.is_tracked")), Map.entry("gc.is_finalized", one("gc.is_finalized")),
            Map.entry("gc.freeze", noargs("gc.freeze")), Map.entry("gc.unfreeze", noargs("gc.unfreeze")),
            Map.entry("gc.get_freeze_count", noargs("gc.get_freeze_count")), Map.entry("gc.get_debug", noargs("gc.get_debug")),
            Map.entry("gc.set_debug", one("gc.set_debug")), Map.entry("gc.get_objects", clinic("get_objects", 0, 1)),
            Map.entry("weakref.getweakrefcount", one("_weakref.getweakrefcount")),
            Map.entry("weakref.getweakrefs", one("_weakref.getweakrefs")),
            Map.entry("time.time", noargs("time.time")), Map.entry("time.time_ns", noargs("time.time_ns")),
            Map.entry("time.perf_counter", noargs("time.perf_counter")), Map.entry("time.perf_counter_ns", noargs("time.perf_counter_ns")),
            Map.entry("time.monotonic", noargs("time.monotonic")), Map.entry("time.process_time", noargs("time.process_time")),
            Map.entry("time.process_time_ns", noargs("time.process_time_ns")), Map.entry("time.thread_time", noargs("time.thread_time")),
            Map.entry("time.thread_time_ns", noargs("time.thread_time_ns")), Map.entry("time.sleep", one("time.sleep")));

    static Builtin wrap(Runtime rt, String qualified, Builtin impl) {
        Spec spec = SPECS.get(qualified);
        if (spec == null) return impl;
        return (s, a, o, n, kw) -> {
            int nkw = Args.nkw(kw);
            int np = n - nkw;
            if (!spec.kwOk && nkw > 0) throw rt.typeError(spec.shown + "() takes no keyword arguments");
            if (np > spec.max || np < spec.min && !spec.clinic) {
                if (spec.clinic) {
                    throw rt.typeError(spec.shown + "() takes at most " + spec.max + " argument" + (spec.max == 1 ? "" : "s") + " (" + np + " given)");
                }
                throw rt.typeError(spec.shown + "() takes " + (spec.max == 0 ? "no arguments" : "exactly one argument") + " (" + np + " given)");
            }
            return impl.call(s, a, o, n, kw);
        };
    }
}
