package dev.refheap.memory;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The allocator's image (BlockAllocator.writeImage / restoreImage): a heap written out, its memory
 * released, and mapped back at the same addresses holds the same blocks, contents and tags,
 * verifies, and behaves as the original would have from that point (the same addresses for the
 * same requests). Large blocks are made bigger than glibc's largest mmap threshold (32 MiB) so
 * that closing the original really unmaps them and the same process can map them back.
 */
class HeapImageTest {
    /** Always served by glibc's mmap, so free() unmaps it. */
    private static final int HUGE = (32 << 20) + 4096;

    private static byte[] image(BlockAllocator a) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            a.writeImage(out);
        }
        return bytes.toByteArray();
    }

    private static BlockAllocator restore(byte[] image) throws IOException {
        return BlockAllocator.restoreImage(new DataInputStream(new ByteArrayInputStream(image)), Long.MAX_VALUE);
    }

    /** A recognisable fill for block {@code p} of {@code n} bytes (its first word stays free for the allocator's lists once freed). */
    private static void fill(long p, long n) {
        for (long off = 0; off + 8 <= n; off += 8) Native.putLong(p + off, p * 31 + off);
    }

    private static void assertFilled(long p, long n) {
        for (long off = 0; off + 8 <= n; off += 8) {
            if (Native.getLong(p + off) != p * 31 + off) fail("block 0x" + Long.toHexString(p) + " differs at +" + off);
        }
    }

    @Test
    void restoredAllocatorHoldsTheSameBlocksTagsAndCountsAtTheSameAddresses() throws IOException {
        List<long[]> live = new ArrayList<>();  // {address, size, tag}
        BlockAllocator a = new BlockAllocator();
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            long n = 1 + r.nextInt(512);
            long p = a.malloc(n);
            fill(p, n);
            int tag = 1 + r.nextInt(3);
            a.setTag(p, tag);
            live.add(new long[] {p, n, tag});
            if (r.nextInt(3) == 0) a.free(live.remove(r.nextInt(live.size()))[0]);
        }
        long big = a.malloc(HUGE);
        fill(big, HUGE);
        a.setTag(big, 2);
        live.add(new long[] {big, HUGE, 2});
        long allocated = a.allocatedBytes(), blocks = a.allocatedBlocks();
        int arenas = a.arenasCurrent();
        String stats = a.stats().format();
        byte[] img = image(a);
        a.close();

        try (BlockAllocator b = restore(img)) {
            assertTrue(b.verify().isEmpty(), b.verify().toString());
            assertEquals(allocated, b.allocatedBytes());
            assertEquals(blocks, b.allocatedBlocks());
            assertEquals(arenas, b.arenasCurrent());
            assertEquals(stats, b.stats().format());
            for (long[] l : live) {
                assertTrue(b.isAllocatedBlock(l[0]), "still allocated: 0x" + Long.toHexString(l[0]));
                assertEquals((int) l[2], b.tagOf(l[0]));
                assertFilled(l[0], l[1]);
            }
            int[] seen = {0};
            b.forEachTagged((block, tag) -> seen[0]++);
            assertEquals(live.size(), seen[0], "the tags find exactly the live blocks");
            // a restored large block is freed without reaching malloc, and the heap stays consistent
            b.free(big);
            assertTrue(b.verify().isEmpty(), b.verify().toString());
        }
    }

    @Test
    void anImageWhoseMemoryIsStillMappedIsRefusedAndLeavesNothingMapped() throws IOException {
        BlockAllocator a = new BlockAllocator();
        long p = a.malloc(100);
        byte[] img = image(a);
        var e = assertThrows(BlockAllocator.ImageException.class, () -> restore(img));
        assertTrue(e.getMessage().contains("already mapped"), e.getMessage());
        a.close();
        try (BlockAllocator b = restore(img)) {  // the failed attempt unmapped what it had mapped
            assertTrue(b.isAllocatedBlock(p));
        }
        assertThrows(BlockAllocator.ImageException.class, () -> restore(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
    }

    @Test
    void bug_regionsSharingAPageAreMappedAsOneRangeWithoutLooping() {
        // three malloc'd regions on two pages, then one on pages of its own: restoring the start-up
        // heap (154 regions) hung in the loop that merged neighbours (it never advanced)
        long[] addr = {0x10010, 0x10400, 0x10ff0, 0x20000}, size = {600, 3000, 0x20, 8192};
        List<long[]> r = BlockAllocator.pageRanges(addr, size);
        assertEquals(2, r.size());
        assertArrayEquals(new long[] {0x10000, 0x2000}, r.get(0));
        assertArrayEquals(new long[] {0x20000, 0x2000}, r.get(1));
        assertEquals(0, BlockAllocator.pageRanges(new long[0], new long[0]).size());
    }

    @Test
    void imagesRefuseAnInstalledHook() {
        try (BlockAllocator a = new BlockAllocator()) {
            a.setHook(new AllocationHook() {
                @Override public void onMalloc(long p, long n) {}
                @Override public void onRealloc(long o, long p, long n) {}
                @Override public void onFree(long p) {}
            });
            assertThrows(IllegalStateException.class, () -> image(a));
        }
    }

    /**
     * From an image on, the restored allocator answers every request as the original did: the same
     * addresses for mallocs and reallocs, the same reuse after frees, the same counts, and it verifies.
     */
    @Property(tries = 25)
    void aRestoredAllocatorBehavesAsTheOriginal(@ForAll long seed) throws IOException {
        Random r = new Random(seed);
        BlockAllocator a = new BlockAllocator();
        List<Long> live = new ArrayList<>();
        for (int i = 0, n = r.nextInt(6000); i < n; i++) step(a, r, live, null);
        byte[] img = image(a);
        List<Long> before = new ArrayList<>(live);
        long next = r.nextLong();
        List<Long> original = new ArrayList<>();
        Random q = new Random(next);
        for (int i = 0; i < 400; i++) step(a, q, live, original);
        long allocated = a.allocatedBytes();
        a.close();

        try (BlockAllocator b = restore(img)) {
            assertTrue(b.verify().isEmpty(), b.verify().toString());
            List<Long> restored = new ArrayList<>();
            Random q2 = new Random(next);
            List<Long> live2 = new ArrayList<>(before);
            for (int i = 0; i < 400; i++) step(b, q2, live2, restored);
            assertEquals(original, restored, "the same requests get the same addresses");
            assertEquals(allocated, b.allocatedBytes());
            assertTrue(b.verify().isEmpty(), b.verify().toString());
        }
    }

    /** One random request: a malloc (tagged, filled), a free or a realloc; the addresses handed out go to {@code out}. */
    private static void step(BlockAllocator a, Random r, List<Long> live, List<Long> out) {
        int k = r.nextInt(10);
        if (k < 6 || live.isEmpty()) {
            long n = 1 + r.nextInt(512);  // small blocks only: malloc's are not mapped back in this process
            long p = a.malloc(n);
            a.setTag(p, 1 + r.nextInt(3));
            Native.fill(p, n, (byte) n);
            live.add(p);
            if (out != null) out.add(p);
        } else if (k < 9) {
            a.free(live.remove(r.nextInt(live.size())));
        } else {
            int i = r.nextInt(live.size());
            long p = a.realloc(live.get(i), 1 + r.nextInt(512));
            live.set(i, p);
            if (out != null) out.add(p);
        }
    }
}
