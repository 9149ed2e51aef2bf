package dev.refheap.lang.parser;

import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.ast.Expr;
import dev.refheap.lang.ast.Pos;
import dev.refheap.lang.lexer.Source;
import dev.refheap.lang.lexer.Token;
import dev.refheap.lang.lexer.UndecodableBytes;
import dev.refheap.lang.unicode.UnicodeData;
import dev.refheap.object.SurrogateEscapes;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a run of adjacent STRING tokens into a {@link Expr.Constant} (str or bytes) or, when any of them
 * is an f-string, a {@link Expr.JoinedStr}: strips prefixes and quotes, decodes escape sequences,
 * concatenates, and splits f-strings into literal text and {@link Expr.FormattedValue} fields whose
 * expressions are parsed by a sub-parser over the same {@link Source} (so their positions are real).
 *
 * <p>As in CPython 3.11, the literal parts and fields of a JoinedStr all carry the span of the whole
 * run of tokens; adjacent literal parts are merged and empty ones dropped. One instance per run.
 */
final class StringParser {
    private static final int MAX_FSTRING_NESTING = 2;

    private final Parser parser;
    private final Source src;
    private final String s;
    private Pos whole;

    StringParser(Parser parser, Source src) {
        this.parser = parser;
        this.src = src;
        this.s = src.text();
    }

    /** One string token, split into its prefix flags and the char range of its body. */
    private record Literal(Token tok, boolean raw, boolean bytes, boolean f, boolean u, int bodyStart, int bodyEnd) {
        static Literal of(Token t) {
            String text = t.text();
            int q = 0;
            while (text.charAt(q) != '"' && text.charAt(q) != '\'') {
                q++;
            }
            String prefix = text.substring(0, q).toLowerCase();
            int quoteLen = text.startsWith("\"\"\"", q) || text.startsWith("'''", q) ? 3 : 1;
            return new Literal(t, prefix.contains("r"), prefix.contains("b"), prefix.contains("f"), text.startsWith("u"),
                    t.start() + q + quoteLen, t.end() - quoteLen);
        }
    }

    Expr concatenate(List<Token> toks) {
        Token first = toks.get(0);
        Token last = toks.get(toks.size() - 1);
        whole = new Pos(first.line(), first.col(), last.endLine(), last.endCol());
        List<Literal> lits = new ArrayList<>();
        for (Token t : toks) {
            lits.add(Literal.of(t));
        }
        refuseUndecodableBytes(lits, last);
        boolean anyBytes = lits.stream().anyMatch(Literal::bytes);
        boolean allBytes = lits.stream().allMatch(Literal::bytes);
        if (anyBytes && !allBytes) {
            throw parser.errorAt(PySyntaxError.Kind.SyntaxError, "cannot mix bytes and nonbytes literals",
                    last.endLine(), last.endCol(), last.endLine(), last.endCol());
        }
        if (allBytes) {
            return bytesConstant(lits);
        }
        if (lits.stream().noneMatch(Literal::f)) {
            StringBuilder b = new StringBuilder();
            for (Literal l : lits) {
                b.append(decodeStr(l, l.bodyStart(), l.bodyEnd()));
            }
            return new Expr.Constant(b.toString(), lits.get(0).u() ? "u" : null, whole);
        }
        List<Expr> parts = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (Literal l : lits) {
            if (l.f()) {
                new FString(l).parts(l.bodyStart(), 0, false, parts, pending);
            } else {
                pending.append(decodeStr(l, l.bodyStart(), l.bodyEnd()));
            }
        }
        flush(parts, pending);
        return new Expr.JoinedStr(parts, whole);
    }

