package dev.refheap.lang.modules.functools;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.DictType;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import java.util.function.LongConsumer;

/**
 * {@code functools._lru_cache_wrapper}: CPython 3.11's lru_cache_object, a heap type, GC, a
 * method descriptor (LOAD_METHOD calls it unbound, as a function), 152 bytes plus the GC head.
 * The object begins with the root link of its doubly linked list (the root's PyObject head is
 * the object's own):
 * <pre> refcnt | type | root.prev | root.next | root.hash | root.key | root.result | wrapper kind | typed (int)
 * | cache (dict) | hits | func | maxsize | misses | kwd_mark | lru_list_elem_type | cache_info_type | dict | weakreflist </pre>
 * A call goes through tp_call: its arguments become a tuple and its keywords a dict, as
 * CPython's vectorcall-to-tp_call conversion makes them, and the key is made from them as
 * lru_cache_make_key does (one int or str argument is its own key, no keywords and untyped the
 * args tuple itself, else a flat tuple with the kwd_mark). maxsize 0 calls through (misses
 * counted), None caches in the dict without links, n keeps at most n links
 * ({@link LruListElemType}): the dict maps key to link, the list runs from the least recently
 * used (root.next) to the most (root.prev), a hit moves its link to the end, a miss on a full
 * cache reuses the oldest link for the new key and result. Every dict operation after the key's
 * hash uses that hash (its __hash__ runs once per call). traverse: type, each link's key, result
 * and type in list order, cache, func, kwd_mark, the link type, cache_info_type, dict (the heap
 * verifier's {@link #references} has the links themselves instead).
 * States: made by lru_cache (tracked at once); cleared by tp_clear (list unlinked first, then
 * the fields, then the links released); freed.
 */
final class LruCacheType extends FieldsType {
    static final int PREV = 16, NEXT = 24, HASH = 32, KEY = 40, RESULT = 48;
    static final int WRAPPER = 56, TYPED = 64, CACHE = 72, HITS = 80, FUNC = 88, MAXSIZE = 96, MISSES = 104, KWD_MARK = 112,
            ELEM_TYPE = 120, CACHE_INFO_TYPE = 128, DICT = 136, WEAKREFLIST = 144;
    /** The owned object fields, in traverse and tp_clear order (one array: traverse runs in every collection). */
    private static final int[] OWNED = {CACHE, FUNC, KWD_MARK, ELEM_TYPE, CACHE_INFO_TYPE, DICT};
    private static final int UNCACHED = 0, INFINITE = 1, BOUNDED = 2;
    private static final String[] NEW_NAMES = {"user_function", "maxsize", "typed", "cache_info_type"};

    final LruListElemType elemType;
    private final long kwdMark;

    LruCacheType(VmApi vm, LruListElemType elemType, long kwdMark) {
        super(vm, "functools._lru_cache_wrapper", PyType.HAVE_GC, 152, WEAKREFLIST, CACHE, FUNC, KWD_MARK, ELEM_TYPE, CACHE_INFO_TYPE, DICT);
        cpythonFlags(0x25300);  // METHOD_DESCRIPTOR | HAVE_GC | READY | HEAPTYPE | IMMUTABLETYPE
        this.elemType = elemType;
        this.kwdMark = kwdMark;
    }

    @Override
    protected boolean heapTypeInstances() { return true; }

    @Override
    public long ownDictOffset() { return DICT; }

    @Override
    public boolean isMethodDescriptor() { return true; }

    /** lru_cache_descr_get: the wrapper itself through its class, a bound method through an instance. */
    @Override
    public long descrGet(long self, long obj, long type) {
        return obj == 0 || obj == heap.None ? vm.incref(self) : vm.newBoundMethod(self, obj);
    }

