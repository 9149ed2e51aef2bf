package dev.refheap.memory;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The allocator's image (BlockAllocator.writeImage / restoreImage): a heap written to a file, its
 * memory released, and mapped back from the file at the same addresses holds the same blocks,
 * contents and tags, verifies, and behaves as the original would have from that point (the same
 * addresses for the same requests), in the same JVM and in a fresh one (child processes). A
 * damaged, cut or foreign image is refused with nothing left mapped.
 */
class HeapImageTest {
    static final byte[] KEY = "test-key".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private static BlockAllocator restore(Path image) throws IOException {
        return BlockAllocator.restoreImage(image, KEY, Long.MAX_VALUE);
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
        assertTrue(AddressSpace.isFixed(), "the test process reserves refheap's range at its fixed address");
        List<long[]> live = new ArrayList<>();  // {address, size, tag}
        BlockAllocator a = new BlockAllocator();
        a.setOwnedLargeBlocks(true);
        long stat = a.allocateStatic(100_000);
        fill(stat, 100_000);
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            long n = r.nextInt(50) == 0 ? 513 + r.nextInt(20_000) : 1 + r.nextInt(512);
            long p = a.malloc(n);
            fill(p, n);
            int tag = 1 + r.nextInt(3);
            a.setTag(p, tag);
            live.add(new long[] {p, n, tag});
            if (r.nextInt(3) == 0) a.free(live.remove(r.nextInt(live.size()))[0]);
        }
        long allocated = a.allocatedBytes(), blocks = a.allocatedBlocks();
        int arenas = a.arenasCurrent();
        String stats = a.stats().format();
        Path img = dir.resolve("heap.img");
        a.writeImage(img, KEY);
        a.close();

