package dev.refheap.memory;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The owned range (AddressSpace) and what the allocator serves from it: arenas and statics always,
 * large blocks only while asked to (program-time large blocks stay the C library's, whose
 * realloc and reuse a program can observe).
 */
class AddressSpaceTest {
    @Test
    void theRangeIsReservedAtItsFixedAddressAndHandsOutTheLowestFreeRangeFirst() {
        assertTrue(AddressSpace.isFixed());
        assertTrue(AddressSpace.contains(AddressSpace.BASE));
        assertTrue(AddressSpace.contains(AddressSpace.BASE + AddressSpace.SIZE - 1));
        assertFalse(AddressSpace.contains(AddressSpace.BASE + AddressSpace.SIZE));
        assertFalse(AddressSpace.contains(AddressSpace.BASE - 1));
        long inUse = AddressSpace.inUse();
        long a = AddressSpace.allocate(3 * 4096, 4096);
        long b = AddressSpace.allocate(4096, 4096);
        assertEquals(a + 3 * 4096, b, "the lowest free range first");
        Native.putLong(a + 3 * 4096 - 8, 5);  // committed: writable
        AddressSpace.release(a, 3 * 4096);
        long c = AddressSpace.allocate(4096, 4096);
        assertEquals(a, c, "a released range is reused, lowest first");
        assertEquals(0, Native.getLong(c), "and zero again");
        long aligned = AddressSpace.allocate(1 << 20, 1 << 20);
        assertEquals(0, aligned & ((1 << 20) - 1));
        AddressSpace.release(c, 4096);
        AddressSpace.release(b, 4096);
        AddressSpace.release(aligned, 1 << 20);
        assertEquals(inUse, AddressSpace.inUse(), "released ranges merge back");
    }

    @Test
    void aClaimTakesExactlyAFreeRangeAndNothingInUse() {
        long a = AddressSpace.allocate(2 * 4096, 4096);
        assertFalse(AddressSpace.claim(a, 4096), "in use");
        assertFalse(AddressSpace.claim(a + 4096, 4096), "in use");
        assertFalse(AddressSpace.claim(AddressSpace.BASE + AddressSpace.SIZE, 4096), "outside");
        assertFalse(AddressSpace.claim(a + 2 * 4096 + 8, 4096), "not page-aligned");
        AddressSpace.release(a + 4096, 4096);
        assertTrue(AddressSpace.claim(a + 4096, 4096));
        assertTrue(Native.commit(a + 4096, 4096));
        AddressSpace.release(a, 2 * 4096);
        assertThrows(IllegalStateException.class, () -> AddressSpace.release(a, 4096), "released twice");
    }

    @Test
    void arenasAndStaticsComeFromTheOwnedRangeAndProgramTimeLargeBlocksFromTheCLibrary() {
        try (BlockAllocator a = new BlockAllocator()) {
            long small = a.malloc(100), stat = a.allocateStatic(70_000), big = a.malloc(1000);
            assertTrue(AddressSpace.contains(small));
            assertTrue(AddressSpace.contains(stat));
            assertFalse(AddressSpace.contains(big), "the C library's, as CPython's are");
            assertFalse(a.ownedLargeBlocks());
            a.setOwnedLargeBlocks(true);
            long owned = a.malloc(1000);
            assertTrue(AddressSpace.contains(owned));
            assertEquals(0, owned & 4095, "page-granular");
            a.free(big);
            a.free(owned);
            assertTrue(a.verify().isEmpty());
        }
    }

    @Test
    void anOwnedLargeBlockResizesInPlaceWithinItsPagesAndMovesBeyondThem() {
        try (BlockAllocator a = new BlockAllocator()) {
            a.setOwnedLargeBlocks(true);
            long p = a.malloc(1000);
            a.setTag(p, 2);
            Native.putLong(p, 42);
            assertEquals(p, a.realloc(p, 4000), "grows within its page");
            assertEquals(4000, a.allocatedBytes());
            assertEquals(p, a.realloc(p, 100), "shrinks in place (a libc block stays libc's at any size too)");
            assertEquals(100, a.allocatedBytes());
            assertEquals(0, a.allocatedBlocks(), "no pymalloc block");
            a.setOwnedLargeBlocks(false);
            long q = a.realloc(p, 5000);
            assertNotEquals(p, q);
            assertFalse(AddressSpace.contains(q), "beyond its pages it moves to a block of the current choice: libc's");
            assertEquals(42, Native.getLong(q));
            assertEquals(5000, a.allocatedBytes());
            assertFalse(a.isAllocatedBlock(p));
            a.free(q);
            assertEquals(0, a.allocatedBytes());
            assertTrue(a.verify().isEmpty());
        }
    }

    @Test
    void closingGivesEverythingBack() {
        long inUse = AddressSpace.inUse();
        BlockAllocator a = new BlockAllocator();
        a.setOwnedLargeBlocks(true);
        for (int i = 0; i < 100_000; i++) a.malloc(1 + i % 2000);
        a.allocateStatic(100_000);
        assertTrue(AddressSpace.inUse() > inUse);
        a.close();
        assertEquals(inUse, AddressSpace.inUse());
    }

    @Test
    void withoutTheOwnedRangeTheAllocatorMapsAndMallocsAsBeforeAndRefusesImages() throws Exception {
        // a fresh JVM with the range turned off, the fallback a process takes when the system refuses the reservation
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-Drefheap.addressSpace=false",
                "-cp", System.getProperty("java.class.path"), AddressSpaceTest.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals("outside outside outside ok refused: refheap's address range is not at its fixed address in this process\n", out);
    }

    public static void main(String[] args) throws Exception {
        try (BlockAllocator a = new BlockAllocator()) {
            a.setOwnedLargeBlocks(true);
            long small = a.malloc(100), stat = a.allocateStatic(70_000), big = a.malloc(1000);
            for (long x : new long[] {small, stat, big}) System.out.print(AddressSpace.contains(x) ? "inside " : "outside ");
            a.realloc(big, 3000);
            for (int i = 0; i < 50_000; i++) a.free(a.malloc(1 + i % 512));
            System.out.print(a.verify().isEmpty() ? "ok " : a.verify());
            try {
                a.writeImage(Path.of(System.getProperty("java.io.tmpdir"), "refheap-none.img"), new byte[0]);
            } catch (BlockAllocator.ImageException e) {
                System.out.println("refused: " + e.getMessage());
            }
        }
    }
}
