package dev.refheap.lang.modules.posix;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code resource}: the process's resource usage and limits through the C library (getrusage,
 * getrlimit, setrlimit, prlimit, getpagesize), as CPython 3.11's module on Linux: usage is a
 * {@code resource.struct_rusage} of 16 fields (the two times as floats), limits are (soft, hard)
 * pairs with RLIM_INFINITY as -1, and the constants in CPython's order. The figures are this
 * process's: a JVM's, so ru_maxrss counts the JVM as well as the Python heap. Stateless.
 *
 * <p>struct rusage on Linux x86-64: ru_utime 0 and ru_stime 16 (struct timeval: seconds, then
 * microseconds), then fourteen longs from 32; struct rlimit: rlim_cur 0, rlim_max 8.
 */
public final class ResourceModule {
    private ResourceModule() {}

    /** RLIM_NLIMITS on Linux: a resource number must be below it. */
    private static final int NLIMITS = 16;
    private static final int EINVAL = 22, EPERM = 1;
    private static final FunctionDescriptor I_IP = Libc.I_IP;
    private static final FunctionDescriptor I_IIPP = FunctionDescriptor.of(Libc.INT, Libc.INT, Libc.INT, Libc.PTR, Libc.PTR);

    private static final String[] FIELDS = {"ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt",
        "ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw"};

    /** The module's integer constants, in CPython 3.11's order. */
    private static final Object[] CONSTANTS = {"RLIMIT_CPU", 0, "RLIMIT_FSIZE", 1, "RLIMIT_DATA", 2, "RLIMIT_STACK", 3,
        "RLIMIT_CORE", 4, "RLIMIT_NOFILE", 7, "RLIMIT_OFILE", 7, "RLIMIT_AS", 9, "RLIMIT_RSS", 5, "RLIMIT_NPROC", 6,
        "RLIMIT_MEMLOCK", 8, "RLIMIT_MSGQUEUE", 12, "RLIMIT_NICE", 13, "RLIMIT_RTPRIO", 14, "RLIMIT_RTTIME", 15,
        "RLIMIT_SIGPENDING", 11, "RUSAGE_SELF", 0, "RUSAGE_CHILDREN", -1, "RUSAGE_THREAD", 1, "RLIM_INFINITY", -1};

