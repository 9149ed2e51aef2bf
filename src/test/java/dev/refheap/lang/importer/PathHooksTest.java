package dev.refheap.lang.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.refheap.lang.modules.NativeModuleRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What refheap does where CPython's FileFinder would load a file refheap does not (a C extension
 * module, a .pyc without its source): an ImportError naming it, never a module found further along
 * the path. An extension module is found as CPython finds it (an ExtensionFileLoader's spec; since
 * session 24 refheap's own Java modules take that route) and refused when it is loaded; a
 * sourceless .pyc is refused by name. The behaviours CPython shares
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
        // as CPython's: FileFinder finds the file and gives an ExtensionFileLoader's spec; loading it
        // fails with an ImportError (refheap's names the file it does not load), never the module further along
        String out = run("""
                sys.path[0:0] = [D, D + '/later']
                try:
                    import fastthing
                except ImportError as e:
                    print(type(e).__name__, e)
                import importlib.machinery, importlib.util
                spec = importlib.machinery.PathFinder.find_spec('fastthing', [D])
                print('find_spec', type(spec.loader).__name__, spec.origin)
                try:
                    importlib.util.module_from_spec(spec)
                except ImportError as e:
                    print('module_from_spec', e)
                """);
        String msg = "refheap does not load C extension modules: 'fastthing' is <dir>/fastthing.cpython-311-x86_64-linux-gnu.so";
        assertEquals("ImportError " + msg + "\nfind_spec ExtensionFileLoader <dir>/fastthing.cpython-311-x86_64-linux-gnu.so\n"
                + "module_from_spec " + msg + "\n", out);
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
