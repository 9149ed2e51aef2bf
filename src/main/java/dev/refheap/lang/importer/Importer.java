package dev.refheap.lang.importer;

import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.lang.compiler.Compiler;
import dev.refheap.lang.vm.ImportSystem;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.Runtime;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * refheap's import system: CPython 3.11's import algorithm (import.c's
 * PyImport_ImportModuleLevelObject and importlib._bootstrap's _find_and_load, _load_unlocked and
 * _handle_fromlist), written in Java over refheap's heap.
 *
 * <h2>What it does</h2>
 * Resolves relative names from the importing globals' {@code __package__}/{@code __spec__}/
 * {@code __name__}; consults and fills {@code sys.modules} (a real dict, held by the runtime);
 * imports parents before children and binds each child on its parent; finds modules with the
 * built-in modules first (the VM's own and {@link NativeModules}), then {@link PathFinder} over
 * {@code sys.path} or the parent's {@code __path__}; runs a module's code in its dict with its
 * spec marked {@code _initializing} (so a circular import sees a partially initialised module and
 * 3.11's messages say so); removes a module whose execution failed from sys.modules.
 *
 * <h2>Objects</h2>
 * Module objects, their dicts, functions and classes are ordinary heap objects. The spec and
 * loader objects ({@code ModuleSpec}, {@code SourceFileLoader}, {@code NamespaceLoader},
 * {@code BuiltinImporter}) are instances of classes refheap defines in Python in its own
 * {@code _frozen_importlib} and {@code _frozen_importlib_external} modules (resources next to
 * this class), loaded on the first import that needs a spec (a file, a namespace, or importlib).
 * Built-in modules imported before that get their spec then, as importlib's _setup does.
 *
 * <h2>States</h2>
 * created (no Python objects) → bootstrapped (the two modules exist and are in sys.modules).
 * Compiled code comes from the {@link CodeCache} when it is valid.
 */
public final class Importer implements ImportSystem {
    private final VmApi vm;
    private final Heap heap;
    private final Runtime.MainConfig config;
    final Path stdlib;
    private CodeCache cache;
    /** The dicts of _frozen_importlib and _frozen_importlib_external once bootstrapped (modules held by the runtime), else 0. */
    private long bootstrapDict, externalDict;
    private boolean bootstrapping;
    private final ModuleLocks moduleLocks;

    public Importer(VmApi vm) {
        this.vm = vm;
        this.heap = vm.heap;
        this.config = vm.mainConfig();
        this.stdlib = StdlibLocator.locate(config.stdlib());
        this.dynload = stdlib == null ? null : stdlib.resolve("lib-dynload");
        this.dynloadModules = extensionFiles(dynload);
        this.moduleLocks = new ModuleLocks(vm);
    }

    /** The global import lock (_PyImport_AcquireLock) {@code _imp} takes and releases: re-entrant for its owner, waited for by other threads. */
    final ModuleLocks.Lock importLock = new ModuleLocks.Lock("");

    @Override
    public java.util.Map<String, dev.refheap.lang.vm.Builtin> nativeFunctions(String module) {
        return switch (module) {
            case "_frozen_importlib" -> Bootstrap.functions(vm, this);
            case "_frozen_importlib_external" -> Bootstrap.externalFunctions(vm, this);
            default -> NativeModules.functions(vm, this, module);
        };
    }


    @Override
    public dev.refheap.lang.vm.ModuleImage restoreModuleState(String module, long[] values) { return NativeModules.restoreState(vm, module, values); }

    @Override
    public long[] imageState() {
        if (bootstrapping) throw new IllegalStateException("importlib is being bootstrapped");
        if (!moduleLocks.idle()) throw new IllegalStateException("an import is running (a module lock is held)");
        if (importLock.count != 0) throw new IllegalStateException("the global import lock is held (_imp.acquire_lock)");
        return new long[] {bootstrapDict, externalDict, fileFinderHook, zipImporter};
    }

    @Override
    public void adoptImageState(long[] state) {
        if (state.length != 4) throw new IllegalArgumentException("an import system's image state has 4 addresses, not " + state.length);
        bootstrapDict = state[0];
        externalDict = state[1];
        fileFinderHook = state[2];
        zipImporter = state[3];
    }

    /**
     * sys.path as CPython 3.11's getpath makes it: sys.path[0], PYTHONPATH's entries, then
     * PREFIX/lib/python311.zip (whether or not the file exists, as CPython lists it), the standard
     * library, and its lib-dynload directory (EXEC_PREFIX/lib/python3.11/lib-dynload, which is the
     * library's own in an installed CPython; listed whether or not it exists, as CPython lists it).
     */
    @Override
    public List<String> initialPath() {
        List<String> path = new ArrayList<>();
        if (config.effectivePath0() != null) path.add(config.effectivePath0());
        String pp = config.start().env("PYTHONPATH");
        if (pp != null) {
            for (String e : pp.split(":")) if (!e.isEmpty()) path.add(e);
        }
        if (stdlib != null) {
            path.add(Path.of(prefixOf(stdlib), "lib", "python311.zip").toString());
            path.add(stdlib.toString());
            path.add(dynload.toString());
        }
        return path;
    }

    /**
     * The standard library's lib-dynload directory, where CPython 3.11 keeps the modules it builds as
     * shared libraries (whether or not it exists); null without a standard library.
     */
    final Path dynload;

    /**
     * The extension modules refheap implements whose file {@link #dynload} holds (one of the
     * extension suffixes), read once from its listing when the importer is made: a runtime that
     * adopts a start-up image makes the same set (the directory is one of the image's inputs).
     */
    private final java.util.Set<String> dynloadModules;

    private static java.util.Set<String> extensionFiles(Path dir) {
        if (dir == null) return java.util.Set.of();
        dev.refheap.lang.vm.StartupInputs.note(dir);  // a start-up image's key: the directory's time stands for its entries
        java.util.Set<String> found = new java.util.TreeSet<>();
        try (var files = Files.list(dir)) {
            files.forEach(f -> {
                String file = f.getFileName().toString();
                for (String suffix : PathFinder.EXTENSION_SUFFIXES) {
                    if (!file.endsWith(suffix)) continue;
                    String name = file.substring(0, file.length() - suffix.length());
                    if (NativeModules.isExtension(name) && Files.isRegularFile(f)) found.add(name);
                    break;
                }
            });
        } catch (IOException | RuntimeException e) {
            // no lib-dynload (or an unreadable one): every extension module is built in
        }
        return java.util.Set.copyOf(found);
    }

    /**
     * Whether {@code name} is a built-in module, found by BuiltinImporter before sys.path (and listed
     * in sys.builtin_module_names): the VM's own modules, the native modules CPython 3.11 builds
     * into its interpreter, and those it builds as extension modules when the standard library's
     * lib-dynload lacks the module's file (a library without lib-dynload: Debian's, which builds
     * most of them in, or one given with --stdlib). An extension module whose file is there is
     * found on sys.path as CPython finds it (ExtensionFileLoader).
     */
    boolean isBuiltin(String name) {
        if (vm.isBuiltinModuleName(name)) return true;
        if (!NativeModules.has(name)) return false;
        return !NativeModules.isExtension(name) || !dynloadModules.contains(name);
    }

    @Override
    public List<String> builtinModuleNames() {
        if (dynload != null) dev.refheap.lang.vm.StartupInputs.note(dynload);  // what the names depend on, noted while sys is made
        java.util.TreeSet<String> names = new java.util.TreeSet<>(VmApi.VM_MODULE_NAMES);
        for (String n : NativeModules.names()) if (isBuiltin(n)) names.add(n);
        return List.copyOf(names);
    }

    @Override
    public String prefix() { return prefixOf(stdlib); }

    @Override
    public String stdlibDir() { return stdlib == null ? null : stdlib.toAbsolutePath().toString(); }

    /** The standard library directory a run with {@code --stdlib option} (null: none given) imports from, or null when there is none. */
    public static Path stdlibFor(String option) { return StdlibLocator.locate(option); }

    /** sys.prefix for the standard library at {@code stdlib} (null: none). */
    public static String prefixOf(Path stdlib) {
        if (stdlib == null) return null;
        Path lib = stdlib.toAbsolutePath().getParent();
        if (lib == null) return stdlib.toString();
        // PREFIX/lib/python3.11: the layout of a CPython install; another layout (a library given
        // with --stdlib) has no install around it, so its own directory stands for one
        if (lib.getFileName() != null && lib.getFileName().toString().equals("lib") && lib.getParent() != null) return lib.getParent().toString();
        return lib.toString();
    }

    // ---- IMPORT_NAME -------------------------------------------------------------------------------

    @Override
    public long importName(long nameObj, long globals, long fromlist, long levelObj) {
        String name = vm.strValue(nameObj);
        long level = IntType.fitsLong(levelObj) ? IntType.asLong(levelObj) : Long.MAX_VALUE;
        if (level < 0) throw vm.error("ValueError", "level must be >= 0");
        String absName;
        if (level > 0) {
            absName = resolveName(name, globals, (int) Math.min(level, Integer.MAX_VALUE));
        } else {
            if (name.isEmpty()) throw vm.error("ValueError", "Empty module name");
            absName = name;
        }
        long mod = importAbsolute(absName);
        try {
            boolean hasFrom = fromlist != 0 && fromlist != heap.None && vm.truthy(fromlist);
            if (!hasFrom) {
                int dot = name.indexOf('.');
                if (level == 0 || !name.isEmpty()) {
                    if (dot < 0) return vm.incref(mod);
                    if (level == 0) return importAbsolute(name.substring(0, dot));
                    int cutOff = name.length() - dot;
                    String toReturn = absName.substring(0, absName.length() - cutOff);
                    long m = vm.dictGet(vm.sysModules(), toReturn);
                    if (m == 0) throw vm.error("KeyError", "'" + toReturn + "' not in sys.modules as expected");
                    return vm.incref(m);
                }
                return vm.incref(mod);
            }
            long path = vm.lookupAttr(mod, "__path__");  // _PyObject_LookupAttr: an AttributeError raised means none
            if (path == 0) return vm.incref(mod);
            heap.decref(path);
            handleFromlist(mod, fromlist, false);
            return vm.incref(mod);
        } finally {
            heap.decref(mod);
        }
    }

    /** import.c's resolve_name: the absolute name of a relative import from {@code globals}. */
    private String resolveName(String name, long globals, int level) {
        if (globals == 0) throw vm.error("KeyError", "'__name__' not in globals");
        if (heap.typeOf(globals) != heap.dicts) throw vm.error("TypeError", "globals must be a dict");
        long pkg = vm.dictGet(globals, "__package__");
        if (pkg == heap.None) pkg = 0;
        long spec = vm.dictGet(globals, "__spec__");
        String pkgName;
        long owned = 0;
        try {
            if (pkg != 0) {
                if (!vm.isStr(pkg)) throw vm.error("TypeError", "package must be a string");
                pkgName = vm.strValue(pkg);
            } else if (spec != 0 && spec != heap.None) {
                owned = vm.getAttrOrNull(spec, "parent");
                if (owned == 0 || !vm.isStr(owned)) throw vm.error("TypeError", "__spec__.parent must be a string");
                pkgName = vm.strValue(owned);
            } else {
                long n = vm.dictGet(globals, "__name__");
                if (n == 0) throw vm.error("KeyError", "'__name__' not in globals");
                if (!vm.isStr(n)) throw vm.error("TypeError", "__name__ must be a string");
                pkgName = vm.strValue(n);
                if (vm.dictGet(globals, "__path__") == 0) {
                    int dot = pkgName.lastIndexOf('.');
                    pkgName = dot < 0 ? "" : pkgName.substring(0, dot);
                }
            }
        } finally {
            heap.xdecref(owned);
        }
        if (pkgName.isEmpty()) throw vm.error("ImportError", "attempted relative import with no known parent package");
        int lastDot = pkgName.length();
        for (int up = 1; up < level; up++) {
            lastDot = pkgName.lastIndexOf('.', lastDot - 1);
            if (lastDot < 0) throw vm.error("ImportError", "attempted relative import beyond top-level package");
        }
        String base = pkgName.substring(0, lastDot);
        return name.isEmpty() ? base : base + "." + name;
    }

    /**
     * The module {@code name} (absolute), imported if it is not in sys.modules: a new reference.
     * PyImport_ImportModuleLevelObject's import_get_module and import_ensure_initialized, then
     * _find_and_load: a module another thread is still initialising is waited for, and a missing
     * one is found and loaded holding its module lock ({@link ModuleLocks}).
     */
    long importAbsolute(String name) {
        long m = vm.dictGet(vm.sysModules(), name);
        if (m != 0 && m != heap.None) {
            vm.incref(m);
            // with one thread the lock is free or the caller's own: nothing to wait for
            if (vm.threadsStarted() && initializing(m)) moduleLocks.lockUnlock(name);
            return m;
        }
        if (m == heap.None) throw moduleNotFound("import of " + name + " halted; None in sys.modules", name);
        ModuleLocks.Lock lock;
        try {
            lock = moduleLocks.acquire(name);
        } catch (ModuleLocks.DeadlockException e) {
            throw deadlockError(e.getMessage());
        }
        try {
            m = vm.dictGet(vm.sysModules(), name);
            if (m == 0) return findAndLoad(name);
            vm.incref(m);  // another thread imported it while this one waited
        } finally {
            moduleLocks.release(lock);
        }
        if (m == heap.None) {
            heap.decref(m);
            throw moduleNotFound("import of " + name + " halted; None in sys.modules", name);
        }
        moduleLocks.lockUnlock(name);
        return m;
    }

    /** _PyModuleSpec_IsInitializing: module.__spec__._initializing is true (a failing lookup counts as false). */
    private boolean initializing(long module) {
        long spec = vm.getAttrOrNull(module, "__spec__");
        if (spec == 0) return false;
        long flag = 0;
        try {
            flag = vm.getAttrOrNull(spec, "_initializing");
            return flag != 0 && vm.truthy(flag);
        } finally {
            heap.xdecref(flag);
            heap.decref(spec);
        }
    }

    /** importlib._bootstrap._DeadlockError (a RuntimeError) with {@code message}. */
    private PyException deadlockError(String message) {
        long cls = bootstrapDict != 0 ? vm.dictGet(bootstrapDict, "_DeadlockError") : 0;
        if (cls == 0) return vm.error("RuntimeError", message);
        long msg = vm.str(message);
        try {
            return new PyException(vm.call(cls, msg));
        } finally {
            heap.decref(msg);
        }
    }

    /** _find_and_load_unlocked. */
    private long findAndLoad(String name) {
        int dot = name.lastIndexOf('.');
        long path = 0;
        try {
            if (dot >= 0) {
                String parent = name.substring(0, dot);
                if (vm.dictGet(vm.sysModules(), parent) == 0) heap.decref(importAbsolute(parent));
                long already = vm.dictGet(vm.sysModules(), name);
                if (already != 0) return vm.incref(already);
                long parentModule = vm.dictGet(vm.sysModules(), parent);
                if (parentModule == 0) throw vm.error("KeyError", "'" + parent + "'");
                path = vm.lookupAttr(parentModule, "__path__");  // _find_and_load_unlocked catches AttributeError
                if (path == 0) throw moduleNotFound("No module named '" + name + "'; '" + parent + "' is not a package", name);
            }
            long module = findSpecAndLoad(name, path);
            if (dot >= 0) {
                long parentModule = vm.dictGet(vm.sysModules(), name.substring(0, dot));
                if (parentModule != 0) {
                    try {
                        vm.setAttr(parentModule, name.substring(dot + 1), module);
                    } catch (PyException e) {
                        if (!vm.isInstance(e, "AttributeError")) {
                            heap.decref(module);
                            throw e;
                        }
                        heap.decref(e.exc());
                    }
                }
            }
            return module;
        } finally {
            heap.xdecref(path);
        }
    }

    /** Finds {@code name} (on sys.path, or {@code path}: a package's __path__) and loads it: a new reference. */
    private long findSpecAndLoad(String name, long path) {
        if (path == 0) vm.checkImport(name);
        long metaPath = bootstrapDict == 0 ? 0 : customMetaPath();
        if (metaPath != 0) {
            try {
                return findOnMetaPath(name, path, metaPath);
            } finally {
                heap.decref(metaPath);
            }
        }
        if (bootstrapDict == 0) refuseEarlyFinders();
        if (path == 0) {
            if (isBuiltin(name)) return loadBuiltin(name);
            if (isFrozen(name)) {
                bootstrap();
                return vm.incref(vm.dictGet(vm.sysModules(), name));
            }
        }
        FrozenModules.Entry frozen = frozen(name);  // FrozenImporter's step: before the path, whatever the path
        if (frozen != null && !isFrozen(name)) return loadFrozen(name, frozen);
        long module = loadFromPath(name, path);
        if (module == 0) throw noModuleNamed(name, path);
        return module;
    }

    private static boolean isFrozen(String name) {
        return name.equals("_frozen_importlib") || name.equals("_frozen_importlib_external");
    }

    private PyException noModuleNamed(String name, long path) {
        String msg = "No module named '" + name + "'";
        if (stdlib == null && path == 0) msg += " (" + StdlibLocator.HOW_TO_GET_ONE + ")";
        return moduleNotFound(msg, name);
    }

    /** PathFinder's step of the search: the module loaded from {@code path} (0: sys.path), a new reference, or 0 when not found. */
    private long loadFromPath(String name, long path) {
        PathFinder.Found found = PathFinder.find(name, searchEntries(path), this::pathEntryFinder);
        if (found == null) return 0;
        bootstrap();
        if (found.kind() == PathFinder.Kind.SPEC) {
            try {
                return callIn(bootstrapDict, "_load", found.spec());
            } finally {
                heap.decref(found.spec());
            }
        }
        if (found.kind() == PathFinder.Kind.EXTENSION) return loadExtension(name, found.origin());
        refuseUnloadable(name, found);
        long spec = makeSpec(name, found);
        try {
            return load(name, spec, found);
        } finally {
            heap.decref(spec);
        }
    }

    /**
     * _load_unlocked for the extension module file {@code origin} found on a path, as ExtensionFileLoader
     * loads it: its spec, {@link #createDynamic}, the module's attributes (__file__ the file), then
     * {@link #execDynamic}. A new reference to the module sys.modules holds afterwards.
     */
    private long loadExtension(String name, String origin) {
        long spec = extensionSpec(name, origin);
        try {
            return load(name, spec, createDynamic(name, origin), this::execDynamic);
        } finally {
            heap.decref(spec);
        }
    }

    /** spec_from_file_location(name, origin, loader=ExtensionFileLoader(name, origin)): a new reference. */
    private long extensionSpec(String name, String origin) {
        long n = vm.str(name), o = vm.str(origin);
        try {
            return callIn(externalDict, "_spec_for_extension", n, o);
        } finally {
            heap.decref(n);
            heap.decref(o);
        }
    }

    /**
     * _imp.create_dynamic: the extension module {@code name} (its file {@code origin}) as refheap's
     * Java module of that name, a new reference. CPython loads the shared library; refheap makes its
     * own module (a file of another name, or a module refheap does not implement, is refused with
     * an ImportError naming it). When CPython's module adds names in its exec slot
     * ({@link NativeModules#execKeys}), which come after the {@code __file__} importlib sets
     * between create and exec, the dict is emptied and filled again in that order, with
     * {@code __file__} (the file) in its place: importlib's {@code _init_module_attrs} then finds
     * it set, and the dict has CPython's order and grew as CPython's did (one insertion per name).
     * No reference is held between create and exec ({@link #execDynamic} has nothing left to do).
     */
    long createDynamic(String name, String origin) {
        if (!NativeModules.has(name) || !NativeModules.isExtension(name)) {
            PyException e = vm.error("ImportError", "refheap does not load C extension modules: '" + name + "' is " + origin);
            for (String[] attr : new String[][] {{"name", name}, {"path", origin}}) {
                long v = vm.str(attr[1]);
                try {
                    vm.setAttr(e.exc(), attr[0], v);
                } finally {
                    heap.decref(v);
                }
            }
            throw e;
        }
        long m = NativeModules.create(vm, this, name);
        List<String> later = NativeModules.execKeys(name);
        if (later.isEmpty()) return m;
        long d = vm.moduleDict(m);
        List<long[]> items = new ArrayList<>();
        heap.dicts.forEach(d, (k, v) -> items.add(new long[] {vm.incref(k), vm.incref(v)}));
        heap.dicts.clearDict(d);
        long[][] held = new long[later.size()][];  // in CPython's order of the exec slot's names
        try {
            for (long[] kv : items) {
                int at = vm.isStr(kv[0]) ? later.indexOf(vm.strValue(kv[0])) : -1;
                if (at >= 0 && held[at] == null) {
                    held[at] = kv;
                } else {
                    heap.dicts.setItem(d, kv[0], kv[1]);
                    heap.decref(kv[0]);
                    heap.decref(kv[1]);
                }
            }
            long file = vm.str(origin);
            heap.dicts.setItem(d, "__file__", file);
            heap.decref(file);
            for (long[] kv : held) if (kv != null) heap.dicts.setItem(d, kv[0], kv[1]);
        } finally {
            for (long[] kv : held) {
                if (kv == null) continue;
                heap.decref(kv[0]);
                heap.decref(kv[1]);
            }
        }
        return m;
    }

    /** _imp.exec_dynamic: the exec slot's names are in place since {@link #createDynamic}; nothing to run. */
    void execDynamic(long module) {}

    /**
     * A C extension module or a sourceless .pyc where CPython's FileFinder would load it: an
     * ImportError that names it (refheap loads neither), never a search that goes on past it.
     */
    private void refuseUnloadable(String name, PathFinder.Found found) {
        if (found.kind() == PathFinder.Kind.EXTENSION) {
            throw vm.error("ImportError", "refheap does not load C extension modules: '" + name + "' is " + found.origin());
        }
        if (found.kind() == PathFinder.Kind.SOURCELESS) {
            throw vm.error("ImportError", "refheap does not load .pyc files without their source: '" + name + "' is " + found.origin());
        }
    }

    /**
     * sys.meta_path when it is not importlib's three finders in their order (then refheap's own
     * search stands for them): a new reference to the list, else 0.
     */
    private long customMetaPath() {
        // _bootstrap's own sys (the module _setup bound), not sys.modules' entry, which is None at exit
        long mp = vm.sysDict() == 0 ? 0 : vm.dictGet(vm.sysDict(), "meta_path");
        if (mp == 0) return 0;  // sys not set up yet (start-up): refheap's own search
        if (mp == heap.None) {
            throw vm.error("ImportError", "sys.meta_path is None, Python is likely shutting down");
        }
        if (heap.typeOf(mp) == heap.lists && dev.refheap.object.ListType.size(mp) == 3
                && dev.refheap.object.ListType.item(mp, 0) == vm.dictGet(bootstrapDict, "BuiltinImporter")
                && dev.refheap.object.ListType.item(mp, 1) == vm.dictGet(bootstrapDict, "FrozenImporter")
                && dev.refheap.object.ListType.item(mp, 2) == vm.dictGet(externalDict, "PathFinder")) {
            return 0;
        }
        return vm.incref(mp);
    }

    /**
     * _find_spec over a sys.meta_path a program changed, then _load_unlocked: importlib's finders
     * are refheap's own steps (built-in, frozen, the path search), any other finder's find_spec is
     * called with the name and the parent's __path__ (None for a top-level name), and the first
     * spec found is loaded. An empty meta path finds nothing (CPython warns "sys.meta_path is empty").
     */
    private long findOnMetaPath(String name, long path, long metaPath) {
        List<Long> finders = new ArrayList<>();
        vm.forEach(metaPath, f -> finders.add(vm.incref(f)));
        try {
            if (finders.isEmpty()) vm.warn("ImportWarning", "sys.meta_path is empty", 1);
            long builtin = vm.dictGet(bootstrapDict, "BuiltinImporter");
            long frozen = vm.dictGet(bootstrapDict, "FrozenImporter");
            long pathFinder = vm.dictGet(externalDict, "PathFinder");
            for (long f : finders) {
                if (f == builtin) {
                    if (path == 0 && (isBuiltin(name))) return loadBuiltin(name);
                } else if (f == frozen) {
                    if (path == 0 && isFrozen(name)) return vm.incref(vm.dictGet(vm.sysModules(), name));
                    FrozenModules.Entry e = isFrozen(name) ? null : frozen(name);
                    if (e != null) return loadFrozen(name, e);
                } else if (f == pathFinder) {
                    long module = loadFromPath(name, path);
                    if (module != 0) return module;
                } else {
                    long spec = findSpec(f, "meta path finder", "find_module", name, path == 0 ? heap.None : path);
                    if (spec == heap.None) {
                        heap.decref(spec);
                        continue;
                    }
                    try {
                        return callIn(bootstrapDict, "_load", spec);
                    } finally {
                        heap.decref(spec);
                    }
                }
            }
            throw noModuleNamed(name, path);
        } finally {
            for (long f : finders) heap.decref(f);
        }
    }

    /**
     * Before the first import that needs importlib's objects, sys.meta_path and sys.path_hooks are
     * empty (importlib's finders are put there then, as CPython's start-up puts them): an entry a
     * program added before then is refused by name, since where importlib's go relative to it
     * (append or insert) cannot be told.
     */
    private void refuseEarlyFinders() {
        long sys = vm.dictGet(vm.sysModules(), "sys");
        if (sys == 0 || !vm.isModule(sys)) return;
        for (String list : new String[] {"meta_path", "path_hooks"}) {
            long l = vm.dictGet(vm.moduleDict(sys), list);
            if (l != 0 && heap.typeOf(l) == heap.lists && dev.refheap.object.ListType.size(l) > 0) {
                throw vm.error("NotImplementedError", "refheap does not support entries in sys." + list + " made before its first"
                        + " import from sys.path yet (importlib's finders are installed then): import importlib first");
            }
        }
    }

    /**
     * PathFinder._path_importer_cache and _get_spec for one entry the search reaches: its finder in
     * {@code sys.path_importer_cache} (keyed by the current directory for {@code ''}), made and
     * stored when missing by the first of {@code sys.path_hooks} that does not raise ImportError
     * (None when none takes it). importlib's FileFinder hook and zipimporter are asked the way they
     * answer without calling them (a FileFinder for a directory; a zipimporter only when the path
     * is or lies in a file). A FileFinder's entry is searched by refheap's own search; an entry
     * whose finder is None is passed over (also when a program stored the None); any other finder
     * (a zipimporter, a program's own) is asked for the name with its find_spec: a spec with a
     * loader ends the search, one without gives namespace portions.
     */
    private PathFinder.Visit pathEntryFinder(String entry, String fullname) {
        // A sandboxed runtime (refheap serve's page) keeps no path entry finders: importlib's
        // FileFinder needs posix, which the sandbox refuses; its search is refheap's own, and what
        // it may read the sandbox decides when a module is loaded.
        if (vm.sandboxed()) return PathFinder.Visit.SEARCH;
        long sys = vm.dictGet(vm.sysModules(), "sys");
        long cache = sys == 0 || !vm.isModule(sys) ? 0 : vm.dictGet(vm.moduleDict(sys), "path_importer_cache");
        if (cache == 0) throw vm.error("AttributeError", "module 'sys' has no attribute 'path_importer_cache'");
        if (heap.typeOf(cache) != heap.dicts) {
            throw vm.error("NotImplementedError", "refheap does not support a sys.path_importer_cache that is not a dict yet");
        }
        String dir = entry;
        if (entry.isEmpty()) {
            dir = dev.refheap.lang.modules.posix.Posix.currentDirectory();  // _os.getcwd()
            if (dir == null) return PathFinder.Visit.SKIP;  // no current directory: nothing cached, the entry not searched
        }
        long key = vm.str(dir);
        try {
            long finder = heap.dicts.getItem(cache, key);
            if (finder == 0) {
                bootstrap();
                finder = fromPathHooks(sys, dir);
                try {
                    heap.dicts.setItem(cache, key, finder);
                } finally {
                    heap.decref(finder);
                }
                finder = heap.dicts.getItem(cache, key);
            }
            if (finder == heap.None) return PathFinder.Visit.SKIP;
            if (heap.typeOf(finder).address() == vm.dictGet(externalDict, "FileFinder")) return PathFinder.Visit.SEARCH;
            return foreignEntryFinder(vm.incref(finder), fullname);
        } finally {
            heap.decref(key);
        }
    }

    /** _path_hooks(dir): the finder the first hook that takes {@code dir} makes, or None; a new reference. */
    private long fromPathHooks(long sys, String dir) {
        long hooks = vm.dictGet(vm.moduleDict(sys), "path_hooks");
        if (hooks == 0 || hooks == heap.None) return vm.incref(heap.None);
        List<Long> list = new ArrayList<>();
        vm.forEach(hooks, h -> list.add(vm.incref(h)));
        try {
            if (list.isEmpty()) vm.warn("ImportWarning", "sys.path_hooks is empty", 1);
            for (long hook : list) {
                if (isDefaultHook(hook, false)) {
                    Path where = PathFinder.absolute(dir);  // the hook sees a relative entry from the current directory
                    dev.refheap.lang.vm.StartupInputs.note(where);
                    if (where != null && java.nio.file.Files.isDirectory(where)) return newFileFinder(dir);
                    continue;  // "only directories are supported"
                }
                if (isDefaultHook(hook, true) && !inAFile(dir)) continue;  // ZipImportError: not a Zip file
                long p = vm.str(dir);
                try {
                    return vm.call(hook, p);
                } catch (PyException e) {
                    if (!vm.isInstance(e, "ImportError")) throw e;
                    heap.decref(e.exc());
                } finally {
                    heap.decref(p);
                }
            }
            return vm.incref(heap.None);
        } finally {
            for (long h : list) heap.decref(h);
        }
    }

    /** Whether {@code dir}, or the nearest of its parents that exists, is a file (what zipimporter can open). */
    private static boolean inAFile(String dir) {
        Path p = PathFinder.absolute(dir);
        dev.refheap.lang.vm.StartupInputs.note(p);
        while (p != null && !java.nio.file.Files.exists(p)) p = p.getParent();
        return p != null && java.nio.file.Files.isRegularFile(p);
    }

    /**
     * {@code finder.find_spec(name)} (with {@code path} as its second argument unless 0): a new
     * reference. A finder without find_spec (3.11's deprecated {@code legacy} protocol) is refused
     * by name, as the {@code kind} of finder it is.
     */
    private long findSpec(long finder, String kind, String legacy, String name, long path) {
        long findSpec = vm.getAttrOrNull(finder, "find_spec");
        if (findSpec == 0) {
            throw vm.error("NotImplementedError", "refheap does not support the " + kind + " " + vm.repr(finder)
                    + " without find_spec() yet (3.11 falls back to its deprecated " + legacy + "())");
        }
        long n = vm.str(name);
        try {
            return path == 0 ? vm.call(findSpec, n) : vm.call(findSpec, n, path);
        } finally {
            heap.decref(n);
            heap.decref(findSpec);
        }
    }

    /**
     * PathFinder._get_spec's step for an entry whose finder is not a FileFinder ({@code finder}, a
     * reference this takes): its find_spec's answer; a finder without find_spec (3.11's legacy
     * find_loader/find_module protocol) is refused by name.
     */
    private PathFinder.Visit foreignEntryFinder(long finder, String fullname) {
        try {
            long spec = findSpec(finder, "path entry finder", "find_loader", fullname, 0);
            if (spec == heap.None) {
                heap.decref(spec);
                return PathFinder.Visit.SKIP;
            }
            long loader = vm.getAttrOrNull(spec, "loader");
            boolean hasLoader = loader != 0 && loader != heap.None;
            if (loader != 0) heap.decref(loader);
            if (hasLoader) return new PathFinder.Visit(false, new PathFinder.Found(PathFinder.Kind.SPEC, null, null, spec), null);
            try {
                long locations = vm.getAttrOrNull(spec, "submodule_search_locations");
                List<String> portions = new ArrayList<>();
                if (locations != 0) {
                    try {
                        if (locations != heap.None) vm.forEach(locations, e -> { if (vm.isStr(e)) portions.add(vm.strValue(e)); });
                    } finally {
                        heap.decref(locations);
                    }
                }
                if (portions.isEmpty()) throw vm.error("ImportError", "spec missing loader");
                return new PathFinder.Visit(false, null, portions);
            } finally {
                heap.decref(spec);
            }
        } finally {
            heap.decref(finder);
        }
    }

    /** FileFinder(path, *_get_supported_file_loaders()), as path_hook_for_FileFinder makes it: a new reference. */
    private long newFileFinder(String dir) {
        long loaders = callIn(externalDict, "_get_supported_file_loaders");
        long path = vm.str(dir);
        try {
            long n = dev.refheap.object.ListType.size(loaders);
            long[] args = new long[(int) n + 1];
            args[0] = path;
            for (int i = 0; i < n; i++) args[i + 1] = dev.refheap.object.ListType.item(loaders, i);
            return vm.callArgs(vm.dictGet(externalDict, "FileFinder"), args, 0, args.length, 0);
        } finally {
            heap.decref(path);
            heap.decref(loaders);
        }
    }

    /** The str entries of {@code path} (a package's __path__), or of sys.path when it is 0. */
    private List<String> searchEntries(long path) {
        List<String> entries = new ArrayList<>();
        if (path == 0) {
            long sys = importAbsolute("sys");
            try {
                long sysPath = vm.getAttrOrNull(sys, "path");
                if (sysPath == 0) throw vm.error("ImportError", "sys.path must be a list of directories");
                try {
                    vm.forEach(sysPath, e -> { if (vm.isStr(e)) entries.add(vm.strValue(e)); });
                } finally {
                    heap.decref(sysPath);
                }
            } finally {
                heap.decref(sys);
            }
        } else {
            vm.forEach(path, e -> { if (vm.isStr(e)) entries.add(vm.strValue(e)); });
        }
        return entries;
    }

    /** PathFinder.find_spec: the spec for {@code name} on {@code path} (0: sys.path), or None; a new reference. */
    long findSpecOnPath(String name, long path) {
        PathFinder.Found found = PathFinder.find(name, searchEntries(path), this::pathEntryFinder);
        if (found == null) return vm.incref(heap.None);
        bootstrap();
        if (found.kind() == PathFinder.Kind.SPEC) return found.spec();
        if (found.kind() == PathFinder.Kind.EXTENSION) return extensionSpec(name, found.origin());
        refuseUnloadable(name, found);
        return makeSpec(name, found);
    }

    private long makeSpec(String name, PathFinder.Found found) {
        long n = vm.str(name);
        try {
            if (found.kind() == PathFinder.Kind.NAMESPACE) {
                long paths = heap.lists.alloc(0);
                try {
                    for (String p : found.locations()) {
                        long s = vm.str(p);
                        heap.lists.append(paths, s);
                        heap.decref(s);
                    }
                    return callIn(externalDict, "_spec_for_namespace", n, paths);
                } finally {
                    heap.decref(paths);
                }
            }
            long origin = vm.str(found.origin());
            long cached = vm.str(cache().pathFor(Path.of(found.origin()), name).toString());
            long isPackage = heap.bools.of(found.kind() == PathFinder.Kind.PACKAGE);
            try {
                return callIn(externalDict, "_spec_for_source", n, origin, isPackage, cached);
            } finally {
                heap.decref(origin);
                heap.decref(cached);
                heap.decref(isPackage);
            }
        } finally {
            heap.decref(n);
        }
    }

    /** _load_unlocked for a spec found on a path: a new reference to the module sys.modules holds afterwards. */
    private long load(String name, long spec, PathFinder.Found found) {
        return load(name, spec, newModuleFor(name), m -> {
            if (found.kind() != PathFinder.Kind.NAMESPACE) execSource(m, found.origin(), name);
        });
    }

    /**
     * _load_unlocked with the module its loader created ({@code module}, whose reference this
     * takes) and its exec_module ({@code exec}): a new reference to the module sys.modules holds afterwards.
     */
    private long load(String name, long spec, long module, java.util.function.LongConsumer exec) {
        try {
            heap.decref(callIn(bootstrapDict, "_init_module_attrs", spec, module));
            vm.setAttr(spec, "_initializing", heap.True);
            try {
                heap.dicts.setItem(vm.sysModules(), name, module);
                try {
                    exec.accept(module);
                } catch (PyException | PySyntaxError e) {
                    long k = vm.str(name);
                    try {
                        if (heap.dicts.getItem(vm.sysModules(), k) != 0) heap.dicts.delItem(vm.sysModules(), k);
                    } finally {
                        heap.decref(k);
                    }
                    throw e;
                }
                // move the module to the end of sys.modules (it may have replaced itself there)
                long k = vm.str(name);
                try {
                    long m = heap.dicts.getItem(vm.sysModules(), k);
                    if (m == 0) throw vm.error("KeyError", "'" + name + "'");
                    heap.incref(m);
                    heap.dicts.delItem(vm.sysModules(), k);
                    heap.dicts.setItem(vm.sysModules(), k, m);
                    return m;
                } finally {
                    heap.decref(k);
                }
            } finally {
                vm.setAttr(spec, "_initializing", heap.False);
            }
        } finally {
            heap.decref(module);
        }
    }

    /** A new module with the attributes module_init_dict gives every module (__package__, __loader__, __spec__ None). */
    private long newModuleFor(String name) {
        long module = vm.newModule(name);
        long d = vm.moduleDict(module);
        heap.dicts.setItem(d, "__package__", heap.None);
        heap.dicts.setItem(d, "__loader__", heap.None);
        heap.dicts.setItem(d, "__spec__", heap.None);
        return module;
    }

    /** A built-in module (the VM's or a native one), with its spec once import objects exist: a new reference. */
    private long loadBuiltin(String name) {
        long m = vm.createBuiltinModule(name);
        if (m != 0 && name.equals("ctypes")) dev.refheap.lang.modules.ctypes.CtypesModule.extend(vm, m);  // Structure, Union, the scalar types
        if (m == 0) m = NativeModules.create(vm, this, name);
        try {
            if (bootstrapDict != 0) giveBuiltinSpec(name, m);
            heap.dicts.setItem(vm.sysModules(), name, m);
        } catch (PyException e) {
            heap.decref(m);
            throw e;
        }
        return m;
    }

    private void giveBuiltinSpec(String name, long m) {
        long n = vm.str(name);
        try {
            long spec = callIn(bootstrapDict, "_spec_for_builtin", n);
            try {
                long d = vm.moduleDict(m);
                if (heap.dicts.getItem(d, "__package__") == 0) heap.dicts.setItem(d, "__package__", heap.None);
                if (heap.dicts.getItem(d, "__loader__") == 0) heap.dicts.setItem(d, "__loader__", heap.None);
                if (heap.dicts.getItem(d, "__spec__") == 0) heap.dicts.setItem(d, "__spec__", heap.None);
                heap.decref(callIn(bootstrapDict, "_init_module_attrs", spec, m));
            } finally {
                heap.decref(spec);
            }
        } finally {
            heap.decref(n);
        }
    }

    // ---- code ----------------------------------------------------------------------------------------

    CodeCache cache() {
        if (cache == null) cache = CodeCache.fromEnvironment();
        return cache;
    }

    /** Runs the source file {@code file} in {@code module}'s dict (compiled, or from the cache). */
    void execSource(long module, String file, String name) {
        long d = vm.moduleDict(module);
        if (heap.dicts.getItem(d, "__builtins__") == 0) heap.dicts.setItem(d, "__builtins__", vm.builtinsDict());
        long code = codeFor(Path.of(file), name);
        try {
            vm.exec(code, d);
        } finally {
            heap.decref(code);
        }
    }

    /** The code object of a source file: a new reference. SyntaxErrors become Python exceptions. */
    long codeFor(Path file, String name) {
        return codeFor(file, name, null);
    }

    /**
     * The code object of a source file, as the frozen code {@code frozenFilename} (its co_filename,
     * {@code <frozen NAME>}: no source line in tracebacks) when that is not null: a new reference.
     */
    private long codeFor(Path file, String name, String frozenFilename) {
        String source;
        long size, mtime;
        vm.checkRead(file, stdlib);
        dev.refheap.lang.vm.StartupInputs.note(file);
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            size = attrs.size();
            mtime = attrs.lastModifiedTime().toMillis();
            source = decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw vm.osError(2, "No such file or directory", file.toString());
        }
        boolean frozen = frozenFilename != null;
        String filename = frozen ? frozenFilename : file.toString();
        if (!frozen) vm.registerSource(filename, source);  // frozen code has no source for tracebacks (linecache skips "<...>")
        String key = frozen ? name + ".frozen" : name;
        boolean deep = frozen ? FrozenModules.isDeepFrozen(name) : deepFrozen(file, name);
        if (deep && deepFrozenCodes == null) deepFrozenCodes = vm.deepFrozenModuleCodes();
        Long made = deep ? deepFrozenCodes.get(filename) : null;
        if (made != null) {
            // CPython's deep-frozen code is one static object: a second import of the module (a
            // reload, a module deleted from sys.modules) runs the same code object
            heap.incref(made);
            return made;
        }
        CodeUnit unit = cache().read(file, key, size, mtime);
        if (unit == null) {
            List<Compiler.Warning> warnings = new ArrayList<>();
            try {
                unit = Compiler.compile(source, filename, Compiler.Mode.EXEC, warnings);
            } catch (PySyntaxError e) {
                if (!frozen) vm.showWarnings(filename, source, warnings);  // those given before the error
                throw vm.syntaxError(e);
            }
            if (!frozen) vm.showWarnings(filename, source, warnings);  // CPython's frozen code warned when it was built
            cache().write(file, key, size, mtime, unit);
        }
        if (!deep) return vm.materialize(unit);
        long code = vm.materializeDeepFrozen(unit);
        deepFrozenCodes.put(filename, code);  // static: never freed, so no reference is kept
        return code;
    }

    /**
     * The deep-frozen module code objects the heap has, by co_filename ({@code <frozen NAME>}, or
     * the standard library file's path): each module's is made once. Found in the heap on first
     * use ({@link VmApi#deepFrozenModuleCodes}), so an adopter of a start-up image finds the
     * image's.
     */
    private java.util.Map<String, Long> deepFrozenCodes;

    // ---- frozen modules (FrozenModules) ---------------------------------------------------------

    /** _imp._override_frozen_modules_for_tests: 0 as configured (on), above 0 on, below 0 off. */
    int frozenOverride;

    /** The frozen module {@code name} (FrozenModules), or null when it is not one or frozen modules are off. */
    FrozenModules.Entry frozen(String name) {
        return frozenOverride < 0 ? null : FrozenModules.find(name);
    }

    /** _imp.get_frozen_object: the code of the frozen module {@code e}, a new reference. */
    long frozenCode(FrozenModules.Entry e) {
        Path src = FrozenModules.source(stdlib, e);
        if (src == null) {
            throw vm.error("ImportError", "refheap does not have the frozen code of '" + e.name() + "'"
                    + (stdlib == null ? " (" + StdlibLocator.HOW_TO_GET_ONE + ")" : ": CPython builds it from a file this standard library lacks"));
        }
        String orig = e.origname().startsWith("<") ? e.origname().substring(1) : e.origname();
        return codeFor(src, orig, FrozenModules.codeFilename(e));
    }

    /**
     * FrozenImporter's find_spec, create_module and exec_module for {@code name}, through
     * _load_unlocked: a new reference to the module sys.modules holds afterwards.
     */
    private long loadFrozen(String name, FrozenModules.Entry e) {
        bootstrap();
        long n = vm.str(name);
        long spec;
        try {
            spec = callIn(bootstrapDict, "_spec_for_frozen", n);
        } finally {
            heap.decref(n);
        }
        try {
            long module = newModuleFor(name);
            long state = vm.getAttrOrNull(spec, "loader_state");
            long filename = state == 0 ? 0 : vm.getAttrOrNull(state, "filename");
            try {
                if (filename != 0 && vm.isStr(filename)) heap.dicts.setItem(vm.moduleDict(module), "__file__", filename);
            } finally {
                heap.xdecref(filename);
                heap.xdecref(state);
            }
            return load(name, spec, module, m -> {
                long d = vm.moduleDict(m);
                if (heap.dicts.getItem(d, "__builtins__") == 0) heap.dicts.setItem(d, "__builtins__", vm.builtinsDict());
                long code = frozenCode(e);
                try {
                    vm.exec(code, d);
                } finally {
                    heap.decref(code);
                }
            });
        } finally {
            heap.decref(spec);
        }
    }

    /**
     * Whether the code of {@code file}, imported as {@code name} from source (frozen modules turned
     * off, or a loader a program made), stands for CPython's deep-frozen code: a deep-frozen name
     * ({@link FrozenModules#isDeepFrozen}) loaded from the standard library's own directory (a module
     * of that name elsewhere is an ordinary source file).
     */
    private boolean deepFrozen(Path file, String name) {
        if (!FrozenModules.isDeepFrozen(name) || stdlib == null) return false;
        Path dir = file.toAbsolutePath().getParent();
        if (name.startsWith("importlib.")) dir = dir == null ? null : dir.getParent();
        return dir != null && dir.equals(stdlib.toAbsolutePath());
    }

    /** PEP 263's declaration, looked for in a source's first two lines (compiled once, not per import). */
    private static final java.util.regex.Pattern CODING = java.util.regex.Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");

    /** PEP 263 for the common cases: UTF-8 (a BOM dropped); other declared encodings Java knows. */
    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        String head = new String(bytes, start, Math.min(bytes.length - start, 400), StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\n", 3);
        for (int i = 0; i < Math.min(2, lines.length); i++) {
            var m = CODING.matcher(lines[i]);
            if (m.find()) {
                String enc = m.group(1).toLowerCase().replace('_', '-');
                if (!enc.equals("utf-8") && !enc.startsWith("utf-8-")) {
                    try {
                        return new String(bytes, start, bytes.length - start, java.nio.charset.Charset.forName(enc.equals("latin-1") ? "ISO-8859-1" : enc));
                    } catch (RuntimeException ignored) {
                        // unknown to Java: read as UTF-8
                    }
                }
                break;
            }
            if (!lines[i].strip().startsWith("#") && !lines[i].isBlank()) break;
        }
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }

    // ---- the Python-level import objects ---------------------------------------------------------

    /** Creates _frozen_importlib and _frozen_importlib_external (once) and gives loaded built-in modules their specs. */
    void bootstrap() {
        if (bootstrapDict != 0 || bootstrapping) return;
        bootstrapping = true;
        try {
            long boot = frozenModule("_frozen_importlib");
            bootstrapDict = vm.moduleDict(boot);
            Bootstrap.defineNatives(vm, this, boot);
            runResource(boot, "_frozen_importlib");
            // _bootstrap._setup's module global _imp (FrozenImporter asks it), made before the meta path exists
            long imp = vm.dictGet(vm.sysModules(), "_imp");
            if (imp == 0) {
                imp = loadBuiltin("_imp");
                heap.decref(imp);  // sys.modules holds it
            }
            heap.dicts.setItem(bootstrapDict, "_imp", imp);
            long ext = frozenModule("_frozen_importlib_external");
            externalDict = vm.moduleDict(ext);
            Bootstrap.defineExternalNatives(vm, this, ext);
            runResource(ext, "_frozen_importlib_external");
            // _bootstrap_external's `import _imp` at its top (its _io, _warnings, marshal and posix as _os
            // are not loaded yet at this point of refheap's start-up, nor are _bootstrap's _thread,
            // _warnings and _weakref, which CPython's _setup loads: those globals are missing)
            heap.dicts.setItem(externalDict, "_imp", imp);
            // _install_external_importers: each module names the other (_bootstrap_external, then
            // _set_bootstrap_module's _bootstrap), so neither looks the other up in sys.modules,
            // where a fresh importlib's test may have blocked it with None
            heap.dicts.setItem(bootstrapDict, "_bootstrap_external", ext);
            heap.dicts.setItem(externalDict, "_bootstrap", boot);
            for (long m : new long[] {boot, ext}) {
                long n = vm.getAttrOrNull(m, "__name__");
                try {
                    long spec = callIn(bootstrapDict, "_spec_for_frozen", n);
                    try {
                        heap.decref(callIn(bootstrapDict, "_init_module_attrs", spec, m));
                    } finally {
                        heap.decref(spec);
                    }
                } finally {
                    heap.decref(n);
                }
            }
            installImporters();
            // importlib._bootstrap._setup: the built-in modules already imported get their specs
            List<Long> keys = new ArrayList<>();
            heap.dicts.forEach(vm.sysModules(), (k, v) -> {
                if (vm.isStr(k) && vm.isModule(v) && isBuiltin(vm.strValue(k))) keys.add(k);
            });
            for (long k : keys) {
                long m = heap.dicts.getItem(vm.sysModules(), k);
                long spec = heap.dicts.getItem(vm.moduleDict(m), "__spec__");
                if (spec == 0 || spec == heap.None) giveBuiltinSpec(vm.strValue(k), m);
            }
        } finally {
            bootstrapping = false;
        }
    }

    /**
     * importlib's _install and _install_external_importers, at the moment refheap's import objects
     * are made: sys.meta_path gets BuiltinImporter, FrozenImporter and PathFinder, sys.path_hooks
     * zipimport's zipimporter and FileFinder.path_hook(*_get_supported_file_loaders()) (kept in
     * {@link #fileFinderHook} and {@link #zipImporter}, which the search answers for itself).
     */
    private void installImporters() {
        long sys = vm.dictGet(vm.sysModules(), "sys");
        if (sys == 0 || !vm.isModule(sys)) return;
        long meta = vm.dictGet(vm.moduleDict(sys), "meta_path");
        long hooks = vm.dictGet(vm.moduleDict(sys), "path_hooks");
        if (meta != 0 && heap.typeOf(meta) == heap.lists && dev.refheap.object.ListType.size(meta) == 0) {
            heap.lists.append(meta, vm.dictGet(bootstrapDict, "BuiltinImporter"));
            heap.lists.append(meta, vm.dictGet(bootstrapDict, "FrozenImporter"));
            heap.lists.append(meta, vm.dictGet(externalDict, "PathFinder"));
        }
        if (hooks != 0 && heap.typeOf(hooks) == heap.lists && dev.refheap.object.ListType.size(hooks) == 0 && !vm.sandboxed()) {
            long hook = callIn(externalDict, "_file_finder_hook");
            fileFinderHook = hook;
            heap.lists.append(hooks, hook);  // first, so that the search for zipimport has it
            heap.decref(hook);
            long zi = zipimporterClass();
            zipImporter = zi;
            if (zi != 0) {
                heap.lists.insert(hooks, 0, zi);
                heap.decref(zi);
            }
        }
    }

    /**
     * zipimport.zipimporter, a new reference (0 without a standard library): CPython's zipimport is
     * frozen, so importing it searches no sys.path entry; refheap loads it from the standard
     * library's directory alone, so that no entry of the program's sys.path gets a finder for it.
     */
    private long zipimporterClass() {
        long m = vm.dictGet(vm.sysModules(), "zipimport");
        if (m != 0) {
            heap.incref(m);
        } else {
            FrozenModules.Entry e = frozen("zipimport");
            if (e == null || FrozenModules.source(stdlib, e) == null) return 0;
            m = loadFrozen("zipimport", e);
        }
        try {
            return vm.getAttrOrNull(m, "zipimporter");
        } finally {
            heap.decref(m);
        }
    }

    /**
     * The addresses of the FileFinder path hook and of zipimporter put in sys.path_hooks at the
     * start, or 0; no reference is kept (CPython keeps none beyond the list), so an address is
     * trusted only while it still holds what it was ({@link #isDefaultHook}).
     */
    private long fileFinderHook, zipImporter;

    /** Whether {@code hook} is the start's FileFinder hook ({@code zip} false) or zipimporter, still alive at its address. */
    private boolean isDefaultHook(long hook, boolean zip) {
        if (hook != (zip ? zipImporter : fileFinderHook) || hook == 0) return false;
        long q = vm.getAttrOrNull(hook, "__qualname__");
        if (q == 0) return false;
        try {
            return vm.isStr(q) && vm.strValue(q).equals(zip ? "zipimporter" : "FileFinder.path_hook.<locals>.path_hook_for_FileFinder");
        } finally {
            heap.decref(q);
        }
    }

    private long frozenModule(String name) {
        long m = newModuleFor(name);
        heap.dicts.setItem(vm.moduleDict(m), "__builtins__", vm.builtinsDict());
        heap.dicts.setItem(vm.sysModules(), name, m);
        heap.decref(m);
        return m;
    }

    private void runResource(long module, String name) {
        String source;
        try (InputStream in = Importer.class.getResourceAsStream(name + ".py")) {
            if (in == null) throw new IllegalStateException("missing resource " + name + ".py");
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String filename = "<frozen " + name + ">";
        // cached like a source file, keyed by the resource's name and text (the jar is in the fingerprint)
        Path key = Path.of("/refheap-resource", name + ".py");
        CodeUnit unit = cache().read(key, name, source.length(), source.hashCode());
        if (unit == null) {
            unit = Compiler.compile(source, filename, Compiler.Mode.EXEC);
            cache().write(key, name, source.length(), source.hashCode(), unit);
        }
        long code = vm.materializeDeepFrozen(unit);  // CPython's importlib bootstrap is deep-frozen too
        try {
            vm.exec(code, vm.moduleDict(module));
        } finally {
            heap.decref(code);
        }
    }

    /** dict[fn](args...) for a function of a bootstrap module: a new reference. */
    long callIn(long dict, String fn, long... args) {
        long f = vm.dictGet(dict, fn);
        if (f == 0) throw vm.error("ImportError", "refheap's import objects lack " + fn);
        heap.incref(f);
        try {
            return vm.call(f, args);
        } finally {
            heap.decref(f);
        }
    }

    // ---- IMPORT_FROM, IMPORT_STAR, _handle_fromlist ------------------------------------------------

    @Override
    public long importFrom(long module, long nameObj) {
        String name = vm.strValue(nameObj);
        long v = vm.getAttrOrNull(module, name);
        if (v != 0) return v;
        long pkgName = vm.getAttrOrNull(module, "__name__");
        try {
            if (pkgName != 0 && vm.isStr(pkgName)) {
                long m = vm.dictGet(vm.sysModules(), vm.strValue(pkgName) + "." + name);
                if (m != 0) return vm.incref(m);
            }
            String pkg = pkgName != 0 && vm.isStr(pkgName) ? vm.repr(pkgName) : "'<unknown module name>'";
            long file = vm.isModule(module) ? vm.dictGet(vm.moduleDict(module), "__file__") : 0;
            long nameField = pkgName != 0 && vm.isStr(pkgName) ? pkgName : 0;
            if (file == 0 || !vm.isStr(file)) {
                throw importError("cannot import name '" + name + "' from " + pkg + " (unknown location)", nameField, 0);
            }
            long spec = vm.getAttrOrNull(module, "__spec__");
            boolean initializing;
            try {
                initializing = vm.isInitializingSpec(spec);
            } finally {
                heap.xdecref(spec);
            }
            if (initializing) {
                throw importError("cannot import name '" + name + "' from partially initialized module " + pkg
                        + " (most likely due to a circular import) (" + vm.strValue(file) + ")", nameField, file);
            }
            throw importError("cannot import name '" + name + "' from " + pkg + " (" + vm.strValue(file) + ")", nameField, file);
        } finally {
            heap.xdecref(pkgName);
        }
    }

    @Override
    public void importStar(long module, long locals) {
        if (locals == 0) throw vm.error("SystemError", "no locals found during 'import *'");
        long all = vm.getAttrOrNull(module, "__all__");
        boolean skipUnderscore = false;
        if (all == 0) {
            long dict = vm.getAttrOrNull(module, "__dict__");
            if (dict == 0) throw vm.error("ImportError", "from-import-* object has no __dict__ and no __all__");
            try {
                all = heap.lists.alloc(0);
                long l = all;
                heap.dicts.forEach(dict, (k, v) -> heap.lists.append(l, k));
            } finally {
                heap.decref(dict);
            }
            skipUnderscore = true;
        }
        boolean skip = skipUnderscore;
        try {
            vm.forEach(all, k -> {
                if (!vm.isStr(k)) {
                    long mn = vm.getAttrOrNull(module, "__name__");
                    String modName = mn != 0 && vm.isStr(mn) ? vm.strValue(mn) : "<unknown module name>";
                    heap.xdecref(mn);
                    throw vm.error("TypeError", (skip ? "Key in " + modName + ".__dict__" : "Item in " + modName + ".__all__")
                            + " must be str, not " + vm.typeName(k));
                }
                String key = vm.strValue(k);
                if (skip && key.startsWith("_")) return;
                long v = vm.getAttrOrNull(module, key);
                if (v == 0) {
                    long mn = vm.getAttrOrNull(module, "__name__");
                    String modName = mn != 0 && vm.isStr(mn) ? vm.strValue(mn) : "?";
                    heap.xdecref(mn);
                    throw vm.error("AttributeError", "module '" + modName + "' has no attribute '" + key + "'");
                }
                try {
                    heap.dicts.setItem(locals, k, v);
                } finally {
                    heap.decref(v);
                }
            });
        } finally {
            heap.decref(all);
        }
    }

    /** importlib._bootstrap._handle_fromlist: imports the submodules a fromlist names. */
    private void handleFromlist(long module, long fromlist, boolean recursive) {
        vm.forEach(fromlist, x -> {
            if (!vm.isStr(x)) {
                String where;
                if (recursive) {
                    long mn = vm.getAttrOrNull(module, "__name__");
                    where = (mn != 0 && vm.isStr(mn) ? vm.strValue(mn) : "?") + ".__all__";
                    heap.xdecref(mn);
                } else {
                    where = "``from list''";
                }
                throw vm.error("TypeError", "Item in " + where + " must be str, not " + vm.typeName(x));
            }
            String item = vm.strValue(x);
            if (item.equals("*")) {
                if (!recursive) {
                    long all = vm.getAttrOrNull(module, "__all__");
                    if (all != 0) {
                        try {
                            handleFromlist(module, all, true);
                        } finally {
                            heap.decref(all);
                        }
                    }
                }
                return;
            }
            long has = vm.getAttrOrNull(module, item);
            if (has != 0) {
                heap.decref(has);
                return;
            }
            long mn = vm.getAttrOrNull(module, "__name__");
            String fromName = (mn != 0 && vm.isStr(mn) ? vm.strValue(mn) : "?") + "." + item;
            heap.xdecref(mn);
            try {
                heap.decref(importAbsolute(fromName));
            } catch (PyException e) {
                // a fromlist item that is no module is not an error (it may be a missing attribute)
                if (vm.isInstance(e, "ModuleNotFoundError") && vm.toStr(e.exc()).equals("No module named '" + fromName + "'")
                        && vm.dictGet(vm.sysModules(), fromName) != heap.None) {
                    heap.decref(e.exc());
                    return;
                }
                throw e;
            }
        });
    }

    /** ModuleNotFoundError(msg, name=name), as _find_and_load_unlocked raises it. */
    /** PyErr_SetImportError: an ImportError with msg and, when not 0, name and path (borrowed). */
    private PyException importError(String msg, long name, long path) {
        PyException e = vm.error("ImportError", msg);
        if (name != 0) vm.setAttr(e.exc(), "name", name);
        if (path != 0) vm.setAttr(e.exc(), "path", path);
        return e;
    }

    private PyException moduleNotFound(String msg, String name) {
        PyException e = vm.error("ModuleNotFoundError", msg);
        long n = vm.str(name);
        try {
            vm.setAttr(e.exc(), "name", n);
        } finally {
            heap.decref(n);
        }
        return e;
    }

    // ---- repr -----------------------------------------------------------------------------------------

    @Override
    public String moduleRepr(long module) {
        long d = vm.moduleDict(module);
        long spec = vm.dictGet(d, "__spec__");
        if (spec != 0 && spec != heap.None && bootstrapDict != 0) {
            long r = callIn(bootstrapDict, "_module_repr_from_spec", spec);
            try {
                return vm.strValue(r);
            } finally {
                heap.decref(r);
            }
        }
        long n = vm.dictGet(d, "__name__");
        String name = n != 0 && vm.isStr(n) ? vm.strValue(n) : "?";
        long loader = vm.dictGet(d, "__loader__");
        long file = vm.dictGet(d, "__file__");
        if (file != 0) return "<module " + quote(name) + " from " + vm.repr(file) + ">";
        if (loader != 0 && loader != heap.None) return "<module " + quote(name) + " (" + vm.repr(loader) + ")>";
        if (isBuiltin(name)) return "<module " + quote(name) + " (built-in)>";
        return "<module " + quote(name) + ">";
    }

    private String quote(String s) {
        long o = vm.str(s);
        try {
            return vm.repr(o);
        } finally {
            heap.decref(o);
        }
    }

    // ---- __main__ and -m -----------------------------------------------------------------------------

    @Override
    public long mainLoader(String filename) {
        if (bootstrapDict == 0) return 0;
        if (filename == null) return vm.incref(vm.dictGet(bootstrapDict, "BuiltinImporter"));
        long name = vm.str("__main__"), file = vm.str(filename);
        try {
            return vm.call(vm.dictGet(externalDict, "SourceFileLoader"), name, file);
        } finally {
            heap.decref(file);
            heap.decref(name);
        }
    }

    @Override
    public void prepareImportlib() { bootstrap(); }

    @Override
    public void runModuleAsMain(String modName, long mainDict) {
        long spec = 0;
        PathFinder.Found found = null;
        String name = modName;
        for (int depth = 0; ; depth++) {
            if (name.startsWith(".")) throw new MainModuleError("Relative module names not supported");
            int dot = name.lastIndexOf('.');
            long path = 0;
            try {
                if (dot >= 0) {
                    String parent = name.substring(0, dot);
                    try {
                        heap.decref(importAbsolute(parent));
                    } catch (PyException e) {
                        String what = vm.typeName(e.exc()) + ": " + vm.toStr(e.exc());
                        heap.decref(e.exc());
                        throw new MainModuleError("Error while finding module specification for '" + name + "' (" + what + ")");
                    }
                    long parentModule = vm.dictGet(vm.sysModules(), parent);
                    path = parentModule == 0 ? 0 : vm.lookupAttr(parentModule, "__path__");
                    if (path == 0) {
                        throw new MainModuleError("Error while finding module specification for '" + name
                                + "' (ModuleNotFoundError: __path__ attribute not found on '" + parent + "' while trying to find '" + name + "')");
                    }
                } else if (isBuiltin(name)) {
                    throw new MainModuleError("No code object available for " + name);
                }
                List<String> entries = new ArrayList<>();
                if (path == 0) {
                    long sys = importAbsolute("sys");
                    long sysPath = vm.getAttrOrNull(sys, "path");
                    heap.decref(sys);
                    vm.forEach(sysPath, e -> { if (vm.isStr(e)) entries.add(vm.strValue(e)); });
                    heap.decref(sysPath);
                } else {
                    vm.forEach(path, e -> { if (vm.isStr(e)) entries.add(vm.strValue(e)); });
                }
                found = PathFinder.find(name, entries, this::pathEntryFinder);
            } finally {
                heap.xdecref(path);
            }
            if (found == null) {
                if (depth > 0) {
                    String pkg = name.substring(0, name.length() - ".__main__".length());
                    throw new MainModuleError("No module named " + name + "; '" + pkg + "' is a package and cannot be directly executed");
                }
                throw new MainModuleError("No module named " + name);
            }
            if (found.kind() == PathFinder.Kind.SPEC) {
                heap.decref(found.spec());
                throw vm.error("NotImplementedError", "refheap does not support running a module a path entry finder of the"
                        + " program's found (" + name + ") as __main__ yet");
            }
            if (found.kind() == PathFinder.Kind.EXTENSION) throw new MainModuleError("No code object available for " + name);
            refuseUnloadable(name, found);
            if (found.kind() == PathFinder.Kind.SOURCE) break;
            if (depth > 0 || name.endsWith(".__main__")) throw new MainModuleError("Cannot use package as __main__ module");
            // a package: import it, then run its __main__
            try {
                heap.decref(importAbsolute(name));
            } catch (PyException e) {
                throw e;
            }
            name = name + ".__main__";
        }
        bootstrap();
        spec = makeSpec(name, found);
        try {
            long code = codeFor(Path.of(found.origin()), name);
            try {
                long sys = importAbsolute("sys");
                try {
                    long argv = vm.getAttrOrNull(sys, "argv");
                    if (argv != 0 && heap.typeOf(argv) == heap.lists && dev.refheap.object.ListType.size(argv) > 0) {
                        long f = vm.str(found.origin());
                        heap.lists.setItem(argv, 0, f);
                        heap.decref(f);
                    }
                    heap.xdecref(argv);
                } finally {
                    heap.decref(sys);
                }
                long main = vm.str("__main__");
                heap.dicts.setItem(mainDict, "__name__", main);
                heap.decref(main);
                long f = vm.str(found.origin());
                heap.dicts.setItem(mainDict, "__file__", f);
                heap.decref(f);
                long cached = vm.getAttrOrNull(spec, "cached");
                heap.dicts.setItem(mainDict, "__cached__", cached);
                heap.decref(cached);
                heap.dicts.setItem(mainDict, "__doc__", heap.None);
                long loader = vm.getAttrOrNull(spec, "loader");
                heap.dicts.setItem(mainDict, "__loader__", loader);
                heap.decref(loader);
                long parent = vm.getAttrOrNull(spec, "parent");
                heap.dicts.setItem(mainDict, "__package__", parent);
                heap.decref(parent);
                heap.dicts.setItem(mainDict, "__spec__", spec);
                vm.exec(code, mainDict);
            } finally {
                heap.decref(code);
            }
        } finally {
            heap.decref(spec);
        }
    }
}
