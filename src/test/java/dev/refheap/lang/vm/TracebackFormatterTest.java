package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.lang.bytecode.CodeUnit.Position;
import dev.refheap.lang.vm.TracebackFormatter.FrameSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The marker lines of {@link TracebackFormatter}. Every expected text here is what CPython 3.11.7
 * printed for the same source line and co_positions() entry: {@code traceback.format_exception} for
 * the module's rules, {@code sys.__excepthook__} (the C printer) for {@code formatFrameC}.
 */
class TracebackFormatterTest {
    private static final String FILE = "  File \"snip.py\", line 2, in <module>\n";

    private static String frame(String line, int l, int el, int col, int endCol) {
        return TracebackFormatter.formatFrame(new FrameSummary("snip.py", l, "<module>", new Position(l, el, col, endCol)), line);
    }

    private static String frameC(String line, int l, int el, int col, int endCol) {
        return TracebackFormatter.formatFrameC(new FrameSummary("snip.py", l, "<module>", new Position(l, el, col, endCol)), line);
    }

    @Test
    void subscriptMarksContainerWithTildesAndBracketsWithCarets() {
        assertEquals(FILE + "    d['missing']\n    ~^^^^^^^^^^^\n", frame("d['missing']\n", 2, 2, 0, 12));
        assertEquals(FILE + "    d['missing']\n    ~^^^^^^^^^^^\n", frameC("d['missing']\n", 2, 2, 0, 12));
    }

    @Test
    void twoCharacterOperator() {
        assertEquals(FILE + "    x = a // b\n        ~~^^~~\n", frame("x = a // b\n", 2, 2, 4, 10));
        assertEquals(FILE + "    x = a // b\n        ~~^^~~\n", frameC("x = a // b\n", 2, 2, 4, 10));
    }

    @Test
    void operatorAfterAParenthesisedOperand() {
        // the traceback module's search lands on ")/", then steps over the ")": "/b" is marked
        assertEquals(FILE + "    x = (a)/b  # c\n        ~~~^^\n", frame("x = (a)/b  # c\n", 2, 2, 4, 9));
        // the C printer skips the ")" before choosing the operator
        assertEquals(FILE + "    x = (a)/b  # c\n        ~~~^~\n", frameC("x = (a)/b  # c\n", 2, 2, 4, 9));
    }

    @Test
    void trailingBlanksShiftTheModulesMarkersButNotTheCPrinters() {
        assertEquals(FILE + "    x = d['missing']\n     ~^^^^^^^^^^^\n", frame("x = d['missing']   \n", 2, 2, 4, 16));
        assertEquals(FILE + "    x = d['missing']   \n        ~^^^^^^^^^^^\n", frameC("x = d['missing']   \n", 2, 2, 4, 16));
    }

    @Test
    void multiLineSpanIsMarkedToTheEndOfItsFirstLineWithoutAnchors() {
        assertEquals(FILE + "    x = (a +\n        ^^^^\n", frame("x = (a +\n", 2, 3, 4, 11));
        assertEquals(FILE + "    x = (a +\n        ^^^^\n", frameC("x = (a +\n", 2, 3, 4, 11));
    }

    @Test
    void spanCoveringTheWholeLineHasNoMarkers() {
        String file1 = "  File \"snip.py\", line 1, in <module>\n";
        assertEquals(file1 + "    raise ValueError('x')\n", frame("raise ValueError('x')\n", 1, 1, 0, 21));
        assertEquals(file1 + "    raise ValueError('x')\n", frameC("raise ValueError('x')\n", 1, 1, 0, 21));
    }

    @Test
    void wideCharactersCountTwoColumns() {
        String line = "x = '\u6f22\u5b57' + d['x']\n";
        String expected = FILE + "    x = '\u6f22\u5b57' + d['x']\n                 ~^^^^^\n";
        assertEquals(expected, frame(line, 2, 2, 15, 21));
        assertEquals(expected, frameC(line, 2, 2, 15, 21));
    }

    @Test
    void columnsAreUtf8Bytes() {
        String line = "x = '\u00e9' + \u00e9.attr\n";
        String expected = FILE + "    x = '\u00e9' + \u00e9.attr\n              ^^^^^^\n";
        assertEquals(expected, frame(line, 2, 2, 11, 18));
        assertEquals(expected, frameC(line, 2, 2, 11, 18));
    }

    @Test
    void operatorSearchAfterNonAsciiOperand() {
        // the traceback module adds a character offset to a byte offset: one column off after "'ü'"
        String line = "z = '\u00fc'  +  y + x\n";
        assertEquals(FILE + "    z = '\u00fc'  +  y + x\n        ~~~~~~~~~~~^~\n", frame(line, 2, 2, 4, 18));
        assertEquals(FILE + "    z = '\u00fc'  +  y + x\n        ~~~~~~~~~~^~~\n", frameC(line, 2, 2, 4, 18));
    }

    @Test
    void noSourceLineOrNoColumnsMeansNoMarkers() {
        FrameSummary withPos = new FrameSummary("gone.py", 3, "f", new Position(3, 3, 4, 9));
        assertEquals("  File \"gone.py\", line 3, in f\n", TracebackFormatter.formatFrame(withPos, ""));
        assertEquals("  File \"gone.py\", line 3, in f\n", TracebackFormatter.formatFrameC(withPos, ""));
        FrameSummary noPos = new FrameSummary("snip.py", 2, "<module>", null);
        assertEquals(FILE + "    x = a / b\n", TracebackFormatter.formatFrame(noPos, "x = a / b\n"));
        FrameSummary noColumns = new FrameSummary("snip.py", 2, "<module>", new Position(2, 2, -1, -1));
        assertEquals(FILE + "    x = a / b\n", TracebackFormatter.formatFrame(noColumns, "x = a / b\n"));
    }

