package dev.refheap.lang.vm;

import dev.refheap.gc.CycleCollector;
import dev.refheap.gc.GcCallbacks;
import dev.refheap.memory.MallocStats;
import dev.refheap.memory.Native;
import dev.refheap.object.DictType;
import dev.refheap.object.GcHead;
import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import dev.refheap.object.ListType;
import dev.refheap.object.PyError;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in modules the VM itself provides: {@code sys}, {@code gc}, {@code ctypes},
 * {@code _weakref}, {@code time}, {@code builtins}, {@code refheap} (the importer's
 * {@code NativeModules} adds those written in {@code lang.modules}). Each is created on first
 * import and kept in {@code sys.modules}; misuse raises CPython's exception types with its messages.
 */
final class Modules {
    /** sys.copyright as CPython 3.11.7 has it (site's copyright() prints it). */
    private static final String COPYRIGHT = """
            Copyright (c) 2001-2023 Python Software Foundation.
            All Rights Reserved.

            Copyright (c) 2000 BeOpen.com.
            All Rights Reserved.

            Copyright (c) 1995-2001 Corporation for National Research Initiatives.
            All Rights Reserved.

            Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.
            All Rights Reserved.""";

    private Modules() {}

    /** {@code import name} (a top-level name) through the import system; a new reference. */
    static long importModule(Runtime rt, String name) {
        long n = rt.heap.strs.internedOf(name);
        long zero = rt.heap.ints.of(0);
        try {
            return rt.imports().importName(n, 0, 0, zero);
        } finally {
            rt.heap.decref(n);
            rt.heap.decref(zero);
        }
    }

    static boolean isBuiltinName(String name) {
        return switch (name) {
            case "sys", "gc", "ctypes", "_weakref", "_warnings", "time", "builtins", "refheap" -> true;
            default -> false;
        };
    }

    /** A new instance of the built-in module {@code name}, or 0 if refheap has no such built-in module. */
    static long createBuiltin(Runtime rt, String name) {
        long m = switch (name) {
            case "sys" -> sys(rt);
            case "gc" -> gc(rt);
            case "ctypes" -> Ctypes.module(rt);
            case "_weakref" -> WeakrefNative.module(rt);
            case "_warnings" -> Warnings.module(rt);
            case "time" -> time(rt);
            case "builtins" -> builtins(rt);
            case "refheap" -> RefheapModule.create(rt);
            default -> 0L;
        };
        if (m != 0 && !name.equals("ctypes") && !name.equals("refheap")) giveDoc(rt, m, name);  // refheap's own: no CPython doc
        return m;
    }

    /**
     * PyModule_SetDocString with a builtin or native module's m_doc: CPython 3.11's text
     * (BuiltinDocs, a new str in the module's {@code __doc__}, whose place in the dict module
     * creation gave). A module CPython gives no doc, or any module when refheap has no CPython 3.11
     * to take them from, keeps None.
     */
    static void giveDoc(Runtime rt, long m, String name) {
        String raw = BuiltinDocs.startupDoc("@" + name);
        if (raw == null || raw == BuiltinDocs.NULL) return;
        long doc = rt.heap.strs.of(raw);
        rt.heap.dicts.setItem(ModuleType.dict(m), rt.names.__doc__, doc);
        rt.heap.decref(doc);
    }

    static void def(Runtime rt, long module, String name, Builtin impl) { def(rt, module, name, null, impl); }

    /** The same, with the docstring the function carries ({@code null}: none carried). */
    static void def(Runtime rt, long module, String name, String doc, Builtin impl) {
        long modName = rt.heap.dicts.getItem(ModuleType.dict(module), "__name__");
        if (modName != 0 && rt.heap.typeOf(modName) == rt.heap.strs) impl = moduleFunction(rt, StrType.value(modName), name, impl);
        // PyModule_AddFunctions: m_self is the module, m_module the module's name (each holds a reference)
        long f = rt.builtinFunctionType.create(name, impl, module, null, doc);
        if (modName != 0) rt.builtinFunctionType.setModule(f, modName);
        rt.heap.dicts.setItem(ModuleType.dict(module), name, f);
        rt.heap.decref(f);
    }

    /** A module's function as its entry holds it: the arity check its name calls for, under its key ({@link NativeFunction}). */
    static Builtin moduleFunction(Runtime rt, String module, String name, Builtin impl) { return moduleFunction(rt, module, name, impl, 0); }

    /** The same, for a function made for the object at {@code context} ({@link NativeFunction#context}). */
    static Builtin moduleFunction(Runtime rt, String module, String name, Builtin impl, long context) {
        String key = module + "." + name;
        return new NativeFunction(key, ModuleArity.wrap(rt, key, impl), context);
    }

    /** {@link #def}, for a function made for the object at {@code context} (its module, a type): a start-up image makes it again for the same object. */
    static void def(Runtime rt, long module, String name, Builtin impl, long context) {
        long modName = rt.heap.dicts.getItem(ModuleType.dict(module), "__name__");
        long f = rt.builtinFunctionType.create(name, moduleFunction(rt, StrType.value(modName), name, impl, context), module, null, null);
        rt.builtinFunctionType.setModule(f, modName);
        rt.heap.dicts.setItem(ModuleType.dict(module), name, f);
        rt.heap.decref(f);
    }

    static void set(Runtime rt, long module, String name, long value) {
        rt.heap.dicts.setItem(ModuleType.dict(module), name, value);
        rt.heap.decref(value);
    }

    private static long none(Heap heap) {
        heap.incref(heap.None);
        return heap.None;
    }

    // ---- sys ------------------------------------------------------------------------------------

    static long stderrObject(Runtime rt) {
        return rt.sysDict == 0 ? -1 : rt.heap.dicts.getItem(rt.sysDict, "stderr");  // _PySys_GetAttr: interp->sysdict
    }

    private static long sys(Runtime rt) {
        // sys exists before a CPython program's first line: the tuples its making (struct sequence
        // types, sys.implementation's class and code) takes from the program's free lists are given back
        int[] freeTuples = SysInfo.freeTuples(rt.heap);
        long m = sysModule(rt);
        rt.sysDict = rt.hold(Builtins.incref(rt.heap, ModuleType.dict(m)));
        SysInfo.giveBackTuples(rt, freeTuples);
        return m;
    }

    /** The names of sys's functions (the keys of {@link #sysFunctions}). */
    static final java.util.Set<String> SYS_FUNCTIONS = java.util.Set.of("getrefcount", "getsizeof", "set_asyncgen_hooks", "get_asyncgen_hooks", "intern", "get_int_max_str_digits", "set_int_max_str_digits", "audit", "getrecursionlimit", "get_coroutine_origin_tracking_depth", "set_coroutine_origin_tracking_depth", "getswitchinterval", "setswitchinterval", "setrecursionlimit", "_debugmallocstats", "getallocatedblocks", "exc_info", "exit", "getfilesystemencoding", "getfilesystemencodeerrors", "excepthook", "displayhook", "unraisablehook", "gettrace", "settrace", "getprofile", "setprofile", "_getframe", "_current_frames", "breakpointhook", "_clear_type_cache",
            "_current_exceptions", "exception", "getdefaultencoding", "getdlopenflags", "_getquickenedcount", "is_finalizing", "setdlopenflags",
            "call_tracing");