    /**
     * A literal holding bytes of the file that are not UTF-8 (a file declared UTF-8; see
     * {@link UndecodableBytes}) fails as in 3.11: a bytes literal with "bytes can only contain ASCII
     * literal characters" at the token; a str literal with the UTF-8 decoder's error, the position
     * counted in the body (raw strings and strings without a backslash are decoded whole, others and f-strings
     * run by run of non-ASCII bytes, as decode_unicode_with_escapes does), at the token after the
     * literals (a NEWLINE token starts at a trailing comment and ends at the newline).
     */
    private void refuseUndecodableBytes(List<Literal> lits, Token last) {
        for (Literal l : lits) {
            if (!UndecodableBytes.any(s, l.bodyStart(), l.bodyEnd())) continue;
            if (l.bytes()) {
                Token t = l.tok();
                throw UndecodableBytes.error(src, "bytes can only contain ASCII literal characters", t.line(),
                        UndecodableBytes.byteCol(src, t.line(), t.start()) + 1,
                        t.endLine() == t.line() ? UndecodableBytes.byteCol(src, t.line(), t.end()) + 1 : -1);
            }
            String error = null;
            boolean whole = l.raw() || !l.f() && s.indexOf('\\', l.bodyStart()) < 0 || s.indexOf('\\', l.bodyStart()) >= l.bodyEnd();
            if (whole) {
                error = UndecodableBytes.decodeError(UndecodableBytes.raw(s, l.bodyStart(), l.bodyEnd()));
            } else {
                for (int i = l.bodyStart(); i < l.bodyEnd() && error == null; ) {
                    if (s.charAt(i) < 0x80) {
                        i++;
                        continue;
                    }
                    int j = i;
                    while (j < l.bodyEnd() && s.charAt(j) >= 0x80) j++;
                    error = UndecodableBytes.decodeError(UndecodableBytes.raw(s, i, j));
                    i = j;
                }
            }
            if (error == null) continue;
            Token next = parser.peekToken();
            int line, start, end;
            if (next.type() == dev.refheap.lang.lexer.TokenType.NEWLINE || next.type() == dev.refheap.lang.lexer.TokenType.ENDMARKER) {
                line = last.endLine();
                int nl = s.indexOf('\n', last.end());
                if (nl < 0) nl = s.length();
                int hash = s.indexOf('#', last.end());
                start = hash >= 0 && hash < nl ? hash : nl;
                end = nl;
            } else {
                line = next.line();
                start = next.start();
                end = next.end();
            }
            throw UndecodableBytes.error(src, "(unicode error) " + error, line,
                    UndecodableBytes.byteCol(src, line, start) + 1, UndecodableBytes.byteCol(src, line, end) + 1);
        }
    }

    private void flush(List<Expr> parts, StringBuilder pending) {
        flush(parts, pending, whole);
    }

    private void flush(List<Expr> parts, StringBuilder pending, Pos at) {
        if (!pending.isEmpty()) {
            parts.add(new Expr.Constant(pending.toString(), null, at));
            pending.setLength(0);
        }
    }

