package dev.refheap.lang.modules.functools;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.memory.Native;

/**
 * {@code functools._lru_list_elem}: one link of a bounded lru_cache's list, CPython 3.11's
 * lru_list_elem, a heap type that cannot be instantiated from Python, not GC (its wrapper's
 * traverse visits its key and result), 56 bytes:
 * <pre> refcnt | type | prev | next (borrowed links) | hash | key | result </pre>
 * Held twice while in a cache: by the cache dict (its value) and by the list (the reference it
 * was made with, released when the list is cleared). dealloc releases key, then result.
 */
final class LruListElemType extends FieldsType {
    LruListElemType(dev.refheap.lang.vm.VmApi vm) {
        super(vm, "functools._lru_list_elem", 0, 56, 0, LruCacheType.KEY, LruCacheType.RESULT);
        cpythonFlags(0x1380);  // READY | HEAPTYPE | IMMUTABLETYPE | DISALLOW_INSTANTIATION
    }

    @Override
    protected boolean heapTypeInstances() { return true; }

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        throw vm.error("TypeError", "cannot create 'functools._lru_list_elem' instances");
    }

    /** A new link holding {@code key} and {@code result} (both references taken over). */
    long create(long hash, long key, long result) {
        long o = alloc();
        Native.putLong(o + LruCacheType.PREV, 0);
        Native.putLong(o + LruCacheType.NEXT, 0);
        Native.putLong(o + LruCacheType.HASH, hash);
        put(o, LruCacheType.KEY, key);
        put(o, LruCacheType.RESULT, result);
        return o;
    }
}
