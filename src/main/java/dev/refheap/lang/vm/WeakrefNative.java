package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.DictType;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.WeakrefType;
import java.util.List;
import java.util.Map;

/**
 * The native {@code _weakref} module as CPython 3.11 has it (what Lib/weakref.py and
 * _weakrefset.py import): {@code ref}/{@code ReferenceType}, {@code ProxyType},
 * {@code CallableProxyType}, {@code proxy}, {@code getweakrefcount}, {@code getweakrefs},
 * {@code _remove_dead_weakref}. Proxies are inserted in the referent's list where
 * PyWeakref_NewProxy puts them (after the basic ref; with a callback, after the basic proxy).
 */
final class WeakrefNative {
    private WeakrefNative() {}

    static final int WR_CALLBACK = WeakrefType.WR_CALLBACK;

    /** clear_weakref: unlink and release the callback. */
    static void clearRefAndCallback(Heap heap, long wr) {
        heap.weakrefs.clearRef(wr);
        long cb = WeakrefType.callback(wr);
        if (cb != 0) {
            Native.putLong(wr + WR_CALLBACK, 0);
            heap.decref(cb);
        }
    }

    /** weakref.proxy(obj[, callback]). */
    static long proxy(Runtime rt, long obj, long callback) {
        Heap heap = rt.heap;
        if (!heap.weakrefs.supports(obj)) {
            throw rt.typeError("cannot create weak reference to '" + rt.ops.typeName(obj) + "' object");
        }
        PyType t = Builtins.isCallable(rt, obj) ? rt.callableProxyType : rt.proxyType;
        return heap.weakrefs.newProxy(t, obj, callback);
    }

    static boolean isWeakref(Runtime rt, long o) { return rt.heap.weakrefs.isWeakrefKind(rt.heap.typeOf(o)); }

    /** Adds the _weakref functions and types to module {@code m}'s dict. */
    /** The module's function names, in the order its setup defines them. */
    static final List<String> FUNCTIONS = List.of("proxy", "getweakrefcount", "getweakrefs", "_remove_dead_weakref");

    /**
     * The module's functions by name, made from the runtime alone (no object allocated): the
     * setup defines them from this table, and a runtime adopting a start-up image makes them
     * again from it ({@link NativeFunction}).
     */
    static Map<String, Builtin> functions(Runtime rt) {
        Heap heap = rt.heap;
        Map<String, Builtin> f = new java.util.HashMap<>();
        f.put("proxy", (s, a, o, n, kw) -> {
            Args.range(rt, "proxy", n, kw, 1, 2);
            return proxy(rt, a[o], n == 2 ? a[o + 1] : 0);
        });
        f.put("getweakrefcount", (s, a, o, n, kw) -> {
            Args.exactly(rt, "getweakrefcount", n, kw, 1);
            return heap.ints.of(heap.weakrefs.supports(a[o]) ? heap.weakrefs.count(a[o]) : 0);
        });
        f.put("getweakrefs", (s, a, o, n, kw) -> {
            Args.exactly(rt, "getweakrefs", n, kw, 1);
            long l = heap.lists.alloc(0);
            if (heap.weakrefs.supports(a[o])) {
                for (long wr = heap.weakrefs.first(a[o]); wr != 0; wr = WeakrefType.next(wr)) heap.lists.append(l, wr);
            }
            return l;
        });
        f.put("_remove_dead_weakref", (s, a, o, n, kw) -> {
            Args.exactly(rt, "_remove_dead_weakref", n, kw, 2);
            long dct = a[o], key = a[o + 1];
            if (heap.typeOf(dct) != heap.dicts) {
                throw rt.typeError("_remove_dead_weakref() argument 1 must be dict, not " + rt.ops.typeName(dct));
            }
            long v;
            try {
                v = heap.dicts.getItem(dct, key);
            } catch (dev.refheap.object.PyError e) {
                throw rt.fromPyError(e);
            }
            if (v != 0) {
                if (!isWeakref(rt, v)) throw rt.typeError("not a weakref");
                if (WeakrefType.referent(v) == heap.None) {
                    try {
                        heap.dicts.delItem(dct, key);
                    } catch (dev.refheap.object.PyError e) {
                        throw rt.fromPyError(e);
                    }
                }
            }
            return Builtins.incref(heap, heap.None);
        });
        return f;
    }

    static void populate(Runtime rt, long m) {
        Map<String, Builtin> fns = functions(rt);
        Heap heap = rt.heap;
        long d = ModuleType.dict(m);
        heap.dicts.setItem(d, "ref", heap.weakrefs.address());
        heap.dicts.setItem(d, "ReferenceType", heap.weakrefs.address());
        heap.dicts.setItem(d, "ProxyType", rt.proxyType.address());
        heap.dicts.setItem(d, "CallableProxyType", rt.callableProxyType.address());
        for (String name : FUNCTIONS) Modules.def(rt, m, name, fns.get(name));
    }

    /** The {@code _weakref} module. */
    static long module(Runtime rt) {
        long m = rt.moduleType.create("_weakref");
        populate(rt, m);
        return m;
    }

    static long size(long d) { return DictType.size(d); }
}
