package dev.refheap.lang.vm;

import dev.refheap.object.StrType;
import java.util.function.LongConsumer;

/**
 * {@code function}: CPython 3.11's PyFunctionObject layout (136 bytes + GC head, so
 * {@code getsizeof(f) == 152}). Traverse order as 3.11: code, globals, builtins, module,
 * defaults, kwdefaults, doc, name, dict, closure, annotations, qualname.
 */
final class FunctionType extends LangType {
    static final int GLOBALS = 16, BUILTINS = 24, NAME = 32, QUALNAME = 40, CODE = 48, DEFAULTS = 56, KWDEFAULTS = 64,
            CLOSURE = 72, DOC = 80, DICT = 88, WEAKREFLIST = 96, MODULE = 104, ANNOTATIONS = 112, VECTORCALL = 120,
            VERSION = 128;
    private static final int[] TRAVERSE_ORDER = {CODE, GLOBALS, BUILTINS, MODULE, DEFAULTS, KWDEFAULTS, DOC, NAME, DICT,
            CLOSURE, ANNOTATIONS, QUALNAME};

    FunctionType(Runtime rt) {
        super(rt, "function", null, HAVE_GC, 136, 0, WEAKREFLIST);
    }

    /**
     * A new function for {@code code} (all arguments are new references the function takes over;
     * 0 for absent parts). Name and qualname come from the code object; __module__ from globals.
     */
    long create(long code, long globals, long defaults, long kwdefaults, long closure, long annotations) {
        long f = heap.allocObject(this, 0);
        for (int off = GLOBALS; off <= VERSION; off += 8) put(f, off, 0);
        put(f, CODE, code);
        heap.incref(globals);
        put(f, GLOBALS, globals);
        long builtins = rt.builtinsFromGlobals(globals);
        heap.incref(builtins);
        put(f, BUILTINS, builtins);
        long name = get(code, CodeType.NAME), qualname = get(code, CodeType.QUALNAME);
        heap.incref(name);
        put(f, NAME, name);
        heap.incref(qualname);
        put(f, QUALNAME, qualname);
        put(f, DEFAULTS, defaults);
        put(f, KWDEFAULTS, kwdefaults);
        put(f, CLOSURE, closure);
        put(f, ANNOTATIONS, annotations);
        CodeType.Code c = rt.codeType.code(code);
        long doc = heap.None;
        if (c.consts.length > 0 && dev.refheap.object.Heap.isStr(c.consts[0])) doc = c.consts[0];  // co_consts[0] when a str (PyFunction_New)
        heap.incref(doc);
        put(f, DOC, doc);
        long module = heap.dicts.getItem(globals, rt.names.__name__);
        if (module != 0) {
            heap.incref(module);
            put(f, MODULE, module);
        }
        heap.track(f);
        return f;
    }

    private static final String[] NEW_ARGS = {"code", "globals", "name", "argdefs", "closure"};