    /** lru_cache_new: {@code _lru_cache_wrapper(user_function, maxsize, typed, cache_info_type)}. */
    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        long[] p = Params.parse(vm, "lru_cache", NEW_NAMES, 4, 4, 0, a, off, n, kwnames);
        if (!vm.isCallable(p[0])) throw vm.error("TypeError", "the first argument must be callable");
        int kind;
        long maxsize;
        if (p[1] == heap.None) {
            kind = INFINITE;
            maxsize = -1;
        } else if (vm.isInt(p[1]) || vm.typeHas(p[1], "__index__")) {
            maxsize = Math.max(0, Params.ssize(vm, p[1]));
            kind = maxsize == 0 ? UNCACHED : BOUNDED;
        } else {
            throw vm.error("TypeError", "maxsize should be integer or None");
        }
        boolean typed = vm.truthy(p[2]);
        long cache = heap.dicts.create();
        long o = alloc();
        Native.putLong(o + PREV, o);
        Native.putLong(o + NEXT, o);
        Native.putLong(o + WRAPPER, kind);
        Native.putInt(o + TYPED, typed ? 1 : 0);
        put(o, CACHE, cache);
        put(o, FUNC, vm.incref(p[0]));
        put(o, MAXSIZE, maxsize);
        put(o, KWD_MARK, vm.incref(kwdMark));
        put(o, ELEM_TYPE, vm.incref(elemType.typeObject()));
        put(o, CACHE_INFO_TYPE, vm.incref(p[3]));
        heap.track(o);
        return o;
    }

    @Override
    public void traverse(long o, LongConsumer visit) {
        if (heap.typeOf(o) == this) visit.accept(typeObject());
        for (long link = Native.getLong(o + NEXT); link != o; link = Native.getLong(link + NEXT)) {
            visit.accept(Native.getLong(link + KEY));
            visit.accept(Native.getLong(link + RESULT));
            visit.accept(Heap.typeAddress(link));
        }
        for (int off : OWNED) {
            long v = get(o, off);
            if (v != 0) visit.accept(v);
        }
    }

    /**
     * What the object owns, for the heap verifier: its type, the list's reference to each link
     * (the links own their keys and results, which traverse reaches through the wrapper because
     * links are not GC objects), then the fields.
     */
    @Override
    public void references(long o, LongConsumer visit) {
        if (heap.typeOf(o) == this) visit.accept(typeObject());
        for (long link = Native.getLong(o + NEXT); link != o; link = Native.getLong(link + NEXT)) visit.accept(link);
        for (int off : OWNED) {
            long v = get(o, off);
            if (v != 0) visit.accept(v);
        }
    }

    @Override
    public boolean hasClear() { return true; }

    /** lru_cache_tp_clear: the list unlinked, the fields cleared, then the links released. */
    @Override
    public void clear(long o) {
        long list = unlink(o);
        for (int off : OWNED) set(o, off, 0);
        releaseLinks(list);
    }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.weakrefs.clearWeakrefs(o);
        clear(o);
        free(o);
    }

    /** lru_cache_unlink_list: detaches the list (its last link's next set to 0) and empties the root; the first link, or 0. */
    private static long unlink(long o) {
        long first = Native.getLong(o + NEXT);
        if (first == o) return 0;
        Native.putLong(Native.getLong(o + PREV) + NEXT, 0);
        Native.putLong(o + PREV, o);
        Native.putLong(o + NEXT, o);
        return first;
    }

    /** lru_cache_clear_list: the reference each link of a detached list holds for the list, released in order. */
    private void releaseLinks(long link) {
        while (link != 0) {
            long next = Native.getLong(link + NEXT);
            heap.decref(link);
            link = next;
        }
    }

    private static void extract(long link) {
        long prev = Native.getLong(link + PREV), next = Native.getLong(link + NEXT);
        Native.putLong(prev + NEXT, next);
        Native.putLong(next + PREV, prev);
    }

    private static void append(long o, long link) {
        long last = Native.getLong(o + PREV);
        Native.putLong(last + NEXT, link);
        Native.putLong(o + PREV, link);
        Native.putLong(link + PREV, last);
        Native.putLong(link + NEXT, o);
    }

    private static void prepend(long o, long link) {
        long first = Native.getLong(o + NEXT);
        Native.putLong(first + PREV, link);
        Native.putLong(o + NEXT, link);
        Native.putLong(link + PREV, o);
        Native.putLong(link + NEXT, first);
    }

    @Override
    public boolean callableInstances() { return true; }

    /** lru_cache_call through tp_call: the arguments as a tuple and the keywords as a dict, then the wrapper its maxsize chose. */
    @Override
    public long callOf(long o, long[] a, int off, int n, long kwnames) {
        int nkw = kwnames == 0 ? 0 : (int) TupleType.size(kwnames), npos = n - nkw;
        long args = heap.tuples.alloc(npos);
        for (int i = 0; i < npos; i++) TupleType.setItemSteal(args, i, vm.incref(a[off + i]));
        long kwds = 0;
        try {
            if (nkw > 0) {
                kwds = heap.dicts.create();
                for (int k = 0; k < nkw; k++) heap.dicts.setItem(kwds, TupleType.item(kwnames, k), a[off + npos + k]);
            }
            return switch ((int) Native.getLong(o + WRAPPER)) {
                case UNCACHED -> {
                    put(o, MISSES, get(o, MISSES) + 1);
                    yield vm.callWith(get(o, FUNC), args, kwds);
                }
                case INFINITE -> infinite(o, args, kwds);
                default -> bounded(o, args, kwds);
            };
        } finally {
            heap.decref(args);
            if (kwds != 0) heap.decref(kwds);
        }
    }

    /** lru_cache_make_key (a new reference). */
    private long makeKey(long o, long args, long kwds) {
        boolean typed = Native.getInt(o + TYPED) != 0;
        long nargs = TupleType.size(args), nkw = kwds == 0 ? 0 : DictType.size(kwds);
        if (!typed && nkw == 0) {
            if (nargs == 1) {
                long k = TupleType.item(args, 0);
                long t = Heap.typeAddress(k);
                if (t == heap.strs.address() || t == heap.ints.address()) return vm.incref(k);
            }
            return vm.incref(args);
        }
        long size = nargs + (nkw > 0 ? 2 * nkw + 1 : 0) + (typed ? nargs + nkw : 0);
        long key = heap.tuples.alloc(size);
        int[] at = {0};
        for (long i = 0; i < nargs; i++) TupleType.setItemSteal(key, at[0]++, vm.incref(TupleType.item(args, i)));
        if (nkw > 0) {
            TupleType.setItemSteal(key, at[0]++, vm.incref(get(o, KWD_MARK)));
            heap.dicts.forEach(kwds, (k, v) -> {
                TupleType.setItemSteal(key, at[0]++, vm.incref(k));
                TupleType.setItemSteal(key, at[0]++, vm.incref(v));
            });
        }
        if (typed) {
            for (long i = 0; i < nargs; i++) TupleType.setItemSteal(key, at[0]++, vm.incref(Heap.typeAddress(TupleType.item(args, i))));
            if (nkw > 0) heap.dicts.forEach(kwds, (k, v) -> TupleType.setItemSteal(key, at[0]++, vm.incref(Heap.typeAddress(v))));
        }
        return key;
    }

    /** infinite_lru_cache_wrapper: the cache maps key to result. */
    private long infinite(long o, long args, long kwds) {
        long key = makeKey(o, args, kwds);
        try {
            long hash = vm.hash(key);
            long cache = get(o, CACHE);
            long result = heap.dicts.getItemKnownHash(cache, key, hash);
            if (result != 0) {
                put(o, HITS, get(o, HITS) + 1);
                return vm.incref(result);
            }
            put(o, MISSES, get(o, MISSES) + 1);
            result = vm.callWith(get(o, FUNC), args, kwds);
            try {
                heap.dicts.setItemKnownHash(get(o, CACHE), key, hash, result);
            } catch (PyException e) {
                heap.decref(result);
                throw e;
            }
            return result;
        } finally {
            heap.decref(key);
        }
    }

    /** bounded_lru_cache_wrapper (its reference moves and reentrancy rules: see the class comment). */
    private long bounded(long o, long args, long kwds) {
        long key = makeKey(o, args, kwds);
        long hash;
        long link;
        try {
            hash = vm.hash(key);
            link = heap.dicts.getItemKnownHash(get(o, CACHE), key, hash);
        } catch (PyException e) {
            heap.decref(key);
            throw e;
        }
        if (link != 0) {
            extract(link);
            append(o, link);
            put(o, HITS, get(o, HITS) + 1);
            heap.decref(key);
            return vm.incref(Native.getLong(link + RESULT));
        }
        put(o, MISSES, get(o, MISSES) + 1);
        long result;
        try {
            result = vm.callWith(get(o, FUNC), args, kwds);
        } catch (PyException e) {
            heap.decref(key);
            throw e;
        }
        long cache = get(o, CACHE);
        long found;
        try {
            found = heap.dicts.getItemKnownHash(cache, key, hash);
        } catch (PyException e) {
            heap.decref(key);
            heap.decref(result);
            throw e;
        }
        if (found != 0) {  // the same key was added during the call: the links are up to date already
            heap.decref(key);
            return result;
        }
        if (DictType.size(cache) < get(o, MAXSIZE) || Native.getLong(o + NEXT) == o) {
            link = elemType.create(hash, key, result);  // the link takes the key and the result
            try {
                heap.dicts.setItemKnownHash(cache, key, hash, link);
            } catch (PyException e) {
                heap.decref(link);
                throw e;
            }
            append(o, link);
            return vm.incref(result);
        }
        // full: the oldest link leaves the dict and is reused for the new key and result
        link = Native.getLong(o + NEXT);
        extract(link);
        long popped;
        try {
            popped = heap.dicts.popKnownHash(cache, Native.getLong(link + KEY), Native.getLong(link + HASH));
        } catch (PyException e) {
            prepend(o, link);
            heap.decref(key);
            heap.decref(result);
            throw e;
        }
        if (popped == 0) {  // the call removed the oldest key already: the link is an orphan, not restored
            heap.decref(link);
            heap.decref(key);
            return result;
        }
        long oldKey = Native.getLong(link + KEY), oldResult = Native.getLong(link + RESULT);
        Native.putLong(link + HASH, hash);
        Native.putLong(link + KEY, key);
        Native.putLong(link + RESULT, result);
        try {
            heap.dicts.setItemKnownHash(cache, key, hash, link);
        } catch (PyException e) {
            heap.decref(popped);
            heap.decref(link);
            heap.decref(oldKey);
            heap.decref(oldResult);
            throw e;
        }
        append(o, link);
        vm.incref(result);
        heap.decref(popped);
        heap.decref(oldKey);
        heap.decref(oldResult);
        return result;
    }

    /** cache_info(): cache_info_type(hits, misses, maxsize or None, currsize). */
    long cacheInfo(long o) {
        long maxsize = get(o, MAXSIZE);
        long h = vm.newInt(get(o, HITS)), m = vm.newInt(get(o, MISSES)), c = vm.newInt(DictType.size(get(o, CACHE)));
        long ms = maxsize == -1 ? vm.incref(heap.None) : vm.newInt(maxsize);
        try {
            return vm.call(get(o, CACHE_INFO_TYPE), h, m, ms, c);
        } finally {
            heap.decref(h);
            heap.decref(m);
            heap.decref(ms);
            heap.decref(c);
        }
    }

    /** cache_clear(): the list unlinked, the counts zeroed, the dict cleared, then the links released. */
    void cacheClear(long o) {
        long list = unlink(o);
        put(o, HITS, 0);
        put(o, MISSES, 0);
        heap.dicts.clearDict(get(o, CACHE));
        releaseLinks(list);
    }

    /** Instance attributes: the instance dict ({@code __dict__}, update_wrapper's __wrapped__, __name__...). */
    @Override
    public long attrOf(long o, String name) { return instanceDictAttr(o, DICT, name); }

    @Override
    public boolean setAttrOf(long o, String name, long v) { return setInstanceDictAttr(o, DICT, name, v); }
}
