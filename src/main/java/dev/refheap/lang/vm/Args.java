package dev.refheap.lang.vm;

import dev.refheap.object.TupleType;

/** Argument-count checks for builtins, with CPython's messages. */
final class Args {
    private Args() {}

    static int nkw(long kw) { return kw == 0 ? 0 : (int) TupleType.size(kw); }

    static void noKeywords(Runtime rt, String name, long kw) {
        if (nkw(kw) > 0) throw rt.typeError(name + "() takes no keyword arguments");
    }

    static void exactly(Runtime rt, String name, int n, long kw, int want) {
        noKeywords(rt, name, kw);
        if (n == want) return;
        if (want == 0) throw rt.typeError(name + "() takes no arguments (" + n + " given)");
        if (want == 1) throw rt.typeError(name + "() takes exactly one argument (" + n + " given)");
        throw rt.typeError(name + " expected " + want + " arguments, got " + n);
    }

    static void range(Runtime rt, String name, int n, long kw, int min, int max) {
        noKeywords(rt, name, kw);
        if (n < min) throw rt.typeError(name + " expected at least " + min + " argument" + (min == 1 ? "" : "s") + ", got " + n);
        if (n > max) throw rt.typeError(name + " expected at most " + max + " argument" + (max == 1 ? "" : "s") + ", got " + n);
    }
}
