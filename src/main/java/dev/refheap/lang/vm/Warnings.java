package dev.refheap.lang.vm;

import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import dev.refheap.object.ListType;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;

/**
 * The built-in {@code _warnings} module and the warning machinery the runtime itself uses (what
 * CPython 3.11 has in C as {@code PyErr_WarnEx} and {@code PyErr_WarnExplicit}): a warning is
 * filtered and shown whether or not the {@code warnings} module has been imported.
 *
 * <p>State ({@link State}, one per runtime, made on first use and kept as runtime roots): the
 * filter list, the "once" registry (a dict), the default action (a str) and the filters' version.
 * The module exposes the first three as {@code filters}, {@code _onceregistry} and
 * {@code _defaultaction}; warnings.py binds the same objects. Whenever a warning is filtered, the
 * {@code warnings} module's {@code filters}, {@code defaultaction} and {@code _onceregistry}, when
 * {@code sys.modules} has the module and it has them, replace the state's (as 3.11 swaps its
 * references): a list that catch_warnings put there is what a warning at exit still sees.
 *
 * <p>A registry ({@code __warningregistry__} in the warning's globals, or the explicit one) maps
 * (text, category, lineno) and, for "once" and "module", (text, category) to True; its
 * {@code version} key holds the filters' version when the entries were made: a registry of an
 * older version is emptied before use. {@code _filters_mutated()} (warnings.py calls it whenever
 * it changes the filters) moves the version on.
 *
 * <p>Output: {@code warnings._showwarnmsg(WarningMessage(...))} when the module is in sys.modules
 * (imported first when the warning has a {@code source}); otherwise the text is written to
 * sys.stderr here: "file:line: Category: text", then the source line, its indentation removed, two
 * spaces in front (read from the sources this runtime compiled: {@link LineCache}).
 */
final class Warnings {
    private Warnings() {}

    /** The per-runtime state (each field one reference the runtime holds). */
    static final class State {
        long filters, onceRegistry, defaultAction;
        long version;
    }

    /** The state, made on first use: CPython's five default filters of a release build, an empty once registry, "default". */
    static State state(Runtime rt) {
        State st = rt.warningsState;
        if (st != null) return st;
        Heap heap = rt.heap;
        st = new State();
        // CPython makes these at start-up: they are not allocations of the program (the young
        // count is left as it was), and a start-up collection has untracked the filter tuples
        long young = rt.gc.count()[0];
        long filters = heap.lists.alloc(5);
        ListType.setItemSteal(filters, 0, filter(rt, "default", "DeprecationWarning", "__main__"));
        ListType.setItemSteal(filters, 1, filter(rt, "ignore", "DeprecationWarning", null));
        ListType.setItemSteal(filters, 2, filter(rt, "ignore", "PendingDeprecationWarning", null));
        ListType.setItemSteal(filters, 3, filter(rt, "ignore", "ImportWarning", null));
        ListType.setItemSteal(filters, 4, filter(rt, "ignore", "ResourceWarning", null));
        for (int i = 0; i < 5; i++) {
            long t = ListType.item(filters, i);
            if (heap.tuples.itemsAllUntracked(t)) heap.untrackIfTracked(t);
        }
        st.filters = rt.hold(filters);
        st.onceRegistry = rt.hold(heap.dicts.create());
        st.defaultAction = rt.hold(heap.strs.internedOf("default"));
        if (rt.gc.count()[0] >= young) rt.gc.setYoungCount(young);
        rt.warningsState = st;
        return st;
    }

    /** (action, None, category, module or None, 0): the module name interned, as create_filter makes it. */
    private static long filter(Runtime rt, String action, String category, String module) {
        Heap heap = rt.heap;
        long t = heap.tuples.alloc(5);
        TupleType.setItemSteal(t, 0, heap.strs.internedOf(action));
        TupleType.setItemSteal(t, 1, Builtins.incref(heap, heap.None));
        TupleType.setItemSteal(t, 2, Builtins.incref(heap, rt.exceptionType(category).address()));
        TupleType.setItemSteal(t, 3, module == null ? Builtins.incref(heap, heap.None) : heap.strs.internedOf(module));
        TupleType.setItemSteal(t, 4, heap.ints.of(0));
        return t;
    }

