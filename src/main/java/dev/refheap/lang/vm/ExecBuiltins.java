package dev.refheap.lang.vm;

import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.compiler.Compiler;
import dev.refheap.memory.Native;
import dev.refheap.object.BytesType;
import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.nio.charset.StandardCharsets;

/**
 * The builtins that compile and run source at run time: {@code compile}, {@code exec}, {@code eval}
 * (and PRINT_EXPR, the instruction 'single' mode ends expression statements with).
 *
 * <p>Invariants: exec/eval borrow their globals and locals from the caller (whose stack holds
 * them), except a locals snapshot made for a function frame, which they own and release; a
 * globals dict without {@code __builtins__} gets the builtins dict, as CPython inserts it; a
 * compile error becomes a Python {@code SyntaxError} (never a Java exception) with CPython's
 * attributes (msg, filename, lineno, offset, text, end_lineno, end_offset).
 */
final class ExecBuiltins {
    private ExecBuiltins() {}

    // CPython 3.11's compile() flags (Include/cpython/compile.h, Include/cpython/code.h)
    static final int PyCF_SOURCE_IS_UTF8 = 0x100, PyCF_DONT_IMPLY_DEDENT = 0x200, PyCF_ONLY_AST = 0x400,
            PyCF_IGNORE_COOKIE = 0x800, PyCF_TYPE_COMMENTS = 0x1000, PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000,
            PyCF_ALLOW_INCOMPLETE_INPUT = 0x4000;
    static final int CO_NESTED = 0x10, CO_FUTURE_BARRY_AS_BDFL = 0x400000, CO_FUTURE_ANNOTATIONS = 0x1000000;
    /** The __future__ flags (PyCF_MASK) and the obsolete one (PyCF_MASK_OBSOLETE). */
    static final int FUTURE_MASK = 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | CO_FUTURE_BARRY_AS_BDFL
            | 0x800000 | CO_FUTURE_ANNOTATIONS;
    static final int ALLOWED = FUTURE_MASK | CO_NESTED | PyCF_SOURCE_IS_UTF8 | PyCF_DONT_IMPLY_DEDENT | PyCF_ONLY_AST
            | PyCF_IGNORE_COOKIE | PyCF_TYPE_COMMENTS | PyCF_ALLOW_TOP_LEVEL_AWAIT | PyCF_ALLOW_INCOMPLETE_INPUT;

    static void install(Runtime rt) {
        def(rt, "compile", (self, a, o, n, kw) -> compile(rt, a, o, n, kw));
        def(rt, "exec", (self, a, o, n, kw) -> run(rt, a, o, n, kw, true));
        def(rt, "eval", (self, a, o, n, kw) -> run(rt, a, o, n, kw, false));
    }

    private static void def(Runtime rt, String name, Builtin impl) { rt.defBuiltin(name, impl); }

    /**
     * Binds positional and keyword arguments to {@code names} (the first {@code npos} positional-only
     * or positional, the rest keyword-capable); unbound slots are 0. CPython's messages.
     */
    static long[] bind(Runtime rt, String fname, String[] names, int posOnly, int maxPos, int required,
                       long[] a, int o, int n, long kw) {
        int nkw = Args.nkw(kw), np = n - nkw;
        long[] out = new long[names.length];
        if (np > maxPos) {
            throw rt.typeError(fname + "() takes at most " + maxPos + " argument" + (maxPos == 1 ? "" : "s") + " (" + n + " given)");
        }
        for (int i = 0; i < np; i++) out[i] = a[o + i];
        // _PyArg_UnpackKeywords' order: the keywords that name parameters, a missing required
        // argument, a parameter given by position and by name, then an unknown keyword
        int used = 0;
        for (int i = Math.max(np, posOnly); i < names.length; i++) {
            int k = keywordIndex(kw, nkw, names[i]);
            if (k >= 0) {
                out[i] = a[o + np + k];
                used++;
            }
        }
        for (int i = 0; i < required; i++) {
            if (out[i] == 0) {
                if (i < posOnly) throw rt.typeError(fname + "() takes at least " + required + " argument" + (required == 1 ? "" : "s") + " (" + n + " given)");
                throw rt.typeError(fname + "() missing required argument '" + names[i] + "' (pos " + (i + 1) + ")");
            }
        }
        if (used < nkw) {
            for (int i = posOnly; i < np && i < names.length; i++) {
                if (keywordIndex(kw, nkw, names[i]) >= 0) {
                    throw rt.typeError("argument for " + fname + "() given by name ('" + names[i] + "') and position (" + (i + 1) + ")");
                }
            }
            for (int k = 0; k < nkw; k++) {
                String kn = StrType.value(TupleType.item(kw, k));
                if (java.util.Arrays.asList(names).subList(posOnly, names.length).contains(kn)) continue;
                throw rt.typeError("'" + kn + "' is an invalid keyword argument for " + fname + "()");
            }
        }
        return out;
    }

