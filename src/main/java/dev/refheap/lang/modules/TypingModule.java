package dev.refheap.lang.modules;

import dev.refheap.lang.vm.VmApi;

/**
 * {@code _typing}: CPython 3.11's accelerator for typing (an extension module in lib-dynload),
 * whose one function {@code _idfunc(x, /)} returns its argument: typing.py takes it for
 * NewType.__call__ when the module imports, else defines its own in Python. With it, `import
 * typing` loads the modules CPython's does (sys.modules has _typing) and NewType instances call a
 * builtin, as on CPython.
 *
 * <p>No state; the function is METH_O (one positional argument, no keywords), its result a new
 * reference to the argument.
 */
public final class TypingModule {
    private TypingModule() {}

    public static long create(VmApi vm) {
        long m = vm.newModule("_typing");
        vm.def(m, "_idfunc", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "_typing._idfunc", kw);
            if (n != 1) throw vm.error("TypeError", "_typing._idfunc() takes exactly one argument (" + n + " given)");
            return vm.incref(a[o]);
        });
        return m;
    }
}
