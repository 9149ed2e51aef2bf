package dev.refheap.lang.modules.zlib;

import dev.refheap.lang.vm.VmApi;
import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The system's zlib (libz.so.1) through java.lang.foreign: the calls the {@code zlib} module makes
 * and the z_stream fields it reads, at zlib 1.2's x86-64 layout (112 bytes: next_in 0, avail_in 8,
 * total_in 16, next_out 24, avail_out 32, total_out 40, msg 48, state 56, zalloc 64, zfree 72,
 * opaque 80, data_type 88, adler 96, reserved 104). A z_stream may live anywhere in native memory
 * (a compobject keeps its own at offset 16). Linked on first use; a machine without libz.so.1
 * gets an ImportError naming it.
 */
final class Zlib {
    private Zlib() {}

    static final long Z_STREAM_SIZE = 112;
    private static final long NEXT_IN = 0, AVAIL_IN = 8, NEXT_OUT = 24, AVAIL_OUT = 32, MSG = 48;

    private static final class Lib {
        static final Linker LINKER = Linker.nativeLinker();
        static final SymbolLookup Z = SymbolLookup.libraryLookup("libz.so.1", Arena.global());
        static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
        static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
        static final ValueLayout PTR = ValueLayout.ADDRESS;
        static final MethodHandle VERSION = h("zlibVersion", FunctionDescriptor.of(PTR));
        static final MethodHandle DEFLATE_INIT2 = h("deflateInit2_", FunctionDescriptor.of(INT, PTR, INT, INT, INT, INT, INT, PTR, INT));
        static final MethodHandle INFLATE_INIT2 = h("inflateInit2_", FunctionDescriptor.of(INT, PTR, INT, PTR, INT));
        static final MethodHandle DEFLATE = h("deflate", FunctionDescriptor.of(INT, PTR, INT));
        static final MethodHandle INFLATE = h("inflate", FunctionDescriptor.of(INT, PTR, INT));
        static final MethodHandle DEFLATE_END = h("deflateEnd", FunctionDescriptor.of(INT, PTR));
        static final MethodHandle INFLATE_END = h("inflateEnd", FunctionDescriptor.of(INT, PTR));
        static final MethodHandle DEFLATE_COPY = h("deflateCopy", FunctionDescriptor.of(INT, PTR, PTR));
        static final MethodHandle INFLATE_COPY = h("inflateCopy", FunctionDescriptor.of(INT, PTR, PTR));
        static final MethodHandle DEFLATE_DICT = h("deflateSetDictionary", FunctionDescriptor.of(INT, PTR, PTR, INT));
        static final MethodHandle INFLATE_DICT = h("inflateSetDictionary", FunctionDescriptor.of(INT, PTR, PTR, INT));
        static final MethodHandle CRC32 = h("crc32", FunctionDescriptor.of(LONG, LONG, PTR, INT));
        static final MethodHandle ADLER32 = h("adler32", FunctionDescriptor.of(LONG, LONG, PTR, INT));
        static final MemorySegment VERSION_STRING;

