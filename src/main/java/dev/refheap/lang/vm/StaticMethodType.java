package dev.refheap.lang.vm;

import java.util.function.LongConsumer;

/**
 * {@code staticmethod} and {@code classmethod}: a callable wrapped so that attribute access binds it
 * differently. Layout as CPython 3.11's (32 bytes + GC head, {@code getsizeof == 48}):
 * <pre> refcnt | type | callable (owned) | dict (owned, 0 until asked for) </pre>
 * Found on a class through an instance or the class, a staticmethod gives its callable as is and
 * a classmethod gives a method bound to the class. Traversed as CPython's: callable, then dict.
 */
final class StaticMethodType extends LangType {
    static final int CALLABLE = 16, DICT = 24;

    /** True for classmethod. */
    final boolean classMethod;

    StaticMethodType(Runtime rt, boolean classMethod) {
        super(rt, classMethod ? "classmethod" : "staticmethod", null, HAVE_GC | BASETYPE, 32, 0, 0);
        this.classMethod = classMethod;
    }

    /** staticmethod(f) / classmethod(f): a new reference. */
    long construct(long[] a, int o, int n, long kw) {
        Args.noKeywords(rt, name(), kw);
        if (n != 1) throw rt.typeError(name() + " expected 1 argument, got " + n);
        long w = heap.allocObject(this, 0);
        heap.incref(a[o]);
        put(w, CALLABLE, a[o]);
        put(w, DICT, 0);
        heap.track(w);
        return w;
    }

    static long callable(long w) { return get(w, CALLABLE); }

    /** What attribute access on a class or its instance gives: a new reference. */
    long bind(long w, long typeObject) {
        long f = get(w, CALLABLE);
        if (!classMethod) {
            heap.incref(f);
            return f;
        }
        return rt.methodType.create(f, typeObject);
    }

    @Override
    public void traverse(long o, LongConsumer visit) {
        visitField(o, CALLABLE, visit);
        visitField(o, DICT, visit);
    }

    @Override public boolean hasClear() { return true; }

    @Override
    public void clear(long o) {
        clearField(o, CALLABLE);
        clearField(o, DICT);
    }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.xdecref(get(o, CALLABLE));
        heap.xdecref(get(o, DICT));
        heap.freeObject(o);
    }
}
