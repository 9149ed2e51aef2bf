package dev.refheap.lang.importer;

import dev.refheap.lang.vm.Builtin;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;

/**
 * {@code _imp}: the built-in module importlib starts from. The global import lock
 * ({@code acquire_lock}, {@code release_lock}, {@code lock_held}) is CPython's: re-entrant for the
 * thread that holds it, waited for by others; the frozen modules are CPython 3.11's
 * ({@link FrozenModules}); built-in modules are created by the importer, and extension modules
 * ({@code create_dynamic}) are refheap's Java modules of their names ({@link Importer#createDynamic}).
 */
final class ImpModule {
    private ImpModule() {}

    /**
     * The module's functions by name, made from the runtime and the importer alone (no object
     * allocated; the import lock is the importer's, free when an image is taken): the module's
     * setup defines them from this table, and a runtime adopting a start-up image makes them
     * again from it.
     */
    static java.util.Map<String, Builtin> functions(VmApi vm, Importer importer) {
        Heap heap = vm.heap;
        java.util.Map<String, Builtin> f = new java.util.HashMap<>();
        ModuleLocks.Lock lock = importer.importLock;
        f.put("acquire_lock", (s, a, o, n, kw) -> {
            long me = ModuleLocks.currentThread();
            if (!lock.tryTake(me)) vm.acquireLock(() -> lock.tryTake(me), -1);
            return vm.incref(heap.None);
        });
        f.put("release_lock", (s, a, o, n, kw) -> {
            boolean free;
            synchronized (lock) {
                if (lock.count == 0 || lock.owner != ModuleLocks.currentThread()) throw vm.error("RuntimeError", "not holding the import lock");
                free = --lock.count == 0;
                if (free) lock.owner = 0;  // as a lock never taken (owner() reads 0 either way; a start-up image's adopter has it so)
            }
            if (free) vm.lockReleased();
            return vm.incref(heap.None);
        });
        f.put("lock_held", (s, a, o, n, kw) -> heap.bools.of(lock.owner() != 0));
        // 1 for a built-in module, -1 for the two that cannot be initialised again (sys, builtins: no init function), 0 otherwise
        f.put("is_builtin", (s, a, o, n, kw) -> {
            String name = vm.strValue(a[o]);
            if (name.equals("sys") || name.equals("builtins")) return heap.ints.of(-1);
            return heap.ints.of(importer.isBuiltin(name) ? 1 : 0);
        });
        f.put("is_frozen", (s, a, o, n, kw) -> heap.bools.of(importer.frozen(strArg(vm, "is_frozen", a, o, n, kw)) != null));
        f.put("is_frozen_package", (s, a, o, n, kw) -> heap.bools.of(frozenEntry(vm, importer, strArg(vm, "is_frozen_package", a, o, n, kw)).isPackage()));
        // find_frozen(name, /, *, withdata=False): None, or (data, ispkg, origname)
        f.put("find_frozen", (s, a, o, n, kw) -> {
            int nkw = dev.refheap.lang.modules.Params.nkw(kw);
            if (n - nkw != 1) throw vm.error("TypeError", "find_frozen() takes exactly 1 positional argument (" + (n - nkw) + " given)");
            boolean withData = false;
            for (int k = 0; k < nkw; k++) {
                String key = vm.strValue(dev.refheap.object.TupleType.item(kw, k));
                if (!key.equals("withdata")) throw vm.error("TypeError", "'" + key + "' is an invalid keyword argument for find_frozen()");
                withData = vm.truthy(a[o + n - nkw + k]);
            }
            if (!vm.isStr(a[o])) throw vm.error("TypeError", "find_frozen() argument 1 must be str, not " + vm.typeName(a[o]));
            FrozenModules.Entry e = importer.frozen(vm.strValue(a[o]));
            if (e == null) return vm.incref(heap.None);
            if (withData) {
                throw vm.error("NotImplementedError", "refheap does not support find_frozen(withdata=True): its code objects have no marshal form");
            }
            long orig = e.origname() == null ? vm.incref(heap.None) : vm.str(e.origname());
            long t = heap.tuples.alloc(3);
            dev.refheap.object.TupleType.setItemSteal(t, 0, vm.incref(heap.None));
            dev.refheap.object.TupleType.setItemSteal(t, 1, heap.bools.of(e.isPackage()));
            dev.refheap.object.TupleType.setItemSteal(t, 2, orig);
            return t;
        });
        f.put("get_frozen_object", (s, a, o, n, kw) -> {
            if (dev.refheap.lang.modules.Params.nkw(kw) > 0) throw vm.error("TypeError", "get_frozen_object() takes no keyword arguments");
            if (n < 1 || n > 2) throw vm.error("TypeError", "get_frozen_object expected " + (n < 1 ? "at least 1 argument" : "at most 2 arguments") + ", got " + n);
            if (!vm.isStr(a[o])) throw vm.error("TypeError", "get_frozen_object() argument 1 must be str, not " + vm.typeName(a[o]));
            if (n == 2 && a[o + 1] != heap.None) {
                throw vm.error("NotImplementedError", "refheap does not support get_frozen_object() with data: its code objects have no marshal form");
            }
            return importer.frozenCode(frozenEntry(vm, importer, vm.strValue(a[o])));
        });
        // init_frozen(name): the frozen module run in sys.modules' module of that name (made if missing); None if not frozen
        f.put("init_frozen", (s, a, o, n, kw) -> {
            String name = strArg(vm, "init_frozen", a, o, n, kw);
            FrozenModules.Entry e = importer.frozen(name);
            if (e == null) return vm.incref(heap.None);
            long code = importer.frozenCode(e);
            try {
                long m = vm.dictGet(vm.sysModules(), name);
                if (m == 0 || !vm.isModule(m)) {
                    m = vm.newModule(name);
                    heap.dicts.setItem(vm.sysModules(), name, m);
                    heap.decref(m);
                }
                long d = vm.moduleDict(m);
                if (heap.dicts.getItem(d, "__builtins__") == 0) heap.dicts.setItem(d, "__builtins__", vm.builtinsDict());
                vm.exec(code, d);
                return vm.incref(m);
            } finally {
                heap.decref(code);
            }
        });
        f.put("_frozen_module_names", (s, a, o, n, kw) -> {
            long list = heap.lists.alloc(0);
            for (String name : FrozenModules.TABLE.keySet()) {
                long v = vm.str(name);
                heap.lists.append(list, v);
                heap.decref(v);
            }
            return list;
        });
        f.put("_override_frozen_modules_for_tests", (s, a, o, n, kw) -> {
            if (dev.refheap.lang.modules.Params.nkw(kw) > 0 || n != 1) throw vm.error("TypeError", "_override_frozen_modules_for_tests() takes exactly one argument (" + n + " given)");
            int sign = vm.asIndex(a[o]).signum();
            importer.frozenOverride = sign;
            return vm.incref(heap.None);
        });
        // create_dynamic(spec, file=None): refheap's Java module for spec.name, an extension module
        // CPython builds as a shared library (Importer.createDynamic); the file itself is not loaded
        f.put("create_dynamic", (s, a, o, n, kw) -> {
            if (dev.refheap.lang.modules.Params.nkw(kw) > 0) throw vm.error("TypeError", "create_dynamic() takes no keyword arguments");
            if (n < 1 || n > 2) throw vm.error("TypeError", "create_dynamic expected " + (n < 1 ? "at least 1 argument" : "at most 2 arguments") + ", got " + n);
            long name = vm.getAttrOrNull(a[o], "name");
            long origin = 0;
            try {
                if (name == 0) throw vm.error("AttributeError", "'" + vm.typeName(a[o]) + "' object has no attribute 'name'");
                if (!vm.isStr(name)) throw vm.error("TypeError", "module name must be a string, not " + vm.typeName(name));
                origin = vm.getAttrOrNull(a[o], "origin");
                if (origin == 0) throw vm.error("AttributeError", "'" + vm.typeName(a[o]) + "' object has no attribute 'origin'");
                if (!vm.isStr(origin)) throw vm.error("TypeError", "expected str, bytes or os.PathLike object, not " + vm.typeName(origin));
                String nm = vm.strValue(name);
                return importer.createDynamic(nm, vm.strValue(origin));
            } finally {
                heap.xdecref(name);
                heap.xdecref(origin);
            }
        });
        // exec_dynamic(mod): the module's exec slot (the names create_dynamic held back); 0, as for a module without one
        f.put("exec_dynamic", (s, a, o, n, kw) -> {
            if (dev.refheap.lang.modules.Params.nkw(kw) > 0 || n != 1) throw vm.error("TypeError", "exec_dynamic() takes exactly one argument (" + n + " given)");
            if (vm.isModule(a[o])) importer.execDynamic(a[o]);
            return heap.ints.of(0);
        });
        f.put("source_hash", (s, a, o, n, kw) -> SourceHash.call(vm, a, o, n, kw));
        f.put("extension_suffixes", (s, a, o, n, kw) -> {
            long list = heap.lists.alloc(0);
            for (String suffix : PathFinder.EXTENSION_SUFFIXES) {
                long v = vm.str(suffix);
                heap.lists.append(list, v);
                heap.decref(v);
            }
            return list;
        });
        f.put("create_builtin", (s, a, o, n, kw) -> {
            long name = vm.getAttrOrNull(a[o], "name");
            try {
                return importer.importAbsolute(vm.strValue(name));
            } finally {
                heap.xdecref(name);
            }
        });
        f.put("exec_builtin", (s, a, o, n, kw) -> heap.ints.of(0));
        f.put("_fix_co_filename", (s, a, o, n, kw) -> vm.incref(heap.None));
        return f;
    }