        static {
            try {
                VERSION_STRING = ((MemorySegment) VERSION.invokeExact()).reinterpret(64);
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        private static MethodHandle h(String name, FunctionDescriptor fd) {
            return LINKER.downcallHandle(Z.find(name).orElseThrow(), fd);
        }
    }

    /** Links the library, or an ImportError naming it. */
    static void require(VmApi vm) {
        try {
            version();
        } catch (IllegalArgumentException | ExceptionInInitializerError | NoClassDefFoundError e) {
            throw vm.error("ImportError", "zlib needs the system's zlib library (libz.so.1), which this machine does not have");
        }
    }

    static String version() { return Lib.VERSION_STRING.getString(0); }

    static int deflateInit2(MemorySegment zst, int level, int method, int wbits, int memLevel, int strategy) {
        try {
            return (int) Lib.DEFLATE_INIT2.invokeExact(zst, level, method, wbits, memLevel, strategy, Lib.VERSION_STRING, (int) Z_STREAM_SIZE);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int inflateInit2(MemorySegment zst, int wbits) {
        try {
            return (int) Lib.INFLATE_INIT2.invokeExact(zst, wbits, Lib.VERSION_STRING, (int) Z_STREAM_SIZE);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int deflate(MemorySegment zst, int flush) {
        try {
            return (int) Lib.DEFLATE.invokeExact(zst, flush);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int inflate(MemorySegment zst, int flush) {
        try {
            return (int) Lib.INFLATE.invokeExact(zst, flush);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int deflateEnd(MemorySegment zst) { return call1(Lib.DEFLATE_END, zst); }

    static int inflateEnd(MemorySegment zst) { return call1(Lib.INFLATE_END, zst); }

    static int deflateCopy(MemorySegment dest, MemorySegment src) { return call2(Lib.DEFLATE_COPY, dest, src); }

    static int inflateCopy(MemorySegment dest, MemorySegment src) { return call2(Lib.INFLATE_COPY, dest, src); }

    static int setDictionary(boolean deflate, MemorySegment zst, byte[] dict) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment d = copyIn(arena, dict);
            return (int) (deflate ? Lib.DEFLATE_DICT : Lib.INFLATE_DICT).invokeExact(zst, d, dict.length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static long crc32(long value, MemorySegment buf, int len) {
        try {
            return (long) Lib.CRC32.invokeExact(value, buf, len) & 0xffff_ffffL;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static long adler32(long value, MemorySegment buf, int len) {
        try {
            return (long) Lib.ADLER32.invokeExact(value, buf, len) & 0xffff_ffffL;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static int call1(MethodHandle h, MemorySegment zst) {
        try {
            return (int) h.invokeExact(zst);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static int call2(MethodHandle h, MemorySegment a, MemorySegment b) {
        try {
            return (int) h.invokeExact(a, b);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }

    /** {@code data} in native memory of {@code arena} (one byte for an empty array, so the pointer is never NULL). */
    static MemorySegment copyIn(Arena arena, byte[] data) {
        MemorySegment s = arena.allocate(Math.max(1, data.length));
        MemorySegment.copy(data, 0, s, ValueLayout.JAVA_BYTE, 0, data.length);
        return s;
    }

    static void setInput(MemorySegment zst, MemorySegment in, int len) {
        zst.set(ValueLayout.ADDRESS, NEXT_IN, in);
        zst.set(ValueLayout.JAVA_INT, AVAIL_IN, len);
    }

    static int availIn(MemorySegment zst) { return zst.get(ValueLayout.JAVA_INT, AVAIL_IN); }

    static long nextIn(MemorySegment zst) { return zst.get(ValueLayout.ADDRESS, NEXT_IN).address(); }

    static void setOutput(MemorySegment zst, MemorySegment out, int len) {
        zst.set(ValueLayout.ADDRESS, NEXT_OUT, out);
        zst.set(ValueLayout.JAVA_INT, AVAIL_OUT, len);
    }

    static int availOut(MemorySegment zst) { return zst.get(ValueLayout.JAVA_INT, AVAIL_OUT); }

    /** Appends what the last call wrote into {@code chunk} (of {@code size} bytes) to {@code out}. */
    static void drain(MemorySegment zst, MemorySegment chunk, int size, ByteArrayOutputStream out) {
        int produced = size - availOut(zst);
        if (produced > 0) out.write(chunk.asSlice(0, produced).toArray(ValueLayout.JAVA_BYTE), 0, produced);
    }

    /** zst.msg, or null when zlib left none. */
    static String msg(MemorySegment zst) {
        MemorySegment p = zst.get(ValueLayout.ADDRESS, MSG);
        return p.address() == 0 ? null : p.reinterpret(256).getString(0);
    }

    /** The z_stream at an object's address + offset (refheap's native heap). */
    static MemorySegment at(long address) {
        return MemorySegment.ofAddress(address).reinterpret(Z_STREAM_SIZE);
    }
}
