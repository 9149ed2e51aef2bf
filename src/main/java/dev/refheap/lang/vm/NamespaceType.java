package dev.refheap.lang.vm;

import dev.refheap.object.Heap;
import dev.refheap.object.PyError;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.util.function.LongConsumer;

/**
 * {@code types.SimpleNamespace}: CPython 3.11's static type {@code _PyNamespace_Type}
 * (Objects/namespaceobject.c), which {@code sys.implementation} is an instance of. Layout as
 * 3.11's _PyNamespaceObject, 24 bytes plus the GC head ({@code getsizeof == 40}):
 * <pre> refcnt | type | ns_dict (owned; tp_dictoffset 16) </pre>
 * tp_new makes the dict (empty), tp_init takes keywords only ("no positional arguments expected";
 * keyword names must be strings) and updates the dict with them. Attribute access is the generic
 * one over that dict (the type's {@code __class__} and read-only {@code __dict__} member first).
 * repr is {@code namespace(k=v, ...)} for the dict's non-empty str keys in order, the class's
 * name for a subclass, {@code namespace(...)} when recursive; == and != compare the dicts of two
 * namespaces (subclasses too), anything else is NotImplemented; unhashable; {@code __reduce__}
 * gives {@code (type(ns), (), dict)}.
 *
 * <p>States: allocated and tracked with its dict (tp_alloc, then the dict), then filled by
 * {@code __init__}; the dict is only cleared by the collector (tp_clear) or the dealloc.
 * Traversal visits the dict.
 */
final class NamespaceType extends ExtType {
    static final int DICT = 16;

    NamespaceType(Runtime rt) {
        super(rt, "types.SimpleNamespace", null, HAVE_GC | BASETYPE, 24, 0, 0);
    }

    /** namespace_new for type {@code t} (this or a class derived from it, whose instance {@code o} is allocated): the empty dict. */
    long newDict(long o) {
        put(o, DICT, heap.dicts.create());
        return o;
    }

    /** tp_alloc + namespace_new for this type: a tracked namespace with an empty dict. */
    long alloc() {
        long o = heap.allocObject(this, 0);
        put(o, DICT, 0);
        heap.track(o);
        return newDict(o);
    }

    /** A namespace with these attributes (borrowed values), in order: what start-up's {@code sys.implementation} and time.get_clock_info make. */
    long of(String[] names, long[] values) {
        long o = alloc();
        long d = get(o, DICT);
        for (int i = 0; i < names.length; i++) heap.dicts.setItem(d, names[i], values[i]);
        return o;
    }

    /** The namespace's dict (borrowed). */
    static long dict(long o) { return get(o, DICT); }

    /** SimpleNamespace(**kwargs): type_call through _PyObject_MakeTpCall: tp_new, then tp_init. */
    @Override
    long construct(long typeObject, long[] a, int off, int n, long kw) {
        long o = alloc();
        try {
            init(o, a, off, n, kw);
        } catch (RuntimeException e) {
            heap.decref(o);
            throw e;
        }
        return o;
    }

    /** namespace_init: no positional arguments; the keywords (str names) go into the dict. */
    void init(long o, long[] a, int off, int n, long kw) {
        int nkw = Args.nkw(kw);
        if (n - nkw != 0) throw rt.typeError("no positional arguments expected");
        if (nkw == 0) return;
        long d = get(o, DICT);
        for (int k = 0; k < nkw; k++) {
            long name = TupleType.item(kw, k);
            if (!Heap.isStr(name)) throw rt.typeError("keywords must be strings");
            heap.dicts.setItem(d, name, a[off + n - nkw + k]);
        }
    }

    /** namespace_init through {@code SimpleNamespace.__init__(self, *args, **kwargs)} with a kwargs dict (borrowed, may be 0). */
    void initFromDict(long o, int npos, long kwargs) {
        if (npos != 0) throw rt.typeError("no positional arguments expected");
        if (kwargs == 0) return;
        long[] bad = {0};
        heap.dicts.forEach(kwargs, (k, v) -> {
            if (!Heap.isStr(k)) bad[0] = 1;
        });
        if (bad[0] != 0) throw rt.typeError("keywords must be strings");  // PyArg_ValidateKeywordArguments
        long d = get(o, DICT);
        heap.dicts.forEach(kwargs, (k, v) -> heap.dicts.setItem(d, k, v));
    }

