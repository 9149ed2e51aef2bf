package dev.refheap.lang.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * importlib's PathFinder and FileFinder for source files: looks for a module in each directory of
 * a search path (sys.path, or a package's __path__). In one directory {@code name/__init__.py} is
 * a regular package, {@code name.py} a module, and a directory {@code name/} without
 * {@code __init__.py} a portion of a namespace package, which is what the name is only when no
 * directory of the path has the package or module. An empty entry is the current directory.
 * Extension modules ({@code .so}) and sourceless {@code .pyc} files are not loaded: finding one
 * where CPython's FileFinder would load it is reported (kinds EXTENSION, SOURCELESS) so that the
 * importer refuses it by name instead of going on to a later entry.
 */
final class PathFinder {
    private PathFinder() {}

    /**
     * SOURCE, PACKAGE, NAMESPACE: found by refheap's search of a directory. SPEC: a spec a path entry
     * finder of the program's (or a zipimporter) returned, {@code spec} its reference, owned by
     * the caller. EXTENSION, SOURCELESS: what CPython's FileFinder would load and refheap does not
     * (a C extension module, a .pyc without its source): {@code origin} is the file; the caller
     * refuses it by name rather than going on to a later entry.
     */
    enum Kind { SOURCE, PACKAGE, NAMESPACE, SPEC, EXTENSION, SOURCELESS }

    /** What was found: {@code origin} is the file (null for a namespace), {@code locations} the package's __path__. */
    record Found(Kind kind, String origin, List<String> locations, long spec) {
        Found(Kind kind, String origin, List<String> locations) { this(kind, origin, locations, 0); }
    }

    /** What the search does at one entry, as its path entry finder (sys.path_importer_cache) decides. */
    record Visit(boolean search, Found found, List<String> portions) {
        static final Visit SEARCH = new Visit(true, null, null);
        static final Visit SKIP = new Visit(false, null, null);
    }

    /** The path entry finder of one entry, asked with the name searched for. */
    interface EntryFinder {
        Visit visit(String entry, String fullname);
    }

    /** The suffixes of C extension modules (importlib.machinery.EXTENSION_SUFFIXES on CPython 3.11, Linux x86-64), in FileFinder's order. */
    static final List<String> EXTENSION_SUFFIXES = List.of(".cpython-311-x86_64-linux-gnu.so", ".abi3.so", ".so");

    static Found find(String fullname, List<String> path) { return find(fullname, path, (e, n) -> Visit.SEARCH); }

    /**
     * A path entry as a directory path: a relative one (and '', the current directory itself) is
     * taken from the process's current directory, which os.chdir moves; null when there is none.
     */
    static Path absolute(String entry) {
        Path p = Path.of(entry);
        if (p.isAbsolute()) return p;
        String cwd = dev.refheap.lang.modules.posix.Posix.currentDirectory();
        return cwd == null ? null : entry.isEmpty() ? Path.of(cwd) : Path.of(cwd).resolve(p);
    }

    /**
     * As {@link #find(String, List)}, with {@code finder} asked about each entry the walk reaches,
     * in order, before it is searched: it searches the entry here, passes it over, or answers
     * itself (a spec, or namespace portions). The walk stops at the first module or package, and
     * goes through every entry for a namespace package, as PathFinder._get_spec does. In one
     * directory the order is FileFinder's: a package directory's {@code __init__} with the
     * extension suffixes, then .py, then .pyc; then the module with the same suffixes.
     */
    static Found find(String fullname, List<String> path, EntryFinder finder) {
        String tail = fullname.substring(fullname.lastIndexOf('.') + 1);
        List<String> portions = new ArrayList<>();
        for (String entry : path) {
            Visit v = finder.visit(entry, fullname);
            if (v.found() != null) return v.found();
            if (v.portions() != null) portions.addAll(v.portions());
            if (!v.search()) continue;
            Path dir = absolute(entry);
            dev.refheap.lang.vm.StartupInputs.note(dir);  // a start-up image's key: the directory's time stands for its entries
            if (dir == null || !Files.isDirectory(dir)) continue;
            Path base = dir.resolve(tail);
            boolean namespace = false;
            if (Files.isDirectory(base)) {
                Found f = inDirectory(base, "__init__", Kind.PACKAGE);
                if (f != null) return f.kind() == Kind.PACKAGE ? new Found(Kind.PACKAGE, f.origin(), List.of(base.toString())) : f;
                namespace = true;
            }
            Found f = inDirectory(dir, tail, Kind.SOURCE);
            if (f != null) {
                if (f.origin() != null) dev.refheap.lang.vm.StartupInputs.note(Path.of(f.origin()));
                return f;
            }
            if (namespace) portions.add(base.toString());
        }
        return portions.isEmpty() ? null : new Found(Kind.NAMESPACE, null, portions);
    }

    /** The file {@code stem} + a suffix in {@code dir}, in FileFinder's order of suffixes, or null. */
    private static Found inDirectory(Path dir, String stem, Kind source) {
        for (String suffix : EXTENSION_SUFFIXES) {
            Path p = dir.resolve(stem + suffix);
            if (Files.isRegularFile(p)) return new Found(Kind.EXTENSION, p.toString(), null);
        }
        Path py = dir.resolve(stem + ".py");
        if (Files.isRegularFile(py)) return new Found(source, py.toString(), null);
        Path pyc = dir.resolve(stem + ".pyc");
        if (Files.isRegularFile(pyc)) return new Found(Kind.SOURCELESS, pyc.toString(), null);
        return null;
    }
}
