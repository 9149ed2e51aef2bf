package dev.refheap.memory;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockAllocatorTest {

    @Test
    void sizeClassesFollowSixteenByteSteps() {
        assertEquals(0, BlockAllocator.sizeClassOf(1));
        assertEquals(0, BlockAllocator.sizeClassOf(16));
        assertEquals(1, BlockAllocator.sizeClassOf(17));
        assertEquals(31, BlockAllocator.sizeClassOf(512));
        assertEquals(512, BlockAllocator.classSize(31));
    }

    @Test
    void arenasComeInPairsFromHugePageAlignedChunks() {
        try (var a = new BlockAllocator()) {
            int perArena = BlockAllocator.MAX_POOLS_IN_ARENA * ((BlockAllocator.POOL_SIZE - BlockAllocator.POOL_OVERHEAD) / 512);
            List<Long> blocks = new ArrayList<>();
            for (int i = 0; i <= perArena; i++) blocks.add(a.malloc(512));
            long first = blocks.get(0) & ~BlockAllocator.ARENA_MASK;
            long second = blocks.get(perArena) & ~BlockAllocator.ARENA_MASK;
            assertEquals(2, a.arenasCurrent());
            assertEquals(0, first & (BlockAllocator.HUGE_PAGE_SIZE - 1), "a chunk starts on a huge-page boundary");
            assertEquals(first + BlockAllocator.ARENA_SIZE, second, "the second arena is the chunk's other half");
            assertEquals(2L * BlockAllocator.ARENA_SIZE, a.footprint(), "footprint counts arenas, not chunks");
            // each half is released on its own: freeing the second arena's block empties it; it is
            // the last usable arena, so it stays, and the first, emptied next, is released
            a.free(blocks.get(perArena));
            for (int i = 0; i < perArena; i++) a.free(blocks.get(i));
            assertEquals(1, a.arenasCurrent());
            assertTrue(a.verify().isEmpty(), a.verify().toString());
            assertTrue(a.isReadable(second, 8) != a.isReadable(first, 8), "exactly one half is still an arena");
        }
    }

    @Test
    void freedBlockIsReusedFirst() {
        try (var a = new BlockAllocator()) {
            long p = a.malloc(56);
            long q = a.malloc(56);
            a.free(p);
            assertEquals(p, a.malloc(60), "the block freed last is handed out next");
            assertNotEquals(q, p);
            assertTrue(a.verify().isEmpty(), a.verify().toString());
        }
    }

    @Test
    void freedBlockFirstWordLinksToPreviousFreeBlock() {
        try (var a = new BlockAllocator()) {
            long p = a.malloc(32);
            long q = a.malloc(32);
            long tail = a.malloc(32);
            Native.putLong(p, 12345);
            a.free(p);
            // p's pool still had untouched blocks on its free list, so p's first word points to that block
            assertNotEquals(12345, Native.getLong(p));
            a.free(q);
            assertEquals(p, Native.getLong(q), "q's first word is the previous free-list head, p");
            a.free(tail);
        }
    }

    @Test
    void blocksOfOnePoolShareItsAddressAndAreSixteenAligned() {
        try (var a = new BlockAllocator()) {
            long p = a.malloc(8);
            long q = a.malloc(8);
            assertEquals(0, p % 16);
            assertEquals(p & ~BlockAllocator.POOL_MASK, q & ~BlockAllocator.POOL_MASK);
            assertEquals(16, q - p);
            assertEquals(BlockAllocator.POOL_OVERHEAD, p & BlockAllocator.POOL_MASK, "first block follows the 48-byte pool header");
        }
    }

    @Test
    void largeRequestsAndZeroGoToMalloc() {
        try (var a = new BlockAllocator()) {
            long big = a.malloc(513);
            long zero = a.malloc(0);
            assertEquals(513, a.blockSize(big));
            assertTrue(a.isAllocatedBlock(big));
            assertTrue(a.isReadable(big + 500, 8));
            a.free(big);
            a.free(zero);
            assertFalse(a.isAllocatedBlock(big));
            assertEquals(0, a.allocatedBytes());
        }
    }

    @Test
    void wholeArenaIsReturnedExceptTheLastOne() {
        try (var a = new BlockAllocator()) {
            List<Long> blocks = new ArrayList<>();
            for (int i = 0; i < 300_000; i++) blocks.add(a.malloc(48));
            int peakArenas = a.stats().arenasCurrent();
            assertTrue(peakArenas >= 13, "300k 48-byte blocks need 14 MiB: " + peakArenas);
            for (long b : blocks) a.free(b);
            MallocStats s = a.stats();
            assertEquals(1, s.arenasCurrent(), "one wholly free arena is kept");
            assertEquals(peakArenas - 1, s.arenasReclaimed());
            assertTrue(a.verify().isEmpty(), a.verify().toString());
        }
    }

    @Test
    void fullPoolRejoinsUsedPoolsWhenABlockIsFreed() {
        try (var a = new BlockAllocator()) {
            int perPool = (BlockAllocator.POOL_SIZE - BlockAllocator.POOL_OVERHEAD) / 512;
            long[] blocks = new long[perPool];
            for (int i = 0; i < perPool; i++) blocks[i] = a.malloc(512);
            long next = a.malloc(512);
            assertNotEquals(blocks[0] & ~BlockAllocator.POOL_MASK, next & ~BlockAllocator.POOL_MASK, "full pool is skipped");
            a.free(blocks[3]);
            assertEquals(blocks[3], a.malloc(512), "the pool with a freed block serves first");
            assertTrue(a.verify().isEmpty(), a.verify().toString());
        }
    }

    @Test
    void limitIsEnforcedWithoutTakingAnything() {
        try (var a = new BlockAllocator(3L * BlockAllocator.ARENA_SIZE)) {
            List<Long> blocks = new ArrayList<>();
            HeapLimitExceeded e = assertThrows(HeapLimitExceeded.class, () -> {
                while (true) blocks.add(a.malloc(256));
            });
            assertTrue(e.getMessage().contains("limit"));
            assertThrows(HeapLimitExceeded.class, () -> a.malloc(4 * BlockAllocator.ARENA_SIZE));
            assertTrue(a.verify().isEmpty());
            a.free(blocks.removeLast());
            assertDoesNotThrow(() -> a.malloc(256));
        }
    }

    @Test
    void reallocKeepsBlockWhileItFitsAndMovesOtherwise() {
        try (var a = new BlockAllocator()) {
            long p = a.malloc(64);
            Native.putLong(p, 42);
            assertEquals(p, a.realloc(p, 60));
            long q = a.realloc(p, 200);
            assertNotEquals(p, q);
            assertEquals(42, Native.getLong(q));
            long r = a.realloc(q, 16);
            assertNotEquals(q, r, "shrinking below three quarters moves the data");
            assertEquals(42, Native.getLong(r));
            a.free(r);
            assertEquals(0, a.allocatedBytes());
        }
    }

    @Test
    void bug_largeBlockReallocStaysWithTheCLibrary() {
        // 3.11's pymalloc_realloc leaves a block it does not manage to libc's realloc whatever the
        // new size; refheap moved every large block to a fresh one (a large str's id changed at
        // every in-place append, where CPython's realloc grows it where it is)
        try (var a = new BlockAllocator()) {
            long p = a.malloc(1000);
            Native.putLong(p, 42);
            Native.putLong(p + 992, 43);
            a.setTag(p, 2);
            long q = a.realloc(p, 4000);
            assertEquals(42, Native.getLong(q));
            assertEquals(43, Native.getLong(q + 992));
            assertEquals(4000, a.allocatedBytes());
            assertEquals(2, a.tagOf(q), "the block keeps its tag where it goes");
            long r = a.realloc(q, 100);
            assertEquals(42, Native.getLong(r));
            assertEquals(100, a.allocatedBytes(), "still libc's block, of the size asked for (not a 112-byte class)");
            assertEquals(0, a.allocatedBlocks(), "no pymalloc block");
            a.free(r);
            assertEquals(0, a.allocatedBytes());
        }
    }

    @Test
    void tagsFindEveryTaggedBlock() {
        try (var a = new BlockAllocator()) {
            long p = a.malloc(32), q = a.malloc(100), big = a.malloc(4000), untagged = a.malloc(32);
            a.setTag(p, 1);
            a.setTag(q, 2);
            a.setTag(big, 3);
            List<String> seen = new ArrayList<>();
            a.forEachTagged((b, t) -> seen.add(b + ":" + t));
            assertEquals(List.of(p + ":1", q + ":2", big + ":3"), seen);
            a.free(p);
            assertEquals(0, a.tagOf(a.malloc(32)), "a reused block starts untagged");
            assertEquals(0, a.tagOf(untagged));
        }
    }

    /** The small-block path reads the arena from the pool header: the same tags as setTag, in every arena. */
    @Test
    void smallBlockTagsAgreeWithSetTag() {
        try (var a = new BlockAllocator()) {
            List<Long> blocks = new ArrayList<>();
            for (int i = 0; i < 40_000; i++) blocks.add(a.malloc(16 + 16 * (i % 32)));  // several arenas, every size class
            for (int i = 0; i < blocks.size(); i++) a.setSmallBlockTag(blocks.get(i), 1 + i % 3);
            for (int i = 0; i < blocks.size(); i++) assertEquals(1 + i % 3, a.tagOf(blocks.get(i)), "block " + i);
            for (int i = 0; i < blocks.size(); i += 2) a.setSmallBlockTag(blocks.get(i), 0);
            long[] tagged = {0};
            a.forEachTagged((b, t) -> tagged[0]++);
            assertEquals(blocks.size() / 2, tagged[0]);
            assertTrue(a.arenasCurrent() > 2);
        }
    }

    @Test
    void readableOnlyInsideHeldMemory() {
        try (var a = new BlockAllocator()) {
            long p = a.malloc(16);
            long s = a.allocateStatic(100);
            assertTrue(a.isReadable(p, 8));
            assertTrue(a.isReadable(s + 92, 8));
            assertFalse(a.isReadable(s + 96, 8));
            assertFalse(a.isReadable(0, 8));
            assertFalse(a.isReadable(8, 8));
            assertFalse(a.isReadable(-8, 8));
        }
    }

    @Test
    void debugMallocStatsLayout() {
        try (var a = new BlockAllocator()) {
            for (int i = 0; i < 10; i++) a.malloc(20);
            String text = a.stats().format();
            assertTrue(text.startsWith("Small block threshold = 512, in 32 size classes.\n"));
            assertTrue(text.contains("    1     32           1              10           500\n"), text);
            assertTrue(text.contains("# arenas allocated current         =                    1\n"), text);
        }
    }
}