    private Expr bytesConstant(List<Literal> lits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Literal l : lits) {
            for (int i = l.bodyStart(); i < l.bodyEnd(); i++) {
                if (s.charAt(i) >= 0x80) {
                    Token t = l.tok();
                    throw parser.errorAtToken("bytes can only contain ASCII literal characters", t);
                }
            }
            String body = s.substring(l.bodyStart(), l.bodyEnd());
            if (l.raw()) {
                for (int i = 0; i < body.length(); i++) {
                    out.write(body.charAt(i));
                }
            } else {
                new Escapes(l, body, true).decodeTo(out, null);
            }
        }
        return new Expr.Constant(out.toByteArray(), null, whole);
    }

    private String decodeStr(Literal l, int from, int to) {
        String body = s.substring(from, to);
        if (l.raw()) {
            return body;
        }
        StringBuilder b = new StringBuilder();
        new Escapes(l, body, false).decodeTo(null, b);
        return b.toString();
    }

    /**
     * Decodes backslash escapes of one literal chunk, into bytes or chars. The first invalid escape
     * of the chunk (an unknown character after the backslash, or three octal digits above 0o377) is
     * warned about once the chunk is decoded, as 3.11's decoders report their first_invalid_escape:
     * a DeprecationWarning at the token's line. A backslash before a non-ASCII character is kept
     * without a warning in a str (decode_unicode_with_escapes turns it into an escaped backslash).
     */
    private final class Escapes {
        private final Literal lit;
        private final String body;
        private final boolean bytes;
        private int i;
        private String firstInvalid;

        Escapes(Literal lit, String body, boolean bytes) {
            this.lit = lit;
            this.body = body;
            this.bytes = bytes;
        }

        void decodeTo(ByteArrayOutputStream out, StringBuilder sb) {
            while (i < body.length()) {
                char c = body.charAt(i);
                if (c != '\\' || i + 1 >= body.length()) {
                    put(out, sb, c);
                    i++;
                    continue;
                }
                int start = i;
                char e = body.charAt(i + 1);
                i += 2;
                switch (e) {
                    case '\n' -> { }
                    case '\\', '\'', '"' -> put(out, sb, e);
                    case 'a' -> put(out, sb, 7);
                    case 'b' -> put(out, sb, 8);
                    case 'f' -> put(out, sb, 12);
                    case 'n' -> put(out, sb, '\n');
                    case 'r' -> put(out, sb, '\r');
                    case 't' -> put(out, sb, '\t');
                    case 'v' -> put(out, sb, 11);
                    case '0', '1', '2', '3', '4', '5', '6', '7' -> octal(out, sb, e);
                    case 'x' -> put(out, sb, hex(start, 2, "truncated \\xXX escape"));
                    case 'u', 'U', 'N' -> {
                        if (bytes) {
                            if (firstInvalid == null) {
                                firstInvalid = "invalid escape sequence '\\" + e + "'";
                            }
                            put(out, sb, '\\');
                            put(out, sb, e);
                        } else if (e == 'N') {
                            named(sb, start);
                        } else {
                            unicode(sb, start, e);
                        }
                    }
                    default -> {
                        if (firstInvalid == null && e < 0x80) {
                            firstInvalid = "invalid escape sequence '\\" + e + "'";
                        }
                        put(out, sb, '\\');
                        put(out, sb, e);
                    }
                }
            }
            if (firstInvalid != null) {
                parser.warnInvalidEscape(lit.tok(), firstInvalid);
            }
        }

        private void octal(ByteArrayOutputStream out, StringBuilder sb, char first) {
            int v = first - '0';
            for (int k = 0; k < 2 && i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '7'; k++) {
                v = v * 8 + (body.charAt(i++) - '0');
            }
            if (v > 0377 && firstInvalid == null) {
                firstInvalid = "invalid octal escape sequence '\\" + body.substring(i - 3, i) + "'";
            }
            put(out, sb, bytes ? v & 0xff : v);
        }

        private int hex(int start, int n, String what) {
            int v = 0;
            for (int k = 0; k < n; k++) {
                int d = i < body.length() ? Character.digit(body.charAt(i), 16) : -1;
                if (d < 0 || body.charAt(i) >= 0x80) {
                    throw unicodeError(start, i - 1, what);
                }
                v = v * 16 + d;
                i++;
            }
            return v;
        }

        private void unicode(StringBuilder sb, int start, char e) {
            int v = e == 'u' ? hex(start, 4, "truncated \\uXXXX escape") : hex(start, 8, "truncated \\UXXXXXXXX escape");
            if (v < 0 || v > 0x10FFFF) {  // eight hex digits may pass 2**31 (an int's sign): unsigned, as CPython compares
                throw unicodeError(start, i - 1, "illegal Unicode character");
            }
            if (SurrogateEscapes.isEscape(v)) {
                throw unicodeError(start, i - 1, SurrogateEscapes.REFUSED);
            }
            SurrogateEscapes.append(sb, v);  // "\ud800" "\udc00" stays two lone surrogates
        }

        private void named(StringBuilder sb, int start) {
            int close = body.indexOf('}', i);
            if (i >= body.length() || body.charAt(i) != '{') {
                throw unicodeError(start, Math.min(i, body.length()) - 1, "malformed \\N character escape");
            }
            if (close < 0 || close == i + 1) {  // unclosed (the error runs to the end), or an empty name
                throw unicodeError(start, close < 0 ? body.length() - 1 : close - 1, "malformed \\N character escape");
            }
            String name = body.substring(i + 1, close);
            // unicodedata's lookup (Unicode 14.0.0, aliases, no named sequences), as CPython's \N{...} uses
            int cp;
            try {
                cp = UnicodeData.get().lookup(name, false);
            } catch (UnicodeData.Missing | LinkageError ex) {
                throw unicodeError(start, close, "\\N escapes not supported (can't load unicodedata module)");
            }
            if (cp < 0) {
                throw unicodeError(start, close, "unknown Unicode character name");
            }
            sb.appendCodePoint(cp);
            i = close + 1;
        }

        private void put(ByteArrayOutputStream out, StringBuilder sb, int c) {
            if (out != null) {
                out.write(c);
            } else {
                sb.appendCodePoint(c);
            }
        }

        private PySyntaxError unicodeError(int from, int to, String what) {
            Token t = lit.tok();
            String codec = bytes ? "(value error) " : "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                    + from + "-" + to + ": ";
            String msg = bytes ? "(value error) invalid \\x escape at position " + from : codec + what;
            return parser.errorAt(PySyntaxError.Kind.SyntaxError, msg, t.endLine(), t.endCol(), t.endLine(), t.endCol());
        }
    }

    /** Parses the body of one f-string token into literal text and replacement fields. */
    private final class FString {
        private final Literal lit;
        private final int end;
        /** Where parts go: the whole run of literals, or (inside a format spec) just this literal's token. */
        private final Pos at;
        private int i;

        FString(Literal lit) {
            this(lit, whole);
        }

        FString(Literal lit, Pos at) {
            this.lit = lit;
            this.end = lit.bodyEnd();
            this.at = at;
        }

        /**
         * Parses literal text and fields from {@code from} until the end of the body, or, for a format spec
         * ({@code inSpec}), until its closing '}' (left unconsumed). Literal text accumulates in {@code pending}.
         */
        void parts(int from, int nesting, boolean inSpec, List<Expr> out, StringBuilder pending) {
            i = from;
            while (i < end) {
                int litStart = i;
                StringBuilder text = new StringBuilder();
                while (i < end) {
                    char c = s.charAt(i);
                    if (c == '{') {
                        if (!inSpec && i + 1 < end && s.charAt(i + 1) == '{') {
                            text.append(chunk(litStart, i + 1));
                            i += 2;
                            litStart = i;
                            continue;
                        }
                        break;
                    }
                    if (c == '}') {
                        if (inSpec) {
                            break;
                        }
                        if (i + 1 < end && s.charAt(i + 1) == '}') {
                            text.append(chunk(litStart, i + 1));
                            i += 2;
                            litStart = i;
                            continue;
                        }
                        throw fError("f-string: single '}' is not allowed");
                    }
                    if (c == '\\' && !lit.raw() && i + 1 < end) {
                        if (s.charAt(i + 1) == '{') {
                            // fstring_find_literal warns as it scans, before the part is decoded (which may warn again)
                            parser.warnInvalidEscape(lit.tok(), "invalid escape sequence '\\{'");
                        }
                        if (s.charAt(i + 1) == 'N' && i + 2 < end && s.charAt(i + 2) == '{') {
                            int close = s.indexOf('}', i);
                            i = close < 0 || close >= end ? end : close + 1;
                            continue;
                        }
                        i += s.charAt(i + 1) == '\\' ? 2 : 1;
                        continue;
                    }
                    i++;
                }
                text.append(chunk(litStart, i));
                pending.append(text);
                if (i >= end || (inSpec && s.charAt(i) == '}')) {
                    if (inSpec) {
                        flush(out, pending, at);
                    }
                    return;
                }
                field(nesting, out, pending);
            }
        }

        private String chunk(int from, int to) {
            return from >= to ? "" : decodeStr(lit, from, to);
        }

        /** A replacement field starting at '{': expression ['='] ['!' conversion] [':' format_spec] '}'. */
        private void field(int nesting, List<Expr> out, StringBuilder pending) {
            if (nesting >= MAX_FSTRING_NESTING) {
                throw fError("f-string: expressions nested too deeply");
            }
            i++;
            int exprStart = i;
            int exprEnd = scanExpression();
            String exprText = s.substring(exprStart, exprEnd);
            if (exprText.isBlank()) {
                // fstring_compile_expr names the character that ended the missing expression
                char after = exprEnd < end ? s.charAt(exprEnd) : 0;
                if (after == '!' || after == ':' || after == '=') throw fError("f-string: expression required before '" + after + "'");
                throw fError("f-string: empty expression not allowed");
            }
            Expr value = parseExpr(exprStart, exprEnd);
            String debug = null;
            if (i < end && s.charAt(i) == '=') {
                i++;
                while (i < end && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                debug = s.substring(exprStart, i);
            }
            int conversion = -1;
            if (i < end && s.charAt(i) == '!') {
                i++;
                if (i >= end) {
                    throw fError("f-string: expecting '}'");
                }
                char c = s.charAt(i);
                if (c != 's' && c != 'r' && c != 'a') {
                    throw fError("f-string: invalid conversion character: expected 's', 'r', or 'a'");
                }
                conversion = c;
                i++;
            }
            Expr spec = null;
            if (i < end && s.charAt(i) == ':') {
                i++;
                List<Expr> specParts = new ArrayList<>();
                StringBuilder specText = new StringBuilder();
                Token t = lit.tok();
                FString inner = new FString(lit, new Pos(t.line(), t.col(), t.endLine(), t.endCol()));
                inner.parts(i, nesting + 1, true, specParts, specText);
                flush(specParts, specText, inner.at);
                i = inner.i;
                spec = new Expr.JoinedStr(specParts, inner.at);
            }
            if (i >= end || s.charAt(i) != '}') {
                throw fError("f-string: expecting '}'");
            }
            i++;
            if (debug != null && conversion == -1 && spec == null) {
                conversion = 'r';
            }
            if (debug != null) {
                pending.append(debug);
            }
            flush(out, pending, at);
            out.add(new Expr.FormattedValue(value, conversion, spec, at));
        }

        /** Scans a field's expression, honouring nested brackets and strings; returns its end index. */
        private int scanExpression() {
            StringBuilder stack = new StringBuilder();
            char quote = 0;
            boolean triple = false;
            while (i < end) {
                char c = s.charAt(i);
                if (c == '\\') {
                    throw fError("f-string expression part cannot include a backslash");
                }
                if (quote != 0) {
                    if (c == quote && (!triple || s.startsWith("" + c + c + c, i))) {
                        i += triple ? 3 : 1;
                        quote = 0;
                        continue;
                    }
                    i++;
                    continue;
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                    triple = s.startsWith("" + c + c + c, i);
                    i += triple ? 3 : 1;
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') {
                    stack.append(c);
                } else if (c == ')' || c == ']' || c == '}') {
                    if (stack.isEmpty()) {
                        if (c == '}') {
                            return i;
                        }
                        throw fError("f-string: unmatched '" + c + "'");
                    }
                    char open = stack.charAt(stack.length() - 1);
                    if ((open == '(') != (c == ')') || (open == '[') != (c == ']')) {
                        throw fError("f-string: closing parenthesis '" + c + "' does not match opening parenthesis '"
                                + open + "'");
                    }
                    stack.setLength(stack.length() - 1);
                } else if (c == '#') {
                    throw fError("f-string expression part cannot include '#'");
                } else if (stack.isEmpty() && (c == '!' || c == ':' || c == '=')) {
                    boolean opEq = i + 1 < end && s.charAt(i + 1) == '=';
                    if (c == ':' || (c == '!' && !opEq) || (c == '=' && !opEq)) {
                        return i;
                    }
                    i += 2;
                    continue;
                } else if ((c == '<' || c == '>') && i + 1 < end && s.charAt(i + 1) == '=') {
                    i += 2;
                    continue;
                }
                i++;
            }
            if (quote != 0) {
                throw fError("f-string: unterminated string");
            }
            if (!stack.isEmpty()) {
                throw fError("f-string: unmatched '" + stack.charAt(stack.length() - 1) + "'");
            }
            throw fError("f-string: expecting '}'");
        }

        private Expr parseExpr(int from, int to) {
            try {
                return parser.parseFragment(from, to);
            } catch (PySyntaxError e) {
                if (e.msg().startsWith("f-string")) {
                    throw e;
                }
                throw new PySyntaxError(e.kind(), "f-string: " + e.msg(), e.filename(), e.line(), e.column(),
                        e.endLine(), e.endColumn(), e.text(), e.tokenizerError(), false);
            }
        }

        /** CPython 3.11 reports f-string errors just past the end of the literal. */
        private PySyntaxError fError(String msg) {
            Token t = lit.tok();
            return parser.errorAt(PySyntaxError.Kind.SyntaxError, msg, t.endLine(), t.endCol(), t.endLine(), t.endCol());
        }
    }
}
