package dev.refheap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * python3's own display of an uncaught exception (PyErr_Display) adds 3.11's ". Did you mean: 'x'?"
 * to an exact NameError or AttributeError: a script, {@code -c}, a thread's excepthook; an
 * uncaught SystemExit's status and text come from its {@code code}. Every expected text is what
 * CPython 3.11.7 printed for the same command (bug: refheap printed no suggestions).
 */
class UncaughtSuggestionsCliTest {
    @TempDir
    Path dir;

    @Test
    void bug_scriptNameErrorSuggestsALocal() throws Exception {
        Files.writeString(dir.resolve("p.py"), "def f():\n    counter = 1\n    return countr\nf()\n");
        CliRun r = CliRun.in(dir, "p.py").relativeTo(dir);
        assertEquals("""
                Traceback (most recent call last):
                  File "p.py", line 4, in <module>
                    f()
                  File "p.py", line 3, in f
                    return countr
                           ^^^^^^
                NameError: name 'countr' is not defined. Did you mean: 'counter'?
                """, r.err());
        assertEquals(1, r.status());
    }

    /**
     * The display's notes (print_exception_notes): after the message line in the group's margin, a
     * note whose str() raises as "<note str() failed>" without the margin (3.11's traceback module
     * writes it in the margin), a __notes__ that is not a sequence by its repr (bug: add_note was
     * refused and no note was shown).
     */
    @Test
    void bug_notesAfterTheMessageLine() throws Exception {
        Files.writeString(dir.resolve("p.py"), """
                g = ExceptionGroup('eg', [ValueError('m'), TypeError('t')])
                g.add_note('group note\\nsecond line')
                g.exceptions[0].add_note('member note')
                class N:
                    def __str__(self): raise RuntimeError
                h = KeyError('k'); h.__notes__ = [N(), 'ok']
                g2 = ExceptionGroup('outer', [g, h])
                raise g2
                """);
        CliRun r = CliRun.in(dir, "p.py").relativeTo(dir);
        assertEquals("""
                  + Exception Group Traceback (most recent call last):
                  |   File "p.py", line 8, in <module>
                  |     raise g2
                  | ExceptionGroup: outer (2 sub-exceptions)
                  +-+---------------- 1 ----------------
                    | ExceptionGroup: eg (2 sub-exceptions)
                    | group note
                    | second line
                    +-+---------------- 1 ----------------
                      | ValueError: m
                      | member note
                      +---------------- 2 ----------------
                      | TypeError: t
                      +------------------------------------
                    +---------------- 2 ----------------
                    | KeyError: 'k'
                <note str() failed>
                    | ok
                    +------------------------------------
                """, r.err());
        CliRun none = CliRun.in(dir, "-c", "e = ValueError('v'); e.__notes__ = None\nraise e");
        assertEquals("""
                Traceback (most recent call last):
                  File "<string>", line 2, in <module>
                ValueError: v
                None""", none.err());  // 3.11's C printer writes a non-sequence __notes__'s repr with no newline
    }

    @Test
    void bug_dashCAttributeErrorSuggestsFromDir() throws Exception {
        CliRun r = CliRun.in(dir, "-c", "import sys; sys.getrefcont");
        assertEquals("""
                Traceback (most recent call last):
                  File "<string>", line 1, in <module>
                AttributeError: module 'sys' has no attribute 'getrefcont'. Did you mean: 'getrefcount'?
                """, r.err());
        CliRun c = CliRun.in(dir, "-c", "class Config:\n    verbose = 1\nConfig().verbos");
        assertEquals("""
                Traceback (most recent call last):
                  File "<string>", line 3, in <module>
                AttributeError: 'Config' object has no attribute 'verbos'. Did you mean: 'verbose'?
                """, c.err());
        assertEquals(1, c.status());
    }

    @Test
    void bug_threadExcepthookSuggests() throws Exception {
        // the report goes to the thread's stderr (a StringIO here: CliRun refuses a Java-like "Exception in thread")
        CliRun r = CliRun.in(dir, "-c", """
                import io, sys, threading
                buf = io.StringIO(); sys.stderr = buf
                def f():
                    prnt(1)
                t = threading.Thread(target=f, name='T'); t.start(); t.join()
                sys.stderr = sys.__stderr__
                lines = buf.getvalue().splitlines()
                print(lines[0].split()[-1], lines[-1])
                """);
        assertEquals("T: NameError: name 'prnt' is not defined. Did you mean: 'print'?\n", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void bug_systemExitStatusComesFromItsCode() throws Exception {
        CliRun r = CliRun.in(dir, "-c", "raise SystemExit(3, 4)");
        assertEquals("(3, 4)\n", r.err());
        assertEquals(1, r.status());
        CliRun s = CliRun.in(dir, "-c", "e = SystemExit(5)\ne.code = 7\nraise e");
        assertEquals("", s.err());
        assertEquals(7, s.status());
    }
}