    /**
     * sys's functions by name, made from the runtime alone (no object allocated): the module's setup
     * defines them from this table in its own order, and a runtime adopting a start-up image makes
     * them again from it ({@link NativeFunction}).
     */
    static Map<String, Builtin> sysFunctions(Runtime rt) {
        Heap heap = rt.heap;
        Map<String, Builtin> fns = new java.util.HashMap<>();
        fns.put("getrefcount", (s, a, o, n, kw) -> { Args.exactly(rt, "getrefcount", n, kw, 1); return heap.ints.of(heap.refcount(a[o])); });
        fns.put("getsizeof", (s, a, o, n, kw) -> {
            int nkw = Args.nkw(kw);
            for (int k = 0; k < nkw && n - nkw >= 1; k++) {
                String key = StrType.value(dev.refheap.object.TupleType.item(kw, k));
                if (!key.equals("default")) throw rt.typeError("'" + key + "' is an invalid keyword argument for getsizeof()");
            }
            // METH_VARARGS|METH_KEYWORDS: the positional arguments become a tuple; then
            // _PySys_GetSizeOf binds __sizeof__ (_PyObject_LookupSpecial): two GC allocations 3.11
            // makes around the call (found by the memory fuzzer)
            long packed = packVarargs(heap, a, o, n - nkw);
            try {
                if (n - nkw == 0) throw rt.typeError("getsizeof() missing required argument 'object' (pos 1)");
                long bound = rt.builtinFunctionType.create("__sizeof__", (s2, a2, o2, n2, kw2) -> {
                    throw new IllegalStateException("never called");
                }, a[o], heap.typeOf(a[o]));
                try {
                    long size = sizeof(rt, a[o]);  // a size_t: __sizeof__'s sys.maxsize plus the GC header is past a Java long
                    return size >= 0 ? heap.ints.of(size) : heap.ints.of(new java.math.BigInteger(Long.toUnsignedString(size)));
                } catch (PyException e) {
                    // a default is returned for a TypeError only (sys_getsizeof_impl)
                    long dflt = n - nkw >= 2 ? a[o + 1] : nkw == 1 ? a[o + n - 1] : 0;
                    if (dflt == 0) throw e;
                    rt.ops.dropTypeError(e);
                    heap.incref(dflt);
                    return dflt;
                } finally {
                    heap.decref(bound);
                }
            } finally {
                heap.decref(packed);
            }
        });
        fns.put("set_asyncgen_hooks", (s, a, o, n, kw) -> rt.asyncGens.setHooks(a, o, n, kw));
        fns.put("get_asyncgen_hooks", (s, a, o, n, kw) -> {
            Args.exactly(rt, "get_asyncgen_hooks", n, kw, 0);
            return rt.asyncGens.hooks();
        });
        fns.put("intern", (s, a, o, n, kw) -> {
            Args.exactly(rt, "intern", n, kw, 1);
            if (!Heap.isStr(a[o])) throw rt.typeError("intern() argument must be str, not " + rt.ops.typeName(a[o]));
            if (heap.typeOf(a[o]) != heap.strs) throw rt.typeError("can't intern " + rt.ops.typeName(a[o]));  // PyUnicode_CheckExact
            heap.incref(a[o]);
            return heap.strs.intern(a[o]);
        });
        fns.put("get_int_max_str_digits", (s, a, o, n, kw) -> {
            if (n > 0) throw rt.typeError("sys.get_int_max_str_digits() takes no arguments (" + n + " given)");
            return heap.ints.of(rt.intMaxStrDigits);
        });
        fns.put("set_int_max_str_digits", (s, a, o, n, kw) -> { IntStrLimit.set(rt, a, o, n, kw); return none(heap); });
        fns.put("audit", (s, a, o, n, kw) -> {
            if (kw != 0 && dev.refheap.object.TupleType.size(kw) > 0) throw rt.typeError("audit() takes no keyword arguments");
            if (n < 1) throw rt.typeError("audit() missing 1 required positional argument: 'event'");
            return Builtins.incref(heap, heap.None);
        });
        fns.put("getrecursionlimit", (s, a, o, n, kw) -> heap.ints.of(rt.recursionLimit));
        fns.put("get_coroutine_origin_tracking_depth", (s, a, o, n, kw) -> {
            Args.exactly(rt, "get_coroutine_origin_tracking_depth", n, kw, 0);
            return heap.ints.of(rt.coroutineOriginDepth);
        });
        fns.put("set_coroutine_origin_tracking_depth", (s, a, o, n, kw) -> {
            // argument clinic: one argument, by position or as depth=
            String fn = "set_coroutine_origin_tracking_depth()";
            int nkw = Args.nkw(kw);
            if (n > 1) throw rt.typeError(fn + " takes at most 1 " + (nkw == n ? "keyword " : "") + "argument (" + n + " given)");
            for (int i = 0; i < nkw; i++) {
                String k = StrType.value(dev.refheap.object.TupleType.item(kw, i));
                if (!k.equals("depth")) throw rt.typeError(fn + " got an unexpected keyword argument '" + k + "'");
            }
            if (n == 0) throw rt.typeError(fn + " missing required argument 'depth' (pos 1)");
            long depth = a[o];
            long d = Builtins.intArg(rt, depth);
            if (d != (int) d) throw rt.error("OverflowError", "Python int too large to convert to C int");
            if (d < 0) throw rt.error("ValueError", "depth must be >= 0");
            rt.coroutineOriginDepth = (int) d;
            return none(heap);
        });
        fns.put("getswitchinterval", (s, a, o, n, kw) -> heap.floats.of(1e-6 * rt.gil.intervalMicros));
        fns.put("setswitchinterval", (s, a, o, n, kw) -> {
            Args.exactly(rt, "setswitchinterval", n, kw, 1);
            double v = new VmApi(rt).asDouble(a[o]);
            if (!(v > 0.0)) throw rt.error("ValueError", "switch interval must be strictly positive");
            double us = 1e6 * v;
            rt.gil.intervalMicros = us >= 0x1p63 ? Long.MAX_VALUE : (long) us;  // 1e-9 s reads back as 0.0, as in 3.11
            return none(heap);
        });
        fns.put("setrecursionlimit", (s, a, o, n, kw) -> {
            Args.exactly(rt, "setrecursionlimit", n, kw, 1);
            long v = Builtins.intArg(rt, a[o]);
            if (v < 1) throw rt.error("ValueError", "recursion limit must be greater or equal than 1");
            // a limit at or below the current depth (this call counted) is refused
            int depth = rt.interpreter.recursionDepth();
            if (depth >= v) {
                throw rt.error("RecursionError", "cannot set the recursion limit to " + v + " at the recursion depth " + depth + ": the limit is too low");
            }
            rt.recursionLimit = (int) Math.min(v, 100_000);
            return none(heap);
        });
        fns.put("_debugmallocstats", (s, a, o, n, kw) -> {
            MallocStats stats = heap.allocator().stats();
            rt.err.print(stats.format());
            rt.err.print(heap.freeListStats());
            return none(heap);
        });
        fns.put("getallocatedblocks", (s, a, o, n, kw) -> heap.ints.of(heap.allocator().allocatedBlocks()));
        fns.put("exc_info", (s, a, o, n, kw) -> SysInfo.excInfo(rt, rt.interpreter.topmostHandled()));
        // sys.exception(): the handled exception itself (3.11's new spelling of sys.exc_info()[1])
        fns.put("exception", (s, a, o, n, kw) -> {
            long e = rt.interpreter.topmostHandled();
            return Builtins.incref(heap, e == 0 ? heap.None : e);
        });
        fns.put("getdefaultencoding", (s, a, o, n, kw) -> heap.strs.of("utf-8"));
        fns.put("is_finalizing", (s, a, o, n, kw) -> rt.ops.bool(rt.finalizing));
        fns.put("getdlopenflags", (s, a, o, n, kw) -> heap.ints.of(rt.dlopenFlags));
        fns.put("setdlopenflags", (s, a, o, n, kw) -> {
            long v = Builtins.intArg(rt, a[o]);
            if (v != (int) v) throw rt.error("OverflowError", "Python int too large to convert to C int");
            rt.dlopenFlags = (int) v;  // kept for getdlopenflags: refheap loads no extension module with them
            return none(heap);
        });
        fns.put("_getquickenedcount", (s, a, o, n, kw) -> heap.ints.of(rt.quickenedCount));
        // sys._clear_type_cache(): refheap's attribute lookup caches (ClassType) are Java maps that
        // hold no reference to a heap object, and each is checked against the class dicts' version
        // on every use; there is nothing a program could observe to drop
        fns.put("_clear_type_cache", (s, a, o, n, kw) -> none(heap));
        fns.put("_current_exceptions", (s, a, o, n, kw) -> SysInfo.currentExceptions(rt));
        // sys.call_tracing(func, args): func(*args). 3.11 delivers no trace or profile event inside it
        // when a trace or profile function calls it (3.10 and 3.12 do: 3.11's tracing state stays
        // paused for the frames it starts), so here it is a call with the tracing state as it is
        fns.put("call_tracing", (s, a, o, n, kw) -> {
            if (Args.nkw(kw) > 0) throw rt.typeError("sys.call_tracing() takes no keyword arguments");
            if (n != 2) throw rt.typeError("call_tracing expected 2 arguments, got " + n);
            long args = a[o + 1];
            if (!rt.ops.isInstance(args, heap.tuples)) {
                throw rt.typeError("call_tracing() argument 2 must be tuple, not " + rt.ops.typeName(args));
            }
            int size = (int) TupleType.size(args);
            long[] items = new long[size];
            for (int i = 0; i < size; i++) items[i] = TupleType.item(args, i);
            return rt.ops.call(a[o], items, 0, size, 0);
        });
        fns.put("exit", (s, a, o, n, kw) -> {
            if (Args.nkw(kw) > 0) throw rt.typeError("sys.exit() takes no keyword arguments");
            if (n > 1) throw rt.typeError("exit expected at most 1 argument, got " + n);
            // PyErr_SetObject(SystemExit, code) (_PyErr_CreateException): None is no argument, a tuple (or a
            // subclass's instance) the exception's args, anything else its one argument
            long args;
            if (n == 0 || a[o] == heap.None) args = heap.tuples.alloc(0);
            else if (rt.ops.baseView(a[o]) instanceof TupleType) {
                heap.incref(a[o]);
                args = a[o];
            } else args = heap.tuples.of(a[o]);
            throw new PyException(rt.ops.instantiateException(rt.exceptionType("SystemExit"), args));
        });
        fns.put("getfilesystemencoding", (s, a, o, n, kw) -> heap.strs.of(rt.fsEncoding()));
        fns.put("getfilesystemencodeerrors", (s, a, o, n, kw) -> heap.strs.of("surrogateescape"));
        fns.put("excepthook", (s, a, o, n, kw) -> excepthook(rt, a, o, n, kw));
        fns.put("displayhook", (s, a, o, n, kw) -> {
            if (n != 1 || (kw != 0 && TupleType.size(kw) != 0)) throw rt.error("TypeError", "sys.displayhook() takes exactly one argument (" + n + " given)");
            ExecBuiltins.displayhook(rt, a[o]);
            return none(heap);
        });
        fns.put("unraisablehook", (s, a, o, n, kw) -> rt.callDefaultUnraisablehook(a[o]));
        // sys.breakpointhook (also sys.__breakpointhook__)
        fns.put("breakpointhook", (s, a, o, n, kw) -> breakpointHook(rt, a, o, n, kw));
        // sys.settrace/gettrace and setprofile/getprofile: this thread's functions (SysTrace)
        for (String kind : new String[] {"trace", "profile"}) {
            boolean trace = kind.equals("trace");
            fns.put("get" + kind, (s, a, o, n, kw) -> {
                if (n != 0 || (kw != 0 && TupleType.size(kw) != 0)) throw rt.error("TypeError", "sys.get" + kind + "() takes no arguments (" + n + " given)");
                long f = trace ? rt.interpreter.traceObj : rt.interpreter.profileObj;
                return f == 0 ? none(heap) : Builtins.incref(heap, f);
            });
            fns.put("set" + kind, (s, a, o, n, kw) -> {
                if (n != 1 || (kw != 0 && TupleType.size(kw) != 0)) throw rt.error("TypeError", "sys.set" + kind + "() takes exactly one argument (" + n + " given)");
                if (trace) SysTrace.setTrace(rt, a[o]);
                else SysTrace.setProfile(rt, a[o]);
                return none(heap);
            });
        }
        SysInfo.functions(rt, fns);
        return fns;
    }

