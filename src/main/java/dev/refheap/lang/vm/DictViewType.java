package dev.refheap.lang.vm;

import java.util.function.LongConsumer;
import java.util.function.LongUnaryOperator;

/**
 * {@code dict_keys}, {@code dict_values}, {@code dict_items}: live views of a dict (24 bytes + GC
 * head). A subtype (CPython's {@code odict_keys}, {@code odict_values}, {@code odict_items}: the
 * same layout, tp_base the dict view of its kind) is the same Java type with a name, a base and its
 * own iteration ({@link VmApi#newDictViewSubtype}); everything else (len, contains, the set
 * operations, repr, {@code mapping}) is the base's, through {@link #kind}.
 */
final class DictViewType extends LangType {
    static final int DICT = 16;
    final IterType.Kind kind;
    /** A subtype's tp_iter and {@code __reversed__} (new references); null for dict's own views. */
    private final LongUnaryOperator iterFn, reversedFn;

    DictViewType(Runtime rt, String name, IterType.Kind kind) {
        super(rt, name, null, HAVE_GC, 24, 0, 0);
        this.kind = kind;
        this.iterFn = null;
        this.reversedFn = null;
    }

    /** A subtype of dict view {@code base} whose views iterate with {@code iter} and {@code reversed} (given the view). */
    DictViewType(Runtime rt, String name, DictViewType base, LongUnaryOperator iter, LongUnaryOperator reversed) {
        super(rt, name, base, HAVE_GC, 24, 0, 0);
        this.kind = base.kind;
        this.iterFn = iter;
        this.reversedFn = reversed;
    }

    /** Whether this is a subtype of one of dict's three view types. */
    boolean isSubtype() { return iterFn != null; }

    /** A subtype's figures as CPython 3.11's static types have them: basicsize, itemsize, weakrefoffset, dictoffset, tp_flags. */
    long[] subtypeLayout() { return new long[] {24, 0, 0, 0, 0x5100}; }

    static long create(Runtime rt, long d, IterType.Kind kind) { return create(rt, rt.dictViews.get(kind), d); }

    /** A new view of type {@code t} over dict {@code d}. */
    static long create(Runtime rt, DictViewType t, long d) {
        long v = rt.heap.allocObject(t, 0);
        rt.heap.incref(d);
        put(v, DICT, d);
        rt.heap.track(v);
        return v;
    }

    static long dict(long v) { return get(v, DICT); }

    long iter(long v) { return iterFn != null ? iterFn.applyAsLong(v) : rt.iterType.create(kind, dict(v), 0); }

    long reversed(long v) { return reversedFn != null ? reversedFn.applyAsLong(v) : rt.iterType.createReverse(IterType.reverseOf(kind), dict(v)); }

    @Override public void traverse(long o, LongConsumer visit) { visitField(o, DICT, visit); }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.decref(get(o, DICT));
        heap.freeObject(o);
    }
}
