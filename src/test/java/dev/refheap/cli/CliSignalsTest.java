package dev.refheap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGINT and SIGTERM to a running program, as python3 handles them (issue 7). */
class CliSignalsTest {
    @TempDir
    Path dir;

    private static final String LOOPS = """
            class D:
                def __del__(self): print("del D")
            d = D()
            try:
                try:
                    print("ready", flush=True)
                    while True: pass
                finally:
                    print("finally")
            except KeyboardInterrupt:
                print("caught")
            print("again", flush=True)
            while True:
                pass
            """;

    @Test
    void bug_sigintRaisesKeyboardInterruptInTheRunningProgram() throws Exception {
        Files.writeString(dir.resolve("loops.py"), LOOPS);
        CliRun r = CliRun.signalled(dir, "INT", List.of("ready", "again"), "run", "loops.py").relativeTo(dir);
        // python3: finally, except KeyboardInterrupt, the uncaught traceback, __del__ at exit, killed by SIGINT
        assertEquals("ready\nfinally\ncaught\nagain\ndel D\n", r.out());
        assertEquals("Traceback (most recent call last):\n  File \"loops.py\", line 13, in <module>\n    while True:\nKeyboardInterrupt\n", r.err());
        assertEquals(130, r.status());
    }

    @Test
    void bug_uncaughtRaiseKeyboardInterruptExits130() throws Exception {
        CliRun r = CliRun.in(dir, "-c", "try:\n    raise KeyboardInterrupt\nfinally:\n    print('finally')");
        assertEquals("finally\n", r.out());
        assertEquals("Traceback (most recent call last):\n  File \"<string>\", line 2, in <module>\nKeyboardInterrupt\n", r.err());
        assertEquals(130, r.status());
    }

    @Test
    void bug_sigintStopsANotebookAndItsOutputIsSaved() throws Exception {
        Files.writeString(dir.resolve("nb.ipynb"), """
                {"cells": [
                  {"cell_type": "code", "source": "print('one')", "metadata": {}, "outputs": [], "execution_count": null},
                  {"cell_type": "code", "source": "print('ready', flush=True)\\nwhile True: pass", "metadata": {}, "outputs": [], "execution_count": null},
                  {"cell_type": "code", "source": "print('never')", "metadata": {}, "outputs": [], "execution_count": null}
                ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """);
        CliRun r = CliRun.signalled(dir, "INT", List.of("ready"), "run", "nb.ipynb", "--output", "out.ipynb");
        assertEquals(130, r.status());
        assertEquals("one\nready\n", r.out());
        assertTrue(r.err().endsWith("KeyboardInterrupt\n"), r.err());
        String saved = Files.readString(dir.resolve("out.ipynb"));
        assertTrue(saved.contains("\"ename\" : \"KeyboardInterrupt\""), saved);
        assertFalse(saved.contains("never\\n\""), saved);
    }

    @Test
    void bug_sigtermKillsTheProgramWithoutACrashReport() throws Exception {
        Files.writeString(dir.resolve("busy.py"), "x = []\nprint('ready', flush=True)\nwhile True:\n    x.append([1]); x.pop()\n");
        CliRun r = CliRun.signalled(dir, "TERM", List.of("ready"), "run", "busy.py");
        assertEquals(128 + 15, r.status());  // python3: killed by SIGTERM, no Python-level handling
        assertEquals("ready\n", r.out());
        assertEquals("", r.err());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.map(Path::getFileName).map(Path::toString).filter(n -> n.startsWith("hs_err")).toList());
        }
    }

    @Test
    void pythonSigintHandlerRunsForCtrlC() throws Exception {
        // python3 prints the same: the program's handler runs for each SIGINT, in the loop's frame,
        // and the second one ends the program through the handler's SystemExit
        Files.writeString(dir.resolve("handler.py"), """
                import signal, sys
                seen = []
                def h(signum, frame):
                    seen.append(signum)
                    print("handler", signum, frame.f_code.co_name, flush=True)
                    if len(seen) == 2:
                        sys.exit(5)
                signal.signal(signal.SIGINT, h)
                def spin():
                    print("ready", flush=True)
                    while len(seen) < 1:
                        pass
                    print("again", flush=True)
                    while True:
                        pass
                spin()
                """);
        CliRun r = CliRun.signalled(dir, "INT", List.of("ready", "again"), "run", "handler.py");
        assertEquals(new CliRun(5, "ready\nhandler 2 spin\nagain\nhandler 2 spin\n", ""), r);
    }

    @Test
    void pythonSigtermHandlerAndIgnoredSigint() throws Exception {
        // python3 prints the same: SIGINT ignored by SIG_IGN, then SIGTERM's handler exits with 3
        Files.writeString(dir.resolve("term.py"), """
                import signal, sys, time
                signal.signal(signal.SIGINT, signal.SIG_IGN)
                def h(signum, frame):
                    print("terminated", signum, flush=True)
                    sys.exit(3)
                signal.signal(signal.SIGTERM, h)
                print("ready", flush=True)
                time.sleep(0.5)
                print("survived SIGINT", flush=True)
                time.sleep(60)
                """);
        CliRun ignored = CliRun.signalled(dir, "INT", List.of("ready"), "-c",
                "import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nprint('ready', flush=True)\ntime.sleep(0.5)\nprint('survived')");
        assertEquals(new CliRun(0, "ready\nsurvived\n", ""), ignored);
        CliRun r = CliRun.signalled(dir, "TERM", List.of("survived SIGINT"), "run", "term.py");
        assertEquals(new CliRun(3, "ready\nsurvived SIGINT\nterminated 15\n", ""), r);
    }
}
