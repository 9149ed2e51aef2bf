package dev.refheap.lang.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.refheap.lang.modules.NativeModuleRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What refheap does where CPython's FileFinder would load a file refheap does not (a C extension
 * module, a .pyc without its source): an ImportError naming it, from import and from the finders'
 * find_spec, never a spec or a module found further along the path. The behaviours CPython shares
 * are in tests/conformance/imports/path_hooks_pkgutil.py and custom_finders.py.
 */
class PathHooksTest {
    @TempDir
    Path dir;

    private String run(String body) {
        String d = dir.toString().replace("\\", "\\\\");
        return NativeModuleRun.run("import sys\nD = '" + d + "'\n" + body).replace(dir.toString(), "<dir>");
    }

    @Test
    void bug_anExtensionModuleOnThePathIsRefusedByName() throws Exception {
        Files.writeString(dir.resolve("fastthing.cpython-311-x86_64-linux-gnu.so"), "");
        Path later = Files.createDirectory(dir.resolve("later"));
        Files.writeString(later.resolve("fastthing.py"), "print('the wrong module')\n");
        String out = run("""
                sys.path[0:0] = [D, D + '/later']
                try:
                    import fastthing
                except ImportError as e:
                    print(type(e).__name__, e)
                import importlib.machinery
                try:
                    importlib.machinery.PathFinder.find_spec('fastthing', [D])
                except ImportError as e:
                    print('find_spec', e)
                try:
                    sys.path_importer_cache[D].find_spec('fastthing')
                except ImportError as e:
                    print('FileFinder', e)
                """);
        String msg = "refheap does not load C extension modules: 'fastthing' is <dir>/fastthing.cpython-311-x86_64-linux-gnu.so";
        assertEquals("ImportError " + msg + "\nfind_spec " + msg + "\nFileFinder " + msg + "\n", out);
    }

    @Test
    void bug_aSourcelessPycOnThePathIsRefusedByName() throws Exception {
        Path pkg = Files.createDirectory(dir.resolve("compiledpkg"));
        Files.writeString(pkg.resolve("__init__.pyc"), "");
        String out = run("""
                sys.path.insert(0, D)
                try:
                    import compiledpkg
                except ImportError as e:
                    print(type(e).__name__, e)
                """);
        assertEquals("ImportError refheap does not load .pyc files without their source: 'compiledpkg' is <dir>/compiledpkg/__init__.pyc\n", out);
    }

    @Test
    void bug_finderEntriesMadeBeforeImportlibsAreInstalledAreRefusedByName() {
        String out = run("""
                sys.meta_path.append(object())
                try:
                    import colorsys
                except NotImplementedError as e:
                    print(e)
                sys.meta_path.clear()
                import colorsys
                print(len(sys.meta_path), len(sys.path_hooks))
                """);
        assertEquals("refheap does not support entries in sys.meta_path made before its first import from sys.path yet"
                + " (importlib's finders are installed then): import importlib first\n3 2\n", out);
    }
}
