package dev.refheap.memory;

import java.util.Locale;

/**
 * A snapshot of the allocator, in the terms and layout of CPython's {@code sys._debugmallocstats()}.
 *
 * @param pools          per size class: pools in use (not empty)
 * @param blocksInUse    per size class: allocated blocks
 * @param availBlocks    per size class: free blocks in the used and full pools
 * @param largeBytes     bytes in large blocks (served by malloc)
 * @param staticBytes    bytes in static regions (statically allocated runtime objects)
 * @param allocatedBytes bytes in allocated small blocks plus large blocks
 * @param peakAllocatedBytes the highest {@code allocatedBytes} seen
 */
public record MallocStats(int[] pools, long[] blocksInUse, long[] availBlocks,
                          int arenasTotal, int arenasReclaimed, int arenasHighwater, int arenasCurrent,
                          long unusedPools, long quantizationBytes, long arenaAlignmentBytes,
                          long largeBytes, long staticBytes, long allocatedBytes, long peakAllocatedBytes) {

    public long totalPools() {
        long n = 0;
        for (int p : pools) n += p;
        return n;
    }

    public long smallBytesInUse() {
        long n = 0;
        for (int i = 0; i < blocksInUse.length; i++) n += blocksInUse[i] * BlockAllocator.classSize(i);
        return n;
    }

    public long smallBytesAvailable() {
        long n = 0;
        for (int i = 0; i < availBlocks.length; i++) n += availBlocks[i] * BlockAllocator.classSize(i);
        return n;
    }

    /** The allocator part of {@code sys._debugmallocstats()}, byte for byte in CPython's layout. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append("Small block threshold = ").append(BlockAllocator.SMALL_REQUEST_THRESHOLD)
           .append(", in ").append(BlockAllocator.NB_SMALL_SIZE_CLASSES).append(" size classes.\n\n");
        out.append("class   size   num pools   blocks in use  avail blocks\n");
        out.append("-----   ----   ---------   -------------  ------------\n");
        for (int i = 0; i < pools.length; i++) {
            if (pools[i] == 0) continue;
            out.append(String.format(Locale.ROOT, "%5d %6d %11d %15d %13d%n",
                    i, BlockAllocator.classSize(i), pools[i], blocksInUse[i], availBlocks[i]));
        }
        out.append('\n');
        line(out, "# arenas allocated total", arenasTotal);
        line(out, "# arenas reclaimed", arenasReclaimed);
        line(out, "# arenas highwater mark", arenasHighwater);
        line(out, "# arenas allocated current", arenasCurrent);
        line(out, arenasCurrent + " arenas * " + BlockAllocator.ARENA_SIZE + " bytes/arena",
                (long) arenasCurrent * BlockAllocator.ARENA_SIZE);
        out.append('\n');
        long headers = totalPools() * BlockAllocator.POOL_OVERHEAD;
        line(out, "# bytes in allocated blocks", smallBytesInUse());
        line(out, "# bytes in available blocks", smallBytesAvailable());
        line(out, unusedPools + " unused pools * " + BlockAllocator.POOL_SIZE + " bytes",
                unusedPools * BlockAllocator.POOL_SIZE);
        line(out, "# bytes lost to pool headers", headers);
        line(out, "# bytes lost to quantization", quantizationBytes);
        line(out, "# bytes lost to arena alignment", arenaAlignmentBytes);
        line(out, "Total", smallBytesInUse() + smallBytesAvailable() + unusedPools * BlockAllocator.POOL_SIZE
                + headers + quantizationBytes + arenaAlignmentBytes);
        out.append('\n');
        return out.toString();
    }

    /** One {@code label = value} line: the label padded to 35 columns, the value with thousands separators. */
    public static void line(StringBuilder out, String label, long value) {
        out.append(String.format(Locale.ROOT, "%-35s=%21s%n", label, String.format(Locale.ROOT, "%,d", value)));
    }

    /** A free-list line: the label right-aligned in 48 columns, as CPython prints its free lists. */
    public static void freeListLine(StringBuilder out, String label, long value) {
        out.append(String.format(Locale.ROOT, "%48s =%21s%n", label, String.format(Locale.ROOT, "%,d", value)));
    }
}
