package dev.refheap.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** When python3's prompt asks for another line ("... "), and when it runs what was typed. */
class ReplInputTest {
    @Test
    void simpleStatementsRunAtTheEndOfTheirLine() {
        assertFalse(ReplInput.needsMore("x = 6 * 7"));
        assertFalse(ReplInput.needsMore("x"));
        assertFalse(ReplInput.needsMore("x = 1; y = 2"));
        assertFalse(ReplInput.needsMore("x = 1 +"), "a SyntaxError now, as in python3");
        assertFalse(ReplInput.needsMore(""));
        assertFalse(ReplInput.needsMore("   "));
    }

    @Test
    void openBracketsStringsAndContinuationsNeedMoreEvenBlank() {
        assertTrue(ReplInput.needsMore("x = (1,"));
        assertTrue(ReplInput.needsMore("x = (1,\n"));
        assertTrue(ReplInput.needsMore("x = [\n2,"));
        assertFalse(ReplInput.needsMore("x = [\n2]"));
        assertTrue(ReplInput.needsMore("s = '''a"));
        assertTrue(ReplInput.needsMore("s = '''a\n"));
        assertFalse(ReplInput.needsMore("s = '''a\nb'''"));
        assertTrue(ReplInput.needsMore("x = 1 + \\"));
    }

    @Test
    void compoundStatementsEndAtABlankLine() {
        assertTrue(ReplInput.needsMore("def f(n):"));
        assertTrue(ReplInput.needsMore("def f(n):\n    return n"));
        assertFalse(ReplInput.needsMore("def f(n):\n    return n\n"));
        assertTrue(ReplInput.needsMore("while True: pass"), "python3 waits for the blank line");
        assertFalse(ReplInput.needsMore("while True: pass\n"));
        assertTrue(ReplInput.needsMore("if x:\n    y = 1\nelse:"));
        assertTrue(ReplInput.needsMore("if x:\n    y = 1\nelse:\n    y = 2"));
        assertTrue(ReplInput.needsMore("@dec"));
        assertTrue(ReplInput.needsMore("class C:\n    def m(self):\n        pass"));
        assertTrue(ReplInput.needsMore("for i in range(3):\n    print((i,\n"), "a blank line inside brackets does not end it");
    }

    /** {@code while True: pass} ran at once (the input looked complete); python3 waits for a blank line. */
    @Test
    void bug_oneLineCompoundStatementRanWithoutABlankLine() {
        assertTrue(ReplInput.needsMore("while True: pass"));
        assertTrue(ReplInput.needsMore("if x: y = 1"));
        assertTrue(ReplInput.needsMore("for i in range(3): print(i)"));
        assertFalse(ReplInput.needsMore("for i in range(3): print(i)\n"));
    }

    @Test
    void aBlankLineEndsABlockWithoutBody() {
        assertFalse(ReplInput.needsMore("if x:\n"), "python3 then reports the missing indented block");
    }

    /**
     * {@code def f(:} waited for more lines (a bracket was open); python3's parser fails at the
     * {@code :} as soon as the line is read and reports "invalid syntax" at once.
     */
    @Test
    void bug_parserErrorInsideAnOpenBracketEndsTheInput() {
        assertFalse(ReplInput.needsMore("def f(:"));
        assertFalse(ReplInput.needsMore("print((1,\n$"));
        assertTrue(ReplInput.needsMore("x = [1,"));
        assertTrue(ReplInput.needsMore("foo(1,\n2,"));
        assertTrue(ReplInput.needsMore("x = 1 + \\"));
    }
}
