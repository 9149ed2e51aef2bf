package dev.refheap.lang.vm;

/**
 * What the VM needs from an import system: the three import instructions and {@code __import__}.
 * The VM knows no more of imports than this; the implementation ({@code
 * dev.refheap.lang.importer.Importer}, loaded by name on the first import) finds, loads and
 * caches modules, and could be replaced by one that runs CPython's {@code importlib._bootstrap}.
 * Arguments are borrowed; results are new references; errors are thrown as {@link PyException}.
 */
public interface ImportSystem {
    /** IMPORT_NAME and {@code builtins.__import__}: PyImport_ImportModuleLevelObject. */
    long importName(long name, long globals, long fromlist, long level);

    /** IMPORT_FROM: {@code module.name}, else {@code sys.modules[module.__name__ + '.' + name]}, else ImportError. */
    long importFrom(long module, long name);

    /** IMPORT_STAR: {@code from module import *} into {@code locals}. */
    void importStar(long module, long locals);

    /** sys.path as sys starts with it (the script's directory or '', PYTHONPATH, the standard library). */
    java.util.List<String> initialPath();

    /**
     * sys.base_prefix (and base_exec_prefix; sys.prefix too when refheap has no environment of its
     * own, {@link VirtualEnv}): the installation the standard library belongs to, PREFIX of
     * PREFIX/lib/python3.11, as CPython's getpath finds it from its landmark; null when there is no
     * standard library.
     */
    String prefix();

    /**
     * sys.builtin_module_names, sorted: the modules found by BuiltinImporter (the VM's own, and
     * the import system's native modules that are built in rather than found on sys.path).
     */
    java.util.List<String> builtinModuleNames();

    /** sys._stdlib_dir: the standard library's directory, or null when there is none. */
    String stdlibDir();

    /**
     * {@code python3 -m NAME}: finds the module (a package runs its {@code __main__}) and runs it
     * as {@code __main__} in {@code mainDict}, as runpy._run_module_as_main does.
     *
     * @throws MainModuleError when there is nothing to run (the message python3 prints after "python3: ")
     */
    void runModuleAsMain(String name, long mainDict);

    /** runpy's refusal to run a module: printed as "refheap: MESSAGE", exit status 1. */
    final class MainModuleError extends RuntimeException {
        public MainModuleError(String message) { super(message, null, false, false); }
    }

    /**
     * The loader CPython's start-up gives {@code __main__}: for {@code filename} null
     * {@code _frozen_importlib.BuiltinImporter} (add_main_module's, kept by {@code -c}, stdin and
     * the REPL), else a {@code _frozen_importlib_external.SourceFileLoader('__main__', filename)}
     * (a file program's: set_main_loader). A new reference, or 0 while importlib's classes are not
     * made yet (refheap makes them at the first import that needs a spec, not at start-up).
     */
    long mainLoader(String filename);

    /** Makes importlib's classes now if they are not made yet ({@code -m} has them before __main__ exists, as CPython). */
    void prepareImportlib();

    /** The repr of a module object (importlib's {@code _module_repr}). */
    String moduleRepr(long module);

    /**
     * The start-up image's record of this import system's Java side: the addresses it keeps (the
     * bootstrap modules' dicts, 0 before importlib's classes are made; the FileFinder path hook and
     * zipimporter put in sys.path_hooks, which the search answers for itself). Only at rest: an import
     * running (bootstrapping, a module lock held or waited for) is refused with an
     * IllegalStateException naming it.
     */
    long[] imageState();

    /**
     * A native module's functions by name, made from the runtime alone as the module's setup makes
     * them (it defines them from the same table), or null when the module has no such table yet:
     * what a runtime adopting a start-up image makes the module's functions again from.
     */
    java.util.Map<String, Builtin> nativeFunctions(String module);

    /**
     * Native module {@code module}'s state made again from the values its {@link ModuleImage}
     * gave in the image-maker's runtime, without touching the heap (a runtime adopting a start-up
     * image), or null when the module has no such restore.
     */
    ModuleImage restoreModuleState(String module, long[] values);

    /** Takes the state {@link #imageState} gave in the image-maker's runtime (this runtime adopted its image). */
    void adoptImageState(long[] state);
}