    /** Replaces a held reference of the state with {@code v} (a new reference, taken over). */
    private static long swap(Runtime rt, long old, long v) {
        rt.release(old);
        return rt.hold(v);
    }

    // ---- the module -------------------------------------------------------------------------------

    /** The module's function names, in the order its setup defines them. */
    static final java.util.List<String> FUNCTIONS = java.util.List.of("warn", "warn_explicit", "_filters_mutated");

    /**
     * The module's functions by name, made from the runtime alone (no object allocated; the state
     * they use is the runtime's, {@link #state}): the setup defines them from this table, and a
     * runtime adopting a start-up image makes them again from it ({@link NativeFunction}).
     */
    static java.util.Map<String, Builtin> functions(Runtime rt) {
        Heap heap = rt.heap;
        java.util.Map<String, Builtin> f = new java.util.HashMap<>();
        f.put("warn", (s, a, o, n, kw) -> {
            long[] p = dev.refheap.lang.modules.Params.parse(new VmApi(rt), "warn",
                    new String[] {"message", "category", "stacklevel", "source"}, 1, 4, 0, a, o, n, kw);
            long category = category(rt, p[0], p[1]);
            long level = p[2] == 0 ? 1 : ssize(rt, p[2]);
            return doWarn(rt, p[0], category, level, p[3]);
        });
        f.put("warn_explicit", (s, a, o, n, kw) -> {
            long[] p = dev.refheap.lang.modules.Params.parse(new VmApi(rt), "warn_explicit",
                    new String[] {"message", "category", "filename", "lineno", "module", "registry", "module_globals", "source"},
                    4, 8, 0, a, o, n, kw);
            if (!Heap.isStr(p[2])) {
                throw rt.typeError("warn_explicit() argument 3 must be str, not " + rt.ops.typeName(p[2]));
            }
            int lineno = cInt(rt, p[3]);
            long sourceLine = 0;
            long globals = p[6];
            if (globals != 0 && globals != heap.None) {
                if (!rt.ops.isInstance(globals, heap.dicts)) {
                    throw rt.typeError("module_globals must be a dict, not '" + rt.ops.typeName(globals) + "'");
                }
                sourceLine = sourceLine(rt, globals, lineno);
            }
            try {
                return warnExplicit(rt, p[1], p[0], p[2], lineno, p[4], p[5], sourceLine, p[7]);
            } finally {
                heap.xdecref(sourceLine);
            }
        });
        f.put("_filters_mutated", (s, a, o, n, kw) -> {
            state(rt).version++;
            return Builtins.incref(heap, heap.None);
        });
        return f;
    }

    static long module(Runtime rt) {
        java.util.Map<String, Builtin> fns = functions(rt);
        Heap heap = rt.heap;
        State st = state(rt);
        long m = rt.moduleType.create("_warnings");
        long d = ModuleType.dict(m);
        long doc = heap.strs.of("The filters, registries and output of warnings, available before the warnings module is imported.");
        heap.dicts.setItem(d, "__doc__", doc);
        heap.decref(doc);
        heap.dicts.setItem(d, "filters", st.filters);
        heap.dicts.setItem(d, "_onceregistry", st.onceRegistry);
        heap.dicts.setItem(d, "_defaultaction", st.defaultAction);
        for (String name : FUNCTIONS) Modules.def(rt, m, name, fns.get(name));
        return m;
    }

    /** Argument Clinic's Py_ssize_t conversion. */
    private static long ssize(Runtime rt, long v) {
        if (rt.heap.typeOf(v) == rt.heap.floats) throw rt.typeError("'float' object cannot be interpreted as an integer");
        java.math.BigInteger b = new VmApi(rt).asIndex(v);
        if (b.bitLength() > 63) throw rt.error("OverflowError", "Python int too large to convert to C ssize_t");
        return b.longValue();
    }

