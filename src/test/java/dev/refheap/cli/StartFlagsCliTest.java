package dev.refheap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * python3's start-up options {@code -S}, {@code -s}, {@code -E}, {@code -I} (alone or clustered,
 * before {@code -c}, {@code -m} or {@code run FILE}): what sys.flags reports and what they do to
 * sys.path (-E ignores PYTHONPATH; -I also leaves out sys.path[0]). Expected outputs are python3's
 * ({@code python3 -I -c ...} and so on, on a clean CPython 3.11.7).
 */
class StartFlagsCliTest {
    @TempDir
    Path dir;

    private static final String FLAGS = "import sys; f = sys.flags; "
            + "print(f.no_site, f.no_user_site, f.ignore_environment, f.isolated, f.safe_path)";

    @Test
    void noFlagsIsPython3sDefault() throws Exception {
        assertEquals("0 0 0 0 False\n", CliRun.in(dir, "-c", FLAGS).out());
    }

    @Test
    void eachFlagSetsItsSysFlag() throws Exception {
        assertEquals("1 0 0 0 False\n", CliRun.in(dir, "-S", "-c", FLAGS).out());
        assertEquals("0 1 0 0 False\n", CliRun.in(dir, "-s", "-c", FLAGS).out());
        assertEquals("0 0 1 0 False\n", CliRun.in(dir, "-E", "-c", FLAGS).out());
        assertEquals("0 1 1 1 True\n", CliRun.in(dir, "-I", "-c", FLAGS).out());
        assertEquals("1 1 1 1 True\n", CliRun.in(dir, "-IS", "-c", FLAGS).out());
    }

    @Test
    void bug_dashEIgnoresPythonpathAndDashILeavesOutTheScriptDirectory() throws Exception {
        Path extra = Files.createDirectories(dir.resolve("EXTRA"));
        java.util.function.Consumer<ProcessBuilder> env = pb -> pb.environment().put("PYTHONPATH", extra.toString());
        assertEquals("True True\n", CliRun.in(dir, env, "-c", "import sys; print(sys.path[0] == '', 'EXTRA' in ' '.join(sys.path))").out());
        assertEquals("True False\n", CliRun.in(dir, env, "-E", "-c", "import sys; print(sys.path[0] == '', 'EXTRA' in ' '.join(sys.path))").out());
        assertEquals("False False\n", CliRun.in(dir, env, "-I", "-c", "import sys; print(sys.path[0] == '', 'EXTRA' in ' '.join(sys.path))").out());
        Files.writeString(dir.resolve("q.py"), "import sys\nprint(sys.path[0] == sys.argv[0].rpartition('/')[0])\n");
        assertEquals("True\n", CliRun.in(dir, "run", dir.resolve("q.py").toString()).out());
        assertEquals("False\n", CliRun.in(dir, "-I", "run", dir.resolve("q.py").toString()).out());
    }

    @Test
    void dashXFaulthandlerDashWDashUAndDashBAreTakenAsPython3TakesThem() throws Exception {
        String prog = "import sys; print(sys._xoptions, sys.warnoptions, sys.flags.dont_write_bytecode, sys.dont_write_bytecode)";
        assertEquals("{'faulthandler': True} ['d'] 1 True\n", CliRun.in(dir, "-X", "faulthandler", "-Wd", "-u", "-B", "-c", prog).out());
        assertEquals("{} [] 0 False\n", CliRun.in(dir, "-c", prog).out());
        // -W reaches warnings' filters, as in python3 (warnings.py applies sys.warnoptions when start-up imports it)
        assertEquals("error\n", CliRun.in(dir, "-W", "error::UserWarning", "-c",
                "import warnings\ntry:\n    warnings.warn('w')\nexcept UserWarning:\n    print('error')").out());
    }

    private static final String TRACING = "import tracemalloc, sys; print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit(), sys._xoptions)";

    @Test
    void dashXTracemallocAndPythontracemallocStartTracingAtStartUpAsPython3Does() throws Exception {
        // python3 (a clean 3.11.7 venv): the same outputs, the fatal errors' text and status 1
        assertEquals("True 1 {'tracemalloc': True}\n", CliRun.in(dir, "-X", "tracemalloc", "-c", TRACING).out());
        assertEquals("True 15 {'tracemalloc': '15'}\n", CliRun.in(dir, "-X", "tracemalloc=15", "-c", TRACING).out());
        assertEquals("False 1 {'tracemalloc': '0'}\n", CliRun.in(dir, "-X", "tracemalloc=0", "-c", TRACING).out());
        assertEquals("True 3 {}\n", CliRun.in(dir, "--startup=refheap", "-X", "tracemalloc=3", "-c", TRACING.replace("sys._xoptions", "{}")).out());
        java.util.function.Consumer<ProcessBuilder> ten = pb -> pb.environment().put("PYTHONTRACEMALLOC", "10");
        assertEquals("True 10 {}\n", CliRun.in(dir, ten, "-c", TRACING).out());
        assertEquals("True 2 {'tracemalloc': '2'}\n", CliRun.in(dir, ten, "-X", "tracemalloc=2", "-c", TRACING).out());  // -X wins
        assertEquals("False 1 {}\n", CliRun.in(dir, ten, "-E", "-c", TRACING).out());
        // the start-up's own allocations are traced: the modules site imported hold traced blocks
        assertEquals("True\n", CliRun.in(dir, "-X", "tracemalloc", "-c",
                "import tracemalloc; print(any('site' in s.traceback[0].filename for s in tracemalloc.take_snapshot().statistics('filename')))").out());
        CliRun bad = CliRun.in(dir, "-X", "tracemalloc=x", "-c", "pass");
        assertEquals(1, bad.status());
        assertEquals("Fatal Python error: config_init_tracemalloc: -X tracemalloc=NFRAME: invalid number of frames\n"
                + "Python runtime state: preinitialized\n\n", bad.err());
        bad = CliRun.in(dir, pb -> pb.environment().put("PYTHONTRACEMALLOC", "-1"), "-c", "pass");
        assertEquals(1, bad.status());
        assertEquals(true, bad.err().startsWith("Fatal Python error: config_init_tracemalloc: PYTHONTRACEMALLOC: invalid number of frames\n"));
        bad = CliRun.in(dir, "-X", "tracemalloc=70000", "-c", "pass");
        assertEquals(1, bad.status());
        assertEquals(true, bad.err().contains("ValueError: the number of frames must be in range [1; 65535]"));
    }

