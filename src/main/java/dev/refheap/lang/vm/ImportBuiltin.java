package dev.refheap.lang.vm;

import dev.refheap.object.Heap;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;

/** {@code builtins.__import__(name, globals=None, locals=None, fromlist=(), level=0)}: the import system's entry point. */
final class ImportBuiltin {
    private ImportBuiltin() {}

    private static final String[] PARAMS = {"name", "globals", "locals", "fromlist", "level"};

    /** Whether {@code f} is builtins' own {@code __import__} (the function this class implements), not a replacement. */
    static boolean isBuiltinImport(Runtime rt, long f) {
        return rt.heap.typeOf(f) == rt.builtinFunctionType && rt.builtinFunctionType.entry(f).name().equals("__import__");
    }

    static long call(Runtime rt, long[] a, int o, int n, long kw) {
        Heap heap = rt.heap;
        long[] v = new long[5];
        int nkw = Args.nkw(kw);
        int npos = n - nkw;
        if (npos > 5) throw rt.typeError("__import__() takes at most 5 arguments (" + n + " given)");
        for (int i = 0; i < npos; i++) v[i] = a[o + i];
        for (int k = 0; k < nkw; k++) {
            String key = StrType.value(TupleType.item(kw, k));
            int idx = java.util.Arrays.asList(PARAMS).indexOf(key);
            if (idx < 0) throw rt.typeError("__import__() got an unexpected keyword argument '" + key + "'");
            if (v[idx] != 0) throw rt.typeError("argument for __import__() given by name ('" + key + "') and position (" + (idx + 1) + ")");
            v[idx] = a[o + npos + k];
        }
        if (v[0] == 0) throw rt.typeError("__import__() missing required argument 'name' (pos 1)");
        if (!Heap.isStr(v[0])) throw rt.typeError("module name must be a string");
        long globals = v[1] == 0 || v[1] == heap.None ? 0 : v[1];
        long level = v[4] == 0 ? heap.ints.of(0) : v[4];
        if (!(heap.typeOf(level) instanceof dev.refheap.object.IntType)) {
            throw rt.typeError("'" + rt.ops.typeName(level) + "' object cannot be interpreted as an integer");
        }
        try {
            return rt.imports().importName(v[0], globals, v[3], level);
        } finally {
            if (v[4] == 0) heap.decref(level);
        }
    }
}
