package dev.refheap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --startup=cpython -m module}: after CPython's start-up the module runs through CPython's
 * own {@code runpy._run_module_as_main}, as pymain_run_module runs it, so the first line sees the
 * modules runpy imported (52 with {@code __main__}, the same names), runpy's sys.argv[0],
 * {@code __spec__} and loader, and a module that cannot be run gets runpy's message after
 * sys.executable. Every expected text is what a clean CPython 3.11.7 venv printed for the same
 * command in the same kind of directory ({@code /tmp/venv311/bin/python -m ...}).
 */
class CpythonDashMCliTest {
    @TempDir
    static Path dir;

    /** sorted(sys.modules) at the first line of {@code python -m first} in a clean 3.11.7 venv (51 names, no gc). */
    static final String VENV_MODULES = "51 ['__main__', '_abc', '_codecs', '_collections', '_collections_abc', '_frozen_importlib', "
            + "'_frozen_importlib_external', '_functools', '_imp', '_io', '_operator', '_signal', '_sitebuiltins', '_stat', '_thread', "
            + "'_warnings', '_weakref', 'abc', 'builtins', 'codecs', 'collections', 'contextlib', 'encodings', 'encodings.aliases', "
            + "'encodings.utf_8', 'functools', 'genericpath', 'importlib', 'importlib._abc', 'importlib._bootstrap', "
            + "'importlib._bootstrap_external', 'importlib.machinery', 'importlib.util', 'io', 'itertools', 'keyword', 'marshal', "
            + "'operator', 'os', 'os.path', 'posix', 'posixpath', 'reprlib', 'runpy', 'site', 'stat', 'sys', 'time', 'types', "
            + "'warnings', 'zipimport']\n";

    @BeforeAll
    static void files() throws Exception {
        Files.writeString(dir.resolve("first.py"), """
                import sys
                print(len(sys.modules), sorted(sys.modules))
                print(sys.argv[0] == __file__, sys.argv[1:], sys.path[0] == __import__('os').getcwd(), __spec__.name,
                      type(__loader__).__name__, __loader__ is __spec__.loader, list(globals())[:9])
                print(sys.modules['runpy'].__spec__.name, __import__('runpy')._run_module_as_main.__name__)
                """);
        Files.createDirectories(dir.resolve("pkg"));
        Files.writeString(dir.resolve("pkg/__init__.py"), "print('pkg init')\n");
        Files.writeString(dir.resolve("pkg/__main__.py"), "import sys\nprint('main of', __name__, __spec__.name, __package__, sys.argv[0].endswith('pkg/__main__.py'), sys.argv[1:])\n");
        Files.createDirectories(dir.resolve("nomain"));
        Files.writeString(dir.resolve("nomain/__init__.py"), "");
        Files.writeString(dir.resolve("boom.py"), "def f(): 1/0\nf()\n");
    }

    private static CliRun run(String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "--startup=cpython";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.in(dir, all);
    }

    @Test
    void theFirstLineHasRunpysModulesAndMainNamespace() throws Exception {
        CliRun r = run("-m", "first", "a", "-b");
        assertEquals("", r.err());
        assertEquals(VENV_MODULES
                + "True ['a', '-b'] True first SourceFileLoader True ['__name__', '__doc__', '__package__', '__loader__', '__spec__',"
                + " '__annotations__', '__builtins__', '__file__', '__cached__']\n"
                + "runpy _run_module_as_main\n", r.out());
    }

    @Test
    void aPackageRunsItsMain() throws Exception {
        CliRun r = run("-m", "pkg", "1");
        assertEquals("", r.err());
        assertEquals("pkg init\nmain of __main__ pkg.__main__ pkg True ['1']\n", r.out());
    }

    /** runpy's _error: SystemExit("%s: %s" % (sys.executable, message)), status 1. */
    @Test
    void whatCannotRunIsRunpysMessageAfterTheExecutable() throws Exception {
        String exe = run("-c", "import sys; print(sys.executable)").out().strip();
        String[][] cases = {
                {"nosuch", "No module named nosuch"},
                {"nomain", "No module named nomain.__main__; 'nomain' is a package and cannot be directly executed"},
                {".rel", "Relative module names not supported"},
                {"nosuch.x", "Error while finding module specification for 'nosuch.x' (ModuleNotFoundError: No module named 'nosuch')"},
                {"sys", "No code object available for sys"},
        };
        for (String[] c : cases) {
            CliRun r = run("-m", c[0]);
            assertEquals(1, r.status(), c[0]);
            assertEquals(exe + ": " + c[1] + "\n", r.err(), c[0]);
        }
    }

    /**
     * The traceback goes through runpy's two frames and shows the module's lines, read from its file
     * (runpy compiles it with compile(), so no source of it is registered). python3's names the
     * runpy frames {@code "<frozen runpy>"} (runpy is frozen in 3.11) and shows no line for them;
     * refheap compiles runpy from its source, so those two frames name runpy.py and show its lines.
     */
    @Test
    void anUncaughtExceptionShowsTheModulesLines() throws Exception {
        CliRun r = run("-m", "boom");
        assertEquals(1, r.status());
        String err = r.err();
        assertTrue(err.startsWith("Traceback (most recent call last):\n"), err);
        assertTrue(err.contains("line 198, in _run_module_as_main\n") && err.contains("line 88, in _run_code\n"), err);
        String path = dir.toRealPath().resolve("boom.py").toString();
        assertTrue(err.endsWith("  File \"" + path + "\", line 2, in <module>\n    f()\n"
                + "  File \"" + path + "\", line 1, in f\n    def f(): 1/0\n             ~^~\nZeroDivisionError: division by zero\n"), err);
    }
}
