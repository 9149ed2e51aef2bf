package dev.refheap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After the program, `refheap run` exits as python3 does: weakref.finalize's atexit callbacks
 * (newest first, unless atexit is false), then the modules are released and collected, so the
 * __del__ of objects still alive prints. Expected outputs are python3 3.11's for the same files.
 */
class ExitFinalizationTest {
    @TempDir
    Path dir;

    private static final String CLASS = "class A:\n    def __init__(self, n): self.n = n\n"
            + "    def __del__(self): print('del', self.n, 'sees', label)\nlabel = 'the label'\n";

    @Test
    void globalsAreFinalizedAtExitAfterTheAtexitFinalizers() throws Exception {
        Files.writeString(dir.resolve("p.py"), "import weakref\n" + CLASS
                + "x = A('x')\ny = A('y'); y.other = x; x.other = y\nz = A('z')\n"
                + "def fin(n): print('finalize', n)\nweakref.finalize(z, fin, 1)\nweakref.finalize(z, fin, 2)\n"
                + "f3 = weakref.finalize(z, fin, 3)\nf3.atexit = False\nprint('done')\n");
        CliRun r = CliRun.in(dir, "run", "p.py");
        assertEquals(0, r.status());
        assertEquals("done\nfinalize 2\nfinalize 1\ndel x sees the label\ndel y sees the label\ndel z sees the label\n", r.out());
    }

    /**
     * A module's functions hold it (m_self): wiping the dict of a module nothing else keeps frees the
     * module in the middle of the wipe unless the exit holds it meanwhile, as finalize_modules does
     * (refheap read the freed dict: a JVM crash).
     */
    @Test
    void bug_aModuleKeptOnlyByItsFunctionsWasFreedWhileItsDictWasWiped() throws Exception {
        Files.writeString(dir.resolve("p.py"), "import math, _operator\nkeep = [math.sqrt, _operator.add]\n"
                + "class A:\n    def __del__(self):\n        print('del sees', type(keep).__name__, math.__name__)\n"
                + "a = A()\nprint(math.sqrt.__self__ is math)\n");
        CliRun r = CliRun.in(dir, "run", "p.py");
        assertEquals(0, r.status());
        assertEquals("True\ndel sees list math\n", r.out());
    }

    @Test
    void theUncaughtExceptionReleasesItsFramesAtExit() throws Exception {
        Files.writeString(dir.resolve("p.py"), CLASS + "def f():\n    local = A('local of f')\n    1/0\ng = A('global')\nf()\n");
        CliRun r = CliRun.in(dir, "run", "p.py");
        assertEquals(1, r.status());
        assertEquals("del local of f sees the label\ndel global sees the label\n", r.out());
    }

    @Test
    void systemExitAlsoFinalizes() throws Exception {
        Files.writeString(dir.resolve("p.py"), CLASS + "import sys\na = A('a')\nsys.exit(3)\n");
        CliRun r = CliRun.in(dir, "run", "p.py");
        assertEquals(3, r.status());
        assertEquals("del a sees the label\n", r.out());
    }

    /**
     * finalize_modules_delete_special: sys.path, sys.meta_path, sys.argv... are None and the standard
     * streams are put back before the modules go, so a finalizer at exit cannot import; the module's
     * sys.modules entry is gone by then. Expected: python3 3.11 (a clean venv) on the same file.
     */
    @Test
    void bug_finalizerAtExitSawSysPathAndMetaPathInPlace() throws Exception {
        Files.writeString(dir.resolve("p.py"), """
                import sys, io
                class Late:
                    def __del__(self):
                        print('path', sys.path, 'meta_path', sys.meta_path, 'argv', sys.argv, 'hooks', sys.path_hooks, sys.path_importer_cache)
                        print('stdout restored', sys.stdout is sys.__stdout__)
                        print('__main__ entry', sys.modules.get('__main__', 'absent'))
                        try:
                            import json
                        except ImportError as e:
                            print('ImportError:', e)
                late = Late()
                sys.stdout = io.StringIO()
                """);
        CliRun r = CliRun.in(dir, "run", "p.py");
        assertEquals(0, r.status());
        assertEquals("path None meta_path None argv None hooks None None\nstdout restored True\n__main__ entry absent\n"
                + "ImportError: sys.meta_path is None, Python is likely shutting down\n", r.out());
    }

    /** A file still open when the modules go warns through the C warnings path, above any frame: "sys:1". */
    @Test
    void bug_fileLeftOpenAtExitGaveNoResourceWarning() throws Exception {
        Files.writeString(dir.resolve("p.py"), "late = open('p.py', 'rb')\n");
        CliRun r = CliRun.in(dir, "-W", "default", "run", "p.py");
        assertEquals(0, r.status());
        assertEquals("sys:1: ResourceWarning: unclosed file <_io.BufferedReader name='p.py'>\n", r.err());
    }

