package dev.refheap.lang.vm;

import dev.refheap.object.DictType;
import dev.refheap.object.RootProvider;
import dev.refheap.object.StrType;
import java.util.HashMap;
import java.util.Map;

/**
 * The classes' shared keys tables (CPython 3.11's ht_cached_keys, native {@link DictType} keys of
 * the split kind) by address, so that a name a split dict adds to a table reaches the mirror its
 * class keeps ({@link ClassType#keys}, which the attribute paths index by). A table is registered
 * when its class makes it and forgotten when the dict layer frees it (its class and every split
 * dict over it gone); a table that outlives its class stays mapped to the dead class, whose mirror
 * nothing reads any more. As a root provider it reports each table's references to its keys (the
 * tables are no objects: the heap's checks would not see them otherwise).
 */
final class SharedKeyTables implements DictType.SharedKeys, RootProvider {
    private final Map<Long, ClassType> byTable = new HashMap<>();

    void register(ClassType c) { byTable.put(c.cachedKeys, c); }

    /** A start-up image's tables: those its live classes own. */
    void restore(java.util.List<ClassType> classes) {
        byTable.clear();
        for (ClassType c : classes) if (c.cachedKeys != 0) byTable.put(c.cachedKeys, c);
    }

    @Override
    public void keyAdded(long table, long key, long index) {
        ClassType c = byTable.get(table);
        if (c != null) c.mirrorKey(StrType.value(key), (int) index);
    }

    @Override
    public void freed(long table) { byTable.remove(table); }

    @Override
    public void visitRoots(RootVisitor visitor) {
        for (long k : byTable.keySet()) {
            long n = DictType.sharedKeysEntries(k);
            for (long i = 0; i < n; i++) visitor.root(DictType.sharedKeyAt(k, i), 1);
        }
    }

    @Override
    public String rootDescription() { return "a class's shared keys (ht_cached_keys)"; }
}