        try (BlockAllocator b = restore(img)) {
            assertTrue(b.verify().isEmpty(), b.verify().toString());
            assertEquals(allocated, b.allocatedBytes());
            assertEquals(blocks, b.allocatedBlocks());
            assertEquals(arenas, b.arenasCurrent());
            assertEquals(stats, b.stats().format());
            assertFilled(stat, 100_000);
            for (long[] l : live) {
                assertTrue(b.isAllocatedBlock(l[0]), "still allocated: 0x" + Long.toHexString(l[0]));
                assertEquals((int) l[2], b.tagOf(l[0]));
                assertFilled(l[0], l[1]);
            }
            int[] seen = {0};
            b.forEachTagged((block, tag) -> seen[0]++);
            assertEquals(live.size(), seen[0], "the tags find exactly the live blocks");
            // the mapping is private: writing the restored memory leaves the file as it was
            byte[] file = Files.readAllBytes(img);
            Native.putLong(stat, 12345);
            assertArrayEquals(file, Files.readAllBytes(img));
            for (long[] l : live) if (l[1] > 512) b.free(l[0]);  // owned large blocks go back to the owned range
            assertTrue(b.verify().isEmpty(), b.verify().toString());
        }
    }

    /** The layer above's section: read back without mapping anything (while the memory is still in use), and with the restored allocator. */
    @Test
    void theSectionOfTheLayerAboveComesBackWithAndWithoutTheMemory() throws IOException {
        byte[] section = new byte[5000];
        new Random(3).nextBytes(section);
        Path img = dir.resolve("heap.img");
        BlockAllocator a = new BlockAllocator();
        a.setOwnedLargeBlocks(true);
        long small = a.malloc(100), large = a.malloc(3000);
        a.writeImage(img, KEY, section);
        long inUse = AddressSpace.inUse();
        assertArrayEquals(section, BlockAllocator.readImageSection(img, KEY));
        assertEquals(inUse, AddressSpace.inUse(), "reading the section maps nothing");
        var e = assertThrows(BlockAllocator.ImageException.class,
                () -> BlockAllocator.readImageSection(img, "other".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("another key"), e.getMessage());
        assertEquals(0, a.imageSection().length, "an allocator made new has no section");
        assertArrayEquals(section, BlockAllocator.readImageSection(img, KEY, true), "the memory's checksum checked from the file");
        byte[] good = Files.readAllBytes(img);
        byte[] bad = good.clone();
        bad[bad.length - 100] ^= 0x40;
        Files.write(img, bad);
        assertArrayEquals(section, BlockAllocator.readImageSection(img, KEY), "without the memory's check");
        e = assertThrows(BlockAllocator.ImageException.class, () -> BlockAllocator.readImageSection(img, KEY, true));
        assertTrue(e.getMessage().contains("memory is damaged"), e.getMessage());
        Files.write(img, good);
        a.close();
        try (BlockAllocator b = restore(img)) {
            assertArrayEquals(section, b.imageSection());
            assertTrue(b.isAllocatedBlock(small) && b.isAllocatedBlock(large));
        }
        a = new BlockAllocator();
        a.writeImage(img, KEY);
        assertEquals(0, BlockAllocator.readImageSection(img, KEY).length, "an image written without a section has an empty one");
        a.close();
    }

    /** An allocator that holds nothing wrote a file shorter than its header's data offset, which restoring refused. */
    @Test
    void bug_anEmptyAllocatorsImageIsRestored() throws IOException {
        Path img = dir.resolve("empty.img");
        try (BlockAllocator a = new BlockAllocator()) {
            a.writeImage(img, KEY);
        }
        try (BlockAllocator b = restore(img)) {
            assertEquals(0, b.allocatedBytes());
            assertTrue(b.verify().isEmpty());
        }
    }

    @Test
    void anImageWhoseMemoryIsStillInUseIsRefusedAndLeavesNothingMapped() throws IOException {
        BlockAllocator a = new BlockAllocator();
        long p = a.malloc(100);
        Path img = dir.resolve("heap.img");
        a.writeImage(img, KEY);
        long inUse = AddressSpace.inUse();
        var e = assertThrows(BlockAllocator.ImageException.class, () -> restore(img));
        assertTrue(e.getMessage().contains("already in use"), e.getMessage());
        assertEquals(inUse, AddressSpace.inUse(), "the failed attempt gave back what it had claimed");
        a.close();
        try (BlockAllocator b = restore(img)) {
            assertTrue(b.isAllocatedBlock(p));
        }
    }

    @Test
    void damagedCutOrForeignImagesAreRefused() throws IOException {
        Path img = dir.resolve("heap.img");
        try (BlockAllocator a = new BlockAllocator()) {
            for (int i = 0; i < 1000; i++) a.malloc(1 + i % 500);
            a.writeImage(img, KEY);
        }
        byte[] good = Files.readAllBytes(img);
        long inUse = AddressSpace.inUse();
        assertRefused(img, good, -1, "made for another key", "other".getBytes(StandardCharsets.UTF_8));
        assertRefused(img, flip(good, good.length - 100), -1, "memory is damaged", KEY);
        assertRefused(img, flip(good, 90), -1, "bookkeeping is damaged", KEY);
        assertRefused(img, flip(good, 20), -1, "header is damaged", KEY);
        assertRefused(img, good, good.length - 4096, "length does not match", KEY);
        assertRefused(img, good, 10, "not a refheap heap image", KEY);
        assertRefused(img, "#!/bin/sh\necho not an image at all, but long enough for a header......".getBytes(StandardCharsets.UTF_8),
                -1, "not a refheap heap image", KEY);
        assertEquals(inUse, AddressSpace.inUse(), "refused images leave nothing claimed");
        Files.write(img, good);
        try (BlockAllocator b = restore(img)) {
            assertTrue(b.verify().isEmpty());
            assertEquals(1000, b.allocatedBlocks());
        }
    }

    private static byte[] flip(byte[] b, int at) {
        byte[] c = b.clone();
        c[at] ^= 0x40;
        return c;
    }

    private static void assertRefused(Path img, byte[] bytes, int length, String why, byte[] key) throws IOException {
        Files.write(img, length < 0 ? bytes : java.util.Arrays.copyOf(bytes, length));
        var e = assertThrows(BlockAllocator.ImageException.class, () -> BlockAllocator.restoreImage(img, key, Long.MAX_VALUE));
        assertTrue(e.getMessage().contains(why), e.getMessage() + " (expected: " + why + ")");
    }

    @Test
    void aCLibraryBlockCannotBeImaged() throws IOException {
        try (BlockAllocator a = new BlockAllocator()) {
            long big = a.malloc(1000);  // program time: the C library's
            Path img = dir.resolve("heap.img");
            var e = assertThrows(BlockAllocator.ImageException.class, () -> a.writeImage(img, KEY));
            assertTrue(e.getMessage().contains("large block at 0x" + Long.toHexString(big)), e.getMessage());
            assertFalse(Files.exists(img));
            a.free(big);
            a.writeImage(img, KEY);
            assertTrue(Files.exists(img));
        }
    }

    @Test
    void aFailedWriteThrowsAndLeavesNoFileAndAReplacedImageKeepsTheMappedOneIntact() throws IOException {
        Path img = dir.resolve("heap.img");
        try (BlockAllocator a = new BlockAllocator()) {
            a.malloc(64);
            assertThrows(IOException.class, () -> a.writeImage(dir.resolve("missing/heap.img"), KEY));
            Path blocked = dir.resolve("blocked");
            Files.createDirectory(blocked);
            Files.createDirectory(blocked.resolve("heap.img"));  // a directory where the file should go
            Files.writeString(blocked.resolve("heap.img").resolve("x"), "x");
            assertThrows(IOException.class, () -> a.writeImage(blocked.resolve("heap.img"), KEY));
            try (var files = Files.list(blocked)) {
                assertEquals(List.of("heap.img"), files.map(f -> f.getFileName().toString()).toList(), "no temporary file left");
            }
            a.writeImage(img, KEY);
        }
        try (BlockAllocator b = restore(img)) {
            long next = b.malloc(64);
            Native.putLong(next, 77);
            b.writeImage(img, KEY);  // replaced by rename: b's mapping keeps the old file
            assertEquals(77, Native.getLong(next));
            assertTrue(b.verify().isEmpty());
        }
    }

    @Test
    void imagesRefuseAnInstalledHook() {
        try (BlockAllocator a = new BlockAllocator()) {
            a.setHook(new AllocationHook() {
                @Override public void onMalloc(long p, long n) {}
                @Override public void onRealloc(long o, long p, long n) {}
                @Override public void onFree(long p) {}
            });
            assertThrows(IllegalStateException.class, () -> a.writeImage(dir.resolve("x.img"), KEY));
        }
    }

    /**
     * From an image on, the restored allocator answers every request as the original did: the same
     * addresses for mallocs and reallocs, the same reuse after frees, the same counts, and it verifies.
     */
    @Property(tries = 25)
    void aRestoredAllocatorBehavesAsTheOriginal(@ForAll long seed) throws IOException {
        Path img = Files.createTempFile("refheap-image-test", ".img");
        try {
            Random r = new Random(seed);
            BlockAllocator a = new BlockAllocator();
            List<Long> live = new ArrayList<>();
            build(a, r, live);
            a.writeImage(img, KEY);
            List<Long> before = new ArrayList<>(live);
            long next = new Random(seed + 1).nextLong();
            Unmapper.drain();  // arenas released before the image are free again, as in the restoring process
            List<String> original = continueRequests(a, next, live);
            long allocated = a.allocatedBytes();
            a.close();
            try (BlockAllocator b = restore(img)) {
                assertTrue(b.verify().isEmpty(), b.verify().toString());
                List<String> restored = continueRequests(b, next, new ArrayList<>(before));
                assertEquals(original, restored, "the same requests get the same addresses");
                assertEquals(allocated, b.allocatedBytes());
                assertTrue(b.verify().isEmpty(), b.verify().toString());
            }
        } finally {
            Files.deleteIfExists(img);
        }
    }

    /**
     * The same in a fresh JVM: one child process builds a heap from the seed, writes the image and
     * goes on with the next requests; another restores the image and makes the same requests. Both
     * print what they got, and the two lists are equal.
     */
    @Property(tries = 4)
    void aRestoredAllocatorInAFreshJvmBehavesAsTheOriginal(@ForAll long seed) throws Exception {
        Path img = Files.createTempFile("refheap-image-test", ".img");
        try {
            String original = child("write", img, seed);
            String restored = child("restore", img, seed);
            assertTrue(original.startsWith("ok "), original);
            assertEquals(original, restored);
        } finally {
            Files.deleteIfExists(img);
        }
    }

    private static String child(String mode, Path img, long seed) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), HeapImageTest.class.getName(), mode, img.toString(),
                Long.toString(seed)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    /** The child process: {@code write IMAGE SEED} or {@code restore IMAGE SEED}; prints "ok" and the continuation's answers. */
    public static void main(String[] args) throws IOException {
        Path img = Path.of(args[1]), liveFile = Path.of(args[1] + ".live");
        Random r = new Random(Long.parseLong(args[2]));
        List<Long> live = new ArrayList<>();
        BlockAllocator a;
        if (args[0].equals("write")) {
            a = new BlockAllocator();
            build(a, r, live);
            a.writeImage(img, KEY);
            Files.write(liveFile, live.stream().map(Long::toHexString).toList());
            Unmapper.drain();
        } else {
            for (String l : Files.readAllLines(liveFile)) live.add(Long.parseUnsignedLong(l, 16));
            Files.delete(liveFile);
            a = restore(img);
            if (!a.verify().isEmpty()) throw new AssertionError(a.verify().toString());
        }
        List<String> answers = continueRequests(a, new Random(Long.parseLong(args[2]) + 1).nextLong(), live);
        if (!a.verify().isEmpty()) throw new AssertionError(a.verify().toString());
        System.out.println("ok " + a.allocatedBytes() + " " + a.allocatedBlocks() + " " + answers);
        a.close();
    }

    /** The heap an image is taken of: a start-up-like phase, statics and large blocks from the owned range. */
    private static void build(BlockAllocator a, Random r, List<Long> live) {
        a.setOwnedLargeBlocks(true);
        a.allocateStatic(1 + r.nextInt(200_000));
        for (int i = 0, n = r.nextInt(6000); i < n; i++) step(a, r, live, null, true);
        a.setOwnedLargeBlocks(false);
    }

    /** The requests after the image: large blocks from the C library again (their addresses are libc's: reported as "libc"). */
    private static List<String> continueRequests(BlockAllocator a, long seed, List<Long> live) {
        List<String> out = new ArrayList<>();
        Random q = new Random(seed);
        for (int i = 0; i < 400; i++) step(a, q, live, out, false);
        out.add("allocated " + a.allocatedBytes());
        return out;
    }

    /** One random request: a malloc (tagged, filled; one in twenty large), a free or a realloc; what it returned goes to {@code out}. */
    private static void step(BlockAllocator a, Random r, List<Long> live, List<String> out, boolean owned) {
        int k = r.nextInt(10);
        if (k < 6 || live.isEmpty()) {
            long n = r.nextInt(20) == 0 ? 513 + r.nextInt(9000) : 1 + r.nextInt(512);
            long p = a.malloc(n);
            a.setTag(p, 1 + r.nextInt(3));
            Native.fill(p, Math.min(n, 600), (byte) n);
            live.add(p);
            if (out != null) out.add(describe(p, n, owned));
        } else if (k < 9) {
            a.free(live.remove(r.nextInt(live.size())));
        } else {
            int i = r.nextInt(live.size());
            long n = r.nextInt(4) == 0 ? 513 + r.nextInt(9000) : 1 + r.nextInt(512);
            long p = a.realloc(live.get(i), n);
            live.set(i, p);
            if (out != null) out.add(describe(p, n, owned));
        }
    }

    private static String describe(long p, long n, boolean owned) {
        return AddressSpace.contains(p) || owned ? Long.toHexString(p) : "libc";
    }
}
