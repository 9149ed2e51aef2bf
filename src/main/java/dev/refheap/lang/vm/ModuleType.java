package dev.refheap.lang.vm;

import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
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

    /**
     * new_module for a class derived from module: md_dict a new empty dict, the other fields
     * NULL until module.__init__ fills the dict (and md_name from an exact str name).
     */
    @Override
    public void initSubtypeInstance(long m) { put(m, DICT, heap.dicts.create()); }

    static long dict(long m) { return get(m, DICT); }

    /** module.__init__'s arguments {@code (name, doc=None)}: {name, doc} (doc 0 when absent), checked as module___init__ checks them. */
    static long[] initArgs(Runtime rt, long[] a, int o, int n, long kw) {
        int nkw = Args.nkw(kw), npos = n - nkw;
        long name = npos > 0 ? a[o] : 0, doc = npos > 1 ? a[o + 1] : 0;
        if (npos > 2) throw rt.typeError("module() takes at most 2 arguments (" + n + " given)");
        for (int i = 0; i < nkw; i++) {
            String k = StrType.value(TupleType.item(kw, i));
            long v = a[o + npos + i];
            if (k.equals("name") && npos < 1 && name == 0) name = v;
            else if (k.equals("doc") && npos < 2 && doc == 0) doc = v;
            else if (k.equals("name") || k.equals("doc")) throw rt.typeError("argument for module() given by name ('" + k + "') and position (" + (k.equals("name") ? 1 : 2) + ")");
            else throw rt.typeError("'" + k + "' is an invalid keyword argument for module()");
        }
        if (name == 0) throw rt.typeError("module() missing required argument 'name' (pos 1)");
        if (rt.heap.typeOf(name) != rt.heap.strs && !(rt.ops.baseView(name) instanceof StrType)) {
            throw rt.typeError("module() argument 'name' must be str, not " + rt.ops.typeName(name));
        }
        return new long[] {name, doc};
    }

    /**
     * module_init_dict: {@code __name__}, {@code __doc__} (None for 0), then {@code __package__},
     * {@code __loader__} and {@code __spec__} None in md_dict (made first if a subclass's __new__
     * left it NULL); md_name becomes {@code name} when it is an exact str.
     */
    void initDict(long m, long name, long doc) {
        long d = get(m, DICT);
        if (d == 0) put(m, DICT, d = heap.dicts.create());
        heap.dicts.setItem(d, rt.names.__name__, name);
        heap.dicts.setItem(d, rt.names.__doc__, doc == 0 ? heap.None : doc);
        heap.dicts.setItem(d, "__package__", heap.None);
        heap.dicts.setItem(d, "__loader__", heap.None);
        heap.dicts.setItem(d, "__spec__", heap.None);
        if (heap.typeOf(name) == heap.strs) {
            heap.incref(name);
            long old = get(m, NAME);
            put(m, NAME, name);
            heap.xdecref(old);
        }
    }

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
