package dev.refheap.lang.compiler;

import dev.refheap.lang.ast.Arg;
import dev.refheap.lang.ast.Arguments;
import dev.refheap.lang.ast.CmpOp;
import dev.refheap.lang.ast.Comprehension;
import dev.refheap.lang.ast.ExceptHandler;
import dev.refheap.lang.ast.Expr;
import dev.refheap.lang.ast.ExprContext;
import dev.refheap.lang.ast.Keyword;
import dev.refheap.lang.ast.Module;
import dev.refheap.lang.ast.Stmt;
import dev.refheap.lang.ast.UnaryOperator;
import dev.refheap.lang.ast.WithItem;
import dev.refheap.lang.bytecode.CodeUnit.ConstTuple;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * CPython 3.11's AST optimizer ({@code Python/ast_opt.c}): rewrites a tree bottom-up, replacing
 * constant sub-expressions by {@link Expr.Constant} nodes, in exactly the places CPython does:
 * unary and binary operations on constants ({@link ConstOps} decides what folds), subscripts of
 * constants, tuple displays of constants (the value becomes a {@link ConstTuple}), {@code __debug__},
 * {@code not (a is b)} into {@code a is not b} (and {@code in}), {@code 'fmt' % (a, b)} with simple
 * {@code %s %r %a} units into an f-string ({@link PercentFormat}), and a list display iterated by
 * {@code for} / a comprehension or right of {@code in} becomes a tuple (a set display of constants a
 * {@link ConstFrozenset}). A folded node keeps its position.
 *
 * <p>Stateless apart from {@link #futureAnnotations} (annotations are left alone under
 * {@code from __future__ import annotations}).
 */
final class ConstantFolder {
    private final boolean futureAnnotations;

    ConstantFolder(boolean futureAnnotations) {
        this.futureAnnotations = futureAnnotations;
    }

    Module fold(Module m) {
        return new Module(stmts(m.body()));
    }

    Expr fold(Expr e) {
        return expr(e);
    }

    // ---------------------------------------------------------------- statements

    private List<Stmt> stmts(List<Stmt> body) {
        List<Stmt> out = new ArrayList<>(body.size());
        for (Stmt s : body) {
            out.add(stmt(s));
        }
        return out;
    }

