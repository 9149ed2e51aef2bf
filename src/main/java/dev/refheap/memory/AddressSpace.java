package dev.refheap.memory;

import java.util.Map;
import java.util.TreeMap;

/**
 * The address range refheap owns: one reservation per process, at a fixed address, from which
 * arenas, static regions and the large blocks an image must carry are served, so that a heap
 * image's addresses are always free in a fresh process.
 *
 * <p>On first use the process reserves {@link #SIZE} (64 GiB) of address space at {@link #BASE}
 * (0x2000_0000_0000, 32 TiB: far below where Linux places {@code mmap}s, the stack and the
 * libraries near the top of the 47-bit user space, and far above the executable, the C heap and
 * the JVM's heap and class space low down), {@code PROT_NONE} and {@code MAP_NORESERVE}: no
 * memory, only a mapping that keeps everyone else out. Ranges handed out are committed
 * (read-write, zero) with {@code MAP_FIXED} inside it; released ranges are decommitted back to
 * {@code PROT_NONE}, never unmapped, so the range stays refheap's.
 *
 * <p>States: <b>fixed</b> (the reservation is at {@link #BASE}: images can be written and mapped
 * back), <b>moved</b> (that address was taken, e.g. by another program's mapping under a
 * different layout: the reservation is where the system put it; the heap works the same, and
 * images are refused, since a new process would reserve elsewhere), <b>none</b> (the system
 * refused any reservation, e.g. under a small {@code ulimit -v}: {@link #allocate} returns 0 and
 * the callers map and malloc as before). {@code -Drefheap.addressSpace=false} chooses none.
 *
 * <p>Invariants: the free ranges are disjoint, page-aligned, inside the reservation and never
 * adjacent (released ranges merge with their neighbours); a range is handed out at most once
 * until released. Handing out is first fit from the lowest address, so the same sequence of
 * requests gets the same addresses in every process: a process that maps an image claims its
 * ranges first ({@link #claim}) and then serves new requests from what is left.
 *
 * <p>Thread-safe (every heap of the process shares it; the {@link Unmapper} thread releases).
 */
final class AddressSpace {
    private AddressSpace() {}

    /** Where the reservation goes. */
    static final long BASE = 0x2000_0000_0000L;
    /** Its size: 64 GiB of address space, about 65,000 arenas. */
    static final long SIZE = 64L << 30;
    static final long PAGE = 4096;

    private static final Object LOCK = new Object();
    /** Start of the reservation, 0: none. */
    private static long base = -1;
    /** Free ranges of the reservation: start to end. */
    private static final TreeMap<Long, Long> free = new TreeMap<>();

    private static long base() {
        synchronized (LOCK) {
            if (base < 0) {
                long b = 0;
                if (!"false".equals(System.getProperty("refheap.addressSpace"))) {
                    b = Native.reserve(BASE, SIZE);
                    if (b == 0) b = Native.reserve(0, SIZE);
                }
                base = b;
                if (b != 0) free.put(b, b + SIZE);
            }
            return base;
        }
    }

    /** True if the reservation is at {@link #BASE}, where every process puts it (images can be mapped back). */
    static boolean isFixed() { return base() == BASE; }

    /** True if {@code addr} lies in the reservation. */
    static boolean contains(long addr) {
        long b = base();
        return b != 0 && addr - b >= 0 && addr - b < SIZE;
    }

    static long pageRound(long n) { return (n + PAGE - 1) & -PAGE; }

    /**
     * Hands out {@code size} bytes (a multiple of the page size) aligned to {@code align} (a power
     * of two, at least a page), committed and zero: the lowest free range that fits. Returns 0 if
     * there is no reservation, no room, or the system refuses the memory.
     */
    static long allocate(long size, long align) {
        synchronized (LOCK) {
            if (base() == 0) return 0;
            for (Map.Entry<Long, Long> e : free.entrySet()) {
                long start = e.getKey(), end = e.getValue();
                long p = (start + align - 1) & -align;
                if (p + size > end || p < start) continue;
                if (!Native.commit(p, size)) return 0;
                take(start, end, p, size);
                return p;
            }
            return 0;
        }
    }

    /**
     * Takes exactly {@code [addr, addr + size)} (page-aligned), not committed: the caller maps it
     * ({@link Native#commit}, {@link Native#mapFile}). False if any of it lies outside the
     * reservation or is in use.
     */
    static boolean claim(long addr, long size) {
        synchronized (LOCK) {
            if (base() == 0 || size <= 0 || (addr & (PAGE - 1)) != 0 || (size & (PAGE - 1)) != 0) return false;
            Map.Entry<Long, Long> e = free.floorEntry(addr);
            if (e == null || addr + size > e.getValue()) return false;
            take(e.getKey(), e.getValue(), addr, size);
            return true;
        }
    }

    private static void take(long start, long end, long p, long size) {
        free.remove(start);
        if (p > start) free.put(start, p);
        if (p + size < end) free.put(p + size, end);
    }

    /**
     * Gives back {@code [addr, addr + size)} wherever it lies: the reservation's part is
     * decommitted and becomes free again, the rest (mappings made before or outside it) is
     * unmapped.
     */
    static void release(long addr, long size) {
        long b = base();
        long lo = Math.max(addr, b), hi = Math.min(addr + size, b + SIZE);
        if (b == 0 || lo >= hi) {
            Native.munmap(addr, size);
            return;
        }
        if (addr < lo) Native.munmap(addr, lo - addr);
        if (addr + size > hi) Native.munmap(hi, addr + size - hi);
        synchronized (LOCK) {
            Native.decommit(lo, hi - lo);
            Map.Entry<Long, Long> before = free.floorEntry(lo);
            if (before != null && before.getValue() > lo) {
                throw new IllegalStateException("release of 0x" + Long.toHexString(lo) + ": already free");
            }
            long start = lo, end = hi;
            if (before != null && before.getValue() == lo) {
                start = before.getKey();
                free.remove(start);
            }
            Long after = free.get(hi);
            if (after != null) {
                end = after;
                free.remove(hi);
            }
            Map.Entry<Long, Long> next = free.ceilingEntry(start);
            if (next != null && next.getKey() < end) {
                throw new IllegalStateException("release of 0x" + Long.toHexString(lo) + ": overlaps a free range");
            }
            free.put(start, end);
        }
    }

    /** Bytes of the reservation in use (handed out or claimed), for tests and reports. */
    static long inUse() {
        synchronized (LOCK) {
            if (base() == 0) return 0;
            long f = 0;
            for (var e : free.entrySet()) f += e.getValue() - e.getKey();
            return SIZE - f;
        }
    }
}
