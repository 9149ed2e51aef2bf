package dev.refheap.lang.vm;

import java.util.function.LongConsumer;

/** {@code dict_keys}, {@code dict_values}, {@code dict_items}: live views of a dict (24 bytes + GC head). */
final class DictViewType extends LangType {
    static final int DICT = 16;
    final IterType.Kind kind;

    DictViewType(Runtime rt, String name, IterType.Kind kind) {
        super(rt, name, null, HAVE_GC, 24, 0, 0);
        this.kind = kind;
    }

    static long create(Runtime rt, long d, IterType.Kind kind) {
        DictViewType t = rt.dictViews.get(kind);
        long v = rt.heap.allocObject(t, 0);
        rt.heap.incref(d);
        put(v, DICT, d);
        rt.heap.track(v);
        return v;
    }

    static long dict(long v) { return get(v, DICT); }

    long iter(long v) { return rt.iterType.create(kind, dict(v), 0); }

    @Override public void traverse(long o, LongConsumer visit) { visitField(o, DICT, visit); }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.decref(get(o, DICT));
        heap.freeObject(o);
    }
}
