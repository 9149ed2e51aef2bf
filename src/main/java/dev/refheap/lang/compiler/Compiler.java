package dev.refheap.lang.compiler;

import dev.refheap.lang.PySyntaxError;
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
import dev.refheap.lang.ast.WithItem;
import dev.refheap.lang.bytecode.BinaryOp;
import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.lang.bytecode.CodeUnit.ConstTuple;
import dev.refheap.lang.bytecode.Opcode;
import dev.refheap.lang.compiler.Block.Instr;
import dev.refheap.lang.compiler.SymbolTable.BlockType;
import dev.refheap.lang.compiler.SymbolTable.Scope;
import dev.refheap.lang.parser.Parser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.refheap.lang.compiler.Block.op;

/**
 * The refheap compiler: turns a parsed module into {@link CodeUnit}s the way CPython 3.11's
 * {@code Python/compile.c} turns an AST into code objects, instruction for instruction (modulo the
 * differences of refheap's instruction set listed in {@link Opcode}).
 *
 * <p>Pipeline of one {@link #compileModule} call: {@code __future__} check, {@link ConstantFolder}
 * (ast_opt), {@link SymbolTable}, then code generation into a graph of {@link Block}s per code unit
 * (module, class body, function, lambda, comprehension), each finished by the {@link Assembler}.
 * Constants of the whole compilation go through one {@link ConstCache}, so equal constants are one
 * Java object in every unit that uses them.
 *
 * <p>Where the output differs from 3.11 (besides the instruction-set differences of {@link Opcode}):
 * RESUME, PRECALL, CACHE and the generator prologue RETURN_GENERATOR + POP_TOP are not emitted (RESUME
 * and the prologue take part in the assembler passes, so line numbers and co_stacksize still come out
 * as CPython's, and are dropped at the end); CELL mode's DISPLAY_RESULT plays PRINT_EXPR's role for
 * the last statement only; of the compile-time SyntaxWarnings only "is" with a literal and assert on
 * a tuple are reported (as {@link Warning}s, for the caller to show); {@code barry_as_FLUFL} is
 * rejected as unsupported.
 *
 * <p>State while compiling: the stack of enclosing {@link Unit}s and the current one {@link #u},
 * whose current block receives instructions and whose current location ({@code loc}: line, end line,
 * columns) is stamped on them (SET_LOC / UNSET_LOC as in CPython, which decides which AST node each
 * instruction's position in co_positions() comes from). A compiler instance compiles one module and is discarded.
 * Errors are {@link PySyntaxError}s located like CPython's.
 */
public final class Compiler {
    /** What a source is compiled as. */
    public enum Mode {
        /** A script: a module body that returns None. */
        EXEC,
        /** A notebook cell or REPL input: as EXEC, but a final expression statement is shown with DISPLAY_RESULT. */
        CELL,
        /** A single expression whose value is returned. */
        EVAL,
        /** compile(..., 'single'): one statement; its module-level expression statements go to PRINT_EXPR. */
        SINGLE
    }

    private enum ScopeType { MODULE, CLASS, FUNCTION, ASYNC_FUNCTION, LAMBDA, COMPREHENSION }

    private enum FBlockType {
        WHILE_LOOP, FOR_LOOP, TRY_EXCEPT, FINALLY_TRY, FINALLY_END, WITH, HANDLER_CLEANUP, POP_VALUE,
        EXCEPTION_HANDLER, EXCEPTION_GROUP_HANDLER, ASYNC_WITH, ASYNC_COMPREHENSION_GENERATOR
    }

    /** A frame-block: what break/continue/return must unwind (CPython's fblockinfo). */
    private record FBlock(FBlockType type, Block block, Block exit, Object datum) {}

    private enum CompKind { GENEXP, LISTCOMP, SETCOMP, DICTCOMP }

    private static final int STACK_USE_GUIDELINE = 30;
    private static final int MAX_BLOCKS = 20;
    /**
     * The co_flags bit each __future__ feature sets. In 3.11 (Python/future.c) every feature but
     * annotations and barry_as_FLUFL is mandatory and sets none: a code object compiled after
     * {@code from __future__ import division} has no CO_FUTURE_DIVISION (codeop.Compile reads them).
     */
    private static final Map<String, Integer> FUTURE_FLAGS = Map.of("nested_scopes", 0, "generators", 0,
            "division", 0, "absolute_import", 0, "with_statement", 0,
            "print_function", 0, "unicode_literals", 0, "generator_stop", 0,
            "annotations", 0x1000000);
    /** co_flags bit of {@code from __future__ import annotations}: annotations are compiled to their source text. */
    private static final int CO_FUTURE_ANNOTATIONS = 0x1000000;

    /** One code unit being generated (CPython's compiler_unit). */
    private static final class Unit {
        final Scope ste;
        final ScopeType type;
        final String name;
        String qualname;
        String privateName;
        final List<Object> consts = new ArrayList<>();
        final Map<Object, Integer> constIndex = new IdentityHashMap<>();
        final Map<String, Integer> names = new LinkedHashMap<>();
        final Map<String, Integer> varnames = new LinkedHashMap<>();
        final List<String> cellvars;
        final List<String> freevars;
        final List<Block> blocks = new ArrayList<>(List.of(new Block()));
        final Block entry = blocks.getFirst();
        Block cur = entry;
        int argcount, posonlyargcount, kwonlyargcount;
        final int firstLineno;
        /** The location stamped on the next instruction (CPython's u_lineno, u_end_lineno, u_col_offset, u_end_col_offset). */
        Loc loc;
        /** The last node located with SET_LOC: where a compile error is reported. */
        Pos errorPos;
        final List<FBlock> fblocks = new ArrayList<>();

        Unit(Scope ste, ScopeType type, String name, int firstLineno) {
            this.ste = ste;
            this.type = type;
            this.name = name;
            this.firstLineno = firstLineno;
            this.loc = new Loc(firstLineno, firstLineno, 0, 0);
            for (String v : ste.varnames) {
                varnames.putIfAbsent(v, varnames.size());
            }
            this.cellvars = ste.needsClassClosure ? List.of("__class__") : ste.namesByScope(SymbolTable.CELL, 0);
            this.freevars = ste.namesByScope(SymbolTable.FREE, SymbolTable.DEF_FREE_CLASS);
        }
    }

    /**
     * A compile-time warning: its category, line and message (the caller warns, as compiler_warn and
     * the parser's warn_invalid_escape_sequence do), and the SyntaxError raised instead when the
     * warning is made an error. A SyntaxWarning is the compiler's (at the construct being compiled;
     * its text line is the caller's to read, as CPython reads it from the file); a
     * DeprecationWarning is the parser's, for an invalid escape sequence, and a SyntaxWarning
     * {@code fromParser} the tokenizer's, for a number run into a keyword: their errors are complete
     * (at the string token or the number's end, with the parser's or the tokenizer's text line).
     */
    public record Warning(String category, int line, String message, dev.refheap.lang.PySyntaxError asError, boolean fromParser) {
        public Warning(int line, String message, dev.refheap.lang.PySyntaxError asError) {
            this("SyntaxWarning", line, message, asError, false);
        }
    }

    private final CompileErrors errors;
    private final List<Warning> warnings = new ArrayList<>();
    private final ConstCache cache = new ConstCache();
    private final Mode mode;
    private final Deque<Unit> stack = new ArrayDeque<>();
    private SymbolTable symtable;
    private Unit u;
    private int futureFlags;
    private int futureLineno;
    private Stmt displayed;
    /** The AST node an async def's scope was recorded under by the symbol table (set just before compiling it). */
    private Object scopeKey;
    private static final int CO_COROUTINE = 0x80, CO_ASYNC_GENERATOR = 0x200;

    private Compiler(String filename, String source, Mode mode) {
        this.errors = new CompileErrors(filename, source);
        this.mode = mode;
    }

    // ================================================================== entry points

    /** Compiles a parsed module; errors carry no source line (use the overload with the source if known). */
    public static CodeUnit compileModule(Module ast, String filename, Mode mode) {
        return compileModule(ast, filename, mode, null);
    }

    /**
     * Compiles a parsed module. In EVAL mode the module must be a single expression statement.
     * {@code source} (may be null) is only used to show the offending line in error messages.
     */
    public static CodeUnit compileModule(Module ast, String filename, Mode mode, String source) {
        Compiler c = new Compiler(filename, source, mode);
        if (mode == Mode.EVAL) {
            if (ast.body().size() != 1 || !(ast.body().getFirst() instanceof Stmt.ExprStmt e)) {
                throw c.errors.at(ast.body().isEmpty() ? new Pos(1, 0, 1, 0) : ast.body().getFirst().pos(),
                        "invalid syntax");
            }
            return c.compileEval(e.value());
        }
        return c.compileExec(ast);
    }

    /** Compiles an expression parsed in eval mode. */
    public static CodeUnit compileExpression(Expression ast, String filename, String source) {
        return new Compiler(filename, source, Mode.EVAL).compileEval(ast.body());
    }

    /** Parses and compiles source text. */
    public static CodeUnit compile(String source, String filename, Mode mode) {
        return compile(source, filename, mode, new ArrayList<>());
    }

    /**
     * Parses and compiles source text, adding its compile-time warnings, in order, to {@code warnings}:
     * the parser's (invalid escape sequences) as it meets them, so a source that then fails to parse
     * leaves the ones before the error there, and then the compiler's SyntaxWarnings.
     */
    public static CodeUnit compile(String source, String filename, Mode mode, List<Warning> warnings) {
        return compile(source, filename, mode, warnings, 0);
    }

    /**
     * As {@link #compile(String, String, Mode, List)}, with the future features {@code futureFlags}
     * (CO_FUTURE_ANNOTATIONS: compile()'s flags, or inherited from its caller's code) in force from
     * the start, as the source's own {@code from __future__} imports would put them.
     */
    public static CodeUnit compile(String source, String filename, Mode mode, List<Warning> warnings, int futureFlags) {
        if (mode == Mode.EVAL) {
            Compiler c = new Compiler(filename, source, Mode.EVAL);
            c.futureFlags = futureFlags;
            CodeUnit unit = c.compileEval(Parser.parseExpression(source, filename, warnings).body());
            warnings.addAll(c.warnings);
            return unit;
        }
        Compiler c = new Compiler(filename, source, mode);
        c.futureFlags = futureFlags;
        Module parsed = mode == Mode.SINGLE ? Parser.parseSingle(source, filename, warnings) : Parser.parseModule(source, filename, warnings);
        if (mode == Mode.SINGLE) c.checkSingle(parsed);
        CodeUnit unit = c.compileExec(parsed);
        warnings.addAll(c.warnings);
        return unit;
    }

    // ---------------------------------------------------------------- SyntaxWarnings

    /** check_is_arg: a constant other than None, True, False and ... makes {@code is} a literal comparison. */
    private static boolean isArgOk(Expr e) {
        return !(e instanceof Expr.Constant k) || k.value() instanceof Special || k.value() instanceof Boolean;
    }

    /** check_compare: warns once per comparison, at its first {@code is}/{@code is not} with a literal. */
    private void checkCompare(Expr.Compare c) {
        boolean left = isArgOk(c.left());
        for (int i = 0; i < c.ops().size(); i++) {
            CmpOp op = c.ops().get(i);
            boolean right = isArgOk(c.comparators().get(i));
            if ((op == CmpOp.Is || op == CmpOp.IsNot) && !(left && right)) {
                warn(op == CmpOp.Is ? "\"is\" with a literal. Did you mean \"==\"?"
                        : "\"is not\" with a literal. Did you mean \"!=\"?");
                return;
            }
            left = right;
        }
    }

    private void warn(String message) {
        warnings.add(new Warning(u.loc.line(), message, errors.at(u.loc.line(), u.loc.col(), u.loc.endLine(), u.loc.endCol(), message)));
    }

    /** The 'single' input rule: exactly one statement (an empty input is invalid syntax at line 0). */
    private void checkSingle(Module ast) {
        if (ast.body().isEmpty()) {
            throw new dev.refheap.lang.PySyntaxError(dev.refheap.lang.PySyntaxError.Kind.SyntaxError, "invalid syntax",
                    errors.filename(), 0, -1, 0, -1, null, false, true);
        }
        // simple statements joined by ';' are one statement line ('x = 1; y = 2' compiles); a
        // statement that starts after the previous one's last line is a second one
        Stmt first = ast.body().getFirst();
        boolean compound = first instanceof Stmt.FunctionDef || first instanceof Stmt.AsyncFunctionDef || first instanceof Stmt.ClassDef
                || first instanceof Stmt.For || first instanceof Stmt.AsyncFor || first instanceof Stmt.While || first instanceof Stmt.If
                || first instanceof Stmt.With || first instanceof Stmt.AsyncWith || first instanceof Stmt.Match || first instanceof Stmt.Try
                || first instanceof Stmt.TryStar;
        // single_input is one compound statement and its NEWLINE: what follows one does not parse
        if (compound && ast.body().size() > 1) throw errors.at(ast.body().get(1).pos(), "invalid syntax");
        for (int i = 1; i < ast.body().size(); i++) {
            if (ast.body().get(i).lineno() > ast.body().get(i - 1).endLineno()) {
                throw errors.at(ast.body().getFirst().pos(), "multiple statements found while compiling a single statement");
            }
        }
    }

    /** The checks 'single' mode makes of a parsed module (compile() with PyCF_ONLY_AST runs them too). */
    public static void checkSingle(Module ast, String filename, String source) {
        new Compiler(filename, source, Mode.SINGLE).checkSingle(ast);
    }

    private CodeUnit compileExec(Module ast) {
        checkFuture(ast.body());
        Module folded = new ConstantFolder((futureFlags & CO_FUTURE_ANNOTATIONS) != 0).fold(ast);
        symtable = SymbolTable.build(folded, folded, errors, (futureFlags & CO_FUTURE_ANNOTATIONS) != 0);
        if (mode == Mode.CELL && !folded.body().isEmpty() && folded.body().getLast() instanceof Stmt.ExprStmt) {
            displayed = folded.body().getLast();
        }
        enterScope("<module>", ScopeType.MODULE, folded, 1);
        compileBody(folded.body());
        return finishScope(true);
    }

    private CodeUnit compileEval(Expr body) {
        Expr folded = new ConstantFolder(false).fold(body);
        symtable = SymbolTable.build(folded, folded, errors);
        enterScope("<module>", ScopeType.MODULE, folded, 1);
        visitExpr(folded);
        return finishScope(false);
    }