    /** Defines sys's function {@code name} from {@code fns} in module {@code m}. */
    private static void defSys(Runtime rt, long m, Map<String, Builtin> fns, String name) {
        Builtin impl = fns.get(name);
        if (impl == null) throw new IllegalStateException("sys has no function " + name);
        def(rt, m, name, impl);
    }

    private static long sysModule(Runtime rt) {
        Heap heap = rt.heap;
        Map<String, Builtin> fns = sysFunctions(rt);
        long m = rt.moduleType.create("sys");
        defSys(rt, m, fns, "getrefcount");
        defSys(rt, m, fns, "getsizeof");
        defSys(rt, m, fns, "set_asyncgen_hooks");
        defSys(rt, m, fns, "get_asyncgen_hooks");
        defSys(rt, m, fns, "intern");
        defSys(rt, m, fns, "get_int_max_str_digits");
        defSys(rt, m, fns, "set_int_max_str_digits");
        // sys.audit: refheap has no audit hooks (sys.addaudithook is absent), so an event goes nowhere
        // (3.11 returns before even checking the event's type when nothing listens)
        defSys(rt, m, fns, "audit");
        defSys(rt, m, fns, "getrecursionlimit");
        defSys(rt, m, fns, "get_coroutine_origin_tracking_depth");
        defSys(rt, m, fns, "set_coroutine_origin_tracking_depth");
        // the interpreter lock's switch interval (Gil), kept in microseconds as 3.11 keeps it
        defSys(rt, m, fns, "getswitchinterval");
        defSys(rt, m, fns, "setswitchinterval");
        defSys(rt, m, fns, "setrecursionlimit");
        defSys(rt, m, fns, "_debugmallocstats");
        defSys(rt, m, fns, "getdefaultencoding");
        defSys(rt, m, fns, "getdlopenflags");
        defSys(rt, m, fns, "getallocatedblocks");
        defSys(rt, m, fns, "_clear_type_cache");
        defSys(rt, m, fns, "exception");
        defSys(rt, m, fns, "exc_info");
        defSys(rt, m, fns, "exit");
        defSys(rt, m, fns, "_getquickenedcount");
        defSys(rt, m, fns, "is_finalizing");
        defSys(rt, m, fns, "setdlopenflags");
        defSys(rt, m, fns, "call_tracing");
        set(rt, m, "version", heap.strs.of(SysInfo.version()));
        set(rt, m, "maxsize", heap.ints.of(Long.MAX_VALUE));
        set(rt, m, "byteorder", heap.strs.of("little"));
        set(rt, m, "platform", heap.strs.of("linux"));
        set(rt, m, "platlibdir", heap.strs.of("lib"));
        set(rt, m, "abiflags", heap.strs.of(""));  // a release build's (sysconfig names its _sysconfigdata module by it)
        set(rt, m, "copyright", heap.strs.of(COPYRIGHT));
        java.util.List<String> builtinNames = rt.imports().builtinModuleNames();
        long names = heap.tuples.alloc(builtinNames.size());
        for (int i = 0; i < builtinNames.size(); i++) TupleType.setItemSteal(names, i, heap.strs.of(builtinNames.get(i)));
        set(rt, m, "builtin_module_names", names);
        set(rt, m, "stdlib_module_names", SysInfo.stdlibModuleNames(rt));
        set(rt, m, "pycache_prefix", Builtins.incref(heap, heap.None));  // no -X pycache_prefix: refheap writes no .pyc
        String stdlibDir = rt.imports().stdlibDir();
        set(rt, m, "_stdlib_dir", stdlibDir == null ? Builtins.incref(heap, heap.None) : heap.strs.of(stdlibDir));
        defSys(rt, m, fns, "getfilesystemencoding");
        defSys(rt, m, fns, "getfilesystemencodeerrors");
        set(rt, m, "argv", GetpathNamespace.strList(rt, rt.mainConfig.argv()));
        // sys.orig_argv: the command line as the process got it (the launcher's name first)
        set(rt, m, "orig_argv", GetpathNamespace.strList(rt, rt.mainConfig.origArgv()));
        heap.incref(rt.sysModules);
        set(rt, m, "modules", rt.sysModules);
        // Not from the free lists: StartupState's figures count what `import sys` took from them before these existed.
        long path = heap.lists.alloc(0, false);
        java.util.List<String> initial = rt.imports().initialPath();
        // under CPython's start-up, sys.path[0] comes after it (CpythonStartup.run)
        if (rt.deferPath0 && rt.mainConfig.effectivePath0() != null) initial = initial.subList(1, initial.size());
        for (String p : initial) {
            long s = heap.strs.of(p);
            heap.lists.append(path, s);
            heap.decref(s);
        }
        set(rt, m, "path", path);
        // refheap runs as a virtual environment of its own without system site-packages (VirtualEnv):
        // prefix and exec_prefix are the environment, base_prefix and base_exec_prefix the standard
        // library's installation, as CPython's getpath sets them from a pyvenv.cfg
        String basePrefix = rt.imports().prefix();
        java.nio.file.Path env = basePrefix == null ? null : VirtualEnv.ensure();
        if (basePrefix != null) {
            String prefix = env == null ? basePrefix : env.toString();
            set(rt, m, "prefix", heap.strs.of(prefix));
            set(rt, m, "base_prefix", heap.strs.of(basePrefix));
            set(rt, m, "exec_prefix", heap.strs.of(prefix));
            set(rt, m, "base_exec_prefix", heap.strs.of(basePrefix));
        }
        // sys.executable: the environment's bin/refheap, which runs the launcher (sys._base_executable:
        // the launcher runs refheap as python3 runs CPython and passes its path), '' when unknown, as CPython
        set(rt, m, "executable", heap.strs.of(VirtualEnv.executable(env)));
        set(rt, m, "_base_executable", heap.strs.of(VirtualEnv.launcher()));
        set(rt, m, "meta_path", heap.lists.alloc(0, false));
        set(rt, m, "path_hooks", heap.lists.alloc(0, false));
        // the finder of each path entry the import search has reached (the importer fills it:
        // a FileFinder for a directory, None otherwise), as importlib's PathFinder keeps it
        set(rt, m, "path_importer_cache", heap.dicts.create());
        if (rt.scriptImporterKey != null) noteScriptImporter(rt, m);
        Runtime.StartFlags start = rt.mainConfig.start();
        set(rt, m, "dont_write_bytecode", rt.ops.bool(start.dontWriteBytecode()));
        long warnoptions = heap.lists.alloc(0, false);
        for (String w : start.warnOptions()) {
            long v = heap.strs.of(w);
            heap.lists.append(warnoptions, v);
            heap.decref(v);
        }
        set(rt, m, "warnoptions", warnoptions);
        long xoptions = heap.dicts.create();
        for (String[] x : start.xOptions()) {
            long v = x[1] == null ? rt.ops.bool(true) : heap.strs.of(x[1]);
            heap.dicts.setItem(xoptions, x[0], v);
            heap.decref(v);
        }
        set(rt, m, "_xoptions", xoptions);
        set(rt, m, "stdin", Streams.create(rt, Streams.STDIN));
        set(rt, m, "stdout", Streams.create(rt, false));
        set(rt, m, "stderr", Streams.create(rt, true));
        for (String std : new String[] {"stdin", "stdout", "stderr"}) {  // the originals, kept for restoring them
            heap.dicts.setItem(ModuleType.dict(m), "__" + std + "__", heap.dicts.getItem(ModuleType.dict(m), std));
        }
        defSys(rt, m, fns, "excepthook");
        heap.dicts.setItem(ModuleType.dict(m), "__excepthook__", heap.dicts.getItem(ModuleType.dict(m), "excepthook"));
        defSys(rt, m, fns, "displayhook");
        long hook = heap.dicts.getItem(ModuleType.dict(m), "displayhook");
        heap.incref(hook);
        rt.defaultDisplayhook = rt.hold(hook);
        heap.dicts.setItem(ModuleType.dict(m), "__displayhook__", rt.defaultDisplayhook);
        // sys.unraisablehook and sys.__unraisablehook__ (one builtin, METH_O), and the struct
        // sequence type PyErr_WriteUnraisable hands a program's own hook
        rt.unraisableHookArgsType = new SysInfo.StructSeqType(rt, "UnraisableHookArgs",
                java.util.List.of("exc_type", "exc_value", "exc_traceback", "err_msg", "object")).registered();
        defSys(rt, m, fns, "unraisablehook");
        long unraisable = heap.dicts.getItem(ModuleType.dict(m), "unraisablehook");
        heap.incref(unraisable);
        rt.defaultUnraisablehook = rt.hold(unraisable);
        heap.dicts.setItem(ModuleType.dict(m), "__unraisablehook__", rt.defaultUnraisablehook);
        // sys.breakpointhook and sys.__breakpointhook__ (one builtin)
        defSys(rt, m, fns, "breakpointhook");
        long bhook = heap.dicts.getItem(ModuleType.dict(m), "breakpointhook");
        heap.dicts.setItem(ModuleType.dict(m), "__breakpointhook__", bhook);
        // sys.settrace/gettrace and setprofile/getprofile: this thread's functions (SysTrace)
        for (String kind : new String[] {"trace", "profile"}) {
            defSys(rt, m, fns, "get" + kind);
            defSys(rt, m, fns, "set" + kind);
        }
        SysInfo.install(rt, m, fns);
        return m;
    }

