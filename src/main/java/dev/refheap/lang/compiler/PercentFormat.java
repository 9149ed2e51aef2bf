package dev.refheap.lang.compiler;

import dev.refheap.lang.ast.Expr;
import dev.refheap.lang.ast.Pos;

import java.util.ArrayList;
import java.util.List;

/**
 * CPython 3.11's {@code optimize_format} (ast_opt.c): {@code 'literal %s %-5r %.3a' % (x, y, z)} becomes
 * the f-string {@code f'literal {x!s} {y!r:5} {z!a:.3}'} when every format unit is {@code %s},
 * {@code %r} or {@code %a} with at most two-digit width/precision and the units match the tuple's
 * items one to one; otherwise the expression is left alone. The literal parts and specs get no
 * position (line -1), the formatted values their item's position, as in CPython. Stateless.
 */
final class PercentFormat {
    private static final int MAXDIGITS = 3;
    private static final Pos NO_POS = new Pos(-1, -1, -1, -1);

    private PercentFormat() {}

    /** The JoinedStr replacing {@code node}, or null if CPython would not rewrite it. */
    static Expr optimize(Expr node, String fmt, List<Expr> elts) {
        int[] cps = fmt.codePoints().toArray();
        int[] pos = {0};
        int cnt = 0;
        List<Expr> seq = new ArrayList<>();
        while (true) {
            Expr lit = literal(cps, pos);
            if (lit != null) {
                seq.add(lit);
            }
            if (pos[0] >= cps.length) {
                break;
            }
            if (cnt >= elts.size()) {
                return null;
            }
            pos[0]++;
            Expr e = unit(cps, pos, elts.get(cnt));
            cnt++;
            if (e == null) {
                return null;
            }
            seq.add(e);
        }
        if (cnt < elts.size()) {
            return null;
        }
        return new Expr.JoinedStr(seq, node.pos());
    }

    private static Expr literal(int[] cps, int[] ppos) {
        int start = ppos[0];
        int pos = start;
        StringBuilder b = new StringBuilder();
        while (pos < cps.length) {
            if (cps[pos] != '%') {
                b.appendCodePoint(cps[pos]);
                pos++;
            } else if (pos + 1 < cps.length && cps[pos + 1] == '%') {
                b.append('%');
                pos += 2;
            } else {
                break;
            }
        }
        ppos[0] = pos;
        return pos == start ? null : new Expr.Constant(b.toString(), null, NO_POS);
    }

    /** One {@code %[flags][width][.prec]spec} unit after the '%'; null when unsupported. */
    private static Expr unit(int[] cps, int[] ppos, Expr arg) {
        int pos = ppos[0];
        boolean ljust = false;
        int ch;
        while (true) {
            if (pos >= cps.length) {
                return null;
            }
            ch = cps[pos++];
            if (ch == '-') {
                ljust = true;
            } else if (ch != '+' && ch != ' ' && ch != '#' && ch != '0') {
                break;
            }
        }
        int width = -1;
        int prec = -1;
        if (ch >= '0' && ch <= '9') {
            width = 0;
            int digits = 0;
            while (ch >= '0' && ch <= '9') {
                width = width * 10 + (ch - '0');
                if (pos >= cps.length) {
                    return null;
                }
                ch = cps[pos++];
                if (++digits >= MAXDIGITS) {
                    return null;
                }
            }
        }
        if (ch == '.') {
            if (pos >= cps.length) {
                return null;
            }
            ch = cps[pos++];
            prec = 0;
            int digits = 0;
            while (ch >= '0' && ch <= '9') {
                prec = prec * 10 + (ch - '0');
                if (pos >= cps.length) {
                    return null;
                }
                ch = cps[pos++];
                if (++digits >= MAXDIGITS) {
                    return null;
                }
            }
        }
        ppos[0] = pos;
        if (ch != 's' && ch != 'r' && ch != 'a') {
            return null;
        }
        StringBuilder spec = new StringBuilder();
        if (!ljust && width > 0) {
            spec.append('>');
        }
        if (width >= 0) {
            spec.append(width);
        }
        if (prec >= 0) {
            spec.append('.').append(prec);
        }
        Expr formatSpec = spec.isEmpty() ? null : new Expr.Constant(spec.toString(), null, NO_POS);
        return new Expr.FormattedValue(arg, ch, formatSpec, arg.pos());
    }
}
