package dev.refheap.lang;

import dev.refheap.lang.PySyntaxError.Kind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link PySyntaxError#format()} against text printed by python3 3.11 for the same positions. */
class PySyntaxErrorTest {
    private static PySyntaxError err(Kind kind, String msg, int col, int endCol, String text, boolean tok) {
        return new PySyntaxError(kind, msg, "prog.py", 1, col, 1, endCol, text, tok, false);
    }

    @Test
    void caretRangeAndLeadingWhitespaceStripped() {
        assertEquals("  File \"prog.py\", line 1\n    f() = 3\n    ^^^\nSyntaxError: msg\n",
                err(Kind.SyntaxError, "msg", 5, 8, "    f() = 3\n", false).format());
    }

    @Test
    void parserErrorCaretsCountUtf8BytesLikePython() {
        // python3 prog.py for 'f(é) = 3' prints five carets under four characters.
        assertEquals("  File \"prog.py\", line 1\n    f(é) = 3\n    ^^^^^\nSyntaxError: m\n",
                err(Kind.SyntaxError, "m", 1, 5, "f(é) = 3\n", false).format());
    }

    @Test
    void tokenizerErrorColumnsArePrintedAsIs() {
        assertEquals("  File \"prog.py\", line 1\n    é = \"abc\n        ^\nSyntaxError: m\n",
                err(Kind.SyntaxError, "m", 5, 5, "é = \"abc", true).format());
    }

    @Test
    void noCaretWhenOffsetIsInTheStrippedIndent() {
        assertEquals("  File \"prog.py\", line 1\n    x = 1\nIndentationError: unexpected indent\n",
                err(Kind.IndentationError, "unexpected indent", 2, -1, "  x = 1\n", false).format());
    }

    @Test
    void offsetPastTheEndIsClipped() {
        assertEquals("  File \"prog.py\", line 1\n    a\\\n      ^\nSyntaxError: m\n",
                err(Kind.SyntaxError, "m", 9, -1, "a\\\n", false).format());
    }

    @Test
    void noLineMeansNoLocation() {
        assertEquals("SyntaxError: bad\n", new PySyntaxError(Kind.SyntaxError, "bad", "p.py", 0, 0, 0, 0, null, true,
                false).format());
    }
}
