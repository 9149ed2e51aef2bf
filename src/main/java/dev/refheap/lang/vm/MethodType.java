package dev.refheap.lang.vm;

import java.util.function.LongConsumer;

/** {@code method}: a function bound to an instance (48 bytes + GC head, getsizeof 64). */
final class MethodType extends LangType {
    static final int FUNC = 16, SELF = 24, WEAKREFLIST = 32, VECTORCALL = 40;

    MethodType(Runtime rt) {
        super(rt, "method", null, HAVE_GC, 48, 0, WEAKREFLIST);
    }

    /** A bound method (func and self are borrowed and incref'd). */
    long create(long func, long self) {
        long m = heap.allocObject(this, 0);
        heap.incref(func);
        put(m, FUNC, func);
        heap.incref(self);
        put(m, SELF, self);
        put(m, VECTORCALL, 0);
        heap.track(m);
        return m;
    }

    static long func(long m) { return get(m, FUNC); }
    static long self(long m) { return get(m, SELF); }

    @Override public void traverse(long o, LongConsumer visit) { visitField(o, FUNC, visit); visitField(o, SELF, visit); }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.weakrefs.clearWeakrefs(o);
        heap.decref(get(o, FUNC));
        heap.decref(get(o, SELF));
        heap.freeObject(o);
    }

    @Override
    public boolean equals(long a, long b) {
        return heap.typeOf(b) == this && func(a) == func(b) && self(a) == self(b);
    }

    @Override
    public long hash(long o) {
        // method_hash: the self's pointer hash (never its __hash__, which may refuse) and the function's hash
        long p = Long.rotateRight(self(o), 4);
        long x = (p == -1 ? -2 : p) ^ heap.hash(func(o));
        return x == -1 ? -2 : x;
    }
}
