package dev.refheap.lang.vm;

import java.util.function.LongConsumer;

/** {@code module}: md_dict holds the module's globals (56 bytes + GC head, getsizeof 72). */
final class ModuleType extends LangType {
    static final int DICT = 16, DEF = 24, STATE = 32, WEAKLIST = 40, NAME = 48;

    ModuleType(Runtime rt) {
        super(rt, "module", null, HAVE_GC | BASETYPE, 56, 0, WEAKLIST);
    }

    /** A new module named {@code name} with an empty dict holding __name__ (and None __doc__ etc.). */
    long create(String name) {
        return create(name, true);
    }

    /** As {@link #create(String)}; without {@code __doc__} when {@code doc} is false (exec's globals of a program's __main__). */
    long create(String name, boolean doc) {
        long m = heap.allocObject(this, 0);
        long d = heap.dicts.create();
        put(m, DICT, d);
        put(m, DEF, 0);
        put(m, STATE, 0);
        long n = heap.strs.internedOf(name);
        put(m, NAME, n);
        heap.dicts.setItem(d, rt.names.__name__, n);
        if (doc) heap.dicts.setItem(d, rt.names.__doc__, heap.None);
        heap.track(m);
        return m;
    }

    static long dict(long m) { return get(m, DICT); }

    @Override public void traverse(long o, LongConsumer visit) { visitField(o, DICT, visit); }
    @Override public void references(long o, LongConsumer visit) { visitField(o, DICT, visit); visitField(o, NAME, visit); }
    @Override public boolean hasClear() { return true; }
    @Override public void clear(long o) { clearField(o, DICT); }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.weakrefs.clearWeakrefs(o);
        clearField(o, DICT);
        clearField(o, NAME);
        heap.freeObject(o);
    }
}