    /** future.c: validates the {@code from __future__} imports at the top of the module. */
    private void checkFuture(List<Stmt> body) {
        int i = docString(body) != null ? 1 : 0;
        boolean done = false;
        int prevLine = 0;
        for (; i < body.size(); i++) {
            Stmt s = body.get(i);
            if (done && s.lineno() > prevLine) {
                return;
            }
            prevLine = s.lineno();
            if (s instanceof Stmt.ImportFrom f && "__future__".equals(f.module())) {
                if (done) {
                    // future.c locates it at the statement's 0-based column, unconverted, with no end
                    throw errors.located(s.lineno(), s.colOffset(), "from __future__ imports must occur at the beginning of the file");
                }
                for (Alias a : f.names()) {
                    checkFutureFeature(a, s);
                }
                futureLineno = s.lineno();
            } else {
                done = true;
            }
        }
    }

    private void checkFutureFeature(Alias a, Stmt s) {
        Integer flag = FUTURE_FLAGS.get(a.name());
        if (flag != null) {
            futureFlags |= flag;
        } else if (a.name().equals("barry_as_FLUFL")) {
            throw errors.at(a.pos(), "from __future__ import " + a.name() + " is not supported by refheap");
        } else if (a.name().equals("braces")) {
            throw errors.located(s.lineno(), s.colOffset() + 1, "not a chance");
        } else {
            throw errors.located(s.lineno(), s.colOffset() + 1, "future feature " + a.name() + " is not defined");
        }
    }

    // ================================================================== units

    private void enterScope(String name, ScopeType type, Object key, int firstLineno) {
        Unit nu = new Unit(symtable.scopeOf(key), type, name, firstLineno);
        if (u != null) {
            nu.privateName = u.privateName;
            stack.push(u);
        }
        u = nu;
        if (type == ScopeType.MODULE) {
            u.loc = u.loc.withLine(0);
        } else {
            setQualname();
        }
        addOpI(Block.RESUME, 0);
        if (type == ScopeType.MODULE) {
            u.loc = u.loc.withLine(-1);
        }
    }

    private void setQualname() {
        String base = null;
        if (stack.size() > 1) {
            Unit parent = stack.peek();
            boolean forceGlobal = false;
            if (u.type == ScopeType.FUNCTION || u.type == ScopeType.ASYNC_FUNCTION || u.type == ScopeType.CLASS) {
                String mangled = SymbolTable.mangle(parent.privateName, u.name);
                forceGlobal = parent.ste.scope(mangled) == SymbolTable.GLOBAL_EXPLICIT;
            }
            if (!forceGlobal) {
                boolean function = parent.type == ScopeType.FUNCTION || parent.type == ScopeType.ASYNC_FUNCTION
                        || parent.type == ScopeType.LAMBDA;
                base = function ? parent.qualname + ".<locals>" : parent.qualname;
            }
        }
        u.qualname = base != null ? base + "." + u.name : u.name;
    }

    /** Ends the current unit (adding the implicit return) and assembles it; pops back to the enclosing unit. */
    private CodeUnit finishScope(boolean addNone) {
        Instr last = u.cur.last();
        if (last == null || !Block.is(last.op, Opcode.RETURN_VALUE)) {
            unsetLoc();
            if (addNone) {
                loadConst(Special.None);
            }
            addOp(Opcode.RETURN_VALUE);
        }
        CodeUnit co = assembleUnit();
        u = stack.isEmpty() ? null : stack.pop();
        return co;
    }

