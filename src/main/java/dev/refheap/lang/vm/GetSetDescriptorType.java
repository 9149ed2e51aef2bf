package dev.refheap.lang.vm;

import java.util.function.LongConsumer;

/**
 * {@code getset_descriptor}: the {@code __dict__} and {@code __weakref__} attributes CPython puts
 * in a new class's dict. Each holds a strong reference to its class, so a class is always in a
 * reference cycle (class → dict → descriptor → class) and only the cycle collector frees it.
 */
final class GetSetDescriptorType extends LangType {
    static final int TYPE = 16, NAME = 24, QUALNAME = 32, GETSET = 40;

    GetSetDescriptorType(Runtime rt) {
        super(rt, "getset_descriptor", null, HAVE_GC, 48, 0, 0);
    }

    long create(long typeObject, String name) {
        long d = heap.allocObject(this, 0);
        heap.incref(typeObject);
        put(d, TYPE, typeObject);
        put(d, NAME, heap.strs.internedOf(name));
        put(d, QUALNAME, 0);
        put(d, GETSET, 0);
        heap.track(d);
        return d;
    }

    String attributeRepr(long d) {
        return "<attribute '" + dev.refheap.object.StrType.value(get(d, NAME)) + "' of '"
                + rt.ops.qualifiedTypeName(get(d, TYPE)).replaceFirst("^.*\\.", "") + "' objects>";
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