    /** namespace_repr: the class name ("namespace" for the type itself) and the dict's non-empty str keys with their values' reprs. */
    @Override
    String repr(long o) {
        PyType t = heap.typeOf(o);
        String name = t == this ? "namespace" : t.name();
        return rt.ops.reprRecursive(o, name + "(...)", () -> {
            long d = get(o, DICT);
            heap.incref(d);
            try {
                java.util.List<Long> ks = new java.util.ArrayList<>();  // PyDict_Keys: a list of the keys
                heap.dicts.forEach(d, (k, v) -> ks.add(k));
                long list = heap.lists.alloc(0);
                for (long k : ks) heap.lists.append(list, k);
                StringBuilder sb = new StringBuilder(name).append('(');
                boolean first = true;
                try {
                    for (long i = 0; i < dev.refheap.object.ListType.size(list); i++) {
                        long k = dev.refheap.object.ListType.item(list, i);
                        if (!Heap.isStr(k) || StrType.length(k) == 0) continue;
                        long v = heap.dicts.getItem(d, k);
                        if (v == 0) continue;
                        heap.incref(v);
                        try {
                            if (!first) sb.append(", ");
                            sb.append(StrType.value(k)).append('=').append(rt.ops.repr(v));
                            first = false;
                        } finally {
                            heap.decref(v);
                        }
                    }
                } finally {
                    heap.decref(list);
                }
                return sb.append(')').toString();
            } finally {
                heap.decref(d);
            }
        });
    }

    /** Whether {@code o} is a namespace (of this type or a class derived from it). */
    boolean isNamespace(long o) {
        PyType t = heap.typeOf(o);
        return t == this || t instanceof ClassType c && c.builtinBase == this;
    }

    /** namespace_richcompare's == : the dicts compared when both are namespaces, else no answer. */
    @Override
    Boolean eq(long a, long b) {
        if (!isNamespace(a) || !isNamespace(b)) return null;
        return rt.ops.eq(get(a, DICT), get(b, DICT));
    }

    /** namespace_richcompare's other operators: the dicts compared with the operator (dict refuses them: TypeError). */
    @Override
    Integer order(int op, long a, long b) {
        if (!isNamespace(a) || !isNamespace(b)) return null;
        heap.decref(rt.ops.compare(op, get(a, DICT), get(b, DICT)));
        return null;
    }

    /** The same comparison when the other operand is an instance of a class (a namespace subclass's). */
    @Override
    Boolean eqForRich(long a, long b) { return eq(a, b); }

    /** namespace_reduce: (type(ns), (), dict). */
    long reduce(long o) {
        long t = heap.tuples.alloc(3);
        TupleType.setItemSteal(t, 0, Builtins.incref(heap, Heap.typeAddress(o)));
        TupleType.setItemSteal(t, 1, heap.tuples.alloc(0));
        TupleType.setItemSteal(t, 2, Builtins.incref(heap, get(o, DICT)));
        return t;
    }

    /** The generic getattr's instance part: {@code __dict__} (the member), then the dict; {@code __class__} is the type's. */
    @Override
    long attr(long o, String name) {
        if (name.equals("__class__")) return 0;
        long d = get(o, DICT);
        if (name.equals("__dict__")) return Builtins.incref(heap, d);
        long v = d == 0 ? 0 : heap.dicts.getItem(d, name);
        return v == 0 ? 0 : Builtins.incref(heap, v);
    }

    /** The generic setattr over the dict; {@code __dict__} is a read-only member. */
    @Override
    boolean setAttr(long o, long nameObj, long v) {
        String name = StrType.value(nameObj);
        if (name.equals("__class__")) return false;
        if (name.equals("__dict__")) throw rt.error("AttributeError", "readonly attribute");
        long d = get(o, DICT);
        if (v != 0) {
            heap.dicts.setItem(d, nameObj, v);
            return true;
        }
        if (!heap.dicts.delItem(d, nameObj)) throw rt.ops.attributeError(o, name);
        return true;
    }

    @Override
    public long hash(long o) { throw new PyError("TypeError", "unhashable type: 'types.SimpleNamespace'"); }

    @Override
    public void traverse(long o, LongConsumer visit) {
        visitField(o, DICT, visit);
    }

    @Override public boolean hasClear() { return true; }

    @Override
    public void clear(long o) {
        clearField(o, DICT);
    }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.xdecref(get(o, DICT));
        heap.freeObject(o);
    }
}
