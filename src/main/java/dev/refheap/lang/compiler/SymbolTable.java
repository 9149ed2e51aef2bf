package dev.refheap.lang.compiler;

import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.ast.Alias;
import dev.refheap.lang.ast.Arg;
import dev.refheap.lang.ast.Arguments;
import dev.refheap.lang.ast.Comprehension;
import dev.refheap.lang.ast.ExceptHandler;
import dev.refheap.lang.ast.Expr;
import dev.refheap.lang.ast.ExprContext;
import dev.refheap.lang.ast.Keyword;
import dev.refheap.lang.ast.Module;
import dev.refheap.lang.ast.Pos;
import dev.refheap.lang.ast.Stmt;
import dev.refheap.lang.ast.WithItem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CPython 3.11's symbol table ({@code Python/symtable.c}): one {@link Scope} per module, class,
 * function, lambda and comprehension, recording for every name the flags its uses set (assigned,
 * parameter, used, global, nonlocal, imported, annotated, comprehension iteration variable), then
 * an analysis pass that resolves each name to LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE or CELL
 * exactly as CPython does (class scopes are invisible to nested functions; {@code __class__} is an
 * implicit cell of a class whose methods use {@code super} or {@code __class__}).
 *
 * <p>Built in two states by {@link #build}: first the visit (scopes created, flags recorded, the
 * errors CPython's visitor raises), then the analysis (scopes filled in, the nonlocal/global errors).
 * After that the table is read-only; {@link #scopeOf} finds the scope a node opened.
 * Names are mangled ({@code __x} in class {@code C} is {@code _C__x}) as CPython does.
 */
final class SymbolTable {
    // flags, CPython's values
    static final int DEF_GLOBAL = 1, DEF_LOCAL = 2, DEF_PARAM = 4, DEF_NONLOCAL = 8, USE = 16, DEF_FREE = 32,
            DEF_FREE_CLASS = 64, DEF_IMPORT = 128, DEF_ANNOT = 256, DEF_COMP_ITER = 512;
    static final int DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
    static final int SCOPE_OFFSET = 11, SCOPE_MASK = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;
    // scopes
    static final int LOCAL = 1, GLOBAL_EXPLICIT = 2, GLOBAL_IMPLICIT = 3, FREE = 4, CELL = 5;

    /**
     * ANNOTATION: an annotation under {@code from __future__ import annotations}, visited in a block
     * of its own that is never analyzed (its names are no uses of the enclosing scopes, as CPython's
     * AnnotationBlock), where yield, await and := are SyntaxErrors.
     */
    enum BlockType { MODULE, FUNCTION, CLASS, ANNOTATION }

    enum ComprehensionKind { NONE, LIST, SET, DICT, GENERATOR }

    /** One block's symbols (CPython's {@code PySTEntryObject}). */
    static final class Scope {
        final String name;
        final BlockType type;
        final Pos pos;
        final Map<String, Integer> symbols = new LinkedHashMap<>();
        final List<String> varnames = new ArrayList<>();
        final List<Scope> children = new ArrayList<>();
        final List<Object[]> directives = new ArrayList<>();
        boolean nested, generator, varargs, varkeywords, returnsValue, needsClassClosure, childFree, free;
        boolean compIterTarget, coroutine;
        int compIterExpr;
        ComprehensionKind comprehension = ComprehensionKind.NONE;

        Scope(String name, BlockType type, Pos pos) {
            this.name = name;
            this.type = type;
            this.pos = pos;
        }

        int flags(String name) {
            return symbols.getOrDefault(name, 0);
        }

        /** LOCAL .. CELL, or 0 if the name is unknown here. */
        int scope(String name) {
            return (flags(name) >> SCOPE_OFFSET) & 7;
        }

        /** Names whose scope is {@code scope} or that carry {@code flag}, sorted (CPython's dictbytype). */
        List<String> namesByScope(int scope, int flag) {
            List<String> out = new ArrayList<>();
            for (Map.Entry<String, Integer> e : symbols.entrySet()) {
                int v = e.getValue();
                if (((v >> SCOPE_OFFSET) & 7) == scope || (v & flag) != 0) {
                    out.add(e.getKey());
                }
            }
            out.sort(null);
            return out;
        }
    }

    private final String filename;
    private final CompileErrors errors;
    private final Map<Object, Scope> scopes = new IdentityHashMap<>();
    private final List<Scope> stack = new ArrayList<>();
    private Scope top;
    private Scope cur;
    private Map<String, Integer> globals;
    private String privateName;
    /** CO_FUTURE_ANNOTATIONS: annotations are strings, their expressions never evaluated. */
    private boolean futureAnnotations;

    private SymbolTable(String filename, CompileErrors errors) {
        this.filename = filename;
        this.errors = errors;
    }

    /** Builds and analyzes the table of a module; {@code key} is the node the compiler looks the module up by. */
    static SymbolTable build(Module m, Object key, CompileErrors errors) {
        return build(m, key, errors, false);
    }

    /** As {@link #build(Module, Object, CompileErrors)}, with {@code futureAnnotations} the module's CO_FUTURE_ANNOTATIONS. */
    static SymbolTable build(Module m, Object key, CompileErrors errors, boolean futureAnnotations) {
        SymbolTable st = new SymbolTable(errors.filename(), errors);
        st.futureAnnotations = futureAnnotations;
        st.enterBlock("top", BlockType.MODULE, key, new Pos(0, 0, 0, 0));
        st.globals = st.cur.symbols;
        for (Stmt s : m.body()) {
            st.visitStmt(s);
        }
        st.exitBlock();
        st.analyze();
        return st;
    }

    /** Builds the table of a single expression (eval mode). */
    static SymbolTable build(Expr e, Object key, CompileErrors errors) {
        SymbolTable st = new SymbolTable(errors.filename(), errors);
        st.enterBlock("top", BlockType.MODULE, key, new Pos(0, 0, 0, 0));
        st.globals = st.cur.symbols;
        st.visitExpr(e);
        st.exitBlock();
        st.analyze();
        return st;
    }

    Scope scopeOf(Object node) {
        Scope s = scopes.get(node);
        if (s == null) {
            throw new IllegalStateException("no scope for " + node);
        }
        return s;
    }

    Scope top() {
        return top;
    }

    // ================================================================== name mangling

    /** CPython's {@code _Py_Mangle}. */
    static String mangle(String privateName, String name) {
        if (privateName == null || !name.startsWith("__") || name.endsWith("__") || name.indexOf('.') >= 0) {
            return name;
        }
        int i = 0;
        while (i < privateName.length() && privateName.charAt(i) == '_') {
            i++;
        }
        if (i == privateName.length()) {
            return name;
        }
        return "_" + privateName.substring(i) + name;
    }

    // ================================================================== blocks

    private void enterBlock(String name, BlockType type, Object key, Pos pos) {
        Scope s = new Scope(name, type, pos);
        if (cur != null) {
            s.nested = cur.nested || cur.type == BlockType.FUNCTION;
            s.compIterExpr = cur.compIterExpr;
            cur.children.add(s);
            stack.add(cur);
        } else {
            top = s;
        }
        scopes.put(key, s);
        cur = s;
    }

    private void exitBlock() {
        cur = stack.isEmpty() ? null : stack.removeLast();
    }

    /** symtable_visit_annotation: an annotation's expression, in an ANNOTATION block under the future import. */
    private void visitAnnotation(Expr annotation) {
        if (!futureAnnotations) {
            visitExpr(annotation);
            return;
        }
        Scope s = new Scope("_annotation", BlockType.ANNOTATION, annotation.pos());
        s.nested = cur.nested || cur.type == BlockType.FUNCTION;
        stack.add(cur);  // (not one of cur's children: the analysis never sees it)
        cur = s;
        try {
            visitExpr(annotation);
        } finally {
            exitBlock();
        }
    }

    /** symtable_raise_if_annotation_block: {@code what} is refused in an annotation under the future import. */
    private void refuseInAnnotation(String what, Expr e) {
        if (cur.type == BlockType.ANNOTATION) throw errors.at(e.pos(), "'" + what + "' can not be used within an annotation");
    }

    // ================================================================== definitions

    private int lookup(String name) {
        return cur.flags(mangle(privateName, name));
    }

    private void addDef(String name, int flag, Pos pos) {
        addDef(name, flag, cur, pos);
    }

    private void addDef(String name, int flag, Scope ste, Pos pos) {
        String mangled = mangle(privateName, name);
        Integer old = ste.symbols.get(mangled);
        int val;
        if (old != null) {
            if ((flag & DEF_PARAM) != 0 && (old & DEF_PARAM) != 0) {
                throw errors.at(pos, "duplicate argument '" + name + "' in function definition");
            }
            val = old | flag;
        } else {
            val = flag;
        }
        if (ste.compIterTarget) {
            if ((val & (DEF_GLOBAL | DEF_NONLOCAL)) != 0) {
                throw errors.at(pos, "comprehension inner loop cannot rebind assignment expression target '"
                        + name + "'");
            }
            val |= DEF_COMP_ITER;
        }
        ste.symbols.put(mangled, val);
        if ((flag & DEF_PARAM) != 0) {
            ste.varnames.add(mangled);
        } else if ((flag & DEF_GLOBAL) != 0) {
            globals.merge(mangled, flag, (a, b) -> a | b);
        }
    }

    private void recordDirective(String name, Pos pos) {
        cur.directives.add(new Object[] {mangle(privateName, name), pos});
    }

    // ================================================================== statements

    private void visitStmts(List<Stmt> body) {
        for (Stmt s : body) {
            visitStmt(s);
        }
    }

    private void visitStmt(Stmt s) {
        switch (s) {
            case Stmt.FunctionDef f -> visitFunctionDef(f);
            case Stmt.AsyncFunctionDef f -> visitAsyncFunctionDef(f);
            case Stmt.AsyncFor f -> {
                visitExpr(f.target());
                visitExpr(f.iter());
                visitStmts(f.body());
                visitStmts(f.orelse());
            }
            case Stmt.AsyncWith w -> {
                for (WithItem item : w.items()) {
                    visitExpr(item.contextExpr());
                    if (item.optionalVars() != null) {
                        visitExpr(item.optionalVars());
                    }
                }
                visitStmts(w.body());
            }
            case Stmt.Match m -> {
                visitExpr(m.subject());
                for (dev.refheap.lang.ast.MatchCase c : m.cases()) {
                    visitPattern(c.pattern());
                    if (c.guard() != null) {
                        visitExpr(c.guard());
                    }
                    visitStmts(c.body());
                }
            }
            case Stmt.TryStar t -> {
                visitStmts(t.body());
                visitStmts(t.orelse());
                for (ExceptHandler h : t.handlers()) {
                    visitHandler(h);
                }
                visitStmts(t.finalbody());
            }
            case Stmt.ClassDef c -> visitClassDef(c);
            case Stmt.Return r -> {
                if (r.value() != null) {
                    visitExpr(r.value());
                    cur.returnsValue = true;
                }
            }
            case Stmt.Delete d -> visitExprs(d.targets());
            case Stmt.Assign a -> {
                visitExprs(a.targets());
                visitExpr(a.value());
            }
            case Stmt.AnnAssign a -> visitAnnAssign(a);
            case Stmt.AugAssign a -> {
                visitExpr(a.target());
                visitExpr(a.value());
            }
            case Stmt.For f -> {
                visitExpr(f.target());
                visitExpr(f.iter());
                visitStmts(f.body());
                visitStmts(f.orelse());
            }
            case Stmt.While w -> {
                visitExpr(w.test());
                visitStmts(w.body());
                visitStmts(w.orelse());
            }
            case Stmt.If i -> {
                visitExpr(i.test());
                visitStmts(i.body());
                visitStmts(i.orelse());
            }
            case Stmt.Raise r -> {
                if (r.exc() != null) {
                    visitExpr(r.exc());
                    if (r.cause() != null) {
                        visitExpr(r.cause());
                    }
                }
            }
            case Stmt.Try t -> {
                visitStmts(t.body());
                visitStmts(t.orelse());
                for (ExceptHandler h : t.handlers()) {
                    visitHandler(h);
                }
                visitStmts(t.finalbody());
            }
            case Stmt.Assert a -> {
                visitExpr(a.test());
                if (a.msg() != null) {
                    visitExpr(a.msg());
                }
            }
            case Stmt.Import i -> i.names().forEach(this::visitAlias);
            case Stmt.ImportFrom i -> i.names().forEach(this::visitAlias);
            case Stmt.Global g -> visitGlobal(g);
            case Stmt.Nonlocal n -> visitNonlocal(n);
            case Stmt.ExprStmt e -> visitExpr(e.value());
            case Stmt.With w -> {
                for (WithItem item : w.items()) {
                    visitExpr(item.contextExpr());
                    if (item.optionalVars() != null) {
                        visitExpr(item.optionalVars());
                    }
                }
                visitStmts(w.body());
            }
            case Stmt.Pass p -> { }
            case Stmt.Break b -> { }
            case Stmt.Continue c -> { }
        }
    }

    private void visitAsyncFunctionDef(Stmt.AsyncFunctionDef f) {
        addDef(f.name(), DEF_LOCAL, f.pos());
        visitDefaults(f.args());
        visitAnnotations(f.args(), f.returns());
        visitExprs(f.decoratorList());
        enterBlock(f.name(), BlockType.FUNCTION, f, f.pos());
        cur.coroutine = true;
        visitParams(f.args());
        visitStmts(f.body());
        exitBlock();
    }

    /** symtable_visit_pattern: capture names are local definitions; values and classes are uses. */
    private void visitPattern(dev.refheap.lang.ast.Pattern p) {
        switch (p) {
            case dev.refheap.lang.ast.Pattern.MatchValue v -> visitExpr(v.value());
            case dev.refheap.lang.ast.Pattern.MatchSingleton v -> { }
            case dev.refheap.lang.ast.Pattern.MatchSequence q -> q.patterns().forEach(this::visitPattern);
            case dev.refheap.lang.ast.Pattern.MatchStar q -> {
                if (q.name() != null) {
                    addDef(q.name(), DEF_LOCAL, q.pos());
                }
            }
            case dev.refheap.lang.ast.Pattern.MatchMapping q -> {
                visitExprs(q.keys());
                q.patterns().forEach(this::visitPattern);
                if (q.rest() != null) {
                    addDef(q.rest(), DEF_LOCAL, q.pos());
                }
            }
            case dev.refheap.lang.ast.Pattern.MatchClass q -> {
                visitExpr(q.cls());
                q.patterns().forEach(this::visitPattern);
                q.kwdPatterns().forEach(this::visitPattern);
            }
            case dev.refheap.lang.ast.Pattern.MatchAs q -> {
                if (q.pattern() != null) {
                    visitPattern(q.pattern());
                }
                if (q.name() != null) {
                    addDef(q.name(), DEF_LOCAL, q.pos());
                }
            }
            case dev.refheap.lang.ast.Pattern.MatchOr q -> q.patterns().forEach(this::visitPattern);
        }
    }

    private void visitFunctionDef(Stmt.FunctionDef f) {
        addDef(f.name(), DEF_LOCAL, f.pos());
        visitDefaults(f.args());
        visitAnnotations(f.args(), f.returns());
        visitExprs(f.decoratorList());
        enterBlock(f.name(), BlockType.FUNCTION, f, f.pos());
        visitParams(f.args());
        visitStmts(f.body());
        exitBlock();
    }

    private void visitDefaults(Arguments a) {
        visitExprs(a.defaults());
        for (Expr e : a.kwDefaults()) {
            if (e != null) {
                visitExpr(e);
            }
        }
    }

    private void visitAnnotations(Arguments a, Expr returns) {
        visitArgAnnotations(a.posonlyargs());
        visitArgAnnotations(a.args());
        if (a.vararg() != null && a.vararg().annotation() != null) {
            visitAnnotation(a.vararg().annotation());
        }
        if (a.kwarg() != null && a.kwarg().annotation() != null) {
            visitAnnotation(a.kwarg().annotation());
        }
        visitArgAnnotations(a.kwonlyargs());
        if (returns != null) {
            visitAnnotation(returns);
        }
    }

    private void visitArgAnnotations(List<Arg> args) {
        for (Arg a : args) {
            if (a.annotation() != null) {
                visitAnnotation(a.annotation());
            }
        }
    }

    private void visitParams(Arguments a) {
        for (Arg p : a.posonlyargs()) {
            addDef(p.arg(), DEF_PARAM, p.pos());
        }
        for (Arg p : a.args()) {
            addDef(p.arg(), DEF_PARAM, p.pos());
        }
        for (Arg p : a.kwonlyargs()) {
            addDef(p.arg(), DEF_PARAM, p.pos());
        }
        if (a.vararg() != null) {
            addDef(a.vararg().arg(), DEF_PARAM, a.vararg().pos());
            cur.varargs = true;
        }
        if (a.kwarg() != null) {
            addDef(a.kwarg().arg(), DEF_PARAM, a.kwarg().pos());
            cur.varkeywords = true;
        }
    }

    private void visitClassDef(Stmt.ClassDef c) {
        addDef(c.name(), DEF_LOCAL, c.pos());
        visitExprs(c.bases());
        for (Keyword k : c.keywords()) {
            visitExpr(k.value());
        }
        visitExprs(c.decoratorList());
        enterBlock(c.name(), BlockType.CLASS, c, c.pos());
        String saved = privateName;
        privateName = c.name();
        visitStmts(c.body());
        privateName = saved;
        exitBlock();
    }

    private void visitAnnAssign(Stmt.AnnAssign a) {
        if (a.target() instanceof Expr.Name n) {
            int flags = lookup(n.id());
            if ((flags & (DEF_GLOBAL | DEF_NONLOCAL)) != 0 && cur.symbols != globals && a.simple() != 0) {
                throw errors.at(a.pos(), "annotated name '" + n.id() + "' can't be "
                        + ((flags & DEF_GLOBAL) != 0 ? "global" : "nonlocal"));
            }
            if (a.simple() != 0) {
                addDef(n.id(), DEF_ANNOT | DEF_LOCAL, n.pos());
            } else if (a.value() != null) {
                addDef(n.id(), DEF_LOCAL, n.pos());
            }
        } else {
            visitExpr(a.target());
        }
        visitAnnotation(a.annotation());
        if (a.value() != null) {
            visitExpr(a.value());
        }
    }

    private void visitHandler(ExceptHandler h) {
        if (h.type() != null) {
            visitExpr(h.type());
        }
        if (h.name() != null) {
            addDef(h.name(), DEF_LOCAL, h.pos());
        }
        visitStmts(h.body());
    }

    private void visitAlias(Alias a) {
        String name = a.asname() == null ? a.name() : a.asname();
        int dot = name.indexOf('.');
        String store = dot >= 0 ? name.substring(0, dot) : name;
        if (!name.equals("*")) {
            addDef(store, DEF_IMPORT, a.pos());
        } else if (cur.type != BlockType.MODULE) {
            throw errors.at(a.pos(), "import * only allowed at module level");
        }
    }

    private void visitGlobal(Stmt.Global g) {
        for (String name : g.names()) {
            int flags = lookup(name);
            if ((flags & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) != 0) {
                throw errors.at(g.pos(), directiveError(name, flags, "global"));
            }
            addDef(name, DEF_GLOBAL, g.pos());
            recordDirective(name, g.pos());
        }
    }

    private void visitNonlocal(Stmt.Nonlocal n) {
        for (String name : n.names()) {
            int flags = lookup(name);
            if ((flags & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) != 0) {
                throw errors.at(n.pos(), directiveError(name, flags, "nonlocal"));
            }
            addDef(name, DEF_NONLOCAL, n.pos());
            recordDirective(name, n.pos());
        }
    }

    private static String directiveError(String name, int flags, String kind) {
        if ((flags & DEF_PARAM) != 0) {
            return "name '" + name + "' is parameter and " + kind;
        } else if ((flags & USE) != 0) {
            return "name '" + name + "' is used prior to " + kind + " declaration";
        } else if ((flags & DEF_ANNOT) != 0) {
            return "annotated name '" + name + "' can't be " + kind;
        }
        return "name '" + name + "' is assigned to before " + kind + " declaration";
    }

    // ================================================================== expressions

    private void visitExprs(List<Expr> es) {
        for (Expr e : es) {
            if (e != null) {
                visitExpr(e);
            }
        }
    }

    private void visitExpr(Expr e) {
        switch (e) {
            case Expr.NamedExpr n -> visitNamedExpr(n);
            case Expr.BoolOp b -> visitExprs(b.values());
            case Expr.BinOp b -> {
                visitExpr(b.left());
                visitExpr(b.right());
            }
            case Expr.UnaryOp u -> visitExpr(u.operand());
            case Expr.Lambda l -> {
                visitDefaults(l.args());
                enterBlock("lambda", BlockType.FUNCTION, l, l.pos());
                visitParams(l.args());
                visitExpr(l.body());
                exitBlock();
            }
            case Expr.IfExp i -> {
                visitExpr(i.test());
                visitExpr(i.body());
                visitExpr(i.orelse());
            }
            case Expr.Dict d -> {
                for (int i = 0; i < d.values().size(); i++) {
                    if (d.keys().get(i) != null) {
                        visitExpr(d.keys().get(i));
                    }
                    visitExpr(d.values().get(i));
                }
            }
            case Expr.Set s -> visitExprs(s.elts());
            case Expr.GeneratorExp g -> visitComprehension(g, "genexpr", g.generators(), g.elt(), null,
                    ComprehensionKind.GENERATOR);
            case Expr.ListComp c -> visitComprehension(c, "listcomp", c.generators(), c.elt(), null,
                    ComprehensionKind.LIST);
            case Expr.SetComp c -> visitComprehension(c, "setcomp", c.generators(), c.elt(), null,
                    ComprehensionKind.SET);
            case Expr.DictComp c -> visitComprehension(c, "dictcomp", c.generators(), c.key(), c.value(),
                    ComprehensionKind.DICT);
            case Expr.Yield y -> {
                refuseInAnnotation("yield expression", y);
                if (y.value() != null) {
                    visitExpr(y.value());
                }
                visitYield(y);
            }
            case Expr.YieldFrom y -> {
                refuseInAnnotation("yield expression", y);
                visitExpr(y.value());
                visitYield(y);
            }
            case Expr.Await a -> {
                refuseInAnnotation("await expression", a);
                visitExpr(a.value());
                cur.coroutine = true;
            }
            case Expr.Compare c -> {
                visitExpr(c.left());
                visitExprs(c.comparators());
            }
            case Expr.Call c -> {
                visitExpr(c.func());
                visitExprs(c.args());
                for (Keyword k : c.keywords()) {
                    visitExpr(k.value());
                }
            }
            case Expr.FormattedValue f -> {
                visitExpr(f.value());
                if (f.formatSpec() != null) {
                    visitExpr(f.formatSpec());
                }
            }
            case Expr.JoinedStr j -> visitExprs(j.values());
            case Expr.Constant c -> { }
            case Expr.Attribute a -> visitExpr(a.value());
            case Expr.Subscript s -> {
                visitExpr(s.value());
                visitExpr(s.slice());
            }
            case Expr.Starred s -> visitExpr(s.value());
            case Expr.Slice s -> {
                if (s.lower() != null) {
                    visitExpr(s.lower());
                }
                if (s.upper() != null) {
                    visitExpr(s.upper());
                }
                if (s.step() != null) {
                    visitExpr(s.step());
                }
            }
            case Expr.Name n -> visitName(n);
            case Expr.List l -> visitExprs(l.elts());
            case Expr.Tuple t -> visitExprs(t.elts());
        }
    }

    private void visitName(Expr.Name n) {
        addDef(n.id(), n.ctx() == ExprContext.Load ? USE : DEF_LOCAL, n.pos());
        if (n.ctx() == ExprContext.Load && cur.type == BlockType.FUNCTION && n.id().equals("super")) {
            addDef("__class__", USE, n.pos());
        }
    }

    private void visitYield(Expr e) {
        cur.generator = true;
        if (cur.comprehension != ComprehensionKind.NONE) {
            throw errors.at(e.pos(), switch (cur.comprehension) {
                case LIST -> "'yield' inside list comprehension";
                case SET -> "'yield' inside set comprehension";
                case DICT -> "'yield' inside dict comprehension";
                default -> "'yield' inside generator expression";
            });
        }
    }

    private void visitNamedExpr(Expr.NamedExpr n) {
        refuseInAnnotation("named expression", n);
        if (cur.compIterExpr > 0) {
            throw errors.at(n.pos(), "assignment expression cannot be used in a comprehension iterable expression");
        }
        if (cur.comprehension != ComprehensionKind.NONE) {
            extendNamedExprScope((Expr.Name) n.target());
        }
        visitExpr(n.value());
        visitExpr(n.target());
    }

    /** A walrus in a comprehension binds in the nearest enclosing function or module scope. */
    private void extendNamedExprScope(Expr.Name target) {
        String name = target.id();
        for (int i = stack.size(); i >= 0; i--) {
            Scope ste = i == stack.size() ? cur : stack.get(i);
            if (ste.comprehension != ComprehensionKind.NONE) {
                if ((ste.flags(name) & DEF_COMP_ITER) != 0) {
                    throw errors.at(target.pos(),
                            "assignment expression cannot rebind comprehension iteration variable '" + name + "'");
                }
                continue;
            }
            if (ste.type == BlockType.FUNCTION) {
                addDef(name, (ste.flags(name) & DEF_GLOBAL) != 0 ? DEF_GLOBAL : DEF_NONLOCAL, target.pos());
                recordDirective(name, target.pos());
                addDef(name, DEF_LOCAL, ste, target.pos());
                return;
            }
            if (ste.type == BlockType.MODULE) {
                addDef(name, DEF_GLOBAL, target.pos());
                recordDirective(name, target.pos());
                addDef(name, DEF_GLOBAL, ste, target.pos());
                return;
            }
            throw errors.at(target.pos(), "assignment expression within a comprehension cannot be used in a class body");
        }
        throw new IllegalStateException("no scope for walrus target");
    }

    private void visitComprehension(Expr e, String name, List<Comprehension> gens, Expr elt, Expr value,
                                    ComprehensionKind kind) {
        Comprehension outermost = gens.getFirst();
        cur.compIterExpr++;
        visitExpr(outermost.iter());
        cur.compIterExpr--;
        enterBlock(name, BlockType.FUNCTION, e, e.pos());
        cur.comprehension = kind;
        if (outermost.isAsync() != 0) cur.coroutine = true;
        addDef(".0", DEF_PARAM, e.pos());
        cur.compIterTarget = true;
        visitExpr(outermost.target());
        cur.compIterTarget = false;
        visitExprs(outermost.ifs());
        for (int i = 1; i < gens.size(); i++) {
            Comprehension g = gens.get(i);
            cur.compIterTarget = true;
            visitExpr(g.target());
            cur.compIterTarget = false;
            cur.compIterExpr++;
            visitExpr(g.iter());
            cur.compIterExpr--;
            visitExprs(g.ifs());
            if (g.isAsync() != 0) cur.coroutine = true;
        }
        if (value != null) {
            visitExpr(value);
        }
        visitExpr(elt);
        cur.generator = kind == ComprehensionKind.GENERATOR;
        // an async comprehension other than a generator expression is awaited where it is written
        boolean isAsync = cur.coroutine && !cur.generator;
        exitBlock();
        if (isAsync) cur.coroutine = true;
    }

    // ================================================================== analysis

    private void analyze() {
        analyzeBlock(top, null, new HashSet<>(), new HashSet<>());
    }

    private void analyzeBlock(Scope ste, Set<String> bound, Set<String> free, Set<String> global) {
        Set<String> local = new HashSet<>();
        Map<String, Integer> scopes = new LinkedHashMap<>();
        Set<String> newGlobal = new HashSet<>();
        Set<String> newFree = new HashSet<>();
        Set<String> newBound = new HashSet<>();
        if (ste.type == BlockType.CLASS) {
            newGlobal.addAll(global);
            if (bound != null) {
                newBound.addAll(bound);
            }
        }
        for (Map.Entry<String, Integer> e : ste.symbols.entrySet()) {
            analyzeName(ste, scopes, e.getKey(), e.getValue(), bound, local, free, global);
        }
        if (ste.type != BlockType.CLASS) {
            if (ste.type == BlockType.FUNCTION) {
                newBound.addAll(local);
            }
            if (bound != null) {
                newBound.addAll(bound);
            }
            newGlobal.addAll(global);
        } else {
            newBound.add("__class__");
        }
        Set<String> allFree = new HashSet<>();
        for (Scope child : ste.children) {
            Set<String> childFree = new HashSet<>(newFree);
            analyzeBlock(child, new HashSet<>(newBound), childFree, new HashSet<>(newGlobal));
            allFree.addAll(childFree);
            if (child.free || child.childFree) {
                ste.childFree = true;
            }
        }
        newFree.addAll(allFree);
        if (ste.type == BlockType.FUNCTION) {
            analyzeCells(scopes, newFree);
        } else if (ste.type == BlockType.CLASS && newFree.remove("__class__")) {
            ste.needsClassClosure = true;
        }
        updateSymbols(ste.symbols, scopes, bound, newFree, ste.type == BlockType.CLASS);
        free.addAll(newFree);
    }

    private void analyzeName(Scope ste, Map<String, Integer> scopes, String name, int flags, Set<String> bound,
                             Set<String> local, Set<String> free, Set<String> global) {
        if ((flags & DEF_GLOBAL) != 0) {
            if ((flags & DEF_NONLOCAL) != 0) {
                throw errorAtDirective(ste, name, "name '" + name + "' is nonlocal and global");
            }
            scopes.put(name, GLOBAL_EXPLICIT);
            global.add(name);
            if (bound != null) {
                bound.remove(name);
            }
            return;
        }
        if ((flags & DEF_NONLOCAL) != 0) {
            if (bound == null) {
                throw errorAtDirective(ste, name, "nonlocal declaration not allowed at module level");
            }
            if (!bound.contains(name)) {
                throw errorAtDirective(ste, name, "no binding for nonlocal '" + name + "' found");
            }
            scopes.put(name, FREE);
            ste.free = true;
            free.add(name);
            return;
        }
        if ((flags & DEF_BOUND) != 0) {
            scopes.put(name, LOCAL);
            local.add(name);
            global.remove(name);
            return;
        }
        if (bound != null && bound.contains(name)) {
            scopes.put(name, FREE);
            ste.free = true;
            free.add(name);
            return;
        }
        if (global.contains(name)) {
            scopes.put(name, GLOBAL_IMPLICIT);
            return;
        }
        if (ste.nested) {
            ste.free = true;
        }
        scopes.put(name, GLOBAL_IMPLICIT);
    }

    private static void analyzeCells(Map<String, Integer> scopes, Set<String> free) {
        for (Map.Entry<String, Integer> e : scopes.entrySet()) {
            if (e.getValue() == LOCAL && free.contains(e.getKey())) {
                e.setValue(CELL);
                free.remove(e.getKey());
            }
        }
    }

    private static void updateSymbols(Map<String, Integer> symbols, Map<String, Integer> scopes, Set<String> bound,
                                      Set<String> free, boolean classBlock) {
        for (Map.Entry<String, Integer> e : symbols.entrySet()) {
            e.setValue(e.getValue() | (scopes.get(e.getKey()) << SCOPE_OFFSET));
        }
        for (String name : free) {
            Integer v = symbols.get(name);
            if (v != null) {
                if (classBlock && (v & (DEF_BOUND | DEF_GLOBAL)) != 0) {
                    symbols.put(name, v | DEF_FREE_CLASS);
                }
                continue;
            }
            if (bound != null && !bound.contains(name)) {
                continue;
            }
            symbols.put(name, FREE << SCOPE_OFFSET);
        }
    }

    private PySyntaxError errorAtDirective(Scope ste, String name, String msg) {
        for (Object[] d : ste.directives) {
            if (d[0].equals(name)) {
                return errors.at((Pos) d[1], msg);
            }
        }
        throw new IllegalStateException("BUG: internal directive bookkeeping broken");
    }
}