    /** The "i" format: a C int. */
    private static int cInt(Runtime rt, long v) {
        if (rt.heap.typeOf(v) == rt.heap.floats) throw rt.typeError("'float' object cannot be interpreted as an integer");
        java.math.BigInteger b = new VmApi(rt).asIndex(v);
        if (b.bitLength() > 31) {
            throw rt.error("OverflowError", "signed integer is " + (b.signum() > 0 ? "greater than maximum" : "less than minimum"));
        }
        return b.intValue();
    }

    /** get_category: the message's own class when it is a Warning, else the category given (None: UserWarning), which must be a Warning subclass. */
    private static long category(Runtime rt, long message, long category) {
        PyType warning = rt.exceptionType("Warning");
        if (Builtins.isInstanceOf(rt, message, warning.address(), "")) return rt.heap.typeOf(message).address();
        if (category == 0 || category == rt.heap.None) category = rt.exceptionType("UserWarning").address();
        boolean ok;
        try {
            ok = rt.ops.isTypeObject(category) && Builtins.isSubclassOf(rt, rt.heap.typeAt(category), warning.address());
        } catch (PyException e) {
            rt.heap.decref(e.exc());
            ok = false;
        }
        if (!ok) throw rt.typeError("category must be a Warning subclass, not '" + rt.ops.typeName(category) + "'");
        return category;
    }

    /** The source line {@code lineno} of the module whose globals these are, from its loader's get_source (0 if none). */
    private static long sourceLine(Runtime rt, long globals, int lineno) {
        Heap heap = rt.heap;
        long loader = heap.dicts.getItem(globals, "__loader__");
        if (loader == 0) return 0;
        heap.incref(loader);
        long name = heap.dicts.getItem(globals, "__name__");
        if (name == 0) {
            heap.decref(loader);
            return 0;
        }
        heap.incref(name);
        long getSource;
        try {
            getSource = Attributes.getOrNull(rt, loader, "get_source");
        } finally {
            heap.decref(loader);
        }
        if (getSource == 0) {
            heap.decref(name);
            return 0;
        }
        long source;
        try {
            source = rt.ops.call0(getSource, name);
        } finally {
            heap.decref(getSource);
            heap.decref(name);
        }
        if (source == heap.None) {
            heap.decref(source);
            return 0;
        }
        long lines;
        try {
            lines = rt.ops.callMethod(source, "splitlines");
        } finally {
            heap.decref(source);
        }
        try {
            if (heap.typeOf(lines) != heap.lists) return 0;
            if (lineno - 1 < 0 || lineno - 1 >= ListType.size(lines)) throw rt.error("IndexError", "list index out of range");
            return Builtins.incref(heap, ListType.item(lines, lineno - 1));
        } finally {
            heap.decref(lines);
        }
    }

    // ---- what the runtime calls ------------------------------------------------------------------

    /**
     * PyErr_WarnEx: warns with {@code text} as from the Python frame {@code stackLevel} levels up
     * (1: the code running now). An "error" action raises the warning as a PyException.
     */
    static void warn(Runtime rt, String category, String text, int stackLevel) { warn(rt, category, text, stackLevel, 0); }

    /** As {@link #warn(Runtime, String, String, int)} with the object the warning is about ({@code source}, 0: none; PyErr_ResourceWarning's). */
    static void warn(Runtime rt, String category, String text, int stackLevel, long source) {
        long msg = rt.heap.strs.of(text);
        try {
            rt.heap.decref(doWarn(rt, msg, rt.exceptionType(category).address(), stackLevel, source));
        } finally {
            rt.heap.decref(msg);
        }
    }

    /**
     * PyErr_WarnExplicit: warns as from {@code filename}:{@code lineno} in {@code module} (null:
     * the file name without ".py"), with {@code registry} (0: none).
     */
    static void warnExplicit(Runtime rt, String category, String text, String filename, int lineno, String module, long registry) {
        Heap heap = rt.heap;
        long msg = heap.strs.of(text);
        long file = heap.strs.of(filename);
        long mod = module == null ? 0 : heap.strs.of(module);
        try {
            heap.decref(warnExplicit(rt, rt.exceptionType(category).address(), msg, file, lineno, mod, registry, 0, 0));
        } finally {
            heap.decref(msg);
            heap.decref(file);
            heap.xdecref(mod);
        }
    }