    /** The index of keyword {@code name} among the call's {@code nkw} keywords, or -1. */
    private static int keywordIndex(long kw, int nkw, String name) {
        for (int k = 0; k < nkw; k++) if (StrType.value(TupleType.item(kw, k)).equals(name)) return k;
        return -1;
    }

    // ---- compile --------------------------------------------------------------------------------

    private static final String[] COMPILE_ARGS = {"source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"};

    private static long compile(Runtime rt, long[] a, int o, int n, long kw) {
        Heap heap = rt.heap;
        long[] v = bind(rt, "compile", COMPILE_ARGS, 0, 6, 3, a, o, n, kw);
        String filename = fsPath(rt, v[1]);
        String mode = strArg(rt, v[2], "compile() argument 'mode'");
        long flags = v[3] == 0 ? 0 : intValue(rt, v[3]);
        boolean dontInherit = v[4] != 0 && rt.ops.truthy(v[4]);
        long optimize = v[5] == 0 ? -1 : intValue(rt, v[5]);
        if ((flags & ~ALLOWED) != 0) throw rt.error("ValueError", "compile(): unrecognised flags");
        if (optimize < -1 || optimize > 2) throw rt.error("ValueError", "compile(): invalid optimize value");
        Compiler.Mode m = switch (mode) {
            case "exec" -> Compiler.Mode.EXEC;
            case "eval" -> Compiler.Mode.EVAL;
            case "single" -> Compiler.Mode.SINGLE;
            case "func_type" -> throw rt.error("NotImplementedError", "refheap does not support compile() mode 'func_type' yet");
            default -> throw rt.error("ValueError", "compile() mode must be 'exec', 'eval' or 'single'");
        };
        boolean onlyAst = (flags & PyCF_ONLY_AST) != 0;
        if ((flags & PyCF_TYPE_COMMENTS) != 0) throw rt.error("NotImplementedError", "refheap does not support compile() with ast.PyCF_TYPE_COMMENTS yet");
        Heap h = rt.heap;
        rt.firstCompile();  // PyAST_Check's get_ast_state
        boolean astSource = h.typeOf(v[0]) != h.strs && h.typeOf(v[0]) != h.bytes && rt.ast().isAst(v[0]);
        if (astSource) {
            Object tree = rt.ast().fromPython(v[0], mode);
            if (onlyAst) return Builtins.incref(h, v[0]);
            return compileTree(rt, tree, filename, m);
        }
        if (onlyAst) {
            String src = sourceText(rt, v[0], "compile() arg 1 must be a string, bytes or AST object");
            if (src.indexOf('\0') >= 0) throw rt.error("SyntaxError", "source code string cannot contain null bytes");
            Object tree;
            var warnings = new java.util.ArrayList<Compiler.Warning>();
            int cf = parseFlags(flags) | (readAsStr(rt, v[0]) ? dev.refheap.lang.parser.Parser.STR_SOURCE : 0);
            try {
                tree = m == Compiler.Mode.EVAL ? dev.refheap.lang.parser.Parser.parseExpression(src, filename, warnings, cf)
                        : m == Compiler.Mode.SINGLE ? dev.refheap.lang.parser.Parser.parseSingle(src, filename, warnings, cf)
                        : dev.refheap.lang.parser.Parser.parseModule(src, filename, warnings, cf);
                if (m == Compiler.Mode.SINGLE) Compiler.checkSingle((dev.refheap.lang.ast.Module) tree, filename, src);
            } catch (PySyntaxError e) {
                rt.compileWarnings(filename, warnings, false);  // the parser warned before it failed
                throw new PyException(syntaxError(rt, e));
            }
            rt.compileWarnings(filename, warnings, false);
            return rt.ast().toPython(tree, mode);
        }
        if (!dontInherit && rt.interpreter.current != null) flags |= rt.interpreter.current.code.unit.flags() & FUTURE_MASK;
        if ((flags & CO_FUTURE_BARRY_AS_BDFL) != 0) throw rt.error("NotImplementedError", "refheap does not support compile() with the barry_as_FLUFL future flag yet");
        String source = sourceText(rt, v[0], "compile() arg 1 must be a string, bytes or AST object");
        int cf = parseFlags(flags) | (readAsStr(rt, v[0]) ? dev.refheap.lang.parser.Parser.STR_SOURCE : 0);
        return compileSource(rt, source, filename, m, true, cf, (int) (flags & CO_FUTURE_ANNOTATIONS));
    }

