package dev.refheap.object;

import dev.refheap.memory.Native;
import java.util.function.LongConsumer;

/**
 * {@code weakref.ReferenceType}: a reference that does not own its referent.
 * <pre>
 *  refcnt | type | wr_object | wr_callback | hash | wr_prev | wr_next | vectorcall   (64 bytes + GC head)
 * </pre>
 * A referent's weakrefs form a doubly linked list whose head is stored at its type's
 * {@link PyType#weaklistOffset()}. A callback-less ref is shared and kept first; refs with
 * callbacks are inserted after it (or at the head), so callbacks run newest first.
 * {@code wr_object} is not an owned reference; a cleared ref points at None (also unowned).
 *
 * <p>An instance of a Python subclass of ref (weakref.py's KeyedRef and WeakMethod) has this
 * layout first and the subclass's slots after it; it is never the shared callback-less ref: it is
 * linked after the basic ref and proxy, or at the head ({@link #initSubtypeRef}), as
 * weakref___new__ does for a subtype. Equality (weakref_richcompare) compares the referents while
 * both are alive, else identity; the hash is the referent's, cached.
 *
 * <p>When a referent dies by refcount, its weakrefs are cleared and their callbacks called
 * ({@link #clearWeakrefs}); the cycle collector clears them itself, before any finalizer runs.
 */
public final class WeakrefType extends PyType {
    public static final int WR_OBJECT = 16, WR_CALLBACK = 24, HASH = 32, WR_PREV = 40, WR_NEXT = 48, VECTORCALL = 56;

    WeakrefType(Heap heap) {
        super(heap, "weakref.ReferenceType", null, BASETYPE | HAVE_GC, 64, 0, 0);
    }

    /**
     * The registered kinds (weakref proxies: two), compared by identity. An array, not a set: the
     * collector's handle_weakrefs asks {@link #isWeakrefKind} of every unreachable object, and a
     * hash lookup there cost more than the rest of the test.
     */
    private PyType[] otherKinds = new PyType[0];

    /** Registers a type with this layout that is a weak reference without being a ref subtype (weakref proxies). */
    public void registerKind(PyType t) {
        if (isOtherKind(t)) return;
        otherKinds = java.util.Arrays.copyOf(otherKinds, otherKinds.length + 1);
        otherKinds[otherKinds.length - 1] = t;
    }

    private boolean isOtherKind(PyType t) {
        for (PyType k : otherKinds) if (k == t) return true;
        return false;
    }

    /** PyWeakref_Check: a ref (or subtype) or one of the registered kinds. */
    public boolean isWeakrefKind(PyType t) { return t.isSubtypeOf(this) || isOtherKind(t); }

    /** True if {@code o}'s type supports weak references. */
    public boolean supports(long o) { return heap.typeOf(o).weaklistOffset() != 0; }

    private long listAddress(long o) { return o + heap.typeOf(o).weaklistOffset(); }

    /** The first weakref to {@code o}, or 0. */
    public long first(long o) {
        long off = heap.typeOf(o).weaklistOffset();
        return off == 0 ? 0 : Native.getLong(o + off);
    }

    public static long next(long wr) { return Native.getLong(wr + WR_NEXT); }
    public static long callback(long wr) { return Native.getLong(wr + WR_CALLBACK); }

    /** The referent, or None if it died (borrowed). */
    public static long referent(long wr) { return Native.getLong(wr + WR_OBJECT); }

    /**
     * PyWeakref_GET_OBJECT: the referent while its refcount is above zero, else None (borrowed).
     * A referent released deep in a chain waits on the trashcan with refcount 0 and its weakrefs
     * not yet cleared; code that runs meanwhile (another weakref's callback) must not see it.
     */
    public long liveReferent(long wr) {
        long o = referent(wr);
        return Native.getLong(o + Layout.OB_REFCNT) > 0 ? o : heap.None;
    }

    /**
     * weakref.ref(o, callback): a new reference. {@code callback} 0 (or None) means none, and then an
     * existing callback-less ref is returned instead of a new one.
     *
     * @throws PyError TypeError if o's type does not support weak references
     */
    public long newRef(long o, long callback) {
        if (!supports(o)) {
            throw new PyError("TypeError", "cannot create weak reference to '" + heap.typeOf(o).name() + "' object");
        }
        if (callback == heap.None) callback = 0;
        long list = listAddress(o);
        long head = Native.getLong(list);
        long basic = basicRef(head);
        if (callback == 0 && basic != 0) {
            heap.incref(basic);
            return basic;
        }
        long wr = heap.allocObject(this, 0);
        // the allocation may have run a collection that changed the list: look again (as 3.11)
        head = Native.getLong(list);
        basic = basicRef(head);
        long proxy = basicProxy(basic, head);
        fill(wr, o, callback);
        // a callback-less ref goes at the head; one with a callback after the basic ref and proxy
        link(list, wr, callback == 0 ? 0 : proxy != 0 ? proxy : basic);
        heap.track(wr);
        return wr;
    }

