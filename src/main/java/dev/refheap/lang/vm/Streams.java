package dev.refheap.lang.vm;

import dev.refheap.object.Heap;
import dev.refheap.memory.Native;
import dev.refheap.object.IntType;
import dev.refheap.object.StrType;
import java.util.Map;

/**
 * sys.stdin, sys.stdout and sys.stderr: {@code TextIOWrapper} objects (a small model, not an io
 * stack) with encoding 'utf-8'. stdout and stderr have write() and flush(); stdin has readline(), read(), iteration by
 * lines and flush(), reading through {@link Stdin} (the same lines input() reads). Field WHICH:
 * 0 stdout, 1 stderr, 2 stdin. What a real TextIOWrapper would refuse as io.UnsupportedOperation
 * (writing stdin, reading stdout) raises NotImplementedError naming it.
 */
final class Streams extends LangType {
    static final int WHICH = 16;
    static final long STDOUT = 0, STDERR = 1, STDIN = 2;

    private Streams(Runtime rt) {
        super(rt, "_io.TextIOWrapper", null, 0, 24, 0, 0);
    }

    /** The type's descriptor for a runtime adopting a start-up image, which has its type object; registered by the adopter. */
    static Streams forImage(Runtime rt) { return new Streams(rt); }

    static long create(Runtime rt, boolean err) {
        return create(rt, err ? STDERR : STDOUT);
    }

    static long create(Runtime rt, long which) {
        Streams t = rt.streams;
        if (t == null) {
            Map<String, Builtin> methods = methods(rt);
            t = rt.heap.register(new Streams(rt));
            rt.streams = t;
            // what the three streams write and read: UTF-8 (CPython's is a member of each TextIOWrapper; here
            // one class attribute serves them all, as they share it); doctest and others read it
            rt.typeAttrs.computeIfAbsent(t, k -> new java.util.HashMap<>()).put("encoding", rt.hold(rt.heap.strs.of("utf-8")));
            TypeMethodsAccess.def(rt, t, "write", methods.get("write"));
            TypeMethodsAccess.def(rt, t, "flush", methods.get("flush"));
            TypeMethodsAccess.def(rt, t, "readline", methods.get("readline"));
            TypeMethodsAccess.def(rt, t, "read", methods.get("read"));
        }
        long o = rt.heap.allocObject(t, 0);
        Native.putLong(o + WHICH, which);
        return o;
    }

    /** The names of the streams' methods (the keys of {@link #methods}). */
    static final java.util.Set<String> METHODS = java.util.Set.of("write", "flush", "readline", "read");

    /**
     * The streams' methods by name, made from the runtime alone (no object allocated), each
     * under its key ({@link NativeFunction}): the type's setup defines them from this table, and a
     * runtime adopting a start-up image makes them again from it.
     */
    static Map<String, Builtin> methods(Runtime rt) {
        Map<String, Builtin> m = new java.util.HashMap<>();
        put(m, "write", (s, a, o, n, kw) -> {
            Args.exactly(rt, "write", n, kw, 1);
            boolean err = writable(rt, s, "write");
            if (!Heap.isStr(a[o])) throw rt.typeError("write() argument must be str, not " + rt.ops.typeName(a[o]));
            String text = StrType.value(a[o]);
            (err ? rt.err : rt.out).print(text);
            StdStream.check(rt, err);
            return rt.heap.ints.of(text.codePointCount(0, text.length()));
        });
        put(m, "flush", (s, a, o, n, kw) -> {
            Args.exactly(rt, "flush", n, kw, 0);
            if (Native.getLong(s + WHICH) != STDIN) {
                boolean err = Native.getLong(s + WHICH) == STDERR;
                (err ? rt.err : rt.out).flush();
                StdStream.check(rt, err);
            }
            rt.heap.incref(rt.heap.None);
            return rt.heap.None;
        });
        put(m, "readline", (s, a, o, n, kw) -> {
            Args.range(rt, "readline", n, kw, 0, 1);
            readable(rt, s, "readline");
            return rt.heap.strs.of(Stdin.nextLine(rt, n == 1 ? lineSizeArg(rt, a[o]) : -1));
        });
        put(m, "read", (s, a, o, n, kw) -> {
            Args.range(rt, "read", n, kw, 0, 1);
            readable(rt, s, "read");
            return rt.heap.strs.of(Stdin.read(rt, n == 1 ? sizeArg(rt, a[o]) : -1));
        });
        return m;
    }

    private static void put(Map<String, Builtin> m, String name, Builtin impl) { m.put(name, new NativeFunction("_io.TextIOWrapper." + name, impl)); }

    /** iter(sys.stdin) is sys.stdin itself; the others are not iterable here. */
    boolean isIterator(long o) { return Native.getLong(o + WHICH) == STDIN; }

    /** next(sys.stdin): the next line as a new reference, or 0 at the end of input. */
    long next(long o) {
        String line = Stdin.nextLine(rt);
        return line.isEmpty() ? 0 : rt.heap.strs.of(line);
    }

    private static boolean writable(Runtime rt, long s, String what) {
        long which = Native.getLong(s + WHICH);
        if (which == STDIN) throw rt.error("NotImplementedError", "sys.stdin is not writable (io.UnsupportedOperation is not modelled by refheap)");
        return which == STDERR;
    }

    private static void readable(Runtime rt, long s, String what) {
        if (Native.getLong(s + WHICH) != STDIN) {
            throw rt.error("NotImplementedError", what + "(): sys.stdout and sys.stderr are not readable (io.UnsupportedOperation is not modelled by refheap)");
        }
    }

    /** readline's size: anything with __index__ (None is refused, as TextIOWrapper.readline does). */
    private static long lineSizeArg(Runtime rt, long v) {
        java.math.BigInteger size = new VmApi(rt).asIndex(v);
        if (size.bitLength() > 63) throw rt.error("OverflowError", "Python int too large to convert to C ssize_t");
        return size.longValue();
    }

    /** A size argument: an int, or None for -1. */
    private static long sizeArg(Runtime rt, long v) {
        if (v == rt.heap.None) return -1;
        if (!(rt.ops.baseView(v) instanceof IntType)) throw rt.typeError("argument should be integer or None, not '" + rt.ops.typeName(v) + "'");
        return IntType.toBig(v).longValue();
    }
}
