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
 * Extension modules ({@code .so}) and sourceless {@code .pyc} files are not loaded.
 */
final class PathFinder {
    private PathFinder() {}

    enum Kind { SOURCE, PACKAGE, NAMESPACE }

    /** What was found: {@code origin} is the file (null for a namespace), {@code locations} the package's __path__. */
    record Found(Kind kind, String origin, List<String> locations) {}

    static Found find(String fullname, List<String> path) { return find(fullname, path, e -> true); }

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
     * As {@link #find(String, List)}, with {@code visit} asked about each entry the walk reaches,
     * in order, before it is searched (false: the entry is passed over): the walk stops at the
     * first module or package, and goes through every entry for a namespace package, as
     * PathFinder._get_spec does.
     */
    static Found find(String fullname, List<String> path, java.util.function.Predicate<String> visit) {
        String tail = fullname.substring(fullname.lastIndexOf('.') + 1);
        List<String> portions = new ArrayList<>();
        for (String entry : path) {
            if (!visit.test(entry)) continue;
            Path dir = absolute(entry);
            if (dir == null || !Files.isDirectory(dir)) continue;
            Path base = dir.resolve(tail);
            boolean namespace = false;
            if (Files.isDirectory(base)) {
                Path init = base.resolve("__init__.py");
                if (Files.isRegularFile(init)) return new Found(Kind.PACKAGE, init.toString(), List.of(base.toString()));
                namespace = true;
            }
            Path file = dir.resolve(tail + ".py");
            if (Files.isRegularFile(file)) return new Found(Kind.SOURCE, file.toString(), null);
            if (namespace) portions.add(base.toString());
        }
        return portions.isEmpty() ? null : new Found(Kind.NAMESPACE, null, portions);
    }
}
