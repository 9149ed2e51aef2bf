package dev.refheap.memory;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

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

    public static long getLong(long addr) { return ALL.get(LONG, addr); }
    public static void putLong(long addr, long v) { ALL.set(LONG, addr, v); }
    public static int getInt(long addr) { return ALL.get(INT, addr); }
    public static void putInt(long addr, int v) { ALL.set(INT, addr, v); }
    public static short getShort(long addr) { return ALL.get(SHORT, addr); }
    public static void putShort(long addr, short v) { ALL.set(SHORT, addr, v); }
    public static byte getByte(long addr) { return ALL.get(BYTE, addr); }
    public static void putByte(long addr, byte v) { ALL.set(BYTE, addr, v); }
    public static double getDouble(long addr) { return ALL.get(DOUBLE, addr); }
    public static void putDouble(long addr, double v) { ALL.set(DOUBLE, addr, v); }

    /** Copies {@code n} bytes; the ranges may overlap. */
    public static void copy(long src, long dst, long n) {
        if (n > 0) MemorySegment.copy(ALL, src, ALL, dst, n);
    }

    public static void fill(long addr, long n, byte value) {
        if (n > 0) ALL.asSlice(addr, n).fill(value);
    }

    public static void copyFrom(byte[] src, int srcOff, long dst, int n) {
        MemorySegment.copy(src, srcOff, ALL, BYTE, dst, n);
    }

    public static void copyTo(long src, byte[] dst, int dstOff, int n) {
        MemorySegment.copy(ALL, BYTE, src, dst, dstOff, n);
    }

    // ---- libc -------------------------------------------------------------------------------

    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;
    private static final long MAP_FAILED = -1L;

    private static final MethodHandle MMAP, MUNMAP, MADVISE, MALLOC, FREE;

    static {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        var addr = ValueLayout.JAVA_LONG;
        MMAP = linker.downcallHandle(libc.find("mmap").orElseThrow(),
                FunctionDescriptor.of(addr, addr, addr, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_INT, addr));
        MUNMAP = linker.downcallHandle(libc.find("munmap").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, addr, addr));
        MADVISE = linker.downcallHandle(libc.find("madvise").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, addr, addr, ValueLayout.JAVA_INT));
        MALLOC = linker.downcallHandle(libc.find("malloc").orElseThrow(), FunctionDescriptor.of(addr, addr),
                Linker.Option.critical(false));
        FREE = linker.downcallHandle(libc.find("free").orElseThrow(), FunctionDescriptor.ofVoid(addr),
                Linker.Option.critical(false));
    }

    /** Maps {@code size} bytes of zeroed, page-aligned memory; returns 0 if the OS refuses. */
    static long mmap(long size) {
        try {
            long p = (long) MMAP.invokeExact(0L, size, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0L);
            return p == MAP_FAILED ? 0 : p;
        } catch (Throwable t) {
            throw new IllegalStateException("mmap failed", t);
        }
    }

    static void munmap(long addr, long size) {
        try {
            int rc = (int) MUNMAP.invokeExact(addr, size);
            if (rc != 0) throw new IllegalStateException("munmap(" + Long.toHexString(addr) + ", " + size + ") failed");
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("munmap failed", t);
        }
    }

    /** madvise's MADV_HUGEPAGE (Linux): back the range with transparent huge pages where possible. */
    static final int MADV_HUGEPAGE = 14;

    /** madvise; returns false if the system refuses the advice (it is only advice: nothing else changes). */
    static boolean madvise(long addr, long size, int advice) {
        try {
            return (int) MADVISE.invokeExact(addr, size, advice) == 0;
        } catch (Throwable t) {
            throw new IllegalStateException("madvise failed", t);
        }
    }

    /** libc malloc; returns 0 if it fails. */
    static long malloc(long size) {
        try {
            return (long) MALLOC.invokeExact(size);
        } catch (Throwable t) {
            throw new IllegalStateException("malloc failed", t);
        }
    }

    static void free(long addr) {
        try {
            FREE.invokeExact(addr);
        } catch (Throwable t) {
            throw new IllegalStateException("free failed", t);
        }
    }
}
