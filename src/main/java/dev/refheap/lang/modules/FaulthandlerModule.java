package dev.refheap.lang.modules;

import dev.refheap.lang.vm.VmApi;

/**
 * {@code faulthandler}, as far as refheap can have it: {@code dump_traceback(file=sys.stderr,
 * all_threads=True)} writes every thread's Python frames as 3.11's does (through the file's
 * {@code write}, where CPython writes to its descriptor); {@code is_enabled()} is False and
 * {@code cancel_dump_traceback_later()} has nothing to cancel. The handlers for fatal signals and
 * the watchdog ({@code enable}, {@code disable}, {@code dump_traceback_later}, {@code register},
 * {@code unregister}) are refused by name: refheap does not crash on a Python program's faults, and
 * the JVM owns the process's signals. No state, no objects of its own.
 */
public final class FaulthandlerModule {
    private FaulthandlerModule() {}

    private static final String[] DUMP = {"file", "all_threads"};

    public static long create(VmApi vm) {
        long m = vm.newModule("faulthandler");
        vm.def(m, "dump_traceback", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "dump_traceback", DUMP, 0, 2, 0, a, o, n, kw);
            boolean all = p[1] == 0 || vm.truthy(p[1]);
            long file = p[0];
            boolean own = false;
            if (file == 0 || file == vm.heap.None) {
                long sys = vm.dictGet(vm.sysModules(), "sys");
                file = sys == 0 ? 0 : vm.getAttrOrNull(sys, "stderr");
                if (file == 0 || file == vm.heap.None) throw vm.error("RuntimeError", "sys.stderr is None");
                own = true;
            }
            try {
                long text = vm.str(vm.dumpTracebacks(all));
                try {
                    vm.heap.decref(vm.callMethod(file, "write", text));
                } finally {
                    vm.heap.decref(text);
                }
                vm.heap.decref(vm.callMethod(file, "flush"));
            } finally {
                if (own) vm.heap.decref(file);
            }
            return vm.incref(vm.heap.None);
        });
        vm.def(m, "is_enabled", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "is_enabled", n, kw);
            return vm.incref(vm.heap.False);
        });
        vm.def(m, "cancel_dump_traceback_later", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "cancel_dump_traceback_later", n, kw);
            return vm.incref(vm.heap.None);
        });
        for (String name : new String[] {"enable", "disable", "dump_traceback_later", "register", "unregister"}) {
            vm.def(m, name, (s, a, o, n, kw) -> {
                throw vm.error("NotImplementedError", "refheap does not support faulthandler." + name + " yet");
            });
        }
        return m;
    }
}
