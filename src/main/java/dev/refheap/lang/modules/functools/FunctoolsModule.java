package dev.refheap.lang.modules.functools;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;

/**
 * {@code _functools}: reduce, partial ({@link PartialType}), cmp_to_key ({@link KeyWrapperType}) and
 * the lru_cache wrapper ({@link LruCacheType}, its links {@link LruListElemType}), as CPython
 * 3.11's C module gives them to {@code functools.py}. The module's state holds the kwd_mark (an
 * {@code object()} made when the module is first created, as _functools_exec makes it) that
 * separates positional from keyword arguments in cache keys.
 */
public final class FunctoolsModule {
    private FunctoolsModule() {}

    record Types(PartialType partial, KeyWrapperType keyWrapper, LruCacheType lru) {}

    public static long create(VmApi vm) {
        Types types = vm.moduleState("_functools", () -> {
            PartialType p = vm.registerType(new PartialType(vm));
            KeyWrapperType k = vm.registerType(new KeyWrapperType(vm));
            vm.defTpNew(p);  // super().__new__(cls, ...) in a subclass
            for (String member : new String[] {"func", "args", "keywords"}) vm.defMember(p, member);  // read-only, on a subclass's instance too
            p.defMethod("__call__", (s, a, o, n, kw) -> p.callOf(s, a, o, n, kw));
            p.defMethod("__reduce__", (s, a, o, n, kw) -> {
                Params.unpack(vm, "__reduce__", n, kw, 0, 0);
                return p.reduce(s);
            });
            p.defMethod("__setstate__", (s, a, o, n, kw) -> {
                Params.noKeywords(vm, "partial.__setstate__", kw);
                if (n != 1) throw vm.error("TypeError", "partial.__setstate__() takes exactly one argument (" + n + " given)");
                p.setstate(s, a[o]);
                return vm.incref(vm.heap.None);
            });
            k.defMethod("__call__", (s, a, o, n, kw) -> k.callOf(s, a, o, n, kw));
            vm.setTypeAttr(k, "__hash__", vm.heap.None);  // PyType_Ready: a rich comparison without tp_hash is unhashable
            long kwdMark = vm.hold(vm.call(vm.heap.objectType.address()));
            LruListElemType elem = vm.registerType(new LruListElemType(vm));
            LruCacheType lru = vm.registerType(new LruCacheType(vm, elem, kwdMark));
            long moduleName = vm.str("functools");  // heap types' dicts hold __module__ (type_new_set_module)
            vm.setTypeAttr(elem, "__module__", moduleName);
            vm.setTypeAttr(lru, "__module__", moduleName);
            vm.heap.decref(moduleName);
            lru.defSlotWrapper("__call__", (s, a, o, n, kw) -> lru.callOf(s, a, o, n, kw));
            lru.defSlotWrapper("__get__", (s, a, o, n, kw) -> {  // wrap_descr_get
                Params.unpack(vm, "", n, kw, 1, 2);
                long obj = a[o] == vm.heap.None ? 0 : a[o], type = n < 2 || a[o + 1] == vm.heap.None ? 0 : a[o + 1];
                if (obj == 0 && type == 0) throw vm.error("TypeError", "__get__(None, None) is invalid");
                return lru.descrGet(s, obj, type);
            });
            lru.defMethod("cache_info", (s, a, o, n, kw) -> {
                Params.noArgs(vm, "cache_info", n, kw);
                return lru.cacheInfo(s);
            });
            lru.defMethod("cache_clear", (s, a, o, n, kw) -> {
                Params.noArgs(vm, "cache_clear", n, kw);
                lru.cacheClear(s);
                return vm.incref(vm.heap.None);
            });
            lru.defMethod("__reduce__", (s, a, o, n, kw) -> {
                Params.noArgs(vm, "__reduce__", n, kw);
                long name = vm.str("__qualname__");  // pickled by its qualified name, as a function is
                try {
                    return vm.getAttr(s, name);
                } finally {
                    vm.heap.decref(name);
                }
            });
            for (String copy : new String[] {"__copy__", "__deepcopy__"}) {
                lru.defMethod(copy, (s, a, o, n, kw) -> {  // METH_VARARGS: any positional arguments
                    Params.noKeywords(vm, copy, kw);
                    return vm.incref(s);
                });
            }
            return new Types(p, k, lru);
        });
        long m = vm.newModule("_functools");
        long d = vm.moduleDict(m);
        vm.heap.dicts.setItem(d, "partial", types.partial().typeObject());
        vm.heap.dicts.setItem(d, "_lru_cache_wrapper", types.lru().typeObject());
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