    /**
     * weakref___new__ for a subtype: fills {@code wr}, a new zeroed instance of a Python subclass of
     * ref, to refer to {@code o} with {@code callback} (0 or None for none), linked after the
     * referent's basic ref and basic proxy (get_basic_refs), or at the head when it has neither.
     *
     * @throws PyError TypeError if o's type does not support weak references
     */
    public void initSubtypeRef(long wr, long o, long callback) {
        if (!supports(o)) {
            throw new PyError("TypeError", "cannot create weak reference to '" + heap.typeOf(o).name() + "' object");
        }
        if (callback == heap.None) callback = 0;
        long list = listAddress(o);
        long head = Native.getLong(list);
        long basic = basicRef(head);
        long proxy = basicProxy(basic, head);
        fill(wr, o, callback);
        link(list, wr, proxy != 0 ? proxy : basic);
    }

    /**
     * PyWeakref_NewProxy's list work: a new proxy of {@code proxyType} (a kind registered with
     * {@link #registerKind}) to {@code o}, or the existing callback-less proxy when {@code callback}
     * is 0 or None. A callback-less proxy goes after the basic ref (or at the head); one with a
     * callback after the basic proxy (or the basic ref). The caller checks that o supports weak
     * references.
     */
    public long newProxy(PyType proxyType, long o, long callback) {
        if (callback == heap.None) callback = 0;
        long list = listAddress(o);
        long head = Native.getLong(list);
        long proxy = basicProxy(basicRef(head), head);
        if (callback == 0 && proxy != 0) {
            heap.incref(proxy);
            return proxy;
        }
        long p = heap.allocObject(proxyType, 0);
        // the allocation may have run a collection that changed the list: look again (as 3.11)
        head = Native.getLong(list);
        long basic = basicRef(head);
        proxy = basicProxy(basic, head);
        fill(p, o, callback);
        link(list, p, callback == 0 || proxy == 0 ? basic : proxy);
        heap.track(p);
        return p;
    }

    /** get_basic_refs: the referent's callback-less ref of exactly this type, at the head of its list; 0 if none. */
    private long basicRef(long head) {
        return head != 0 && callback(head) == 0 && Heap.typeAddress(head) == address() ? head : 0;
    }

    /** get_basic_refs: the callback-less proxy after the basic ref (or at the head); 0 if none. */
    private long basicProxy(long basic, long head) {
        long afterBasic = basic != 0 ? next(basic) : head;
        return afterBasic != 0 && callback(afterBasic) == 0 && isOtherKind(heap.typeOf(afterBasic)) ? afterBasic : 0;
    }

    /** Fills a new ref's fields: referent (borrowed), callback (incref'd; None means none), no hash yet. */
    private void fill(long wr, long o, long callback) {
        Native.putLong(wr + WR_OBJECT, o);
        heap.xincref(callback);
        Native.putLong(wr + WR_CALLBACK, callback);
        Native.putLong(wr + HASH, -1);
        Native.putLong(wr + VECTORCALL, 0);
    }

    /** Links {@code wr} into the referent's list at {@code list}: after {@code prev}, or at the head when prev is 0. */
    private static void link(long list, long wr, long prev) {
        long after = prev == 0 ? Native.getLong(list) : next(prev);
        Native.putLong(wr + WR_PREV, prev);
        Native.putLong(wr + WR_NEXT, after);
        if (after != 0) Native.putLong(after + WR_PREV, wr);
        if (prev == 0) Native.putLong(list, wr);
        else Native.putLong(prev + WR_NEXT, wr);
    }

    /** weakref.getweakrefcount(o). */
    public long count(long o) {
        long n = 0;
        for (long wr = first(o); wr != 0; wr = next(wr)) n++;
        return n;
    }

    /** Unlinks {@code wr} from its referent's list; the referent becomes None. The callback is kept. */
    public void clearRef(long wr) {
        long o = referent(wr);
        if (o == heap.None) return;
        long list = listAddress(o);
        long prev = Native.getLong(wr + WR_PREV), next = next(wr);
        if (Native.getLong(list) == wr) Native.putLong(list, next);
        if (prev != 0) Native.putLong(prev + WR_NEXT, next);
        if (next != 0) Native.putLong(next + WR_PREV, prev);
        Native.putLong(wr + WR_PREV, 0);
        Native.putLong(wr + WR_NEXT, 0);
        Native.putLong(wr + WR_OBJECT, heap.None);
    }