    /** python3 3.11 reports a failing threading._shutdown as PyErr_WriteUnraisable(threading): the module is the object. */
    @Test
    void bug_threadingShutdownErrorIsReportedInTheThreadingModule() throws Exception {
        Files.writeString(dir.resolve("p.py"), "import threading\ndef down():\n    raise KeyError('shutdown')\n"
                + "threading._shutdown = down\nprint('end')\n");
        String path = dir.resolve("p.py").toRealPath().toString();  // python3 shows a script's absolute path
        CliRun r = CliRun.in(dir, "run", path);
        assertEquals(0, r.status());
        assertEquals("end\n", r.out());
        assertEquals("Exception ignored in: <module 'threading' from 'THREADING'>\nTraceback (most recent call last):\n"
                + "  File \"" + path + "\", line 3, in down\n    raise KeyError('shutdown')\nKeyError: 'shutdown'\n",
                r.err().replaceAll("from '[^']*threading\\.py'", "from 'THREADING'"));
    }

    /** The exit's unraisable errors (atexit callbacks, threading's shutdown) reach a hook the program set, with CPython's err_msg and object. */
    @Test
    void exitErrorsGoThroughTheProgramsUnraisablehook() throws Exception {
        Files.writeString(dir.resolve("p.py"), """
                import sys, atexit, threading
                def hook(a):
                    print("hook:", a.err_msg, getattr(a.object, "__name__", a.object), a.exc_type.__name__, a.exc_value)
                sys.unraisablehook = hook
                def f(): raise ValueError("boom")
                atexit.register(f)
                def down(): raise KeyError("shutdown")
                threading._shutdown = down
                print("end")
                """);
        CliRun r = CliRun.in(dir, "run", "p.py");
        assertEquals(0, r.status());
        assertEquals("", r.err());
        assertEquals("end\nhook: None threading KeyError 'shutdown'\nhook: Exception ignored in atexit callback f ValueError boom\n", r.out());
    }

    /**
     * bug: the globals of a module still alive at exit are cleared in two passes over its dict by
     * position (PyDict_Next): '_' names first, then every name but __builtins__. A finalizer that
     * runs in the second pass and sets new globals (one a '_' name) puts them behind the walk, which
     * clears them too (python3 3.11 prints both). refheap walked a copy of the names and skipped '_'
     * names in the second pass: both objects stayed alive, unprinted. After CPython's start-up,
     * whose sys.modules is CPython's (after the small one the module is freed whole before the
     * clearing, sys's own globals first: another difference, not this one).
     */
    @Test
    void bug_globalsAFinalizerAddsWhileAModuleIsClearedAreClearedToo() throws Exception {
        Files.writeString(dir.resolve("p.py"), "import sys, types\n"
                + "m = types.ModuleType('late_globals')\nsys.modules['late_globals'] = m\nsys.keep_late_globals = m\n"
                + "class Late:\n    def __init__(self, name): self.name = name\n    def __del__(self): print('freed', self.name)\n"
                + "class Setter:\n    def __del__(self):\n        print('setter freed')\n"
                + "        sys.keep_late_globals._late = Late('_late')\n        sys.keep_late_globals.later = Late('later')\n"
                + "m.a = Late('a')\nm._b = Late('_b')\nm.setter = Setter()\nm.z = Late('z')\nprint('end')\n");
        String expected = "end\nfreed _b\nfreed a\nsetter freed\nfreed z\nfreed _late\nfreed later\n";
        CliRun r = CliRun.in(dir, pb -> pb.environment().put("REFHEAP_STARTUP_IMAGE", "0"), "--startup=cpython", "run", "p.py");
        assertEquals(0, r.status(), r.err());
        assertEquals(expected, r.out());
        assertEquals("", r.err());
    }

    /**
     * An exception in a finalizer run while the modules are cleared at exit is reported to
     * sys.stderr, the File line without its source line (display_source_line's import of io fails
     * then): refheap looked sys up in sys.modules, emptied by then, and wrote nothing (test_struct's
     * test_struct_cleans_up_at_runtime_shutdown). Expected: python3 3.11 on the same file.
     */
    @Test
    void bug_delErrorsAtExitWereNotReported() throws Exception {
        Files.writeString(dir.resolve("p.py"), """
                import struct

                class C:
                    def __init__(self):
                        self.pack = struct.pack
                    def __del__(self):
                        print('del', flush=True)
                        self.pack('I', -42)

                struct.x = C()
                """);
        CliRun r = CliRun.in(dir, "run", "p.py");
        assertEquals(0, r.status(), r.err());
        assertEquals("del\n", r.out());
        assertEquals("Exception ignored in: <function C.__del__ at 0xADDR>\nTraceback (most recent call last):\n"
                + "  File \"" + dir.resolve("p.py") + "\", line 8, in __del__\nstruct.error: argument out of range\n",
                r.err().replaceAll("0x[0-9a-f]+", "0xADDR"));
    }
}
