package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import java.util.function.LongConsumer;

/** {@code traceback}: tb_next, tb_frame, tb_lasti, tb_lineno (40 bytes + GC head, getsizeof 56). */
final class TracebackType extends LangType {
    static final int NEXT = 16, FRAME = 24, LASTI = 32, LINENO = 36;

    TracebackType(Runtime rt) {
        super(rt, "traceback", null, HAVE_GC, 40, 0, 0);
    }

    /** A new traceback entry (next and frame are stolen). */
    long create(long next, long frame, int lasti, int lineno) {
        long tb = heap.allocObject(this, 0);
        put(tb, NEXT, next);
        put(tb, FRAME, frame);
        Native.putInt(tb + LASTI, lasti);
        Native.putInt(tb + LINENO, lineno);
        heap.track(tb);
        return tb;
    }

    static long next(long tb) { return get(tb, NEXT); }

    /**
     * tb_next_set: None or a traceback ({@code v} borrowed, 0 deletes: refused), never one that
     * leads back to {@code tb} (a loop).
     */
    static void setNext(Runtime rt, long tb, long v) {
        var heap = rt.heap;
        if (v == 0) throw rt.typeError("can't delete tb_next attribute");
        if (v == heap.None) v = 0;
        else if (heap.typeOf(v) != rt.tracebackType) throw rt.typeError("expected traceback object, got '" + rt.ops.typeName(v) + "'");
        for (long c = v; c != 0; c = next(c)) if (c == tb) throw rt.error("ValueError", "traceback loop detected");
        heap.xincref(v);
        long old = next(tb);
        put(tb, NEXT, v);
        heap.xdecref(old);
    }
    static long frame(long tb) { return get(tb, FRAME); }
    static int lineno(long tb) { return Native.getInt(tb + LINENO); }
    /** 3.11's tb_lasti: the byte offset of the running instruction in the frame's code as 3.11 lays it out (CpythonLayout), -1 for none. */
    static int lasti(long tb) { return Native.getInt(tb + LASTI); }

    @Override public void traverse(long o, LongConsumer visit) { visitField(o, NEXT, visit); visitField(o, FRAME, visit); }
    @Override public boolean hasClear() { return true; }
    @Override public void clear(long o) { clearField(o, NEXT); clearField(o, FRAME); }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.xdecref(get(o, NEXT));
        heap.xdecref(get(o, FRAME));
        heap.freeObject(o);
    }
}
