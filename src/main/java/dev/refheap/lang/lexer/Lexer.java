package dev.refheap.lang.lexer;

import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.PySyntaxError.Kind;

import java.math.BigInteger;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Turns a {@link Source} into Python 3.11 tokens, eagerly: NAME (keywords included), NUMBER, STRING
 * (the whole literal with its prefix, f-strings included, undecoded), OP, NEWLINE, INDENT, DEDENT and
 * a final ENDMARKER. Comments, blank lines, newlines inside brackets and backslash-newline pairs make
 * no tokens.
 *
 * <p>State while scanning: {@code pos} (char index) and {@code line}; whether the scanner is at the
 * start of a physical line whose indentation still has to be measured; the indentation stack (columns
 * with tabs to multiples of 8, and "alternative" columns with tabs counting 1, used to detect
 * ambiguous tab/space mixes); and the stack of open brackets. Invariants: the indentation stack
 * always holds 0 at its bottom and is strictly increasing; indentation is ignored while a bracket is
 * open or after a backslash continuation.
 *
 * <p>Tokenizer errors raise {@link PySyntaxError} immediately. Two situations at end of input are
 * recorded instead of raised, because CPython reports them only when the parser reaches them: the
 * input ending inside a bracket ({@link #unclosedBracket()}) and a backslash continuation at end of
 * input ({@link #continuationAtEof()}); in both cases no NEWLINE or DEDENT precedes ENDMARKER.
 */
public final class Lexer {
    /** An open bracket: its character and char index. */
    public record Bracket(char ch, int index) {}

    private static final int MAX_BRACKET_DEPTH = 200;
    private static final int MAX_INDENT_DEPTH = 100;
    private static final Set<String> KEYWORDS_AFTER_NUMBER = Set.of("and", "else", "for", "if", "in", "is", "not", "or");
    private static final String[] OPERATORS = {
        "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "<>",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
        "+", "-", "*", "/", "%", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ";",
        ".", "=", "@", "!", "?", "$", "`",
    };

    private final Source src;
    private final String s;
    private int pos;
    private int line = 1;
    private boolean atLineStart = true;
    private boolean lineHasTokens;
    /**
     * Where the current line's comment starts, or -1: 3.11's tokenizer starts the NEWLINE token
     * that ends a line at its comment's '#' (and ends it before the '\n'), so an error reported at
     * that NEWLINE ("expected ':'", "invalid syntax") spans the comment.
     */
    private int commentStart = -1;
    private final List<Token> tokens = new ArrayList<>();
    private final Deque<int[]> indents = new ArrayDeque<>();
    private final Deque<Bracket> brackets = new ArrayDeque<>();
    private Bracket unclosedBracket;
    private int continuationAtEof = -1;

    private final boolean fragment;

    private Lexer(Source src, String text, boolean fragment) {
        this.src = src;
        this.s = text;
        this.fragment = fragment;
        indents.push(new int[] {0, 0});
    }

    /** Tokenizes the whole source; throws {@link PySyntaxError} on the first tokenizer error. */
    public static Lexer tokenize(Source src) {
        Lexer lx = new Lexer(src, src.text(), false);
        lx.run();
        return lx;
    }

    /**
     * Tokenizes an f-string replacement field as if it were inside brackets (no NEWLINE, INDENT or DEDENT).
     * Scanning covers the char range [start, end) of the source, so all positions are those of the real source.
     */
    public static Lexer tokenizeFragment(Source src, int start, int end) {
        Lexer lx = new Lexer(src, src.text().substring(0, end), true);
        lx.atLineStart = false;
        lx.pos = start;
        lx.line = src.lineOf(start);
        lx.run();
        return lx;
    }

    private boolean inBrackets() {
        return fragment || !brackets.isEmpty();
    }

    public List<Token> tokens() { return tokens; }
    public Source source() { return src; }
    /** The innermost bracket still open at end of input, or null. */
    public Bracket unclosedBracket() { return unclosedBracket; }
    /** Char index of a backslash continuation that ends the input, or -1. */
    public int continuationAtEof() { return continuationAtEof; }

    /**
     * The lines 3.11's tokenizer reads in the middle of a token (after a backslash continuation, or
     * inside a string that spans lines): its buffer then still begins at the earlier line, so an
     * error on such a line that is the tokenizer's current line shows every line from there.
     */
    private final java.util.BitSet midTokenLines = new java.util.BitSet();

    /** The first line of the run of lines that ends at {@code line} and was read as one buffer (see {@link #midTokenLines}). */
    public int bufferStartLine(int line) {
        int l = line;
        while (l > 1 && midTokenLines.get(l)) {
            l--;
        }
        return l;
    }
    /**
     * The error that stopped tokenizing early, or null: one the tokenizer only flags (a TabError, an
     * unindent matching no level, too deep an indentation, a character after a backslash) and the
     * parser raises when it reads that far ({@code tokenizer_error}); the tokens end there with
     * ENDMARKER, so an error the parser finds before it is the one reported, as in 3.11.
     */
    public PySyntaxError deferredError() { return deferredError; }

    /**
     * A warning the tokenizer gives (parser_warn): a SyntaxWarning for a number run into a keyword
     * ({@code 1if}), given when the parser reads token {@code tokenIndex}; made an error, it is
     * {@code asError} (the tokenizer's syntaxerror at the number's end).
     */
    public record Warning(int tokenIndex, int line, String message, PySyntaxError asError) {}

    /** The tokenizer's warnings, in source order. */
    public List<Warning> warnings() { return warnings; }

    private final List<Warning> warnings = new ArrayList<>();
    private int lastWarnedNumber = -1;

    private PySyntaxError deferredError;

    /** Thrown inside the scan for an error the parser raises only when it gets there. */
    private static final class Deferred extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final PySyntaxError error;

        Deferred(PySyntaxError error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    private void run() {
        try {
            scan();
        } catch (Deferred d) {
            deferredError = d.error;
            if (!brackets.isEmpty()) {
                unclosedBracket = brackets.peek();  // the level 3.11's check of the rest of the source sees there
            }
            emit(TokenType.ENDMARKER, Math.min(pos, s.length()), Math.min(pos, s.length()));
        }
    }

    private void scan() {
        while (true) {
            if (atLineStart && !inBrackets()) {
                indentation();
            }
            skipBlanks();
            if (pos >= s.length()) {
                finish();
                return;
            }
            char c = s.charAt(pos);
            if (c == '#') {
                commentStart = pos;
                while (pos < s.length() && s.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '\n') {
                newline();
            } else if (c == '\\') {
                continuation();
            } else {
                token(c);
            }
        }
    }

    private void skipBlanks() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\f') {
                return;
            }
            pos++;
        }
    }

    private void newline() {
        if (!inBrackets() && lineHasTokens) {
            emit(TokenType.NEWLINE, commentStart >= 0 ? commentStart : pos, pos);
            lineHasTokens = false;
        }
        commentStart = -1;
        pos++;
        line++;
        atLineStart = !inBrackets();
    }

    private void continuation() {
        int at = pos;
        if (pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
            pos += 2;
            line++;
            midTokenLines.set(line);
            if (pos >= s.length()) {
                continuationAtEof = at;
            }
            return;
        }
        if (pos + 1 >= s.length()) {
            continuationAtEof = at;
            pos++;
            return;
        }
        // raised by the parser's tokenizer_error (E_LINECONT): the whole line, and no end (end_offset 0)
        int ln = src.lineOf(at);
        throw new Deferred(new PySyntaxError(Kind.SyntaxError, "unexpected character after line continuation character",
                src.filename(), ln, src.charCol(ln, at + 1) + 1, ln, 0, src.lineText(ln), true, false));
    }

    private void finish() {
        pos = s.endsWith("\n") ? s.length() - 1 : s.length();
        if (fragment) {
            if (!brackets.isEmpty()) {
                unclosedBracket = brackets.peek();
            }
        } else if (!brackets.isEmpty()) {
            unclosedBracket = brackets.peek();
        } else if (continuationAtEof < 0) {
            if (lineHasTokens) {
                emit(TokenType.NEWLINE, commentStart >= 0 ? Math.min(commentStart, pos) : pos, pos);
            }
            while (indents.size() > 1) {
                indents.pop();
                emit(TokenType.DEDENT, pos, pos);
            }
        }
        emit(TokenType.ENDMARKER, pos, pos);
    }

    // ---- indentation

    /** Measures the indentation of a new logical line and emits INDENT/DEDENT tokens. */
    private void indentation() {
        int col = 0;
        int alt = 0;
        int contCol = 0;
        int lastBackslash = -1;
        int p = pos;
        while (p < s.length()) {
            char c = s.charAt(p);
            if (c == ' ') {
                col++;
                alt++;
            } else if (c == '\t') {
                col = (col / 8 + 1) * 8;
                alt++;
            } else if (c == '\f') {
                col = 0;
                alt = 0;
            } else if (c == '\\' && p + 1 < s.length() && s.charAt(p + 1) == '\n') {
                // indentation is not split over physical lines: the column of the first backslash
                // is the line's (3.11's tokenizer keeps counting, then takes that column unless it is 0)
                contCol = contCol != 0 ? contCol : col;
                lastBackslash = p;
                p += 2;
                line++;
                midTokenLines.set(line);
                continue;
            } else {
                break;
            }
            p++;
        }
        if (contCol != 0) {
            col = contCol;
            alt = contCol;
        }
        if (lastBackslash >= 0 && p >= s.length()) {
            continuationAtEof = lastBackslash;
        }
        atLineStart = false;
        if (p >= s.length() || s.charAt(p) == '#' || s.charAt(p) == '\n' || s.charAt(p) == '\\') {
            // A blank or comment-only line (or one that only continues onto the next): no indentation change.
            pos = p;
            return;
        }
        int[] top = indents.peek();
        if (col == top[0]) {
            if (alt != top[1]) {
                throw new Deferred(tabError(p));
            }
        } else if (col > top[0]) {
            if (alt <= top[1]) {
                throw new Deferred(tabError(p));
            }
            if (indents.size() >= MAX_INDENT_DEPTH) {
                throw new Deferred(src.error(Kind.IndentationError, "too many levels of indentation", p, p, true, false));
            }
            indents.push(new int[] {col, alt});
            emit(TokenType.INDENT, pos, p);
        } else {
            int before = tokens.size();
            while (indents.size() > 1 && col < indents.peek()[0]) {
                indents.pop();
                emit(TokenType.DEDENT, p, p);
            }
            if (col != indents.peek()[0]) {
                int ln = src.lineOf(p);
                String lt = src.lineText(ln);
                int len = lt.endsWith("\n") ? lt.length() - 1 : lt.length();
                tokens.subList(before, tokens.size()).clear();  // the error comes before the pending DEDENTs
                throw new Deferred(new PySyntaxError(Kind.IndentationError, "unindent does not match any outer indentation level",
                        src.filename(), ln, lt.codePointCount(0, len) + 1, ln, -1, lt, true, false));
            }
            if (alt != indents.peek()[1]) {
                throw new Deferred(tabError(p));
            }
        }
        pos = p;
    }

    private PySyntaxError tabError(int p) {
        int ln = src.lineOf(p);
        return new PySyntaxError(Kind.TabError, "inconsistent use of tabs and spaces in indentation", src.filename(),
                ln, 1, ln, 0, src.lineText(ln), true, false);
    }

    // ---- tokens

    private void token(char c) {
        if (c == '"' || c == '\'') {
            string(pos, pos);
        } else if (isDigit(c) || (c == '.' && pos + 1 < s.length() && isDigit(s.charAt(pos + 1)))) {
            number();
        } else if (isIdentStart(s.codePointAt(pos)) || UndecodableBytes.isByte(c)) {
            nameOrString();
        } else {
            operator(c);
        }
    }

    private void nameOrString() {
        int start = pos;
        while (pos < s.length()) {
            int cp = s.codePointAt(pos);
            if (!isIdentPart(cp) && !UndecodableBytes.isByte(cp)) {  // python3 takes any byte from 0x80 into a name
                break;
            }
            pos += Character.charCount(cp);
        }
        if (UndecodableBytes.any(s, start, pos)) {
            // verify_identifier: the name's bytes fail to decode; reported at the name's end
            int line = src.lineOf(start);
            throw UndecodableBytes.error(src, "(unicode error) " + UndecodableBytes.decodeError(UndecodableBytes.raw(s, start, pos)),
                    line, UndecodableBytes.byteCol(src, line, pos), -1);
        }
        if (pos < s.length() && (s.charAt(pos) == '"' || s.charAt(pos) == '\'') && isStringPrefix(s.substring(start, pos))) {
            string(start, pos);
            return;
        }
        String name = s.substring(start, pos);
        boolean ascii = isAsciiName(name);
        Token t = emit(TokenType.NAME, start, pos);
        if (!ascii) {
            String norm = Normalizer.normalize(name, Normalizer.Form.NFKC);
            tokens.set(tokens.size() - 1, new Token(TokenType.NAME, norm, null, t.start(), t.end(), t.line(), t.col(),
                    t.endLine(), t.endCol()));
        }
    }

    private static boolean isAsciiName(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    static boolean isStringPrefix(String p) {
        String l = p.toLowerCase();
        return switch (l) {
            case "r", "u", "b", "f", "br", "rb", "fr", "rf" -> true;
            default -> false;
        };
    }

    private void string(int start, int quoteAt) {
        char q = s.charAt(quoteAt);
        boolean triple = s.startsWith("" + q + q + q, quoteAt);
        pos = quoteAt + (triple ? 3 : 1);
        while (true) {
            if (pos >= s.length()) {
                throw unterminated(start, triple);
            }
            char c = s.charAt(pos);
            if (c == '\\') {
                pos++;
                if (pos < s.length() && s.charAt(pos) == '\n') {
                    line++;
                }
                pos++;
                continue;
            }
            if (c == '\n') {
                if (!triple) {
                    throw unterminated(start, false);
                }
                line++;
            } else if (c == q && (!triple || s.startsWith("" + q + q + q, pos))) {
                pos += triple ? 3 : 1;
                emit(TokenType.STRING, start, pos);
                return;
            }
            pos++;
        }
    }

    /** CPython reports an unterminated literal at its start, naming the line where scanning gave up. */
    private PySyntaxError unterminated(int start, boolean triple) {
        int ln = src.lineOf(start);
        String text = src.lineText(ln);
        if (text != null && text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        int col = src.charCol(ln, start) + 1;
        String msg = triple
                ? "unterminated triple-quoted string literal (detected at line " + src.lineCount() + ")"
                : "unterminated string literal (detected at line " + ln + ")";
        return new PySyntaxError(Kind.SyntaxError, msg, src.filename(), ln, col, ln, col, text, true, triple);
    }

    private void operator(char c) {
        for (String op : OPERATORS) {
            if (s.startsWith(op, pos)) {
                int start = pos;
                pos += op.length();
                bracket(op.charAt(0), start);
                emit(TokenType.OP, start, pos);
                return;
            }
        }
        int cp = s.codePointAt(pos);
        String msg;
        if (!isPrintable(cp)) {
            msg = "invalid non-printable character U+" + String.format("%04X", cp);
        } else {
            msg = "invalid character '" + new String(Character.toChars(cp)) + "' (U+" + String.format("%04X", cp) + ")";
        }
        throw err(msg, pos, pos);
    }

    private void bracket(char c, int at) {
        switch (c) {
            case '(', '[', '{' -> {
                if (brackets.size() >= MAX_BRACKET_DEPTH) {
                    throw err("too many nested parentheses", at, at);
                }
                brackets.push(new Bracket(c, at));
            }
            case ')', ']', '}' -> {
                if (brackets.isEmpty()) {
                    throw err("unmatched '" + c + "'", at, at);
                }
                Bracket open = brackets.pop();
                char want = open.ch() == '(' ? ')' : open.ch() == '[' ? ']' : '}';
                if (c != want) {
                    int openLine = src.lineOf(open.index());
                    String msg = "closing parenthesis '" + c + "' does not match opening parenthesis '" + open.ch() + "'";
                    if (openLine != line) {
                        msg += " on line " + openLine;
                    }
                    throw err(msg, at, at);
                }
            }
            default -> { }
        }
    }

    // ---- numbers

    private void number() {
        int start = pos;
        char c = s.charAt(pos);
        Object value;
        if (c == '0' && pos + 1 < s.length() && "xXoObB".indexOf(s.charAt(pos + 1)) >= 0) {
            value = radixNumber(start);
        } else {
            value = decimalNumber(start);
        }
        emitNumber(start, value);
    }

    private void emitNumber(int start, Object value) {
        Token t = emit(TokenType.NUMBER, start, pos);
        tokens.set(tokens.size() - 1, new Token(TokenType.NUMBER, t.text(), value, t.start(), t.end(), t.line(), t.col(),
                t.endLine(), t.endCol()));
    }

    private Object radixNumber(int start) {
        char kind = Character.toLowerCase(s.charAt(pos + 1));
        int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
        String name = kind == 'x' ? "hexadecimal" : kind == 'o' ? "octal" : "binary";
        pos += 2;
        StringBuilder digits = new StringBuilder();
        while (true) {
            if (pos < s.length() && s.charAt(pos) == '_') {
                pos++;
            }
            if (pos < s.length() && Character.digit(s.charAt(pos), radix) >= 0 && s.charAt(pos) < 0x80) {
                while (pos < s.length() && s.charAt(pos) < 0x80 && Character.digit(s.charAt(pos), radix) >= 0) {
                    digits.append(s.charAt(pos++));
                }
            } else {
                if (pos < s.length() && radix != 16 && isDigit(s.charAt(pos))) {
                    throw errAt("invalid digit '" + s.charAt(pos) + "' in " + name + " literal", pos);
                }
                throw errAt("invalid " + name + " literal", pos - 1);
            }
            if (pos >= s.length() || s.charAt(pos) != '_') {
                break;
            }
        }
        if (pos < s.length() && radix != 16 && isDigit(s.charAt(pos))) {
            throw errAt("invalid digit '" + s.charAt(pos) + "' in " + name + " literal", pos);
        }
        verifyEndOfNumber(start, name);
        return integer(digits.toString(), radix);
    }

    private static Object integer(String digits, int radix) {
        BigInteger b = new BigInteger(digits, radix);
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    private Object decimalNumber(int start) {
        boolean isFloat = false;
        if (s.charAt(pos) != '.') {
            decimalDigits(start);
        }
        String intPart = clean(start, pos);
        if (pos < s.length() && s.charAt(pos) == '.') {
            isFloat = true;
            pos++;
            if (pos < s.length() && isDigit(s.charAt(pos))) {
                decimalDigits(start);
            }
        }
        if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < s.length() && isDigit(s.charAt(pos))) {
                decimalDigits(start);
                isFloat = true;
            } else {
                pos = save;
                verifyEndOfNumber(start, "decimal");
            }
        }
        if (pos < s.length() && (s.charAt(pos) == 'j' || s.charAt(pos) == 'J')) {
            String digits = clean(start, pos);
            pos++;
            verifyEndOfNumber(start, "imaginary");
            return new dev.refheap.lang.ast.Complex(0.0, Double.parseDouble(digits));
        }
        if (!isFloat && intPart.length() > 1 && intPart.charAt(0) == '0' && !intPart.chars().allMatch(ch -> ch == '0')) {
            int zeros = start;
            while (s.charAt(zeros) == '0' || s.charAt(zeros) == '_') {
                zeros++;
            }
            throw err("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    start, zeros);
        }
        verifyEndOfNumber(start, "decimal");
        String text = clean(start, pos);
        if (isFloat) {
            return Double.parseDouble(text);
        }
        return integer(text, 10);
    }

    private void decimalDigits(int start) {
        while (true) {
            while (pos < s.length() && isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos < s.length() && s.charAt(pos) == '_') {
                if (pos + 1 < s.length() && isDigit(s.charAt(pos + 1))) {
                    pos++;
                    continue;
                }
                throw errAt("invalid decimal literal", pos);
            }
            return;
        }
    }

    private String clean(int start, int end) {
        return s.substring(start, end).replace("_", "");
    }

    /**
     * A number may not run into a name, except a few keywords ({@code 1if x else 2} is legal, with
     * 3.11's SyntaxWarning "invalid decimal literal", once per number).
     */
    private void verifyEndOfNumber(int start, String kind) {
        if (pos >= s.length() || !isIdentPart(s.codePointAt(pos))) {
            return;
        }
        for (String kw : KEYWORDS_AFTER_NUMBER) {
            if (s.startsWith(kw, pos)) {
                int after = pos + kw.length();
                if (after >= s.length() || !isIdentPart(s.codePointAt(after))) {
                    if (lastWarnedNumber != start) {
                        lastWarnedNumber = start;
                        String msg = "invalid " + kind + " literal";
                        warnings.add(new Warning(tokens.size(), src.lineOf(pos), msg, errAt(msg, pos - 1)));
                    }
                    return;
                }
            }
        }
        throw errAt("invalid " + kind + " literal", pos - 1);
    }

    // ---- helpers

    private Token emit(TokenType type, int start, int end) {
        int sl = src.lineOf(start);
        int sc = src.byteCol(sl, start);
        int el = end > start ? src.lineOf(end - 1) : sl;
        int ec = src.byteCol(el, end);
        String text = type == TokenType.INDENT || type == TokenType.DEDENT || type == TokenType.ENDMARKER || type == TokenType.NEWLINE
                ? "" : s.substring(start, Math.min(end, s.length()));
        Token t = new Token(type, text, null, start, end, sl, sc, el, ec);
        if (el > sl && type == TokenType.STRING) {
            midTokenLines.set(sl + 1, el + 1);
        }
        tokens.add(t);
        if (type != TokenType.NEWLINE && type != TokenType.INDENT && type != TokenType.DEDENT) {
            lineHasTokens = true;
        }
        return t;
    }

    /** A zero-width tokenizer error whose 1-based offset is {@code index + 1}. */
    private PySyntaxError errAt(String msg, int index) {
        int ln = src.lineOf(index);
        int col = src.charCol(ln, index) + 1;
        String text = src.lineText(ln);
        if (text != null && text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return new PySyntaxError(Kind.SyntaxError, msg, src.filename(), ln, col, ln, col, text, true, false);
    }

    /**
     * An error the tokenizer raises itself (its syntaxerror()): the text is the line without its
     * newline; most have no range ({@code end == start}: end_offset equals offset).
     */
    private PySyntaxError err(String msg, int start, int end) {
        PySyntaxError e = src.error(Kind.SyntaxError, msg, start, end, true, false);
        String text = e.text();
        if (text == null || !text.endsWith("\n")) {
            return e;
        }
        return new PySyntaxError(e.kind(), e.msg(), e.filename(), e.line(), e.column(), e.endLine(), e.endColumn(),
                text.substring(0, text.length() - 1), true, false);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentStart(int cp) {
        return cp == '_' || (cp < 0x80 ? Character.isLetter(cp) : Character.isUnicodeIdentifierStart(cp));
    }

    static boolean isIdentPart(int cp) {
        if (cp < 0x80) {
            return cp == '_' || Character.isLetterOrDigit(cp);
        }
        return Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
    }

    /** Python's {@code str.isprintable} for one code point. */
    public static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
