package dev.refheap.lang.modules;

import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;
import dev.refheap.object.ListType;
import dev.refheap.object.TupleType;

/**
 * {@code atexit}: functions called when the program exits, last registered first, each with the
 * arguments it was registered with; an exception in one is reported as "Exception ignored in
 * atexit callback" and the others still run. The callbacks are kept in a list the runtime holds
 * (a root), each entry a (func, args, kwargs) tuple, or None once unregistered (3.11 empties the
 * slot: {@code _ncallbacks()} still counts it until the callbacks have run). They run before weakref.finalize's exit
 * callbacks (CPython orders the two by registration).
 */
public final class AtexitModule {
    private AtexitModule() {}

    public static long create(VmApi vm) {
        Heap heap = vm.heap;
        long m = vm.newModule("atexit");
        long callbacks = vm.hold(heap.lists.alloc(0, false));
        vm.def(m, "register", (s, a, o, n, kw) -> {
            int nkw = kw == 0 ? 0 : (int) TupleType.size(kw);
            int npos = n - nkw;
            if (npos < 1) throw vm.error("TypeError", "register() takes at least 1 argument (0 given)");
            long func = a[o];
            if (!vm.isCallable(func)) throw vm.error("TypeError", "the first argument must be callable");
            long args = heap.tuples.alloc(npos - 1);
            for (int i = 1; i < npos; i++) TupleType.setItemSteal(args, i - 1, vm.incref(a[o + i]));
            long kwargs = heap.dicts.create();
            for (int k = 0; k < nkw; k++) heap.dicts.setItem(kwargs, TupleType.item(kw, k), a[o + npos + k]);
            long entry = heap.tuples.alloc(3);
            TupleType.setItemSteal(entry, 0, vm.incref(func));
            TupleType.setItemSteal(entry, 1, args);
            TupleType.setItemSteal(entry, 2, kwargs);
            heap.lists.append(callbacks, entry);
            heap.decref(entry);
            return vm.incref(func);
        });
        vm.def(m, "unregister", (s, a, o, n, kw) -> {
            if (n != 1) throw vm.error("TypeError", "atexit.unregister() takes exactly one argument (" + n + " given)");
            // as 3.11: the slot is emptied, not removed (_ncallbacks still counts it)
            for (long i = ListType.size(callbacks) - 1; i >= 0; i--) {
                long entry = ListType.item(callbacks, i);
                if (entry != heap.None && vm.equal(TupleType.item(entry, 0), a[o])) heap.lists.setItem(callbacks, i, heap.None);
            }
            return vm.incref(heap.None);
        });
        vm.def(m, "_clear", (s, a, o, n, kw) -> {
            while (ListType.size(callbacks) > 0) vm.listDelete(callbacks, ListType.size(callbacks) - 1);
            return vm.incref(heap.None);
        });
        vm.def(m, "_ncallbacks", (s, a, o, n, kw) -> vm.newInt(ListType.size(callbacks)));
        vm.def(m, "_run_exitfuncs", (s, a, o, n, kw) -> {
            run(vm, callbacks);
            return vm.incref(heap.None);
        });
        vm.addExitHook(() -> run(vm, callbacks));
        return m;
    }

    /** Calls the callbacks, last first, emptying the list; errors are reported and do not stop the rest. */
    private static void run(VmApi vm, long callbacks) {
        Heap heap = vm.heap;
        while (ListType.size(callbacks) > 0) {
            long last = ListType.size(callbacks) - 1;
            long entry = vm.incref(ListType.item(callbacks, last));
            vm.listDelete(callbacks, last);
            if (entry == heap.None) {
                heap.decref(entry);
                continue;
            }
            try {
                heap.decref(vm.callWith(TupleType.item(entry, 0), TupleType.item(entry, 1), TupleType.item(entry, 2)));
            } catch (PyException e) {
                vm.writeUnraisable(e, "Exception ignored in atexit callback", TupleType.item(entry, 0));
            } finally {
                heap.decref(entry);
            }
        }
    }
}