    /**
     * sys.breakpointhook(*args, **kws): $PYTHONBREAKPOINT (read now from the C library's
     * environment, so os.environ changes count; ignored with -E) names a callable, "module.attr"
     * or a builtin's name, pdb.set_trace when unset or empty; "0" does nothing. One that cannot
     * be imported is a RuntimeWarning and None.
     */
    private static long breakpointHook(Runtime rt, long[] a, int o, int n, long kw) {
        String env = rt.mainConfig.start().ignoreEnvironment() ? null : cGetenv("PYTHONBREAKPOINT");
        if (env == null || env.isEmpty()) env = "pdb.set_trace";
        else if (env.equals("0")) return none(rt.heap);
        int dot = env.lastIndexOf('.');
        String modPath = dot < 0 ? "builtins" : env.substring(0, dot), attr = dot < 0 ? env : env.substring(dot + 1);
        long hook = 0;
        if (dot != 0) {
            try {
                rt.heap.decref(importModule(rt, modPath));
                long mod = rt.heap.dicts.getItem(rt.sysModules, modPath);
                if (mod == 0) throw rt.error("KeyError", modPath);
                long name = rt.heap.strs.of(attr);
                try {
                    hook = rt.ops.getAttr(mod, name);
                } finally {
                    rt.heap.decref(name);
                }
            } catch (PyException e) {
                if (!rt.ops.isInstance(e.exc(), rt.exceptionType("ImportError")) && !rt.ops.isInstance(e.exc(), rt.exceptionType("AttributeError"))) throw e;
                rt.heap.decref(e.exc());
                hook = 0;
            }
        }
        if (hook == 0) {
            Warnings.warn(rt, "RuntimeWarning", "Ignoring unimportable $PYTHONBREAKPOINT: \"" + env + "\"", 0);
            return none(rt.heap);
        }
        try {
            return rt.ops.call(hook, a, o, n, kw);
        } finally {
            rt.heap.decref(hook);
        }
    }