    /** The flags of compile() the parser acts on: PyCF_DONT_IMPLY_DEDENT and PyCF_ALLOW_INCOMPLETE_INPUT (codeop's). */
    private static int parseFlags(long flags) {
        return (int) (flags & (PyCF_DONT_IMPLY_DEDENT | PyCF_ALLOW_INCOMPLETE_INPUT));
    }

    /** compile() of an AST object: refheap's tree (from the _ast bridge) through the compiler. */
    private static long compileTree(Runtime rt, Object tree, String filename, Compiler.Mode mode) {
        dev.refheap.lang.bytecode.CodeUnit unit;
        try {
            unit = tree instanceof dev.refheap.lang.ast.Expression e ? Compiler.compileExpression(e, filename, null)
                    : Compiler.compileModule((dev.refheap.lang.ast.Module) tree, filename, mode, null);
        } catch (PySyntaxError e) {
            throw new PyException(syntaxError(rt, new PySyntaxError(e.kind(), e.msg(), e.filename(), e.line(), e.column(),
                    e.endLine(), e.endColumn(), fileLine(e.filename(), e.line()), e.tokenizerError(), e.incomplete())));
        }
        return Materializer.materialize(rt, unit, true);
    }

    /** Compiles as compile() does: no linecache entry (python3's linecache knows no compile()d source). */
    static long compileSource(Runtime rt, String source, String filename, Compiler.Mode mode) {
        return compileSource(rt, source, filename, mode, true);
    }

    /**
     * As compile() compiles {@code source}; {@code fromSource} false for code refheap compiles for
     * itself where CPython has C (no compiler temporaries modelled: see {@link Materializer}).
     */
    static long compileSource(Runtime rt, String source, String filename, Compiler.Mode mode, boolean fromSource) {
        return compileSource(rt, source, filename, mode, fromSource, 0);
    }

    /**
     * As compile() compiles {@code source} with the parser flags {@code cf} (see {@link #parseFlags}):
     * they act on the first parse, which finds every syntax error the parser finds; the compile
     * after it parses the same tokens again.
     */
    static long compileSource(Runtime rt, String source, String filename, Compiler.Mode mode, boolean fromSource, int cf) {
        return compileSource(rt, source, filename, mode, fromSource, cf, 0);
    }

    /** As above, with the future features {@code future} (CO_FUTURE_ANNOTATIONS) in force from the start. */
    static long compileSource(Runtime rt, String source, String filename, Compiler.Mode mode, boolean fromSource, int cf, int future) {
        if (source.indexOf('\0') >= 0) throw rt.error("SyntaxError", "source code string cannot contain null bytes");
        var warnings = new java.util.ArrayList<Compiler.Warning>();
        dev.refheap.lang.bytecode.CodeUnit unit;
        var parserWarnings = new java.util.ArrayList<Compiler.Warning>();
        PySyntaxError parseError = null;
        try {
            if (mode == Compiler.Mode.EVAL) dev.refheap.lang.parser.Parser.parseExpression(source, filename, parserWarnings, cf);
            else if (mode == Compiler.Mode.SINGLE) dev.refheap.lang.parser.Parser.parseSingle(source, filename, parserWarnings, cf);
            else dev.refheap.lang.parser.Parser.parseModule(source, filename, parserWarnings, cf);
        } catch (PySyntaxError e) {
            parseError = e;
        }
        if (parseError != null) {
            // the parser warned before it failed (after a successful parse, the compile below parses
            // again and gives its warnings with the compiler's)
            rt.compileWarnings(filename, parserWarnings, false);
            throw new PyException(syntaxError(rt, parseError));
        }
        try {
            unit = Compiler.compile(source, filename, mode, warnings, future);
        } catch (PySyntaxError e) {
            rt.compileWarnings(filename, warnings, false);  // those given before the error
            // CPython's compiler (unlike its parser) reads the error's line from the file, through linecache
            throw new PyException(syntaxError(rt, new PySyntaxError(e.kind(), e.msg(), e.filename(), e.line(), e.column(),
                    e.endLine(), e.endColumn(), fileLine(e.filename(), e.line()), e.tokenizerError(), e.incomplete())));
        }
        rt.compileWarnings(filename, warnings, false);
        return Materializer.materialize(rt, unit, fromSource);
    }