    private static final String RANGES = "import _testinternalcapi, sys\n"
            + "def f(x):\n    return (x +\n            1)\n"
            + "print(list(f.__code__.co_positions())[:5], f.__code__.co_linetable.hex(), _testinternalcapi.get_config()['code_debug_ranges'], sys._xoptions)\n"
            + "print(list(compile('a = (1 +\\n 2)', 's', 'exec').co_positions()))\n"
            + "def g():\n    return 1/0\ng()\n";

    @Test
    void dashXNoDebugRangesAndPythonnodebugrangesCompileWithoutColumns() throws Exception {
        // python3 (a clean 3.11.7 venv): the same outputs and traceback (no ^ markers), status 1
        java.nio.file.Files.writeString(dir.resolve("ranges.py"), RANGES);
        String file = dir.resolve("ranges.py").toString();
        CliRun r = CliRun.in(dir, "-X", "no_debug_ranges", "run", file);
        assertEquals("[(2, 2, None, None), (3, 3, None, None), (4, 4, None, None), (3, 3, None, None), (3, 3, None, None)] e800e802e802e903e800 0"
                + " {'no_debug_ranges': True}\n[(0, 0, None, None), (1, 1, None, None), (1, 1, None, None), (1, 1, None, None), (1, 1, None, None)]\n",
                r.out());
        assertEquals(1, r.status());
        assertEquals("Traceback (most recent call last):\n  File \"" + file + "\", line 9, in <module>\n    g()\n  File \"" + file
                + "\", line 8, in g\n    return 1/0\nZeroDivisionError: division by zero\n", r.err());
        java.util.function.Consumer<ProcessBuilder> env = pb -> pb.environment().put("PYTHONNODEBUGRANGES", "1");
        assertEquals(true, CliRun.in(dir, env, "run", file).out().contains("e800e802e802e903e800 0 {}"));
        assertEquals(true, CliRun.in(dir, env, "-I", "run", file).out().startsWith("[(2, 2, 0, 0), (3, 3, 12, 13), (4, 4, 12, 13), (3, 4, 12, 13), (3, 4, 12, 13)]"
                + " 8000d80c0dd80c0df103010d0ef00001050f 1 {}"));
    }

    @Test
    void otherDashXOptionsAreRefusedByName() throws Exception {
        CliRun r = CliRun.in(dir, "-X", "dev", "-c", "pass");
        assertEquals(2, r.status());
        assertEquals(true, r.err().startsWith("refheap does not support -X dev yet"));
    }

    private static final String STARTED = "import sys; print('site' in sys.modules, 'io' in sys.modules, "
            + "'encodings.utf_8' in sys.modules, repr(sys.path[0]))";

    @Test
    void startupCpythonImportsWhatPython3sStartUpDoesAndDashSLeavesOutSiteAndIsTheDefault() throws Exception {
        // python3 (a clean 3.11.7 venv): -c puts '' on sys.path after site has run, so site does not make it absolute
        assertEquals("True True True ''\n", CliRun.in(dir, "--startup=cpython", "-c", STARTED).out());
        assertEquals("False True True ''\n", CliRun.in(dir, "--startup", "cpython", "-S", "-c", STARTED).out());
        assertEquals("True True True ''\n", CliRun.in(dir, "-c", STARTED).out());  // CPython's start-up is the default
        assertEquals("False False False ''\n", CliRun.in(dir, "--startup=refheap", "-c", STARTED).out());
        Files.writeString(dir.resolve("q.py"), STARTED.replace("; ", "\n") + "\n");
        assertEquals("True True True " + "'" + dir.toRealPath() + "'\n",
                CliRun.in(dir, "--startup=cpython", "run", dir.resolve("q.py").toString()).out());
    }

    @Test
    void anUnknownStartupIsRefusedByName() throws Exception {
        CliRun r = CliRun.in(dir, "--startup=pypy", "-c", "pass");
        assertEquals(2, r.status());
        assertEquals(true, r.err().startsWith("--startup: 'pypy' is not a start-up (refheap or cpython)"), r.err());
    }

    @Test
    void aFileFirstRunsItAsPython3FileDoes() throws Exception {
        Files.writeString(dir.resolve("p.py"), "import sys\nprint(sys.argv[1:])\n");
        assertEquals("['a', '-b']\n", CliRun.in(dir, "-E", dir.resolve("p.py").toString(), "a", "-b").out());
    }
}