    private CodeUnit assembleUnit() {
        int flags = codeFlags();
        boolean generator = (flags & (CodeUnit.CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) != 0;
        int nlocals = u.varnames.size();
        int ncells = u.cellvars.size();
        int nfree = u.freevars.size();
        int[] fixed = new int[ncells + nfree];
        for (int i = 0; i < fixed.length; i++) {
            fixed[i] = nlocals + i;
        }
        for (int i = 0; i < ncells; i++) {
            Integer arg = u.varnames.get(u.cellvars.get(i));
            if (arg != null) {
                fixed[i] = arg;
            }
        }
        Assembler.insertPrefix(u.entry, fixed, nfree, generator, u.firstLineno);
        Assembler.fixCellOffsets(u.entry, fixed, nlocals);
        Assembler.Output out = new Assembler(u.entry, u.blocks, u.consts, cache).assemble(generator, u.firstLineno);
        List<String> lpNames = new ArrayList<>(u.varnames.keySet());
        List<Byte> kinds = new ArrayList<>();
        for (String v : u.varnames.keySet()) {
            kinds.add((byte) (CodeUnit.KIND_LOCAL | (u.cellvars.contains(v) ? CodeUnit.KIND_CELL : 0)));
        }
        for (String c : u.cellvars) {
            if (!u.varnames.containsKey(c)) {
                lpNames.add(c);
                kinds.add(CodeUnit.KIND_CELL);
            }
        }
        for (String f : u.freevars) {
            lpNames.add(f);
            kinds.add(CodeUnit.KIND_FREE);
        }
        byte[] kindArray = new byte[kinds.size()];
        for (int i = 0; i < kindArray.length; i++) {
            kindArray[i] = kinds.get(i);
        }
        String qualname = u.type == ScopeType.MODULE ? u.name : u.qualname;
        return new CodeUnit(u.name, qualname, errors.filename(), u.firstLineno, u.argcount + u.posonlyargcount,
                u.posonlyargcount, u.kwonlyargcount, flags, out.code(), out.lines(), out.positions(),
                List.copyOf(u.consts),
                List.copyOf(u.names.keySet()), List.copyOf(lpNames), kindArray, out.stacksize(),
                List.copyOf(out.exceptionTable()), u.ste.directives.size());
    }

    private int codeFlags() {
        int flags = 0;
        Scope ste = u.ste;
        if (ste.type == BlockType.FUNCTION) {
            flags |= CodeUnit.CO_NEWLOCALS | CodeUnit.CO_OPTIMIZED;
            if (ste.nested) {
                flags |= CodeUnit.CO_NESTED;
            }
            if (ste.generator && !ste.coroutine) {
                flags |= CodeUnit.CO_GENERATOR;
            }
            if (!ste.generator && ste.coroutine) {
                flags |= CO_COROUTINE;
            }
            if (ste.generator && ste.coroutine) {
                flags |= CO_ASYNC_GENERATOR;
            }
            if (ste.varargs) {
                flags |= CodeUnit.CO_VARARGS;
            }
            if (ste.varkeywords) {
                flags |= CodeUnit.CO_VARKEYWORDS;
            }
        }
        return flags | futureFlags;
    }

    // ================================================================== emitting

    private Block newBlock() {
        Block b = new Block();
        u.blocks.add(b);
        return b;
    }

    private void useNextBlock(Block b) {
        u.cur.next = b;
        u.cur = b;
    }

    private void nextBlock() {
        useNextBlock(newBlock());
    }

    private void addOp(Opcode o) {
        addOpI(op(o), 0);
    }

    private void addOpI(Opcode o, int arg) {
        addOpI(op(o), arg);
    }

    private void addOpI(int opcode, int arg) {
        emit(new Instr(opcode, arg, null, u.loc));
    }

    private void addOpNoLine(int opcode) {
        emit(new Instr(opcode, 0, null, Loc.NONE));
    }

    /**
     * Appends to the current block, first starting a new (implicit) block if the current one already
     * ends with a jump or a scope exit (CPython 3.11's compiler_use_new_implicit_block_if_needed).
     */
    private void emit(Instr in) {
        Instr last = u.cur.last();
        if (last != null && (Block.isJump(last.op) || Block.isScopeExit(last.op))) {
            nextBlock();
        }
        u.cur.instrs.add(in);
    }

    private void addJump(Opcode o, Block target) {
        addJump(op(o), target);
    }

    private void addJump(int opcode, Block target) {
        emit(new Instr(opcode, 0, target, u.loc));
    }

    private void addJumpNoLine(Opcode o, Block target) {
        emit(new Instr(op(o), 0, target, Loc.NONE));
    }

    private int addConst(Object value) {
        Object c = cache.intern(value);
        return u.constIndex.computeIfAbsent(c, k -> {
            u.consts.add(k);
            return u.consts.size() - 1;
        });
    }

    private void loadConst(Object value) {
        addOpI(Opcode.LOAD_CONST, addConst(value));
    }

    private static int addTo(Map<String, Integer> dict, String name) {
        return dict.computeIfAbsent(name, k -> dict.size());
    }

    /** ADDOP_NAME: the name is mangled and added to co_names. */
    private void addOpName(Opcode o, String name) {
        addOpI(o, addTo(u.names, SymbolTable.mangle(u.privateName, name)));
    }

    private void setLoc(dev.refheap.lang.ast.Node n) {
        u.loc = Loc.of(n);
        u.errorPos = n.pos();
    }

    /** UNSET_LOC: the next instructions are artificial (no line; the columns are left as they were). */
    private void unsetLoc() {
        u.loc = u.loc.withLine(-1);
    }

    private PySyntaxError error(String msg) {
        int line = Math.max(u.loc.line(), 1);
        Pos p = u.errorPos != null ? u.errorPos : new Pos(line, 0, line, 0);
        return errors.at(p, msg);
    }

    private static ConstTuple tupleOf(List<?> items) {
        return new ConstTuple(List.copyOf(items));
    }

    // ================================================================== names

    private void nameOp(String name, ExprContext ctx) {
        checkForbiddenName(name, ctx);
        String mangled = SymbolTable.mangle(u.privateName, name);
        int scope = u.ste.scope(mangled);
        boolean function = u.ste.type == BlockType.FUNCTION;
        switch (scope) {
            case SymbolTable.FREE -> derefOp(ctx, u.cellvars.size() + u.freevars.indexOf(mangled));
            case SymbolTable.CELL -> derefOp(ctx, u.cellvars.indexOf(mangled));
            case SymbolTable.LOCAL -> {
                if (function) {
                    fastOp(ctx, mangled);
                } else {
                    nameOpByName(ctx, mangled);
                }
            }
            case SymbolTable.GLOBAL_IMPLICIT -> {
                if (function) {
                    globalOp(ctx, mangled);
                } else {
                    nameOpByName(ctx, mangled);
                }
            }
            case SymbolTable.GLOBAL_EXPLICIT -> globalOp(ctx, mangled);
            default -> nameOpByName(ctx, mangled);
        }
    }

    private void checkForbiddenName(String name, ExprContext ctx) {
        if (name.equals("__debug__")) {
            if (ctx == ExprContext.Store) {
                throw error("cannot assign to __debug__");
            } else if (ctx == ExprContext.Del) {
                throw error("cannot delete __debug__");
            }
        }
    }

    private void derefOp(ExprContext ctx, int index) {
        Opcode o = switch (ctx) {
            case Load -> u.ste.type == BlockType.CLASS ? Opcode.LOAD_CLASSDEREF : Opcode.LOAD_DEREF;
            case Store -> Opcode.STORE_DEREF;
            case Del -> Opcode.DELETE_DEREF;
        };
        addOpI(o, index);
    }

    private void fastOp(ExprContext ctx, String mangled) {
        Opcode o = switch (ctx) {
            case Load -> Opcode.LOAD_FAST;
            case Store -> Opcode.STORE_FAST;
            case Del -> Opcode.DELETE_FAST;
        };
        addOpI(o, addTo(u.varnames, mangled));
    }

    private void globalOp(ExprContext ctx, String mangled) {
        int arg = addTo(u.names, mangled);
        switch (ctx) {
            case Load -> addOpI(Opcode.LOAD_GLOBAL, arg << 1);
            case Store -> addOpI(Opcode.STORE_GLOBAL, arg);
            case Del -> addOpI(Opcode.DELETE_GLOBAL, arg);
        }
    }

    private void nameOpByName(ExprContext ctx, String mangled) {
        Opcode o = switch (ctx) {
            case Load -> Opcode.LOAD_NAME;
            case Store -> Opcode.STORE_NAME;
            case Del -> Opcode.DELETE_NAME;
        };
        addOpI(o, addTo(u.names, mangled));
    }

    // ================================================================== bodies

    private static String docString(List<Stmt> body) {
        if (!body.isEmpty() && body.getFirst() instanceof Stmt.ExprStmt e
                && e.value() instanceof Expr.Constant c && c.value() instanceof String s) {
            return s;
        }
        return null;
    }

    /** Module and class bodies: __annotations__ setup, the docstring into __doc__, then the statements. */
    private void compileBody(List<Stmt> body) {
        if (u.type == ScopeType.MODULE && !body.isEmpty()) {
            setLoc(body.getFirst());
        }
        if (findAnnotation(body)) {
            addOp(Opcode.SETUP_ANNOTATIONS);
        }
        if (body.isEmpty()) {
            return;
        }
        int i = 0;
        String doc = docString(body);
        if (doc != null && body.getFirst() != displayed && mode != Mode.SINGLE) {
            i = 1;
            visitExpr(((Stmt.ExprStmt) body.getFirst()).value());
            unsetLoc();
            nameOp("__doc__", ExprContext.Store);
        }
        for (; i < body.size(); i++) {
            visitStmt(body.get(i));
        }
    }

    private static boolean findAnnotation(List<Stmt> stmts) {
        for (Stmt s : stmts) {
            boolean found = switch (s) {
                case Stmt.AnnAssign a -> true;
                case Stmt.For f -> findAnnotation(f.body()) || findAnnotation(f.orelse());
                case Stmt.While w -> findAnnotation(w.body()) || findAnnotation(w.orelse());
                case Stmt.If i -> findAnnotation(i.body()) || findAnnotation(i.orelse());
                case Stmt.With w -> findAnnotation(w.body());
                case Stmt.Try t -> t.handlers().stream().anyMatch(h -> findAnnotation(h.body()))
                        || findAnnotation(t.body()) || findAnnotation(t.finalbody()) || findAnnotation(t.orelse());
                default -> false;
            };
            if (found) {
                return true;
            }
        }
        return false;
    }

    // ================================================================== statements

    private void visitStmts(List<Stmt> body) {
        for (Stmt s : body) {
            visitStmt(s);
        }
    }

    private void visitStmt(Stmt s) {
        setLoc(s);
        switch (s) {
            case Stmt.FunctionDef f -> compileFunction(f);
            case Stmt.ClassDef c -> compileClass(c);
            case Stmt.Return r -> compileReturn(r);
            case Stmt.Delete d -> d.targets().forEach(this::visitExpr);
            case Stmt.Assign a -> compileAssign(a);
            case Stmt.AugAssign a -> compileAugAssign(a);
            case Stmt.AnnAssign a -> compileAnnAssign(a);
            case Stmt.For f -> compileFor(f);
            case Stmt.While w -> compileWhile(w);
            case Stmt.If i -> compileIf(i);
            case Stmt.Raise r -> compileRaise(r);
            case Stmt.Try t -> compileTry(t);
            case Stmt.Assert a -> compileAssert(a);
            case Stmt.Import i -> compileImport(i);
            case Stmt.ImportFrom i -> compileFromImport(i);
            case Stmt.Global g -> { }
            case Stmt.Nonlocal n -> { }
            case Stmt.ExprStmt e -> compileExprStmt(e);
            case Stmt.Pass p -> addOp(Opcode.NOP);
            case Stmt.Break b -> compileBreak();
            case Stmt.Continue c -> compileContinue();
            case Stmt.With w -> compileWith(w, 0);
            case Stmt.Match m -> compileMatch(m);
            case Stmt.TryStar t -> compileTryStar(t);
            case Stmt.AsyncFunctionDef f -> {
                scopeKey = f;
                compileFunction(new Stmt.FunctionDef(f.name(), f.args(), f.body(), f.decoratorList(), f.returns(),
                        f.pos()), ScopeType.ASYNC_FUNCTION);
            }
            case Stmt.AsyncFor f -> compileAsyncFor(f);
            case Stmt.AsyncWith w -> compileAsyncWith(w, 0);
        }
    }

    private void compileExprStmt(Stmt.ExprStmt s) {
        Expr value = s.value();
        if (s == displayed) {
            visitExpr(value);
            addOp(Opcode.DISPLAY_RESULT);
            return;
        }
        if (mode == Mode.SINGLE && u.type == ScopeType.MODULE) {
            visitExpr(value);
            addOp(Opcode.PRINT_EXPR);
            return;
        }
        if (value instanceof Expr.Constant) {
            addOp(Opcode.NOP);
            return;
        }
        visitExpr(value);
        unsetLoc();
        addOp(Opcode.POP_TOP);
    }

    private void compileAssign(Stmt.Assign a) {
        visitExpr(a.value());
        int n = a.targets().size();
        for (int i = 0; i < n; i++) {
            if (i < n - 1) {
                addOpI(Opcode.COPY, 1);
            }
            visitExpr(a.targets().get(i));
        }
    }

    private void compileRaise(Stmt.Raise r) {
        int n = 0;
        if (r.exc() != null) {
            visitExpr(r.exc());
            n++;
            if (r.cause() != null) {
                visitExpr(r.cause());
                n++;
            }
        }
        addOpI(Opcode.RAISE_VARARGS, n);
    }

    private void compileAugAssign(Stmt.AugAssign s) {
        Expr e = s.target();
        Loc old = u.loc;
        setLoc(e);
        switch (e) {
            case Expr.Attribute a -> {
                visitExpr(a.value());
                addOpI(Opcode.COPY, 1);
                matchAttrLocation(a);
                addOpName(Opcode.LOAD_ATTR, a.attr());
            }
            case Expr.Subscript sub -> {
                visitExpr(sub.value());
                visitExpr(sub.slice());
                addOpI(Opcode.COPY, 2);
                addOpI(Opcode.COPY, 2);
                addOp(Opcode.BINARY_SUBSCR);
            }
            case Expr.Name n -> nameOp(n.id(), ExprContext.Load);
            default -> throw error("illegal expression for augmented assignment");
        }
        u.loc = old;
        visitExpr(s.value());
        addOpI(Opcode.BINARY_OP, binaryOp(s.op()).ordinal() + BinaryOp.INPLACE_ADD.ordinal());
        setLoc(e);
        switch (e) {
            case Expr.Attribute a -> {
                matchAttrLocation(a);
                addOpI(Opcode.SWAP, 2);
                addOpName(Opcode.STORE_ATTR, a.attr());
            }
            case Expr.Subscript sub -> {
                addOpI(Opcode.SWAP, 3);
                addOpI(Opcode.SWAP, 2);
                addOp(Opcode.STORE_SUBSCR);
            }
            default -> nameOp(((Expr.Name) e).id(), ExprContext.Store);
        }
    }

    /**
     * update_start_location_to_match_attr: when an attribute spans lines, the instruction that loads
     * or stores it starts at the attribute name (its column is the end column minus the name's length
     * in characters, as CPython computes it even though columns are bytes).
     */
    private void matchAttrLocation(Expr.Attribute a) {
        Loc l = u.loc;
        if (l.line() != a.endLineno()) {
            int line = a.endLineno();
            int len = a.attr().codePointCount(0, a.attr().length());
            int col = l.col(), endCol = l.endCol();
            if (len <= a.endColOffset()) {
                col = a.endColOffset() - len;
            } else {
                col = endCol = -1;
            }
            int endLine = Math.max(line, l.endLine());
            if (line == endLine) {
                endCol = Math.max(col, endCol);
            }
            u.loc = new Loc(line, endLine, col, endCol);
        }
    }

    private void compileAnnAssign(Stmt.AnnAssign s) {
        Expr target = s.target();
        if (s.value() != null) {
            visitExpr(s.value());
            visitExpr(target);
        }
        switch (target) {
            case Expr.Name n -> {
                checkForbiddenName(n.id(), ExprContext.Store);
                if (s.simple() != 0 && (u.type == ScopeType.MODULE || u.type == ScopeType.CLASS)) {
                    visitAnnotation(s.annotation());
                    addOpName(Opcode.LOAD_NAME, "__annotations__");
                    loadConst(SymbolTable.mangle(u.privateName, n.id()));
                    addOp(Opcode.STORE_SUBSCR);
                }
            }
            case Expr.Attribute a -> {
                checkForbiddenName(a.attr(), ExprContext.Store);  // x.__debug__: int is refused as x.__debug__ = 1 is
                if (s.value() == null) {
                    checkAnnExpr(a.value());
                }
            }
            case Expr.Subscript sub -> {
                if (s.value() == null) {
                    checkAnnExpr(sub.value());
                    checkAnnSubscript(sub.slice());
                }
            }
            default -> throw error("illegal target for annotation");
        }
        if (s.simple() == 0 && (u.type == ScopeType.MODULE || u.type == ScopeType.CLASS) && (futureFlags & CO_FUTURE_ANNOTATIONS) == 0) {
            checkAnnExpr(s.annotation());
        }
    }

    /** An annotation's value: evaluated, or under {@code from __future__ import annotations} its source text (compiler_visit_annexpr). */
    private void visitAnnotation(Expr e) {
        if ((futureFlags & CO_FUTURE_ANNOTATIONS) != 0) {
            Expr bad = Unparser.forbidden(e);
            if (bad != null) {
                String what = bad instanceof Expr.NamedExpr ? "named expression" : bad instanceof Expr.YieldFrom ? "yield expression" : "yield expression";
                throw errors.at(bad.pos(), "'" + what + "' can not be used within an annotation");
            }
            loadConst(Unparser.annotation(e));
        } else {
            visitExpr(e);
        }
    }

    private void checkAnnExpr(Expr e) {
        visitExpr(e);
        addOp(Opcode.POP_TOP);
    }

    private void checkAnnSubscript(Expr e) {
        switch (e) {
            case Expr.Slice s -> {
                for (Expr part : new Expr[] {s.lower(), s.upper(), s.step()}) {
                    if (part != null) {
                        checkAnnExpr(part);
                    }
                }
            }
            case Expr.Tuple t -> t.elts().forEach(this::checkAnnSubscript);
            default -> checkAnnExpr(e);
        }
    }

    // ---------------------------------------------------------------- control flow

    private void compileIf(Stmt.If s) {
        Block end = newBlock();
        Block next = s.orelse().isEmpty() ? end : newBlock();
        jumpIf(s.test(), next, false);
        visitStmts(s.body());
        if (!s.orelse().isEmpty()) {
            addJumpNoLine(Opcode.JUMP, end);
            useNextBlock(next);
            visitStmts(s.orelse());
        }
        useNextBlock(end);
    }

    private void compileWhile(Stmt.While s) {
        Block loop = newBlock();
        Block body = newBlock();
        Block anchor = newBlock();
        Block end = newBlock();
        useNextBlock(loop);
        pushFBlock(FBlockType.WHILE_LOOP, loop, end, null);
        jumpIf(s.test(), anchor, false);
        useNextBlock(body);
        visitStmts(s.body());
        setLoc(s);
        jumpIf(s.test(), body, true);
        popFBlock();
        useNextBlock(anchor);
        visitStmts(s.orelse());
        useNextBlock(end);
    }

    private void compileFor(Stmt.For s) {
        Block start = newBlock();
        Block body = newBlock();
        Block cleanup = newBlock();
        Block end = newBlock();
        pushFBlock(FBlockType.FOR_LOOP, start, end, null);
        visitExpr(s.iter());
        addOp(Opcode.GET_ITER);
        useNextBlock(start);
        addJump(Opcode.FOR_ITER, cleanup);
        useNextBlock(body);
        visitExpr(s.target());
        visitStmts(s.body());
        unsetLoc();
        addJump(Opcode.JUMP, start);
        useNextBlock(cleanup);
        popFBlock();
        visitStmts(s.orelse());
        useNextBlock(end);
    }

    private void compileReturn(Stmt.Return s) {
        Expr value = s.value();
        boolean preserveTos = value != null && !(value instanceof Expr.Constant);
        if (u.ste.type != BlockType.FUNCTION) {
            throw error("'return' outside function");
        }
        if (value != null && u.ste.coroutine && u.ste.generator) {
            throw error("'return' with value in async generator");
        }
        if (preserveTos) {
            visitExpr(value);
        } else if (value != null) {
            setLoc(value);
            addOp(Opcode.NOP);
        }
        if (value == null || value.lineno() != s.lineno()) {
            setLoc(s);
            addOp(Opcode.NOP);
        }
        unwindFBlockStack(preserveTos, false);
        if (value == null) {
            loadConst(Special.None);
        } else if (!preserveTos) {
            loadConst(((Expr.Constant) value).value());
        }
        addOp(Opcode.RETURN_VALUE);
    }

    private void compileBreak() {
        addOp(Opcode.NOP);
        Pos at = u.errorPos;  // a with block unwound on the way sets its own location: the error is the statement's
        FBlock loop = unwindFBlockStack(false, true);
        if (loop == null) {
            u.errorPos = at;
            throw error("'break' outside loop");
        }
        unwindFBlock(loop, false);
        addJump(Opcode.JUMP, loop.exit());
    }

    private void compileContinue() {
        addOp(Opcode.NOP);
        Pos at = u.errorPos;  // a with block unwound on the way sets its own location: the error is the statement's
        FBlock loop = unwindFBlockStack(false, true);
        if (loop == null) {
            u.errorPos = at;
            throw error("'continue' not properly in loop");
        }
        addJump(Opcode.JUMP, loop.block());
    }

    private void pushFBlock(FBlockType type, Block block, Block exit, Object datum) {
        if (u.fblocks.size() >= MAX_BLOCKS) {
            throw error("too many statically nested blocks");
        }
        u.fblocks.add(new FBlock(type, block, exit, datum));
    }

    private void popFBlock() {
        u.fblocks.removeLast();
    }

    /**
     * Emits the unwinding of the frame-blocks up to (not including) the innermost loop if
     * {@code stopAtLoop}, else all of them; returns that loop (or null).
     */
    private FBlock unwindFBlockStack(boolean preserveTos, boolean stopAtLoop) {
        if (u.fblocks.isEmpty()) {
            return null;
        }
        FBlock top = u.fblocks.getLast();
        if (top.type() == FBlockType.EXCEPTION_GROUP_HANDLER) {
            throw error("'break', 'continue' and 'return' cannot appear in an except* block");
        }
        if (stopAtLoop && (top.type() == FBlockType.WHILE_LOOP || top.type() == FBlockType.FOR_LOOP)) {
            return top;
        }
        u.fblocks.removeLast();
        unwindFBlock(top, preserveTos);
        FBlock loop = unwindFBlockStack(preserveTos, stopAtLoop);
        u.fblocks.add(top);
        return loop;
    }

    @SuppressWarnings("unchecked")
    private void unwindFBlock(FBlock info, boolean preserveTos) {
        switch (info.type()) {
            case WHILE_LOOP, EXCEPTION_HANDLER, EXCEPTION_GROUP_HANDLER, ASYNC_COMPREHENSION_GENERATOR -> { }
            case FOR_LOOP -> {
                if (preserveTos) {
                    addOpI(Opcode.SWAP, 2);
                }
                addOp(Opcode.POP_TOP);
            }
            case TRY_EXCEPT -> addOpI(Block.POP_BLOCK, 0);
            case FINALLY_TRY -> {
                addOpI(Block.POP_BLOCK, 0);
                if (preserveTos) {
                    pushFBlock(FBlockType.POP_VALUE, null, null, null);
                }
                visitStmts((List<Stmt>) info.datum());
                if (preserveTos) {
                    popFBlock();
                }
                unsetLoc();
            }
            case FINALLY_END -> {
                if (preserveTos) {
                    addOpI(Opcode.SWAP, 2);
                }
                addOp(Opcode.POP_TOP);
                if (preserveTos) {
                    addOpI(Opcode.SWAP, 2);
                }
                addOpI(Block.POP_BLOCK, 0);
                addOp(Opcode.POP_EXCEPT);
            }
            case WITH, ASYNC_WITH -> {
                setLoc((Stmt) info.datum());
                addOpI(Block.POP_BLOCK, 0);
                if (preserveTos) {
                    addOpI(Opcode.SWAP, 2);
                }
                callExitWithNones();
                if (info.type() == FBlockType.ASYNC_WITH) {
                    addOpI(Opcode.GET_AWAITABLE, 2);
                    loadConst(Special.None);
                    addYieldFrom(true);
                }
                addOp(Opcode.POP_TOP);
                unsetLoc();
            }
            case HANDLER_CLEANUP -> {
                if (info.datum() != null) {
                    addOpI(Block.POP_BLOCK, 0);
                }
                if (preserveTos) {
                    addOpI(Opcode.SWAP, 2);
                }
                addOpI(Block.POP_BLOCK, 0);
                addOp(Opcode.POP_EXCEPT);
                if (info.datum() != null) {
                    loadConst(Special.None);
                    nameOp((String) info.datum(), ExprContext.Store);
                    nameOp((String) info.datum(), ExprContext.Del);
                }
            }
            case POP_VALUE -> {
                if (preserveTos) {
                    addOpI(Opcode.SWAP, 2);
                }
                addOp(Opcode.POP_TOP);
            }
        }
    }

    // ---------------------------------------------------------------- conditions

    /** Jumps to {@code next} if the truth of e equals {@code cond}; falls through otherwise. */
    private void jumpIf(Expr e, Block next, boolean cond) {
        switch (e) {
            case Expr.UnaryOp un when un.op() == dev.refheap.lang.ast.UnaryOperator.Not -> {
                jumpIf(un.operand(), next, !cond);
                return;
            }
            case Expr.BoolOp b -> {
                jumpIfBoolOp(b, next, cond);
                return;
            }
            case Expr.IfExp i -> {
                Block end = newBlock();
                Block next2 = newBlock();
                jumpIf(i.test(), next2, false);
                jumpIf(i.body(), next, cond);
                addJumpNoLine(Opcode.JUMP, end);
                useNextBlock(next2);
                jumpIf(i.orelse(), next, cond);
                useNextBlock(end);
                return;
            }
            case Expr.Compare c -> {
                setLoc(c);
                if (c.ops().size() > 1) {
                    checkCompare(c);
                    jumpIfChainedCompare(c, next, cond);
                    return;
                }
            }
            default -> { }
        }
        visitExpr(e);
        addJump(cond ? Opcode.POP_JUMP_IF_TRUE : Opcode.POP_JUMP_IF_FALSE, next);
    }

    private void jumpIfBoolOp(Expr.BoolOp b, Block next, boolean cond) {
        List<Expr> values = b.values();
        int n = values.size() - 1;
        boolean cond2 = b.op() == BoolOperator.Or;
        Block next2 = cond2 != cond ? newBlock() : next;
        for (int i = 0; i < n; i++) {
            jumpIf(values.get(i), next2, cond2);
        }
        jumpIf(values.get(n), next, cond);
        if (next2 != next) {
            useNextBlock(next2);
        }
    }

    private void jumpIfChainedCompare(Expr.Compare c, Block next, boolean cond) {
        int n = c.ops().size() - 1;
        Block cleanup = newBlock();
        visitExpr(c.left());
        for (int i = 0; i < n; i++) {
            visitExpr(c.comparators().get(i));
            addOpI(Opcode.SWAP, 2);
            addOpI(Opcode.COPY, 2);
            addCompare(c.ops().get(i));
            addJump(Opcode.POP_JUMP_IF_FALSE, cleanup);
        }
        visitExpr(c.comparators().get(n));
        addCompare(c.ops().get(n));
        addJump(cond ? Opcode.POP_JUMP_IF_TRUE : Opcode.POP_JUMP_IF_FALSE, next);
        Block end = newBlock();
        addJumpNoLine(Opcode.JUMP, end);
        useNextBlock(cleanup);
        addOp(Opcode.POP_TOP);
        if (!cond) {
            addJumpNoLine(Opcode.JUMP, next);
        }
        useNextBlock(end);
    }

    private void addCompare(CmpOp op) {
        switch (op) {
            case Lt -> addOpI(Opcode.COMPARE_OP, 0);
            case LtE -> addOpI(Opcode.COMPARE_OP, 1);
            case Eq -> addOpI(Opcode.COMPARE_OP, 2);
            case NotEq -> addOpI(Opcode.COMPARE_OP, 3);
            case Gt -> addOpI(Opcode.COMPARE_OP, 4);
            case GtE -> addOpI(Opcode.COMPARE_OP, 5);
            case Is -> addOpI(Opcode.IS_OP, 0);
            case IsNot -> addOpI(Opcode.IS_OP, 1);
            case In -> addOpI(Opcode.CONTAINS_OP, 0);
            case NotIn -> addOpI(Opcode.CONTAINS_OP, 1);
        }
    }

    private void compileAssert(Stmt.Assert s) {
        boolean tuple = s.test() instanceof Expr.Tuple t ? !t.elts().isEmpty()
                : s.test() instanceof Expr.Constant k && k.value() instanceof CodeUnit.ConstTuple ct && !ct.items().isEmpty();
        if (tuple) warn("assertion is always true, perhaps remove parentheses?");
        Block end = newBlock();
        jumpIf(s.test(), end, true);
        addOp(Opcode.LOAD_ASSERTION_ERROR);
        if (s.msg() != null) {
            visitExpr(s.msg());
            addOpI(Opcode.CALL, 0);
        }
        addOpI(Opcode.RAISE_VARARGS, 1);
        useNextBlock(end);
    }

    // ---------------------------------------------------------------- try / with

    private void compileTry(Stmt.Try s) {
        if (!s.finalbody().isEmpty()) {
            compileTryFinally(s);
        } else {
            compileTryExcept(s);
        }
    }

    private void compileTryFinally(Stmt.Try s) {
        compileFinallyAround(s.finalbody(), () -> {
            if (!s.handlers().isEmpty()) {
                compileTryExcept(s);
            } else {
                visitStmts(s.body());
            }
        });
    }

    /**
     * compiler_try_finally's frame (shared by try-finally and try-except-star-finally): {@code tryPart}
     * compiles the protected code; the final body is emitted on the normal path and on the
     * exceptional path (PUSH_EXC_INFO ... RERAISE, with the cleanup block).
     */
    private void compileFinallyAround(List<Stmt> finalbody, Runnable tryPart) {
        Block body = newBlock();
        Block end = newBlock();
        Block exit = newBlock();
        Block cleanup = newBlock();
        addJump(Block.SETUP_FINALLY, end);
        useNextBlock(body);
        pushFBlock(FBlockType.FINALLY_TRY, body, end, finalbody);
        tryPart.run();
        addOpNoLine(Block.POP_BLOCK);
        popFBlock();
        visitStmts(finalbody);
        addJumpNoLine(Opcode.JUMP, exit);
        useNextBlock(end);
        unsetLoc();
        addJump(Block.SETUP_CLEANUP, cleanup);
        addOp(Opcode.PUSH_EXC_INFO);
        pushFBlock(FBlockType.FINALLY_END, end, null, null);
        visitStmts(finalbody);
        popFBlock();
        addOpI(Opcode.RERAISE, 0);
        useNextBlock(cleanup);
        popExceptAndReraise();
        useNextBlock(exit);
    }

    private void popExceptAndReraise() {
        addOpI(Opcode.COPY, 3);
        addOp(Opcode.POP_EXCEPT);
        addOpI(Opcode.RERAISE, 1);
    }

    private void compileTryExcept(Stmt.Try s) {
        Block body = newBlock();
        Block except = newBlock();
        Block end = newBlock();
        Block cleanup = newBlock();
        addJump(Block.SETUP_FINALLY, except);
        useNextBlock(body);
        pushFBlock(FBlockType.TRY_EXCEPT, body, null, null);
        visitStmts(s.body());
        popFBlock();
        addOpNoLine(Block.POP_BLOCK);
        visitStmts(s.orelse());
        addJumpNoLine(Opcode.JUMP, end);
        int n = s.handlers().size();
        useNextBlock(except);
        unsetLoc();
        addJump(Block.SETUP_CLEANUP, cleanup);
        addOp(Opcode.PUSH_EXC_INFO);
        pushFBlock(FBlockType.EXCEPTION_HANDLER, null, null, null);
        for (int i = 0; i < n; i++) {
            ExceptHandler h = s.handlers().get(i);
            setLoc(h);
            if (h.type() == null && i < n - 1) {
                throw error("default 'except:' must be last");
            }
            except = newBlock();
            if (h.type() != null) {
                visitExpr(h.type());
                addOp(Opcode.CHECK_EXC_MATCH);
                addJump(Opcode.POP_JUMP_IF_FALSE, except);
            }
            if (h.name() != null) {
                compileNamedHandler(h, end);
            } else {
                compileUnnamedHandler(h, end);
            }
            useNextBlock(except);
        }
        unsetLoc();
        popFBlock();
        addOpI(Opcode.RERAISE, 0);
        useNextBlock(cleanup);
        popExceptAndReraise();
        useNextBlock(end);
    }

    /** {@code except T as name:} with the implicit {@code finally: name = None; del name}. */
    private void compileNamedHandler(ExceptHandler h, Block end) {
        Block cleanupEnd = newBlock();
        Block cleanupBody = newBlock();
        nameOp(h.name(), ExprContext.Store);
        addJump(Block.SETUP_CLEANUP, cleanupEnd);
        useNextBlock(cleanupBody);
        pushFBlock(FBlockType.HANDLER_CLEANUP, cleanupBody, null, h.name());
        visitStmts(h.body());
        popFBlock();
        unsetLoc();
        addOpI(Block.POP_BLOCK, 0);
        addOpI(Block.POP_BLOCK, 0);
        addOp(Opcode.POP_EXCEPT);
        loadConst(Special.None);
        nameOp(h.name(), ExprContext.Store);
        nameOp(h.name(), ExprContext.Del);
        addJump(Opcode.JUMP, end);
        useNextBlock(cleanupEnd);
        unsetLoc();
        loadConst(Special.None);
        nameOp(h.name(), ExprContext.Store);
        nameOp(h.name(), ExprContext.Del);
        addOpI(Opcode.RERAISE, 1);
    }

    private void compileUnnamedHandler(ExceptHandler h, Block end) {
        Block cleanupBody = newBlock();
        addOp(Opcode.POP_TOP);
        useNextBlock(cleanupBody);
        pushFBlock(FBlockType.HANDLER_CLEANUP, cleanupBody, null, null);
        visitStmts(h.body());
        popFBlock();
        unsetLoc();
        addOpI(Block.POP_BLOCK, 0);
        addOp(Opcode.POP_EXCEPT);
        addJump(Opcode.JUMP, end);
    }

    private void compileWith(Stmt.With s, int pos) {
        WithItem item = s.items().get(pos);
        Block block = newBlock();
        Block fin = newBlock();
        Block exit = newBlock();
        Block cleanup = newBlock();
        visitExpr(item.contextExpr());
        addOp(Opcode.BEFORE_WITH);
        addJump(Block.SETUP_WITH, fin);
        useNextBlock(block);
        pushFBlock(FBlockType.WITH, block, fin, s);
        if (item.optionalVars() != null) {
            visitExpr(item.optionalVars());
        } else {
            addOp(Opcode.POP_TOP);
        }
        if (pos + 1 == s.items().size()) {
            visitStmts(s.body());
        } else {
            compileWith(s, pos + 1);
        }
        unsetLoc();
        addOpI(Block.POP_BLOCK, 0);
        popFBlock();
        setLoc(s);
        callExitWithNones();
        addOp(Opcode.POP_TOP);
        addJump(Opcode.JUMP, exit);
        useNextBlock(fin);
        addJump(Block.SETUP_CLEANUP, cleanup);
        addOp(Opcode.PUSH_EXC_INFO);
        addOp(Opcode.WITH_EXCEPT_START);
        withExceptFinish(cleanup);
        useNextBlock(exit);
    }

    private void callExitWithNones() {
        loadConst(Special.None);
        loadConst(Special.None);
        loadConst(Special.None);
        addOpI(Opcode.CALL, 2);
    }

    private void withExceptFinish(Block cleanup) {
        unsetLoc();
        Block exit = newBlock();
        addJump(Opcode.POP_JUMP_IF_TRUE, exit);
        addOpI(Opcode.RERAISE, 2);
        useNextBlock(cleanup);
        popExceptAndReraise();
        useNextBlock(exit);
        addOp(Opcode.POP_TOP);
        addOpI(Block.POP_BLOCK, 0);
        addOp(Opcode.POP_EXCEPT);
        addOp(Opcode.POP_TOP);
        addOp(Opcode.POP_TOP);
    }

    // ---------------------------------------------------------------- imports

    private void compileImport(Stmt.Import s) {
        for (Alias alias : s.names()) {
            loadConst(0L);
            loadConst(Special.None);
            addOpName(Opcode.IMPORT_NAME, alias.name());
            if (alias.asname() != null) {
                importAs(alias.name(), alias.asname());
            } else {
                int dot = alias.name().indexOf('.');
                nameOp(dot >= 0 ? alias.name().substring(0, dot) : alias.name(), ExprContext.Store);
            }
        }
    }

    private void importAs(String name, String asname) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            nameOp(asname, ExprContext.Store);
            return;
        }
        while (true) {
            int pos = dot + 1;
            dot = name.indexOf('.', pos);
            String attr = name.substring(pos, dot >= 0 ? dot : name.length());
            addOpI(Opcode.IMPORT_FROM, addTo(u.names, attr));
            if (dot < 0) {
                break;
            }
            addOpI(Opcode.SWAP, 2);
            addOp(Opcode.POP_TOP);
        }
        nameOp(asname, ExprContext.Store);
        addOp(Opcode.POP_TOP);
    }

    private void compileFromImport(Stmt.ImportFrom s) {
        loadConst((long) s.level());
        List<String> names = s.names().stream().map(Alias::name).toList();
        if (s.lineno() > futureLineno && "__future__".equals(s.module())) {
            throw error("from __future__ imports must occur at the beginning of the file");
        }
        loadConst(tupleOf(names));
        addOpName(Opcode.IMPORT_NAME, s.module() != null ? s.module() : "");
        for (int i = 0; i < s.names().size(); i++) {
            Alias alias = s.names().get(i);
            if (i == 0 && alias.name().startsWith("*")) {
                addOp(Opcode.IMPORT_STAR);
                return;
            }
            addOpName(Opcode.IMPORT_FROM, alias.name());
            nameOp(alias.asname() != null ? alias.asname() : alias.name(), ExprContext.Store);
        }
        addOp(Opcode.POP_TOP);
    }

    // ---------------------------------------------------------------- functions and classes

    private void decorators(List<Expr> decos) {
        decos.forEach(this::visitExpr);
    }

    private void applyDecorators(List<Expr> decos) {
        Loc old = u.loc;
        Pos oldPos = u.errorPos;
        for (int i = decos.size() - 1; i >= 0; i--) {
            setLoc(decos.get(i));
            addOpI(Opcode.CALL, 0);
        }
        u.loc = old;
        u.errorPos = oldPos;
    }

    private void compileFunction(Stmt.FunctionDef s) {
        compileFunction(s, ScopeType.FUNCTION);
    }

    private void compileFunction(Stmt.FunctionDef s, ScopeType scopeType) {
        Arguments args = s.args();
        checkDebugArgs(args);
        decorators(s.decoratorList());
        int firstLineno = s.decoratorList().isEmpty() ? s.lineno() : s.decoratorList().getFirst().lineno();
        int funcflags = defaultArguments(args);
        if (visitAnnotations(args, s.returns())) {
            funcflags |= 0x04;
        }
        enterScope(s.name(), scopeType, scopeKey != null ? scopeKey : s, firstLineno);
        scopeKey = null;
        String doc = docString(s.body());
        addConst(doc != null ? doc : Special.None);
        u.argcount = args.args().size();
        u.posonlyargcount = args.posonlyargs().size();
        u.kwonlyargcount = args.kwonlyargs().size();
        for (int i = doc != null ? 1 : 0; i < s.body().size(); i++) {
            visitStmt(s.body().get(i));
        }
        String qualname = u.qualname;
        CodeUnit co = finishScope(true);
        makeClosure(co, funcflags, qualname);
        applyDecorators(s.decoratorList());
        nameOp(s.name(), ExprContext.Store);
    }

    /** Pushes the defaults tuple and the keyword-only defaults dict; returns MAKE_FUNCTION's flags for them. */
    private int defaultArguments(Arguments args) {
        int flags = 0;
        if (!args.defaults().isEmpty()) {
            args.defaults().forEach(this::visitExpr);
            addOpI(Opcode.BUILD_TUPLE, args.defaults().size());
            flags |= 0x01;
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < args.kwonlyargs().size(); i++) {
            Expr def = args.kwDefaults().get(i);
            if (def != null) {
                keys.add(SymbolTable.mangle(u.privateName, args.kwonlyargs().get(i).arg()));
                visitExpr(def);
            }
        }
        if (!keys.isEmpty()) {
            loadConst(tupleOf(keys));
            addOpI(Opcode.BUILD_CONST_KEY_MAP, keys.size());
            flags |= 0x02;
        }
        return flags;
    }

    /** Pushes the flat (name, annotation, ...) tuple of a def's annotations; false if there are none. */
    private boolean visitAnnotations(Arguments args, Expr returns) {
        int[] len = {0};
        argAnnotations(args.args(), len);
        argAnnotations(args.posonlyargs(), len);
        if (args.vararg() != null) {
            argAnnotation(args.vararg().arg(), args.vararg().annotation(), len);
        }
        argAnnotations(args.kwonlyargs(), len);
        if (args.kwarg() != null) {
            argAnnotation(args.kwarg().arg(), args.kwarg().annotation(), len);
        }
        argAnnotation("return", returns, len);
        if (len[0] > 0) {
            addOpI(Opcode.BUILD_TUPLE, len[0]);
            return true;
        }
        return false;
    }

    private void argAnnotations(List<Arg> args, int[] len) {
        for (Arg a : args) {
            argAnnotation(a.arg(), a.annotation(), len);
        }
    }

    private void argAnnotation(String name, Expr annotation, int[] len) {
        if (annotation == null) {
            return;
        }
        loadConst(SymbolTable.mangle(u.privateName, name));
        if ((futureFlags & CO_FUTURE_ANNOTATIONS) != 0) {
            visitAnnotation(annotation);
        } else if (annotation instanceof Expr.Starred st) {
            visitExpr(st.value());
            addOpI(Opcode.UNPACK_SEQUENCE, 1);
        } else {
            visitExpr(annotation);
        }
        len[0] += 2;
    }

    /** LOAD_CLOSURE of the child's free variables (if any), its code, MAKE_FUNCTION. */
    private void makeClosure(CodeUnit co, int flags, String qualname) {
        int nfree = co.nfreevars();
        if (nfree > 0) {
            List<String> lp = co.localsplusNames();
            for (int i = lp.size() - nfree; i < lp.size(); i++) {
                String name = lp.get(i);
                int reftype = u.type == ScopeType.CLASS && name.equals("__class__") ? SymbolTable.CELL
                        : u.ste.scope(name);
                int arg = reftype == SymbolTable.CELL ? u.cellvars.indexOf(name)
                        : u.cellvars.size() + u.freevars.indexOf(name);
                addOpI(Opcode.LOAD_CLOSURE, arg);
            }
            flags |= 0x08;
            addOpI(Opcode.BUILD_TUPLE, nfree);
        }
        loadConst(co);
        addOpI(Opcode.MAKE_FUNCTION, flags);
    }

    private void compileClass(Stmt.ClassDef s) {
        decorators(s.decoratorList());
        int firstLineno = s.decoratorList().isEmpty() ? s.lineno() : s.decoratorList().getFirst().lineno();
        enterScope(s.name(), ScopeType.CLASS, s, firstLineno);
        u.privateName = s.name();
        nameOp("__name__", ExprContext.Load);
        nameOp("__module__", ExprContext.Store);
        loadConst(u.qualname);
        nameOp("__qualname__", ExprContext.Store);
        compileBody(s.body());
        unsetLoc();
        if (u.ste.needsClassClosure) {
            addOpI(Opcode.LOAD_CLOSURE, 0);
            addOpI(Opcode.COPY, 1);
            nameOp("__classcell__", ExprContext.Store);
        } else {
            loadConst(Special.None);
        }
        addOp(Opcode.RETURN_VALUE);
        String qualname = u.qualname;
        CodeUnit co = finishScope(true);
        addOp(Opcode.PUSH_NULL);
        addOp(Opcode.LOAD_BUILD_CLASS);
        makeClosure(co, 0, qualname);
        loadConst(s.name());
        callHelper(2, s.bases(), s.keywords());
        applyDecorators(s.decoratorList());
        nameOp(s.name(), ExprContext.Store);
    }

    /** compiler_check_debug_args: a parameter named __debug__ is refused at the def or lambda, before anything is compiled. */
    private void checkDebugArgs(Arguments args) {
        List<Arg> all = new ArrayList<>(args.posonlyargs());
        all.addAll(args.args());
        if (args.vararg() != null) all.add(args.vararg());
        all.addAll(args.kwonlyargs());
        if (args.kwarg() != null) all.add(args.kwarg());
        for (Arg a : all) checkForbiddenName(a.arg(), ExprContext.Store);
    }

    private void compileLambda(Expr.Lambda e) {
        Arguments args = e.args();
        checkDebugArgs(args);
        int funcflags = defaultArguments(args);
        enterScope("<lambda>", ScopeType.LAMBDA, e, e.lineno());
        addConst(Special.None);
        u.argcount = args.args().size();
        u.posonlyargcount = args.posonlyargs().size();
        u.kwonlyargcount = args.kwonlyargs().size();
        visitExpr(e.body());
        String qualname = u.qualname;
        CodeUnit co;
        if (u.ste.generator) {
            co = finishScope(false);
        } else {
            addOp(Opcode.RETURN_VALUE);
            co = finishScope(true);
        }
        makeClosure(co, funcflags, qualname);
    }

    // ================================================================== expressions

    private void visitExpr(Expr e) {
        Loc old = u.loc;
        Pos oldPos = u.errorPos;
        setLoc(e);
        visitExpr1(e);
        u.loc = old;
        u.errorPos = oldPos;
    }

    /**
     * After an except* handler's body, 3.11's current location is that of the last target the body's
     * last statement stored or deleted (the innermost for tuple and list targets), when that statement
     * is an assignment or del; the handler's cleanup code carries it. (Observed with python3's dis;
     * elsewhere the location after such a statement is the statement's.)
     */
    private void leaveLocAtLastTarget(List<Stmt> body) {
        Expr e = switch (body.getLast()) {
            case Stmt.Assign a -> a.targets().getLast();
            case Stmt.AugAssign a -> a.target();
            case Stmt.AnnAssign a when a.value() != null -> a.target();
            case Stmt.Delete d -> d.targets().getLast();
            default -> null;
        };
        if (e == null) {
            return;
        }
        while (true) {
            if (e instanceof Expr.Tuple t && !t.elts().isEmpty()) {
                e = t.elts().getLast();
            } else if (e instanceof Expr.List l && !l.elts().isEmpty()) {
                e = l.elts().getLast();
            } else if (e instanceof Expr.Starred st) {
                e = st.value();
            } else {
                break;
            }
        }
        u.loc = Loc.of(e);
    }

    private void visitExpr1(Expr e) {
        switch (e) {
            case Expr.NamedExpr n -> {
                visitExpr(n.value());
                addOpI(Opcode.COPY, 1);
                visitExpr(n.target());
            }
            case Expr.BoolOp b -> compileBoolOp(b);
            case Expr.BinOp b -> {
                visitExpr(b.left());
                visitExpr(b.right());
                addOpI(Opcode.BINARY_OP, binaryOp(b.op()).ordinal());
            }
            case Expr.UnaryOp un -> {
                visitExpr(un.operand());
                addOp(switch (un.op()) {
                    case Invert -> Opcode.UNARY_INVERT;
                    case Not -> Opcode.UNARY_NOT;
                    case UAdd -> Opcode.UNARY_POSITIVE;
                    case USub -> Opcode.UNARY_NEGATIVE;
                });
            }
            case Expr.Lambda l -> compileLambda(l);
            case Expr.IfExp i -> compileIfExp(i);
            case Expr.Dict d -> compileDict(d);
            case Expr.Set s -> starUnpackHelper(s.elts(), 0, Opcode.BUILD_SET, Opcode.SET_ADD, Opcode.SET_UPDATE,
                    false);
            case Expr.GeneratorExp g -> compileComprehension(g, CompKind.GENEXP, "<genexpr>", g.generators(),
                    g.elt(), null);
            case Expr.ListComp c -> compileComprehension(c, CompKind.LISTCOMP, "<listcomp>", c.generators(),
                    c.elt(), null);
            case Expr.SetComp c -> compileComprehension(c, CompKind.SETCOMP, "<setcomp>", c.generators(),
                    c.elt(), null);
            case Expr.DictComp c -> compileComprehension(c, CompKind.DICTCOMP, "<dictcomp>", c.generators(),
                    c.key(), c.value());
            case Expr.Yield y -> compileYield(y);
            case Expr.YieldFrom y -> compileYieldFrom(y);
            case Expr.Await a -> compileAwait(a);
            case Expr.Compare c -> compileCompare(c);
            case Expr.Call c -> compileCall(c);
            case Expr.FormattedValue f -> compileFormattedValue(f);
            case Expr.JoinedStr j -> compileJoinedStr(j);
            case Expr.Constant c -> loadConst(c.value());
            case Expr.Attribute a -> compileAttribute(a);
            case Expr.Subscript s -> {
                visitExpr(s.value());
                visitExpr(s.slice());
                addOp(switch (s.ctx()) {
                    case Load -> Opcode.BINARY_SUBSCR;
                    case Store -> Opcode.STORE_SUBSCR;
                    case Del -> Opcode.DELETE_SUBSCR;
                });
            }
            case Expr.Starred s -> throw error(s.ctx() == ExprContext.Store
                    ? "starred assignment target must be in a list or tuple"
                    : "can't use starred expression here");
            case Expr.Slice s -> compileSlice(s);
            case Expr.Name n -> nameOp(n.id(), n.ctx());
            case Expr.List l -> compileSequence(l.elts(), l.ctx(), false);
            case Expr.Tuple t -> compileSequence(t.elts(), t.ctx(), true);
        }
    }

    private static BinaryOp binaryOp(Operator op) {
        return switch (op) {
            case Add -> BinaryOp.ADD;
            case Sub -> BinaryOp.SUBTRACT;
            case Mult -> BinaryOp.MULTIPLY;
            case MatMult -> BinaryOp.MATRIX_MULTIPLY;
            case Div -> BinaryOp.TRUE_DIVIDE;
            case Mod -> BinaryOp.REMAINDER;
            case Pow -> BinaryOp.POWER;
            case LShift -> BinaryOp.LSHIFT;
            case RShift -> BinaryOp.RSHIFT;
            case BitOr -> BinaryOp.OR;
            case BitXor -> BinaryOp.XOR;
            case BitAnd -> BinaryOp.AND;
            case FloorDiv -> BinaryOp.FLOOR_DIVIDE;
        };
    }

    private void compileBoolOp(Expr.BoolOp b) {
        Opcode jump = b.op() == BoolOperator.And ? Opcode.JUMP_IF_FALSE_OR_POP : Opcode.JUMP_IF_TRUE_OR_POP;
        Block end = newBlock();
        int n = b.values().size() - 1;
        for (int i = 0; i < n; i++) {
            visitExpr(b.values().get(i));
            addJump(jump, end);
            nextBlock();
        }
        visitExpr(b.values().get(n));
        useNextBlock(end);
    }

    private void compileIfExp(Expr.IfExp e) {
        Block end = newBlock();
        Block next = newBlock();
        jumpIf(e.test(), next, false);
        visitExpr(e.body());
        addJumpNoLine(Opcode.JUMP, end);
        useNextBlock(next);
        visitExpr(e.orelse());
        useNextBlock(end);
    }

    private void compileCompare(Expr.Compare c) {
        checkCompare(c);
        visitExpr(c.left());
        int n = c.ops().size() - 1;
        if (n == 0) {
            visitExpr(c.comparators().getFirst());
            addCompare(c.ops().getFirst());
            return;
        }
        Block cleanup = newBlock();
        for (int i = 0; i < n; i++) {
            visitExpr(c.comparators().get(i));
            addOpI(Opcode.SWAP, 2);
            addOpI(Opcode.COPY, 2);
            addCompare(c.ops().get(i));
            addJump(Opcode.JUMP_IF_FALSE_OR_POP, cleanup);
        }
        visitExpr(c.comparators().get(n));
        addCompare(c.ops().get(n));
        Block end = newBlock();
        addJumpNoLine(Opcode.JUMP, end);
        useNextBlock(cleanup);
        addOpI(Opcode.SWAP, 2);
        addOp(Opcode.POP_TOP);
        useNextBlock(end);
    }

    private void compileAttribute(Expr.Attribute a) {
        visitExpr(a.value());
        matchAttrLocation(a);
        switch (a.ctx()) {
            case Load -> addOpName(Opcode.LOAD_ATTR, a.attr());
            case Store -> {
                checkForbiddenName(a.attr(), ExprContext.Store);
                addOpName(Opcode.STORE_ATTR, a.attr());
            }
            case Del -> addOpName(Opcode.DELETE_ATTR, a.attr());
        }
    }

    private void compileSlice(Expr.Slice s) {
        int n = 2;
        if (s.lower() != null) {
            visitExpr(s.lower());
        } else {
            loadConst(Special.None);
        }
        if (s.upper() != null) {
            visitExpr(s.upper());
        } else {
            loadConst(Special.None);
        }
        if (s.step() != null) {
            n++;
            visitExpr(s.step());
        }
        addOpI(Opcode.BUILD_SLICE, n);
    }

    // ---------------------------------------------------------------- displays and unpacking

    private void compileSequence(List<Expr> elts, ExprContext ctx, boolean tuple) {
        switch (ctx) {
            case Store -> assignmentHelper(elts);
            case Load -> starUnpackHelper(elts, 0, Opcode.BUILD_LIST, Opcode.LIST_APPEND, Opcode.LIST_EXTEND,
                    tuple);
            case Del -> elts.forEach(this::visitExpr);
        }
    }

    private void assignmentHelper(List<Expr> elts) {
        int n = elts.size();
        boolean seenStar = false;
        for (int i = 0; i < n; i++) {
            if (elts.get(i) instanceof Expr.Starred) {
                if (seenStar) {
                    throw error("multiple starred expressions in assignment");
                }
                if (i >= (1 << 8) || n - i - 1 >= (Integer.MAX_VALUE >> 8)) {
                    throw error("too many expressions in star-unpacking assignment");
                }
                addOpI(Opcode.UNPACK_EX, i + ((n - i - 1) << 8));
                seenStar = true;
            }
        }
        if (!seenStar) {
            addOpI(Opcode.UNPACK_SEQUENCE, n);
        }
        for (Expr elt : elts) {
            visitExpr(elt instanceof Expr.Starred st ? st.value() : elt);
        }
    }

    private static boolean allConstants(List<Expr> elts, int begin, int end) {
        for (int i = begin; i < end; i++) {
            if (!(elts.get(i) instanceof Expr.Constant)) {
                return false;
            }
        }
        return true;
    }

    /** Builds a list/tuple/set display (or call arguments) with starred items. */
    private void starUnpackHelper(List<Expr> elts, int pushed, Opcode build, Opcode add, Opcode extend,
                                  boolean tuple) {
        int n = elts.size();
        if (n > 2 && allConstants(elts, 0, n)) {
            List<Object> values = elts.stream().map(x -> ((Expr.Constant) x).value()).toList();
            Object folded = add == Opcode.SET_ADD ? ConstOps.frozenset(values) : tupleOf(values);
            if (tuple && pushed == 0) {
                loadConst(folded);
            } else {
                addOpI(build, pushed);
                loadConst(folded);
                addOpI(extend, 1);
                if (tuple) {
                    addOp(Opcode.LIST_TO_TUPLE);
                }
            }
            return;
        }
        boolean big = n + pushed > STACK_USE_GUIDELINE;
        boolean seenStar = elts.stream().anyMatch(x -> x instanceof Expr.Starred);
        if (!seenStar && !big) {
            elts.forEach(this::visitExpr);
            addOpI(tuple ? Opcode.BUILD_TUPLE : build, n + pushed);
            return;
        }
        boolean built = false;
        if (big) {
            addOpI(build, pushed);
            built = true;
        }
        for (int i = 0; i < n; i++) {
            Expr elt = elts.get(i);
            if (elt instanceof Expr.Starred st) {
                if (!built) {
                    addOpI(build, i + pushed);
                    built = true;
                }
                visitExpr(st.value());
                addOpI(extend, 1);
            } else {
                visitExpr(elt);
                if (built) {
                    addOpI(add, 1);
                }
            }
        }
        if (tuple) {
            addOp(Opcode.LIST_TO_TUPLE);
        }
    }

    private void compileDict(Expr.Dict d) {
        int n = d.values().size();
        boolean haveDict = false;
        int elements = 0;
        for (int i = 0; i < n; i++) {
            if (d.keys().get(i) == null) {
                if (elements > 0) {
                    subDict(d, i - elements, i);
                    if (haveDict) {
                        addOpI(Opcode.DICT_UPDATE, 1);
                    }
                    haveDict = true;
                    elements = 0;
                }
                if (!haveDict) {
                    addOpI(Opcode.BUILD_MAP, 0);
                    haveDict = true;
                }
                visitExpr(d.values().get(i));
                addOpI(Opcode.DICT_UPDATE, 1);
            } else if (elements * 2 > STACK_USE_GUIDELINE) {
                subDict(d, i - elements, i + 1);
                if (haveDict) {
                    addOpI(Opcode.DICT_UPDATE, 1);
                }
                haveDict = true;
                elements = 0;
            } else {
                elements++;
            }
        }
        if (elements > 0) {
            subDict(d, n - elements, n);
            if (haveDict) {
                addOpI(Opcode.DICT_UPDATE, 1);
            }
            haveDict = true;
        }
        if (!haveDict) {
            addOpI(Opcode.BUILD_MAP, 0);
        }
    }

    private void subDict(Expr.Dict d, int begin, int end) {
        int n = end - begin;
        boolean big = n * 2 > STACK_USE_GUIDELINE;
        if (n > 1 && !big && allConstants(d.keys(), begin, end)) {
            for (int i = begin; i < end; i++) {
                visitExpr(d.values().get(i));
            }
            List<Object> keys = new ArrayList<>();
            for (int i = begin; i < end; i++) {
                keys.add(((Expr.Constant) d.keys().get(i)).value());
            }
            loadConst(tupleOf(keys));
            addOpI(Opcode.BUILD_CONST_KEY_MAP, n);
            return;
        }
        if (big) {
            addOpI(Opcode.BUILD_MAP, 0);
        }
        for (int i = begin; i < end; i++) {
            visitExpr(d.keys().get(i));
            visitExpr(d.values().get(i));
            if (big) {
                addOpI(Opcode.MAP_ADD, 1);
            }
        }
        if (!big) {
            addOpI(Opcode.BUILD_MAP, n);
        }
    }

    // ---------------------------------------------------------------- f-strings

    private void compileJoinedStr(Expr.JoinedStr j) {
        List<Expr> values = j.values();
        if (values.size() > STACK_USE_GUIDELINE) {
            loadConst("");
            addOpName(Opcode.LOAD_METHOD, "join");
            addOpI(Opcode.BUILD_LIST, 0);
            for (Expr v : values) {
                visitExpr(v);
                addOpI(Opcode.LIST_APPEND, 1);
            }
            addOpI(Opcode.CALL, 1);
        } else {
            values.forEach(this::visitExpr);
            if (values.size() != 1) {
                addOpI(Opcode.BUILD_STRING, values.size());
            }
        }
    }

    private void compileFormattedValue(Expr.FormattedValue f) {
        visitExpr(f.value());
        int oparg = switch (f.conversion()) {
            case 's' -> 1;
            case 'r' -> 2;
            case 'a' -> 3;
            default -> 0;
        };
        if (f.formatSpec() != null) {
            visitExpr(f.formatSpec());
            oparg |= 4;
        }
        addOpI(Opcode.FORMAT_VALUE, oparg);
    }

    // ---------------------------------------------------------------- calls

    private void compileCall(Expr.Call e) {
        if (maybeMethodCall(e)) {
            return;
        }
        setLoc(e.func());
        addOp(Opcode.PUSH_NULL);
        setLoc(e);
        visitExpr(e.func());
        callHelper(0, e.args(), e.keywords());
    }

    /** {@code o.m(args)} with plain arguments: LOAD_METHOD + CALL. */
    private boolean maybeMethodCall(Expr.Call e) {
        validateKeywords(e.keywords());  // compiler_call checks them before either way of calling
        if (!(e.func() instanceof Expr.Attribute meth) || meth.ctx() != ExprContext.Load) {
            return false;
        }
        if (meth.value() instanceof Expr.Name n
                && (symtable.top().flags(n.id()) & SymbolTable.DEF_IMPORT) != 0) {
            return false;
        }
        int argsl = e.args().size();
        int kwdsl = e.keywords().size();
        if (argsl + kwdsl + (kwdsl != 0 ? 1 : 0) >= STACK_USE_GUIDELINE) {
            return false;
        }
        if (e.args().stream().anyMatch(a -> a instanceof Expr.Starred)
                || e.keywords().stream().anyMatch(k -> k.arg() == null)) {
            return false;
        }
        visitExpr(meth.value());
        Loc old = u.loc;
        u.loc = Loc.of(meth);
        matchAttrLocation(meth);
        addOpName(Opcode.LOAD_METHOD, meth.attr());
        e.args().forEach(this::visitExpr);
        if (kwdsl > 0) {
            e.keywords().forEach(k -> visitExpr(k.value()));
            kwNames(e.keywords());
        }
        u.loc = Loc.of(e);
        matchAttrLocation(meth);
        addOpI(Opcode.CALL, argsl + kwdsl);
        u.loc = old;
        return true;
    }

    private void kwNames(List<Keyword> keywords) {
        List<String> names = keywords.stream().map(Keyword::arg).toList();
        addOpI(Opcode.KW_NAMES, addConst(tupleOf(names)));
    }

    private void validateKeywords(List<Keyword> keywords) {
        for (int i = 0; i < keywords.size(); i++) {
            Keyword key = keywords.get(i);
            if (key.arg() == null) {
                continue;
            }
            checkForbiddenName(key.arg(), ExprContext.Store);
            for (int j = i + 1; j < keywords.size(); j++) {
                Keyword other = keywords.get(j);
                if (key.arg().equals(other.arg())) {
                    setLoc(other);
                    throw error("keyword argument repeated: " + key.arg());
                }
            }
        }
    }

    /** The arguments and the call, {@code n} positional arguments being already on the stack. */
    private void callHelper(int n, List<Expr> args, List<Keyword> keywords) {
        validateKeywords(keywords);
        int nelts = args.size();
        int nkwelts = keywords.size();
        boolean exCall = nelts + nkwelts * 2 > STACK_USE_GUIDELINE
                || args.stream().anyMatch(a -> a instanceof Expr.Starred)
                || keywords.stream().anyMatch(k -> k.arg() == null);
        if (!exCall) {
            args.forEach(this::visitExpr);
            if (nkwelts > 0) {
                keywords.forEach(k -> visitExpr(k.value()));
                kwNames(keywords);
            }
            addOpI(Opcode.CALL, n + nelts + nkwelts);
            return;
        }
        if (n == 0 && nelts == 1 && args.getFirst() instanceof Expr.Starred st) {
            visitExpr(st.value());
        } else {
            starUnpackHelper(args, n, Opcode.BUILD_LIST, Opcode.LIST_APPEND, Opcode.LIST_EXTEND, true);
        }
        if (nkwelts > 0) {
            keywordArguments(keywords);
        }
        addOpI(Opcode.CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0);
    }

    private void keywordArguments(List<Keyword> keywords) {
        boolean haveDict = false;
        int nseen = 0;
        for (int i = 0; i < keywords.size(); i++) {
            Keyword kw = keywords.get(i);
            if (kw.arg() == null) {
                if (nseen > 0) {
                    subKwargs(keywords, i - nseen, i);
                    if (haveDict) {
                        addOpI(Opcode.DICT_MERGE, 1);
                    }
                    haveDict = true;
                    nseen = 0;
                }
                if (!haveDict) {
                    addOpI(Opcode.BUILD_MAP, 0);
                    haveDict = true;
                }
                visitExpr(kw.value());
                addOpI(Opcode.DICT_MERGE, 1);
            } else {
                nseen++;
            }
        }
        if (nseen > 0) {
            subKwargs(keywords, keywords.size() - nseen, keywords.size());
            if (haveDict) {
                addOpI(Opcode.DICT_MERGE, 1);
            }
        }
    }

    private void subKwargs(List<Keyword> keywords, int begin, int end) {
        int n = end - begin;
        boolean big = n * 2 > STACK_USE_GUIDELINE;
        if (n > 1 && !big) {
            for (int i = begin; i < end; i++) {
                visitExpr(keywords.get(i).value());
            }
            loadConst(tupleOf(keywords.subList(begin, end).stream().map(Keyword::arg).toList()));
            addOpI(Opcode.BUILD_CONST_KEY_MAP, n);
            return;
        }
        if (big) {
            addOpNoLine(op(Opcode.BUILD_MAP));
        }
        for (int i = begin; i < end; i++) {
            loadConst(keywords.get(i).arg());
            visitExpr(keywords.get(i).value());
            if (big) {
                emit(new Instr(op(Opcode.MAP_ADD), 1, null, Loc.NONE));
            }
        }
        if (!big) {
            addOpI(Opcode.BUILD_MAP, n);
        }
    }

    // ---------------------------------------------------------------- generators and comprehensions

    private void compileYield(Expr.Yield y) {
        if (u.ste.type != BlockType.FUNCTION) {
            throw error("'yield' outside function");
        }
        if (y.value() != null) {
            visitExpr(y.value());
        } else {
            loadConst(Special.None);
        }
        addYield();
    }

    /** addop_yield: YIELD_VALUE, with ASYNC_GEN_WRAP first in an async generator (an async genexp included). */
    private void addYield() {
        if (u.ste.generator && u.ste.coroutine) {
            addOp(Opcode.ASYNC_GEN_WRAP);
        }
        addOpI(Opcode.YIELD_VALUE, 0);
        addOpI(Block.RESUME, 1);
    }

    private void compileYieldFrom(Expr.YieldFrom y) {
        if (u.ste.type != BlockType.FUNCTION) {
            throw error("'yield' outside function");
        }
        if (u.type == ScopeType.ASYNC_FUNCTION) {
            throw error("'yield from' inside async function");
        }
        visitExpr(y.value());
        addOp(Opcode.GET_YIELD_FROM_ITER);
        loadConst(Special.None);
        addYieldFrom(false);
    }

    /** compiler_add_yield_from: SEND / YIELD_VALUE / RESUME loop around the iterator (or awaitable) on the stack. */
    private void addYieldFrom(boolean await) {
        Block start = newBlock();
        Block resume = newBlock();
        Block exit = newBlock();
        useNextBlock(start);
        addJump(Opcode.SEND, exit);
        useNextBlock(resume);
        addOpI(Opcode.YIELD_VALUE, 0);
        addOpI(Block.RESUME, await ? 3 : 2);
        addJump(Block.JUMP_NO_INTERRUPT, start);
        useNextBlock(exit);
    }

    private void compileComprehension(Expr e, CompKind kind, String name, List<Comprehension> generators,
                                      Expr elt, Expr val) {
        Comprehension outermost = generators.getFirst();
        ScopeType outerType = u.type;
        enterScope(name, ScopeType.COMPREHENSION, e, e.lineno());
        setLoc(e);
        boolean isAsyncGenerator = u.ste.coroutine;
        if (isAsyncGenerator && kind != CompKind.GENEXP && outerType != ScopeType.ASYNC_FUNCTION
                && outerType != ScopeType.COMPREHENSION) {
            throw error("asynchronous comprehension outside of an asynchronous function");
        }
        if (kind != CompKind.GENEXP) {
            addOpI(switch (kind) {
                case LISTCOMP -> Opcode.BUILD_LIST;
                case SETCOMP -> Opcode.BUILD_SET;
                default -> Opcode.BUILD_MAP;
            }, 0);
        }
        comprehensionGenerator(generators, 0, 0, elt, val, kind);
        if (kind != CompKind.GENEXP) {
            addOp(Opcode.RETURN_VALUE);
        }
        String qualname = u.qualname;
        CodeUnit co = finishScope(true);
        makeClosure(co, 0, qualname);
        visitExpr(outermost.iter());
        addOp(outermost.isAsync() != 0 ? Opcode.GET_AITER : Opcode.GET_ITER);
        addOpI(Opcode.CALL, 0);
        if (isAsyncGenerator && kind != CompKind.GENEXP) {
            addOpI(Opcode.GET_AWAITABLE, 0);
            loadConst(Special.None);
            addYieldFrom(true);
        }
    }

    private void comprehensionGenerator(List<Comprehension> generators, int genIndex, int depth, Expr elt,
                                        Expr val, CompKind kind) {
        if (generators.get(genIndex).isAsync() != 0) {
            asyncComprehensionGenerator(generators, genIndex, depth, elt, val, kind);
            return;
        }
        Block start = newBlock();
        Block ifCleanup = newBlock();
        Block anchor = newBlock();
        Comprehension gen = generators.get(genIndex);
        if (genIndex == 0) {
            u.argcount = 1;
            addOpI(Opcode.LOAD_FAST, 0);
        } else {
            List<Expr> elts = switch (gen.iter()) {
                case Expr.List l -> l.elts();
                case Expr.Tuple t -> t.elts();
                default -> null;
            };
            if (elts != null && elts.size() == 1 && !(elts.getFirst() instanceof Expr.Starred)) {
                visitExpr(elts.getFirst());
                start = null;
            }
            if (start != null) {
                visitExpr(gen.iter());
                addOp(Opcode.GET_ITER);
            }
        }
        if (start != null) {
            depth++;
            useNextBlock(start);
            addJump(Opcode.FOR_ITER, anchor);
        }
        visitExpr(gen.target());
        for (Expr cond : gen.ifs()) {
            jumpIf(cond, ifCleanup, false);
        }
        if (++genIndex < generators.size()) {
            comprehensionGenerator(generators, genIndex, depth, elt, val, kind);
        }
        if (genIndex >= generators.size()) {
            comprehensionElement(kind, elt, val, depth);
        }
        useNextBlock(ifCleanup);
        if (start != null) {
            addJump(Opcode.JUMP, start);
            useNextBlock(anchor);
        }
    }

    /**
     * compiler_async_comprehension_generator: an {@code async for} clause, GET_ANEXT's await guarded by
     * a handler that ends the loop (END_ASYNC_FOR), the iterator made with GET_AITER.
     */
    private void asyncComprehensionGenerator(List<Comprehension> generators, int genIndex, int depth, Expr elt,
                                             Expr val, CompKind kind) {
        Block start = newBlock();
        Block except = newBlock();
        Block ifCleanup = newBlock();
        Comprehension gen = generators.get(genIndex);
        if (genIndex == 0) {
            u.argcount = 1;
            addOpI(Opcode.LOAD_FAST, 0);
        } else {
            visitExpr(gen.iter());
            addOp(Opcode.GET_AITER);
        }
        useNextBlock(start);
        pushFBlock(FBlockType.ASYNC_COMPREHENSION_GENERATOR, start, null, null);
        addJump(Block.SETUP_FINALLY, except);
        addOp(Opcode.GET_ANEXT);
        loadConst(Special.None);
        addYieldFrom(true);
        addOpI(Block.POP_BLOCK, 0);
        visitExpr(gen.target());
        for (Expr cond : gen.ifs()) {
            jumpIf(cond, ifCleanup, false);
        }
        depth++;
        if (++genIndex < generators.size()) {
            comprehensionGenerator(generators, genIndex, depth, elt, val, kind);
        }
        if (genIndex >= generators.size()) {
            comprehensionElement(kind, elt, val, depth);
        }
        useNextBlock(ifCleanup);
        addJump(Opcode.JUMP, start);
        popFBlock();
        useNextBlock(except);
        addOp(Opcode.END_ASYNC_FOR);
    }

    private void comprehensionElement(CompKind kind, Expr elt, Expr val, int depth) {
        switch (kind) {
            case GENEXP -> {
                visitExpr(elt);
                addYield();
                addOp(Opcode.POP_TOP);
            }
            case LISTCOMP -> {
                visitExpr(elt);
                addOpI(Opcode.LIST_APPEND, depth + 1);
            }
            case SETCOMP -> {
                visitExpr(elt);
                addOpI(Opcode.SET_ADD, depth + 1);
            }
            case DICTCOMP -> {
                visitExpr(elt);
                visitExpr(val);
                addOpI(Opcode.MAP_ADD, depth + 1);
            }
        }
    }

    // ================================================================== match statements (PEP 634)
    //
    // compiler_match and the compiler_pattern_* functions of 3.11's compile.c: the subject stays on the
    // stack while each case's pattern runs; captured values are rotated under the items a pattern still
    // needs and stored only once the whole pattern (and its guard) matched; a failing check jumps to the
    // fail_pop block that pops exactly what is on the stack at that point.

    /** pattern_context: names to store, what a failure must pop, and whether an irrefutable pattern is allowed. */
    private static final class PatternContext {
        List<String> stores = new ArrayList<>();
        boolean allowIrrefutable;
        List<Block> failPop = new ArrayList<>();
        int onTop;
    }

    private static boolean wildcard(dev.refheap.lang.ast.Pattern p) {
        return p instanceof dev.refheap.lang.ast.Pattern.MatchAs a && a.name() == null && a.pattern() == null;
    }

    private static boolean wildcardStar(dev.refheap.lang.ast.Pattern p) {
        return p instanceof dev.refheap.lang.ast.Pattern.MatchStar st && st.name() == null;
    }

    private void compileMatch(Stmt.Match s) {
        PatternContext pc = new PatternContext();
        visitExpr(s.subject());
        Block end = newBlock();
        List<dev.refheap.lang.ast.MatchCase> cases = s.cases();
        int n = cases.size();
        dev.refheap.lang.ast.MatchCase m = cases.get(n - 1);
        int hasDefault = wildcard(m.pattern()) && 1 < n ? 1 : 0;
        for (int i = 0; i < n - hasDefault; i++) {
            m = cases.get(i);
            setLoc(m.pattern());
            if (i != n - hasDefault - 1) {
                addOpI(Opcode.COPY, 1);
            }
            pc.stores = new ArrayList<>();
            pc.allowIrrefutable = m.guard() != null || i == n - 1;
            pc.failPop = new ArrayList<>();
            pc.onTop = 0;
            compilePattern(m.pattern(), pc);
            for (String name : pc.stores) {
                nameOp(name, ExprContext.Store);
            }
            if (m.guard() != null) {
                ensureFailPop(pc, 0);
                jumpIf(m.guard(), pc.failPop.get(0), false);
            }
            if (i != n - hasDefault - 1) {
                addOp(Opcode.POP_TOP);
            }
            visitStmts(m.body());
            addJump(Opcode.JUMP, end);
            setLoc(m.pattern());
            emitAndResetFailPop(pc);
        }
        if (hasDefault != 0) {
            m = cases.get(n - 1);
            setLoc(m.pattern());
            if (n == 1) {
                addOp(Opcode.POP_TOP);
            } else {
                addOp(Opcode.NOP);
            }
            if (m.guard() != null) {
                jumpIf(m.guard(), end, false);
            }
            visitStmts(m.body());
        }
        useNextBlock(end);
    }

    private void ensureFailPop(PatternContext pc, int n) {
        while (pc.failPop.size() < n + 1) {
            pc.failPop.add(newBlock());
        }
    }

    private void jumpToFailPop(PatternContext pc, Opcode op) {
        int pops = pc.onTop + pc.stores.size();
        ensureFailPop(pc, pops);
        addJump(op, pc.failPop.get(pops));
    }

    private void emitAndResetFailPop(PatternContext pc) {
        if (pc.failPop.isEmpty()) {
            return;
        }
        for (int i = pc.failPop.size() - 1; i > 0; i--) {
            useNextBlock(pc.failPop.get(i));
            addOp(Opcode.POP_TOP);
        }
        useNextBlock(pc.failPop.get(0));
        pc.failPop = new ArrayList<>();
    }

    private void patternRotate(int count) {
        while (1 < count) {
            addOpI(Opcode.SWAP, count--);
        }
    }

    private void patternStoreName(String n, PatternContext pc) {
        if (n == null) {
            addOp(Opcode.POP_TOP);
            return;
        }
        checkForbiddenName(n, ExprContext.Store);
        if (pc.stores.contains(n)) {
            throw error("multiple assignments to name " + dev.refheap.lang.ast.PyRepr.str(n) + " in pattern");
        }
        patternRotate(pc.onTop + pc.stores.size() + 1);
        pc.stores.add(n);
    }

    private void compilePattern(dev.refheap.lang.ast.Pattern p, PatternContext pc) {
        setLoc(p);
        switch (p) {
            case dev.refheap.lang.ast.Pattern.MatchValue v -> {
                if (!(v.value() instanceof Expr.Constant || v.value() instanceof Expr.Attribute)) {
                    throw error("patterns may only match literals and attribute lookups");
                }
                visitExpr(v.value());
                addCompare(CmpOp.Eq);
                jumpToFailPop(pc, Opcode.POP_JUMP_IF_FALSE);
            }
            case dev.refheap.lang.ast.Pattern.MatchSingleton v -> {
                loadConst(v.value());
                addCompare(CmpOp.Is);
                jumpToFailPop(pc, Opcode.POP_JUMP_IF_FALSE);
            }
            case dev.refheap.lang.ast.Pattern.MatchSequence q -> compilePatternSequence(q, pc);
            case dev.refheap.lang.ast.Pattern.MatchMapping q -> compilePatternMapping(q, pc);
            case dev.refheap.lang.ast.Pattern.MatchClass q -> compilePatternClass(q, pc);
            case dev.refheap.lang.ast.Pattern.MatchStar q -> patternStoreName(q.name(), pc);
            case dev.refheap.lang.ast.Pattern.MatchAs q -> {
                if (q.pattern() == null) {
                    if (!pc.allowIrrefutable) {
                        if (q.name() != null) {
                            throw error("name capture " + dev.refheap.lang.ast.PyRepr.str(q.name())
                                    + " makes remaining patterns unreachable");
                        }
                        throw error("wildcard makes remaining patterns unreachable");
                    }
                    patternStoreName(q.name(), pc);
                    return;
                }
                pc.onTop++;
                addOpI(Opcode.COPY, 1);
                compilePattern(q.pattern(), pc);
                pc.onTop--;
                patternStoreName(q.name(), pc);
            }
            case dev.refheap.lang.ast.Pattern.MatchOr q -> compilePatternOr(q, pc);
        }
    }

    private void compileSubpattern(dev.refheap.lang.ast.Pattern p, PatternContext pc) {
        boolean allow = pc.allowIrrefutable;
        pc.allowIrrefutable = true;
        compilePattern(p, pc);
        pc.allowIrrefutable = allow;
    }

    private void compilePatternSequence(dev.refheap.lang.ast.Pattern.MatchSequence p, PatternContext pc) {
        List<dev.refheap.lang.ast.Pattern> patterns = p.patterns();
        int size = patterns.size();
        int star = -1;
        boolean onlyWildcard = true;
        boolean starWildcard = false;
        for (int i = 0; i < size; i++) {
            dev.refheap.lang.ast.Pattern q = patterns.get(i);
            if (q instanceof dev.refheap.lang.ast.Pattern.MatchStar) {
                if (star >= 0) {
                    throw error("multiple starred names in sequence pattern");
                }
                starWildcard = wildcardStar(q);
                onlyWildcard &= starWildcard;
                star = i;
                continue;
            }
            onlyWildcard &= wildcard(q);
        }
        pc.onTop++;
        addOp(Opcode.MATCH_SEQUENCE);
        jumpToFailPop(pc, Opcode.POP_JUMP_IF_FALSE);
        if (star < 0) {
            addOp(Opcode.GET_LEN);
            loadConst((long) size);
            addCompare(CmpOp.Eq);
            jumpToFailPop(pc, Opcode.POP_JUMP_IF_FALSE);
        } else if (size != 1) {
            addOp(Opcode.GET_LEN);
            loadConst((long) (size - 1));
            addCompare(CmpOp.GtE);
            jumpToFailPop(pc, Opcode.POP_JUMP_IF_FALSE);
        }
        pc.onTop--;
        if (onlyWildcard) {
            addOp(Opcode.POP_TOP);
        } else if (starWildcard) {
            pc.onTop++;
            for (int i = 0; i < size; i++) {
                dev.refheap.lang.ast.Pattern q = patterns.get(i);
                if (wildcard(q) || i == star) {
                    continue;
                }
                addOpI(Opcode.COPY, 1);
                if (i < star) {
                    loadConst((long) i);
                } else {
                    addOp(Opcode.GET_LEN);
                    loadConst((long) (size - i));
                    addOpI(Opcode.BINARY_OP, BinaryOp.SUBTRACT.ordinal());
                }
                addOp(Opcode.BINARY_SUBSCR);
                compileSubpattern(q, pc);
            }
            pc.onTop--;
            addOp(Opcode.POP_TOP);
        } else {
            boolean seenStar = false;
            for (int i = 0; i < size; i++) {
                if (patterns.get(i) instanceof dev.refheap.lang.ast.Pattern.MatchStar && !seenStar) {
                    if (i >= (1 << 8) || size - i - 1 >= (Integer.MAX_VALUE >> 8)) {
                        throw error("too many expressions in star-unpacking sequence pattern");
                    }
                    addOpI(Opcode.UNPACK_EX, i + ((size - i - 1) << 8));
                    seenStar = true;
                }
            }
            if (!seenStar) {
                addOpI(Opcode.UNPACK_SEQUENCE, size);
            }
            pc.onTop += size;
            for (int i = 0; i < size; i++) {
                pc.onTop--;
                compileSubpattern(patterns.get(i), pc);
            }
        }
    }

    private void compilePatternMapping(dev.refheap.lang.ast.Pattern.MatchMapping p, PatternContext pc) {
        List<Expr> keys = p.keys();
        int size = keys.size();
        String starTarget = p.rest();
        pc.onTop++;
        addOp(Opcode.MATCH_MAPPING);
        jumpToFailPop(pc, Opcode.POP_JUMP_IF_FALSE);
        if (size == 0 && starTarget == null) {
            pc.onTop--;
            addOp(Opcode.POP_TOP);
            return;
        }
        if (size != 0) {
            addOp(Opcode.GET_LEN);
            loadConst((long) size);
            addCompare(CmpOp.GtE);
            jumpToFailPop(pc, Opcode.POP_JUMP_IF_FALSE);
        }
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (Expr key : keys) {
            if (key instanceof Expr.Constant k) {
                if (!seen.add(setKey(k.value()))) {
                    throw error("mapping pattern checks duplicate key ("
                            + dev.refheap.lang.bytecode.Disassembler.constRepr(k.value()) + ")");
                }
            } else if (!(key instanceof Expr.Attribute)) {
                throw error("mapping pattern keys may only match literals and attribute lookups");
            }
            visitExpr(key);
        }
        addOpI(Opcode.BUILD_TUPLE, size);
        addOp(Opcode.MATCH_KEYS);
        pc.onTop += 2;
        addOpI(Opcode.COPY, 1);
        loadConst(Special.None);
        addOpI(Opcode.IS_OP, 1);
        jumpToFailPop(pc, Opcode.POP_JUMP_IF_FALSE);
        addOpI(Opcode.UNPACK_SEQUENCE, size);
        pc.onTop += size - 1;
        for (int i = 0; i < size; i++) {
            pc.onTop--;
            compileSubpattern(p.patterns().get(i), pc);
        }
        pc.onTop -= 2;
        if (starTarget != null) {
            addOpI(Opcode.BUILD_MAP, 0);
            addOpI(Opcode.SWAP, 3);
            addOpI(Opcode.DICT_UPDATE, 2);
            addOpI(Opcode.UNPACK_SEQUENCE, size);
            while (size != 0) {
                addOpI(Opcode.COPY, 1 + size--);
                addOpI(Opcode.SWAP, 2);
                addOp(Opcode.DELETE_SUBSCR);
            }
            patternStoreName(starTarget, pc);
        } else {
            addOp(Opcode.POP_TOP);
            addOp(Opcode.POP_TOP);
        }
    }

    /** A constant as a key of a Python set: equal numbers (1, 1.0, True) are one key, bytes compare by content. */
    private static Object setKey(Object v) {
        return switch (v) {
            case Boolean b -> java.math.BigInteger.valueOf(b ? 1 : 0);
            case Long l -> java.math.BigInteger.valueOf(l);
            case Double d when d == Math.rint(d) && !Double.isInfinite(d) -> new java.math.BigDecimal(d).toBigInteger();
            case byte[] bs -> java.util.List.of("bytes", java.util.HexFormat.of().formatHex(bs));
            default -> v;
        };
    }

    private void compilePatternClass(dev.refheap.lang.ast.Pattern.MatchClass p, PatternContext pc) {
        List<dev.refheap.lang.ast.Pattern> patterns = p.patterns();
        List<String> kwdAttrs = p.kwdAttrs();
        int nargs = patterns.size();
        int nattrs = kwdAttrs.size();
        if (nattrs != 0) {
            for (int i = 0; i < nattrs; i++) {
                String attr = kwdAttrs.get(i);
                setLoc(p.kwdPatterns().get(i));
                checkForbiddenName(attr, ExprContext.Store);
                for (int j = i + 1; j < nattrs; j++) {
                    if (attr.equals(kwdAttrs.get(j))) {
                        setLoc(p.kwdPatterns().get(j));
                        throw error("attribute name repeated in class pattern: " + attr);
                    }
                }
            }
            setLoc(p);
        }
        visitExpr(p.cls());
        loadConst(tupleOf(kwdAttrs));
        addOpI(Opcode.MATCH_CLASS, nargs);
        addOpI(Opcode.COPY, 1);
        loadConst(Special.None);
        addOpI(Opcode.IS_OP, 1);
        pc.onTop++;
        jumpToFailPop(pc, Opcode.POP_JUMP_IF_FALSE);
        addOpI(Opcode.UNPACK_SEQUENCE, nargs + nattrs);
        pc.onTop += nargs + nattrs - 1;
        for (int i = 0; i < nargs + nattrs; i++) {
            pc.onTop--;
            dev.refheap.lang.ast.Pattern q = i < nargs ? patterns.get(i) : p.kwdPatterns().get(i - nargs);
            if (wildcard(q)) {
                addOp(Opcode.POP_TOP);
                continue;
            }
            compileSubpattern(q, pc);
        }
    }

    private void compilePatternOr(dev.refheap.lang.ast.Pattern.MatchOr p, PatternContext pc) {
        Block end = newBlock();
        int size = p.patterns().size();
        List<String> oldStores = pc.stores;
        boolean oldAllow = pc.allowIrrefutable;
        List<Block> oldFailPop = pc.failPop;
        int oldOnTop = pc.onTop;
        List<String> control = null;
        for (int i = 0; i < size; i++) {
            dev.refheap.lang.ast.Pattern alt = p.patterns().get(i);
            setLoc(alt);
            pc.stores = new ArrayList<>();
            pc.allowIrrefutable = (i == size - 1) && oldAllow;
            pc.failPop = new ArrayList<>();
            pc.onTop = 0;
            addOpI(Opcode.COPY, 1);
            compilePattern(alt, pc);
            int nstores = pc.stores.size();
            if (i == 0) {
                control = pc.stores;
            } else if (nstores != control.size()) {
                throw error("alternative patterns bind different names");
            } else if (nstores != 0) {
                int icontrol = nstores;
                while (icontrol-- > 0) {
                    String name = control.get(icontrol);
                    int istores = pc.stores.indexOf(name);
                    if (istores < 0) {
                        throw error("alternative patterns bind different names");
                    }
                    if (icontrol != istores) {
                        int rotations = istores + 1;
                        List<String> rotated = new ArrayList<>(pc.stores.subList(0, rotations));
                        pc.stores.subList(0, rotations).clear();
                        pc.stores.addAll(icontrol - istores, rotated);
                        while (rotations-- > 0) {
                            patternRotate(icontrol + 1);
                        }
                    }
                }
            }
            addJump(Opcode.JUMP, end);
            emitAndResetFailPop(pc);
        }
        pc.stores = oldStores;
        pc.allowIrrefutable = oldAllow;
        pc.failPop = oldFailPop;
        pc.onTop = oldOnTop;
        addOp(Opcode.POP_TOP);
        jumpToFailPop(pc, Opcode.JUMP);
        useNextBlock(end);
        int nstores = control.size();
        int nrots = nstores + 1 + pc.onTop + pc.stores.size();
        for (int i = 0; i < nstores; i++) {
            patternRotate(nrots);
            String name = control.get(i);
            if (pc.stores.contains(name)) {
                throw error("multiple assignments to name " + dev.refheap.lang.ast.PyRepr.str(name) + " in pattern");
            }
            pc.stores.add(name);
        }
        addOp(Opcode.POP_TOP);
    }

    // ================================================================== except* (PEP 654)
    //
    // compiler_try_star_finally / compiler_try_star_except of 3.11: the handled group stays on the stack
    // under a list collecting what each handler raised or re-raised; CHECK_EG_MATCH splits off the part a
    // handler matches, and PREP_RERAISE_STAR combines the list with the original group into what is re-raised.

    private void compileTryStar(Stmt.TryStar s) {
        if (!s.finalbody().isEmpty()) {
            compileFinallyAround(s.finalbody(), () -> {
                if (!s.handlers().isEmpty()) {
                    compileTryStarExcept(s);
                } else {
                    visitStmts(s.body());
                }
            });
        } else {
            compileTryStarExcept(s);
        }
    }

    private void compileTryStarExcept(Stmt.TryStar s) {
        Block body = newBlock();
        Block except = newBlock();
        Block orelse = newBlock();
        Block end = newBlock();
        Block cleanup = newBlock();
        Block reraiseStar = newBlock();
        addJump(Block.SETUP_FINALLY, except);
        useNextBlock(body);
        pushFBlock(FBlockType.TRY_EXCEPT, body, null, null);
        visitStmts(s.body());
        popFBlock();
        addOpNoLine(Block.POP_BLOCK);
        addJumpNoLine(Opcode.JUMP, orelse);
        int n = s.handlers().size();
        useNextBlock(except);
        unsetLoc();
        addJump(Block.SETUP_CLEANUP, cleanup);
        addOp(Opcode.PUSH_EXC_INFO);
        pushFBlock(FBlockType.EXCEPTION_GROUP_HANDLER, null, null, "except handler");
        for (int i = 0; i < n; i++) {
            ExceptHandler h = s.handlers().get(i);
            setLoc(h);
            except = newBlock();
            Block exceptWithError = newBlock();
            Block noMatch = newBlock();
            if (i == 0) {
                addOpI(Opcode.COPY, 1);
                addOpI(Opcode.BUILD_LIST, 0);
                addOpI(Opcode.SWAP, 2);
            }
            if (h.type() != null) {
                visitExpr(h.type());
                addOp(Opcode.CHECK_EG_MATCH);
                addOpI(Opcode.COPY, 1);
                addJump(Opcode.POP_JUMP_IF_NONE, noMatch);
            }
            Block cleanupEnd = newBlock();
            Block cleanupBody = newBlock();
            if (h.name() != null) {
                nameOp(h.name(), ExprContext.Store);
            } else {
                addOp(Opcode.POP_TOP);
            }
            addJump(Block.SETUP_CLEANUP, cleanupEnd);
            useNextBlock(cleanupBody);
            pushFBlock(FBlockType.HANDLER_CLEANUP, cleanupBody, null, h.name());
            visitStmts(h.body());
            leaveLocAtLastTarget(h.body());
            popFBlock();
            addOpI(Block.POP_BLOCK, 0);
            if (h.name() != null) {
                loadConst(Special.None);
                nameOp(h.name(), ExprContext.Store);
                nameOp(h.name(), ExprContext.Del);
            }
            addJump(Opcode.JUMP, except);
            useNextBlock(cleanupEnd);
            unsetLoc();
            if (h.name() != null) {
                loadConst(Special.None);
                nameOp(h.name(), ExprContext.Store);
                nameOp(h.name(), ExprContext.Del);
            }
            addOpI(Opcode.LIST_APPEND, 3);
            addOp(Opcode.POP_TOP);
            addJump(Opcode.JUMP, exceptWithError);
            useNextBlock(except);
            addOp(Opcode.NOP);
            addJump(Opcode.JUMP, exceptWithError);
            useNextBlock(noMatch);
            addOp(Opcode.POP_TOP);
            useNextBlock(exceptWithError);
            if (i == n - 1) {
                addOpI(Opcode.LIST_APPEND, 1);
                addJump(Opcode.JUMP, reraiseStar);
            }
        }
        unsetLoc();
        popFBlock();
        Block reraise = newBlock();
        useNextBlock(reraiseStar);
        addOp(Opcode.PREP_RERAISE_STAR);
        addOpI(Opcode.COPY, 1);
        addJump(Opcode.POP_JUMP_IF_NOT_NONE, reraise);
        addOp(Opcode.POP_TOP);
        addOpI(Block.POP_BLOCK, 0);
        addOp(Opcode.POP_EXCEPT);
        addJump(Opcode.JUMP, end);
        useNextBlock(reraise);
        addOpI(Block.POP_BLOCK, 0);
        addOpI(Opcode.SWAP, 2);
        addOp(Opcode.POP_EXCEPT);
        addOpI(Opcode.RERAISE, 0);
        useNextBlock(cleanup);
        popExceptAndReraise();
        useNextBlock(orelse);
        visitStmts(s.orelse());
        useNextBlock(end);
    }

    // ================================================================== coroutines (PEP 492, 525)
    //
    // compiler_visit_expr's Await, compiler_async_for and compiler_async_with of 3.11: an await is
    // GET_AWAITABLE then the yield-from loop; async for guards GET_ANEXT's await with a handler that
    // ends the loop (END_ASYNC_FOR); async with awaits __aenter__ and __aexit__.

    private void compileAwait(Expr.Await a) {
        if (u.ste.type != BlockType.FUNCTION) {
            throw error("'await' outside function");
        }
        if (u.type != ScopeType.ASYNC_FUNCTION && u.type != ScopeType.COMPREHENSION) {
            throw error("'await' outside async function");
        }
        visitExpr(a.value());
        addOpI(Opcode.GET_AWAITABLE, 0);
        loadConst(Special.None);
        addYieldFrom(true);
    }

    private void compileAsyncFor(Stmt.AsyncFor s) {
        if (u.type != ScopeType.ASYNC_FUNCTION) {
            throw error("'async for' outside async function");
        }
        Block start = newBlock();
        Block except = newBlock();
        Block end = newBlock();
        visitExpr(s.iter());
        addOp(Opcode.GET_AITER);
        useNextBlock(start);
        pushFBlock(FBlockType.FOR_LOOP, start, end, null);
        addJump(Block.SETUP_FINALLY, except);
        addOp(Opcode.GET_ANEXT);
        loadConst(Special.None);
        addYieldFrom(true);
        addOpI(Block.POP_BLOCK, 0);
        visitExpr(s.target());
        visitStmts(s.body());
        unsetLoc();
        addJump(Opcode.JUMP, start);
        popFBlock();
        useNextBlock(except);
        setLoc(s.iter());
        addOp(Opcode.END_ASYNC_FOR);
        visitStmts(s.orelse());
        useNextBlock(end);
    }

    private void compileAsyncWith(Stmt.AsyncWith s, int pos) {
        if (u.type != ScopeType.ASYNC_FUNCTION) {
            throw error("'async with' outside async function");
        }
        WithItem item = s.items().get(pos);
        Block block = newBlock();
        Block fin = newBlock();
        Block exit = newBlock();
        Block cleanup = newBlock();
        visitExpr(item.contextExpr());
        addOp(Opcode.BEFORE_ASYNC_WITH);
        addOpI(Opcode.GET_AWAITABLE, 1);
        loadConst(Special.None);
        addYieldFrom(true);
        addJump(Block.SETUP_WITH, fin);
        useNextBlock(block);
        pushFBlock(FBlockType.ASYNC_WITH, block, fin, s);
        if (item.optionalVars() != null) {
            visitExpr(item.optionalVars());
        } else {
            addOp(Opcode.POP_TOP);
        }
        if (pos + 1 == s.items().size()) {
            visitStmts(s.body());
        } else {
            compileAsyncWith(s, pos + 1);
        }
        popFBlock();
        addOpI(Block.POP_BLOCK, 0);
        setLoc(s);
        callExitWithNones();
        addOpI(Opcode.GET_AWAITABLE, 2);
        loadConst(Special.None);
        addYieldFrom(true);
        addOp(Opcode.POP_TOP);
        addJump(Opcode.JUMP, exit);
        useNextBlock(fin);
        addJump(Block.SETUP_CLEANUP, cleanup);
        addOp(Opcode.PUSH_EXC_INFO);
        addOp(Opcode.WITH_EXCEPT_START);
        addOpI(Opcode.GET_AWAITABLE, 2);
        loadConst(Special.None);
        addYieldFrom(true);
        withExceptFinish(cleanup);
        useNextBlock(exit);
    }
}
