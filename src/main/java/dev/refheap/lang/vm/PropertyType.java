package dev.refheap.lang.vm;

import java.util.function.LongConsumer;

/**
 * {@code property}: fget, fset, fdel, doc, prop_name (set by {@code __set_name__} when the property is
 * put in a class body), getter_doc: 3.11's 64 bytes + GC head ({@code getsizeof == 80}). A data
 * descriptor; errors name the property as 3.11 does ({@code property 'x' of 'C' object has no setter}).
 */
final class PropertyType extends LangType {
    static final int FGET = 16, FSET = 24, FDEL = 32, DOC = 40, NAME = 48, GETTER_DOC = 56;

    PropertyType(Runtime rt) {
        super(rt, "property", null, HAVE_GC | BASETYPE, 64, 0, 0);
    }

    long create(long fget, long fset, long fdel) {
        long p = heap.allocObject(this, 0);
        put(p, FGET, fget == heap.None ? 0 : fget);
        put(p, FSET, fset == heap.None ? 0 : fset);
        put(p, FDEL, fdel == heap.None ? 0 : fdel);
        put(p, DOC, 0);
        put(p, NAME, 0);
        put(p, GETTER_DOC, 0);
        heap.xincref(get(p, FGET));
        heap.xincref(get(p, FSET));
        heap.xincref(get(p, FDEL));
        if (get(p, FGET) != 0) {
            // property_init: without a doc argument, the doc is fget.__doc__ (None included)
            long key = heap.strs.internedOf("__doc__");
            try {
                long d = Attributes.getOrSwallow(rt, get(p, FGET), key);
                put(p, DOC, d);
            } finally {
                heap.decref(key);
            }
        }
        heap.track(p);
        return p;
    }

    long getValue(long p, long o) {
        long fget = get(p, FGET);
        if (fget == 0) throw missing(p, o, "getter");
        return rt.ops.call0(fget, o);
    }

    void setValue(long p, long o, long v, String name) {
        long fset = get(p, FSET);
        if (fset == 0) throw missing(p, o, "setter");
        heap.decref(rt.ops.call0(fset, o, v));
    }

    void deleteValue(long p, long o, String name) {
        long fdel = get(p, FDEL);
        if (fdel == 0) throw missing(p, o, "deleter");
        heap.decref(rt.ops.call0(fdel, o));
    }

    private PyException missing(long p, long o, String what) {
        long n = get(p, NAME);
        String named = n == 0 ? "property" : "property " + rt.ops.repr(n);
        return rt.error("AttributeError", named + " of '" + rt.ops.typeName(o) + "' object has no " + what);
    }

    /** __set_name__: remembers the attribute name for error messages. */
    void setName(long p, long name) {
        heap.incref(name);
        long old = get(p, NAME);
        put(p, NAME, name);
        heap.xdecref(old);
    }

    /** A copy with fget or fdel replaced ({@code @prop.getter}, {@code @prop.deleter}). */
    long withGetter(long p, long fget) {
        return copyName(p, create(fget, or(get(p, FSET)), or(get(p, FDEL))));
    }

    long withDeleter(long p, long fdel) {
        return copyName(p, create(or(get(p, FGET)), or(get(p, FSET)), fdel));
    }

    private long copyName(long from, long to) {
        if (get(from, NAME) != 0) setName(to, get(from, NAME));
        return to;
    }

    /** A copy with fset replaced ({@code @prop.setter}). */
    long withSetter(long p, long fset) {
        return copyName(p, create(or(get(p, FGET)), fset, or(get(p, FDEL))));
    }

    private long or(long v) { return v == 0 ? heap.None : v; }

    @Override
    public void traverse(long o, LongConsumer visit) {
        for (int off = FGET; off <= NAME; off += 8) visitField(o, off, visit);
    }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        for (int off = FGET; off <= NAME; off += 8) heap.xdecref(get(o, off));
        heap.freeObject(o);
    }
}
