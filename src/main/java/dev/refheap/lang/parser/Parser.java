package dev.refheap.lang.parser;

import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.PySyntaxError.Kind;
import dev.refheap.lang.ast.Alias;
import dev.refheap.lang.ast.Arg;
import dev.refheap.lang.ast.Arguments;
import dev.refheap.lang.ast.BoolOperator;
import dev.refheap.lang.ast.CmpOp;
import dev.refheap.lang.ast.Comprehension;
import dev.refheap.lang.ast.ExceptHandler;
import dev.refheap.lang.ast.Expr;
import dev.refheap.lang.ast.ExprContext;
import dev.refheap.lang.ast.Expression;
import dev.refheap.lang.ast.Keyword;
import dev.refheap.lang.ast.Module;
import dev.refheap.lang.ast.Operator;
import dev.refheap.lang.ast.Pos;
import dev.refheap.lang.ast.Special;
import dev.refheap.lang.ast.Stmt;
import dev.refheap.lang.ast.UnaryOperator;
import dev.refheap.lang.ast.WithItem;
import dev.refheap.lang.compiler.Compiler;
import dev.refheap.lang.lexer.Lexer;
import dev.refheap.lang.lexer.Source;
import dev.refheap.lang.lexer.Token;
import dev.refheap.lang.lexer.TokenType;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hand-written recursive-descent parser for Python 3.11 producing the {@link dev.refheap.lang.ast} tree.
 * Each grammar rule of CPython's grammar that matters here has one method named after it
 * ({@code simple_stmt} becomes {@link #simpleStmt}), and the expression methods follow Python's
 * precedence levels from {@code expression} down to {@code atom}.
 *
 * <p>State: the token list from the {@link Lexer}, the cursor {@code p}, the furthest token index any
 * rule has looked at (where a generic {@code invalid syntax} is reported, as CPython does), and the
 * set of expressions that were written in parentheses (needed for {@code AnnAssign.simple} and for a
 * few error messages). Invariant: the cursor only moves forward except inside explicit
 * {@link #mark()}/{@link #reset} backtracking, which is used for a handful of bounded lookaheads.
 *
 * <p>Every error is a {@link PySyntaxError}; refheap's unsupported constructs (async/await, match,
 * imaginary literals) are reported as {@code "<construct> is not supported by refheap"}.
 */
public final class Parser {
    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield");
    private static final Map<String, Operator> AUG_OPS = Map.ofEntries(Map.entry("+=", Operator.Add),
            Map.entry("-=", Operator.Sub), Map.entry("*=", Operator.Mult), Map.entry("@=", Operator.MatMult),
            Map.entry("/=", Operator.Div), Map.entry("%=", Operator.Mod), Map.entry("**=", Operator.Pow),
            Map.entry("<<=", Operator.LShift), Map.entry(">>=", Operator.RShift), Map.entry("|=", Operator.BitOr),
            Map.entry("^=", Operator.BitXor), Map.entry("&=", Operator.BitAnd), Map.entry("//=", Operator.FloorDiv));
    private static final int MAX_DEPTH = 1000;
    /** Tokens that, right after {@code match}, show it is a plain name rather than a match statement. */
    private static final Set<String> NOT_A_MATCH_SUBJECT = Set.of("=", ".", ",", ")", ";", ":", "]", "}", ":=", "+=",
            "-=", "*=", "/=", "//=", "%=", "**=", "@=", "&=", "|=", "^=", "<<=", ">>=", "==", "!=", "<", ">", "<=", ">=",
            "|", "&", "^", "<<", ">>", "/", "//", "%", "@", "**", "->");

    private final Source src;
    private final Lexer lexer;
    private final List<Token> toks;
    private final int[] levels;
    private final boolean fragment;
    private int p;
    private int furthest;
    /** Where the parser's warnings go (null: not kept); whether the source is file input; whether it is a REPL input. */
    private List<Compiler.Warning> warnings;
    private boolean fileInput;
    private boolean interactive;
    /** compile()'s PyCF_ALLOW_INCOMPLETE_INPUT: an error once the tokenizer has reached the end becomes "incomplete input". */
    private boolean allowIncomplete;
    /** The source came as a str ({@link #STR_SOURCE}). */
    private boolean strSource;
    /** 'single' input parsed with PyCF_DONT_IMPLY_DEDENT that ends in the middle of a line: a block open at the end is not closed. */
    private boolean noImpliedDedents;
    /** How many of the lexer's warnings went to {@code warnings}: each is given when the parser first reads its token. */
    private int lexerWarningsGiven;
    /** The error raised on reading the end of input inside a bracket or after a backslash, once raised. */
    private PySyntaxError eofError;
    private int depth;
    private final Map<Expr, Boolean> parenthesized = new IdentityHashMap<>();

    Parser(Source src, Lexer lexer, boolean fragment) {
        this.src = src;
        this.lexer = lexer;
        this.toks = lexer.tokens();
        this.fragment = fragment;
        this.levels = new int[toks.size()];
        int level = fragment ? 1 : 0;  // an f-string field is parsed as if in the parentheses CPython puts around it
        for (int i = 0; i < toks.size(); i++) {
            Token t = toks.get(i);
            if (t.type() == TokenType.OP && (t.text().equals(")") || t.text().equals("]") || t.text().equals("}"))) {
                level--;
            }
            levels[i] = level;
            if (t.type() == TokenType.OP && (t.text().equals("(") || t.text().equals("[") || t.text().equals("{"))) {
                level++;
            }
        }
    }

    // ================================================================== entry points

    /** Parses a module given as text. */
    public static Module parseModule(String source, String filename) {
        return parseModule(source, filename, null);
    }

    /**
     * Parses a module given as text (file input), adding the warnings the parser gives (invalid
     * escape sequences in literals) to {@code warnings} as it meets them; null: none are kept.
     */
    public static Module parseModule(String source, String filename, List<Compiler.Warning> warnings) {
        return parseModule(source, filename, warnings, 0);
    }

    /**
     * compile()'s flags that change how source is parsed (Include/cpython/compile.h):
     * PyCF_DONT_IMPLY_DEDENT (0x200) and PyCF_ALLOW_INCOMPLETE_INPUT (0x4000), as codeop passes them.
     * With ALLOW_INCOMPLETE_INPUT an error found once the tokenizer has read to the end of the
     * source (3.11's tok->done E_EOF, or E_EOFS/E_EOLS: a string left open at the end) becomes
     * {@code SyntaxError: incomplete input} at the last token read (_PyPegen_run_parser). With
     * DONT_IMPLY_DEDENT, 'single' input that ends in the middle of a line gets no DEDENTs before its
     * end (_PyPegen_fill_token adds them otherwise), so a block not closed by a newline is unfinished.
     * 'exec' input has a newline added and 'eval' input no blocks: there the flag changes nothing.
     */
    public static final int DONT_IMPLY_DEDENT = 0x200, ALLOW_INCOMPLETE_INPUT = 0x4000;

    /**
     * refheap's own flag (no compile() flag has this bit): the source was given as a str, which
     * 3.11's tokenizer reads with its encoding set, so an error's end over several lines is cut on
     * the error line ({@link #endColumnOnErrorLine}). Bytes without a coding cookie (what importlib
     * compiles) keep their end: there 3.11 leaves the columns as they are.
     */
    public static final int STR_SOURCE = 0x40000000;

    /** {@link #parseModule(String, String, List)} with compile()'s flags {@code cf} (see {@link #ALLOW_INCOMPLETE_INPUT}). */
    public static Module parseModule(String source, String filename, List<Compiler.Warning> warnings, int cf) {
        Source src = new Source(stripBom(source), filename);
        return guard(src, () -> {
            Parser parser = new Parser(src, tokenize(src, cf, true, false), false);
            parser.warnings = warnings;
            parser.fileInput = true;
            parser.allowIncomplete = (cf & ALLOW_INCOMPLETE_INPUT) != 0;
            parser.strSource = (cf & STR_SOURCE) != 0;
            return parser.settled(parser::file);
        });
    }

    /**
     * Tokenizes {@code src} for a parse with compile()'s flags {@code cf}: a tokenizer error at the
     * end of the source (a string left open there) is "incomplete input" when they allow it; for
     * 'single' input with DONT_IMPLY_DEDENT, the DEDENTs the lexer adds at an end that is not at a
     * line's start are taken out.
     */
    private static Lexer tokenize(Source src, int cf, boolean fileInput, boolean single) {
        Lexer lexer;
        try {
            lexer = Lexer.tokenize(src);
        } catch (PySyntaxError e) {
            // an open triple-quoted string is flagged incomplete (E_EOFS); a single-quoted one reaches the
            // end only when no newline follows it (E_EOLS): never in 'exec' input, which has one added
            boolean atEnd = e.incomplete() || (!fileInput && e.tokenizerError() && e.msg().startsWith("unterminated string literal")
                    && src.text().indexOf('\n', src.lineStart(e.line())) < 0);
            if ((cf & ALLOW_INCOMPLETE_INPUT) != 0 && e.tokenizerError() && atEnd && parserReaches(src, e, fileInput, single)) {
                // the tokenizer's buffer: from the line the string starts on to the end
                String text = src.text().substring(src.lineStart(e.line()));
                if (fileInput && !text.endsWith("\n")) {
                    text += "\n";
                }
                throw new PySyntaxError(Kind.SyntaxError, "incomplete input", src.filename(), e.line(), e.column(),
                        e.line(), -1, text, false, true);
            }
            throw e;
        }
        if (single && (cf & DONT_IMPLY_DEDENT) != 0 && !src.text().endsWith("\n") && !src.text().isEmpty()) {
            List<Token> toks = lexer.tokens();
            int end = toks.size() - 1;  // the ENDMARKER
            int from = end;
            while (from > 0 && toks.get(from - 1).type() == TokenType.DEDENT) {
                from--;
            }
            toks.subList(from, end).clear();
        }
        return lexer;
    }

    /**
     * Whether 3.11's parser, which reads tokens as it needs them, gets to the token the lexer failed
     * on at the end of {@code src} (error {@code e}): the tokens before it, parsed alone, must not fail
     * before their end. When the parser fails first, the tokenizer has not reached the end, and the
     * error reported is the lexer's (3.11 tokenizes the rest of the source to report it).
     */
    private static boolean parserReaches(Source src, PySyntaxError e, boolean fileInput, boolean single) {
        int at = Math.min(src.text().length(), src.lineStart(e.line()) + Math.max(0, e.column() - 1));
        Source prefix = new Source(src.text().substring(0, at), src.filename());
        Parser parser;
        try {
            parser = new Parser(prefix, Lexer.tokenize(prefix), false);
        } catch (PySyntaxError other) {
            return false;
        }
        parser.fileInput = fileInput;
        try {
            if (fileInput) {
                parser.file();
            } else if (single) {
                parser.singleStatement();
            } else {
                parser.eval();
            }
        } catch (PySyntaxError other) {
            return parser.furthest >= parser.toks.size() - 1 || parser.furthest >= parser.eofToken();
        }
        return true;
    }

    /**
     * The index of the first token whose reading takes 3.11's tokenizer to the end of the source
     * (tok->done becomes E_EOF): a name, number or operator with nothing after it (the tokenizer
     * looks at the next character to end it; a string ends at its quote), else the token after the
     * last one that is not at the end: after the newline that ends the last line, or after the last
     * real token when no newline follows it (a comment, a bracket or a backslash continuation open
     * at the end). 'exec' input has a newline added at its end.
     */
    private int eofToken() {
        int last = toks.size() - 1;
        while (last >= 0 && !isReal(toks.get(last).type())) {
            last--;
        }
        if (last < 0) {
            return 0;
        }
        Token t = toks.get(last);
        String text = src.text();
        if (t.end() >= text.length() && !fileInput && t.type() != TokenType.STRING) {
            return last;
        }
        if (last + 1 < toks.size() && toks.get(last + 1).type() == TokenType.NEWLINE
                && (toks.get(last + 1).end() < text.length() || fileInput)) {
            return last + 2;  // a NEWLINE read from a newline character: the next read meets the end
        }
        return last + 1;
    }

    private static boolean isReal(TokenType type) {
        return type == TokenType.NAME || type == TokenType.NUMBER || type == TokenType.STRING || type == TokenType.OP;
    }

    /**
     * "incomplete input" where _PyPegen_raise_error puts it: on the last token read when it has a
     * position, else (an end of input, a DEDENT) where the tokenizer stopped: past the end of the
     * last line it read (the line a newline ends counts as the last), with no end offset.
     */
    private PySyntaxError incompleteInput() {
        Token t = lastTokenRead();
        if (isReal(t.type())) {
            PySyntaxError e = errorAtToken("incomplete input", t);
            return withIncomplete(withParserText(e));
        }
        String text = src.text();
        if (fileInput && !text.endsWith("\n")) {
            text += "\n";
        }
        if (text.isEmpty()) {
            return new PySyntaxError(Kind.SyntaxError, "incomplete input", src.filename(), 0, 0, 0, -1, "", false, true);
        }
        int lastStart = text.lastIndexOf('\n', text.length() - 2) + 1;
        int line = 1;
        for (int i = 0; i < lastStart; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        int col = text.codePointCount(lastStart, text.length());
        PySyntaxError e = new PySyntaxError(Kind.SyntaxError, "incomplete input", src.filename(), line, col, line, -1,
                src.lineText(line), false, true);
        return withIncomplete(withParserText(e));
    }

    /**
     * Parses source for compile()'s 'single' mode as 3.11 does: one statement only (so an error
     * further on is never reached); anything but blank lines after a simple statement is "multiple
     * statements found while compiling a single statement" at its NEWLINE, and after a compound
     * statement the generic error at the next token.
     */
    public static Module parseSingle(String source, String filename, List<Compiler.Warning> warnings) {
        return parseSingle(source, filename, warnings, 0);
    }

    /** {@link #parseSingle(String, String, List)} with compile()'s flags {@code cf} (see {@link #ALLOW_INCOMPLETE_INPUT}). */
    public static Module parseSingle(String source, String filename, List<Compiler.Warning> warnings, int cf) {
        Source src = withTokens(source, filename, cf);
        return guard(src, () -> {
            Parser parser = new Parser(src, tokenize(src, cf, false, true), false);
            parser.warnings = warnings;
            parser.allowIncomplete = (cf & ALLOW_INCOMPLETE_INPUT) != 0;
            parser.strSource = (cf & STR_SOURCE) != 0;
            parser.noImpliedDedents = (cf & DONT_IMPLY_DEDENT) != 0 && !src.text().endsWith("\n");
            List<Stmt> body = parser.settled(parser::singleStatement);
            if (!body.isEmpty() && isCompound(body.getFirst()) && !src.text().endsWith("\n") && !parser.dedentAtEnd()) {
                // single_input is 'compound_stmt NEWLINE': 3.11 reads the end of input as a NEWLINE once after
                // the statement's own NEWLINE only when a newline ended the source or DEDENTs closed a block there
                parser.furthest = parser.toks.size() - 1;
                if (parser.allowIncomplete) {
                    throw parser.incompleteInput();
                }
                int line = src.lineOf(src.text().length());
                throw parser.withParserText(new PySyntaxError(Kind.SyntaxError, "invalid syntax", src.filename(), line, 0,
                        line, 0, src.lineText(line), false, true));
            }
            int at = parser.p;
            while (at < parser.toks.size() && parser.toks.get(at).type() == TokenType.DEDENT) {
                at++;
            }
            Token next = parser.toks.get(Math.min(at, parser.toks.size() - 1));
            // bad_single_statement reads the characters left: a lone backslash at the end counts
            if (!body.isEmpty() && (next.type() != TokenType.ENDMARKER || parser.lexer.continuationAtEof() >= 0)) {
                Stmt first = body.getFirst();
                if (first instanceof Stmt.ExprStmt || first instanceof Stmt.Assign || first instanceof Stmt.AugAssign
                        || first instanceof Stmt.AnnAssign || !isCompound(first)) {
                    Token nl = parser.prev();  // 3.11's NEWLINE token: from a comment before the newline to the newline
                    throw parser.withParserText(parser.errorAt(Kind.SyntaxError,
                            "multiple statements found while compiling a single statement", nl.line(), nl.col(), nl.line(), nl.endCol()));
                }
                parser.furthest = Math.max(parser.furthest, at);
                throw parser.withParserText(parser.errorAtToken("invalid syntax", next));
            }
            return new Module(body);
        });
    }

    /** Whether a DEDENT follows the last token that is not NEWLINE, INDENT, DEDENT or ENDMARKER. */
    private boolean dedentAtEnd() {
        for (int i = toks.size() - 1; i >= 0 && !isReal(toks.get(i).type()); i--) {
            if (toks.get(i).type() == TokenType.DEDENT) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCompound(Stmt s) {
        return s instanceof Stmt.FunctionDef || s instanceof Stmt.AsyncFunctionDef || s instanceof Stmt.ClassDef
                || s instanceof Stmt.For || s instanceof Stmt.AsyncFor || s instanceof Stmt.While || s instanceof Stmt.If
                || s instanceof Stmt.With || s instanceof Stmt.AsyncWith || s instanceof Stmt.Match || s instanceof Stmt.Try
                || s instanceof Stmt.TryStar;
    }

    /** The statements of one statement line (simple statements joined by ';') or one compound statement. */
    private List<Stmt> singleStatement() {
        List<Stmt> body = new ArrayList<>();
        if (peek().type() != TokenType.ENDMARKER) {
            statement(body);
        }
        return body;
    }

    /**
     * Parses one REPL input as CPython's interactive parser does: the source after an error is not
     * tokenized, so an unclosed bracket never takes the place of the parser's error.
     */
    public static Module parseInteractive(String source, String filename) {
        Source src = new Source(stripBom(source), filename);
        return guard(src, () -> {
            Parser parser = new Parser(src, Lexer.tokenize(src), false);
            parser.interactive = true;
            return parser.settled(parser::file);
        });
    }

    /** Parses a module given as bytes, decoding them as UTF-8 as Python does without a coding cookie. */
    public static Module parseModule(byte[] source, String filename) {
        return parseModule(SourceDecoder.decode(source, filename), filename);
    }

    /** Parses a single expression (Python's {@code eval} mode). */
    public static Expression parseExpression(String source, String filename) {
        return parseExpression(source, filename, null);
    }

    /** Parses a single expression, adding the parser's warnings to {@code warnings} (see {@link #parseModule(String, String, List)}). */
    public static Expression parseExpression(String source, String filename, List<Compiler.Warning> warnings) {
        return parseExpression(source, filename, warnings, 0);
    }

    /** {@link #parseExpression(String, String, List)} with compile()'s flags {@code cf} (see {@link #ALLOW_INCOMPLETE_INPUT}). */
    public static Expression parseExpression(String source, String filename, List<Compiler.Warning> warnings, int cf) {
        Source src = withTokens(source, filename, cf);
        return guard(src, () -> {
            Parser parser = new Parser(src, tokenize(src, cf, false, false), false);
            parser.warnings = warnings;
            parser.allowIncomplete = (cf & ALLOW_INCOMPLETE_INPUT) != 0;
            parser.strSource = (cf & STR_SOURCE) != 0;
            return parser.settled(parser::eval);
        });
    }

    /**
     * True when {@code source} is not yet a complete statement but more lines could make it one, like
     * {@code codeop}: an open bracket or triple-quoted string, a trailing backslash, a block header with
     * no body yet, or an indented block not yet closed by an empty line. False when the source is
     * complete or is wrong whatever follows.
     */
    public static boolean isIncomplete(String source) {
        try {
            parseInteractive(source, "<input>");
        } catch (PySyntaxError e) {
            return e.incomplete();
        }
        return blockStillOpen(source);
    }

    private static boolean blockStillOpen(String source) {
        String s = source.replace("\r\n", "\n");
        String[] lines = s.split("\n", -1);
        int last = lines.length - 1;
        while (last >= 0 && lines[last].isBlank()) {
            last--;
        }
        if (last < 0) {
            return false;
        }
        boolean endsWithEmptyLine = s.endsWith("\n\n") || (s.endsWith("\n") && lines.length >= 2 && lines[lines.length - 2].isBlank());
        boolean indented = Character.isWhitespace(lines[last].isEmpty() ? 'x' : lines[last].charAt(0));
        boolean decorator = lines[last].stripLeading().startsWith("@");
        return (indented || decorator) && !endsWithEmptyLine;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /**
     * The source of 'eval' or 'single' input; thrown instead, the error 3.11 gives when it holds no
     * token at all (blank lines and comments only). Those modes add no newline to the source, so a
     * last line of blanks without one is an indentation: "unexpected indent" at its end (a form feed
     * sets the column back to 0); otherwise the generic error at the end marker, whose column 3.11
     * does not know: offset 0 on the last line, that line as the text (line 0 and '' for an empty
     * source).
     */
    private static Source withTokens(String source, String filename, int cf) {
        Source src = new Source(stripBom(source), filename);
        PySyntaxError nothing = noTokens(src);
        if (nothing != null) {
            if ((cf & ALLOW_INCOMPLETE_INPUT) != 0 && nothing.incomplete()) {
                // the generic error is found at the end marker: the tokenizer has read everything
                throw new Parser(src, Lexer.tokenize(src), false).incompleteInput();
            }
            throw nothing;
        }
        return src;
    }

    /** The error of {@link #withTokens}'s rule for {@code src}, or null when it has a token. */
    private static PySyntaxError noTokens(Source src) {
        String text = src.text();
        int lines = 0;
        String last = "";
        for (int start = 0; start < text.length(); ) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            last = text.substring(start, end);
            lines++;
            String stripped = last.strip();
            if (!stripped.isEmpty() && stripped.charAt(0) != '#') {
                return null;
            }
            start = end;
        }
        if (!last.endsWith("\n") && !last.isEmpty()) {
            int col = 0;
            boolean blanks = true;
            for (int i = 0; i < last.length() && blanks; i++) {
                char c = last.charAt(i);
                if (c == ' ') col++;
                else if (c == '\t') col = (col / 8 + 1) * 8;
                else if (c == '\f') col = 0;
                else blanks = false;
            }
            if (blanks && col > 0) {
                return new PySyntaxError(Kind.IndentationError, "unexpected indent", src.filename(), lines, last.length(),
                        lines, -1, last, false, false);
            }
        }
        return new PySyntaxError(Kind.SyntaxError, "invalid syntax", src.filename(), lines, 0, lines, 0, last, false, true);
    }

    private interface Body<T> {
        T run();
    }

    private static <T> T guard(Source src, Body<T> body) {
        try {
            return body.run();
        } catch (StackOverflowError e) {
            throw new PySyntaxError(Kind.SyntaxError, "source too complex to parse", src.filename(), 1, 0, 1, 0,
                    null, false, false);
        }
    }

    /** file: [statements] ENDMARKER */
    Module file() {
        List<Stmt> body = new ArrayList<>();
        while (peek().type() != TokenType.ENDMARKER) {
            statement(body);
        }
        return new Module(body);
    }

    /** eval: expressions NEWLINE* ENDMARKER */
    Expression eval() {
        Expr e = expressions();
        while (peek().type() == TokenType.NEWLINE) {
            next();
        }
        if (peek().type() != TokenType.ENDMARKER) {
            throw invalidSyntax();
        }
        return new Expression(e);
    }

    /** The expression of an f-string replacement field: (yield_expr | star_expressions) ENDMARKER. */
    Expr fstringReplacement() {
        if (at("**")) {  // 3.11 parses "(**a)": invalid_group's double-starred case
            Token stars = next();
            int m = mark();
            try {
                expression();
            } catch (PySyntaxError e) {
                reset(m);
                throw invalidSyntax();
            }
            if (peek().type() == TokenType.ENDMARKER) throw errorAt(pos(stars, stars), pos(stars, stars), "cannot use double starred expression here");
            throw invalidSyntax();
        }
        Expr e = atKw("yield") ? yieldExpr() : starExpressions();
        if (peek().type() != TokenType.ENDMARKER) {
            throw invalidSyntax();
        }
        if (e instanceof Expr.Starred) {  // "(*a)": invalid_group, as in a parenthesized group
            throw errorAt(e.pos(), e.pos(), "cannot use starred expression here");
        }
        return e;
    }

    // ================================================================== token helpers

    private Token peek() {
        return peek(0);
    }

    /** The next token, unconsumed (what a string run's action sees as 3.11's last token fetched). */
    Token peekToken() {
        return peek();
    }

    private Token peek(int n) {
        int i = Math.min(p + n, toks.size() - 1);
        if (i > furthest) {
            furthest = i;
            giveLexerWarnings(furthest);
        }
        Token t = toks.get(i);
        if (t.type() == TokenType.ENDMARKER && !fragment) {
            checkEofErrors();
        }
        return t;
    }

    /** CPython raises these as soon as the parser asks for the token at end of input. */
    private void checkEofErrors() {
        if (lexer.deferredError() != null) {
            throw eofError = lexer.deferredError();
        }
        if (lexer.unclosedBracket() != null) {
            throw eofError = neverClosed();
        }
        if (lexer.continuationAtEof() >= 0 && !fileInput && !interactive && !src.text().endsWith("\n")) {
            // 'eval' and 'single' input get no newline at the end: the backslash is followed by the end of
            // input, not a newline (E_LINECONT, at the backslash; no end offset)
            int at = lexer.continuationAtEof();
            int line = src.lineOf(at);
            throw eofError = new PySyntaxError(Kind.SyntaxError, "unexpected character after line continuation character",
                    src.filename(), line, src.charCol(line, at) + 1, line, 0, src.lineText(line), true, false);
        }
        if (lexer.continuationAtEof() >= 0) {
            int at = lexer.continuationAtEof();
            int line = src.lineOf(at);
            throw eofError = new PySyntaxError(Kind.SyntaxError, "unexpected EOF while parsing", src.filename(), line,
                    src.charCol(line, at) + 2, line, -1, src.lineText(line), false, true);
        }
    }

    /**
     * Runs a start rule and settles its error as _PyPegen_set_syntax_error and
     * _PyPegen_raise_error_known_location do. An error the parser raised (not one the tokenizer
     * raised on reaching the end of input) gives way to "'(' was never closed" when a bracket is
     * still open at the end of the source and the last token the parser read lies on a later line
     * than that bracket (CPython tokenizes the rest of the source after a parser error; the REPL
     * does not). The error's text line is the file's line when a file of that name exists (file
     * input), else the tokenizer's current line with its newline when the error is on it, else the
     * error's line without its newline.
     */
    private <T> T settled(Body<T> rule) {
        try {
            return rule.run();
        } catch (PySyntaxError e) {
            if (allowIncomplete && !e.tokenizerError() && furthest >= eofToken()) {
                throw incompleteInput();
            }
            if (e.tokenizerError()) {
                throw e;
            }
            PySyntaxError r = e;
            if (e != eofError && !interactive) {
                giveLexerWarnings(toks.size() - 1);  // the rest of the source is tokenized: its warnings are given
            }
            Lexer.Bracket open = lexer.unclosedBracket();
            if (e != eofError && !interactive && open != null && lastTokenRead().line() > src.lineOf(open.index())) {
                r = neverClosed();
            }
            throw withParserText(r);
        }
    }

    /**
     * warn_invalid_escape_sequence: a DeprecationWarning for an invalid escape in string token
     * {@code t}, at its line; made an error, it is a SyntaxError over the token.
     */
    void warnInvalidEscape(Token t, String message) {
        if (warnings != null) {
            warnings.add(new Compiler.Warning("DeprecationWarning", t.line(), message, withParserText(errorAtToken(message, t)), true));
        }
    }

    /** Adds the lexer's warnings for the tokens up to index {@code upTo} not given yet to {@code warnings}. */
    private void giveLexerWarnings(int upTo) {
        List<Lexer.Warning> lw = lexer.warnings();
        while (lexerWarningsGiven < lw.size() && lw.get(lexerWarningsGiven).tokenIndex() <= upTo) {
            Lexer.Warning w = lw.get(lexerWarningsGiven++);
            if (warnings != null && !fragment) {
                warnings.add(new Compiler.Warning("SyntaxWarning", w.line(), w.message(), w.asError(), true));
            }
        }
    }

    /** p->tokens[p->fill - 1]: the furthest token any rule has read. */
    private Token lastTokenRead() {
        return toks.get(Math.min(furthest, toks.size() - 1));
    }

    /** An error of the parser with the text line _PyPegen_raise_error_known_location gives it (see {@link #settled}). */
    PySyntaxError withParserText(PySyntaxError e) {
        if (e.line() < 1 || e.text() == null || !e.text().equals(src.lineText(e.line()))) {
            return e;  // no line, or not a line of the source (an f-string field's text is the field)
        }
        String text = fileInput ? fileLine(src.filename(), e.line()) : null;
        if (text == null) {
            text = src.lineText(e.line());
            if (text == null) {
                return e;
            }
            Token last = lastTokenRead();
            int tokenizerLine = last.type() == TokenType.ENDMARKER ? src.lineCount() : last.endLine();
            if (e.line() < tokenizerLine) {
                if (text.endsWith("\n")) {
                    text = text.substring(0, text.length() - 1);
                }
            } else {
                // the tokenizer's buffer: from the line where it last started reading at a token boundary
                StringBuilder buffer = new StringBuilder();
                for (int l = lexer.bufferStartLine(e.line()); l < e.line(); l++) {
                    buffer.append(src.lineText(l));
                }
                text = buffer.append(text).toString();
                if (fileInput && !text.endsWith("\n")) {
                    text += "\n";  // file input gets a newline at its end
                }
            }
        }
        int endColumn = strSource && e.endLine() != e.line() && e.endColumn() > 0 ? endColumnOnErrorLine(e, text) : e.endColumn();
        if (text.equals(e.text()) && endColumn == e.endColumn()) {
            return e;
        }
        return new PySyntaxError(e.kind(), e.msg(), e.filename(), e.line(), e.column(), e.endLine(), endColumn, text,
                e.tokenizerError(), e.incomplete());
    }

    /**
     * The end_offset of an error over several lines as 3.11 gives it: the end's 1-based byte column
     * (on the end line) is turned into characters on the error's text, the start line
     * (for a str source; {@link #STR_SOURCE})
     * (_PyPegen_byte_offset_to_character_offset), and cut at that text's length plus one, so
     * {@code foo(a, z\n for z in\n range(10), b)} compiled from a str ends at 9, one past
     * {@code foo(a, z}.
     */
    private int endColumnOnErrorLine(PySyntaxError e, String text) {
        String endText = src.lineText(e.endLine());
        if (endText == null) {
            return e.endColumn();
        }
        int cps = e.endColumn() - 1;  // code points before the end on its line
        int have = endText.codePointCount(0, endText.length());
        int bytes = endText.substring(0, endText.offsetByCodePoints(0, Math.min(cps, have)))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8).length + Math.max(0, cps - have);
        byte[] tb = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int n = Math.min(bytes + 1, tb.length + 1);  // the 1-based byte offset, at most one past the text (its NUL)
        if (n > tb.length) {
            return text.codePointCount(0, text.length()) + (n - tb.length);
        }
        String prefix = new String(tb, 0, n, java.nio.charset.StandardCharsets.UTF_8);  // a cut character is one U+FFFD
        return prefix.codePointCount(0, prefix.length());
    }

    /**
     * Line {@code line} of the file named {@code filename} as the file has it (with its newline, none
     * on a last line without one), or null (no such file or line).
     */
    private static String fileLine(String filename, int line) {
        try {
            java.nio.file.Path p = java.nio.file.Path.of(filename);
            if (!java.nio.file.Files.isRegularFile(p)) {
                return null;
            }
            String all = java.nio.file.Files.readString(p);
            int start = 0;
            for (int i = 1; i < line; i++) {
                int nl = all.indexOf('\n', start);
                if (nl < 0) {
                    return null;
                }
                start = nl + 1;
            }
            if (start >= all.length()) {
                return null;
            }
            int nl = all.indexOf('\n', start);
            return nl < 0 ? all.substring(start) : all.substring(start, nl + 1);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private PySyntaxError neverClosed() {
        Lexer.Bracket b = lexer.unclosedBracket();
        int line = src.lineOf(b.index());
        return new PySyntaxError(Kind.SyntaxError, "'" + b.ch() + "' was never closed", src.filename(), line,
                src.charCol(line, b.index()) + 1, line, 0, src.lineText(line), false, true);
    }

    private Token next() {
        Token t = peek();
        if (p < toks.size() - 1) {
            p++;
        }
        return t;
    }

    private Token prev() {
        return toks.get(Math.max(0, p - 1));
    }

    private int mark() {
        return p;
    }

    private void reset(int mark) {
        p = mark;
    }

    private boolean at(String op) {
        return peek().isOp(op);
    }

    private boolean atKw(String kw) {
        return peek().isName(kw);
    }

    private boolean accept(String op) {
        if (at(op)) {
            next();
            return true;
        }
        return false;
    }

    private boolean acceptKw(String kw) {
        if (atKw(kw)) {
            next();
            return true;
        }
        return false;
    }

    /** Consumes the operator {@code op} or raises {@code msg} (null: generic invalid syntax) at the current token. */
    private Token consume(String op, String msg) {
        if (!at(op)) {
            throw msg == null ? invalidSyntax() : errorAtToken(msg, peek());
        }
        return next();
    }

    /**
     * The ':' of a block header whose 3.11 invalid_*_stmt rule says "expected ':'" only when the line
     * ends where the ':' should be (if, elif, while, for, with, except, class, match, case); any
     * other token there is the generic error. (def, try, else and finally force it: {@code &&':'}.)
     */
    private Token colonEndingTheLine() {
        if (at(":")) {
            return next();
        }
        if (peek().type() == TokenType.NEWLINE) {
            throw errorAtToken("expected ':'", peek());
        }
        throw invalidSyntax();
    }

    private Token consumeKw(String kw, String msg) {
        if (!atKw(kw)) {
            throw msg == null ? invalidSyntax() : errorAtToken(msg, peek());
        }
        return next();
    }

    private boolean atName() {
        Token t = peek();
        return t.type() == TokenType.NAME && !KEYWORDS.contains(t.text());
    }

    /** NAME: an identifier that is not a keyword. */
    private Token name() {
        if (!atName()) {
            throw invalidSyntax();
        }
        return next();
    }

    private static Pos pos(Token a, Token b) {
        return new Pos(a.line(), a.col(), b.endLine(), b.endCol());
    }

    private Pos from(Token start) {
        return pos(start, prev());
    }

    private static Pos span(Pos a, Pos b) {
        return Pos.span(a, b);
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw errorAtToken("expression nested too deeply (source too complex to parse)", peek());
        }
    }

    private void leave() {
        depth--;
    }

    // ================================================================== errors

    PySyntaxError errorAtToken(String msg, Token t) {
        return errorAt(Kind.SyntaxError, msg, t.line(), t.col(), t.endLine(), t.endCol());
    }

    PySyntaxError errorAt(Pos a, Pos b, String msg) {
        return errorAt(Kind.SyntaxError, msg, a.lineno(), a.colOffset(), b.endLineno(), b.endColOffset());
    }

    PySyntaxError errorAt(Kind kind, String msg, int line, int byteCol, int endLine, int endByteCol) {
        int col = src.charColOfByteCol(line, byteCol) + 1;
        int endCol = src.charColOfByteCol(endLine, endByteCol) + 1;
        return new PySyntaxError(kind, msg, src.filename(), line, col, endLine, endCol, src.lineText(line), false, false);
    }

    private PySyntaxError unsupported(String construct, Token t) {
        return errorAtToken(construct + " is not supported by refheap", t);
    }

    /** The generic error, at the furthest token examined, with CPython's special cases. */
    private PySyntaxError invalidSyntax() {
        Token t = toks.get(Math.min(furthest, toks.size() - 1));
        if (t.type() == TokenType.INDENT) {
            String lt = src.lineText(t.line());
            return new PySyntaxError(Kind.IndentationError, "unexpected indent", src.filename(), t.line(),
                    src.charColOfByteCol(t.line(), t.endCol()), t.line(), -1, lt, false, false);
        }
        if (t.type() == TokenType.DEDENT) {
            return errorAt(Kind.IndentationError, "unexpected unindent", t.line(), t.col(), t.line(), t.col());
        }
        if (t.type() == TokenType.ENDMARKER) {
            PySyntaxError e = errorAt(Kind.SyntaxError, "invalid syntax", t.line(), t.col(), t.endLine(), t.endCol());
            return withIncomplete(e);
        }
        return errorAtToken("invalid syntax", t);
    }

    private static PySyntaxError withIncomplete(PySyntaxError e) {
        return new PySyntaxError(e.kind(), e.msg(), e.filename(), e.line(), e.column(), e.endLine(), e.endColumn(),
                e.text(), e.tokenizerError(), true);
    }

    // ================================================================== statements

    /** statement: compound_stmt | simple_stmts */
    private void statement(List<Stmt> out) {
        Token t = peek();
        if (t.type() == TokenType.INDENT) {
            throw invalidSyntax();
        }
        if (t.type() == TokenType.NAME) {
            Stmt compound = switch (t.text()) {
                case "def" -> functionDef(List.of(), t);
                case "if" -> ifStmt();
                case "class" -> classDef(List.of(), t);
                case "with" -> withStmt();
                case "for" -> forStmt();
                case "try" -> tryStmt();
                case "while" -> whileStmt();
                case "async" -> asyncStmt(List.of(), t);
                case "match" -> matchStmt();
                default -> null;
            };
            if (compound != null) {
                out.add(compound);
                return;
            }
        } else if (t.isOp("@")) {
            out.add(decorated());
            return;
        }
        if (t.type() == TokenType.NAME && t.text().equals("match")) {
            int at = p;
            try {
                simpleStmts(out);
            } catch (PySyntaxError e) {
                throw invalidMatchStmt(at, e);
            }
            return;
        }
        simpleStmts(out);
    }

    /**
     * A line that begins with the name {@code match} and is neither a match header nor a simple
     * statement: 3.11's second pass tries invalid_match_stmt ({@code "match" subject_expr NEWLINE}:
     * "expected ':'" at the NEWLINE) before the simple statement's own error, so a subject that
     * parses up to the end of the line gives that message, an error of the subject's own rules
     * wins, and otherwise the simple statement's error stands (the generic one at the furthest
     * token either attempt read). {@code at} is the {@code match} token's index.
     */
    private PySyntaxError invalidMatchStmt(int at, PySyntaxError simple) {
        p = at + 1;
        try {
            Expr first = starNamedExpression();
            boolean subject = !(first instanceof Expr.Starred);
            if (at(",")) {
                subject = true;
                while (accept(",") && peek().type() != TokenType.NEWLINE) {
                    starNamedExpression();
                }
            }
            if (subject && peek().type() == TokenType.NEWLINE) {
                return errorAtToken("expected ':'", peek());
            }
        } catch (PySyntaxError e) {
            if (!isGeneric(e)) {
                return e;
            }
        }
        return isGeneric(simple) ? invalidSyntax() : simple;
    }

    private static boolean isGeneric(PySyntaxError e) {
        return e.kind() == Kind.SyntaxError && e.msg().equals("invalid syntax");
    }

    /**
     * match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT. 'match' is a soft keyword:
     * unless the line is a {@code match subject:} header, it is a name and null is returned.
     */
    private Stmt matchStmt() {
        int i = p + 1;
        Token second = toks.get(Math.min(i, toks.size() - 1));
        if (second.type() == TokenType.NEWLINE || second.type() == TokenType.ENDMARKER
                || (second.type() == TokenType.OP && NOT_A_MATCH_SUBJECT.contains(second.text()))) {
            return null;
        }
        while (i < toks.size() && toks.get(i).type() != TokenType.NEWLINE && toks.get(i).type() != TokenType.ENDMARKER) {
            i++;
        }
        if (!(i < toks.size() && i > 0 && toks.get(i - 1).isOp(":") && toks.get(i).type() == TokenType.NEWLINE)) {
            return null;
        }
        Token t = next();
        Token start = peek();
        Expr subject;
        Expr first = starNamedExpression();
        if (at(",")) {
            List<Expr> elts = new ArrayList<>();
            elts.add(first);
            while (accept(",")) {
                if (at(":")) {
                    break;
                }
                elts.add(starNamedExpression());
            }
            subject = new Expr.Tuple(elts, ExprContext.Load, from(start));
        } else {
            if (first instanceof Expr.Starred) {
                throw invalidSyntax();
            }
            subject = first;
        }
        colonEndingTheLine();
        if (peek().type() != TokenType.NEWLINE) {
            throw invalidSyntax();
        }
        next();
        if (peek().type() != TokenType.INDENT) {
            Token at = peek();
            throw new PySyntaxError(Kind.IndentationError, "expected an indented block after 'match' statement on line "
                    + t.line(), src.filename(), at.line(), src.charColOfByteCol(at.line(), at.col()) + 1, at.line(), -1,
                    src.lineText(at.line()), false, onlyDedentsLeft());
        }
        next();
        List<dev.refheap.lang.ast.MatchCase> cases = new ArrayList<>();
        List<Stmt> lastBody = List.of();
        while (atKw("case")) {
            Token c = next();
            dev.refheap.lang.ast.Pattern pattern = patterns();
            Expr guard = acceptKw("if") ? namedExpression() : null;
            colonEndingTheLine();
            lastBody = block("'case' statement", c);
            cases.add(new dev.refheap.lang.ast.MatchCase(pattern, guard, lastBody));
        }
        if (cases.isEmpty() || (peek().type() != TokenType.DEDENT && peek().type() != TokenType.ENDMARKER)) {
            throw invalidSyntax();
        }
        Pos pos = endOf(t, lastBody);
        if (peek().type() == TokenType.DEDENT) {
            next();
        }
        return new Stmt.Match(subject, cases, pos);
    }

    /** patterns: open_sequence_pattern | pattern */
    private dev.refheap.lang.ast.Pattern patterns() {
        Token start = peek();
        dev.refheap.lang.ast.Pattern first = maybeStarPattern();
        if (!at(",")) {
            if (first instanceof dev.refheap.lang.ast.Pattern.MatchStar) {
                throw invalidSyntax();
            }
            return first;
        }
        List<dev.refheap.lang.ast.Pattern> items = new ArrayList<>();
        items.add(first);
        while (accept(",")) {
            if (at(":") || atKw("if")) {
                break;
            }
            items.add(maybeStarPattern());
        }
        return new dev.refheap.lang.ast.Pattern.MatchSequence(items, from(start));
    }

    /** maybe_star_pattern: star_pattern | pattern */
    private dev.refheap.lang.ast.Pattern maybeStarPattern() {
        if (at("*")) {
            Token s = next();
            Token n = name();
            return new dev.refheap.lang.ast.Pattern.MatchStar(n.text().equals("_") ? null : n.text(), from(s));
        }
        return pattern();
    }

    /** pattern: or_pattern 'as' pattern_capture_target | or_pattern */
    private dev.refheap.lang.ast.Pattern pattern() {
        Token start = peek();
        enter();
        try {
            dev.refheap.lang.ast.Pattern or = orPattern();
            if (acceptKw("as")) {
                if (peek().type() != TokenType.NAME) {
                    // invalid_as_pattern: or_pattern 'as' !NAME expression
                    Expr bad = expression();
                    throw errorAt(bad.pos(), bad.pos(), "invalid pattern target");
                }
                Token n = captureTarget();
                return new dev.refheap.lang.ast.Pattern.MatchAs(or, n.text(), from(start));
            }
            return or;
        } finally {
            leave();
        }
    }

    /** pattern_capture_target: !"_" NAME !('.' | '(' | '=') */
    private Token captureTarget() {
        Token n = peek();
        if (n.isName("_")) {
            throw errorAtToken("cannot use '_' as a target", n);
        }
        name();
        if (at(".") || at("(") || at("=")) {
            throw invalidSyntax();
        }
        return n;
    }

    /** or_pattern: '|'.closed_pattern+ */
    private dev.refheap.lang.ast.Pattern orPattern() {
        Token start = peek();
        dev.refheap.lang.ast.Pattern first = closedPattern();
        if (!at("|")) {
            return first;
        }
        List<dev.refheap.lang.ast.Pattern> alts = new ArrayList<>();
        alts.add(first);
        while (accept("|")) {
            alts.add(closedPattern());
        }
        return new dev.refheap.lang.ast.Pattern.MatchOr(alts, from(start));
    }

    /** closed_pattern: literal | capture | wildcard | value | group | sequence | mapping | class */
    private dev.refheap.lang.ast.Pattern closedPattern() {
        Token t = peek();
        if (t.type() == TokenType.NUMBER || t.isOp("-") || t.type() == TokenType.STRING) {
            Expr v = literalExpr();
            return new dev.refheap.lang.ast.Pattern.MatchValue(v, v.pos());
        }
        if (t.isName("None") || t.isName("True") || t.isName("False")) {
            next();
            Object v = t.text().equals("None") ? Special.None : Boolean.valueOf(t.text().equals("True"));
            return new dev.refheap.lang.ast.Pattern.MatchSingleton(v, pos(t, t));
        }
        if (t.isName("_")) {
            next();
            return new dev.refheap.lang.ast.Pattern.MatchAs(null, null, pos(t, t));
        }
        if (t.type() == TokenType.NAME) {
            Expr e = nameOrAttr();
            if (at("(")) {
                return classPattern(t, e);
            }
            if (e instanceof Expr.Name n) {
                if (at("=")) {
                    throw invalidSyntax();
                }
                return new dev.refheap.lang.ast.Pattern.MatchAs(null, n.id(), n.pos());
            }
            return new dev.refheap.lang.ast.Pattern.MatchValue(e, e.pos());
        }
        if (t.isOp("(")) {
            next();
            if (at(")")) {
                next();
                return new dev.refheap.lang.ast.Pattern.MatchSequence(List.of(), from(t));
            }
            dev.refheap.lang.ast.Pattern first = maybeStarPattern();
            if (accept(")")) {
                if (first instanceof dev.refheap.lang.ast.Pattern.MatchStar) {
                    throw invalidSyntax();
                }
                return first;
            }
            List<dev.refheap.lang.ast.Pattern> items = new ArrayList<>();
            items.add(first);
            consume(",", null);
            while (!at(")")) {
                items.add(maybeStarPattern());
                if (!accept(",")) {
                    break;
                }
            }
            consume(")", null);
            return new dev.refheap.lang.ast.Pattern.MatchSequence(items, from(t));
        }
        if (t.isOp("[")) {
            next();
            List<dev.refheap.lang.ast.Pattern> items = new ArrayList<>();
            while (!at("]")) {
                items.add(maybeStarPattern());
                if (!accept(",")) {
                    break;
                }
            }
            consume("]", null);
            return new dev.refheap.lang.ast.Pattern.MatchSequence(items, from(t));
        }
        if (t.isOp("{")) {
            return mappingPattern();
        }
        throw invalidSyntax();
    }

    /** literal_expr: signed_number | strings | 'None' | 'True' | 'False' (as expressions, for values and keys) */
    private Expr literalExpr() {
        Token t = peek();
        if (t.isOp("-")) {
            next();
            Token n = peek();
            if (n.type() != TokenType.NUMBER) {
                throw invalidSyntax();
            }
            next();
            return new Expr.UnaryOp(UnaryOperator.USub, new Expr.Constant(n.value(), null, pos(n, n)), from(t));
        }
        if (t.type() == TokenType.NUMBER) {
            next();
            if (at("+") || at("-")) {
                throw errorAtToken("complex literal patterns are not supported by refheap", peek());
            }
            return new Expr.Constant(t.value(), null, pos(t, t));
        }
        if (t.type() == TokenType.STRING) {
            return strings();
        }
        if (t.isName("None") || t.isName("True") || t.isName("False")) {
            next();
            Object v = t.text().equals("None") ? Special.None : Boolean.valueOf(t.text().equals("True"));
            return new Expr.Constant(v, null, pos(t, t));
        }
        throw invalidSyntax();
    }

    /** name_or_attr: NAME ('.' NAME)* */
    private Expr nameOrAttr() {
        Token start = name();
        Expr e = new Expr.Name(start.text(), ExprContext.Load, pos(start, start));
        while (accept(".")) {
            Token n = name();
            e = new Expr.Attribute(e, n.text(), ExprContext.Load, from(start));
        }
        return e;
    }

    /** class_pattern: name_or_attr '(' [positional_patterns] [keyword_patterns] ')' */
    private dev.refheap.lang.ast.Pattern classPattern(Token start, Expr cls) {
        next();
        List<dev.refheap.lang.ast.Pattern> positional = new ArrayList<>();
        List<String> kwdAttrs = new ArrayList<>();
        List<dev.refheap.lang.ast.Pattern> kwdPatterns = new ArrayList<>();
        while (!at(")")) {
            if (peek().type() == TokenType.NAME && peek(1).isOp("=")) {
                Token k = name();
                next();
                kwdAttrs.add(k.text());
                kwdPatterns.add(pattern());
            } else {
                Token pstart = peek();
                dev.refheap.lang.ast.Pattern q = pattern();
                if (!kwdAttrs.isEmpty()) {
                    throw errorAt(q.pos(), q.pos(), "positional patterns follow keyword patterns");
                }
                positional.add(q);
            }
            if (!accept(",")) {
                break;
            }
        }
        consume(")", null);
        return new dev.refheap.lang.ast.Pattern.MatchClass(cls, positional, kwdAttrs, kwdPatterns, from(start));
    }

    /** mapping_pattern: '{' [items_pattern] [double_star_pattern] [','] '}' */
    private dev.refheap.lang.ast.Pattern mappingPattern() {
        Token open = next();
        List<Expr> keys = new ArrayList<>();
        List<dev.refheap.lang.ast.Pattern> values = new ArrayList<>();
        String rest = null;
        while (!at("}")) {
            if (at("**")) {
                next();
                if (peek().isName("_")) {
                    throw errorAtToken("invalid syntax", peek());  // '**' pattern_capture_target: never '_'
                }
                rest = captureTarget().text();
                accept(",");
                break;
            }
            Expr key;
            if (peek().type() == TokenType.NAME && !peek().isName("None") && !peek().isName("True")
                    && !peek().isName("False")) {
                key = nameOrAttr();
                if (!(key instanceof Expr.Attribute)) {
                    throw invalidSyntax();
                }
            } else {
                key = literalExpr();
            }
            consume(":", null);
            keys.add(key);
            values.add(pattern());
            if (!accept(",")) {
                break;
            }
        }
        consume("}", null);
        return new dev.refheap.lang.ast.Pattern.MatchMapping(keys, values, rest, from(open));
    }

    /** simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
    private void simpleStmts(List<Stmt> out) {
        while (true) {
            out.add(simpleStmt());
            if (!accept(";")) {
                break;
            }
            if (peek().type() == TokenType.NEWLINE) {
                break;
            }
        }
        if (peek().type() != TokenType.NEWLINE) {
            throw invalidSyntax();
        }
        next();
    }

    /** simple_stmt: assignment | star_expressions | return | import | raise | pass | del | yield | assert | ... */
    private Stmt simpleStmt() {
        Token t = peek();
        if (t.type() == TokenType.NAME) {
            switch (t.text()) {
                case "return": return returnStmt();
                case "import": return importName();
                case "from": return importFrom();
                case "raise": return raiseStmt();
                case "pass": next(); return new Stmt.Pass(pos(t, t));
                case "del": return delStmt();
                case "assert": return assertStmt();
                case "break": next(); return new Stmt.Break(pos(t, t));
                case "continue": next(); return new Stmt.Continue(pos(t, t));
                case "global": return globalStmt();
                case "nonlocal": return nonlocalStmt();
                case "async": throw invalidSyntax();
                default: break;
            }
        }
        return assignment();
    }

    /** assignment | star_expressions: an expression statement, an (augmented/annotated) assignment. */
    private Stmt assignment() {
        Token start = peek();
        Expr first = atKw("yield") ? yieldExpr() : starExpressions();
        if (at(":")) {
            return annAssign(start, first);
        }
        if (at("=")) {
            return assign(start, first);
        }
        Operator aug = peek().type() == TokenType.OP ? AUG_OPS.get(peek().text()) : null;
        if (aug != null) {
            return augAssign(start, first, aug);
        }
        legacyPrint(first);
        return new Stmt.ExprStmt(first, from(start));
    }

    /** invalid_legacy_expression: {@code print x} / {@code exec x}. */
    private void legacyPrint(Expr e) {
        if (e instanceof Expr.Name n && (n.id().equals("print") || n.id().equals("exec")) && startsExpression(peek())) {
            Expr arg = starExpressions();
            throw errorAt(e.pos(), arg.pos(), "Missing parentheses in call to '" + n.id() + "'. Did you mean "
                    + n.id() + "(...)?");
        }
    }

    private Stmt annAssign(Token start, Expr target) {
        Token colon = next();
        boolean legal = target instanceof Expr.Name || target instanceof Expr.Attribute || target instanceof Expr.Subscript;
        if (!legal && (!startsExpression(peek()) || peek().isOp("*") || peek().isName("yield"))) {
            // 3.11's invalid_assignment rules need an expression after the ':'; without one the
            // error is the first pass's, at the ':'
            throw errorAtToken("invalid syntax", colon);
        }
        if (target instanceof Expr.Tuple || target instanceof Expr.List) {
            String what = target instanceof Expr.Tuple ? "tuple" : "list";
            // a bare tuple is reported at its first item (star_named_expression ',' ... ':' expression)
            Pos at = target instanceof Expr.Tuple tu && !parenthesized.containsKey(target) && !tu.elts().isEmpty()
                    ? tu.elts().get(0).pos() : target.pos();
            throw errorAt(at, at, "only single target (not " + what + ") can be annotated");
        }
        if (!(target instanceof Expr.Name || target instanceof Expr.Attribute || target instanceof Expr.Subscript)) {
            throw errorAt(target.pos(), target.pos(), "illegal target for annotation");
        }
        Expr annotation = expression();
        Expr value = null;
        if (accept("=")) {
            value = atKw("yield") ? yieldExpr() : starExpressions();
        }
        int simple = target instanceof Expr.Name && !parenthesized.containsKey(target) ? 1 : 0;
        return new Stmt.AnnAssign(Targets.store(this, target, Targets.Kind.STAR), annotation, value, simple, from(start));
    }

    private Stmt assign(Token start, Expr first) {
        List<Expr> targets = new ArrayList<>();
        targets.add(first);
        Expr value;
        while (true) {
            next();
            value = atKw("yield") ? yieldExpr() : starExpressions();
            if (!at("=")) {
                break;
            }
            targets.add(value);
        }
        if (!(peek().type() == TokenType.NEWLINE || at(";"))) {
            throw invalidSyntax();
        }
        List<Expr> stored = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Expr target = targets.get(i);
            boolean maybeEq = targets.size() == 1;
            stored.add(Targets.storeAssignTarget(this, target, maybeEq, value));
        }
        return new Stmt.Assign(stored, value, from(start));
    }

    private Stmt augAssign(Token start, Expr target, Operator op) {
        next();
        if (!(target instanceof Expr.Name || target instanceof Expr.Attribute || target instanceof Expr.Subscript)) {
            throw errorAt(target.pos(), target.pos(), "'" + Targets.exprName(target)
                    + "' is an illegal expression for augmented assignment");
        }
        Expr value = atKw("yield") ? yieldExpr() : starExpressions();
        return new Stmt.AugAssign(Targets.store(this, target, Targets.Kind.STAR), op, value, from(start));
    }

    /** return_stmt: 'return' [star_expressions] */
    private Stmt returnStmt() {
        Token t = next();
        Expr value = startsExpression(peek()) ? starExpressions() : null;
        return new Stmt.Return(value, from(t));
    }

    /** raise_stmt: 'raise' expression ['from' expression] | 'raise' */
    private Stmt raiseStmt() {
        Token t = next();
        Expr exc = null;
        Expr cause = null;
        if (startsExpression(peek())) {
            exc = expression();
            if (acceptKw("from")) {
                cause = expression();
            }
        }
        return new Stmt.Raise(exc, cause, from(t));
    }

    /** del_stmt: 'del' del_targets */
    private Stmt delStmt() {
        Token t = next();
        int m = mark();
        List<Expr> targets = new ArrayList<>();
        try {
            do {
                if (peek().type() == TokenType.NEWLINE || at(";")) {
                    break;
                }
                Expr e = bitwiseOr();
                targets.add(Targets.store(this, e, Targets.Kind.DEL));
            } while (accept(","));
            if (targets.isEmpty()) {
                throw invalidSyntax();
            }
            if (!(peek().type() == TokenType.NEWLINE || at(";"))) {
                throw invalidSyntax();
            }
        } catch (PySyntaxError e) {
            // invalid_del_stmt: the statement read again as star_expressions names its first part
            // that cannot be deleted ("cannot delete starred", "... conditional expression")
            reset(m);
            Expr all;
            try {
                all = starExpressions();
            } catch (PySyntaxError other) {
                throw e;
            }
            Expr bad = Targets.invalid(all, Targets.Kind.DEL);
            if (bad != null) {
                throw Targets.error(this, bad, Targets.Kind.DEL);
            }
            throw e;
        }
        return new Stmt.Delete(targets, from(t));
    }

    /** assert_stmt: 'assert' expression [',' expression] */
    private Stmt assertStmt() {
        Token t = next();
        Expr test = expression();
        Expr msg = accept(",") ? expression() : null;
        return new Stmt.Assert(test, msg, from(t));
    }

    /** global_stmt: 'global' ','.NAME+ */
    private Stmt globalStmt() {
        Token t = next();
        return new Stmt.Global(nameList(), from(t));
    }

    /** nonlocal_stmt: 'nonlocal' ','.NAME+ */
    private Stmt nonlocalStmt() {
        Token t = next();
        return new Stmt.Nonlocal(nameList(), from(t));
    }

    private List<String> nameList() {
        List<String> names = new ArrayList<>();
        do {
            names.add(name().text());
        } while (accept(","));
        return names;
    }

    /** import_name: 'import' dotted_as_names */
    private Stmt importName() {
        Token t = next();
        List<Alias> names = new ArrayList<>();
        do {
            Token start = peek();
            String dotted = dottedName();
            String as = acceptKw("as") ? name().text() : null;
            names.add(new Alias(dotted, as, from(start)));
        } while (accept(","));
        return new Stmt.Import(names, from(t));
    }

    /** dotted_name: dotted_name '.' NAME | NAME */
    private String dottedName() {
        StringBuilder b = new StringBuilder(name().text());
        while (accept(".")) {
            b.append('.').append(name().text());
        }
        return b.toString();
    }

    /** import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets | 'from' ('.' | '...')+ 'import' ... */
    private Stmt importFrom() {
        Token t = next();
        int level = 0;
        while (at(".") || at("...")) {
            level += next().text().length();
        }
        String module = null;
        if (level == 0 || !atKw("import")) {
            module = dottedName();
        }
        consumeKw("import", null);
        List<Alias> names = new ArrayList<>();
        if (at("*")) {
            Token star = next();
            names.add(new Alias("*", null, pos(star, star)));
        } else if (accept("(")) {
            importFromAsNames(names, true);
            consume(")", null);
        } else {
            importFromAsNames(names, false);
        }
        return new Stmt.ImportFrom(module, names, level, from(t));
    }

    /** import_from_as_names: ','.import_from_as_name+, with an optional trailing comma only inside parentheses. */
    private void importFromAsNames(List<Alias> names, boolean parenthesized) {
        while (true) {
            Token start = name();
            String as = acceptKw("as") ? name().text() : null;
            names.add(new Alias(start.text(), as, from(start)));
            if (!at(",")) {
                return;
            }
            Token comma = next();
            if (parenthesized && at(")")) {
                return;
            }
            if (!parenthesized && (peek().type() == TokenType.NEWLINE || at(";"))) {
                throw errorAt(Kind.SyntaxError, "trailing comma not allowed without surrounding parentheses",
                        comma.line(), comma.endCol(), comma.line(), comma.endCol());
            }
        }
    }

    // ---------------------------------------------------------------- compound statements

    /** block: NEWLINE INDENT statements DEDENT | simple_stmts */
    private List<Stmt> block(String what, Token header) {
        List<Stmt> body = new ArrayList<>();
        if (peek().type() != TokenType.NEWLINE) {
            simpleStmts(body);
            return body;
        }
        next();
        if (peek().type() != TokenType.INDENT) {
            Token t = peek();
            String msg = "expected an indented block after " + what + " on line " + header.line();
            boolean eof = onlyDedentsLeft();
            Token at = eof ? toks.get(toks.size() - 1) : t;
            // At end of file CPython (reading a file) reports no column; otherwise a single caret.
            // Otherwise the error is at the token read, to its end (RAISE_INDENTATION_ERROR at p->tokens[p->fill - 1]).
            int col = eof ? 0 : src.charColOfByteCol(at.line(), at.col()) + 1;
            int endCol = eof ? -1 : src.charColOfByteCol(at.endLine(), at.endCol()) + 1;
            throw new PySyntaxError(Kind.IndentationError, msg, src.filename(), at.line(), col, eof ? at.line() : at.endLine(),
                    endCol, src.lineText(at.line()), false, eof);
        }
        next();
        while (peek().type() != TokenType.DEDENT && peek().type() != TokenType.ENDMARKER) {
            statement(body);
        }
        if (peek().type() == TokenType.DEDENT) {
            next();
        } else if (noImpliedDedents) {
            throw invalidSyntax();  // PyCF_DONT_IMPLY_DEDENT: the block is not closed
        }
        return body;
    }

    private boolean onlyDedentsLeft() {
        for (int i = p; i < toks.size(); i++) {
            TokenType type = toks.get(i).type();
            if (type != TokenType.DEDENT && type != TokenType.ENDMARKER) {
                return false;
            }
        }
        return true;
    }

    /** A compound statement's span: from its first token to the last token that is not NEWLINE/INDENT/DEDENT. */
    private Pos endOf(Token start, List<Stmt> body) {
        int i = p - 1;
        while (i > 0 && (toks.get(i).type() == TokenType.NEWLINE || toks.get(i).type() == TokenType.INDENT
                || toks.get(i).type() == TokenType.DEDENT)) {
            i--;
        }
        Token last = toks.get(i);
        return new Pos(start.line(), start.col(), last.endLine(), last.endCol());
    }

    /** if_stmt: 'if' named_expression ':' block elif_stmt | 'if' named_expression ':' block [else_block] */
    private Stmt ifStmt() {
        Token t = next();
        Expr test = namedExpression();
        colonEndingTheLine();
        List<Stmt> body = block("'if' statement", t);
        List<Stmt> orelse = elifOrElse();
        return new Stmt.If(test, body, orelse, endOf(t, orelse.isEmpty() ? body : orelse));
    }

    /** elif_stmt | else_block */
    private List<Stmt> elifOrElse() {
        if (atKw("elif")) {
            Token t = next();
            Expr test = namedExpression();
            colonEndingTheLine();
            List<Stmt> body = block("'elif' statement", t);
            List<Stmt> orelse = elifOrElse();
            return List.of(new Stmt.If(test, body, orelse, endOf(t, orelse.isEmpty() ? body : orelse)));
        }
        return elseBlock();
    }

    /** else_block: 'else' ':' block */
    private List<Stmt> elseBlock() {
        if (!atKw("else")) {
            return List.of();
        }
        Token t = next();
        consume(":", "expected ':'");
        return block("'else' statement", t);
    }

    /** while_stmt: 'while' named_expression ':' block [else_block] */
    private Stmt whileStmt() {
        Token t = next();
        Expr test = namedExpression();
        colonEndingTheLine();
        List<Stmt> body = block("'while' statement", t);
        List<Stmt> orelse = elseBlock();
        return new Stmt.While(test, body, orelse, endOf(t, orelse.isEmpty() ? body : orelse));
    }

    /** for_stmt: 'for' star_targets 'in' ~ star_expressions ':' block [else_block] */
    private Stmt forStmt() {
        Token t = next();
        Expr target = starTargets();
        consumeKw("in", null);
        Expr iter = starExpressions();
        colonEndingTheLine();
        List<Stmt> body = block("'for' statement", t);
        List<Stmt> orelse = elseBlock();
        return new Stmt.For(target, iter, body, orelse, endOf(t, orelse.isEmpty() ? body : orelse));
    }

    /**
     * star_targets as used by 'for' and comprehensions: parsed as expressions, then checked and
     * stored. When they do not parse, invalid_for_target reads them again as star_expressions and
     * names the first part that cannot be a target ("cannot assign to conditional expression").
     */
    private Expr starTargets() {
        int m = mark();
        Expr targets;
        try {
            targets = starTargets1();
        } catch (PySyntaxError e) {
            throw invalidForTarget(m, e);
        }
        if (!atKw("in")) {
            int after = mark();
            PySyntaxError e = invalidForTarget(m, null);
            if (e != null) {
                throw e;
            }
            reset(after);
        }
        return targets;
    }

    /** invalid_for_target from the mark: its error, else {@code otherwise}. */
    private PySyntaxError invalidForTarget(int m, PySyntaxError otherwise) {
        int far = furthest;  // (a look that finds nothing leaves the generic error where it was)
        reset(m);
        Expr bad;
        try {
            bad = Targets.invalidForTarget(starExpressions());
        } catch (PySyntaxError other) {
            bad = null;
        }
        if (bad != null) {
            return Targets.error(this, bad, Targets.Kind.FOR);
        }
        furthest = far;
        return otherwise;
    }

    private Expr starTargets1() {
        Token start = peek();
        Expr first = starTarget();
        if (!at(",")) {
            return Targets.store(this, first, Targets.Kind.FOR);
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(",")) {
            if (atKw("in") || at("=")) {
                break;
            }
            elts.add(starTarget());
        }
        return Targets.store(this, new Expr.Tuple(elts, ExprContext.Load, from(start)), Targets.Kind.FOR);
    }

    private Expr starTarget() {
        if (at("*")) {
            Token s = next();
            Expr v = bitwiseOr();
            return new Expr.Starred(v, ExprContext.Load, from(s));
        }
        return bitwiseOr();
    }

    /** with_stmt: 'with' ('(' ','.with_item+ ','? ')' | ','.with_item+) ':' block */
    private Stmt withStmt() {
        Token t = next();
        List<WithItem> items = new ArrayList<>();
        if (at("(") && parenthesizedWithItems()) {
            next();
            do {
                if (at(")")) {
                    break;
                }
                items.add(withItem());
            } while (accept(","));
            consume(")", null);
        } else {
            do {
                items.add(withItem());
            } while (accept(","));
        }
        colonEndingTheLine();
        List<Stmt> body = block("'with' statement", t);
        return new Stmt.With(items, body, endOf(t, body));
    }

    /** Looks ahead to see whether {@code with (} opens a parenthesized list of items rather than an expression. */
    private boolean parenthesizedWithItems() {
        int level = 0;
        boolean sawAsOrComma = false;
        for (int i = p; i < toks.size(); i++) {
            Token t = toks.get(i);
            if (t.type() == TokenType.ENDMARKER || t.type() == TokenType.NEWLINE) {
                return false;
            }
            if (t.isOp("(") || t.isOp("[") || t.isOp("{")) {
                level++;
            } else if (t.isOp(")") || t.isOp("]") || t.isOp("}")) {
                level--;
                if (level == 0) {
                    Token after = toks.get(Math.min(i + 1, toks.size() - 1));
                    // (a NEWLINE after the ')' is invalid_with_stmt's "expected ':'" on the items)
                    return sawAsOrComma && (after.isOp(":") || after.type() == TokenType.NEWLINE);
                }
            } else if (level == 1 && (t.isName("as") || t.isOp(","))) {
                sawAsOrComma = true;
            }
        }
        return false;
    }

    /** with_item: expression 'as' star_target &(',' | ')' | ':') | expression */
    private WithItem withItem() {
        Expr ctx = expression();
        Expr vars = null;
        if (acceptKw("as")) {
            int m = mark();
            Expr target = starTarget();
            if (!(at(",") || at(")") || at(":"))) {
                // invalid_with_item: expression 'as' expression &(',' | ')' | ':') names the bad target
                int after = mark(), far = furthest;
                reset(m);
                Expr bad = null;
                try {
                    Expr whole = expression();
                    bad = at(",") || at(")") || at(":") ? Targets.invalid(whole, Targets.Kind.STAR) : null;
                } catch (PySyntaxError e) {
                    // not this error: the statement fails where it did
                }
                if (bad != null) {
                    throw Targets.error(this, bad, Targets.Kind.STAR);
                }
                reset(after);
                furthest = far;
                if (peek().type() != TokenType.NEWLINE) {
                    throw invalidSyntax();  // not a with_item (a NEWLINE is invalid_with_stmt's "expected ':'")
                }
            }
            vars = Targets.store(this, target, Targets.Kind.FOR);
        }
        return new WithItem(ctx, vars);
    }

    /**
     * try_stmt: 'try' ':' block finally_block | 'try' ':' block except_block+ [else_block] [finally_block]
     * | 'try' ':' block except_star_block+ [else_block] [finally_block]
     */
    private Stmt tryStmt() {
        Token t = next();
        consume(":", "expected ':'");
        List<Stmt> body = block("'try' statement", t);
        List<ExceptHandler> handlers = new ArrayList<>();
        Boolean star = null;
        while (atKw("except")) {
            boolean thisStar = peek(1).isOp("*");
            if (star != null && star != thisStar) {
                Token e = peek();
                throw thisStar ? errorAt(Kind.SyntaxError, "cannot have both 'except' and 'except*' on the same 'try'",
                        e.line(), e.col(), peek(1).endLine(), peek(1).endCol())
                        : errorAtToken("cannot have both 'except' and 'except*' on the same 'try'", e);
            }
            star = thisStar;
            handlers.add(exceptBlock());
        }
        List<Stmt> orelse = handlers.isEmpty() ? List.of() : elseBlock();
        List<Stmt> finalbody = List.of();
        if (atKw("finally")) {
            Token f = next();
            consume(":", "expected ':'");
            finalbody = block("'finally' statement", f);
        }
        if (handlers.isEmpty() && finalbody.isEmpty()) {
            throw errorAtToken("expected 'except' or 'finally' block", peek());
        }
        List<Stmt> last = !finalbody.isEmpty() ? finalbody : !orelse.isEmpty() ? orelse : handlers.get(handlers.size() - 1).body();
        if (star == Boolean.TRUE) {
            return new Stmt.TryStar(body, handlers, orelse, finalbody, endOf(t, last));
        }
        return new Stmt.Try(body, handlers, orelse, finalbody, endOf(t, last));
    }

    /** except_block: 'except' expression ['as' NAME] ':' block | 'except' ':' block; except_star_block: 'except' '*' expression ... */
    private ExceptHandler exceptBlock() {
        Token t = next();
        boolean star = accept("*");
        Expr type = null;
        String name = null;
        if (star && at(":")) {
            throw errorAtToken("expected one or more exception types", peek());
        }
        if (!at(":") || star) {
            if (peek().type() == TokenType.NEWLINE || (star && at(":"))) {
                // 'except' NEWLINE; 'except' '*' (NEWLINE | ':')
                throw errorAtToken(star ? "expected one or more exception types" : "expected ':'", peek());
            }
            type = expression();
            if (at(",")) {
                int m = mark();
                next();
                Expr more = expression();
                reset(m);
                throw errorAt(type.pos(), more.pos(), "multiple exception types must be parenthesized");
            }
            if (acceptKw("as")) {
                name = name().text();
            }
        }
        colonEndingTheLine();
        List<Stmt> body = block(star ? "'except*' statement" : "'except' statement", t);
        return new ExceptHandler(type, name, body, endOf(t, body));
    }

    /** decorators: ('@' named_expression NEWLINE)+, followed by a function or class definition. */
    private Stmt decorated() {
        List<Expr> decorators = new ArrayList<>();
        while (at("@")) {
            next();
            decorators.add(namedExpression());
            if (peek().type() != TokenType.NEWLINE) {
                throw invalidSyntax();
            }
            next();
        }
        Token t = peek();
        if (atKw("def")) {
            return functionDef(decorators, t);
        }
        if (atKw("class")) {
            return classDef(decorators, t);
        }
        if (atKw("async")) {
            return asyncStmt(decorators, t);
        }
        throw invalidSyntax();
    }

    /** 'async' function_def | 'async' for_stmt | 'async' with_stmt (the statement starts at 'async'). */
    private Stmt asyncStmt(List<Expr> decorators, Token t) {
        Token kw = peek(1);
        if (kw.isName("def")) {
            next();
            Stmt.FunctionDef f = (Stmt.FunctionDef) functionDef(decorators, t);
            return new Stmt.AsyncFunctionDef(f.name(), f.args(), f.body(), f.decoratorList(), f.returns(), f.pos());
        }
        if (!decorators.isEmpty()) {
            next();
            throw invalidSyntax();
        }
        if (kw.isName("for")) {
            next();
            Stmt.For f = (Stmt.For) forStmt();
            return new Stmt.AsyncFor(f.target(), f.iter(), f.body(), f.orelse(), new Pos(t.line(), t.col(),
                    f.pos().endLineno(), f.pos().endColOffset()));
        }
        if (kw.isName("with")) {
            next();
            Stmt.With w = (Stmt.With) withStmt();
            return new Stmt.AsyncWith(w.items(), w.body(), new Pos(t.line(), t.col(), w.pos().endLineno(),
                    w.pos().endColOffset()));
        }
        next();
        throw invalidSyntax();
    }

    /** function_def_raw: 'def' NAME '(' [params] ')' ['->' expression] ':' block */
    private Stmt functionDef(List<Expr> decorators, Token t) {
        next();
        Token name = name();
        consume("(", "expected '('");
        Arguments args = at(")") ? Arguments.EMPTY : params(false);
        consume(")", null);
        Expr returns = accept("->") ? expression() : null;
        consume(":", "expected ':'");
        List<Stmt> body = block("function definition", t);
        return new Stmt.FunctionDef(name.text(), args, body, decorators, returns, endOf(t, body));
    }

    /** class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block */
    private Stmt classDef(List<Expr> decorators, Token t) {
        next();
        Token name = name();
        List<Expr> bases = List.of();
        List<Keyword> keywords = List.of();
        if (at("(")) {
            Token open = next();
            CallArgs a = arguments(open, true);
            bases = a.args;
            keywords = a.keywords;
        }
        colonEndingTheLine();
        List<Stmt> body = block("class definition", t);
        return new Stmt.ClassDef(name.text(), bases, keywords, body, decorators, endOf(t, body));
    }

    // ---------------------------------------------------------------- parameters

    /**
     * params / lambda_params: positional-only parameters before '/', positional parameters, '*' or
     * '*args', keyword-only parameters, '**kwargs'. {@code lambda} parameters have no annotations.
     */
    private Arguments params(boolean lambda) {
        String end = lambda ? ":" : ")";
        List<Arg> posonly = new ArrayList<>();
        List<Arg> args = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        List<Arg> kwonly = new ArrayList<>();
        List<Expr> kwDefaults = new ArrayList<>();
        Arg vararg = null;
        Arg kwarg = null;
        boolean star = false;
        boolean slash = false;
        while (!at(end)) {
            Token t = peek();
            if (kwarg != null) {
                throw errorAtToken("arguments cannot follow var-keyword argument", t);
            }
            if (at("/")) {
                if (slash) {
                    throw errorAtToken("/ may appear only once", t);
                }
                if (star) {
                    throw errorAtToken("/ must be ahead of *", t);
                }
                if (args.isEmpty()) {
                    // invalid_parameters: a '/' first and a ',' after it
                    throw errorAtToken(peek(1).isOp(",") ? "at least one argument must precede /" : "invalid syntax", t);
                }
                next();
                if (at("*")) {
                    throw errorAtToken("expected comma between / and *", peek());
                }
                slash = true;
                posonly.addAll(args);
                args.clear();
            } else if (at("*")) {
                if (star) {
                    // invalid_star_etc: a second '*' followed by a parameter or ','; else the generic error there
                    Token after = peek(1);
                    boolean param = after.type() == TokenType.NAME && !KEYWORDS.contains(after.text());
                    throw errorAtToken(param || after.isOp(",") ? "* argument may appear only once" : "invalid syntax", t);
                }
                next();
                star = true;
                if (at(",") || at(end)) {
                    if (at(end) || peek(1).isOp("**") || peek(1).isOp(end)) {
                        throw errorAtToken("named arguments must follow bare *", t);
                    }
                } else {
                    vararg = param(lambda, true);
                    if (at("=")) {
                        throw errorAtToken("var-positional argument cannot have default value", peek());
                    }
                }
            } else if (at("**")) {
                next();
                kwarg = param(lambda, false);
                if (at("=")) {
                    throw errorAtToken("var-keyword argument cannot have default value", peek());
                }
            } else {
                if (at("(") && !star && !slash && defaults.isEmpty()) {
                    Token close = parenthesizedParams(lambda);
                    if (close != null) {
                        throw errorAt(pos(t, t), pos(close, close), lambda ? "Lambda expression parameters cannot be parenthesized"
                                : "Function parameters cannot be parenthesized");
                    }
                }
                Arg a = param(lambda, false);
                Expr dflt = null;
                if (at("=")) {
                    Token eq = next();
                    if (at(")") || at(",")) {
                        throw errorAtToken("expected default value expression", eq);  // invalid_default
                    }
                    dflt = expression();
                }
                if (star) {
                    kwonly.add(a);
                    kwDefaults.add(dflt);
                } else {
                    if (dflt == null && !defaults.isEmpty()) {
                        throw errorAt(a.pos(), a.pos(), "non-default argument follows default argument");
                    }
                    args.add(a);
                    if (dflt != null) {
                        defaults.add(dflt);
                    }
                }
            }
            if (!accept(",")) {
                break;
            }
        }
        return new Arguments(posonly, args, vararg, kwonly, kwDefaults, kwarg, defaults);
    }

    /**
     * invalid_parameters' parenthesized parameters, looked at from the '(' without consuming:
     * '(' NAME [':' annotation] (',' NAME [':' annotation])* [','] ')' (a lambda's without
     * annotations). Returns the ')' when they are there, else null (the tokens are read without
     * moving the furthest token errors are reported at).
     */
    private Token parenthesizedParams(boolean lambda) {
        int i = p + 1;
        while (true) {
            Token n = tokenAt(i);
            if (n.type() != TokenType.NAME || KEYWORDS.contains(n.text())) return null;
            i++;
            if (!lambda && tokenAt(i).isOp(":")) {
                int depth = 0;
                for (i++; ; i++) {
                    Token x = tokenAt(i);
                    if (x.type() == TokenType.ENDMARKER || x.type() == TokenType.NEWLINE) return null;
                    if (depth == 0 && (x.isOp(",") || x.isOp(")"))) break;
                    if (x.isOp("(") || x.isOp("[") || x.isOp("{")) depth++;
                    if (x.isOp(")") || x.isOp("]") || x.isOp("}")) depth--;
                }
            }
            if (tokenAt(i).isOp(",")) {
                i++;
                if (tokenAt(i).isOp(")")) return tokenAt(i);
            } else if (tokenAt(i).isOp(")")) {
                return tokenAt(i);
            } else {
                return null;
            }
        }
    }

    private Token tokenAt(int i) {
        return toks.get(Math.min(i, toks.size() - 1));
    }

    /** param: NAME annotation? (a starred annotation only for *args: {@code star}). */
    private Arg param(boolean lambda, boolean star) {
        Token n = name();
        Expr annotation = null;
        if (!lambda && accept(":")) {
            if (at("*") && !star) throw invalidSyntax();
            annotation = at("*") ? starredAnnotation() : expression();
        }
        return new Arg(n.text(), annotation, from(n));
    }

    private Expr starredAnnotation() {
        Token s = next();
        Expr v = expression();
        return new Expr.Starred(v, ExprContext.Load, from(s));
    }

    // ================================================================== expressions

    /** True when {@code t} can start an expression. */
    static boolean startsExpression(Token t) {
        return switch (t.type()) {
            case NAME -> !KEYWORDS.contains(t.text()) || Set.of("None", "True", "False", "not", "lambda", "await", "yield")
                    .contains(t.text());
            case NUMBER, STRING -> true;
            case OP -> Set.of("(", "[", "{", "-", "+", "~", "*", "...").contains(t.text());
            default -> false;
        };
    }

    /** expressions: expression (',' expression)* [','] */
    private Expr expressions() {
        Token start = peek();
        Expr first = expression();
        if (!at(",")) {
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(",")) {
            if (!startsExpression(peek())) {
                break;
            }
            elts.add(expression());
        }
        return new Expr.Tuple(elts, ExprContext.Load, from(start));
    }

    /** star_expressions: star_expression (',' star_expression)* [','] */
    private Expr starExpressions() {
        Token start = peek();
        Expr first = starExpression();
        if (!at(",")) {
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(",")) {
            if (!startsExpression(peek())) {
                break;
            }
            elts.add(starExpression());
        }
        return new Expr.Tuple(elts, ExprContext.Load, from(start));
    }

    /** star_expression: '*' bitwise_or | expression */
    private Expr starExpression() {
        if (at("*")) {
            Token s = next();
            Expr v = bitwiseOr();
            return new Expr.Starred(v, ExprContext.Load, from(s));
        }
        return expression();
    }

    /** star_named_expression: '*' bitwise_or | named_expression */
    private Expr starNamedExpression() {
        if (at("*")) {
            Token s = next();
            Expr v = bitwiseOr();
            return new Expr.Starred(v, ExprContext.Load, from(s));
        }
        return namedExpression();
    }

    /** named_expression: NAME ':=' expression | expression !':=' */
    Expr namedExpression() {
        Token start = peek();
        Expr e = expression();
        if (at(":=")) {
            next();
            if (!(e instanceof Expr.Name n)) {
                throw errorAt(e.pos(), e.pos(), "cannot use assignment expressions with " + Targets.exprName(e));
            }
            Expr value = expression();
            return new Expr.NamedExpr(new Expr.Name(n.id(), ExprContext.Store, n.pos()), value, from(start));
        }
        if (at("=") && levels[Math.min(p, levels.length - 1)] >= 0) {
            invalidNamedExpression(e);
        }
        return e;
    }

    /** invalid_named_expression: {@code a = b} where an expression is expected. */
    private void invalidNamedExpression(Expr a) {
        int m = mark();
        next();
        if (!startsExpression(peek())) {
            reset(m);
            return;
        }
        Expr b = bitwiseOr();
        boolean followedByAssign = at("=") || at(":=");
        reset(m);
        if (followedByAssign) {
            return;
        }
        if (a instanceof Expr.Name && !parenthesized.containsKey(a)) {
            throw errorAt(a.pos(), b.pos(), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
        if (!(a instanceof Expr.List || a instanceof Expr.Tuple || a instanceof Expr.GeneratorExp
                || isConstant(a, Special.None) || isConstant(a, Boolean.TRUE) || isConstant(a, Boolean.FALSE))) {
            throw errorAt(a.pos(), a.pos(), "cannot assign to " + Targets.exprName(a)
                    + " here. Maybe you meant '==' instead of '='?");
        }
    }

    private static boolean isConstant(Expr e, Object v) {
        return e instanceof Expr.Constant c && c.value() == v;
    }

    /** expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef */
    Expr expression() {
        enter();
        try {
            if (atKw("lambda")) {
                return lambdef();
            }
            Token start = peek();
            Expr body = disjunction();
            if (!atKw("if")) {
                invalidExpression(body);
                return body;
            }
            next();
            Expr test = disjunction();
            if (!atKw("else")) {
                if (!at(":")) {
                    throw errorAt(body.pos(), test.pos(), "expected 'else' after 'if' expression");
                }
                throw invalidSyntax();
            }
            next();
            Expr orelse = expression();
            return new Expr.IfExp(test, body, orelse, from(start));
        } finally {
            leave();
        }
    }

    /** invalid_expression: two expressions in a row inside brackets ("Perhaps you forgot a comma?"). */
    private void invalidExpression(Expr a) {
        Token t = peek();
        if (a instanceof Expr.Name n && (n.id().equals("print") || n.id().equals("exec")) && !parenthesized.containsKey(a)
                && startsExpression(t)) {
            // invalid_legacy_expression, tried in every expression (inside brackets, on the right of
            // '=', as an argument): NAME !'(' star_expressions
            int m = mark();
            Expr b;
            try {
                b = starExpressions();
            } catch (PySyntaxError e) {
                reset(m);
                return;
            }
            throw errorAt(a.pos(), b.pos(), "Missing parentheses in call to '" + n.id() + "'. Did you mean " + n.id() + "(...)?");
        }
        if (levels[Math.min(p, levels.length - 1)] <= 0 || !startsExpression(t) || t.isOp("*") || t.isOp("(")
                || t.isOp("[") || t.isOp("-") || t.isOp("+") || t.isName("not") || t.isName("yield")) {
            return;
        }
        if (a instanceof Expr.Name n && (n.id().equals("print") || n.id().equals("exec"))) {
            return;
        }
        if (a instanceof Expr.Name && t.type() == TokenType.STRING && !parenthesized.containsKey(a)) {
            return;
        }
        int m = mark();
        Expr b;
        try {
            b = disjunction();
        } catch (PySyntaxError e) {
            if (e == eofError) {
                throw e;  // the tokenizer's error at the end of input is raised, never backtracked over
            }
            reset(m);
            return;
        }
        reset(m);
        throw errorAt(a.pos(), b.pos(), "invalid syntax. Perhaps you forgot a comma?");
    }

    /** lambdef: 'lambda' [lambda_params] ':' expression */
    private Expr lambdef() {
        Token t = next();
        Arguments args = at(":") ? Arguments.EMPTY : params(true);
        consume(":", null);
        Expr body = expression();
        return new Expr.Lambda(args, body, from(t));
    }

    /** disjunction: conjunction ('or' conjunction)+ | conjunction */
    private Expr disjunction() {
        Token start = peek();
        Expr first = conjunction();
        if (!atKw("or")) {
            return first;
        }
        List<Expr> values = new ArrayList<>();
        values.add(first);
        while (acceptKw("or")) {
            values.add(conjunction());
        }
        return new Expr.BoolOp(BoolOperator.Or, values, from(start));
    }

    /** conjunction: inversion ('and' inversion)+ | inversion */
    private Expr conjunction() {
        Token start = peek();
        Expr first = inversion();
        if (!atKw("and")) {
            return first;
        }
        List<Expr> values = new ArrayList<>();
        values.add(first);
        while (acceptKw("and")) {
            values.add(inversion());
        }
        return new Expr.BoolOp(BoolOperator.And, values, from(start));
    }

    /** inversion: 'not' inversion | comparison */
    private Expr inversion() {
        if (atKw("not")) {
            Token t = next();
            enter();
            try {
                Expr operand = inversion();
                return new Expr.UnaryOp(UnaryOperator.Not, operand, from(t));
            } finally {
                leave();
            }
        }
        return comparison();
    }

    /** comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or */
    private Expr comparison() {
        Token start = peek();
        Expr left = bitwiseOr();
        List<CmpOp> ops = new ArrayList<>();
        List<Expr> comparators = new ArrayList<>();
        CmpOp op;
        while ((op = compareOp()) != null) {
            ops.add(op);
            comparators.add(bitwiseOr());
        }
        if (ops.isEmpty()) {
            return left;
        }
        return new Expr.Compare(left, ops, comparators, from(start));
    }

    /** compare_op: '==' | '!=' | '<=' | '<' | '>=' | '>' | 'not' 'in' | 'in' | 'is' 'not' | 'is' (consumed). */
    private CmpOp compareOp() {
        Token t = peek();
        CmpOp op = null;
        if (t.type() == TokenType.OP) {
            op = switch (t.text()) {
                case "==" -> CmpOp.Eq;
                case "!=" -> CmpOp.NotEq;
                case "<" -> CmpOp.Lt;
                case "<=" -> CmpOp.LtE;
                case ">" -> CmpOp.Gt;
                case ">=" -> CmpOp.GtE;
                default -> null;
            };
            if (op != null) {
                next();
            }
            return op;
        }
        if (t.isName("in")) {
            next();
            return CmpOp.In;
        }
        if (t.isName("not") && peek(1).isName("in")) {
            next();
            next();
            return CmpOp.NotIn;
        }
        if (t.isName("is")) {
            next();
            return acceptKw("not") ? CmpOp.IsNot : CmpOp.Is;
        }
        return null;
    }

    /** bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor (and so on down to term). */
    Expr bitwiseOr() {
        return binary(0);
    }

    private static final String[][] BINARY_LEVELS = {
        {"|"}, {"^"}, {"&"}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "//", "%", "@"},
    };

    /**
     * The left-associative binary levels bitwise_or, bitwise_xor, bitwise_and, shift_expr, sum and term,
     * one per entry of {@code BINARY_LEVELS}; below them comes factor.
     */
    private Expr binary(int level) {
        if (level == BINARY_LEVELS.length) {
            return factor();
        }
        Token start = peek();
        Expr left = binary(level + 1);
        while (true) {
            Operator op = binaryOp(level);
            if (op == null) {
                return left;
            }
            next();
            Expr right = binary(level + 1);
            left = new Expr.BinOp(left, op, right, from(start));
        }
    }

    private Operator binaryOp(int level) {
        Token t = peek();
        if (t.type() != TokenType.OP) {
            return null;
        }
        for (String op : BINARY_LEVELS[level]) {
            if (t.text().equals(op)) {
                return switch (op) {
                    case "|" -> Operator.BitOr;
                    case "^" -> Operator.BitXor;
                    case "&" -> Operator.BitAnd;
                    case "<<" -> Operator.LShift;
                    case ">>" -> Operator.RShift;
                    case "+" -> Operator.Add;
                    case "-" -> Operator.Sub;
                    case "*" -> Operator.Mult;
                    case "/" -> Operator.Div;
                    case "//" -> Operator.FloorDiv;
                    case "%" -> Operator.Mod;
                    default -> Operator.MatMult;
                };
            }
        }
        return null;
    }

    /** factor: '+' factor | '-' factor | '~' factor | power */
    private Expr factor() {
        Token t = peek();
        UnaryOperator op = t.isOp("+") ? UnaryOperator.UAdd : t.isOp("-") ? UnaryOperator.USub
                : t.isOp("~") ? UnaryOperator.Invert : null;
        if (op == null) {
            return power();
        }
        next();
        enter();
        try {
            Expr operand = factor();
            return new Expr.UnaryOp(op, operand, from(t));
        } finally {
            leave();
        }
    }

    /** power: await_primary '**' factor | await_primary */
    private Expr power() {
        Token start = peek();
        Expr base;
        if (atKw("await")) {
            next();
            Expr operand = primary();
            base = new Expr.Await(operand, from(start));
        } else {
            base = primary();
        }
        if (!at("**")) {
            return base;
        }
        next();
        Expr exp = factor();
        return new Expr.BinOp(base, Operator.Pow, exp, from(start));
    }

    /** primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')' | primary '[' slices ']' | atom */
    private Expr primary() {
        Token start = peek();
        Expr e = atom();
        while (true) {
            if (at(".")) {
                next();
                Token n = name();
                e = new Expr.Attribute(e, n.text(), ExprContext.Load, from(start));
            } else if (at("(")) {
                Token open = next();
                CallArgs a = arguments(open);
                e = new Expr.Call(e, a.args, a.keywords, from(start));
            } else if (at("[")) {
                next();
                Expr slice = slices();
                consume("]", null);
                e = new Expr.Subscript(e, slice, ExprContext.Load, from(start));
            } else {
                return e;
            }
        }
    }

    /** slices: slice !',' | ','.(slice | starred_expression)+ [','] */
    private Expr slices() {
        Token start = peek();
        Expr first = sliceOrStarred();
        if (!at(",") && !(first instanceof Expr.Starred)) {
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(",")) {
            if (at("]")) {
                break;
            }
            elts.add(sliceOrStarred());
        }
        return new Expr.Tuple(elts, ExprContext.Load, from(start));
    }

    private Expr sliceOrStarred() {
        if (at("*")) {
            Token s = next();
            Expr v = bitwiseOr();
            return new Expr.Starred(v, ExprContext.Load, from(s));
        }
        return slice();
    }

    /** slice: [expression] ':' [expression] [':' [expression]] | named_expression */
    private Expr slice() {
        Token start = peek();
        Expr lower = null;
        if (!at(":")) {
            lower = namedExpression();
            if (!at(":")) {
                return lower;
            }
        }
        next();
        Expr upper = startsExpression(peek()) ? expression() : null;
        Expr step = null;
        if (accept(":")) {
            step = startsExpression(peek()) ? expression() : null;
        }
        return new Expr.Slice(lower, upper, step, from(start));
    }

    /** atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | tuple/group/genexp | list | dict/set | '...' */
    private Expr atom() {
        Token t = peek();
        switch (t.type()) {
            case NAME -> {
                return atomName(t);
            }
            case NUMBER -> {
                next();
                return new Expr.Constant(t.value(), null, pos(t, t));
            }
            case STRING -> {
                return strings();
            }
            case OP -> {
                switch (t.text()) {
                    case "(": return tupleGroupOrGenexp();
                    case "[": return listOrListcomp();
                    case "{": return dictOrSet();
                    case "...": next(); return new Expr.Constant(Special.Ellipsis, null, pos(t, t));
                    default: throw invalidSyntax();
                }
            }
            default -> throw invalidSyntax();
        }
    }

    private Expr atomName(Token t) {
        switch (t.text()) {
            case "True": next(); return new Expr.Constant(Boolean.TRUE, null, pos(t, t));
            case "False": next(); return new Expr.Constant(Boolean.FALSE, null, pos(t, t));
            case "None": next(); return new Expr.Constant(Special.None, null, pos(t, t));
            default: break;
        }
        Token n = name();
        return new Expr.Name(n.text(), ExprContext.Load, pos(n, n));
    }

    /** strings: STRING+ (adjacent literals are concatenated; f-strings become JoinedStr). */
    private Expr strings() {
        List<Token> parts = new ArrayList<>();
        while (peek().type() == TokenType.STRING) {
            parts.add(next());
        }
        return new StringParser(this, src).concatenate(parts);
    }

    /** Parses the replacement-field expression in the char range [start, end) of the source. */
    Expr parseFragment(int start, int end) {
        Lexer lx = Lexer.tokenizeFragment(src, start, end);
        Parser sub = new Parser(src, lx, true);
        sub.depth = depth;
        sub.warnings = warnings;
        Expr e;
        try {
            e = sub.fstringReplacement();
        } catch (PySyntaxError err) {
            throw inFragmentText(err, start, end);
        }
        if (e instanceof Expr.Tuple t && !sub.isParenthesized(t)) {
            // CPython 3.11 parses the field as "(expr)", so a bare tuple spans the braces around it.
            int open = start - 1;
            int openLine = src.lineOf(open);
            int closeLine = src.lineOf(end);
            Pos widened = new Pos(openLine, src.byteCol(openLine, open), closeLine, src.byteCol(closeLine, end) + 1);
            return new Expr.Tuple(t.elts(), t.ctx(), widened);
        }
        return e;
    }

    /**
     * CPython 3.11 parses a replacement field as the string "(expr)" (fstring_compile_expr): a
     * syntax error in it shows that string as its line, with columns counted in it. A field on one
     * line is reported so; one that spans lines keeps the source's own line and columns.
     */
    private PySyntaxError inFragmentText(PySyntaxError err, int start, int end) {
        int line = src.lineOf(start);
        String expr = src.text().substring(start, end);
        if (err.line() != line || err.endLine() != line || expr.indexOf('\n') >= 0 || err.tokenizerError()) return err;
        int shift = src.charCol(line, start) - 1;  // the expression's first character is column 2, after '('
        int col = err.column() - shift;
        // an error at the field's end is at the ')' CPython added, one character wide
        int endCol = err.endColumn() < 0 ? err.endColumn() : Math.max(err.endColumn() - shift, col + 1);
        return new PySyntaxError(err.kind(), err.msg(), err.filename(), line, col, line, endCol, "(" + expr + ")\n", false, err.incomplete());
    }

    /** tuple | group | genexp, all starting with '('. */
    private Expr tupleGroupOrGenexp() {
        Token open = next();
        if (at(")")) {
            next();
            return new Expr.Tuple(List.of(), ExprContext.Load, from(open));
        }
        if (atKw("yield")) {
            Expr y = yieldExpr();
            consume(")", null);
            parenthesized.put(y, Boolean.TRUE);
            return y;
        }
        Expr first = starNamedExpression();
        if (atFor()) {
            if (first instanceof Expr.Starred) {
                throw errorAt(first.pos(), first.pos(), "iterable unpacking cannot be used in comprehension");
            }
            List<Comprehension> gens = forIfClauses();
            consume(")", null);
            return new Expr.GeneratorExp(first, gens, from(open));
        }
        if (at(")")) {
            next();
            if (first instanceof Expr.Starred) {
                throw errorAt(first.pos(), first.pos(), "cannot use starred expression here");
            }
            parenthesized.put(first, Boolean.TRUE);
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        commaList(elts, ")");
        consume(")", null);
        Expr tuple = new Expr.Tuple(elts, ExprContext.Load, from(open));
        parenthesized.put(tuple, Boolean.FALSE);  // its own parentheses, not a group's
        return tuple;
    }

    /** True at 'for' or 'async for' (a comprehension clause). */
    private boolean atFor() {
        return atKw("for") || (atKw("async") && peek(1).isName("for"));
    }

    /** The rest of a comma-separated display after its first element, up to (not including) {@code close}. */
    private void commaList(List<Expr> elts, String close) {
        while (true) {
            if (at(close)) {
                return;
            }
            if (!at(",")) {
                throw invalidSyntax();
            }
            next();
            if (at(close)) {
                return;
            }
            Expr e = starNamedExpression();
            if (atKw("for")) {
                throw errorAt(elts.get(0).pos(), e.pos(), "did you forget parentheses around the comprehension target?");
            }
            elts.add(e);
        }
    }

    /** list | listcomp */
    private Expr listOrListcomp() {
        Token open = next();
        if (accept("]")) {
            return new Expr.List(List.of(), ExprContext.Load, from(open));
        }
        Expr first = starNamedExpression();
        if (atFor()) {
            if (first instanceof Expr.Starred) {
                throw errorAt(first.pos(), first.pos(), "iterable unpacking cannot be used in comprehension");
            }
            List<Comprehension> gens = forIfClauses();
            consume("]", null);
            return new Expr.ListComp(first, gens, from(open));
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        commaList(elts, "]");
        consume("]", null);
        return new Expr.List(elts, ExprContext.Load, from(open));
    }

    /** dict | set | dictcomp | setcomp */
    private Expr dictOrSet() {
        Token open = next();
        if (accept("}")) {
            return new Expr.Dict(List.of(), List.of(), from(open));
        }
        if (at("**")) {
            return dictRest(open, null, doubleStarred());
        }
        Expr first = starNamedExpression();
        if (at(":") && !(first instanceof Expr.Starred)) {
            next();
            if (at("}") || at(",")) {
                throw errorAtToken("expression expected after dictionary key and ':'", prev());
            }
            Expr value = dictValue();
            if (atFor()) {
                List<Comprehension> gens = forIfClauses();
                consume("}", null);
                return new Expr.DictComp(first, value, gens, from(open));
            }
            return dictRest(open, first, value);
        }
        if (atFor()) {
            if (first instanceof Expr.Starred) {
                throw errorAt(first.pos(), first.pos(), "iterable unpacking cannot be used in comprehension");
            }
            List<Comprehension> gens = forIfClauses();
            consume("}", null);
            return new Expr.SetComp(first, gens, from(open));
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        commaList(elts, "}");
        consume("}", null);
        return new Expr.Set(elts, from(open));
    }

    /**
     * A dict display's value; a starred one is invalid_kvpair's error, from the '*' to the end of
     * the furthest token read (where 3.11's tokenizer stands).
     */
    private Expr dictValue() {
        if (at("*")) {
            Token star = next();
            bitwiseOr();
            Token last = toks.get(Math.min(furthest, toks.size() - 1));
            throw errorAt(Kind.SyntaxError, "cannot use a starred expression in a dictionary value", star.line(), star.col(),
                    last.endLine(), last.endCol() - 1);
        }
        return expression();
    }

    private Expr doubleStarred() {
        next();
        return bitwiseOr();
    }

    /** The rest of a dict display after its first key (null for '**') and value. */
    private Expr dictRest(Token open, Expr firstKey, Expr firstValue) {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        keys.add(firstKey);
        values.add(firstValue);
        while (accept(",")) {
            if (at("}")) {
                break;
            }
            if (at("**")) {
                keys.add(null);
                values.add(doubleStarred());
                continue;
            }
            Expr key = expression();
            if (!at(":")) {
                if (at("}") || at(",")) {
                    // at the key's last character, with no end (end_col_offset -1)
                    int col = src.charColOfByteCol(key.endLineno(), key.endColOffset() - 1) + 1;
                    throw new PySyntaxError(Kind.SyntaxError, "':' expected after dictionary key", src.filename(), key.lineno(),
                            col, key.endLineno(), 0, src.lineText(key.lineno()), false, false);
                }
                throw invalidSyntax();
            }
            next();
            if (at("}") || at(",")) {
                throw errorAtToken("expression expected after dictionary key and ':'", prev());
            }
            keys.add(key);
            values.add(dictValue());
        }
        consume("}", null);
        return new Expr.Dict(keys, values, from(open));
    }

    /** for_if_clauses: ('for' star_targets 'in' ~ disjunction ('if' disjunction)*)+ */
    private List<Comprehension> forIfClauses() {
        List<Comprehension> gens = new ArrayList<>();
        while (atKw("for") || atKw("async")) {
            int isAsync = 0;
            if (atKw("async")) {
                next();
                if (!atKw("for")) throw invalidSyntax();
                isAsync = 1;
            }
            next();
            int targetAt = mark();
            Expr target = starTargets();
            if (!atKw("in")) {
                // invalid_for_target reads the target as star_expressions, whose invalid_expression
                // says "Perhaps you forgot a comma?" for two expressions in a row
                int firstPass = furthest;
                reset(targetAt);
                starExpressions();
                furthest = firstPass;  // the generic error stays where the first reading stopped
                throw invalidSyntax();
            }
            next();
            Expr iter = disjunction();
            List<Expr> ifs = new ArrayList<>();
            while (acceptKw("if")) {
                ifs.add(disjunction());
            }
            gens.add(new Comprehension(target, iter, ifs, isAsync));
        }
        return gens;
    }

    /** yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
    private Expr yieldExpr() {
        Token t = next();
        if (acceptKw("from")) {
            Expr v = expression();
            return new Expr.YieldFrom(v, from(t));
        }
        Expr v = startsExpression(peek()) && !atKw("yield") ? starExpressions() : null;
        return new Expr.Yield(v, from(t));
    }

    // ---------------------------------------------------------------- call arguments

    private record CallArgs(List<Expr> args, List<Keyword> keywords) {}

    /** arguments: args [','] &')' — positional and starred arguments, then keywords and '**'; consumes ')'. */
    private CallArgs arguments(Token open) {
        return arguments(open, false);
    }

    private CallArgs arguments(Token open, boolean classBases) {
        boolean trailingComma = false;
        Token forToken = null;
        List<Expr> args = new ArrayList<>();
        List<Keyword> keywords = new ArrayList<>();
        boolean sawKeyword = false;
        boolean sawDoubleStar = false;
        Expr bareGenexp = null;
        int count = 0;
        while (!at(")")) {
            Token t = peek();
            count++;
            if (at("*")) {
                if (sawDoubleStar) {  // (before the operand: a bare '*' too)
                    throw errorAtToken("iterable argument unpacking follows keyword argument unpacking", t);
                }
                next();
                Expr v = expression();
                args.add(new Expr.Starred(v, ExprContext.Load, from(t)));
            } else if (at("**")) {
                next();
                Expr v = expression();
                sawDoubleStar = true;
                keywords.add(new Keyword(null, v, from(t)));
            } else if (atName() && peek(1).isOp("=")) {
                next();
                next();
                if (at(")") || at(",")) {
                    throw errorAtToken("expected argument value expression", prev());
                }
                Expr v = expression();
                sawKeyword = true;
                keywords.add(new Keyword(t.text(), v, from(t)));
            } else {
                Expr e = argumentExpression();
                if (atFor()) {
                    forToken = peek();
                    List<Comprehension> gens = forIfClauses();
                    Expr g = new Expr.GeneratorExp(e, gens, from(t));
                    bareGenexp = g;
                    e = g;
                } else if (at("=")) {
                    keywordError(e);
                }
                if (sawDoubleStar) {
                    throw errorAtToken("positional argument follows keyword argument unpacking", peek());
                }
                if (sawKeyword) {
                    throw errorAtToken("positional argument follows keyword argument", peek());
                }
                args.add(e);
            }
            if (!accept(",")) {
                break;
            }
            trailingComma = at(")");
        }
        if (!at(")")) {
            throw invalidSyntax();
        }
        Token close = next();
        if (bareGenexp != null && classBases && count == 1 && !trailingComma) {
            // a class's bases are arguments: a lone generator expression is not one
            throw errorAtToken("invalid syntax", forToken);
        }
        if (bareGenexp != null && (count > 1 || trailingComma)) {
            throw errorAt(bareGenexp.pos(), bareGenexp.pos(), "Generator expression must be parenthesized");
        }
        if (bareGenexp != null) {
            Expr.GeneratorExp g = (Expr.GeneratorExp) bareGenexp;
            args.set(0, new Expr.GeneratorExp(g.elt(), g.generators(), pos(open, close)));
        }
        return new CallArgs(args, keywords);
    }

    /** assignment_expression | expression, as a positional argument. */
    private Expr argumentExpression() {
        Token start = peek();
        if (atName() && peek(1).isOp(":=")) {
            Token n = next();
            next();
            Expr value = expression();
            return new Expr.NamedExpr(new Expr.Name(n.text(), ExprContext.Store, pos(n, n)), value, from(start));
        }
        Expr e = expression();
        if (at(":=")) {
            throw errorAt(e.pos(), e.pos(), "cannot use assignment expressions with " + Targets.exprName(e));
        }
        return e;
    }

    /** invalid_kwarg: {@code f(a.b=1)}, {@code f(True=1)}. */
    private void keywordError(Expr e) {
        Token eq = peek();
        if (e instanceof Expr.Constant c && (c.value() instanceof Boolean || c.value() == Special.None)) {
            throw errorAt(e.pos(), pos(eq, eq), "cannot assign to " + Targets.exprName(e));
        }
        throw errorAt(e.pos(), pos(eq, eq), "expression cannot contain assignment, perhaps you meant \"==\"?");
    }

    /** Used by {@link Targets}: was this expression written in parentheses? */
    boolean isParenthesized(Expr e) {
        return parenthesized.containsKey(e);
    }

    /** Whether {@code e} is a group: parentheses around an expression that are not a tuple display's own. */
    boolean isGroup(Expr e) {
        return Boolean.TRUE.equals(parenthesized.get(e));
    }
}
