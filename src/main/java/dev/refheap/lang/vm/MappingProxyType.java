package dev.refheap.lang.vm;

import dev.refheap.lang.bytecode.BinaryOp;
import dev.refheap.object.DictType;
import java.util.function.LongConsumer;

/**
 * {@code mappingproxy}: a read-only view of a mapping (CPython 3.11's mappingproxyobject: after
 * the header one strong reference, the mapping: 24 bytes, getsizeof 40, tracked, traversal visits
 * the mapping). {@code C.__dict__} of a class and {@code T.__dict__} of a builtin type give one
 * (a new proxy on each access, as CPython's type_dict getter). Reading (subscript, len, iteration,
 * {@code in}, keys/values/items/get/copy, ==, |) goes to the mapping; item assignment and
 * deletion are refused with CPython's TypeErrors; str() is the mapping's, repr wraps it.
 */
final class MappingProxyType extends ExtType {
    static final int MAPPING = 16;

    MappingProxyType(Runtime rt) {
        super(rt, "mappingproxy", null, HAVE_GC, 24, 0, 0);
    }

    /** A new proxy of {@code mapping} (borrowed). */
    long create(long mapping) {
        long p = heap.allocObject(this, 0);
        heap.incref(mapping);
        put(p, MAPPING, mapping);
        heap.track(p);
        return p;
    }

    static long mapping(long p) { return get(p, MAPPING); }

    /** Installs the methods that read through to the mapping. */
    void install() {
        for (String name : new String[] {"keys", "values", "items", "copy"}) {
            rt.defMethod(this, name, (s, a, o, n, kw) -> {
                Args.exactly(rt, name, n, kw, 0);
                return rt.ops.callMethod(mapping(s), name);
            });
        }
        rt.defMethod(this, "__reversed__", (s, a, o, n, kw) -> {
            // mappingproxy_reversed: the mapping's own __reversed__ method, called (AttributeError when it has none)
            Args.exactly(rt, "__reversed__", n, kw, 0);
            return rt.ops.callMethod(mapping(s), "__reversed__");
        });
        rt.defMethod(this, "get", (s, a, o, n, kw) -> {
            Args.range(rt, "get", n, kw, 1, 2);
            return n == 1 ? rt.ops.callMethod(mapping(s), "get", a[o]) : rt.ops.callMethod(mapping(s), "get", a[o], a[o + 1]);
        });
    }

    /** mappingproxy(mapping): a mapping (a type with __getitem__) that is not a list or tuple (mappingproxy_check_mapping). */
    @Override
    long construct(long typeObject, long[] a, int off, int n, long kw) {
        Args.exactly(rt, "mappingproxy", n, kw, 1);
        long m = a[off];
        dev.refheap.object.PyType mt = heap.typeOf(m);
        if (rt.ops.lookupType(mt, "__getitem__") == 0 || rt.ops.isSubtype(mt, heap.lists) || rt.ops.isSubtype(mt, heap.tuples)) {
            throw rt.typeError("mappingproxy() argument must be a mapping, not " + rt.ops.typeName(m));
        }
        return create(m);
    }

    @Override String repr(long o) { return "mappingproxy(" + rt.ops.repr(mapping(o)) + ")"; }
    @Override String str(long o) { return rt.ops.str(mapping(o)); }
    @Override long len(long o) { return rt.ops.len(mapping(o)); }
    /** nb_bool is absent, so truth is mp_length: an empty mapping's proxy is false (dataclasses' empty field metadata). */
    @Override Boolean truthy(long o) { return rt.ops.len(mapping(o)) != 0; }
    @Override long getItem(long o, long key) { return rt.ops.getItem(mapping(o), key); }
    @Override long iter(long o) { return rt.ops.iter(mapping(o)); }
    @Override int contains(long o, long item) { return rt.ops.contains(mapping(o), item) ? 1 : 0; }

    @Override
    boolean setItem(long o, long key, long v) {
        throw rt.typeError("'mappingproxy' object does not support item assignment");
    }

    @Override
    boolean delItem(long o, long key) {
        throw rt.typeError("'mappingproxy' object does not support item deletion");
    }

    @Override
    Boolean eq(long a, long b) {
        long x = heap.typeOf(a) == this ? mapping(a) : a, y = heap.typeOf(b) == this ? mapping(b) : b;
        return rt.ops.eq(x, y);
    }

    /** mappingproxy_richcompare with an instance of a class (a dict subclass, ChainMap): the mapping's comparison too. */
    @Override
    Boolean eqForRich(long a, long b) { return eq(a, b); }

    @Override
    long binary(BinaryOp op, long a, long b) {
        if (op != BinaryOp.OR) return 0;
        long x = heap.typeOf(a) == this ? mapping(a) : a, y = heap.typeOf(b) == this ? mapping(b) : b;
        if (!(heap.typeOf(x) instanceof DictType) || !(heap.typeOf(y) instanceof DictType)) return 0;
        return rt.ops.binaryOp(BinaryOp.OR, x, y);
    }

    @Override public void traverse(long o, LongConsumer visit) { visitField(o, MAPPING, visit); }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.decref(get(o, MAPPING));
        heap.freeObject(o);
    }
}