    private Stmt stmt(Stmt s) {
        return switch (s) {
            case Stmt.FunctionDef f -> new Stmt.FunctionDef(f.name(), arguments(f.args()), stmts(f.body()),
                    exprs(f.decoratorList()), annotation(f.returns()), f.pos());
            case Stmt.ClassDef c -> new Stmt.ClassDef(c.name(), exprs(c.bases()), keywords(c.keywords()),
                    stmts(c.body()), exprs(c.decoratorList()), c.pos());
            case Stmt.Return r -> new Stmt.Return(opt(r.value()), r.pos());
            case Stmt.Delete d -> new Stmt.Delete(exprs(d.targets()), d.pos());
            case Stmt.Assign a -> new Stmt.Assign(exprs(a.targets()), expr(a.value()), a.pos());
            case Stmt.AugAssign a -> new Stmt.AugAssign(expr(a.target()), a.op(), expr(a.value()), a.pos());
            case Stmt.AnnAssign a -> new Stmt.AnnAssign(expr(a.target()), annotation(a.annotation()),
                    opt(a.value()), a.simple(), a.pos());
            case Stmt.For f -> new Stmt.For(expr(f.target()), foldIter(expr(f.iter())), stmts(f.body()),
                    stmts(f.orelse()), f.pos());
            case Stmt.While w -> new Stmt.While(expr(w.test()), stmts(w.body()), stmts(w.orelse()), w.pos());
            case Stmt.If i -> new Stmt.If(expr(i.test()), stmts(i.body()), stmts(i.orelse()), i.pos());
            case Stmt.With w -> new Stmt.With(map(w.items(), it -> new WithItem(expr(it.contextExpr()),
                    opt(it.optionalVars()))), stmts(w.body()), w.pos());
            case Stmt.Raise r -> new Stmt.Raise(opt(r.exc()), opt(r.cause()), r.pos());
            case Stmt.Try t -> new Stmt.Try(stmts(t.body()), map(t.handlers(), h -> new ExceptHandler(
                    opt(h.type()), h.name(), stmts(h.body()), h.pos())), stmts(t.orelse()), stmts(t.finalbody()),
                    t.pos());
            case Stmt.AsyncFunctionDef f -> new Stmt.AsyncFunctionDef(f.name(), arguments(f.args()), stmts(f.body()),
                    exprs(f.decoratorList()), annotation(f.returns()), f.pos());
            case Stmt.AsyncFor f -> new Stmt.AsyncFor(expr(f.target()), expr(f.iter()), stmts(f.body()),
                    stmts(f.orelse()), f.pos());
            case Stmt.AsyncWith w -> new Stmt.AsyncWith(map(w.items(), it -> new WithItem(expr(it.contextExpr()),
                    opt(it.optionalVars()))), stmts(w.body()), w.pos());
            case Stmt.TryStar t -> new Stmt.TryStar(stmts(t.body()), map(t.handlers(), h -> new ExceptHandler(
                    opt(h.type()), h.name(), stmts(h.body()), h.pos())), stmts(t.orelse()), stmts(t.finalbody()),
                    t.pos());
            case Stmt.Match m -> new Stmt.Match(expr(m.subject()), map(m.cases(), c -> new dev.refheap.lang.ast.MatchCase(
                    pattern(c.pattern()), opt(c.guard()), stmts(c.body()))), m.pos());
            case Stmt.Assert a -> new Stmt.Assert(expr(a.test()), opt(a.msg()), a.pos());
            case Stmt.ExprStmt e -> new Stmt.ExprStmt(expr(e.value()), e.pos());
            default -> s;
        };
    }

    /** astfold_pattern: values, mapping keys and class names are folded (so {@code -1} is a constant). */
    private dev.refheap.lang.ast.Pattern pattern(dev.refheap.lang.ast.Pattern p) {
        return switch (p) {
            case dev.refheap.lang.ast.Pattern.MatchValue v -> new dev.refheap.lang.ast.Pattern.MatchValue(expr(v.value()), v.pos());
            case dev.refheap.lang.ast.Pattern.MatchSequence q -> new dev.refheap.lang.ast.Pattern.MatchSequence(
                    map(q.patterns(), this::pattern), q.pos());
            case dev.refheap.lang.ast.Pattern.MatchMapping q -> new dev.refheap.lang.ast.Pattern.MatchMapping(
                    exprs(q.keys()), map(q.patterns(), this::pattern), q.rest(), q.pos());
            case dev.refheap.lang.ast.Pattern.MatchClass q -> new dev.refheap.lang.ast.Pattern.MatchClass(expr(q.cls()),
                    map(q.patterns(), this::pattern), q.kwdAttrs(), map(q.kwdPatterns(), this::pattern), q.pos());
            case dev.refheap.lang.ast.Pattern.MatchAs q -> new dev.refheap.lang.ast.Pattern.MatchAs(
                    q.pattern() == null ? null : pattern(q.pattern()), q.name(), q.pos());
            case dev.refheap.lang.ast.Pattern.MatchOr q -> new dev.refheap.lang.ast.Pattern.MatchOr(
                    map(q.patterns(), this::pattern), q.pos());
            default -> p;
        };
    }

    private Arguments arguments(Arguments a) {
        return new Arguments(args(a.posonlyargs()), args(a.args()), arg(a.vararg()), args(a.kwonlyargs()),
                map(a.kwDefaults(), this::opt), arg(a.kwarg()), exprs(a.defaults()));
    }

    private List<Arg> args(List<Arg> args) {
        return map(args, this::arg);
    }

    private Arg arg(Arg a) {
        return a == null ? null : new Arg(a.arg(), annotation(a.annotation()), a.pos());
    }