    /**
     * _PyErr_WarnUnawaitedCoroutine, from a never-started coroutine's finalizer: imports warnings
     * and calls its {@code _warn_unawaited_coroutine(coro)} (the warning with the coroutine as its
     * source, cr_origin's frames in the text); without it (or when it fails other than by raising
     * the RuntimeWarning), "coroutine '...' was never awaited" is warned here. Errors are reported
     * as unraisable, on the coroutine.
     */
    static void unawaitedCoroutine(Runtime rt, long coro, String qualname) {
        Heap heap = rt.heap;
        boolean warned = false;
        PyException pending = null;
        long fn = 0;
        try {
            fn = warningsAttr(rt, "_warn_unawaited_coroutine", true);
        } catch (PyException e) {
            pending = e;
        }
        if (fn != 0) {
            try {
                heap.decref(rt.ops.call0(fn, coro));
                warned = true;
            } catch (PyException e) {
                if (rt.ops.isInstance(e.exc(), rt.exceptionType("RuntimeWarning"))) warned = true;
                pending = e;
            } finally {
                heap.decref(fn);
            }
        }
        if (pending != null) rt.writeUnraisable(pending.exc(), null, coro);
        if (!warned) {
            long msg = heap.strs.of("coroutine '" + qualname + "' was never awaited");
            try {
                heap.decref(doWarn(rt, msg, rt.exceptionType("RuntimeWarning").address(), 1, coro));
            } catch (PyException e) {
                rt.writeUnraisable(e.exc(), null, coro);
            } finally {
                heap.decref(msg);
            }
        }
    }

    // ---- the machinery ---------------------------------------------------------------------------

    /** do_warn: the context of the frame {@code stackLevel} up, then warn_explicit. */
    private static long doWarn(Runtime rt, long message, long category, long stackLevel, long source) {
        Heap heap = rt.heap;
        Frame f = Frame.complete(rt.interpreter.current);
        if (stackLevel <= 0 || isInternal(f)) {
            while (--stackLevel > 0 && f != null) f = Frame.complete(f.back);
        } else {
            while (--stackLevel > 0 && f != null) {
                do {
                    f = Frame.complete(f.back);
                } while (f != null && isInternal(f));
            }
        }
        long globals;
        long filename;
        int lineno;
        if (f == null) {
            // interp->sysdict: refheap makes the sys module when it is first imported
            if (rt.sysDict == 0) heap.decref(Modules.importModule(rt, "sys"));
            globals = rt.sysDict;
            filename = heap.strs.of("sys");
            lineno = 1;
        } else {
            globals = f.globals;
            filename = heap.strs.of(f.code.unit.filename());
            lineno = f.line();
        }
        long registry = 0, module = 0;
        try {
            registry = heap.dicts.getItem(globals, "__warningregistry__");
            if (registry == 0) {
                registry = heap.dicts.create();
                heap.dicts.setItem(globals, "__warningregistry__", registry);
            } else {
                heap.incref(registry);
            }
            module = heap.dicts.getItem(globals, "__name__");
            if (module == heap.None || (module != 0 && Heap.isStr(module))) {
                heap.incref(module);
            } else {
                module = heap.strs.of("<string>");
            }
            return warnExplicit(rt, category, message, filename, lineno, module, registry, 0, source);
        } finally {
            heap.decref(filename);
            heap.xdecref(registry);
            heap.xdecref(module);
        }
    }

    /** is_internal_frame: a frame of importlib's bootstrap (its file name has "importlib" and "_bootstrap"). */
    private static boolean isInternal(Frame f) {
        if (f == null) return false;
        String file = f.code.unit.filename();
        return file.contains("importlib") && file.contains("_bootstrap");
    }