    /**
     * _PyWeakref_ClearRef on each weakref to {@code o}, for weakrefs made by a finalizer after
     * PyObject_ClearWeakRefs ran in a dealloc: they die without their callbacks being called.
     */
    public void clearRefsWithoutCallbacks(long o) {
        long off = heap.typeOf(o).weaklistOffset();
        if (off == 0) return;
        while (Native.getLong(o + off) != 0) clearRef(Native.getLong(o + off));
    }

    /** clear_weakref: {@link #clearRef} and release the callback. */
    private void clearRefAndCallback(long wr) {
        clearRef(wr);
        long cb = callback(wr);
        if (cb != 0) {
            Native.putLong(wr + WR_CALLBACK, 0);
            heap.decref(cb);
        }
    }

    /**
     * PyObject_ClearWeakRefs, for a referent being deallocated: clears all its weakrefs, then calls
     * the callbacks of those still alive, in list order. The callback-less basic ref is cleared
     * first; with several callback refs left, they and their callbacks are held in a temporary
     * tuple while the callbacks run, as in CPython (one callback ref needs no tuple).
     */
    public void clearWeakrefs(long o) {
        long off = heap.typeOf(o).weaklistOffset();
        if (off == 0) return;
        long list = o + off;
        // the callback-less basic ref and basic proxy (at the head) are cleared first and never counted
        if (Native.getLong(list) != 0 && callback(Native.getLong(list)) == 0) {
            clearRefAndCallback(Native.getLong(list));
            if (Native.getLong(list) != 0 && callback(Native.getLong(list)) == 0) clearRefAndCallback(Native.getLong(list));
        }
        long current = Native.getLong(list);
        if (current == 0) return;
        long count = count(o);
        if (count == 1) {
            long cb = callback(current);
            Native.putLong(current + WR_CALLBACK, 0);
            clearRef(current);
            if (cb != 0) {
                if (heap.refcount(current) > 0) heap.callbacks().callWeakrefCallback(cb, current);
                heap.decref(cb);
            }
            return;
        }
        long tuple = heap.tuples.alloc(count * 2);
        for (long i = 0; i < count; i++) {
            long next = next(current);
            long cb = callback(current);
            if (heap.refcount(current) > 0) {
                heap.incref(current);
                TupleType.setItemSteal(tuple, 2 * i, current);
                TupleType.setItemSteal(tuple, 2 * i + 1, cb);
            } else {
                heap.xdecref(cb);
            }
            Native.putLong(current + WR_CALLBACK, 0);
            clearRef(current);
            current = next;
        }
        for (long i = 0; i < count; i++) {
            long cb = TupleType.item(tuple, 2 * i + 1);
            if (cb != 0) heap.callbacks().callWeakrefCallback(cb, TupleType.item(tuple, 2 * i));
        }
        heap.decref(tuple);
    }

    @Override
    public void traverse(long o, LongConsumer visit) {
        long cb = callback(o);
        if (cb != 0) visit.accept(cb);
    }

    @Override
    public boolean hasClear() { return true; }

    @Override
    public void clear(long o) { clearRefAndCallback(o); }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        clearRefAndCallback(o);
        heap.freeObject(o);
    }

    @Override
    public boolean isDataBase() { return true; }

    /**
     * weakref_richcompare's == as dict and set lookups reach it (the caller took the identity
     * shortcut on the refs themselves): two refs (or instances of ref subclasses) whose referents
     * are both alive compare the referents with no identity shortcut of their own (the language's
     * {@link Heap.Callbacks#richEquals}), each held meanwhile; otherwise they are equal only if
     * they are the same ref.
     */
    @Override
    public boolean equals(long a, long b) {
        if (!heap.typeOf(b).isSubtypeOf(this)) return false;
        long x = liveReferent(a), y = liveReferent(b);
        if (x == heap.None || y == heap.None) return a == b;
        heap.incref(x);
        heap.incref(y);
        try {
            return heap.callbacks().richEquals(heap, x, y);
        } finally {
            heap.decref(x);
            heap.decref(y);
        }
    }

    @Override
    public long hash(long o) {
        long h = Native.getLong(o + HASH);
        if (h != -1) return h;
        long r = referent(o);
        if (r == heap.None) throw new PyError("TypeError", "weak object has gone away");
        h = heap.hash(r);
        Native.putLong(o + HASH, h);
        return h;
    }
}
