package dev.refheap.embed;

import dev.refheap.object.DictType;
import dev.refheap.object.Heap;
import dev.refheap.object.ListType;

/**
 * One owned reference to an object of a {@link PyHeap}. Linking operations ({@link #put},
 * {@link #append}, {@link #add}) make the container take its own reference, as Python does;
 * {@link #release()} (or {@code close()}) gives this one back, which may free the object.
 */
public final class PyRef implements AutoCloseable {
    private final PyHeap owner;
    private final long address;
    private boolean released;

    PyRef(PyHeap owner, long address) {
        this.owner = owner;
        this.address = address;
    }

    /** The object's address: {@code id(o)}. */
    public long address() {
        if (released) throw new IllegalStateException("reference to 0x" + Long.toHexString(address) + " was released");
        return address;
    }

    private Heap heap() { return owner.heap(); }

    /** Every reference to the object with its holder; the counts add up to {@link #refcount()}. */
    public java.util.List<dev.refheap.gc.Provenance.Holder> holders() { return owner.provenance().holders(address()); }

    /** The shortest path from a root to the object, or the cycle that alone keeps it alive. */
    public dev.refheap.gc.Provenance.Retention whyAlive() { return owner.provenance().whyAlive(address()); }

    /** A readable report of {@link #holders()} and {@link #whyAlive()}. */
    public String explain() {
        dev.refheap.gc.Provenance p = owner.provenance();
        return p.explain(address(), p.holders(address()), p.whyAlive(address()), null);
    }

    /** The raw refcount ({@code ctypes.c_long.from_address(id(o)).value}). */
    public long refcount() { return heap().refcount(address()); }

    public String typeName() { return heap().typeOf(address()).name(); }

    /** d[key] = value, for a dict. */
    public PyRef put(String key, PyRef value) {
        heap().dicts.setItem(address(), key, value.address());
        return this;
    }

    /** d[key] (a new ref), or null if absent. */
    public PyRef get(String key) {
        long v = heap().dicts.getItem(address(), key);
        if (v == 0) return null;
        heap().incref(v);
        return owner.adopt(v);
    }

    /** del d[key]. */
    public boolean remove(String key) {
        long k = heap().strs.of(key);
        try {
            return heap().dicts.delItem(address(), k);
        } finally {
            heap().decref(k);
        }
    }

    /** list.append(value). */
    public PyRef append(PyRef value) {
        heap().lists.append(address(), value.address());
        return this;
    }

    /** set.add(value). */
    public PyRef add(PyRef value) {
        heap().sets.add(address(), value.address());
        return this;
    }

    /** len(o) for dict, list, tuple and set. */
    public long size() {
        long o = address();
        var t = heap().typeOf(o);
        if (t == heap().dicts) return DictType.size(o);
        if (t == heap().lists) return ListType.size(o);
        if (t == heap().tuples) return dev.refheap.object.TupleType.size(o);
        if (t == heap().sets) return dev.refheap.object.SetType.size(o);
        throw new UnsupportedOperationException("len() of " + t.name());
    }

    /** Another owned reference to the same object. */
    public PyRef copy() {
        heap().incref(address());
        return owner.adopt(address);
    }

    public boolean isReleased() { return released; }

    /** Gives the reference back (Py_DECREF); the object may be freed. */
    public void release() {
        if (released) throw new IllegalStateException("reference to 0x" + Long.toHexString(address) + " released twice");
        released = true;
        owner.release(address);
    }

    @Override
    public void close() {
        if (!released) release();
    }

    @Override
    public String toString() {
        return released ? "<released ref>" : heap().typeOf(address).describe(address);
    }
}
