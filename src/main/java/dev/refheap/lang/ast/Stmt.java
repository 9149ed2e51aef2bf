package dev.refheap.lang.ast;

import java.util.List;

/**
 * Python's {@code ast.stmt} nodes. Each record's components are Python's fields in Python's order,
 * followed by the node's {@link Pos}. Optional fields are null when absent; lists are never null.
 */
public sealed interface Stmt extends Node {

    record FunctionDef(String name, Arguments args, List<Stmt> body, List<Expr> decoratorList, Expr returns,
                       Pos pos) implements Stmt {}

    record AsyncFunctionDef(String name, Arguments args, List<Stmt> body, List<Expr> decoratorList, Expr returns,
                            Pos pos) implements Stmt {}

    record ClassDef(String name, List<Expr> bases, List<Keyword> keywords, List<Stmt> body,
                    List<Expr> decoratorList, Pos pos) implements Stmt {}

    record Return(Expr value, Pos pos) implements Stmt {}

    record Delete(List<Expr> targets, Pos pos) implements Stmt {}

    record Assign(List<Expr> targets, Expr value, Pos pos) implements Stmt {}

    record AugAssign(Expr target, Operator op, Expr value, Pos pos) implements Stmt {}

    /** {@code simple} is 1 when the target is a plain name not in parentheses, else 0 (as in Python). */
    record AnnAssign(Expr target, Expr annotation, Expr value, int simple, Pos pos) implements Stmt {}

    record For(Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse, Pos pos) implements Stmt {}

    record AsyncFor(Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse, Pos pos) implements Stmt {}

    record While(Expr test, List<Stmt> body, List<Stmt> orelse, Pos pos) implements Stmt {}

    record If(Expr test, List<Stmt> body, List<Stmt> orelse, Pos pos) implements Stmt {}

    record With(List<WithItem> items, List<Stmt> body, Pos pos) implements Stmt {}

    record AsyncWith(List<WithItem> items, List<Stmt> body, Pos pos) implements Stmt {}

    record Match(Expr subject, List<MatchCase> cases, Pos pos) implements Stmt {}

    record Raise(Expr exc, Expr cause, Pos pos) implements Stmt {}

    record Try(List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orelse, List<Stmt> finalbody, Pos pos)
            implements Stmt {}

    /** {@code try: ... except* T: ...}: handlers match the parts of an exception group. */
    record TryStar(List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orelse, List<Stmt> finalbody, Pos pos)
            implements Stmt {}

    record Assert(Expr test, Expr msg, Pos pos) implements Stmt {}

    record Import(List<Alias> names, Pos pos) implements Stmt {}

    /** {@code module} is null for {@code from . import x}; {@code level} counts the leading dots. */
    record ImportFrom(String module, List<Alias> names, int level, Pos pos) implements Stmt {}

    record Global(List<String> names, Pos pos) implements Stmt {}

    record Nonlocal(List<String> names, Pos pos) implements Stmt {}

    /** Python's {@code Expr} statement (an expression evaluated for its effect), renamed to avoid a clash. */
    record ExprStmt(Expr value, Pos pos) implements Stmt {}

    record Pass(Pos pos) implements Stmt {}

    record Break(Pos pos) implements Stmt {}

    record Continue(Pos pos) implements Stmt {}
}