    /**
     * warn_explicit: filters the warning and acts on it; a new reference to None, or throws (the
     * warning itself, for "error"). {@code module}, {@code registry}, {@code sourceLine} and
     * {@code source} may be 0 (not given); all arguments are borrowed.
     */
    static long warnExplicit(Runtime rt, long category, long message, long filename, int lineno, long module,
                             long registry, long sourceLine, long source) {
        Heap heap = rt.heap;
        if (module == heap.None) return Builtins.incref(heap, heap.None);
        if (registry != 0 && registry != heap.None && !rt.ops.isInstance(registry, heap.dicts)) {
            throw rt.typeError("'registry' must be a dict or None");
        }
        if (registry == heap.None) registry = 0;
        long mod = 0, text = 0, msg = 0, linenoObj = 0, key = 0;
        try {
            mod = module != 0 ? Builtins.incref(heap, module) : normalizeModule(rt, filename);
            if (Builtins.isInstanceOf(rt, message, rt.exceptionType("Warning").address(), "")) {
                msg = Builtins.incref(heap, message);
                text = rt.ops.strObject(message);
                category = heap.typeOf(message).address();
            } else {
                text = Builtins.incref(heap, message);
                msg = rt.ops.call0(category, message);
            }
            linenoObj = heap.ints.of(lineno);
            key = heap.tuples.alloc(3);
            TupleType.setItemSteal(key, 0, Builtins.incref(heap, text));
            TupleType.setItemSteal(key, 1, Builtins.incref(heap, category));
            TupleType.setItemSteal(key, 2, Builtins.incref(heap, linenoObj));
            if (registry != 0 && alreadyWarned(rt, registry, key, false)) return Builtins.incref(heap, heap.None);
            long[] item = {0};
            long action = filterAction(rt, category, text, lineno, mod, item);
            try {
                String act = StrType.value(action);
                if (act.equals("error")) {
                    throw new PyException(Builtins.incref(heap, msg));
                }
                if (act.equals("ignore")) return Builtins.incref(heap, heap.None);
                boolean warned = false;
                if (!act.equals("always")) {
                    if (registry != 0) heap.dicts.setItem(registry, key, heap.True);
                    if (act.equals("once")) {
                        long reg = registry != 0 ? registry : onceRegistry(rt);
                        warned = updateRegistry(rt, reg, text, category);
                    } else if (act.equals("module")) {
                        if (registry != 0) warned = updateRegistry(rt, registry, text, category);
                    } else if (!act.equals("default")) {
                        throw rt.error("RuntimeError", "Unrecognized action (" + rt.ops.repr(action) + ") in warnings.filters:\n "
                                + rt.ops.repr(item[0]));
                    }
                }
                if (!warned) show(rt, category, text, msg, filename, lineno, linenoObj, sourceLine, source);
                return Builtins.incref(heap, heap.None);
            } finally {
                heap.decref(action);
                heap.xdecref(item[0]);
            }
        } finally {
            heap.xdecref(key);
            heap.xdecref(text);
            heap.xdecref(linenoObj);
            heap.xdecref(mod);
            heap.xdecref(msg);
        }
    }

    /** normalize_module: the file name without a ".py" ending; "<unknown>" for "". */
    private static long normalizeModule(Runtime rt, long filename) {
        String s = StrType.value(filename);
        if (s.isEmpty()) return rt.heap.strs.of("<unknown>");
        if (s.endsWith(".py")) return rt.heap.strs.of(s.substring(0, s.length() - 3));
        return Builtins.incref(rt.heap, filename);
    }

    /**
     * already_warned: whether {@code registry} (of the current filters' version: an older one is
     * emptied and stamped first) has a true entry for {@code key}; if not and {@code set}, makes one.
     */
    private static boolean alreadyWarned(Runtime rt, long registry, long key, boolean set) {
        Heap heap = rt.heap;
        State st = state(rt);
        long version = heap.dicts.getItem(registry, "version");
        if (version == 0 || heap.typeOf(version) != heap.ints || !sameVersion(version, st.version)) {
            heap.dicts.clearDict(registry);
            long v = heap.ints.of(st.version);
            heap.dicts.setItem(registry, "version", v);
            heap.decref(v);
        } else {
            long already = heap.dicts.getItem(registry, key);
            if (already != 0) {
                heap.incref(already);
                try {
                    if (rt.ops.truthy(already)) return true;
                } finally {
                    heap.decref(already);
                }
            }
        }
        if (set) heap.dicts.setItem(registry, key, heap.True);
        return false;
    }

