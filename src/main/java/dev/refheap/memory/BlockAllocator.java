package dev.refheap.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pymalloc-style allocator with CPython 3.11's 64-bit geometry.
 *
 * <h2>Allocation strategy</h2>
 * <pre>
 *   Request in bytes     Size of allocated block      Size class idx
 *   ----------------------------------------------------------------
 *          1-16                     16                       0
 *         17-32                     32                       1
 *          ...                     ...                     ...
 *        497-512                   512                      31
 *   0, or 513 and more     a large block from malloc      (none)
 * </pre>
 * Memory is mapped in {@link #ARENA_SIZE} (1 MiB) <em>arenas</em>, carved into {@link #POOL_SIZE}
 * (16 KiB) <em>pools</em>; every block of a pool has the pool's size class. A pool starts with a
 * 48-byte header kept in native memory (as CPython keeps it), so {@code POOL_ADDR(p)} is
 * {@code p & ~POOL_MASK}. Freed blocks form a LIFO list threaded through the block's first word,
 * so the block freed last is the one handed out next ({@code id([]) == id([])}).
 *
 * <h2>Pool states</h2>
 * Once carved from its arena, a pool is in one of three states forever after:
 * <ul>
 *   <li><b>used</b>: some blocks allocated, some available; it is on the {@code usedpools} ring of
 *       its size class (the first pool of a ring serves allocations).</li>
 *   <li><b>full</b>: every block allocated; on no list. Freeing one of its blocks puts it at the
 *       front of its class's ring.</li>
 *   <li><b>empty</b>: no block allocated; on its arena's {@code freepools} list, free to take any
 *       size class. Its header keeps the old size class and free list, reused as they are if the
 *       next class is the same.</li>
 * </ul>
 *
 * <h2>Arenas</h2>
 * Arenas with at least one free pool are on {@code usable_arenas}, sorted by ascending number of
 * free pools, so new pools come from the fullest arena and nearly empty arenas can drain. An arena
 * whose pools are all free is released, unless it is the last of the usable list (one wholly free
 * arena is kept, as CPython does since bpo-37257): it leaves the allocator at once, and its pages
 * are unmapped by the {@link Unmapper} thread. {@code nfp2lasta[n]} is the last usable arena
 * with {@code n} free pools, which keeps the re-sorting O(1).
 *
 * <h2>Invariants</h2>
 * <ol>
 *   <li>Arenas are mapped ARENA_SIZE-aligned, so every arena holds exactly 64 pools and the arena
 *       of an address is found through {@link ArenaMap} from its high bits.</li>
 *   <li>A used pool's free list is never empty: when the last listed block is handed out, the
 *       pool extends the list from its untouched tail ({@code nextoffset}) or becomes full.</li>
 *   <li>{@code allocatedBytes} is the sum of the block sizes of all allocated small blocks plus
 *       the requested sizes of all large blocks.</li>
 * </ol>
 *
 * <h2>Tags</h2>
 * Each allocated block carries a 2-bit tag that the layer above chooses (refheap's object layer
 * uses it to say "an object starts at block + 0, 16 or 32"); free blocks have tag 0. Tags let a
 * walker find every live object without any per-allocation Java structure.
 *
 * <p>Not thread-safe: a heap, like a CPython interpreter under its GIL, is used by one thread at a
 * time.
 */
public final class BlockAllocator implements AutoCloseable {
    // ---- tunables and what follows from them ----------------------------------------------
    public static final int ALIGNMENT_SHIFT = 4;
    public static final int ALIGNMENT = 1 << ALIGNMENT_SHIFT;
    public static final int SMALL_REQUEST_THRESHOLD = 512;
    public static final int NB_SMALL_SIZE_CLASSES = SMALL_REQUEST_THRESHOLD / ALIGNMENT;
    public static final int POOL_BITS = 14;
    public static final int POOL_SIZE = 1 << POOL_BITS;
    public static final long POOL_MASK = POOL_SIZE - 1;
    public static final int ARENA_BITS = 20;
    public static final int ARENA_SIZE = 1 << ARENA_BITS;
    public static final long ARENA_MASK = ARENA_SIZE - 1;
    public static final int MAX_POOLS_IN_ARENA = ARENA_SIZE / POOL_SIZE;
    /** Size of the pool header: count, freeblock, nextpool, prevpool, arenaindex, szidx, nextoffset, maxnextoffset. */
    public static final int POOL_OVERHEAD = 48;

    static {
        if (ARENA_SIZE % POOL_SIZE != 0) throw new AssertionError("arena size not an exact multiple of pool size");
        if (SMALL_REQUEST_THRESHOLD > 512 || ALIGNMENT > SMALL_REQUEST_THRESHOLD) throw new AssertionError("bad size classes");
    }

    // pool header fields (offsets from the pool address)
    private static final int P_COUNT = 0, P_FREEBLOCK = 8, P_NEXTPOOL = 16, P_PREVPOOL = 24,
            P_ARENAINDEX = 32, P_SZIDX = 36, P_NEXTOFFSET = 40, P_MAXNEXTOFFSET = 44;
    /** szidx of a pool that never had a size class. */
    private static final int DUMMY_SIZE_IDX = 0xffff;

    /** Tag bits: 2 per 16-byte slot of a pool, 1024 slots per pool, so 32 longs per pool. */
    private static final int TAG_WORDS_PER_POOL = (POOL_SIZE >> ALIGNMENT_SHIFT) * 2 / 64;

    public static int sizeClassOf(long nbytes) { return (int) ((nbytes - 1) >>> ALIGNMENT_SHIFT); }
    public static int classSize(int sizeClass) { return (sizeClass + 1) << ALIGNMENT_SHIFT; }

    // ---- state --------------------------------------------------------------------------
    /** Head pool of each size class's ring of used pools, 0 when the class has none. */
    private final long[] usedpools = new long[NB_SMALL_SIZE_CLASSES];

    // arena objects, as parallel arrays indexed by arena index
    private long[] aAddress = new long[16];       // 0: this arena object is unused
    private long[] aPoolAddress = new long[16];   // next never-carved pool
    private long[] aFreepools = new long[16];     // singly linked (through nextpool) empty pools
    private int[] aNfreepools = new int[16];
    private int[] aNtotalpools = new int[16];
    private int[] aNext = new int[16];            // usable_arenas links, or unused-object list
    private int[] aPrev = new int[16];
    private long[][] aTags = new long[16][];
    private int maxArenas = 0;
    private int usableArenas = -1;
    private int unusedArenaObjects = -1;
    private final int[] nfp2lasta = new int[MAX_POOLS_IN_ARENA + 1];
    private final ArenaMap arenaMap = new ArenaMap();
    /** The arena free() found last (its base, index, tags): consecutive frees mostly hit the same one. -1: none. */
    private long lastArenaBase = -1;
    private int lastArena;
    private long[] lastArenaTags;
    /** The observer of malloc/realloc/free requests (tracemalloc), or null: the usual state. */
    private AllocationHook hook;

    /** Large blocks and static regions: start address to descriptor. */
    private final TreeMap<Long, Region> regions = new TreeMap<>();

    private long limit;
    private long allocatedBytes, peakAllocatedBytes;
    private long largeBytes, staticBytes;
    private int arenasCurrent, arenasTotal, arenasReclaimed, arenasHighwater;
    private long smallBlocksInUse;
    private boolean closed;

    private static final class Region {
        final long size;
        final boolean isStatic;
        int tag;
        /**
         * 0: the C library's (malloc, realloc, free); else the bytes of pages it holds in the
         * owned range ({@link AddressSpace}), from its start: the block may use all of them.
         */
        final long pages;

        Region(long size, boolean isStatic, long pages) {
            this.size = size;
            this.isStatic = isStatic;
            this.pages = pages;
        }

        boolean owned() { return pages != 0; }
    }

    /** An allocator with no limit. */
    public BlockAllocator() {
        this(Long.MAX_VALUE);
    }

    /** An allocator that refuses to hold more than {@code limit} bytes of arenas, large blocks and static regions. */
    public BlockAllocator(long limit) {
        if (limit <= 0) throw new IllegalArgumentException("limit: " + limit + " (expected: > 0)");
        this.limit = limit;
        java.util.Arrays.fill(nfp2lasta, -1);
    }

    public long limit() { return limit; }

    public void setLimit(long limit) {
        if (limit <= 0) throw new IllegalArgumentException("limit: " + limit + " (expected: > 0)");
        this.limit = limit;
    }

    /** Bytes the allocator holds from the system: mapped arenas, large blocks and static regions. */
    public long footprint() { return (long) arenasCurrent * ARENA_SIZE + largeBytes + staticBytes; }

    // ---- malloc / free ------------------------------------------------------------------

    /**
     * Returns a block of at least {@code nbytes} bytes, 16-byte aligned, contents undefined.
     *
     * @throws HeapLimitExceeded if the request would pass the limit or the system refuses memory
     */
    public long malloc(long nbytes) {
        long p = mallocBlock(nbytes);
        if (hook != null) hook.onMalloc(p, nbytes);
        return p;
    }

    /**
     * Installs the observer of malloc/realloc/free requests ({@code null} removes it). While none
     * is installed the requests pay one field test; the hook sees the requested sizes, not the
     * size classes (tracemalloc's view).
     */
    public void setHook(AllocationHook hook) { this.hook = hook; }

    public AllocationHook hook() { return hook; }

    private long mallocBlock(long nbytes) {
        if (nbytes < 0) throw new HeapLimitExceeded(nbytes, footprint(), limit); // a size computation overflowed
        if (nbytes - 1 >= SMALL_REQUEST_THRESHOLD || nbytes <= 0) {
            return mallocLarge(nbytes);
        }
        int size = (int) ((nbytes - 1) >>> ALIGNMENT_SHIFT);
        long pool = usedpools[size];
        long bp;
        if (pool != 0) {
            bp = Native.getLong(pool + P_FREEBLOCK);
            Native.putInt(pool + P_COUNT, Native.getInt(pool + P_COUNT) + 1);
            long next = Native.getLong(bp);
            Native.putLong(pool + P_FREEBLOCK, next);
            if (next == 0) extendPool(pool, size);
        } else {
            bp = allocateFromNewPool(size);
        }
        long blockSize = (long) (size + 1) << ALIGNMENT_SHIFT;
        allocatedBytes += blockSize;
        smallBlocksInUse++;
        if (allocatedBytes > peakAllocatedBytes) peakAllocatedBytes = allocatedBytes;
        return bp;
    }

    /** Threads the next untouched block of the pool onto its free list, or unlinks the now full pool. */
    private void extendPool(long pool, int size) {
        int nextoffset = Native.getInt(pool + P_NEXTOFFSET);
        if (nextoffset <= Native.getInt(pool + P_MAXNEXTOFFSET)) {
            long fresh = pool + nextoffset;
            Native.putLong(pool + P_FREEBLOCK, fresh);
            Native.putInt(pool + P_NEXTOFFSET, nextoffset + classSize(size));
            Native.putLong(fresh, 0);
            return;
        }
        unlinkUsedPool(pool, size);
    }

    private long allocateFromNewPool(int size) {
        if (usableArenas < 0) {
            int a = newArena();
            aNext[a] = -1;
            aPrev[a] = -1;
            usableArenas = a;
            nfp2lasta[aNfreepools[a]] = a;
        }
        int a = usableArenas;
        int nf = aNfreepools[a];
        if (nfp2lasta[nf] == a) nfp2lasta[nf] = -1;
        if (nf > 1) nfp2lasta[nf - 1] = a;

        long pool = aFreepools[a];
        if (pool != 0) {
            aFreepools[a] = Native.getLong(pool + P_NEXTPOOL);
        } else {
            pool = aPoolAddress[a];
            Native.putInt(pool + P_ARENAINDEX, a);
            Native.putInt(pool + P_SZIDX, DUMMY_SIZE_IDX);
            aPoolAddress[a] = pool + POOL_SIZE;
        }
        if (--aNfreepools[a] == 0) {
            usableArenas = aNext[a];
            if (usableArenas >= 0) aPrev[usableArenas] = -1;
        }
        linkUsedPoolFront(pool, size);
        Native.putInt(pool + P_COUNT, 1);
        if (Native.getInt(pool + P_SZIDX) == size) {
            // The pool served this class before it emptied: its free list holds every carved block.
            long bp = Native.getLong(pool + P_FREEBLOCK);
            long next = Native.getLong(bp);
            Native.putLong(pool + P_FREEBLOCK, next);
            if (next == 0) extendPool(pool, size);
            return bp;
        }
        int blockSize = classSize(size);
        Native.putInt(pool + P_SZIDX, size);
        long bp = pool + POOL_OVERHEAD;
        Native.putInt(pool + P_NEXTOFFSET, POOL_OVERHEAD + 2 * blockSize);
        Native.putInt(pool + P_MAXNEXTOFFSET, POOL_SIZE - blockSize);
        Native.putLong(pool + P_FREEBLOCK, bp + blockSize);
        Native.putLong(bp + blockSize, 0);
        return bp;
    }

    /**
     * Returns a block to its pool (first word := old free-list head) or a large block to the system.
     *
     * @throws IllegalArgumentException if {@code p} is not an allocated block of this allocator
     */
    public void free(long p) {
        if (hook != null) hook.onFree(p);
        freeBlock(p);
    }

    private void freeBlock(long p) {
        int a;
        long[] tags;
        if ((p & ~ARENA_MASK) == lastArenaBase) {
            a = lastArena;
            tags = lastArenaTags;
        } else {
            a = arenaMap.get(p);
            if (a < 0) {
                freeLarge(p);
                return;
            }
            lastArenaBase = p & ~ARENA_MASK;
            lastArena = a;
            tags = lastArenaTags = aTags[a];
        }
        long pool = p & ~POOL_MASK;
        int size = Native.getInt(pool + P_SZIDX);
        int bit = tagBit(p);
        tags[bit >>> 6] &= ~(3L << (bit & 63));
        long lastfree = Native.getLong(pool + P_FREEBLOCK);
        Native.putLong(p, lastfree);
        Native.putLong(pool + P_FREEBLOCK, p);
        int count = Native.getInt(pool + P_COUNT) - 1;
        Native.putInt(pool + P_COUNT, count);
        allocatedBytes -= classSize(size);
        smallBlocksInUse--;
        if (lastfree == 0) {
            // The pool was full: it becomes used again, at the front of its class's ring.
            linkUsedPoolFront(pool, size);
            return;
        }
        if (count != 0) return;
        unlinkUsedPool(pool, size);
        insertToFreepool(pool, a);
    }

    /** The empty pool goes to its arena's free list; the arena moves in usable_arenas or is unmapped. */
    private void insertToFreepool(long pool, int a) {
        Native.putLong(pool + P_NEXTPOOL, aFreepools[a]);
        aFreepools[a] = pool;
        int nf = aNfreepools[a];
        int lastnf = nfp2lasta[nf];
        if (lastnf == a) {
            int p = aPrev[a];
            nfp2lasta[nf] = (p >= 0 && aNfreepools[p] == nf) ? p : -1;
        }
        aNfreepools[a] = ++nf;

        if (nf == aNtotalpools[a] && aNext[a] >= 0) {
            // Wholly free and not the last usable arena: unlink it and give it back to the system.
            unlinkUsableArena(a);
            if (nfp2lasta[nf] == a) nfp2lasta[nf] = -1;
            releaseArena(a);
            return;
        }
        if (nf == 1) {
            // It was full, so on no list: it has the fewest free pools of all, put it first.
            aNext[a] = usableArenas;
            aPrev[a] = -1;
            if (usableArenas >= 0) aPrev[usableArenas] = a;
            usableArenas = a;
            if (nfp2lasta[1] < 0) nfp2lasta[1] = a;
            return;
        }
        if (nfp2lasta[nf] < 0) nfp2lasta[nf] = a;
        if (a == lastnf) return;  // still the rightmost of its old count, so still in order
        // Move it just after the last arena with its old number of free pools.
        unlinkUsableArena(a);
        aPrev[a] = lastnf;
        aNext[a] = aNext[lastnf];
        if (aNext[a] >= 0) aPrev[aNext[a]] = a;
        aNext[lastnf] = a;
    }

    private void unlinkUsableArena(int a) {
        if (aPrev[a] < 0) usableArenas = aNext[a];
        else aNext[aPrev[a]] = aNext[a];
        if (aNext[a] >= 0) aPrev[aNext[a]] = aPrev[a];
    }

    private void linkUsedPoolFront(long pool, int size) {
        long head = usedpools[size];
        if (head == 0) {
            Native.putLong(pool + P_NEXTPOOL, pool);
            Native.putLong(pool + P_PREVPOOL, pool);
        } else {
            long tail = Native.getLong(head + P_PREVPOOL);
            Native.putLong(pool + P_NEXTPOOL, head);
            Native.putLong(pool + P_PREVPOOL, tail);
            Native.putLong(tail + P_NEXTPOOL, pool);
            Native.putLong(head + P_PREVPOOL, pool);
        }
        usedpools[size] = pool;
    }

    private void unlinkUsedPool(long pool, int size) {
        long next = Native.getLong(pool + P_NEXTPOOL);
        if (next == pool) {
            usedpools[size] = 0;
            return;
        }
        long prev = Native.getLong(pool + P_PREVPOOL);
        Native.putLong(prev + P_NEXTPOOL, next);
        Native.putLong(next + P_PREVPOOL, prev);
        if (usedpools[size] == pool) usedpools[size] = next;
    }

    // ---- arenas -------------------------------------------------------------------------

    private int newArena() {
        checkLimit(ARENA_SIZE);
        if (unusedArenaObjects < 0) growArenaObjects();
        long address = mapAligned();
        if (POPULATE && arenasCurrent >= POPULATE_AFTER) Native.madvise(address, ARENA_SIZE, Native.MADV_POPULATE_WRITE);
        int a = unusedArenaObjects;
        unusedArenaObjects = aNext[a];
        aAddress[a] = address;
        aPoolAddress[a] = address;
        aFreepools[a] = 0;
        aNfreepools[a] = MAX_POOLS_IN_ARENA;
        aNtotalpools[a] = MAX_POOLS_IN_ARENA;
        if (aTags[a] == null) aTags[a] = new long[MAX_POOLS_IN_ARENA * TAG_WORDS_PER_POOL];
        arenaMap.put(address, a);
        arenasCurrent++;
        arenasTotal++;
        arenasHighwater = Math.max(arenasHighwater, arenasCurrent);
        return a;
    }

    /**
     * Arenas come in pairs from 2 MiB-aligned chunks. Arena bookkeeping is unchanged: each half
     * is an ordinary 1 MiB arena, released and unmapped on its own. The second half waits, mapped
     * but outside the allocator (not an arena, not counted in the footprint), until an arena is
     * needed: at most 1 MiB per heap.
     *
     * <p>{@code -Drefheap.hugePages=true} also advises each chunk {@code MADV_HUGEPAGE}, so the
     * system can back it with one transparent huge page: a million-object heap then needs a few
     * hundred TLB entries instead of a hundred thousand, which the collector's walks feel (10-25%
     * of a full collection's CPU). Not by default: where the system hands out huge pages from
     * memory its hypervisor has reclaimed (a guest whose free memory is reported to the host),
     * each huge-page fault costs about 8 ms of system time and 20 ms of wall time, eight times
     * the system time of the small pages' faults for the same 2 MiB, and a program that builds a
     * big heap pays that for all of it (docs/performance.md, "Session 18").
     */
    static final boolean HUGE_PAGES = Boolean.getBoolean("refheap.hugePages");
    /**
     * A heap that already has {@link #POPULATE_AFTER} arenas is growing: each new arena is then
     * populated as it is mapped ({@code MADV_POPULATE_WRITE}, Linux 5.14; refused elsewhere, and
     * the pages fault one by one as before), one call that makes its 256 pages instead of a page
     * fault per page as the pools are carved. The same pages are touched either way: the memory
     * is the arena the next pools come from, at most 1 MiB ahead of the faults. A small heap
     * (start-up, a short program) never reaches the threshold and is unchanged.
     * {@code -Drefheap.populateArenas=false} turns it off.
     */
    static final boolean POPULATE = !"false".equals(System.getProperty("refheap.populateArenas"));
    static final int POPULATE_AFTER = 16;
    /** Size of a transparent huge page (x86-64, and arm64 with 4 KiB pages); the arena pairs' alignment. */
    static final long HUGE_PAGE_SIZE = 2L << 20;
    /** The second arena of the last chunk mapped, not handed out yet (0: none). */
    private long spareArena;

    /** Maps one ARENA_SIZE-aligned arena. */
    private long mapAligned() {
        if (spareArena != 0) {
            long a = spareArena;
            spareArena = 0;
            return a;
        }
        long chunk = mapAlignedRange(HUGE_PAGE_SIZE);
        if (HUGE_PAGES) Native.madvise(chunk, HUGE_PAGE_SIZE, Native.MADV_HUGEPAGE);  // only advice: refused, the pages are small
        spareArena = chunk + ARENA_SIZE;
        return chunk;
    }

    /**
     * Maps {@code size} bytes aligned to {@code size} (a power of two): from the owned range, or,
     * without one (or when it is full), maps twice the size and unmaps the unaligned ends.
     */
    private long mapAlignedRange(long size) {
        long owned = AddressSpace.allocate(size, size);
        if (owned != 0) return owned;
        long raw = Native.mmap(2L * size);
        if (raw == 0) throw new HeapLimitExceeded(ARENA_SIZE, footprint(), limit);
        long aligned = (raw + size - 1) & -size;
        if (aligned > raw) Native.munmap(raw, aligned - raw);
        long end = raw + 2L * size;
        if (end > aligned + size) Native.munmap(aligned + size, end - aligned - size);
        return aligned;
    }

    private void releaseArena(int a) {
        if (aAddress[a] == lastArenaBase) lastArenaBase = -1;
        arenaMap.remove(aAddress[a]);
        Unmapper.unmap(aAddress[a], ARENA_SIZE);
        java.util.Arrays.fill(aTags[a], 0);
        aAddress[a] = 0;
        aNext[a] = unusedArenaObjects;
        unusedArenaObjects = a;
        arenasCurrent--;
        arenasReclaimed++;
    }

    private void growArenaObjects() {
        int n = maxArenas == 0 ? 16 : maxArenas * 2;
        aAddress = java.util.Arrays.copyOf(aAddress, n);
        aPoolAddress = java.util.Arrays.copyOf(aPoolAddress, n);
        aFreepools = java.util.Arrays.copyOf(aFreepools, n);
        aNfreepools = java.util.Arrays.copyOf(aNfreepools, n);
        aNtotalpools = java.util.Arrays.copyOf(aNtotalpools, n);
        aNext = java.util.Arrays.copyOf(aNext, n);
        aPrev = java.util.Arrays.copyOf(aPrev, n);
        aTags = java.util.Arrays.copyOf(aTags, n);
        for (int i = n - 1; i >= maxArenas; i--) {
            aNext[i] = unusedArenaObjects;
            unusedArenaObjects = i;
        }
        maxArenas = n;
    }

    // ---- large blocks and static regions ---------------------------------------------------

    /**
     * True while large blocks come from the owned range ({@link #setOwnedLargeBlocks}); false:
     * from the C library, as CPython's do.
     */
    private boolean ownedLarge = OWNED_LARGE_BLOCKS;

    /**
     * {@code -Drefheap.ownedLargeBlocks=true}: every allocator of the process starts with large
     * blocks from the owned range, for a process that runs only to make an image (its start-up is
     * all it runs). A restored allocator starts with them off, as every other one does.
     */
    static final boolean OWNED_LARGE_BLOCKS = Boolean.getBoolean("refheap.ownedLargeBlocks");

    /**
     * Chooses where new large blocks (over {@link #SMALL_REQUEST_THRESHOLD} bytes) come from: the
     * owned range ({@link AddressSpace}, page-granular, so an image can carry them) while
     * {@code owned}, else the C library's malloc (the default, and CPython's behaviour: a program
     * can observe libc's realloc growing a block in place and reusing freed addresses). The layer
     * above turns it on for what an image will carry (the start-up) and off before the program.
     * Blocks keep their origin: an owned block is freed back to the owned range, shrinks and
     * grows in place within its pages (as libc's realloc does within its chunk) and, to grow
     * beyond them, moves to a new block of the current choice.
     */
    public void setOwnedLargeBlocks(boolean owned) { ownedLarge = owned; }

    public boolean ownedLargeBlocks() { return ownedLarge; }

    private long mallocLarge(long nbytes) {
        long size = Math.max(nbytes, 1);
        checkLimit(size);
        long pages = 0, p;
        if (ownedLarge && (p = AddressSpace.allocate(pages = AddressSpace.pageRound(size), PAGE)) != 0) {
            // from the owned range
        } else {
            pages = 0;
            p = Native.malloc(size);
        }
        if (p == 0) throw new HeapLimitExceeded(size, footprint(), limit);
        regions.put(p, new Region(size, false, pages));
        largeBytes += size;
        allocatedBytes += size;
        if (allocatedBytes > peakAllocatedBytes) peakAllocatedBytes = allocatedBytes;
        return p;
    }

    /**
     * A block pymalloc does not manage stays the C library's whatever its new size, as 3.11's
     * pymalloc_realloc leaves it (PyMem_RawRealloc): libc's realloc, which often grows it where it
     * is. On failure the block is unchanged and the request fails as a malloc would.
     */
    private long reallocLarge(long p, Region r, long nbytes) {
        long size = Math.max(nbytes, 1);
        if (size > r.size) checkLimit(size - r.size);
        long q = Native.realloc(p, size);
        if (q == 0) throw new HeapLimitExceeded(size, footprint(), limit);
        regions.remove(p);
        Region moved = new Region(size, false, 0);
        moved.tag = r.tag;
        regions.put(q, moved);
        largeBytes += size - r.size;
        allocatedBytes += size - r.size;
        if (allocatedBytes > peakAllocatedBytes) peakAllocatedBytes = allocatedBytes;
        if (hook != null) hook.onRealloc(p, q, nbytes);
        return q;
    }

    private void freeLarge(long p) {
        Region r = regions.get(p);
        if (r == null || r.isStatic) {
            throw new IllegalArgumentException("free(0x" + Long.toHexString(p) + "): not an allocated block");
        }
        regions.remove(p);
        if (r.tag != 0) taggedRegions--;
        largeBytes -= r.size;
        allocatedBytes -= r.size;
        releaseRegion(p, r);
    }

    private static void releaseRegion(long p, Region r) {
        if (r.owned()) AddressSpace.release(p, r.pages);
        else Native.free(p);
    }

    /** An owned block's new size within its pages: it stays where it is, as libc's realloc keeps a block that fits its chunk. */
    private long resizeOwnedInPlace(long p, Region r, long nbytes) {
        long size = Math.max(nbytes, 1);
        if (size > r.size) checkLimit(size - r.size);
        Region resized = new Region(size, false, r.pages);
        resized.tag = r.tag;
        regions.put(p, resized);
        largeBytes += size - r.size;
        allocatedBytes += size - r.size;
        if (allocatedBytes > peakAllocatedBytes) peakAllocatedBytes = allocatedBytes;
        if (hook != null) hook.onRealloc(p, p, nbytes);
        return p;
    }

    /**
     * A zeroed region that lives until the allocator closes, outside the arenas: where statically
     * allocated runtime objects (small ints, singletons) live, as in CPython's data segment.
     */
    public long allocateStatic(long size) {
        checkLimit(size);
        long pages = AddressSpace.pageRound(Math.max(size, 1));
        long p = AddressSpace.allocate(pages, PAGE);  // zero, as a fresh mapping is
        if (p == 0) {
            pages = 0;
            p = Native.malloc(size);
            if (p == 0) throw new HeapLimitExceeded(size, footprint(), limit);
            Native.fill(p, size, (byte) 0);
        }
        regions.put(p, new Region(size, true, pages));
        staticBytes += size;
        return p;
    }

    private void checkLimit(long more) {
        if (closed) throw new IllegalStateException("allocator is closed");
        if (more > limit - footprint()) throw new HeapLimitExceeded(more, footprint(), limit);
    }

    // ---- realloc ------------------------------------------------------------------------

    /**
     * Resizes a block as pymalloc does: a small block keeps its place while the new size still
     * fits its class and uses more than three quarters of it; otherwise the data moves to a new
     * block and the old one is freed. The tag does not move.
     */
    public long realloc(long p, long nbytes) {
        if (p == 0) return malloc(nbytes);
        long oldSize;
        int a = arenaMap.get(p);
        if (a >= 0) {
            oldSize = classSize(Native.getInt((p & ~POOL_MASK) + P_SZIDX));
            if (nbytes > 0 && nbytes <= oldSize) {
                if (4 * nbytes > 3 * oldSize) {
                    if (hook != null) hook.onRealloc(p, p, nbytes);
                    return p;
                }
                oldSize = nbytes;
            }
        } else {
            Region r = regions.get(p);
            if (r == null || r.isStatic) {
                throw new IllegalArgumentException("realloc(0x" + Long.toHexString(p) + "): not an allocated block");
            }
            if (!r.owned()) return reallocLarge(p, r, nbytes);
            if (nbytes <= r.pages) return resizeOwnedInPlace(p, r, nbytes);
            oldSize = r.size;
        }
        long q = mallocBlock(nbytes);
        Native.copy(p, q, Math.min(oldSize, nbytes));
        freeBlock(p);
        if (hook != null) hook.onRealloc(p, q, nbytes);
        return q;
    }

    // ---- tags ---------------------------------------------------------------------------

    /** Sets the 2-bit tag (1..3) of an allocated block; 0 clears it. */
    public void setTag(long block, int tag) {
        int a = arenaMap.get(block);
        if (a < 0) {
            Region r = regions.get(block);
            if (r == null) throw new IllegalArgumentException("setTag(0x" + Long.toHexString(block) + "): not a block");
            if (r.tag == 0 && tag != 0) taggedRegions++;
            else if (r.tag != 0 && tag == 0) taggedRegions--;
            r.tag = tag;
            return;
        }
        long[] tags = aTags[a];
        int bit = tagBit(block);
        int word = bit >>> 6, shift = bit & 63;
        tags[word] = (tags[word] & ~(3L << shift)) | ((long) tag << shift);
    }

    /**
     * As {@link #setTag}, for a block {@link #malloc} returned for at most
     * {@link #SMALL_REQUEST_THRESHOLD} bytes (a pool's block): the arena comes from the pool
     * header, which the allocation has just touched, instead of the arena map.
     */
    public void setSmallBlockTag(long block, int tag) {
        long[] tags = aTags[Native.getInt((block & ~POOL_MASK) + P_ARENAINDEX)];
        int bit = tagBit(block);
        int word = bit >>> 6, shift = bit & 63;
        tags[word] = (tags[word] & ~(3L << shift)) | ((long) tag << shift);
    }

    public int tagOf(long block) {
        int a = arenaMap.get(block);
        if (a < 0) {
            Region r = regions.get(block);
            return r == null ? 0 : r.tag;
        }
        int bit = tagBit(block);
        return (int) (aTags[a][bit >>> 6] >>> (bit & 63)) & 3;
    }

    /**
     * The tag of the slot at {@code addr} when it lies in an arena (0 unless a tagged block starts
     * there), or -1 outside the arenas. No lookup of large blocks: the heap verifier's fast path.
     */
    public int arenaTagOf(long addr) {
        long[] tags;
        if ((addr & ~ARENA_MASK) == lastArenaBase) {
            tags = lastArenaTags;
        } else {
            int a = arenaMap.get(addr);
            if (a < 0) return -1;
            lastArenaBase = addr & ~ARENA_MASK;
            lastArena = a;
            tags = lastArenaTags = aTags[a];
        }
        int bit = tagBit(addr);
        return (int) (tags[bit >>> 6] >>> (bit & 63)) & 3;
    }

    /** The block's first tag bit in its arena's tag words: 2 bits per 16-byte slot, in address order (arenas are aligned). */
    private static int tagBit(long block) {
        return (int) ((block & ARENA_MASK) >>> (ALIGNMENT_SHIFT - 1));
    }

    /** Receives each tagged block of a walk. */
    @FunctionalInterface
    public interface TaggedBlockVisitor {
        void visit(long block, int tag);
    }

    /** Visits every allocated block with a non-zero tag: arenas in index order, then large blocks by address. */
    public void forEachTagged(TaggedBlockVisitor visitor) {
        for (int a = 0; a < maxArenas; a++) {
            if (aAddress[a] == 0) continue;
            long[] tags = aTags[a];
            long base = aAddress[a];
            for (int w = 0; w < tags.length; w++) {
                long bits = tags[w];
                while (bits != 0) {
                    int shift = Long.numberOfTrailingZeros(bits) & ~1;
                    int tag = (int) (bits >>> shift) & 3;
                    bits &= ~(3L << shift);
                    int bit = w * 64 + shift;
                    int poolIndex = bit / (TAG_WORDS_PER_POOL * 64);
                    int slot = (bit % (TAG_WORDS_PER_POOL * 64)) / 2;
                    visitor.visit(base + ((long) poolIndex << POOL_BITS) + ((long) slot << ALIGNMENT_SHIFT), tag);
                }
            }
        }
        if (taggedRegions == 0) return;
        // The tagged large blocks are gathered first: a visitor may free blocks.
        int n = 0;
        for (Map.Entry<Long, Region> e : regions.entrySet()) {
            if (e.getValue().tag == 0) continue;
            if (n == taggedRegionScratch.length) taggedRegionScratch = java.util.Arrays.copyOf(taggedRegionScratch, 2 * n);
            taggedRegionScratch[n++] = e.getKey();
        }
        if (n == 0) return;
        long[] blocks = java.util.Arrays.copyOf(taggedRegionScratch, n);
        for (long b : blocks) {
            Region r = regions.get(b);
            if (r != null && r.tag != 0) visitor.visit(b, r.tag);
        }
    }

    private long[] taggedRegionScratch = new long[16];
    /** Large blocks with a non-zero tag (objects over 512 bytes). */
    private int taggedRegions;

    // ---- queries ------------------------------------------------------------------------

    /**
     * True if {@code len} bytes at {@code addr} lie inside memory this allocator holds: an arena
     * (allocated or free blocks alike, as CPython lets ctypes read freed memory), a large block
     * or a static region. Anything else would not be safe to read.
     */
    public boolean isReadable(long addr, long len) {
        if (closed || len <= 0 || addr <= 0 || addr + len < addr) return false;
        int a = arenaMap.get(addr);
        if (a >= 0) return ((addr + len - 1) & ~ARENA_MASK) == aAddress[a];
        Map.Entry<Long, Region> e = regions.floorEntry(addr);
        return e != null && addr + len <= e.getKey() + e.getValue().size;
    }

    /**
     * The start of the allocated block (small or large, not static) whose bytes include
     * {@code addr}, or 0 when {@code addr} lies in a free block, a pool header, unused arena space,
     * static memory or outside the allocator. For ctypes' write checks: O(pool) at worst.
     */
    public long blockContaining(long addr) {
        if (closed || addr <= 0) return 0;
        int a = arenaMap.get(addr);
        if (a < 0) {
            Map.Entry<Long, Region> e = regions.floorEntry(addr);
            if (e == null || e.getValue().isStatic || addr >= e.getKey() + e.getValue().size) return 0;
            return e.getKey();
        }
        long pool = addr & ~POOL_MASK;
        if (pool >= aPoolAddress[a] || Native.getInt(pool + P_COUNT) == 0) return 0;
        long offset = addr - pool - POOL_OVERHEAD;
        if (offset < 0) return 0;
        int size = classSize(Native.getInt(pool + P_SZIDX));
        long block = pool + POOL_OVERHEAD + offset / size * size;
        return block + size <= pool + POOL_SIZE && isAllocatedBlock(block) ? block : 0;
    }

    /** True if {@code p} is the start of a block that is currently allocated (small or large). */
    public boolean isAllocatedBlock(long p) {
        int a = arenaMap.get(p);
        if (a < 0) {
            Region r = regions.get(p);
            return r != null && !r.isStatic;
        }
        long pool = p & ~POOL_MASK;
        if (pool >= aPoolAddress[a] || Native.getInt(pool + P_COUNT) == 0) return false;
        int size = classSize(Native.getInt(pool + P_SZIDX));
        long offset = p - pool - POOL_OVERHEAD;
        if (offset < 0 || offset % size != 0 || p - pool >= Native.getInt(pool + P_NEXTOFFSET)) return false;
        for (long b = Native.getLong(pool + P_FREEBLOCK); b != 0; b = Native.getLong(b)) {
            if (b == p) return false;
        }
        return true;
    }

    /** Usable size of an allocated block: its size class, or a large block's requested size. */
    public long blockSize(long p) {
        int a = arenaMap.get(p);
        if (a >= 0) return classSize(Native.getInt((p & ~POOL_MASK) + P_SZIDX));
        Region r = regions.get(p);
        if (r == null) throw new IllegalArgumentException("blockSize(0x" + Long.toHexString(p) + "): not a block");
        return r.size;
    }

    public long allocatedBytes() { return allocatedBytes; }
    public long peakAllocatedBytes() { return peakAllocatedBytes; }
    /** Number of pymalloc blocks in use, as {@code sys.getallocatedblocks()} counts them. */
    public long allocatedBlocks() { return smallBlocksInUse; }
    public int arenasCurrent() { return arenasCurrent; }

    /** Visits each arena's pools in address order: the pool's size class (-1: never used or free) and blocks used of capacity. */
    public void forEachPool(PoolVisitor v) {
        for (int a = 0; a < maxArenas; a++) {
            if (aAddress[a] == 0) continue;
            int i = 0;
            for (long pool = aAddress[a]; pool < aAddress[a] + ARENA_SIZE - POOL_SIZE + 1 && i < MAX_POOLS_IN_ARENA; pool += POOL_SIZE, i++) {
                boolean carved = pool < aPoolAddress[a];
                int count = carved ? Native.getInt(pool + P_COUNT) : 0;
                int sz = carved && count > 0 ? Native.getInt(pool + P_SZIDX) : -1;
                v.pool(a, aAddress[a], i, sz, count, sz < 0 ? 0 : (POOL_SIZE - POOL_OVERHEAD) / classSize(sz));
            }
        }
    }

    @FunctionalInterface
    public interface PoolVisitor { void pool(int arena, long arenaAddress, int pool, int sizeClass, int used, int capacity); }

    /** A consistent snapshot of the pools, arenas and byte counts, as sys._debugmallocstats reports them. */
    public MallocStats stats() {
        int[] pools = new int[NB_SMALL_SIZE_CLASSES];
        long[] inUse = new long[NB_SMALL_SIZE_CLASSES];
        long[] avail = new long[NB_SMALL_SIZE_CLASSES];
        long unusedPools = 0, quantization = 0, arenaAlignment = 0;
        for (int a = 0; a < maxArenas; a++) {
            if (aAddress[a] == 0) continue;
            unusedPools += aNfreepools[a];
            for (long pool = aAddress[a]; pool < aPoolAddress[a]; pool += POOL_SIZE) {
                int count = Native.getInt(pool + P_COUNT);
                if (count == 0) continue;
                int sz = Native.getInt(pool + P_SZIDX);
                int size = classSize(sz);
                pools[sz]++;
                inUse[sz] += count;
                avail[sz] += (POOL_SIZE - POOL_OVERHEAD) / size - count;
                quantization += (POOL_SIZE - POOL_OVERHEAD) % size;
            }
        }
        return new MallocStats(pools, inUse, avail, arenasTotal, arenasReclaimed, arenasHighwater, arenasCurrent,
                unusedPools, quantization, arenaAlignment, largeBytes, staticBytes, allocatedBytes, peakAllocatedBytes);
    }

    /** Checks the allocator's own invariants; returns the problems found (empty when consistent). */
    public List<String> verify() {
        List<String> problems = new ArrayList<>();
        long blocks = 0, bytes = 0;
        for (int a = 0; a < maxArenas; a++) {
            if (aAddress[a] == 0) continue;
            int empty = 0;
            for (long pool = aAddress[a]; pool < aPoolAddress[a]; pool += POOL_SIZE) {
                int count = Native.getInt(pool + P_COUNT);
                if (count == 0) { empty++; continue; }
                int size = classSize(Native.getInt(pool + P_SZIDX));
                long free = 0;
                for (long b = Native.getLong(pool + P_FREEBLOCK); b != 0; b = Native.getLong(b)) {
                    if ((b & ~POOL_MASK) != pool) { problems.add("pool 0x" + Long.toHexString(pool) + ": free list leaves the pool"); break; }
                    if (++free > POOL_SIZE / ALIGNMENT) { problems.add("pool 0x" + Long.toHexString(pool) + ": free list cycles"); break; }
                }
                long carved = (Native.getInt(pool + P_NEXTOFFSET) - POOL_OVERHEAD) / size;
                carved = Math.min(carved, (POOL_SIZE - POOL_OVERHEAD) / size);
                if (carved - free != count) {
                    problems.add("pool 0x" + Long.toHexString(pool) + ": count " + count + " but " + (carved - free) + " blocks carved and not free");
                }
                blocks += count;
                bytes += (long) count * size;
            }
            long carvedPools = (aPoolAddress[a] - aAddress[a]) / POOL_SIZE;
            if (aNfreepools[a] != empty + (MAX_POOLS_IN_ARENA - carvedPools)) {
                problems.add("arena " + a + ": nfreepools " + aNfreepools[a] + " but " + empty + " empty + "
                        + (MAX_POOLS_IN_ARENA - carvedPools) + " uncarved pools");
            }
        }
        if (blocks != smallBlocksInUse) problems.add("small blocks in use: counted " + blocks + ", recorded " + smallBlocksInUse);
        if (bytes + largeBytes != allocatedBytes) problems.add("allocated bytes: counted " + (bytes + largeBytes) + ", recorded " + allocatedBytes);
        int prevNf = 0;
        for (int a = usableArenas; a >= 0; a = aNext[a]) {
            if (aNfreepools[a] < prevNf) problems.add("usable_arenas not sorted by free pools at arena " + a);
            prevNf = aNfreepools[a];
        }
        return problems;
    }

    public boolean isClosed() { return closed; }

    /**
     * Unmaps every arena and frees every large block and static region, and waits for the arenas
     * released earlier to be unmapped. Addresses become invalid.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        lastArenaBase = -1;
        Unmapper.drain();
        for (int a = 0; a < maxArenas; a++) {
            if (aAddress[a] != 0) {
                arenaMap.remove(aAddress[a]);
                AddressSpace.release(aAddress[a], ARENA_SIZE);
                aAddress[a] = 0;
            }
        }
        if (spareArena != 0) {
            AddressSpace.release(spareArena, ARENA_SIZE);
            spareArena = 0;
        }
        for (var e : regions.entrySet()) releaseRegion(e.getKey(), e.getValue());
        regions.clear();
        taggedRegions = 0;
        arenasCurrent = 0;
        largeBytes = staticBytes = 0;
    }

    // ---- images: the allocator's whole state written to a file and mapped back at the same addresses ----

    /** The page size the image maps with (x86-64 and arm64 with 4 KiB pages). */
    private static final long PAGE = AddressSpace.PAGE;
    private static final long IMAGE_MAGIC = 0x5248494d47303033L;  // "RHIMG003"

    /** An image cannot be written or restored: not an image, damaged, made for another key, or its addresses are taken here. */
    public static final class ImageException extends RuntimeException {
        public ImageException(String message) { super(message); }
    }

    /**
     * Writes the allocator's whole state to {@code file}: every arena's carved pools (contents, as
     * they are), its block tags and bookkeeping, the spare arena's address, every large block and
     * static region (address, size, tag, pages), and the counters. {@link #restoreImage} maps it
     * back at the same addresses, so every pointer stored in the memory stays valid and the
     * restored allocator hands out the same addresses the original would next. Only this
     * allocator's state is written: what the layer above keeps in Java that layer saves.
     *
     * <p>The file: a header (magic, the owned range's base, {@code key}, the lengths, CRC-32C
     * checksums of the bookkeeping and of the memory, and of the header itself), the bookkeeping,
     * then the memory from a page-aligned offset: each arena's carved part, then each region's
     * pages, in the order the bookkeeping lists them, so every piece can be mapped from the file
     * where it lies. Written to a temporary file beside {@code file} and renamed over it
     * (atomically): a reader sees the old image or the new one, never part of one; a failed
     * write leaves no file behind and throws.
     *
     * @param key what the image is valid for (the layer above's build and inputs): restoring with another key is refused
     * @throws ImageException if some of the memory is not the owned range's at its fixed address
     *         (a C library block: large blocks made while {@link #setOwnedLargeBlocks} was off),
     *         so no new process could map it back
     * @throws IllegalStateException if the allocator is closed or an allocation hook is installed (a tracer's state is not memory)
     */
    public void writeImage(java.nio.file.Path file, byte[] key) throws java.io.IOException {
        writeImage(file, key, new byte[0]);
    }

    /**
     * As {@link #writeImage(java.nio.file.Path, byte[])}, with {@code section}: the layer above's
     * own state (what it keeps in Java about this memory), carried in the bookkeeping under the
     * same key and checksum; {@link #readImageSection} and {@link #imageSection} give it back.
     */
    public void writeImage(java.nio.file.Path file, byte[] key, byte[] section) throws java.io.IOException {
        if (closed) throw new IllegalStateException("allocator is closed");
        if (hook != null) throw new IllegalStateException("an allocation hook is installed: its state is not in the image");
        if (!AddressSpace.isFixed()) throw new ImageException("refheap's address range is not at its fixed address in this process");
        for (int a = 0; a < maxArenas; a++) {
            if (aAddress[a] != 0 && !AddressSpace.contains(aAddress[a])) throw notOwned("arena", aAddress[a]);
        }
        if (spareArena != 0 && !AddressSpace.contains(spareArena)) throw notOwned("arena", spareArena);
        for (var e : regions.entrySet()) {
            if (!e.getValue().owned()) throw notOwned(e.getValue().isStatic ? "static region" : "large block", e.getKey());
        }
        java.io.ByteArrayOutputStream metaBytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(metaBytes);
        out.writeLong(allocatedBytes);
        out.writeLong(peakAllocatedBytes);
        out.writeLong(largeBytes);
        out.writeLong(staticBytes);
        out.writeLong(smallBlocksInUse);
        out.writeInt(arenasCurrent);
        out.writeInt(arenasTotal);
        out.writeInt(arenasReclaimed);
        out.writeInt(arenasHighwater);
        out.writeInt(taggedRegions);
        for (long u : usedpools) out.writeLong(u);
        out.writeInt(maxArenas);
        out.writeInt(usableArenas);
        out.writeInt(unusedArenaObjects);
        for (int n : nfp2lasta) out.writeInt(n);
        out.writeLong(spareArena);
        List<long[]> pieces = new ArrayList<>();  // {address, bytes}: the memory, in file order
        for (int a = 0; a < maxArenas; a++) {
            out.writeLong(aAddress[a]);
            out.writeLong(aPoolAddress[a]);
            out.writeLong(aFreepools[a]);
            out.writeInt(aNfreepools[a]);
            out.writeInt(aNtotalpools[a]);
            out.writeInt(aNext[a]);
            out.writeInt(aPrev[a]);
            if (aAddress[a] == 0) continue;
            for (long t : aTags[a]) out.writeLong(t);
            // pools past aPoolAddress were never carved: zero in a fresh mapping, not written
            if (aPoolAddress[a] > aAddress[a]) pieces.add(new long[] {aAddress[a], aPoolAddress[a] - aAddress[a]});
        }
        out.writeInt(regions.size());
        for (var e : regions.entrySet()) {
            Region r = e.getValue();
            out.writeLong(e.getKey());
            out.writeLong(r.size);
            out.writeBoolean(r.isStatic);
            out.writeInt(r.tag);
            out.writeLong(r.pages);
            pieces.add(new long[] {e.getKey(), r.pages});
        }
        out.writeInt(section.length);
        out.write(section);
        out.flush();
        byte[] meta = metaBytes.toByteArray();

        java.nio.file.Path dir = file.toAbsolutePath().getParent();
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
        boolean done = false;
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            int headerLength = 8 * 5 + 4 * 3 + key.length + 4;
            long dataOffset = AddressSpace.pageRound(headerLength + meta.length);
            long dataLength = 0;
            java.util.zip.CRC32C dataCrc = new java.util.zip.CRC32C();
            long pos = dataOffset;
            for (long[] piece : pieces) {
                java.nio.ByteBuffer b = Native.ALL.asSlice(piece[0], piece[1]).asByteBuffer();
                dataCrc.update(b.duplicate());
                while (b.hasRemaining()) pos += ch.write(b, pos);
                dataLength += piece[1];
            }
            java.util.zip.CRC32C metaCrc = new java.util.zip.CRC32C();
            metaCrc.update(meta);
            java.nio.ByteBuffer h = java.nio.ByteBuffer.allocate(headerLength);
            h.putLong(IMAGE_MAGIC).putLong(AddressSpace.BASE).putLong(meta.length).putLong(dataOffset).putLong(dataLength);
            h.putInt((int) metaCrc.getValue()).putInt((int) dataCrc.getValue()).putInt(key.length).put(key);
            java.util.zip.CRC32C headerCrc = new java.util.zip.CRC32C();
            headerCrc.update(h.array(), 0, h.position());
            h.putInt((int) headerCrc.getValue());
            h.flip();
            java.nio.ByteBuffer m = java.nio.ByteBuffer.wrap(meta);
            long p = 0;
            while (h.hasRemaining()) p += ch.write(h, p);
            while (m.hasRemaining()) p += ch.write(m, p);
            // with no memory (an empty allocator) the file still ends at the page-aligned data offset
            if (dataLength == 0 && p < dataOffset) ch.write(java.nio.ByteBuffer.allocate(1), dataOffset - 1);
            ch.force(true);
            done = true;
        } finally {
            if (!done) java.nio.file.Files.deleteIfExists(tmp);
        }
        try {
            java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException | RuntimeException e) {
            java.nio.file.Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static ImageException notOwned(String what, long addr) {
        return new ImageException("cannot image the " + what + " at 0x" + Long.toHexString(addr)
                + ": it is not in refheap's address range (a new process could not map it back)");
    }

    /**
     * An allocator restored from the image {@link #writeImage} wrote to {@code file}: its arenas
     * and regions read from the file into memory committed at their recorded addresses, inside
     * the owned range ({@link AddressSpace#claim}: nothing of this process is mapped over), and
     * checked against the image's checksum there. Everything then behaves as the original did at
     * the moment of the image. The memory is the process's own: the file may be replaced or
     * removed afterwards.
     *
     * @throws ImageException if the file is not an image, is damaged (a length or checksum does not
     *         match), was made with another {@code key}, or its addresses are in use in this
     *         process: nothing stays mapped then, and the caller starts the usual way
     */
    public static BlockAllocator restoreImage(java.nio.file.Path file, byte[] key, long limit) throws java.io.IOException {
        return restoreImage(file, readImage(file, key, false), limit);
    }

    /**
     * As {@link #restoreImage(java.nio.file.Path, byte[], long)}, with the header and bookkeeping
     * {@link #readImage} read and checked from {@code file} already (not read again): the memory
     * read from the file is checked against that bookkeeping's checksum, so a file replaced in
     * between (another image renamed over it) is refused as damaged.
     */
    public static BlockAllocator restoreImage(java.nio.file.Path file, ImageRead image, long limit) throws java.io.IOException {
        try {
            return restoreMapped(file, image, new java.io.DataInputStream(new java.io.ByteArrayInputStream(image.meta)), image.dataOffset,
                    image.dataLength, image.dataCrc, limit);
        } catch (java.io.EOFException e) {
            throw new ImageException("the image's bookkeeping is cut short");
        }
    }

    /**
     * The layer above's section of the image at {@code file} (what {@link #writeImage(java.nio.file.Path,
     * byte[], byte[])} was given), read and checked (header, key, bookkeeping checksum) without
     * mapping anything: a caller decides from it whether the image fits before giving up what it has.
     *
     * @throws ImageException as {@link #restoreImage} does for the header and the bookkeeping
     */
    public static byte[] readImageSection(java.nio.file.Path file, byte[] key) throws java.io.IOException {
        return readImageSection(file, key, false);
    }

    /**
     * As {@link #readImageSection(java.nio.file.Path, byte[])}; with {@code checkMemory} the
     * image's memory is read from the file and its checksum checked too (still nothing mapped),
     * so a caller that then gives up its own memory for the image knows the file is whole.
     */
    public static byte[] readImageSection(java.nio.file.Path file, byte[] key, boolean checkMemory) throws java.io.IOException {
        return readImage(file, key, checkMemory).section();
    }

    /**
     * An image's header and bookkeeping as {@link #readImage} read and checked them: the layer
     * above's section is a range of the bookkeeping's bytes ({@link #bytes}, from {@link
     * #sectionOffset}, {@link #sectionLength} long), read in place rather than copied out (it is
     * about a megabyte, and an adoption's Java heap is a few), and {@link #restoreImage(java.nio.file.Path,
     * ImageRead, long)} restores from the same bookkeeping instead of reading it again.
     */
    public static final class ImageRead {
        private final byte[] meta;
        private final long dataOffset, dataLength;
        private final int dataCrc, sectionOffset;

        private ImageRead(byte[] meta, long dataOffset, long dataLength, int dataCrc, int sectionOffset) {
            this.meta = meta;
            this.dataOffset = dataOffset;
            this.dataLength = dataLength;
            this.dataCrc = dataCrc;
            this.sectionOffset = sectionOffset;
        }

        /** The bookkeeping's bytes, the section among them (not a copy: not to be changed). */
        public byte[] bytes() { return meta; }

        public int sectionOffset() { return sectionOffset; }

        public int sectionLength() { return meta.length - sectionOffset; }

        /** A copy of the section. */
        public byte[] section() { return java.util.Arrays.copyOfRange(meta, sectionOffset, meta.length); }

        /**
         * Whether a heap limited to {@code limit} bytes may take this image: only when its making
         * never came near the limit. The most arenas it had at once and a spare one, every byte it
         * had allocated at its peak counted as large blocks, and its static bytes are more than
         * its footprint ever was, so the run that made it had no MemoryError under this limit on
         * the way, and a run adopting it ends where that one did. (The bookkeeping begins with the
         * allocated, peak, large and static bytes, the small blocks in use, then the arena counts:
         * current, total, reclaimed, high-water mark.)
         */
        public boolean fitsUnder(long limit) {
            if (limit == Long.MAX_VALUE) return true;
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(meta);  // big-endian, as DataOutputStream wrote it
            long peak = b.getLong(8), stat = b.getLong(24);
            int highwater = b.getInt(52);
            return (highwater + 1L) * ARENA_SIZE + peak + stat <= limit;
        }
    }

    /**
     * Reads and checks the image at {@code file}: its header, key and bookkeeping, and with {@code
     * checkMemory} its memory's checksum too (read from the file, nothing mapped), all through one
     * open file, so a caller that then gives up its own memory for the image knows the file is whole.
     *
     * @throws ImageException as {@link #restoreImage} does for the header and the bookkeeping
     */
    public static ImageRead readImage(java.nio.file.Path file, byte[] key, boolean checkMemory) throws java.io.IOException {
        long[] data = new long[3];
        byte[] meta;
        // RandomAccessFile and CRC32C only: classes a JVM has by then (the jar is read the same way),
        // where FileChannel's mapping cost tens of ms cold
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "r")) {
            meta = readBookkeeping(f, key, data);
            if (checkMemory) {
                java.util.zip.CRC32C c = new java.util.zip.CRC32C();
                byte[] buf = new byte[1 << 16];
                f.seek(data[0]);
                for (long left = data[1]; left > 0; ) {
                    int n = f.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) throw new ImageException("the image's memory is cut short");
                    c.update(buf, 0, n);
                    left -= n;
                }
                if ((int) c.getValue() != (int) data[2]) throw new ImageException("the image's memory is damaged");
            }
        }
        return new ImageRead(meta, data[0], data[1], (int) data[2], sectionOffset(meta));
    }

    /**
     * The key the image at {@code file} was written under, read from its header (magic and header
     * checksum checked, nothing else): a layer above whose key records what the image depends on
     * reads it to check those inputs, then restores with it. Keys longer than {@code maxKey} bytes
     * are refused unread.
     *
     * @throws ImageException if the file is not an image or its header is damaged
     */
    public static byte[] readImageKey(java.nio.file.Path file, int maxKey) throws java.io.IOException {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "r")) {
            int fixed = 8 * 5 + 4 * 3;
            if (f.length() < fixed + 4) throw new ImageException("not a refheap heap image (" + f.length() + " bytes)");
            byte[] head = new byte[fixed];
            f.readFully(head);
            java.nio.ByteBuffer h = java.nio.ByteBuffer.wrap(head);
            if (h.getLong() != IMAGE_MAGIC) throw new ImageException("not a refheap heap image");
            int keyLength = h.getInt(fixed - 4);
            if (keyLength < 0 || keyLength > maxKey || fixed + keyLength + 4 > f.length()) {
                throw new ImageException("the image's key is longer than " + maxKey + " bytes, or its header is damaged");
            }
            byte[] rest = new byte[keyLength + 4];
            f.readFully(rest);
            java.util.zip.CRC32C c = new java.util.zip.CRC32C();
            c.update(head);
            c.update(rest, 0, keyLength);
            if ((int) c.getValue() != java.nio.ByteBuffer.wrap(rest, keyLength, 4).getInt()) throw new ImageException("the image's header is damaged");
            return java.util.Arrays.copyOf(rest, keyLength);
        }
    }

    /** Where the layer above's section begins in the bookkeeping {@code meta} (it runs to its end), found by walking it as restoreMapped reads it. */
    private static int sectionOffset(byte[] meta) throws java.io.IOException {
        try {
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(meta));
            in.skipNBytes(8 * 5 + 4 * 5);
            in.skipNBytes(8L * NB_SMALL_SIZE_CLASSES);
            int n = in.readInt();
            in.skipNBytes(4 * 2);
            in.skipNBytes(4L * (MAX_POOLS_IN_ARENA + 1));
            in.skipNBytes(8);
            for (int a = 0; a < n; a++) {
                long address = in.readLong();
                in.skipNBytes(8 * 2 + 4 * 4);
                if (address != 0) in.skipNBytes(8L * MAX_POOLS_IN_ARENA * TAG_WORDS_PER_POOL);
            }
            int regions = in.readInt();
            in.skipNBytes((8 * 2 + 1 + 4 + 8) * (long) regions);
            int length = in.readInt();
            if (length < 0 || length != in.available()) throw new ImageException("the image's bookkeeping is damaged (its section)");
            return meta.length - length;
        } catch (java.io.EOFException | IllegalArgumentException e) {
            throw new ImageException("the image's bookkeeping is cut short");
        }
    }

    /** Reads and checks the header and the bookkeeping; {@code data} receives the memory's offset, length and checksum. */
    private static byte[] readBookkeeping(java.io.RandomAccessFile f, byte[] key, long[] data) throws java.io.IOException {
        long fileSize = f.length();
        int headerLength = 8 * 5 + 4 * 3 + key.length + 4;
        if (fileSize < headerLength) throw new ImageException("not a refheap heap image (" + fileSize + " bytes)");
        byte[] hb = new byte[headerLength];
        f.readFully(hb);
        java.nio.ByteBuffer h = java.nio.ByteBuffer.wrap(hb);
        if (h.getLong() != IMAGE_MAGIC) throw new ImageException("not a refheap heap image");
        long base = h.getLong(), metaLength = h.getLong();
        long dataOffset = h.getLong(), dataLength = h.getLong();
        int metaCrc = h.getInt(), dataCrc = h.getInt();
        int keyLength = h.getInt();
        if (keyLength != key.length) throw new ImageException("the image was made for another key");
        byte[] k = new byte[keyLength];
        h.get(k);
        int headerCrc = h.getInt();
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(hb, 0, headerLength - 4);
        if ((int) c.getValue() != headerCrc) throw new ImageException("the image's header is damaged");
        if (!java.util.Arrays.equals(k, key)) throw new ImageException("the image was made for another key");
        if (base != AddressSpace.BASE || !AddressSpace.isFixed()) {
            throw new ImageException("the image's address range (0x" + Long.toHexString(base) + ") is not refheap's in this process");
        }
        if (metaLength < 0 || metaLength > Integer.MAX_VALUE - 16 || dataOffset != AddressSpace.pageRound(headerLength + metaLength)
                || dataLength < 0 || fileSize != dataOffset + dataLength) {
            throw new ImageException("the image's length does not match its header (" + fileSize + " bytes)");
        }
        byte[] meta = new byte[(int) metaLength];
        f.readFully(meta);
        c.reset();
        c.update(meta);
        if ((int) c.getValue() != metaCrc) throw new ImageException("the image's bookkeeping is damaged");
        data[0] = dataOffset;
        data[1] = dataLength;
        data[2] = dataCrc;
        return meta;
    }

    /**
     * Reads the memory the bookkeeping {@code in} describes from {@code file} into place
     * ({@link #readInto}), then checks the memory's checksum where it lies.
     */
    private static BlockAllocator restoreMapped(java.nio.file.Path file, ImageRead image, java.io.DataInputStream in, long dataOffset,
            long dataLength, int dataCrc, long limit) throws java.io.IOException {
        BlockAllocator b = new BlockAllocator(limit);
        b.ownedLarge = false;  // the program that follows a restore gets the C library's large blocks
        List<long[]> claimed = new ArrayList<>();  // {address, bytes}: given back if the restore fails
        List<long[]> pieces = new ArrayList<>();   // {address, bytes}: the memory from the file, in file order
        boolean done = false;
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "r")) {
            java.nio.channels.FileChannel ch = f.getChannel();
            b.allocatedBytes = in.readLong();
            b.peakAllocatedBytes = in.readLong();
            b.largeBytes = in.readLong();
            b.staticBytes = in.readLong();
            b.smallBlocksInUse = in.readLong();
            b.arenasCurrent = in.readInt();
            b.arenasTotal = in.readInt();
            b.arenasReclaimed = in.readInt();
            b.arenasHighwater = in.readInt();
            b.taggedRegions = in.readInt();
            if (!image.fitsUnder(limit)) throw new ImageException("the image's heap may have come near this run's limit of " + limit + " bytes");
            for (int i = 0; i < b.usedpools.length; i++) b.usedpools[i] = in.readLong();
            int n = in.readInt();
            if (n < 0 || n > 1 << 24) throw new ImageException("the image's bookkeeping is damaged (" + n + " arenas)");
            b.usableArenas = in.readInt();
            b.unusedArenaObjects = in.readInt();
            for (int i = 0; i < b.nfp2lasta.length; i++) b.nfp2lasta[i] = in.readInt();
            long spare = in.readLong();
            long offset = dataOffset;
            if (spare != 0) {
                claim(claimed, spare, ARENA_SIZE);
                if (!Native.commit(spare, ARENA_SIZE)) throw new HeapLimitExceeded(ARENA_SIZE, 0, limit);
                b.spareArena = spare;
            }
            b.aAddress = new long[n];
            b.aPoolAddress = new long[n];
            b.aFreepools = new long[n];
            b.aNfreepools = new int[n];
            b.aNtotalpools = new int[n];
            b.aNext = new int[n];
            b.aPrev = new int[n];
            b.aTags = new long[n][];
            b.maxArenas = n;
            for (int a = 0; a < n; a++) {
                b.aAddress[a] = in.readLong();
                b.aPoolAddress[a] = in.readLong();
                b.aFreepools[a] = in.readLong();
                b.aNfreepools[a] = in.readInt();
                b.aNtotalpools[a] = in.readInt();
                b.aNext[a] = in.readInt();
                b.aPrev[a] = in.readInt();
                long base = b.aAddress[a];
                if (base == 0) continue;
                long carved = b.aPoolAddress[a] - base;
                if ((base & ARENA_MASK) != 0 || carved < 0 || carved > ARENA_SIZE || carved % POOL_SIZE != 0) {
                    throw new ImageException("the image's bookkeeping is damaged (arena " + a + ")");
                }
                claim(claimed, base, ARENA_SIZE);
                long[] tags = new long[MAX_POOLS_IN_ARENA * TAG_WORDS_PER_POOL];
                for (int i = 0; i < tags.length; i++) tags[i] = in.readLong();
                b.aTags[a] = tags;
                if (carved > 0) {
                    readInto(ch, base, carved, offset, dataOffset + dataLength, limit);
                    pieces.add(new long[] {base, carved});
                }
                offset += carved;
                if (carved < ARENA_SIZE && !Native.commit(base + carved, ARENA_SIZE - carved)) {
                    throw new HeapLimitExceeded(ARENA_SIZE, 0, limit);
                }
                b.arenaMap.put(base, a);
            }
            // regions come in address order, their pages one after the other in the file: each run of
            // adjacent regions is claimed and mapped with one call
            int regions = in.readInt();
            long runStart = 0, runEnd = 0, runOffset = 0;
            for (int i = 0; i <= regions; i++) {
                long addr = 0, size = 0, pages = 0;
                boolean stat = false;
                int tag = 0;
                if (i < regions) {
                    addr = in.readLong();
                    size = in.readLong();
                    stat = in.readBoolean();
                    tag = in.readInt();
                    pages = in.readLong();
                    if (pages <= 0 || size > pages || (pages & (PAGE - 1)) != 0 || (addr & (PAGE - 1)) != 0 || addr < runEnd) {
                        throw new ImageException("the image's bookkeeping is damaged (region 0x" + Long.toHexString(addr) + ")");
                    }
                }
                if (i == regions || addr != runEnd) {
                    if (runEnd > runStart) {
                        claim(claimed, runStart, runEnd - runStart);
                        readInto(ch, runStart, runEnd - runStart, runOffset, dataOffset + dataLength, limit);
                        pieces.add(new long[] {runStart, runEnd - runStart});
                    }
                    runStart = addr;
                    runOffset = offset;
                }
                if (i == regions) break;
                runEnd = addr + pages;
                offset += pages;
                Region r = new Region(size, stat, pages);
                r.tag = tag;
                b.regions.put(addr, r);
            }
            int sectionLength = in.readInt();
            if (sectionLength != image.sectionLength() || sectionLength != in.available()) throw new ImageException("the image's bookkeeping is damaged (its section)");
            b.imageSection = image;
            if (offset != dataOffset + dataLength) throw new ImageException("the image's bookkeeping does not match its memory");
            java.util.zip.CRC32C c = new java.util.zip.CRC32C();
            for (long[] piece : pieces) c.update(Native.ALL.asSlice(piece[0], piece[1]).asByteBuffer());
            if ((int) c.getValue() != dataCrc) throw new ImageException("the image's memory is damaged");
            done = true;
            return b;
        } finally {
            if (!done) {
                for (long[] m : claimed) AddressSpace.release(m[0], m[1]);
                b.closed = true;
            }
        }
    }

    /** The image this allocator was restored from (its section: empty for an image without one); null for an allocator made new. */
    private ImageRead imageSection;

    /** The layer above's section of the image this allocator was restored from (a copy); empty if none. */
    public byte[] imageSection() { return imageSection == null ? new byte[0] : imageSection.section(); }

    private static void claim(List<long[]> claimed, long addr, long size) {
        if (!AddressSpace.claim(addr, size)) {
            throw new ImageException("the image's memory at 0x" + Long.toHexString(addr) + " (" + size
                    + " bytes) is already in use in this process");
        }
        claimed.add(new long[] {addr, size});
    }

    /**
     * Reads {@code size} bytes of the image's memory from {@code offset} of the file into the range
     * at {@code addr} (claimed: committed here, then read straight into place). Read, not mapped
     * from the file: no descriptor of the C library's is needed (open and close were two more
     * downcalls to link, milliseconds each in a cold JVM), and the pages are the process's own
     * from the start rather than copied on their first write (the exit's collections write into
     * every tracked object's header).
     */
    private static void readInto(java.nio.channels.FileChannel ch, long addr, long size, long offset, long end, long limit) throws java.io.IOException {
        if (offset + size > end) throw new ImageException("the image's bookkeeping does not match its memory");
        if (!Native.commit(addr, size)) throw new HeapLimitExceeded(size, 0, limit);
        java.nio.ByteBuffer dst = Native.ALL.asSlice(addr, size).asByteBuffer();
        while (dst.hasRemaining()) {
            if (ch.read(dst, offset + dst.position()) < 0) throw new ImageException("the image's memory is cut short");
        }
    }
}
