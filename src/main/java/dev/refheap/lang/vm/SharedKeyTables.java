package dev.refheap.lang.vm;

import dev.refheap.object.DictType;
import dev.refheap.object.StrType;
import java.util.HashMap;
import java.util.Map;

/**
 * The classes' shared keys (CPython 3.11's ht_cached_keys) as the dict layer sees them: a
 * materialized instance {@code __dict__} is marked with its class's handle, so its size is
 * CPython's split-dict size ({@code 48 + 8 * (nentries + usable)} of the class's keys) and a new
 * str key in it joins the class's keys while there is room. Handles are never reused; a handle
 * keeps its class's accounting reachable after the class dies, as a split dict keeps its shared
 * keys alive in CPython.
 */
final class SharedKeyTables implements DictType.SharedKeys {
    private final Map<Long, ClassType> byHandle = new HashMap<>();
    private long next = 1;

    /** The next handle to give (the start-up image carries it). */
    long next() { return next; }

    /** A start-up image's tables: the handles its classes had, and the next one to give. */
    void restore(java.util.List<ClassType> classes, long nextHandle) {
        byHandle.clear();
        for (ClassType c : classes) if (c.sharedKeysHandle != 0) byHandle.put(c.sharedKeysHandle, c);
        next = nextHandle;
    }

    long handleOf(ClassType c) {
        if (c.sharedKeysHandle == 0) {
            c.sharedKeysHandle = next++;
            byHandle.put(c.sharedKeysHandle, c);
        }
        return c.sharedKeysHandle;
    }

    @Override
    public long usableSize(long handle) {
        ClassType c = byHandle.get(handle);
        return c == null ? 0 : c.keys.size() + c.dkUsable;
    }

    @Override
    public boolean addKey(long handle, long key) {
        ClassType c = byHandle.get(handle);
        return c != null && c.keyIndex(StrType.value(key), true) >= 0;
    }
}