    private Expr annotation(Expr e) {
        return futureAnnotations ? e : opt(e);
    }

    private List<Keyword> keywords(List<Keyword> ks) {
        return map(ks, k -> new Keyword(k.arg(), expr(k.value()), k.pos()));
    }

    // ---------------------------------------------------------------- expressions

    private Expr opt(Expr e) {
        return e == null ? null : expr(e);
    }

    private List<Expr> exprs(List<Expr> es) {
        return map(es, this::opt);
    }

    private Expr expr(Expr e) {
        return switch (e) {
            case Expr.BoolOp b -> new Expr.BoolOp(b.op(), exprs(b.values()), b.pos());
            case Expr.NamedExpr n -> new Expr.NamedExpr(expr(n.target()), expr(n.value()), n.pos());
            case Expr.BinOp b -> foldBinOp(new Expr.BinOp(expr(b.left()), b.op(), expr(b.right()), b.pos()));
            case Expr.UnaryOp u -> foldUnaryOp(new Expr.UnaryOp(u.op(), expr(u.operand()), u.pos()));
            case Expr.Lambda l -> new Expr.Lambda(arguments(l.args()), expr(l.body()), l.pos());
            case Expr.IfExp i -> new Expr.IfExp(expr(i.test()), expr(i.body()), expr(i.orelse()), i.pos());
            case Expr.Dict d -> new Expr.Dict(exprs(d.keys()), exprs(d.values()), d.pos());
            case Expr.Set s -> new Expr.Set(exprs(s.elts()), s.pos());
            case Expr.ListComp c -> new Expr.ListComp(expr(c.elt()), comprehensions(c.generators()), c.pos());
            case Expr.SetComp c -> new Expr.SetComp(expr(c.elt()), comprehensions(c.generators()), c.pos());
            case Expr.DictComp c -> new Expr.DictComp(expr(c.key()), expr(c.value()),
                    comprehensions(c.generators()), c.pos());
            case Expr.GeneratorExp c -> new Expr.GeneratorExp(expr(c.elt()), comprehensions(c.generators()),
                    c.pos());
            case Expr.Yield y -> new Expr.Yield(opt(y.value()), y.pos());
            case Expr.YieldFrom y -> new Expr.YieldFrom(expr(y.value()), y.pos());
            case Expr.Await a -> new Expr.Await(expr(a.value()), a.pos());
            case Expr.Compare c -> foldCompare(new Expr.Compare(expr(c.left()), c.ops(), exprs(c.comparators()),
                    c.pos()));
            case Expr.Call c -> new Expr.Call(expr(c.func()), exprs(c.args()), keywords(c.keywords()), c.pos());
            case Expr.FormattedValue f -> new Expr.FormattedValue(expr(f.value()), f.conversion(),
                    opt(f.formatSpec()), f.pos());
            case Expr.JoinedStr j -> new Expr.JoinedStr(exprs(j.values()), j.pos());
            case Expr.Attribute a -> new Expr.Attribute(expr(a.value()), a.attr(), a.ctx(), a.pos());
            case Expr.Subscript s -> foldSubscript(new Expr.Subscript(expr(s.value()), expr(s.slice()), s.ctx(),
                    s.pos()));
            case Expr.Starred s -> new Expr.Starred(expr(s.value()), s.ctx(), s.pos());
            case Expr.Name n -> n.ctx() == ExprContext.Load && n.id().equals("__debug__")
                    ? new Expr.Constant(Boolean.TRUE, null, n.pos()) : n;
            case Expr.List l -> new Expr.List(exprs(l.elts()), l.ctx(), l.pos());
            case Expr.Tuple t -> foldTuple(new Expr.Tuple(exprs(t.elts()), t.ctx(), t.pos()));
            case Expr.Slice s -> new Expr.Slice(opt(s.lower()), opt(s.upper()), opt(s.step()), s.pos());
            case Expr.Constant c -> c;
        };
    }

