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
}
