package dev.refheap.embed;

import dev.refheap.object.DictType;
import dev.refheap.object.Heap;
import dev.refheap.object.ListType;
import dev.refheap.object.PyType;
import dev.refheap.object.SetType;
import dev.refheap.object.TupleType;

/**
 * One owned reference to an object of a {@link PyHeap}. Linking operations ({@link #put},
 * {@link #append}, {@link #add}) make the container take its own reference, as Python does;
 * {@link #release()} (or {@code close()}) gives this one back, which may free the object.
 *
 * <p>States: held (every method works, from the heap's thread), released (every method but
 * {@link #isReleased()} and {@link #toString()} throws {@link ReferenceReleasedException}), and
 * its heap closed (every method but {@link #isReleased()} throws {@link HeapClosedException}).
 * Each check runs before anything changes, so a refused call leaves the heap as it was.
 */
public final class PyRef implements AutoCloseable {
    private final PyHeap owner;
    private final long address;
    private boolean released;

    PyRef(PyHeap owner, long address) {
        this.owner = owner;
        this.address = address;
    }

    PyHeap owner() { return owner; }

    /** For another heap's messages: never reads the object (its heap may be closed or on another thread). */
    String describeForError() { return "to 0x" + Long.toHexString(address); }

    /** The checks on entry: the heap's thread, the heap open, this ref held. */
    private long enter(String what) {
        owner.enter(what);
        if (released) throw new ReferenceReleasedException(what + ": the PyRef to 0x" + Long.toHexString(address)
                + " was released (it owns no reference: the object may be gone)");
        return address;
    }

    /** The object's address: {@code id(o)}. */
    public long address() { return enter("address"); }

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


    /** The object's type, for an operation that needs {@code wanted}. */
    private long receiver(String what, PyType wanted, String needs) {
        long o = enter(what);
        PyType t = heap().typeOf(o);
        if (t != wanted) throw new WrongObjectTypeException(what, needs, t.name());
        return o;
    }

    /** The raw refcount ({@code ctypes.c_long.from_address(id(o)).value}). */
    public long refcount() { return heap().refcount(enter("refcount")); }

    public String typeName() { return heap().typeOf(enter("typeName")).name(); }

    /** d[key] = value, for a dict. */
    public PyRef put(String key, PyRef value) {
        long d = receiver("put", heap().dicts, "dict");
        if (key == null) throw new NullPointerException("put: a null key");
        heap().dicts.setItem(d, key, owner.argument(value, "put"));
        return this;
    }

    /** d[key] (a new ref), or null if absent. */
    public PyRef get(String key) {
        long d = receiver("get", heap().dicts, "dict");
        if (key == null) throw new NullPointerException("get: a null key");
        long v = heap().dicts.getItem(d, key);
        if (v == 0) return null;
        heap().incref(v);
        return owner.own(v);
    }

    /** del d[key]. */
    public boolean remove(String key) {
        long d = receiver("remove", heap().dicts, "dict");
        if (key == null) throw new NullPointerException("remove: a null key");
        long k = heap().strs.of(key);
        try {
            return heap().dicts.delItem(d, k);
        } finally {
            heap().decref(k);
        }
    }

    /** list.append(value). */
    public PyRef append(PyRef value) {
        long l = receiver("append", heap().lists, "list");
        heap().lists.append(l, owner.argument(value, "append"));
        return this;
    }

    /** set.add(value). */
    public PyRef add(PyRef value) {
        long s = receiver("add", heap().sets, "set");
        heap().sets.add(s, owner.argument(value, "add"));
        return this;
    }

    /** len(o) for dict, list, tuple and set. */
    public long size() {
        long o = enter("size");
        var t = heap().typeOf(o);
        if (t == heap().dicts) return DictType.size(o);
        if (t == heap().lists) return ListType.size(o);
        if (t == heap().tuples) return TupleType.size(o);
        if (t == heap().sets) return SetType.size(o);
        throw new WrongObjectTypeException("size", "dict, list, tuple or set", t.name());
    }

    /** Another owned reference to the same object. */
    public PyRef copy() {
        long o = enter("copy");
        heap().incref(o);
        return owner.own(o);
    }

    public boolean isReleased() { return released; }

    /** Gives the reference back (Py_DECREF); the object may be freed. */
    public void release() {
        owner.enter("release");
        if (released) throw new ReferenceReleasedException("release: the PyRef to 0x" + Long.toHexString(address) + " was released twice");
        released = true;
        owner.release(address);
    }

    @Override
    public void close() {
        owner.enter("close");
        if (!released) release();
    }

    /** The object as Python's repr-like description; {@code <released ref>} once released. */
    @Override
    public String toString() {
        owner.enter("toString");
        return released ? "<released ref>" : heap().typeOf(address).describe(address);
    }
}
