package dev.refheap.lang.lexer;

/** The kinds of token the {@link Lexer} produces; operators and delimiters are all {@link #OP}. */
public enum TokenType {
    NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, ENDMARKER
}
