package dev.refheap.lang.modules.functools;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;

/**
 * {@code _functools}: reduce, partial ({@link PartialType}) and cmp_to_key ({@link KeyWrapperType}),
 * as CPython 3.11's C module gives them to {@code functools.py}. {@code _lru_cache_wrapper} is not
 * provided: functools.py keeps its pure-Python lru_cache when the import of it fails.
 */
public final class FunctoolsModule {
    private FunctoolsModule() {}

    record Types(PartialType partial, KeyWrapperType keyWrapper) {}

    public static long create(VmApi vm) {
        Types types = vm.moduleState("_functools", () -> {
            PartialType p = vm.registerType(new PartialType(vm));
            KeyWrapperType k = vm.registerType(new KeyWrapperType(vm));
            p.defMethod("__call__", (s, a, o, n, kw) -> p.callOf(s, a, o, n, kw));
            k.defMethod("__call__", (s, a, o, n, kw) -> k.callOf(s, a, o, n, kw));
            return new Types(p, k);
        });
        long m = vm.newModule("_functools");
        long d = vm.moduleDict(m);
        vm.heap.dicts.setItem(d, "partial", types.partial().typeObject());
        vm.def(m, "cmp_to_key", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "cmp_to_key", new String[] {"mycmp"}, 1, 1, 0, a, o, n, kw);
            return types.keyWrapper().create(p[0], 0);
        });
        vm.def(m, "reduce", (s, a, o, n, kw) -> reduce(vm, a, o, n, kw));
        return m;
    }

    /** reduce(function, iterable[, initial]): the running result, left to right. */
    private static long reduce(VmApi vm, long[] a, int o, int n, long kw) {
        Params.unpack(vm, "reduce", n, kw, 2, 3);
        long func = a[o];
        long it;
        try {
            it = vm.iter(a[o + 1]);
        } catch (PyException e) {
            if (vm.isInstance(e, "TypeError")) {
                vm.heap.decref(e.exc());
                throw vm.error("TypeError", "reduce() arg 2 must support iteration");
            }
            throw e;
        }
        long result = n == 3 ? vm.incref(a[o + 2]) : 0;
        try {
            for (long v = vm.next(it); v != 0; v = vm.next(it)) {
                if (result == 0) {
                    result = v;
                    continue;
                }
                try {
                    long r = vm.call(func, result, v);
                    vm.heap.decref(result);
                    result = r;
                } finally {
                    vm.heap.decref(v);
                }
            }
        } catch (PyException e) {
            if (result != 0) vm.heap.decref(result);
            throw e;
        } finally {
            vm.heap.decref(it);
        }
        if (result == 0) throw vm.error("TypeError", "reduce() of empty iterable with no initial value");
        return result;
    }
}