    private List<Comprehension> comprehensions(List<Comprehension> gens) {
        return map(gens, g -> new Comprehension(expr(g.target()), foldIter(expr(g.iter())), exprs(g.ifs()),
                g.isAsync()));
    }

    // ---------------------------------------------------------------- the folds

    private static Expr constant(Expr node, Object value) {
        return value == null ? node : new Expr.Constant(value, null, node.pos());
    }

    private static Expr foldBinOp(Expr.BinOp b) {
        if (b.op() == dev.refheap.lang.ast.Operator.Mod && b.left() instanceof Expr.Constant l
                && l.value() instanceof String fmt && b.right() instanceof Expr.Tuple t
                && t.elts().stream().noneMatch(x -> x instanceof Expr.Starred)) {
            Expr f = PercentFormat.optimize(b, fmt, t.elts());
            return f != null ? f : b;
        }
        if (b.left() instanceof Expr.Constant l && b.right() instanceof Expr.Constant r) {
            return constant(b, ConstOps.binary(b.op(), l.value(), r.value()));
        }
        return b;
    }

    private static Expr foldUnaryOp(Expr.UnaryOp u) {
        if (u.operand() instanceof Expr.Constant c) {
            return constant(u, ConstOps.unary(u.op(), c.value()));
        }
        if (u.op() == UnaryOperator.Not && u.operand() instanceof Expr.Compare c && c.ops().size() == 1) {
            CmpOp inverted = switch (c.ops().getFirst()) {
                case Is -> CmpOp.IsNot;
                case IsNot -> CmpOp.Is;
                case In -> CmpOp.NotIn;
                case NotIn -> CmpOp.In;
                default -> null;
            };
            if (inverted != null) {
                return new Expr.Compare(c.left(), List.of(inverted), c.comparators(), c.pos());
            }
        }
        return u;
    }

    private static Expr foldSubscript(Expr.Subscript s) {
        if (s.ctx() == ExprContext.Load && s.value() instanceof Expr.Constant v
                && s.slice() instanceof Expr.Constant i) {
            return constant(s, ConstOps.subscript(v.value(), i.value()));
        }
        return s;
    }

    private static Expr foldTuple(Expr.Tuple t) {
        return t.ctx() == ExprContext.Load ? constant(t, constTuple(t.elts())) : t;
    }

    private static ConstTuple constTuple(List<Expr> elts) {
        List<Object> items = new ArrayList<>(elts.size());
        for (Expr e : elts) {
            if (!(e instanceof Expr.Constant c)) {
                return null;
            }
            items.add(c.value());
        }
        return new ConstTuple(List.copyOf(items));
    }

    private static Expr foldCompare(Expr.Compare c) {
        int last = c.ops().size() - 1;
        CmpOp op = c.ops().get(last);
        if (op == CmpOp.In || op == CmpOp.NotIn) {
            List<Expr> comparators = new ArrayList<>(c.comparators());
            comparators.set(last, foldIter(comparators.get(last)));
            return new Expr.Compare(c.left(), c.ops(), comparators, c.pos());
        }
        return c;
    }

    /** A list display being iterated becomes a tuple (a constant one if it can), a set of constants a frozenset. */
    private static Expr foldIter(Expr e) {
        if (e instanceof Expr.List l && l.elts().stream().noneMatch(x -> x instanceof Expr.Starred)) {
            return foldTuple(new Expr.Tuple(l.elts(), l.ctx(), l.pos()));
        }
        if (e instanceof Expr.Set s) {
            ConstTuple items = constTuple(s.elts());
            return items == null ? e : new Expr.Constant(ConstOps.frozenset(items.items()), null, s.pos());
        }
        return e;
    }

    private static <T> List<T> map(List<T> xs, Function<T, T> f) {
        List<T> out = new ArrayList<>(xs.size());
        for (T x : xs) {
            out.add(f.apply(x));
        }
        return out;
    }
}
