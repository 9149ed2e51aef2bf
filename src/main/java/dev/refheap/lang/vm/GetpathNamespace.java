package dev.refheap.lang.vm;

import dev.refheap.object.Heap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What CPython 3.11's path calculation leaves for its cycle collector, made by refheap's
 * {@code --startup=cpython} at the point of start-up where CPython makes it (between init_importlib
 * and init_importlib_external: _PyConfig_InitImportConfig).
 *
 * <p>CPython computes sys.path, sys.prefix and sys.executable by running its frozen
 * {@code getpath.py} in a fresh dict: the C side puts the configuration in as a dict ({@code
 * config}: the argument lists and {@code module_search_paths} are lists), its constants, and twelve
 * helper builtins ({@code abspath}, {@code basename}, ... {@code warn}); the code adds its
 * variables (the landmark lists, {@code pythonpath}, the lines of {@code pyvenv.cfg}) and its one
 * function, {@code search_up}, whose keyword default is the {@code isfile} builtin. The C side then
 * reads the results and drops the dict, which the function's {@code __globals__} keeps in a cycle:
 * 24 objects the next collection finds unreachable (the 24 that {@code gc.get_stats()[0]['collected']}
 * shows at a clean CPython 3.11.7's first line; seen with a debugger on {@code dict_tp_clear}
 * inside {@code gc_collect_main}: the config dict and the namespace, cleared in the fifth of its
 * seven start-up collections). refheap computes the paths in Java ({@code ImportSystem},
 * {@link VirtualEnv}), so this class makes the same objects, tracked as CPython's are, with
 * refheap's values, and drops them the same way. What getpath.py allocates and frees while it runs
 * (argument tuples, generator objects) is not made.
 *
 * <p>Invariants: nothing here is reachable once {@link #leave} returns (the namespace's only
 * reference is the cycle); the helper builtins are never called by a program, and refuse by name
 * if they were.
 */
final class GetpathNamespace {
    private GetpathNamespace() {}

    /** getpath.c's helpers, in the order it puts them in the namespace. */
    static final String[] HELPERS = {"abspath", "basename", "dirname", "hassuffix", "isabs", "isdir", "isfile", "isxfile",
            "joinpath", "readlines", "realpath", "warn"};

    /** search_up as getpath.py defines it (in refheap's words): the nearest directory up from prefix holding one of the landmarks. */
    private static final String SEARCH_UP = """
            def search_up(prefix, *landmarks, test=isfile):
                while prefix:
                    for name in landmarks:
                        if test(joinpath(prefix, name)):
                            return prefix
                    prefix = dirname(prefix)
            """;

    /** Makes the namespace getpath.py leaves and drops it: a cycle of 24 tracked objects for the collector. */
    static void leave(Runtime rt) {
        Heap heap = rt.heap;
        List<Long> owned = new ArrayList<>();
        long config = heap.dicts.create();
        owned.add(config);
        long pythonpath = strList(rt, modulePaths(rt));
        owned.add(pythonpath);
        put(rt, config, "argv", strList(rt, List.of()));
        put(rt, config, "xoptions", strList(rt, rt.mainConfig.start().xOptions().stream().map(x -> x[1] == null ? x[0] : x[0] + "=" + x[1]).toList()));
        put(rt, config, "warnoptions", strList(rt, rt.mainConfig.start().warnOptions()));
        heap.dicts.setItem(config, "module_search_paths", pythonpath);
        put(rt, config, "executable", heap.strs.of(VirtualEnv.executable(VirtualEnv.ensure())));
        put(rt, config, "orig_argv", strList(rt, rt.mainConfig.argv()));
        long ns = heap.dicts.create();
        owned.add(ns);
        heap.dicts.setItem(ns, "config", config);
        put(rt, ns, "os_name", heap.strs.of("posix"));
        long isfile = 0;
        for (String name : HELPERS) {
            long f = rt.builtinFunctionType.create(name, refusing(rt, name), 0, null);
            heap.dicts.setItem(ns, name, f);
            if (name.equals("isfile")) isfile = f;
            heap.decref(f);
        }
        heap.dicts.setItem(ns, "__builtins__", rt.builtinsDict);
        put(rt, ns, "STDLIB_LANDMARKS", strList(rt, List.of("lib/python3.11/os.py", "lib/python3.11/os.pyc")));
        put(rt, ns, "BUILDSTDLIB_LANDMARKS", strList(rt, List.of("Lib/os.py")));
        // CPython's getpath code is frozen: no compile() (so none of a program's first-compile effects) and no linecache entry
        long code = Materializer.materialize(rt, dev.refheap.lang.compiler.Compiler.compile(SEARCH_UP, "<frozen getpath>",
                dev.refheap.lang.compiler.Compiler.Mode.EXEC, new ArrayList<>()), false);
        try {
            heap.decref(rt.interpreter.runCode(code, ns, ns));
        } finally {
            heap.decref(code);
        }
        if (isfile == 0) throw new IllegalStateException("getpath's isfile helper was not made");
        heap.dicts.setItem(ns, "pythonpath", pythonpath);
        put(rt, ns, "pyvenvcfg", strList(rt, venvConfigLines()));
        for (long o : owned) heap.decref(o);  // the namespace lives on only in its cycle with search_up
    }

    /** getpath's module_search_paths: sys.path as sys starts, without sys.path[0] (PYTHONPATH's entries, the standard library). */
    private static List<String> modulePaths(Runtime rt) {
        List<String> initial = new ArrayList<>(rt.imports().initialPath());
        String path0 = rt.mainConfig.effectivePath0();
        if (path0 != null && !initial.isEmpty() && initial.get(0).equals(path0)) initial.remove(0);
        return initial;
    }

    /** getpath's read of pyvenv.cfg: one directory above the executable's, else beside it; no lines without one. */
    private static List<String> venvConfigLines() {
        String exe = VirtualEnv.executable(VirtualEnv.ensure());
        if (exe.isEmpty()) return List.of();
        Path dir = Path.of(exe).toAbsolutePath().getParent();
        for (Path p : new Path[] {dir.getParent() == null ? null : dir.getParent().resolve("pyvenv.cfg"), dir.resolve("pyvenv.cfg")}) {
            if (p == null) continue;
            try {
                return Files.readAllLines(p);
            } catch (java.io.IOException | RuntimeException e) {
                // the next place, as getpath tries it
            }
        }
        return List.of();
    }

    /** A new list of new str objects (sys.argv and sys.orig_argv are made so too). */
    static long strList(Runtime rt, List<String> items) {
        long l = rt.heap.lists.alloc(0);
        for (String s : items) {
            long v = rt.heap.strs.of(s);
            rt.heap.lists.append(l, v);
            rt.heap.decref(v);
        }
        return l;
    }

    /** d[key] = value, taking the reference to value. */
    private static void put(Runtime rt, long d, String key, long value) {
        rt.heap.dicts.setItem(d, key, value);
        rt.heap.decref(value);
    }

    private static Builtin refusing(Runtime rt, String name) {
        return (self, args, off, nargs, kwnames) -> {
            throw rt.error("NotImplementedError", "refheap does not support getpath's " + name
                    + " (refheap computes sys.path and sys.prefix in Java; this helper only stands where CPython's start-up leaves it)");
        };
    }
}