    @Test
    void blankSourceLineIsNotShown() {
        assertEquals(FILE, frame("   \n", 2, 2, 0, 1));
    }

    @Test
    void segmentThatDoesNotParseGetsPlainCarets() {
        // "a /" is not an expression: no anchors, carets under the span
        assertEquals(FILE + "    x = a / b\n        ^^^\n", frame("x = a / b\n", 2, 2, 4, 7));
    }

    @Test
    void repeatedFramesAreCountedAfterThree() {
        LineCache lines = new LineCache();
        lines.register("r.py", "def f(n):\n    return f(n - 1)\n");
        List<FrameSummary> frames = new ArrayList<>();
        for (int i = 0; i < 7; i++) frames.add(new FrameSummary("r.py", 2, "f", new Position(2, 2, 11, 19)));
        String one = "  File \"r.py\", line 2, in f\n    return f(n - 1)\n           ^^^^^^^^\n";
        assertEquals(one.repeat(3) + "  [Previous line repeated 4 more times]\n", TracebackFormatter.formatStack(frames, lines));
        assertEquals(one.repeat(3) + "  [Previous line repeated 1 more time]\n",
                TracebackFormatter.formatStack(frames.subList(0, 4), lines));
    }

    @Test
    void lineCacheSplitsLikeUniversalNewlines() {
        LineCache lines = new LineCache();
        lines.register("m.py", "\uFEFFa = 1\r\nb = 2\rc = 3\nd = 4");
        assertEquals("a = 1\n", lines.getline("m.py", 1));
        assertEquals("b = 2\n", lines.getline("m.py", 2));
        assertEquals("c = 3\n", lines.getline("m.py", 3));
        assertEquals("d = 4\n", lines.getline("m.py", 4));
        assertEquals("", lines.getline("m.py", 5));
        assertEquals("", lines.getline("m.py", 0));
        assertEquals("", lines.getline("other.py", 1));
    }

    // ---- through a runtime -------------------------------------------------------------------------

    private static String[] run(String source, String filename) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8), e = new PrintStream(err, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(1L << 30, false, o, e))) {
            String tb = "";
            try {
                rt.exec(source, filename);
            } catch (PyException ex) {
                tb = rt.formatException(ex);
            }
            return new String[] {tb, err.toString(StandardCharsets.UTF_8)};
        }
    }

    @Test
    void uncaughtExceptionCarriesMarkersInEveryFrame() {
        String tb = run("def inner(d):\n    return d['missing']\ndef outer():\n    return inner({'present': 1})\nouter()\n", "u.py")[0];
        assertEquals("""
                Traceback (most recent call last):
                  File "u.py", line 5, in <module>
                    outer()
                  File "u.py", line 4, in outer
                    return inner({'present': 1})
                           ^^^^^^^^^^^^^^^^^^^^^
                  File "u.py", line 2, in inner
                    return d['missing']
                           ~^^^^^^^^^^^
                KeyError: 'missing'
                """, tb);
    }

    @Test
    void programsWithoutSourceShowNoLines() {
        // python3 -c has no source lines for its frames, and neither does refheap's <string>
        String tb = run("def f(d):\n    return d['x']\nf({})\n", "<string>")[0];
        assertEquals("""
                Traceback (most recent call last):
                  File "<string>", line 3, in <module>
                  File "<string>", line 2, in f
                KeyError: 'x'
                """, tb);
    }

    @Test
    void unraisableReportUsesTheCPrinterAndNoChain() {
        String err = run("class A:\n    def __del__(self):\n        try:\n            {}[1]\n        except KeyError:\n"
                + "            v = 1 // 0   \nA()\nclass E(Exception):\n    pass\nclass B:\n    def __del__(self):\n        raise E\nB()\n", "d.py")[1];
        assertEquals("""
                Exception ignored in: <function A.__del__ at 0xADDR>
                Traceback (most recent call last):
                  File "d.py", line 6, in __del__
                    v = 1 // 0  \s
                        ~~^^~~
                ZeroDivisionError: integer division or modulo by zero
                Exception ignored in: <function B.__del__ at 0xADDR>
                Traceback (most recent call last):
                  File "d.py", line 12, in __del__
                    raise E
                E:\s
                """, err.replaceAll("0x[0-9a-f]{6,}", "0xADDR"));
    }

    /** `x in 5` said "'int' object is not iterable"; CPython says "argument of type 'int' is not iterable". */
    @Test
    void bug_containsOnNonIterableMessage() {
        String tb = run("found = 1 in 5\n", "c.py")[0];
        assertTrue(tb.endsWith("TypeError: argument of type 'int' is not iterable\n"), tb);
    }

    /** `2 ** 'a'` said "for **"; CPython's binary power says "for ** or pow()" (the in-place form keeps "**="). */
    @Test
    void bug_powerOperandMessage() {
        assertTrue(run("x = 2 ** 'a'\n", "p.py")[0].endsWith("unsupported operand type(s) for ** or pow(): 'int' and 'str'\n"));
        assertTrue(run("x = 2\nx **= 'a'\n", "p.py")[0].endsWith("unsupported operand type(s) for **=: 'int' and 'str'\n"));
    }
}