    private static boolean sameVersion(long v, long version) {
        java.math.BigInteger b = IntType.toBig(v);
        return b.bitLength() <= 63 && b.longValue() == version;
    }

    /** update_registry: registry[(text, category)], through already_warned. */
    private static boolean updateRegistry(Runtime rt, long registry, long text, long category) {
        Heap heap = rt.heap;
        long alt = heap.tuples.alloc(2);
        TupleType.setItemSteal(alt, 0, Builtins.incref(heap, text));
        TupleType.setItemSteal(alt, 1, Builtins.incref(heap, category));
        try {
            return alreadyWarned(rt, registry, alt, true);
        } finally {
            heap.decref(alt);
        }
    }

    /** warnings.NAME if sys.modules has the warnings module (imported first if {@code tryImport}), else 0; a new reference. */
    private static long warningsAttr(Runtime rt, String name, boolean tryImport) {
        Heap heap = rt.heap;
        long m;
        if (tryImport && !rt.closing) {
            try {
                m = Modules.importModule(rt, "warnings");
            } catch (PyException e) {
                if (rt.ops.isInstance(e.exc(), rt.exceptionType("ImportError"))) {
                    heap.decref(e.exc());
                    return 0;
                }
                throw e;
            }
        } else {
            m = heap.dicts.getItem(rt.sysModules, "warnings");
            if (m == 0) return 0;
            heap.incref(m);
        }
        try {
            return Attributes.getOrNull(rt, m, name);
        } finally {
            heap.decref(m);
        }
    }

    /** get_once_registry: warnings.onceregistry (which must be a dict) becomes the state's; a borrowed reference. */
    private static long onceRegistry(Runtime rt) {
        State st = state(rt);
        long reg = warningsAttr(rt, "onceregistry", false);  // get_once_registry reads warnings.onceregistry
        if (reg == 0) return st.onceRegistry;
        if (!rt.ops.isInstance(reg, rt.heap.dicts)) {
            String t = rt.ops.typeName(reg);
            rt.heap.decref(reg);
            throw rt.typeError("_warnings.onceregistry must be a dict, not '" + t + "'");
        }
        st.onceRegistry = swap(rt, st.onceRegistry, reg);
        return st.onceRegistry;
    }

    /**
     * get_filter: the action (a new reference) of the first filter that matches, with the filter in
     * {@code item[0]} (a new reference); else the default action, with None there.
     */
    private static long filterAction(Runtime rt, long category, long text, int lineno, long module, long[] item) {
        Heap heap = rt.heap;
        State st = state(rt);
        long wf = warningsAttr(rt, "filters", false);
        if (wf != 0) st.filters = swap(rt, st.filters, wf);
        long filters = st.filters;
        if (!rt.ops.isInstance(filters, heap.lists)) throw rt.error("ValueError", "_warnings.filters must be a list");
        for (long i = 0; i < ListType.size(filters); i++) {
            long f = ListType.item(filters, i);
            if (heap.typeOf(f) != heap.tuples && !rt.ops.isInstance(f, heap.tuples) || TupleType.size(f) != 5) {
                throw rt.error("ValueError", "_warnings.filters item " + i + " isn't a 5-tuple");
            }
            heap.incref(f);
            boolean keep = false;
            try {
                long action = TupleType.item(f, 0), msg = TupleType.item(f, 1), cat = TupleType.item(f, 2);
                long mod = TupleType.item(f, 3), ln = TupleType.item(f, 4);
                if (!Heap.isStr(action)) throw rt.typeError("action must be a string, not '" + rt.ops.typeName(action) + "'");
                boolean goodMsg = matched(rt, msg, text);
                boolean goodMod = matched(rt, mod, module);
                boolean sub = isSubclass(rt, category, cat);
                long l = lineNumber(rt, ln);
                if (goodMsg && sub && goodMod && (l == 0 || l == lineno)) {
                    keep = true;
                    item[0] = f;
                    return Builtins.incref(heap, action);
                }
            } finally {
                if (!keep) heap.decref(f);
            }
        }
        long def = warningsAttr(rt, "defaultaction", false);
        if (def != 0) st.defaultAction = swap(rt, st.defaultAction, def);
        if (!Heap.isStr(st.defaultAction)) throw rt.typeError("action must be a string, not '" + rt.ops.typeName(st.defaultAction) + "'");
        item[0] = Builtins.incref(heap, heap.None);
        return Builtins.incref(heap, st.defaultAction);
    }

