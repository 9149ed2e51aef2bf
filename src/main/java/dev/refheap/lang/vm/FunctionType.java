package dev.refheap.lang.vm;

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
        heap.incref(rt.builtinsDict);
        put(f, BUILTINS, rt.builtinsDict);
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