    /** getenv(3): the C library's environment now (os.putenv and os.environ change it), null when unset. */
    private static String cGetenv(String name) {
        var linker = java.lang.foreign.Linker.nativeLinker();
        var getenv = linker.downcallHandle(linker.defaultLookup().find("getenv").orElseThrow(),
                java.lang.foreign.FunctionDescriptor.of(java.lang.foreign.ValueLayout.ADDRESS, java.lang.foreign.ValueLayout.ADDRESS));
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            var r = (java.lang.foreign.MemorySegment) getenv.invokeExact(arena.allocateFrom(name));
            if (r.equals(java.lang.foreign.MemorySegment.NULL)) return null;
            return r.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw new IllegalStateException("getenv", t);
        }
    }

    /** The file program's path in sys.path_importer_cache, None (pymain_get_importer found no finder for a file), unless there already. */
    static void noteScriptImporter(Runtime rt, long sys) {
        long cache = rt.heap.dicts.getItem(ModuleType.dict(sys), "path_importer_cache");
        if (cache == 0 || rt.heap.typeOf(cache) != rt.heap.dicts) return;
        long key = rt.heap.strs.of(rt.scriptImporterKey);
        try {
            if (rt.heap.dicts.getItem(cache, key) == 0) rt.heap.dicts.setItem(cache, key, rt.heap.None);
        } finally {
            rt.heap.decref(key);
        }
    }

    /**
     * sys.excepthook(type, value, traceback) (also sys.__excepthook__): PyErr_Display, the traceback
     * python3 prints for an uncaught exception, written to sys.stderr; a value that is not an
     * exception is reported there as print_exception's TypeError, not raised.
     */
    private static long excepthook(Runtime rt, long[] a, int o, int n, long kw) {
        Heap heap = rt.heap;
        Args.exactly(rt, "excepthook", n, kw, 3);
        long value = a[o + 1], tb = a[o + 2];
        String text;
        if (!rt.ops.isInstance(value, rt.baseException)) {
            text = "TypeError: print_exception(): Exception expected for value, " + rt.ops.typeName(value) + " found\n";
        } else {
            long key = heap.strs.internedOf("__traceback__");
            try {
                long cur = rt.ops.getAttr(value, key);
                if (cur == heap.None && tb != heap.None) rt.ops.setAttr(value, key, tb);  // the value's own traceback wins
                heap.decref(cur);
            } finally {
                heap.decref(key);
            }
            text = rt.tracebacks.format(value, true);  // PyErr_Display: with suggestions
        }
        long file = stderrObject(rt);
        if (file == -1 || file == 0 || file == heap.None) return none(heap);
        long str = heap.strs.of(text);
        try {
            heap.decref(rt.ops.callMethod(file, "write", str));
        } finally {
            heap.decref(str);
        }
        return none(heap);
    }

    /** sys.getsizeof: __sizeof__ plus the GC head and managed-dict pre-header. */
    static long sizeof(Runtime rt, long o) {
        Heap heap = rt.heap;
        PyType t = heap.typeOf(o);
        rt.ops.versionTag(t, "__sizeof__");  // _PyObject_LookupSpecial(o, "__sizeof__")'s _PyType_Lookup
        if (t instanceof ClassType c && rt.ops.lookupUserOnly(c, "__sizeof__") != 0) {
            long r = rt.ops.callMethod(o, "__sizeof__");
            try {
                if (!(rt.ops.baseView(r) instanceof IntType)) throw rt.typeError("an integer is required");
                if (!IntType.fitsLong(r)) throw rt.error("OverflowError", "Python int too large to convert to C ssize_t");
                long v = IntType.asLong(r);
                if (v < 0) throw rt.error("ValueError", "__sizeof__() should return >= 0");
                return v + t.preHeaderSize();
            } finally {
                heap.decref(r);
            }
        }
        long pre = rt.ops.isTypeObject(o) && !(heap.typeAt(o) instanceof ClassType) ? 16 : heap.isGcObject(o) || t.isGc() ? t.preHeaderSize() : 0;
        return t.sizeOf(o) + pre;
    }

    // ---- gc -------------------------------------------------------------------------------------

    private static long gc(Runtime rt) {
        Heap heap = rt.heap;
        CycleCollector gc = rt.gc;
        long m = rt.moduleType.create("gc");
        long callbacks = heap.lists.alloc(0);
        rt.heap.dicts.setItem(ModuleType.dict(m), "callbacks", callbacks);
        rt.heap.dicts.setItem(ModuleType.dict(m), "garbage", rt.gcModel.garbage());
        gc.setCallbacks(new GcCallbacks() {
            @Override public boolean isEmpty() { return ListType.size(callbacks) == 0; }

            @Override
            public void invoke(String phase, int generation, long collected, long uncollectable) {
                long info = heap.dicts.create();
                putNew(heap, info, "generation", heap.ints.of(generation));
                putNew(heap, info, "collected", heap.ints.of(collected));
                putNew(heap, info, "uncollectable", heap.ints.of(uncollectable));
                long ph = heap.strs.of(phase);
                heap.incref(callbacks);
                try {
                    for (long i = 0; i < ListType.size(callbacks); i++) {
                        long cb = ListType.item(callbacks, i);
                        heap.incref(cb);
                        try {
                            heap.decref(rt.ops.call0(cb, ph, info));
                        } catch (PyException e) {
                            rt.writeUnraisable(e.exc(), null, cb);
                        } finally {
                            heap.decref(cb);
                        }
                    }
                } finally {
                    heap.decref(callbacks);
                    heap.decref(ph);
                    heap.decref(info);
                }
            }
        });
        rt.hold(callbacks); // the collector's own reference (gcstate->callbacks), released when the runtime closes
        def(rt, m, "collect", (s, a, o, n, kw) -> {
            long gen = 2;
            int nkw = Args.nkw(kw);
            if (n - nkw > 1) throw rt.typeError("collect() takes at most 1 argument (" + n + " given)");
            if (n == 1) gen = Builtins.intArg(rt, a[o]);
            if (gen < 0 || gen > 2) throw rt.error("ValueError", "invalid generation");
            return heap.ints.of(gc.collect((int) gen));
        });
        def(rt, m, "enable", (s, a, o, n, kw) -> { gc.setEnabled(true); return none(heap); });
        def(rt, m, "disable", (s, a, o, n, kw) -> { gc.setEnabled(false); return none(heap); });
        def(rt, m, "isenabled", (s, a, o, n, kw) -> rt.ops.bool(gc.isEnabled()));
        def(rt, m, "get_count", (s, a, o, n, kw) -> {
            long[] c = gc.count();
            return tuple3(heap, c[0], c[1], c[2]);
        });
        def(rt, m, "get_threshold", (s, a, o, n, kw) -> {
            int[] t = gc.threshold();
            return tuple3(heap, t[0], t[1], t[2]);
        });
        def(rt, m, "set_threshold", (s, a, o, n, kw) -> {
            Args.noKeywords(rt, "set_threshold", kw);
            long packed = packVarargs(heap, a, o, n);
            try {
                setThreshold(rt, gc, a, o, n);
            } finally {
                heap.decref(packed);
            }
            return none(heap);
        });
        def(rt, m, "get_stats", (s, a, o, n, kw) -> {
            long[][] st = gc.stats();
            long l = heap.lists.alloc(0);
            for (long[] g : st) {
                long d = heap.dicts.create();
                putNew(heap, d, "collections", heap.ints.of(g[0]));
                putNew(heap, d, "collected", heap.ints.of(g[1]));
                putNew(heap, d, "uncollectable", heap.ints.of(g[2]));
                heap.lists.append(l, d);
                heap.decref(d);
            }
            return l;
        });
        def(rt, m, "get_objects", (s, a, o, n, kw) -> {
            long g = -1;
            if (n == 1 && a[o] != heap.None) {
                if (!(rt.ops.baseView(a[o]) instanceof IntType)) throw rt.typeError("argument should be integer or None, not '" + rt.ops.typeName(a[o]) + "'");
                g = Builtins.intArg(rt, a[o]);
                if (g >= CycleCollector.NUM_GENERATIONS) throw rt.error("ValueError", "generation parameter must be less than the number of available generations (3)");
                if (g < -1) throw rt.error("ValueError", "generation parameter cannot be negative");
            }
            long result = heap.lists.alloc(0);
            List<Long> objs = new ArrayList<>();
            for (int i = 0; i < CycleCollector.NUM_GENERATIONS; i++) {
                if (g == -1 || g == i) gc.forEachInGeneration(i, x -> { if (x != result) objs.add(x); });
            }
            for (long x : objs) heap.lists.append(result, x);
            return result;
        });
        def(rt, m, "get_referents", (s, a, o, n, kw) -> {
            long packed = packVarargs(heap, a, o, n);  // METH_VARARGS, as set_threshold
            long result = heap.lists.alloc(0);
            List<Long> refs = new ArrayList<>();
            for (int i = 0; i < n; i++) if (heap.isGcObject(a[o + i])) heap.typeOf(a[o + i]).traverse(a[o + i], refs::add);
            for (long x : refs) heap.lists.append(result, x);
            heap.decref(packed);
            return result;
        });
        def(rt, m, "get_referrers", (s, a, o, n, kw) -> {
            long result = heap.lists.alloc(0);
            Set<Long> targets = new java.util.HashSet<>();
            for (int i = 0; i < n; i++) targets.add(a[o + i]);
            Set<Long> found = new LinkedHashSet<>();
            for (int g = 0; g < CycleCollector.NUM_GENERATIONS; g++) {
                gc.forEachInGeneration(g, x -> {
                    if (x == result) return;
                    heap.typeOf(x).traverse(x, r -> { if (targets.contains(r)) found.add(x); });
                });
            }
            for (long x : found) heap.lists.append(result, x);
            return result;
        });
        def(rt, m, "is_tracked", (s, a, o, n, kw) -> {
            Args.exactly(rt, "is_tracked", n, kw, 1);
            return rt.ops.bool(heap.isGcObject(a[o]) && GcHead.isTracked(a[o]));
        });
        def(rt, m, "is_finalized", (s, a, o, n, kw) -> {
            Args.exactly(rt, "is_finalized", n, kw, 1);
            return rt.ops.bool(heap.isGcObject(a[o]) && GcHead.isFinalized(a[o]));
        });
        def(rt, m, "freeze", (s, a, o, n, kw) -> { gc.freeze(); return none(heap); });
        def(rt, m, "unfreeze", (s, a, o, n, kw) -> { gc.unfreeze(); return none(heap); });
        def(rt, m, "get_freeze_count", (s, a, o, n, kw) -> heap.ints.of(gc.freezeCount()));
        def(rt, m, "get_debug", (s, a, o, n, kw) -> heap.ints.of(gc.debug()));
        def(rt, m, "set_debug", (s, a, o, n, kw) -> {
            Args.exactly(rt, "set_debug", n, kw, 1);
            gc.setDebug((int) Builtins.intArg(rt, a[o]));
            return none(heap);
        });
        set(rt, m, "DEBUG_STATS", heap.ints.of(CycleCollector.DEBUG_STATS));
        set(rt, m, "DEBUG_COLLECTABLE", heap.ints.of(CycleCollector.DEBUG_COLLECTABLE));
        set(rt, m, "DEBUG_UNCOLLECTABLE", heap.ints.of(CycleCollector.DEBUG_UNCOLLECTABLE));
        set(rt, m, "DEBUG_SAVEALL", heap.ints.of(CycleCollector.DEBUG_SAVEALL));
        set(rt, m, "DEBUG_LEAK", heap.ints.of(CycleCollector.DEBUG_LEAK));
        return m;
    }

    /** d[key] = value, where value is a new reference the dict takes over. */
    private static void putNew(Heap heap, long d, String key, long value) {
        heap.dicts.setItem(d, key, value);
        heap.decref(value);
    }

    private static long tuple3(Heap heap, long a, long b, long c) {
        long t = heap.tuples.alloc(3);
        TupleType.setItemSteal(t, 0, heap.ints.of(a));
        TupleType.setItemSteal(t, 1, heap.ints.of(b));
        TupleType.setItemSteal(t, 2, heap.ints.of(c));
        return t;
    }

    // ---- gc helpers ----------------------------------------------------------------------------------

    /**
     * The argument tuple a METH_VARARGS builtin receives in 3.11 (gc.set_threshold,
     * gc.get_referents): a GC allocation when the tuple free list has none of that size, so it
     * moves count0 and can start a collection (found by the memory fuzzer). A new reference.
     */
    private static long packVarargs(Heap heap, long[] a, int o, int n) {
        long packed = heap.tuples.alloc(n);
        for (int i = 0; i < n; i++) TupleType.setItemSteal(packed, i, Builtins.incref(heap, a[o + i]));
        return packed;
    }

    /** gc.set_threshold's checks and effect (the arguments a[o..o+n)). */
    private static void setThreshold(Runtime rt, CycleCollector gc, long[] a, int o, int n) {
        Heap heap = rt.heap;
        if (n < 1) throw rt.typeError("set_threshold() takes at least 1 argument (0 given)");
        if (n > 3) throw rt.typeError("set_threshold() takes at most 3 arguments (" + n + " given)");
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            if (!(rt.ops.baseView(a[o + i]) instanceof IntType)) throw rt.typeError("'" + rt.ops.typeName(a[o + i]) + "' object cannot be interpreted as an integer");
            if (!IntType.fitsLong(a[o + i]) || Math.abs(IntType.asLong(a[o + i])) > Integer.MAX_VALUE) {
                throw rt.error("OverflowError", "signed integer is greater than maximum");
            }
            v[i] = (int) IntType.asLong(a[o + i]);
        }
        for (int i = 0; i < n; i++) gc.setThreshold(i, v[i]);
    }

    // ---- time, builtins ---------------------------------------------------------------------------------

    /** time's clock functions in the order its setup defines them (the calendar's follow: {@link TimeCalendar#FUNCTIONS}). */
    static final java.util.List<String> TIME_FUNCTIONS = java.util.List.of("perf_counter", "perf_counter_ns", "monotonic", "process_time",
            "process_time_ns", "thread_time", "thread_time_ns", "time", "time_ns", "sleep", "clock_gettime", "clock_gettime_ns", "clock_getres",
            "clock_settime", "clock_settime_ns", "pthread_getcpuclockid", "get_clock_info");

    /** time's CLOCK_* constants: Linux's clock ids. */
    private static final Map<String, Integer> CLOCK_IDS = new java.util.LinkedHashMap<>();

    static {
        CLOCK_IDS.put("CLOCK_REALTIME", Clocks.CLOCK_REALTIME);
        CLOCK_IDS.put("CLOCK_MONOTONIC", Clocks.CLOCK_MONOTONIC);
        CLOCK_IDS.put("CLOCK_MONOTONIC_RAW", 4);
        CLOCK_IDS.put("CLOCK_PROCESS_CPUTIME_ID", Clocks.CLOCK_PROCESS_CPUTIME_ID);
        CLOCK_IDS.put("CLOCK_THREAD_CPUTIME_ID", Clocks.CLOCK_THREAD_CPUTIME_ID);
        CLOCK_IDS.put("CLOCK_BOOTTIME", 7);
        CLOCK_IDS.put("CLOCK_TAI", 11);
    }

    /** get_clock_info's facts per clock on Linux: the call behind it, monotonic, adjustable, and the clock id for its resolution. */
    private record ClockInfo(String implementation, boolean monotonic, boolean adjustable, int clock) {}

    private static final Map<String, ClockInfo> CLOCK_INFO = Map.of(
            "time", new ClockInfo("clock_gettime(CLOCK_REALTIME)", false, true, Clocks.CLOCK_REALTIME),
            "monotonic", new ClockInfo("clock_gettime(CLOCK_MONOTONIC)", true, false, Clocks.CLOCK_MONOTONIC),
            "perf_counter", new ClockInfo("clock_gettime(CLOCK_MONOTONIC)", true, false, Clocks.CLOCK_MONOTONIC),
            "process_time", new ClockInfo("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false, Clocks.CLOCK_PROCESS_CPUTIME_ID),
            "thread_time", new ClockInfo("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false, Clocks.CLOCK_THREAD_CPUTIME_ID));

    /** A clock id argument ("i" format): an int that fits a C int. */
    private static int clockId(Runtime rt, long o) {
        if (!(rt.ops.baseView(o) instanceof IntType) && rt.ops.lookupType(rt.heap.typeOf(o), "__index__") == 0) {
            throw rt.typeError("'" + rt.ops.typeName(o) + "' object cannot be interpreted as an integer");
        }
        java.math.BigInteger v = new VmApi(rt).asIndex(o);
        if (v.bitLength() > 31) throw rt.error("OverflowError", "signed integer is " + (v.signum() > 0 ? "greater than maximum" : "less than minimum"));
        return v.intValue();
    }

    private static long clockCall(Runtime rt, String name, long[] a, int o, int n, long kw, boolean resolution) {
        Args.noKeywords(rt, name, kw);
        if (n != 1) throw rt.typeError(name + "() takes exactly 1 argument (" + n + " given)");
        int clock = clockId(rt, a[o]);
        Long nanos = resolution ? Clocks.resolutionNanos(clock) : Clocks.clockNanos(clock);
        if (nanos == null) throw rt.osError(22, "Invalid argument", null);
        return nanos;
    }

    /**
     * time's clock functions by name, made from the runtime alone (no object allocated): the
     * module's setup defines them from this table, and a runtime adopting a start-up image makes
     * them again from it ({@link NativeFunction}).
     */
    static Map<String, Builtin> timeFunctions(Runtime rt) {
        Heap heap = rt.heap;
        Map<String, Builtin> f = new java.util.HashMap<>();
        f.put("perf_counter", (s, a, o, n, kw) -> heap.floats.of(System.nanoTime() / 1e9));
        f.put("perf_counter_ns", (s, a, o, n, kw) -> heap.ints.of(System.nanoTime()));
        f.put("monotonic", (s, a, o, n, kw) -> heap.floats.of(System.nanoTime() / 1e9));
        f.put("process_time", (s, a, o, n, kw) -> heap.floats.of(Clocks.processTimeNanos() / 1e9));
        f.put("process_time_ns", (s, a, o, n, kw) -> heap.ints.of(Clocks.processTimeNanos()));
        f.put("thread_time", (s, a, o, n, kw) -> heap.floats.of(Clocks.threadTimeNanos() / 1e9));
        f.put("thread_time_ns", (s, a, o, n, kw) -> heap.ints.of(Clocks.threadTimeNanos()));
        f.put("time", (s, a, o, n, kw) -> heap.floats.of(Clocks.seconds(Clocks.realtimeNanos())));
        f.put("time_ns", (s, a, o, n, kw) -> heap.ints.of(Clocks.realtimeNanos()));
        f.put("clock_gettime", (s, a, o, n, kw) -> heap.floats.of(Clocks.seconds(clockCall(rt, "clock_gettime", a, o, n, kw, false))));
        f.put("clock_gettime_ns", (s, a, o, n, kw) -> heap.ints.of(clockCall(rt, "clock_gettime", a, o, n, kw, false)));  // 3.11 names it clock_gettime
        f.put("clock_getres", (s, a, o, n, kw) -> heap.floats.of(Clocks.seconds(clockCall(rt, "clock_getres", a, o, n, kw, true))));
        for (String refused : new String[] {"clock_settime", "clock_settime_ns", "pthread_getcpuclockid"}) {
            f.put(refused, (s, a, o, n, kw) -> { throw rt.error("NotImplementedError", "refheap does not support time." + refused + " yet"); });
        }
        f.put("get_clock_info", (s, a, o, n, kw) -> {
            Args.noKeywords(rt, "get_clock_info", kw);
            if (n != 1) throw rt.typeError("get_clock_info() takes exactly 1 argument (" + n + " given)");
            if (!Heap.isStr(a[o])) throw rt.typeError("get_clock_info() argument 1 must be str, not " + rt.ops.typeName(a[o]));
            ClockInfo info = CLOCK_INFO.get(StrType.value(a[o]));
            if (info == null) throw rt.error("ValueError", "unknown clock");
            return clockInfo(rt, info);
        });
        f.put("sleep", (s, a, o, n, kw) -> {
            Args.exactly(rt, "sleep", n, kw, 1);
            long nanos = Clocks.timeoutNanos(rt, a[o]);
            if (nanos < 0) throw rt.error("ValueError", "sleep length must be non-negative");
            Clocks.sleep(rt, nanos);
            return none(heap);
        });
        return f;
    }

    /** A types.SimpleNamespace with get_clock_info's four fields, in CPython's order. */
    private static long clockInfo(Runtime rt, ClockInfo info) {
        Heap heap = rt.heap;
        Long res = Clocks.resolutionNanos(info.clock());
        long[] values = {heap.strs.of(info.implementation()), heap.bools.of(info.monotonic()), heap.bools.of(info.adjustable()),
                heap.floats.of(Clocks.seconds(res == null ? 1 : res))};
        try {
            return rt.namespaceType.of(new String[] {"implementation", "monotonic", "adjustable", "resolution"}, values);
        } finally {
            for (long v : values) heap.decref(v);
        }
    }

    private static long time(Runtime rt) {
        Map<String, Builtin> fns = timeFunctions(rt);
        long m = rt.moduleType.create("time");
        for (String name : TIME_FUNCTIONS) def(rt, m, name, fns.get(name), m);  // one table per module object, as each import makes
        for (Map.Entry<String, Integer> id : CLOCK_IDS.entrySet()) set(rt, m, id.getKey(), rt.heap.ints.of(id.getValue()));
        TimeCalendar.install(rt, m);
        return m;
    }

    private static long builtins(Runtime rt) {
        long m = rt.moduleType.create("builtins");
        long d = ModuleType.dict(m);
        Native.putLong(m + ModuleType.DICT, rt.builtinsDict);
        rt.heap.incref(rt.builtinsDict);
        rt.heap.decref(d);
        // the builtins' functions were made before their module: they take it as m_self and its name
        // as m_module now, as PyModule_AddFunctions gives them
        long name = Native.getLong(m + ModuleType.NAME);  // the interned 'builtins' its dict's __name__ is
        rt.heap.dicts.forEach(rt.builtinsDict, (k, v) -> {
            if (rt.heap.typeOf(v) == rt.builtinFunctionType && BuiltinFunctionType.self(v) == 0 && rt.builtinFunctionType.entry(v).owner() == null) {
                rt.builtinFunctionType.setSelf(v, m);
                if (name != 0) rt.builtinFunctionType.setModule(v, name);
            }
        });
        return m;
    }
}
