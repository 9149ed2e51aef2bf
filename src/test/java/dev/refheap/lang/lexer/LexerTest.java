package dev.refheap.lang.lexer;

import dev.refheap.lang.PySyntaxError;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LexerTest {
    private static List<Token> lex(String s) {
        return Lexer.tokenize(new Source(s, "t.py")).tokens();
    }

    /** Compact rendering: NAME/NUMBER/STRING/OP as their text, the rest as their type. */
    private static String kinds(String s) {
        return lex(s).stream().map(t -> switch (t.type()) {
            case NAME, NUMBER, STRING, OP -> t.text();
            default -> t.type().name();
        }).collect(Collectors.joining(" "));
    }

    @Test
    void indentationMakesIndentAndDedent() {
        assertEquals("if x : NEWLINE INDENT y NEWLINE if z : NEWLINE INDENT w NEWLINE DEDENT DEDENT v NEWLINE ENDMARKER",
                kinds("if x:\n    y\n    if z:\n        w\nv\n"));
    }

    @Test
    void blankLinesAndCommentsMakeNoTokens() {
        assertEquals("x NEWLINE INDENT y NEWLINE DEDENT ENDMARKER", kinds("# c\n\nx\n    \n    # c\n    y\n\n# end"));
    }

    @Test
    void newlinesInsideBracketsAreIgnored() {
        assertEquals("x = ( 1 , 2 ) NEWLINE ENDMARKER", kinds("x = (1,\n        2)\n"));
    }

    @Test
    void backslashJoinsLines() {
        assertEquals("x = 1 + 2 NEWLINE ENDMARKER", kinds("x = 1 + \\\n  2\n"));
    }

    @Test
    void missingFinalNewlineIsImplied() {
        assertEquals("if x : NEWLINE INDENT y NEWLINE DEDENT ENDMARKER", kinds("if x:\n  y"));
    }

    @Test
    void operatorsUseLongestMatch() {
        assertEquals("a **= b // c ... -> := != <= >>= @ NEWLINE ENDMARKER", kinds("a **= b // c ... -> := != <= >>= @"));
    }

    @Test
    void numbersCarryTheirValues() {
        List<Token> t = lex("0x_ff 0o17 0b101 1_000 99999999999999999999 1.5 .5 1e3 1_0.0_1e-1_0");
        assertEquals(255L, t.get(0).value());
        assertEquals(15L, t.get(1).value());
        assertEquals(5L, t.get(2).value());
        assertEquals(1000L, t.get(3).value());
        assertEquals(new BigInteger("99999999999999999999"), t.get(4).value());
        assertEquals(1.5, t.get(5).value());
        assertEquals(0.5, t.get(6).value());
        assertEquals(1000.0, t.get(7).value());
        assertEquals(10.01e-10, (Double) t.get(8).value(), 1e-24);
    }

    @Test
    void stringTokensKeepPrefixAndQuotes() {
        assertEquals("rb'x' F\"y{z}\" '''a\nb''' u'' NEWLINE ENDMARKER", kinds("rb'x' F\"y{z}\" '''a\nb''' u''"));
        assertEquals("ur 'x' NEWLINE ENDMARKER", kinds("ur'x'"));
    }

    @Test
    void positionsAreUtf8ByteColumns() {
        Token t = lex("é = 'ü'\n").get(2);
        assertEquals(5, t.col());
        assertEquals(9, t.endCol());
        assertEquals(1, t.line());
    }

    @Test
    void multiLineTokenEndsOnItsLastLine() {
        Token t = lex("x = '''a\nbc'''\n").get(2);
        assertEquals(1, t.line());
        assertEquals(2, t.endLine());
        assertEquals(5, t.endCol());
    }

    @Test
    void nonAsciiNamesAreNfkcNormalised() {
        assertEquals("\u0066\u0069", lex("\uFB01 = 1").get(0).text());
    }

    @Test
    void unclosedBracketIsRecordedNotRaised() {
        Lexer lx = Lexer.tokenize(new Source("x = (1,\n", "t.py"));
        assertNotNull(lx.unclosedBracket());
        assertEquals('(', lx.unclosedBracket().ch());
        assertNull(Lexer.tokenize(new Source("x = (1,)\n", "t.py")).unclosedBracket());
    }

    /** The tokenizer's error for {@code s}: raised, or (for those the parser raises when it gets there) recorded. */
    private static PySyntaxError error(String s) {
        Lexer lx;
        try {
            lx = Lexer.tokenize(new Source(s, "t.py"));
        } catch (PySyntaxError e) {
            return e;
        }
        assertNotNull(lx.deferredError(), "no error for " + s);
        return lx.deferredError();
    }

    /** These were raised at once, so they won over a parser error earlier in the source (3.11 reports that one). */
    @Test
    void bug_indentationAndContinuationErrorsAreRecordedNotRaised() {
        for (String s : new String[] {"if x:\n    a\n  b\n", "if x:\n\ta\n        b\n", "x \\ y"}) {
            Lexer lx = Lexer.tokenize(new Source(s, "t.py"));
            assertNotNull(lx.deferredError(), s);
            assertEquals(TokenType.ENDMARKER, lx.tokens().getLast().type(), s);
        }
    }

    @Test
    void tokenizerErrorsUsePythonMessages() {
        assertEquals("unterminated string literal (detected at line 2)", error("x = 1\ny = 'abc\n").msg());
        assertEquals("unterminated triple-quoted string literal (detected at line 3)", error("x = '''a\n\n\n").msg());
        assertEquals("invalid decimal literal", error("1abc").msg());
        assertEquals("invalid hexadecimal literal", error("0xg").msg());
        assertEquals("invalid digit '9' in octal literal", error("0o19").msg());
        assertEquals("unmatched ']'", error("x]").msg());
        assertEquals("closing parenthesis ')' does not match opening parenthesis '['", error("[)").msg());
        assertEquals("closing parenthesis ')' does not match opening parenthesis '[' on line 1", error("[\n)").msg());
        assertEquals("invalid character '€' (U+20AC)", error("x = €").msg());
        assertEquals("invalid non-printable character U+00A0", error("x =\u00a01").msg());
        assertEquals("unexpected character after line continuation character", error("x \\ y").msg());
        assertEquals("too many nested parentheses", error("(".repeat(201)).msg());
    }

    @Test
    void indentationErrors() {
        PySyntaxError e = error("if x:\n    a\n  b\n");
        assertEquals(PySyntaxError.Kind.IndentationError, e.kind());
        assertEquals("unindent does not match any outer indentation level", e.msg());
        assertEquals(PySyntaxError.Kind.TabError, error("if x:\n\ta\n        b\n").kind());
    }

    @Test
    void keywordAfterNumberIsAllowed() {
        assertEquals("1 if x else 2 NEWLINE ENDMARKER", kinds("1if x else 2"));
    }

    @Test
    void crlfIsNormalised() {
        assertEquals("x NEWLINE y NEWLINE ENDMARKER", kinds("x\r\ny\r\n"));
    }
}