    static String fileLine(String filename, int line) {
        try {
            java.nio.file.Path p = java.nio.file.Path.of(filename);
            if (!java.nio.file.Files.isRegularFile(p)) return null;
            java.util.List<String> lines = java.nio.file.Files.readAllLines(p);
            return line >= 1 && line <= lines.size() ? lines.get(line - 1) + "\n" : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** A SyntaxError (or IndentationError, TabError) instance for a compile error, with CPython's args and attributes. */
    static long syntaxError(Runtime rt, PySyntaxError e) {
        Heap heap = rt.heap;
        long msg = heap.strs.of(e.msg());
        long filename = heap.strs.of(e.filename());
        long details = heap.tuples.alloc(6);
        TupleType.setItemSteal(details, 0, Builtins.incref(heap, filename));
        TupleType.setItemSteal(details, 1, heap.ints.of(e.line()));
        TupleType.setItemSteal(details, 2, heap.ints.of(Math.max(e.column(), 0)));
        TupleType.setItemSteal(details, 3, e.text() == null ? Builtins.incref(heap, heap.None) : heap.strs.of(e.text()));
        TupleType.setItemSteal(details, 4, heap.ints.of(e.endLine()));
        TupleType.setItemSteal(details, 5, e.endColumn() == PySyntaxError.NO_END ? Builtins.incref(heap, heap.None) : heap.ints.of(e.endColumn()));
        long args = heap.tuples.alloc(2);
        TupleType.setItemSteal(args, 0, Builtins.incref(heap, msg));
        TupleType.setItemSteal(args, 1, details);
        long exc = rt.ops.instantiateException(rt.exceptionType(e.kind().name()), args);  // SyntaxError_init sets the fields
        heap.decref(msg);
        heap.decref(filename);
        return exc;
    }

    /**
     * SyntaxError.__str__ as CPython's SyntaxError_str: str(msg) (None when never set), then the
     * filename's base name when it is a str and the line when lineno is exactly an int (not a bool
     * or a subclass), as a C long: one out of its range shows as -1.
     */
    static String syntaxErrorStr(Runtime rt, long exc) {
        long msgObj = Attributes.getOrNull(rt, exc, "msg");
        String msg;
        try {
            msg = msgObj == 0 ? "None" : rt.ops.str(msgObj);
        } finally {
            rt.heap.xdecref(msgObj);
        }
        String file = attrStr(rt, exc, "filename", false);
        long lineObj = Attributes.getOrNull(rt, exc, "lineno");
        boolean haveLine = lineObj != 0 && rt.heap.typeOf(lineObj) == rt.heap.ints;
        String line = haveLine ? (dev.refheap.object.IntType.fitsLong(lineObj)
                ? Long.toString(dev.refheap.object.IntType.asLong(lineObj)) : "-1") : null;
        rt.heap.xdecref(lineObj);
        if (file != null) {
            int slash = file.lastIndexOf('/');
            file = file.substring(slash + 1);
        }
        if (file != null && line != null) return msg + " (" + file + ", line " + line + ")";
        if (file != null) return msg + " (" + file + ")";
        if (line != null) return msg + " (line " + line + ")";
        return msg;
    }

    static boolean hasAttr(Runtime rt, long o, String name) {
        long v = Attributes.getOrNull(rt, o, name);
        rt.heap.xdecref(v);
        return v != 0;
    }

    private static String attrStr(Runtime rt, long o, String name, boolean any) {
        long v = Attributes.getOrNull(rt, o, name);
        if (v == 0) return null;
        try {
            if (v == rt.heap.None) return null;
            if (!any && !Heap.isStr(v)) return null;
            return rt.ops.str(v);
        } finally {
            rt.heap.decref(v);
        }
    }

    private static String fsPath(Runtime rt, long v) {
        Heap heap = rt.heap;
        if (Heap.isStr(v)) return StrType.value(v);
        if (Heap.isBytes(v)) return new String(BytesType.value(v), StandardCharsets.UTF_8);
        throw rt.typeError("expected str, bytes or os.PathLike object, not " + rt.ops.typeName(v));
    }

    private static String strArg(Runtime rt, long v, String what) {
        if (!Heap.isStr(v)) throw rt.typeError(what + " must be str, not " + rt.ops.typeName(v));
        return StrType.value(v);
    }

    private static long intValue(Runtime rt, long v) {
        if (!(rt.ops.baseView(v) instanceof IntType)) throw rt.typeError("'" + rt.ops.typeName(v) + "' object cannot be interpreted as an integer");
        return Builtins.intArg(rt, v);
    }

    /** The text of a str or bytes-like source (bytes are UTF-8, a leading BOM dropped). */
    /**
     * True if 3.11's tokenizer reads source object {@code v} with its encoding set: a str, or bytes
     * declaring their encoding (a BOM or a coding cookie); see {@link dev.refheap.lang.parser.Parser#STR_SOURCE}.
     */
    private static boolean readAsStr(Runtime rt, long v) {
        if (Heap.isStr(v)) return true;
        byte[] b = BufferProtocol.bytesOrNull(rt, v);
        return b != null && dev.refheap.lang.parser.SourceDecoder.declaresEncoding(b);
    }

    private static boolean hasNul(byte[] b) {
        for (byte x : b) if (x == 0) return true;
        return false;
    }

    private static String sourceText(Runtime rt, long v, String error) {
        Heap heap = rt.heap;
        if (Heap.isStr(v)) {
            String s = StrType.value(v);
            LoneSurrogates.checkUtf8(rt, s);  // the source is read as UTF-8 (PyUnicode_AsUTF8AndSize): a lone surrogate cannot be
            heap.strs.cacheUtf8(v);  // which keeps the bytes with the str, as its __sizeof__ shows
            return s;
        }
        byte[] b = BufferProtocol.bytesOrNull(rt, v);
        if (b == null) throw rt.typeError(error);
        boolean bom = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
        if (!bom && !hasNul(b) && dev.refheap.lang.parser.SourceDecoder.declaresEncoding(b)) {
            // bytes with a coding cookie are read in that encoding: '# coding=latin' makes b'\xb5' 'µ'
            try {
                return dev.refheap.lang.parser.SourceDecoder.decode(b, "<string>");
            } catch (PySyntaxError e) {
                throw new PyException(syntaxError(rt, e));
            }
        }
        String s = new String(b, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    // ---- exec / eval ----------------------------------------------------------------------------

    private static long run(Runtime rt, long[] a, int o, int n, long kw, boolean exec) {
        Heap heap = rt.heap;
        String fname = exec ? "exec" : "eval";
        long closure = 0;
        int nkw = Args.nkw(kw);
        if (exec && nkw > 0) {
            for (int k = 0; k < nkw; k++) {
                String kn = StrType.value(TupleType.item(kw, k));
                if (!kn.equals("closure")) throw rt.typeError("exec() got an unexpected keyword argument '" + kn + "'");
                closure = a[o + n - nkw + k];
            }
        } else if (nkw > 0) {
            throw rt.typeError("eval() takes no keyword arguments");
        }
        int np = n - nkw;
        if (np < 1) throw rt.typeError(exec ? "exec() takes at least 1 positional argument (0 given)" : "eval expected at least 1 argument, got 0");
        if (np > 3) throw rt.typeError(exec ? "exec() takes at most 3 positional arguments (" + np + " given)" : "eval expected at most 3 arguments, got " + np);
        long src = a[o], globals = np > 1 ? a[o + 1] : heap.None, locals = np > 2 ? a[o + 2] : heap.None;
        if (globals != heap.None && heap.typeOf(globals) != heap.dicts) {
            if (rt.ops.isInstance(globals, heap.dicts)) throw rt.error("NotImplementedError", "refheap does not support " + fname + "() with a dict subclass as globals yet");
            throw rt.typeError(exec ? "exec() globals must be a dict, not " + rt.ops.typeName(globals) : "globals must be a dict");
        }
        if (locals != heap.None && heap.typeOf(locals) != heap.dicts) {
            if (hasAttr(rt, locals, "__getitem__")) throw rt.error("NotImplementedError", "refheap does not support " + fname + "() with a non-dict mapping as locals yet");
            throw rt.typeError(exec ? "locals must be a mapping or None, not " + rt.ops.typeName(locals) : "locals must be a mapping");
        }
        if (closure != 0 && closure != heap.None) throw rt.error("NotImplementedError", "refheap does not support exec() with a closure yet");
        long ownedLocals = 0;
        Frame cur = rt.interpreter.current;
        if (globals == heap.None) {
            if (cur == null) throw rt.error("SystemError", "globals and locals cannot be NULL");
            globals = cur.globals;
            if (locals == heap.None) {
                if (cur.locals != 0) {
                    locals = cur.locals;
                } else {
                    ownedLocals = Instances.frameLocals(rt, cur);
                    locals = ownedLocals;
                }
            }
        } else if (locals == heap.None) {
            locals = globals;
        }
        try {
            if (heap.dicts.getItem(globals, "__builtins__") == 0) {  // PyEval_GetBuiltins: the running frame's
                Frame running = rt.interpreter.currentFrame();
                heap.dicts.setItem(globals, "__builtins__", running != null ? running.builtins : rt.builtinsDict);
            }
            long code;
            if (heap.typeOf(src) == rt.codeType) {
                int nfree = rt.codeType.code(src).unit.nfreevars();
                if (nfree > 0) {
                    throw rt.typeError(exec ? "code object requires a closure of exactly length " + nfree
                            : "code object passed to eval() may not contain free variables");
                }
                code = Builtins.incref(heap, src);
            } else {
                String text = sourceText(rt, src, fname + "() arg 1 must be a string, bytes or code object");
                if (!exec) {
                    int i = 0;
                    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
                    text = text.substring(i);
                }
                // PyEval_MergeCompilerFlags: the caller's future features (annotations) hold in the source too
                int future = rt.interpreter.current == null ? 0 : rt.interpreter.current.code.unit.flags() & CO_FUTURE_ANNOTATIONS;
                code = compileSource(rt, text, "<string>", exec ? Compiler.Mode.EXEC : Compiler.Mode.EVAL, true,
                        readAsStr(rt, src) ? dev.refheap.lang.parser.Parser.STR_SOURCE : 0, future);
            }
            try {
                long r = rt.interpreter.runCode(code, globals, locals);
                if (!exec) return r;
                heap.decref(r);
                return Builtins.incref(heap, heap.None);
            } finally {
                heap.decref(code);
            }
        } finally {
            heap.xdecref(ownedLocals);
        }
    }

    /** PRINT_EXPR: sys.displayhook(v); RuntimeError "lost sys.displayhook" without one. */
    static void printExpr(Runtime rt, Frame f) {
        Heap heap = rt.heap;
        long v = f.slots[--f.sp];
        f.slots[f.sp] = 0;
        try {
            long sys = heap.dicts.getItem(rt.sysModules, "sys");
            // sys not made yet (refheap makes it on first import): nothing can have replaced the hook
            long hook = sys == 0 ? rt.defaultDisplayhook : !rt.isModule(sys) ? 0 : heap.dicts.getItem(ModuleType.dict(sys), "displayhook");
            if (hook == 0 && sys != 0) throw rt.error("RuntimeError", "lost sys.displayhook");
            if (hook == rt.defaultDisplayhook) displayhook(rt, v);
            else heap.decref(rt.ops.call0(hook, new long[] {v}));
        } finally {
            heap.decref(v);
        }
    }

    /**
     * sys.__displayhook__: nothing for None; else builtins._ = None, repr(v) and a newline written
     * to sys.stdout (straight to the process's stdout when sys.stdout is still the original), builtins._ = v.
     */
    static void displayhook(Runtime rt, long v) {
        Heap heap = rt.heap;
        if (v == heap.None) return;
        heap.dicts.setItem(rt.builtinsDict, "_", heap.None);
        String r = rt.ops.repr(v);
        long sys = heap.dicts.getItem(rt.sysModules, "sys");
        long out = sys == 0 || !rt.isModule(sys) ? 0 : heap.dicts.getItem(ModuleType.dict(sys), "stdout");
        if (sys != 0 && (out == 0 || out == heap.None)) throw rt.error("RuntimeError", "lost sys.stdout");
        if (sys == 0 || heap.typeOf(out) == rt.streams && Native.getLong(out + Streams.WHICH) == Streams.STDOUT) {
            rt.out.print(r + "\n");
            StdStream.check(rt, false);
        } else {
            long text = heap.strs.of(r + "\n");
            try {
                heap.decref(rt.ops.callMethod(out, "write", text));
            } finally {
                heap.decref(text);
            }
        }
        heap.dicts.setItem(rt.builtinsDict, "_", v);
    }
}
