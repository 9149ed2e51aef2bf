package dev.refheap.lang.vm;

import dev.refheap.lang.bytecode.BinaryOp;
import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.WeakrefType;
import java.util.function.LongConsumer;

/**
 * {@code weakref.ProxyType} ("weakproxy") and {@code weakref.CallableProxyType}
 * ("weakcallableproxy"): weak references with the ref's 64-byte layout (+ GC head) that forward
 * every operation to their referent and raise {@code ReferenceError: weakly-referenced object no
 * longer exists} once it is gone. They live in the referent's weakref list as CPython orders it:
 * the callback-less ref first, then the callback-less proxy, then the rest (newest after those),
 * so the collector and PyObject_ClearWeakRefs treat them as weakrefs. Unhashable.
 */
final class WeakProxyType extends ExtType {
    final boolean callable;

    WeakProxyType(Runtime rt, boolean callable) {
        super(rt, callable ? "weakref.CallableProxyType" : "weakref.ProxyType", null, HAVE_GC, 64, 0, 0);
        this.callable = callable;
    }

    /** The live referent (borrowed); ReferenceError when it died. */
    long referent(long p) {
        long r = heap.weakrefs.liveReferent(p);
        if (r == heap.None) throw rt.error("ReferenceError", "weakly-referenced object no longer exists");
        return r;
    }

    @Override
    public void traverse(long o, LongConsumer visit) {
        long cb = WeakrefType.callback(o);
        if (cb != 0) visit.accept(cb);
    }

    @Override public boolean hasClear() { return true; }

    @Override
    public void clear(long o) { WeakrefNative.clearRefAndCallback(heap, o); }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        WeakrefNative.clearRefAndCallback(heap, o);
        heap.freeObject(o);
    }

    @Override
    public long hash(long o) { throw new dev.refheap.object.PyError("TypeError", "unhashable type: '" + name() + "'"); }

    @Override
    Boolean eqForRich(long a, long b) { return eq(a, b); }

    @Override
    String repr(long o) {
        // proxy_repr (3.11): the referent's tp_name, None's once it died; callable proxies too say "weakproxy"
        long r = heap.weakrefs.liveReferent(o);
        return "<weakproxy at " + Ops.hex(o) + " to " + heap.typeOf(r).name() + " at " + Ops.hex(r) + ">";
    }

    @Override
    String str(long o) { return rt.ops.str(referent(o)); }

    @Override
    Boolean truthy(long o) { return rt.ops.truthy(referent(o)); }

    @Override
    long attr(long o, String name) {
        long r = referent(o);
        long n = heap.strs.internedOf(name);
        try {
            return rt.ops.getAttrOrNull(r, n, name);
        } finally {
            heap.decref(n);
        }
    }

    @Override
    boolean setAttr(long o, long nameObj, long v) {
        long r = referent(o);
        if (v == 0) rt.ops.delAttr(r, nameObj);
        else rt.ops.setAttr(r, nameObj, v);
        return true;
    }

    /** An operand with any proxy replaced by its referent (a new reference). */
    private long unwrap(long x) {
        if (heap.typeOf(x) instanceof WeakProxyType p) return Builtins.incref(heap, p.referent(x));
        return Builtins.incref(heap, x);
    }

    /** {@code op} applied to both operands with proxies replaced by their referents (held for the call). */
    private <R> R unwrapped(long a, long b, java.util.function.BiFunction<Long, Long, R> op) {
        long x = unwrap(a), y = unwrap(b);
        try {
            return op.apply(x, y);
        } finally {
            heap.decref(x);
            heap.decref(y);
        }
    }

    @Override
    long binary(BinaryOp op, long a, long b) {
        return unwrapped(a, b, (x, y) -> rt.ops.binaryOp(op, x, y));
    }

    @Override
    long inplace(BinaryOp op, long a, long b) {
        // proxy_iadd & co: the referent's in-place operation
        long x = referent(a), y = unwrap(b);
        try {
            BinaryOp in = BinaryOp.of(op.ordinal() + BinaryOp.INPLACE_ADD.ordinal());
            return rt.ops.binaryOp(in, x, y);  // proxy_iadd: the referent's result (often the referent itself)
        } finally {
            heap.decref(y);
        }
    }

    @Override
    long unary(String op, long o) { return rt.ops.unary(op, referent(o)); }

    @Override
    Boolean eq(long a, long b) {
        return unwrapped(a, b, (x, y) -> rt.ops.eq(x, y));
    }

    @Override
    Integer order(int op, long a, long b) {
        return unwrapped(a, b, (x, y) -> rt.ops.eq(x, y) ? 0 : rt.ops.compareBool(0, x, y) ? -1 : 1);
    }

    @Override long len(long o) { return rt.ops.len(referent(o)); }
    @Override long getItem(long o, long key) { return rt.ops.getItem(referent(o), key); }

    @Override
    boolean setItem(long o, long key, long v) {
        rt.ops.setItem(referent(o), key, v);
        return true;
    }

    @Override
    boolean delItem(long o, long key) {
        rt.ops.delItem(referent(o), key);
        return true;
    }

    @Override long iter(long o) { return rt.ops.iter(referent(o)); }

    /** Every proxy is an iterator to iter()'s check (tp_iternext is proxy_iternext); next() needs a referent that is one. */
    @Override boolean isIterator() { return true; }

    /** proxy_iternext: next(referent), refused when the referent is not an iterator. */
    @Override
    long next(long o) {
        long r = referent(o);
        if (!rt.ops.isIterator(r)) throw rt.typeError("Weakref proxy referenced a non-iterator '" + rt.ops.typeName(r) + "' object");
        heap.incref(r);
        try {
            return rt.ops.next(r);
        } finally {
            heap.decref(r);
        }
    }

    /** The proxies' own entries: nb_index's {@code __index__}, and the plain proxy's methods {@code __bytes__} and {@code __reversed__} (the referent's, called). */
    void install() {
        rt.defDescr(BuiltinDescrType.Kind.WRAPPER, this, "__index__", (s, a, o, n, kw) -> {
            Args.exactly(rt, "__index__", n, kw, 0);
            long r = referent(s);
            if (heap.typeOf(r) == heap.ints) return Builtins.incref(heap, r);
            if (rt.ops.lookupType(heap.typeOf(r), "__index__") == 0) {
                throw rt.typeError("'" + rt.ops.typeName(r) + "' object cannot be interpreted as an integer");
            }
            return rt.ops.callMethod(r, "__index__");
        });
        if (callable) return;  // CPython's callable proxy type has no tp_methods
        for (String m : new String[] {"__bytes__", "__reversed__"}) {
            rt.defMethod(this, m, (s, a, o, n, kw) -> {
                Args.exactly(rt, m, n, kw, 0);
                return rt.ops.callMethod(referent(s), m);
            });
        }
    }
    @Override int contains(long o, long item) { return rt.ops.contains(referent(o), item) ? 1 : 0; }

    @Override
    long call(long o, long[] a, int off, int n, long kw) {
        if (!callable) return 0;
        return rt.ops.call(referent(o), a, off, n, kw);
    }

    static long nativeField(long o, int off) { return Native.getLong(o + off); }
    static Heap heapOf(Runtime rt) { return rt.heap; }
}
