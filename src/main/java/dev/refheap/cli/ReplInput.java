package dev.refheap.cli;

import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.lexer.Lexer;
import dev.refheap.lang.lexer.Source;
import dev.refheap.lang.lexer.Token;
import dev.refheap.lang.lexer.TokenType;
import dev.refheap.lang.parser.Parser;
import java.util.Set;

/**
 * When the lines typed at the prompt form one input, as python3's interactive loop decides it
 * (its grammar's {@code single_input: simple_stmts | compound_stmt NEWLINE}):
 * <ul>
 *   <li>while a bracket, a triple-quoted string or a backslash continuation is open, more lines
 *       are needed, blank or not, unless the parser already fails before the end of what was
 *       typed ({@code def f(:} is an error at once, as python3's parser reads the tokens as they
 *       come);</li>
 *   <li>a compound statement ({@code if}, {@code for}, {@code def}, a decorator...) ends only at
 *       a blank line, even when its header line is complete ({@code while True: pass});</li>
 *   <li>a simple statement is complete at the end of its line; a blank line ends any input.
 *       Whatever is wrong with the input is then a SyntaxError, as in python3
 *       ({@code x = 1 +}, {@code if x:} followed by a blank line).</li>
 * </ul>
 * Stateless.
 */
final class ReplInput {
    private static final Set<String> COMPOUND = Set.of("if", "while", "for", "def", "class", "try", "with", "async");

    private ReplInput() {}

    /** True if {@code input} (the lines so far, joined by newlines; the last one just typed) needs another line. */
    static boolean needsMore(String input) {
        if (input.isBlank()) return false;
        Lexer lexer;
        try {
            lexer = Lexer.tokenize(new Source(input + "\n", "<stdin>"));
        } catch (PySyntaxError e) {
            return e.incomplete();  // an unterminated triple-quoted string; other errors are reported
        }
        if (lexer.deferredError() != null) return false;  // a TabError...: python3's tokenizer meets it as the line is read
        if (lexer.unclosedBracket() != null || lexer.continuationAtEof() >= 0) return parserNeedsMore(input);
        String last = input.substring(input.lastIndexOf('\n') + 1);
        boolean multiLine = input.indexOf('\n') >= 0;
        return startsCompoundStatement(lexer) && !(multiLine && last.isBlank());
    }

    /** Whether the parser, reading the input as the interactive one does, gets to its end (then more is needed). */
    private static boolean parserNeedsMore(String input) {
        try {
            Parser.parseInteractive(input + "\n", "<stdin>");
        } catch (PySyntaxError e) {
            return e.incomplete();
        }
        return true;
    }

    private static boolean startsCompoundStatement(Lexer lexer) {
        for (Token t : lexer.tokens()) {
            if (t.type() == TokenType.NEWLINE || t.type() == TokenType.INDENT) continue;
            return (t.type() == TokenType.NAME && COMPOUND.contains(t.text())) || t.isOp("@");
        }
        return false;
    }
}
