package dev.refheap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command lines that start a program as python3's do: {@code -m module args} (runpy's rules:
 * a package runs its __main__, sys.argv[0] is the module's file, sys.path[0] the current
 * directory), {@code run FILE args} and {@code -c CODE args} (sys.argv, sys.path[0]), and the
 * messages python3 prints when there is nothing to run. Expected outputs are python3's.
 */
class ImportCliTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void files() throws Exception {
        Files.writeString(dir.resolve("tool.py"), """
                import sys
                print(__name__, __package__ == '', sys.argv[1:], sys.argv[0].endswith('tool.py'))
                print(__spec__.name, __file__.endswith('tool.py'), sys.argv[0].startswith(sys.path[0]))
                """);
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/__init__.py"), "print('app init')\n");
        Files.writeString(dir.resolve("app/__main__.py"), """
                import sys
                from . import helper
                print('app main', __name__, __package__, __spec__.name, sys.argv[1:], helper.VALUE)
                """);
        Files.writeString(dir.resolve("app/helper.py"), "VALUE = 7\n");
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/__init__.py"), "");
        Files.writeString(dir.resolve("lib/cmd.py"), "import sys\nprint('lib.cmd', __name__, __package__, sys.argv[1:])\n");
        Files.writeString(dir.resolve("script.py"), "import sys\nprint(sys.argv, sys.path[0] == " + "'" + dir.toRealPath() + "'" + ")\n");
    }

    @Test
    void dashMRunsAModuleAsMain() throws Exception {
        CliRun r = CliRun.in(dir, "-m", "tool", "a", "--flag");
        assertEquals("", r.err());
        assertEquals("__main__ True ['a', '--flag'] True\ntool True True\n", r.out());
    }

    @Test
    void dashMRunsAPackagesMain() throws Exception {
        CliRun r = CliRun.in(dir, "-m", "app", "x");
        assertEquals("", r.err());
        assertEquals("app init\napp main __main__ app app.__main__ ['x'] 7\n", r.out());
    }

    @Test
    void dashMRunsASubmodule() throws Exception {
        CliRun r = CliRun.in(dir, "-m", "lib.cmd", "1");
        assertEquals("lib.cmd __main__ lib ['1']\n", r.out());
    }

    /** CPython's runpy (the default start-up) names sys.executable, as python3's does; the small start-up's -m names refheap. */
    @Test
    void dashMWithoutSuchModule() throws Exception {
        CliRun r = CliRun.in(dir, "-m", "no_such_module");
        assertEquals(1, r.status());
        assertEquals(executable() + ": No module named no_such_module\n", r.err());
        r = CliRun.in(dir, "--startup=refheap", "-m", "no_such_module");
        assertEquals(1, r.status());
        assertEquals("refheap: No module named no_such_module\n", r.err());
    }

    @Test
    void dashMOfAPackageWithoutMain() throws Exception {
        CliRun r = CliRun.in(dir, "-m", "lib");
        assertEquals(1, r.status());
        assertEquals(executable() + ": No module named lib.__main__; 'lib' is a package and cannot be directly executed\n", r.err());
        r = CliRun.in(dir, "--startup=refheap", "-m", "lib");
        assertEquals(1, r.status());
        assertEquals("refheap: No module named lib.__main__; 'lib' is a package and cannot be directly executed\n", r.err());
    }

    /** sys.executable of the runs here (CliRun starts the JVM without the launcher). */
    private String executable() throws Exception {
        return CliRun.in(dir, "-c", "import sys; print(sys.executable)").out().strip();
    }

    @Test
    void runPassesArgumentsAndTheScriptsDirectory() throws Exception {
        CliRun r = CliRun.in(dir, "run", "script.py", "one", "-x");
        assertEquals("", r.err());
        assertEquals("['script.py', 'one', '-x'] True\n", r.out());
    }

    @Test
    void dashCHasArgvAndAnEmptyPathEntry() throws Exception {
        CliRun r = CliRun.in(dir, "-c", "import sys; print(sys.argv, repr(sys.path[0]))", "p", "q");
        assertEquals("['-c', 'p', 'q'] ''\n", r.out());
    }

    @Test
    void dashCImportsFromTheCurrentDirectory() throws Exception {
        CliRun r = CliRun.in(dir, "-c", "import app.helper as h; print(h.VALUE)");
        assertEquals("app init\n7\n", r.out());
    }

    @Test
    void atexitCallbacksRunAtExitLastFirst() throws Exception {
        CliRun r = CliRun.in(dir, "-c", "import atexit\ndef f(): raise ValueError('boom')\n"
                + "atexit.register(print, 'last')\natexit.register(f)\natexit.register(print, 'first')");
        assertEquals("first\nlast\n", r.out());
        assertEquals("Exception ignored in atexit callback: <function f at 0xADDR>\nTraceback (most recent call last):\n"
                + "  File \"<string>\", line 2, in f\nValueError: boom\n", r.err().replaceAll("0x[0-9a-f]+", "0xADDR"));
    }

    private static final String NAMESPACE = "print(list(globals()), __loader__, __annotations__, type(__builtins__).__name__)";
    private static final String BASE_NAMES = "['__name__', '__doc__', '__package__', '__loader__', '__spec__', '__annotations__', '__builtins__'";

    /** __main__ as python3 makes it for -c and stdin (add_main_module's names; stdin adds __file__ and __cached__), importlib's loader made first. */
    @Test
    void mainNamespaceOfDashCAndStdinIsPython3s() throws Exception {
        CliRun c = CliRun.in(dir, "--startup=cpython", "-c", NAMESPACE);
        assertEquals(BASE_NAMES + "] <class '_frozen_importlib.BuiltinImporter'> {} module\n", c.out());
        Path in = dir.resolve("namespace_stdin.txt");
        Files.writeString(in, NAMESPACE + "\n");
        CliRun s = CliRun.in(dir, pb -> pb.redirectInput(in.toFile()), "--startup=cpython");
        assertEquals(BASE_NAMES + ", '__file__', '__cached__'] <class '_frozen_importlib.BuiltinImporter'> {} module\n", s.out());
    }

    /** -m: runpy's values take the places add_main_module's names have, so the order is python3's. */
    @Test
    void mainNamespaceOfDashMIsPython3s() throws Exception {
        Files.writeString(dir.resolve("names_main.py"), "print(list(globals())[:9], type(__loader__).__name__, __spec__.name)\n");
        CliRun r = CliRun.in(dir, "-m", "names_main");
        assertEquals(BASE_NAMES + ", '__file__', '__cached__'] SourceFileLoader names_main\n", r.out());
    }

    /** A file program's __file__ and __cached__ are deleted when it ends (_PyRun_SimpleFileObject): atexit callbacks do not see them. */
    @Test
    void mainFileNamesAreGoneAtExit() throws Exception {
        Files.writeString(dir.resolve("at_exit.py"), "import atexit, sys\nprint(__file__.endswith('at_exit.py'), __cached__)\n"
                + "atexit.register(lambda: print(hasattr(sys.modules['__main__'], '__file__'), '__cached__' in globals()))\n");
        CliRun r = CliRun.in(dir, "run", "at_exit.py");
        assertEquals("True None\nFalse False\n", r.out());
    }
}