    /** PyObject_IsSubclass(category, cat). */
    private static boolean isSubclass(Runtime rt, long category, long cat) {
        if (!rt.ops.isTypeObject(category)) throw rt.typeError("issubclass() arg 1 must be a class");
        return Builtins.isSubclassOf(rt, rt.heap.typeAt(category), cat);
    }

    /** PyLong_AsSsize_t of a filter's line number. */
    private static long lineNumber(Runtime rt, long ln) {
        if (!(rt.heap.typeOf(ln) instanceof IntType)) {
            if (!rt.ops.isInstance(ln, rt.heap.ints)) throw rt.typeError("an integer is required");
        }
        java.math.BigInteger b = IntType.toBig(ln);
        if (b.bitLength() > 63) throw rt.error("OverflowError", "Python int too large to convert to C ssize_t");
        return b.longValue();
    }

    /** check_matched: None matches all; an exact str must equal; anything else is a regex whose match() decides. */
    private static boolean matched(Runtime rt, long pattern, long arg) {
        Heap heap = rt.heap;
        if (pattern == heap.None) return true;
        if (heap.typeOf(pattern) == heap.strs) {
            if (!Heap.isStr(arg)) throw rt.typeError("Can't compare str and " + rt.ops.typeName(arg));
            return StrType.value(pattern).equals(StrType.value(arg));
        }
        long r = rt.ops.callMethod(pattern, "match", arg);
        try {
            return rt.ops.truthy(r);
        } finally {
            heap.decref(r);
        }
    }

    /** call_show_warning: warnings._showwarnmsg(WarningMessage(...)) when there is one, else the text on sys.stderr. */
    private static void show(Runtime rt, long category, long text, long message, long filename, int lineno, long linenoObj,
                             long sourceLine, long source) {
        Heap heap = rt.heap;
        long showFn = warningsAttr(rt, "_showwarnmsg", source != 0);
        if (showFn == 0) {
            showOnStderr(rt, filename, lineno, text, category, sourceLine);
            return;
        }
        try {
            if (!Builtins.isCallable(rt, showFn) && rt.ops.lookupType(heap.typeOf(showFn), "__call__") == 0) {
                throw rt.typeError("warnings._showwarnmsg() must be set to a callable");
            }
            long cls = warningsAttr(rt, "WarningMessage", false);
            if (cls == 0) throw rt.error("RuntimeError", "unable to get warnings.WarningMessage");
            long msg;
            try {
                msg = source != 0 ? rt.ops.call0(cls, message, category, filename, linenoObj, heap.None, heap.None, source)
                        : rt.ops.call0(cls, message, category, filename, linenoObj, heap.None, heap.None);
            } finally {
                heap.decref(cls);
            }
            try {
                heap.decref(rt.ops.call0(showFn, msg));
            } finally {
                heap.decref(msg);
            }
        } finally {
            heap.decref(showFn);
        }
    }

