package dev.refheap.memory;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Releasing arenas: they leave the allocator at once (counts, footprint, readability, the arena
 * free() remembers) while the Unmapper returns their pages in the background.
 */
class ArenaReleaseTest {
    @Test
    void releasedArenasLeaveAtOnceAndComeBackFresh() {
        try (var a = new BlockAllocator()) {
            for (int round = 0; round < 3; round++) {
                List<Long> blocks = new ArrayList<>();
                while (a.arenasCurrent() < 12) blocks.add(a.malloc(512));
                long first = blocks.get(0), last = blocks.get(blocks.size() - 1);
                assertTrue(a.isReadable(first, 512) && a.isReadable(last, 512));
                for (int i = blocks.size() - 1; i >= 0; i -= 2) a.free(blocks.get(i));   // every other one first
                for (int i = blocks.size() - 2; i >= 0; i -= 2) a.free(blocks.get(i));
                assertEquals(1, a.arenasCurrent(), "one wholly free arena is kept");
                assertEquals(0, a.allocatedBlocks());
                long kept = 0;
                for (long p : blocks) if (a.isReadable(p, 1)) kept++;
                assertTrue(kept <= BlockAllocator.ARENA_SIZE / 512, "only the kept arena is still readable: " + kept);
                assertTrue(a.verify().isEmpty(), a.verify().toString());
                Unmapper.drain();
            }
            // freeing into a released arena's address range again must not use a stale arena
            long p = a.malloc(64);
            a.free(p);
            assertThrows(IllegalArgumentException.class, () -> a.free(0x10_0000L), "not a block of this allocator");
        }
    }
}