    /**
     * {@code types.FunctionType(code, globals, name=None, argdefs=None, closure=None)} (func_new,
     * through type_call: no vectorcall, so the arguments are packed into a tuple and a dict around
     * the call, as _PyObject_MakeTpCall packs them), with its checks and messages. The name
     * replaces the code's (the qualname stays the code's); the builtins come from the globals.
     */
    long construct(long[] a, int o, int n, long kw) {
        int nkw = Args.nkw(kw), np = n - nkw;
        if (n > 5) throw rt.typeError("function() takes at most 5 " + (np == 0 ? "keyword " : "") + "arguments (" + n + " given)");
        long[] v = new long[5];
        for (int i = 0; i < np; i++) v[i] = a[o + i];
        for (int i = np; i < 5; i++) {
            for (int k = 0; k < nkw; k++) {
                if (dev.refheap.object.StrType.contentEquals(dev.refheap.object.TupleType.item(kw, k), NEW_ARGS[i])) v[i] = a[o + np + k];
            }
        }
        for (int k = 0; k < nkw; k++) {
            String kn = dev.refheap.object.StrType.value(dev.refheap.object.TupleType.item(kw, k));
            int idx = java.util.Arrays.asList(NEW_ARGS).indexOf(kn);
            if (idx >= 0 && idx < np) throw rt.typeError("argument for function() given by name ('" + kn + "') and position (" + (idx + 1) + ")");
        }
        for (int i = 0; i < 2; i++) {
            if (v[i] == 0) throw rt.typeError("function() missing required argument '" + NEW_ARGS[i] + "' (pos " + (i + 1) + ")");
        }
        for (int k = 0; k < nkw; k++) {
            String kn = dev.refheap.object.StrType.value(dev.refheap.object.TupleType.item(kw, k));
            if (!java.util.Arrays.asList(NEW_ARGS).contains(kn)) throw rt.typeError("'" + kn + "' is an invalid keyword argument for function()");
        }
        long code = v[0], globals = v[1], name = v[2], defaults = v[3], closure = v[4];
        if (heap.typeOf(code) != rt.codeType) throw rt.typeError("function() argument 'code' must be code, not " + rt.ops.typeName(code));
        if (!(rt.ops.baseView(globals) instanceof dev.refheap.object.DictType)) {
            throw rt.typeError("function() argument 'globals' must be dict, not " + rt.ops.typeName(globals));
        }
        if (name == heap.None) name = 0;
        if (name != 0 && !dev.refheap.object.Heap.isStr(name)) throw rt.typeError("arg 3 (name) must be None or string");
        if (defaults == heap.None) defaults = 0;
        if (defaults != 0 && !(rt.ops.baseView(defaults) instanceof dev.refheap.object.TupleType)) throw rt.typeError("arg 4 (defaults) must be None or tuple");
        CodeType.Code c = rt.codeType.code(code);
        int nfree = c.unit.nfreevars();
        boolean closureIsTuple = closure != 0 && rt.ops.baseView(closure) instanceof dev.refheap.object.TupleType;
        if (!closureIsTuple) {
            if (nfree > 0 && (closure == 0 || closure == heap.None)) throw rt.typeError("arg 5 (closure) must be tuple");
            if (closure != 0 && closure != heap.None) throw rt.typeError("arg 5 (closure) must be None or tuple");
        }
        long nclosure = closureIsTuple ? dev.refheap.object.TupleType.size(closure) : 0;
        if (nfree != nclosure) {
            throw rt.error("ValueError", StrType.value(get(code, CodeType.NAME)) + " requires closure of length " + nfree + ", not " + nclosure);
        }
        for (long i = 0; i < nclosure; i++) {
            long cell = dev.refheap.object.TupleType.item(closure, i);
            if (heap.typeOf(cell) != rt.cellType) throw rt.typeError("arg 5 (closure) expected cell, found " + rt.ops.typeName(cell));
        }
        heap.incref(code);
        heap.xincref(defaults);
        if (nclosure > 0) heap.incref(closure);
        long f = create(code, globals, defaults, 0, nclosure > 0 ? closure : 0, 0);
        if (name != 0) {
            long old = get(f, NAME);
            heap.incref(name);
            put(f, NAME, name);
            heap.decref(old);
        }
        return f;
    }

    @Override
    public void traverse(long o, LongConsumer visit) {
        for (int off : TRAVERSE_ORDER) visitField(o, off, visit);
    }

    @Override
    public boolean hasClear() { return true; }

    /**
     * func_clear, in 3.11.7's order (gh-91636): the code stays (a function is never without one),
     * and the name and qualname become the empty string, as a finalizer that reaches a function
     * being cleared sees it ({@code <function  at 0x...>}).
     */
    @Override
    public void clear(long o) {
        clearReferences(o);
        for (int off : new int[] {NAME, QUALNAME}) {
            long old = get(o, off);
            put(o, off, heap.strs.of(""));
            if (old != 0) heap.decref(old);
        }
    }

    private void clearReferences(long o) {
        for (int off : new int[] {GLOBALS, BUILTINS, MODULE, DEFAULTS, KWDEFAULTS, DOC, DICT, CLOSURE, ANNOTATIONS}) {
            clearField(o, off);
        }
    }

    /** func_dealloc: func_clear, then the code, name and qualname released (no '' stored on the way). */
    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.weakrefs.clearWeakrefs(o);
        clearReferences(o);
        clearField(o, CODE);
        clearField(o, NAME);
        clearField(o, QUALNAME);
        heap.freeObject(o);
    }
}
