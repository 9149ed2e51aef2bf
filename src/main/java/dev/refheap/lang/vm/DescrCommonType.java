package dev.refheap.lang.vm;

import java.util.function.LongConsumer;

/**
 * What CPython 3.11's descriptor objects share (PyDescr_COMMON): after the object header, d_type
 * (a strong reference to the owning class), d_name and d_qualname (0 until asked for), then one
 * word of the kind's own at {@link #EXTRA} (member and getset descriptors: 48 bytes, getsizeof 64;
 * method, classmethod and wrapper descriptors add a second word: 56 bytes, getsizeof 72). All are
 * GC objects whose traversal visits d_type only; dealloc releases the three references.
 */
abstract class DescrCommonType extends LangType {
    static final int TYPE = 16, NAME = 24, QUALNAME = 32, EXTRA = 40;

    DescrCommonType(Runtime rt, String name) {
        this(rt, name, 48);
    }

    DescrCommonType(Runtime rt, String name, long basicSize) {
        super(rt, name, null, HAVE_GC, basicSize, 0, 0);
    }

    /** A new, tracked descriptor of {@code typeObject} (a new reference to it is taken) named {@code name}. */
    protected long createDescr(long typeObject, String name, long extra) {
        long d = heap.allocObject(this, 0);
        heap.incref(typeObject);
        put(d, TYPE, typeObject);
        put(d, NAME, heap.strs.internedOf(name));
        put(d, QUALNAME, 0);
        put(d, EXTRA, extra);
        heap.track(d);
        return d;
    }

    @Override public void traverse(long o, LongConsumer visit) { visitField(o, TYPE, visit); }

    @Override
    public void references(long o, LongConsumer visit) {
        visitField(o, TYPE, visit);
        visitField(o, NAME, visit);
        visitField(o, QUALNAME, visit);
    }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.xdecref(get(o, TYPE));
        heap.xdecref(get(o, NAME));
        heap.xdecref(get(o, QUALNAME));
        heap.freeObject(o);
    }
}
