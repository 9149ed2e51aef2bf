package dev.refheap.lang.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The modules CPython 3.11.7 freezes into its binary ({@code _imp._frozen_module_names()}), which
 * its FrozenImporter finds before any path entry is searched: importlib's bootstrap, the modules
 * start-up imports (os, site, codecs, io, abc, stat, posixpath...), runpy, importlib.util and
 * importlib.machinery, and the test modules {@code __hello__} and {@code __phello__} with their
 * aliases. Such a module's spec has origin "frozen", FrozenImporter as its loader and a loader state
 * (filename, origname), its repr says "(frozen)" and its code's co_filename is
 * {@code <frozen ORIGNAME>}; it has {@code __file__} (the standard library's source) but no
 * {@code __cached__}.
 *
 * <p>refheap compiles a frozen module's code from that source in the standard library (CPython
 * built its frozen code from the same files). An entry's {@code origname} is the module whose code
 * it runs; a leading '<' marks a package's {@code __init__} imported under its own name; null is a
 * module with no source file ({@code __hello_only__}), whose code refheap does not have.
 */
final class FrozenModules {
    private FrozenModules() {}

    /** One frozen module: whether it is a package, and the module whose code it is. */
    record Entry(String name, boolean isPackage, String origname) {}

    /** CPython 3.11.7's table, in its order. */
    static final Map<String, Entry> TABLE = table(
            "_frozen_importlib", false, "importlib._bootstrap",
            "_frozen_importlib_external", false, "importlib._bootstrap_external",
            "zipimport", false, "zipimport",
            "abc", false, "abc",
            "codecs", false, "codecs",
            "io", false, "io",
            "_collections_abc", false, "_collections_abc",
            "_sitebuiltins", false, "_sitebuiltins",
            "genericpath", false, "genericpath",
            "ntpath", false, "ntpath",
            "posixpath", false, "posixpath",
            "os.path", false, "posixpath",
            "os", false, "os",
            "site", false, "site",
            "stat", false, "stat",
            "importlib.util", false, "importlib.util",
            "importlib.machinery", false, "importlib.machinery",
            "runpy", false, "runpy",
            "__hello__", false, "__hello__",
            "__hello_alias__", false, "__hello__",
            "__phello_alias__", true, "__hello__",
            "__phello_alias__.spam", false, "__hello__",
            "__phello__", true, "__phello__",
            "__phello__.__init__", false, "<__phello__",
            "__phello__.ham", true, "__phello__.ham",
            "__phello__.ham.__init__", false, "<__phello__.ham",
            "__phello__.ham.eggs", false, "__phello__.ham.eggs",
            "__phello__.spam", false, "__phello__.spam",
            "__hello_only__", false, null);

    private static Map<String, Entry> table(Object... rows) {
        Map<String, Entry> t = new LinkedHashMap<>();
        for (int i = 0; i < rows.length; i += 3) {
            String name = (String) rows[i];
            t.put(name, new Entry(name, (Boolean) rows[i + 1], (String) rows[i + 2]));
        }
        return java.util.Collections.unmodifiableMap(t);
    }

    /**
     * Whether {@code name}'s frozen code is deep-frozen as refheap models it (code objects, tuples
     * and constants static: never allocated, tracked or counted by the collector): a standard library
     * module frozen under its own name. Not the bootstrap (refheap's own modules, made deep-frozen
     * where they are made), the aliases or the __hello__/__phello__ test modules.
     */
    static boolean isDeepFrozen(String name) {
        Entry e = TABLE.get(name);
        return e != null && name.equals(e.origname()) && !name.startsWith("__");
    }

    /** The entry for {@code name}, or null when it is not frozen. */
    static Entry find(String name) {
        return TABLE.get(name);
    }

    /**
     * The source file the frozen code of {@code e} was built from, in the standard library
     * {@code stdlib}, or null when there is none (no standard library, no origname, or the file is
     * not installed): the source refheap compiles for it.
     */
    static Path source(Path stdlib, Entry e) {
        if (stdlib == null || e.origname() == null) return null;
        String orig = e.origname();
        boolean pkg = orig.startsWith("<") || e.isPackage() && orig.equals(e.name());
        if (orig.startsWith("<")) orig = orig.substring(1);
        Path base = stdlib.resolve(orig.replace('.', '/'));
        Path file = pkg ? base.resolve("__init__.py") : base.resolveSibling(base.getFileName() + ".py");
        return Files.isRegularFile(file) ? file : null;
    }

    /** The code's co_filename: {@code <frozen ORIGNAME>}, as CPython's frozen code has it. */
    static String codeFilename(Entry e) {
        return "<frozen " + (e.origname() == null ? e.name() : e.origname()) + ">";
    }
}
