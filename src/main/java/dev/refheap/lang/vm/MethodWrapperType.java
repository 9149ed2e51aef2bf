package dev.refheap.lang.vm;

import java.util.function.LongConsumer;

/**
 * {@code method-wrapper}: a slot wrapper bound to an object ({@code [].__iter__}), CPython 3.11's
 * wrapperobject: after the header, descr (the wrapper_descriptor) and self, both strong
 * references: 32 bytes, getsizeof 48, tracked, traversal visits descr then self. Made on every
 * attribute access (and LOAD_METHOD: wrapper_descriptor is not a method descriptor in 3.11), freed
 * with its last reference. Two are equal when they wrap the same descriptor and the same self.
 */
final class MethodWrapperType extends LangType {
    static final int DESCR = 16, SELF = 24;

    MethodWrapperType(Runtime rt) {
        super(rt, "method-wrapper", null, HAVE_GC, 32, 0, 0);
    }

    /** A new method-wrapper of wrapper descriptor {@code descr} bound to {@code self} (both borrowed). */
    long create(long descr, long self) {
        long w = heap.allocObject(this, 0);
        heap.incref(descr);
        put(w, DESCR, descr);
        heap.incref(self);
        put(w, SELF, self);
        heap.track(w);
        return w;
    }

    static long descr(long w) { return get(w, DESCR); }
    static long self(long w) { return get(w, SELF); }

    BuiltinFunctionType.Entry entry(long w) { return rt.wrapperDescrType.entry(descr(w)); }

    String repr(long w) {
        long s = self(w);
        return "<method-wrapper '" + entry(w).name() + "' of " + rt.ops.typeName(s) + " object at " + Ops.hex(s) + ">";
    }

    long call(long w, long[] a, int off, int n, long kw) {
        var e = entry(w);
        if (kw != 0 && dev.refheap.object.TupleType.size(kw) > 0 && !BuiltinDescrType.takesKeywords(e.name())) throw rt.typeError("wrapper " + e.name() + "() takes no keyword arguments");
        return e.impl().call(self(w), a, off, n, kw);
    }

    @Override public void traverse(long o, LongConsumer visit) { visitField(o, DESCR, visit); visitField(o, SELF, visit); }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.decref(get(o, DESCR));
        heap.decref(get(o, SELF));
        heap.freeObject(o);
    }

    @Override
    public boolean equals(long a, long b) {
        return heap.typeOf(b) == this && descr(a) == descr(b) && self(a) == self(b);
    }

    @Override
    public long hash(long o) {
        long x = Long.rotateRight(self(o), 4), y = Long.rotateRight(descr(o), 4);  // wrapper_hash: _Py_HashPointer of both
        long h = x ^ y;
        return h == -1 ? -2 : h;
    }

}