    /** The functions in the order the module's setup defines them. */
    private static final String[] FUNCTIONS = {"extension_suffixes", "lock_held", "acquire_lock", "release_lock", "find_frozen",
        "get_frozen_object", "is_frozen_package", "create_builtin", "init_frozen", "is_builtin", "is_frozen", "_frozen_module_names",
        "_override_frozen_modules_for_tests", "create_dynamic", "exec_dynamic", "exec_builtin", "_fix_co_filename", "source_hash"};

    /** The one str argument of a METH_O-style function {@code fn}. */
    private static String strArg(VmApi vm, String fn, long[] a, int o, int n, long kw) {
        if (dev.refheap.lang.modules.Params.nkw(kw) > 0) throw vm.error("TypeError", fn + "() takes no keyword arguments");
        if (n != 1) throw vm.error("TypeError", fn + "() takes exactly one argument (" + n + " given)");
        if (!vm.isStr(a[o])) throw vm.error("TypeError", fn + "() argument must be str, not " + vm.typeName(a[o]));
        return vm.strValue(a[o]);
    }

    /** The frozen module {@code name}, or CPython's ImportError for a name that is not one. */
    private static FrozenModules.Entry frozenEntry(VmApi vm, Importer importer, String name) {
        FrozenModules.Entry e = importer.frozen(name);
        if (e == null) throw vm.error("ImportError", "No such frozen object named '" + name + "'");
        return e;
    }

    static long create(VmApi vm, Importer importer) {
        Heap heap = vm.heap;
        java.util.Map<String, Builtin> fns = functions(vm, importer);
        long m = vm.newModule("_imp");
        for (String name : FUNCTIONS) vm.def(m, name, fns.get(name));
        long tag = vm.str("never");
        heap.dicts.setItem(vm.moduleDict(m), "check_hash_based_pycs", tag);
        heap.decref(tag);
        return m;
    }
}
