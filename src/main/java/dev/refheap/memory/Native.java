package dev.refheap.memory;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Raw access to native memory by address, and the few libc calls the allocator needs.
 *
 * <p>Everything refheap stores lives at real native addresses; Java code refers to it by {@code long}
 * address. Access goes through one segment that spans the whole address space ({@link #ALL}), so
 * a read or write is a plain load or store once compiled; there are no per-object segments and no
 * Java allocation. The price is that these methods check nothing: callers must only touch memory
 * they own (the allocator's arenas, its large blocks, static regions). Addresses that come from
 * outside (a Python program's {@code ctypes.c_long.from_address}) must first be checked with
 * {@link BlockAllocator#isReadable(long, long)}.
 *
 * <p>Memory comes from {@code mmap}/{@code munmap} (arenas, as CPython does) and {@code malloc}/
 * {@code free} (large blocks, as CPython's raw allocator does), called through the foreign linker.
 */
public final class Native {
    private Native() {}

    /** A segment covering every address: the base of all raw access. */
    static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;

    // The accessors call each layout's var handle directly (the handle MemorySegment.get/set
    // call themselves, so the same checks and bytes) rather than through MemorySegment.get/set,
    // which reach it two calls deeper. C2 stops inlining at a depth of 15 calls and the access
    // chain is about ten deep: in a caller already a few calls down (the interpreter's loop, the
    // collector's passes) the alignment test's innermost helpers were left as real calls, 539
    // "inlining too deep" refusals in one collector benchmark run, 91 now (docs/performance.md,
    // "Session 10"). Exact-invocation handles were slower in the cold collection (interpreted
    // and C1 code check the exact type at each call).
    private static final VarHandle VH_LONG = LONG.varHandle();
    private static final VarHandle VH_INT = INT.varHandle();
    private static final VarHandle VH_SHORT = SHORT.varHandle();
    private static final VarHandle VH_BYTE = BYTE.varHandle();
    private static final VarHandle VH_DOUBLE = DOUBLE.varHandle();

    /** Aligned longs for the atomic accessors (the unaligned handles have no compare-and-set). */
    private static final VarHandle VH_ATOMIC_LONG = ValueLayout.JAVA_LONG.varHandle();

    /** Atomically sets the 8-aligned long at {@code addr} to {@code v} if it is {@code expected}. */
    public static boolean casLong(long addr, long expected, long v) { return VH_ATOMIC_LONG.compareAndSet(ALL, addr, expected, v); }

    /** Atomically adds {@code delta} to the 8-aligned long at {@code addr}. */
    public static void addLongAtomic(long addr, long delta) { VH_ATOMIC_LONG.getAndAdd(ALL, addr, delta); }

    /** Atomically ORs {@code bits} into the 8-aligned long at {@code addr}. */
    public static void orLongAtomic(long addr, long bits) { VH_ATOMIC_LONG.getAndBitwiseOr(ALL, addr, bits); }

    /** A volatile store of the 8-aligned long at {@code addr}. */
    public static void putLongVolatile(long addr, long v) { VH_ATOMIC_LONG.setVolatile(ALL, addr, v); }

    public static long getLong(long addr) { return (long) VH_LONG.get(ALL, addr); }
    public static void putLong(long addr, long v) { VH_LONG.set(ALL, addr, v); }
    public static int getInt(long addr) { return (int) VH_INT.get(ALL, addr); }
    public static void putInt(long addr, int v) { VH_INT.set(ALL, addr, v); }
    public static short getShort(long addr) { return (short) VH_SHORT.get(ALL, addr); }
    public static void putShort(long addr, short v) { VH_SHORT.set(ALL, addr, v); }
    public static byte getByte(long addr) { return (byte) VH_BYTE.get(ALL, addr); }
    public static void putByte(long addr, byte v) { VH_BYTE.set(ALL, addr, v); }
    public static double getDouble(long addr) { return (double) VH_DOUBLE.get(ALL, addr); }
    public static void putDouble(long addr, double v) { VH_DOUBLE.set(ALL, addr, v); }

    /** Copies {@code n} bytes; the ranges may overlap. */
    public static void copy(long src, long dst, long n) {
        if (n > 0) MemorySegment.copy(ALL, src, ALL, dst, n);
    }

    public static void fill(long addr, long n, byte value) {
        if (n > 0) ALL.asSlice(addr, n).fill(value);
    }

    /** Runs of at most this many words are zeroed by {@link #zeroWords} a word at a time. */
    static final int SMALL_ZERO_WORDS = 16;

    /**
     * Zeroes {@code words} 8-byte words from {@code addr}: a short run (a dict's first entries, a
     * short list's or tuple's items) a word at a time, since a bulk fill of a few words (a slice
     * and the JDK's fill) costs more than the words themselves, above all before C2 compiles it;
     * a longer one as a fill.
     */
    public static void zeroWords(long addr, long words) {
        if (words <= SMALL_ZERO_WORDS) {
            for (long i = 0; i < words; i++) putLong(addr + 8 * i, 0);
        } else {
            fill(addr, 8 * words, (byte) 0);
        }
    }

    // The arrays as segments rather than MemorySegment.copy's array forms: those find the array's
    // base and scale with a pattern switch whose first run generates a class at run time (the
    // JVM's start-up cache does not keep it), and the runtime's set-up copies its first strs here.
    // A copy of up to SMALL_COPY bytes (most strs' data: names, identifiers) is a loop of the byte
    // accessors, which every program compiles early anyway: through MemorySegment.copy, a cold
    // JVM that copies a few thousand short strs (an adopted start-up image's names) had the JIT
    // compile the bulk copy's large inlined body with C2 three times over (its profile seeing
    // array and native segments), one of its costliest compilations (docs/performance.md,
    // "Session 19").
    private static final int SMALL_COPY = 32;

    public static void copyFrom(byte[] src, int srcOff, long dst, int n) {
        if (n <= SMALL_COPY) {
            java.util.Objects.checkFromIndexSize(srcOff, n, src.length);
            for (int i = 0; i < n; i++) putByte(dst + i, src[srcOff + i]);
            return;
        }
        MemorySegment.copy(MemorySegment.ofArray(src), srcOff, ALL, dst, n);
    }

    public static void copyTo(long src, byte[] dst, int dstOff, int n) {
        if (n <= SMALL_COPY) {
            java.util.Objects.checkFromIndexSize(dstOff, n, dst.length);
            for (int i = 0; i < n; i++) dst[dstOff + i] = getByte(src + i);
            return;
        }
        MemorySegment.copy(ALL, src, MemorySegment.ofArray(dst), dstOff, n);
    }

    /**
     * Runs each accessor above once on a scratch block of the JVM's own: the first access of
     * each kind costs the JDK milliseconds (it links the var handles and their method-handle
     * forms), which the launcher pays here, while another thread links the libc functions,
     * instead of on the heap's critical path. Touches no memory of any heap.
     */
    public static void warmAccess() {
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            long a = arena.allocate(64, 16).address();
            putLong(a, getLong(a + 8) + 1);
            putInt(a + 16, getInt(a + 20) + 1);
            putShort(a + 24, (short) (getShort(a + 26) + 1));
            putByte(a + 28, (byte) (getByte(a + 29) + 1));
            putDouble(a + 32, getDouble(a + 40) + 1);
            copy(a, a + 48, 16);
            fill(a, 16, (byte) 0);
            byte[] b = new byte[8];
            copyTo(a + 48, b, 0, 8);
            copyFrom(b, 0, a, 8);
            if (getLong(a) != 1) throw new IllegalStateException("native access warm-up read back " + getLong(a));
        }
    }

    // ---- libc -------------------------------------------------------------------------------

    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;
    private static final long MAP_FAILED = -1L;

    // Each function is linked the first time it is called, in a holder class of its own: linking
    // one costs the JDK some milliseconds (it generates a stub class and method-handle forms), so
    // a program links only what it calls, and {@link #prelink} can link them on another thread
    // while the runtime starts (class initialisation makes a caller wait for a link in progress).

    private static MethodHandle link(String name, FunctionDescriptor fd, Linker.Option... options) {
        Linker linker = Linker.nativeLinker();
        return linker.downcallHandle(linker.defaultLookup().find(name).orElseThrow(), fd, options);
    }

    private static final ValueLayout.OfLong ADDR = ValueLayout.JAVA_LONG;

    private static final class Mmap {
        static final MethodHandle H = link("mmap", FunctionDescriptor.of(ADDR, ADDR, ADDR, ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ADDR));
    }

    private static final class Munmap {
        static final MethodHandle H = link("munmap", FunctionDescriptor.of(ValueLayout.JAVA_INT, ADDR, ADDR));
    }

    private static final class Madvise {
        static final MethodHandle H = link("madvise", FunctionDescriptor.of(ValueLayout.JAVA_INT, ADDR, ADDR, ValueLayout.JAVA_INT));
    }

    private static final class Malloc {
        static final MethodHandle H = link("malloc", FunctionDescriptor.of(ADDR, ADDR), Linker.Option.critical(false));
    }

    /** Linked on first use: only a large block's realloc needs it. */
    private static final class Realloc {
        static final MethodHandle H = link("realloc", FunctionDescriptor.of(ADDR, ADDR, ADDR), Linker.Option.critical(false));
    }

    private static final class Free {
        static final MethodHandle H = link("free", FunctionDescriptor.ofVoid(ADDR), Linker.Option.critical(false));
    }

    /**
     * Links the libc functions a heap needs now, in the order it first needs them: mmap (the owned
     * range's reservation, then the first arena), malloc (the first large block), munmap and free
     * last; madvise only when arenas are advised huge pages ({@code -Drefheap.hugePages=true}),
     * the only use it has. The launcher runs this on a thread of its own as the JVM starts, so the
     * interpreter's thread finds them linked, or waits only for the rest of one link.
     */
    public static void prelink() {
        MethodHandle[] linked = {Mmap.H, Malloc.H, Munmap.H, Free.H, BlockAllocator.HUGE_PAGES ? Madvise.H : null};
        if (linked[0] == null) throw new IllegalStateException("mmap not linked");
    }


    /**
     * Links {@link #fstat}, which the start-up image's key calls first: for the same thread, before
     * {@link #prelink}. Not {@link #lseek}: the key asks it only of a regular file's descriptor.
     */
    public static void prelinkDescriptors() {
        MethodHandle[] linked = {Fstat.H};
        if (linked[0] == null) throw new IllegalStateException("fstat not linked");
    }

    /** Maps {@code size} bytes of zeroed, page-aligned memory; returns 0 if the OS refuses. */
    static long mmap(long size) {
        try {
            long p = (long) Mmap.H.invokeExact(0L, size, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0L);
            return p == MAP_FAILED ? 0 : p;
        } catch (Throwable t) {
            throw new IllegalStateException("mmap failed", t);
        }
    }

    /** Linux's MAP_FIXED_NOREPLACE (4.17+): map exactly at the address, or fail with EEXIST if anything is mapped there. */
    private static final int MAP_FIXED_NOREPLACE = 0x100000;

    /**
     * Maps {@code size} bytes of zeroed memory exactly at {@code addr} (page-aligned), never over an
     * existing mapping; false if the range is taken or the OS refuses (a kernel older than 4.17,
     * which takes the flag as a hint, mapped elsewhere: that mapping is undone).
     */
    static boolean mmapFixed(long addr, long size) {
        try {
            long p = (long) Mmap.H.invokeExact(addr, size, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0L);
            if (p == MAP_FAILED) return false;
            if (p != addr) {
                munmap(p, size);
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("mmap failed", t);
        }
    }

    private static final int PROT_NONE = 0;
    private static final int MAP_PRIVATE = 0x02, MAP_FIXED = 0x10, MAP_ANONYMOUS = 0x20, MAP_NORESERVE = 0x4000;

    /**
     * Reserves {@code size} bytes of address space, inaccessible and uncharged ({@code PROT_NONE},
     * {@code MAP_NORESERVE}): at exactly {@code addr} when it is not 0 ({@code MAP_FIXED_NOREPLACE}:
     * never over an existing mapping), else where the system chooses. Returns the address, or 0 if
     * the system refuses or the fixed range is taken.
     */
    static long reserve(long addr, long size) {
        int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | (addr != 0 ? MAP_FIXED_NOREPLACE : 0);
        long p = rawMmap(addr, size, PROT_NONE, flags, -1, 0);
        if (p == MAP_FAILED) return 0;
        if (addr != 0 && p != addr) {  // a kernel before 4.17 took the address as a hint
            munmap(p, size);
            return 0;
        }
        return p;
    }

    /**
     * Makes {@code [addr, addr + size)} of a reservation this process owns readable, writable and
     * zero ({@code MAP_FIXED} over it: whatever was there is replaced); false if the system refuses.
     */
    static boolean commit(long addr, long size) {
        return rawMmap(addr, size, PROT_READ_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == addr;
    }

    /** Gives the pages of {@code [addr, addr + size)} back and leaves the range reserved (inaccessible) for its owner. */
    static void decommit(long addr, long size) {
        if (rawMmap(addr, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0) != addr) {
            throw new IllegalStateException("decommit(" + Long.toHexString(addr) + ", " + size + ") failed");
        }
    }


    private static long rawMmap(long addr, long size, int prot, int flags, int fd, long offset) {
        try {
            return (long) Mmap.H.invokeExact(addr, size, prot, flags, fd, offset);
        } catch (Throwable t) {
            throw new IllegalStateException("mmap failed", t);
        }
    }


    private static final class Fstat {
        static final MethodHandle H = link("fstat", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
    }

    private static final class Lseek {
        static final MethodHandle H = link("lseek", FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_INT));
    }

    /** struct stat (x86-64): its size and the offsets of st_mode, st_size and st_blksize. */
    private static final int STAT_SIZE = 144, ST_MODE = 24, ST_SIZE = 48, ST_BLKSIZE = 56;

    /**
     * fstat(2) of {@code fd}: {st_mode, st_size, st_blksize}, or null when it fails (a closed
     * descriptor). For the start-up image's key, which reads the standard descriptors before the
     * runtime exists: a handle of its own, called exactly, where posix's generic calls would make
     * the JDK generate method-handle forms (tens of classes) on the way.
     */
    public static long[] fstat(int fd) {
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            java.lang.foreign.MemorySegment buf = arena.allocate(STAT_SIZE, 8);
            if ((int) Fstat.H.invokeExact(fd, buf) != 0) return null;
            return new long[] {buf.get(ValueLayout.JAVA_INT, ST_MODE) & 0xffffffffL, buf.get(ValueLayout.JAVA_LONG, ST_SIZE),
                buf.get(ValueLayout.JAVA_LONG, ST_BLKSIZE)};
        } catch (Throwable t) {
            throw new IllegalStateException("fstat failed", t);
        }
    }

    /** lseek(2): the new offset, or -1. */
    public static long lseek(int fd, long offset, int whence) {
        try {
            return (long) Lseek.H.invokeExact(fd, offset, whence);
        } catch (Throwable t) {
            throw new IllegalStateException("lseek failed", t);
        }
    }


    static void munmap(long addr, long size) {
        try {
            int rc = (int) Munmap.H.invokeExact(addr, size);
            if (rc != 0) throw new IllegalStateException("munmap(" + Long.toHexString(addr) + ", " + size + ") failed");
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("munmap failed", t);
        }
    }

    /** madvise's MADV_HUGEPAGE (Linux): back the range with transparent huge pages where possible. */
    static final int MADV_HUGEPAGE = 14;
    /** madvise's MADV_POPULATE_WRITE (Linux 5.14): fault the range in, writable, in one call. */
    static final int MADV_POPULATE_WRITE = 23;

    /** madvise; returns false if the system refuses the advice (it is only advice: nothing else changes). */
    static boolean madvise(long addr, long size, int advice) {
        try {
            return (int) Madvise.H.invokeExact(addr, size, advice) == 0;
        } catch (Throwable t) {
            throw new IllegalStateException("madvise failed", t);
        }
    }

    /** libc malloc; returns 0 if it fails. */
    static long malloc(long size) {
        try {
            return (long) Malloc.H.invokeExact(size);
        } catch (Throwable t) {
            throw new IllegalStateException("malloc failed", t);
        }
    }

    /** libc realloc; returns 0 if it fails (the block at {@code addr} is then unchanged). */
    static long realloc(long addr, long size) {
        try {
            return (long) Realloc.H.invokeExact(addr, size);
        } catch (Throwable t) {
            throw new IllegalStateException("realloc failed", t);
        }
    }

    static void free(long addr) {
        try {
            Free.H.invokeExact(addr);
        } catch (Throwable t) {
            throw new IllegalStateException("free failed", t);
        }
    }
}