    public static long create(VmApi vm) {
        PyType type = vm.moduleState("resource", () -> vm.newStructSeqType("resource.struct_rusage", FIELDS.length, FIELDS));
        long m = vm.newModule("resource");
        vm.def(m, "getrusage", (s, a, o, n, kw) -> {
            oneArgument(vm, "getrusage", n, kw);
            int who = Params.clinicInt(vm, a[o]);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment ru = arena.allocate(RUSAGE_SIZE);
                if (Libc.call("getrusage", I_IP, who, ru) == -1) {
                    if (Libc.errno() == EINVAL) throw vm.error("ValueError", "invalid who parameter");
                    throw Posix.error(vm, 0, 0);
                }
                return usage(vm, type, ru);
            }
        });
        vm.def(m, "getrlimit", (s, a, o, n, kw) -> {
            oneArgument(vm, "getrlimit", n, kw);
            int resource = resource(vm, a[o]);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment rl = arena.allocate(16);
                if (Libc.call("getrlimit", I_IP, resource, rl) == -1) throw Posix.error(vm, 0, 0);
                return pair(vm, rl);
            }
        });
        vm.def(m, "prlimit", (s, a, o, n, kw) -> {
            Params.unpack(vm, "prlimit", n, kw, 2, 3);
            int pid = Params.clinicInt(vm, a[o]);
            int resource = resource(vm, a[o + 1]);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment next = n == 3 ? limits(vm, arena, a[o + 2]) : MemorySegment.NULL;
                MemorySegment old = arena.allocate(16);
                if (Libc.call("prlimit", I_IIPP, pid, resource, next, old) == -1) throw limitError(vm);
                return pair(vm, old);
            }
        });
        vm.def(m, "setrlimit", (s, a, o, n, kw) -> {
            Params.unpack(vm, "setrlimit", n, kw, 2, 2);
            int resource = resource(vm, a[o]);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment rl = limits(vm, arena, a[o + 1]);
                if (Libc.call("setrlimit", I_IP, resource, rl) == -1) throw limitError(vm);
            }
            return vm.incref(vm.heap.None);
        });
        vm.def(m, "getpagesize", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "resource.getpagesize", n, kw);
            return vm.newInt(Libc.call("sysconf", FunctionDescriptor.of(Libc.LONG, Libc.INT), 30));  // _SC_PAGESIZE
        });
        long d = vm.moduleDict(m);
        vm.heap.dicts.setItem(d, "error", vm.dictGet(vm.builtinsDict(), "OSError"));
        vm.heap.dicts.setItem(d, "struct_rusage", type.address());
        for (int i = 0; i < CONSTANTS.length; i += 2) {
            long v = vm.newInt((Integer) CONSTANTS[i + 1]);
            vm.heap.dicts.setItem(d, (String) CONSTANTS[i], v);
            vm.heap.decref(v);
        }
        return m;
    }

    /** sizeof(struct rusage). */
    static final int RUSAGE_SIZE = 144;

    /** A struct_rusage of {@code type} from the struct rusage at {@code ru}. */
    static long usage(VmApi vm, PyType type, MemorySegment ru) {
        long[] items = new long[FIELDS.length];
        items[0] = vm.heap.floats.of(seconds(ru, 0));
        items[1] = vm.heap.floats.of(seconds(ru, 16));
        for (int i = 2; i < FIELDS.length; i++) items[i] = vm.newInt(ru.get(ValueLayout.JAVA_LONG, 32 + 8L * (i - 2)));
        return vm.newStructSeq(type, items);
    }

    /** resource.struct_rusage, the resource module imported for it (posix's wait3 and wait4). */
    static PyType rusageType(VmApi vm) {
        long name = vm.str("resource");
        long module;
        try {
            module = vm.callArgs(vm.dictGet(vm.builtinsDict(), "__import__"), new long[] {name}, 0, 1, 0);
        } finally {
            vm.heap.decref(name);
        }
        long t = vm.getAttrOrNull(module, "struct_rusage");
        vm.heap.decref(module);
        if (t == 0) throw vm.error("AttributeError", "module 'resource' has no attribute 'struct_rusage'");
        try {
            PyType type = vm.isType(t) ? vm.heap.typeAt(t) : null;
            if (type == null || !type.name().equals("resource.struct_rusage")) throw vm.error("TypeError", "resource.struct_rusage is not a struct sequence type");
            return type;  // alive while the resource module holds it
        } finally {
            vm.heap.decref(t);
        }
    }

    /** A METH_O function's one argument. */
    private static void oneArgument(VmApi vm, String fn, int n, long kw) {
        Params.noKeywords(vm, "resource." + fn, kw);
        if (n != 1) throw vm.error("TypeError", "resource." + fn + "() takes exactly one argument (" + n + " given)");
    }

    /** A resource number: an int below RLIM_NLIMITS. */
    private static int resource(VmApi vm, long o) {
        int r = Params.clinicInt(vm, o);
        if (r < 0 || r >= NLIMITS) throw vm.error("ValueError", "invalid resource specified");
        return r;
    }

    private static double seconds(MemorySegment tv, long at) {
        return tv.get(ValueLayout.JAVA_LONG, at) + tv.get(ValueLayout.JAVA_LONG, at + 8) * 1e-6;
    }

    /** (rlim_cur, rlim_max) as signed ints: RLIM_INFINITY is -1. */
    private static long pair(VmApi vm, MemorySegment rl) {
        long t = vm.heap.tuples.alloc(2);
        TupleType.setItemSteal(t, 0, vm.newInt(rl.get(ValueLayout.JAVA_LONG, 0)));
        TupleType.setItemSteal(t, 1, vm.newInt(rl.get(ValueLayout.JAVA_LONG, 8)));
        return t;
    }

    /** A struct rlimit from a sequence of two ints (PySequence_Tuple, then two rlim_t values). */
    private static MemorySegment limits(VmApi vm, Arena arena, long limits) {
        long t = vm.callArgs(vm.dictGet(vm.builtinsDict(), "tuple"), new long[] {limits}, 0, 1, 0);
        try {
            if (TupleType.size(t) != 2) throw vm.error("ValueError", "expected a tuple of 2 integers");
            MemorySegment rl = arena.allocate(16);
            rl.set(ValueLayout.JAVA_LONG, 0, Params.cLong(vm, TupleType.item(t, 0)));
            rl.set(ValueLayout.JAVA_LONG, 8, Params.cLong(vm, TupleType.item(t, 1)));
            return rl;
        } finally {
            vm.heap.decref(t);
        }
    }


    /** setrlimit's and prlimit's errors: EINVAL and EPERM as ValueError with CPython's messages. */
    private static dev.refheap.lang.vm.PyException limitError(VmApi vm) {
        int e = Libc.errno();
        if (e == EINVAL) return vm.error("ValueError", "current limit exceeds maximum limit");
        if (e == EPERM) return vm.error("ValueError", "not allowed to raise maximum limit");
        return Posix.error(vm, 0, 0);
    }
}