    /**
     * show_warning: "file:line: Category: text" written to sys.stderr piece by piece, then (when no
     * source line was given: 3.11 writes none of a given one) the file's line as
     * _Py_DisplaySourceLine shows it. Errors on the way end the output silently.
     */
    private static void showOnStderr(Runtime rt, long filename, int lineno, long text, long category, long sourceLine) {
        Heap heap = rt.heap;
        long name = 0;
        try {
            name = Attributes.get(rt, category, "__name__");
            long stderr = Modules.stderrObject(rt);
            if (stderr == -1) {  // sys not made yet: its stderr would be the process's
                StringBuilder sb = new StringBuilder();
                sb.append(rt.ops.str(filename)).append(':').append(lineno).append(": ").append(rt.ops.str(name)).append(": ")
                        .append(rt.ops.str(text)).append('\n');
                if (sourceLine == 0) {
                    String line = sourceLineShown(rt, StrType.value(filename), lineno);
                    if (line != null) sb.append("  ").append(line).append('\n');
                }
                rt.err.print(sb);
                rt.err.flush();
                return;
            }
            if (stderr == 0) {
                rt.err.print("lost sys.stderr\n");
                rt.err.flush();
                return;
            }
            heap.incref(stderr);
            try {
                write(rt, stderr, rt.ops.str(filename));
                write(rt, stderr, ":" + lineno + ": ");
                write(rt, stderr, rt.ops.str(name));
                write(rt, stderr, ": ");
                write(rt, stderr, rt.ops.str(text));
                write(rt, stderr, "\n");
                if (sourceLine == 0) displaySourceLine(rt, stderr, StrType.value(filename), lineno);
            } finally {
                heap.decref(stderr);
            }
        } catch (PyException e) {
            heap.decref(e.exc());
        } finally {
            heap.xdecref(name);
        }
    }

    private static void write(Runtime rt, long file, String s) {
        long o = rt.heap.strs.of(s);
        try {
            rt.heap.decref(rt.ops.callMethod(file, "write", o));
        } finally {
            rt.heap.decref(o);
        }
    }

    /** _Py_DisplaySourceLine with an indent of 2: the line, leading blanks removed, its newline dropped; nothing for "<...>" names. */
    private static void displaySourceLine(Runtime rt, long file, String filename, int lineno) {
        String line = sourceLineShown(rt, filename, lineno);
        if (line == null) return;
        write(rt, file, "  ");
        write(rt, file, line);
        write(rt, file, "\n");
    }

    /**
     * Line {@code lineno} of a file this runtime has not compiled, read as _Py_DisplaySourceLine
     * reads it: the file by its name, else (_Py_FindSourceFile) its last path component in each
     * sys.path directory; decoded by its coding declaration; "" when there is none to read (a
     * sandboxed runtime reads none).
     */
    static String fileLine(Runtime rt, String filename, int lineno) {
        if (rt.sandboxed || lineno < 1 || filename.isEmpty()) return "";
        try {
            java.nio.file.Path p = java.nio.file.Path.of(filename);
            if (!java.nio.file.Files.isRegularFile(p)) {
                p = null;
                String tail = filename.substring(filename.lastIndexOf('/') + 1);
                long sys = rt.heap.dicts.getItem(rt.sysModules, "sys");
                long path = sys == 0 || !rt.isModule(sys) ? 0 : rt.heap.dicts.getItem(ModuleType.dict(sys), "path");
                if (path != 0 && rt.heap.typeOf(path) == rt.heap.lists) {
                    for (long i = 0; i < ListType.size(path) && p == null; i++) {
                        long dir = ListType.item(path, i);
                        if (!Heap.isStr(dir)) continue;
                        java.nio.file.Path c = java.nio.file.Path.of(StrType.value(dir), tail);
                        if (java.nio.file.Files.isRegularFile(c)) p = c;
                    }
                }
                if (p == null) return "";
            }
            String text = dev.refheap.lang.parser.SourceDecoder.decode(java.nio.file.Files.readAllBytes(p), filename);
            // a file declared UTF-8 that is not: python3 reads it strictly here (linecache's
            // tokenize.open, the traceback printer's TextIOWrapper), so it shows no line at all
            if (dev.refheap.lang.lexer.UndecodableBytes.any(text, 0, text.length())) return "";
            java.util.List<String> lines = LineCache.split(text);
            return lineno <= lines.size() ? lines.get(lineno - 1) : "";
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    /** The text _Py_DisplaySourceLine shows of a line (leading blanks and the newline removed), or null for none. */
    private static String sourceLineShown(Runtime rt, String filename, int lineno) {
        if (filename.startsWith("<") && filename.endsWith(">")) return null;
        String line = rt.lineCache.source(filename) != null ? rt.lineCache.getline(filename, lineno) : fileLine(rt, filename, lineno);
        if (line.isEmpty()) return null;
        if (line.endsWith("\n")) line = line.substring(0, line.length() - 1);
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '\f')) i++;
        return line.substring(i);
    }
}
