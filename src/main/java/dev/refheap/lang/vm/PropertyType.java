package dev.refheap.lang.vm;

import java.util.function.LongConsumer;

/** {@code property}: fget, fset, fdel, doc (a data descriptor on classes). */
final class PropertyType extends LangType {
    static final int FGET = 16, FSET = 24, FDEL = 32, DOC = 40;

    PropertyType(Runtime rt) {
        super(rt, "property", null, HAVE_GC | BASETYPE, 56, 0, 0);
    }

    long create(long fget, long fset, long fdel) {
        long p = heap.allocObject(this, 0);
        put(p, FGET, fget == heap.None ? 0 : fget);
        put(p, FSET, fset == heap.None ? 0 : fset);
        put(p, FDEL, fdel == heap.None ? 0 : fdel);
        put(p, DOC, 0);
        put(p, 48, 0);
        heap.xincref(get(p, FGET));
        heap.xincref(get(p, FSET));
        heap.xincref(get(p, FDEL));
        heap.track(p);
        return p;
    }

    long getValue(long p, long o) {
        long fget = get(p, FGET);
        if (fget == 0) throw rt.error("AttributeError", "unreadable attribute");
        return rt.ops.call0(fget, o);
    }

    void setValue(long p, long o, long v, String name) {
        long fset = get(p, FSET);
        if (fset == 0) throw rt.error("AttributeError", "can't set attribute '" + name + "'");
        heap.decref(rt.ops.call0(fset, o, v));
    }

    /** A copy with fset replaced ({@code @prop.setter}). */
    long withSetter(long p, long fset) {
        return create(or(get(p, FGET)), fset, or(get(p, FDEL)));
    }

    private long or(long v) { return v == 0 ? heap.None : v; }

    @Override
    public void traverse(long o, LongConsumer visit) {
        for (int off = FGET; off <= DOC; off += 8) visitField(o, off, visit);
    }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        for (int off = FGET; off <= DOC; off += 8) heap.xdecref(get(o, off));
        heap.freeObject(o);
    }
}
