package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.StrType;

/** sys.stdout and sys.stderr: {@code TextIOWrapper} objects with write() and flush(). */
final class Streams extends LangType {
    static final int WHICH = 16;

    private Streams(Runtime rt) {
        super(rt, "_io.TextIOWrapper", null, 0, 24, 0, 0);
    }

    static long create(Runtime rt, boolean err) {
        Streams t = rt.streams;
        if (t == null) {
            t = rt.heap.register(new Streams(rt));
            rt.streams = t;
            TypeMethodsAccess.def(rt, t, "write", (s, a, o, n, kw) -> {
                Args.exactly(rt, "write", n, kw, 1);
                if (rt.heap.typeOf(a[o]) != rt.heap.strs) throw rt.typeError("write() argument must be str, not " + rt.ops.typeName(a[o]));
                String text = StrType.value(a[o]);
                (Native.getLong(s + WHICH) != 0 ? rt.err : rt.out).print(text);
                StdStream.check(rt, Native.getLong(s + WHICH) != 0);
                return rt.heap.ints.of(text.codePointCount(0, text.length()));
            });
            TypeMethodsAccess.def(rt, t, "flush", (s, a, o, n, kw) -> {
                (Native.getLong(s + WHICH) != 0 ? rt.err : rt.out).flush();
                StdStream.check(rt, Native.getLong(s + WHICH) != 0);
                rt.heap.incref(rt.heap.None);
                return rt.heap.None;
            });
        }
        long o = rt.heap.allocObject(t, 0);
        Native.putLong(o + WHICH, err ? 1 : 0);
        return o;
    }
}
