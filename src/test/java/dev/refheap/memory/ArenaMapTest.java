package dev.refheap.memory;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The arena map against a HashMap, over radix-table and hashed (above 2^47) addresses alike. */
class ArenaMapTest {
    @Test
    void agreesWithAPlainMap() {
        ArenaMap map = new ArenaMap();
        Map<Long, Integer> expected = new HashMap<>();
        Random rnd = new Random(7);
        long[] bases = {0x7f0000000000L, 0x5555_0000_0000L, 0x0000_1000_0000L, 1L << 47, 0x00ff_0000_0000_0000L, -(400L << 20)};
        for (int step = 0; step < 20_000; step++) {
            long granule = (bases[rnd.nextInt(bases.length)] >>> BlockAllocator.ARENA_BITS) + rnd.nextInt(300);
            long arena = granule << BlockAllocator.ARENA_BITS;
            if (expected.containsKey(granule) && rnd.nextBoolean()) {
                map.remove(arena);
                expected.remove(granule);
            } else if (!expected.containsKey(granule)) {
                int index = rnd.nextInt(1 << 20);
                map.put(arena, index);
                expected.put(granule, index);
            }
            long probe = arena + rnd.nextInt(BlockAllocator.ARENA_SIZE);
            assertEquals(expected.getOrDefault(granule, -1), map.get(probe), "0x" + Long.toHexString(probe));
        }
        for (Map.Entry<Long, Integer> e : expected.entrySet()) {
            assertEquals(e.getValue(), map.get(e.getKey() << BlockAllocator.ARENA_BITS));
            map.remove(e.getKey() << BlockAllocator.ARENA_BITS);
            assertEquals(-1, map.get(e.getKey() << BlockAllocator.ARENA_BITS));
        }
        assertThrows(IllegalStateException.class, () -> map.remove(0x7f0000000000L));
        assertThrows(IllegalStateException.class, () -> map.remove(1L << 50));
    }
}
