package dev.refheap.lang.modules.zlib;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;
import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * {@code zlib} as CPython 3.11 builds it, over the system's zlib (libz.so.1, the library CPython
 * links: {@link Zlib}): {@code compress}, {@code decompress}, {@code crc32}, {@code adler32},
 * {@code compressobj}/{@code decompressobj} ({@link StreamType}: the z_stream lives inside the
 * object, as in compobject), {@code error} and the constants. Errors carry CPython's messages
 * ("Error -3 while decompressing data: incorrect header check"). zlib's own working memory comes
 * from the C library's allocator (CPython gives it PyMem_RawMalloc), so tracemalloc does not see it.
 * State per runtime: the two stream types and the error class.
 */
public final class ZlibModule {
    private ZlibModule() {}

    static final int Z_NO_FLUSH = 0, Z_PARTIAL_FLUSH = 1, Z_SYNC_FLUSH = 2, Z_FULL_FLUSH = 3, Z_FINISH = 4, Z_BLOCK = 5, Z_TREES = 6;
    static final int Z_OK = 0, Z_STREAM_END = 1, Z_NEED_DICT = 2, Z_STREAM_ERROR = -2, Z_DATA_ERROR = -3, Z_MEM_ERROR = -4,
            Z_BUF_ERROR = -5, Z_VERSION_ERROR = -6;
    static final int MAX_WBITS = 15, DEFLATED = 8, DEF_MEM_LEVEL = 8, DEF_BUF_SIZE = 16384;
    /** Output produced per inflate/deflate call before the buffer is drained. */
    static final int CHUNK = 32 * 1024;

    record State(StreamType compress, StreamType decompress, long error) {}

    private static final Object[] CONSTANTS = {
        "MAX_WBITS", MAX_WBITS, "DEFLATED", DEFLATED, "DEF_MEM_LEVEL", DEF_MEM_LEVEL, "DEF_BUF_SIZE", DEF_BUF_SIZE,
        "Z_NO_COMPRESSION", 0, "Z_BEST_SPEED", 1, "Z_BEST_COMPRESSION", 9, "Z_DEFAULT_COMPRESSION", -1,
        "Z_FILTERED", 1, "Z_HUFFMAN_ONLY", 2, "Z_RLE", 3, "Z_FIXED", 4, "Z_DEFAULT_STRATEGY", 0,
        "Z_NO_FLUSH", Z_NO_FLUSH, "Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH, "Z_SYNC_FLUSH", Z_SYNC_FLUSH,
        "Z_FULL_FLUSH", Z_FULL_FLUSH, "Z_FINISH", Z_FINISH, "Z_BLOCK", Z_BLOCK, "Z_TREES", Z_TREES,
    };

    public static long create(VmApi vm) {
        Heap heap = vm.heap;
        Zlib.require(vm);
        long m = vm.newModule("zlib");
        long d = vm.moduleDict(m);
        State st = vm.moduleState("zlib", () -> {
            StreamType c = new StreamType(vm, "zlib.Compress", true);
            StreamType dc = new StreamType(vm, "zlib.Decompress", false);
            c.install();
            dc.install();
            return new State(c, dc, vm.newExceptionClass("zlib", "error", "Exception"));
        });
        st.compress().state = st;
        st.decompress().state = st;
        heap.dicts.setItem(d, "error", st.error());
        for (int i = 0; i < CONSTANTS.length; i += 2) {
            long v = vm.newInt((Integer) CONSTANTS[i + 1]);
            heap.dicts.setItem(d, (String) CONSTANTS[i], v);
            heap.decref(v);
        }
        for (String name : new String[] {"ZLIB_VERSION", "ZLIB_RUNTIME_VERSION"}) {
            long v = vm.str(Zlib.version());  // the library refheap calls is the one it was "built" against
            heap.dicts.setItem(d, name, v);
            heap.decref(v);
        }
        vm.def(m, "adler32", (s, a, o, n, kw) -> checksum(vm, "adler32", a, o, n, kw, 1));
        vm.def(m, "crc32", (s, a, o, n, kw) -> checksum(vm, "crc32", a, o, n, kw, 0));
        vm.def(m, "compress", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "compress", new String[] {"", "level", "wbits"}, 1, 3, 1, a, o, n, kw);
            byte[] data = buffer(vm, p[0]);
            int level = p[1] == 0 ? -1 : Params.cInt(vm, p[1]);
            int wbits = p[2] == 0 ? MAX_WBITS : Params.cInt(vm, p[2]);
            return heap.bytes.of(compress(vm, st, data, level, wbits));
        });
        vm.def(m, "decompress", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "decompress", new String[] {"", "wbits", "bufsize"}, 1, 3, 1, a, o, n, kw);
            byte[] data = buffer(vm, p[0]);
            int wbits = p[1] == 0 ? MAX_WBITS : Params.cInt(vm, p[1]);
            long bufsize = p[2] == 0 ? DEF_BUF_SIZE : Params.ssize(vm, p[2]);
            if (bufsize < 0) throw vm.error("ValueError", "bufsize must be non-negative");
            return heap.bytes.of(decompress(vm, st, data, wbits));
        });
        vm.def(m, "compressobj", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "compressobj", new String[] {"level", "method", "wbits", "memLevel", "strategy", "zdict"},
                    0, 6, 0, a, o, n, kw);
            int level = p[0] == 0 ? -1 : Params.cInt(vm, p[0]);
            int method = p[1] == 0 ? DEFLATED : Params.cInt(vm, p[1]);
            int wbits = p[2] == 0 ? MAX_WBITS : Params.cInt(vm, p[2]);
            int memLevel = p[3] == 0 ? DEF_MEM_LEVEL : Params.cInt(vm, p[3]);
            int strategy = p[4] == 0 ? 0 : Params.cInt(vm, p[4]);
            byte[] zdict = null;
            if (p[5] != 0) {
                zdict = vm.bytesLike(p[5]);
                if (zdict == null) throw vm.error("TypeError", "zdict argument must support the buffer protocol");
            }
            return st.compress().newCompressor(level, method, wbits, memLevel, strategy, zdict);
        });
        vm.def(m, "decompressobj", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "decompressobj", new String[] {"wbits", "zdict"}, 0, 2, 0, a, o, n, kw);
            int wbits = p[0] == 0 ? MAX_WBITS : Params.cInt(vm, p[0]);
            if (p[1] != 0 && vm.bytesLike(p[1]) == null) throw vm.error("TypeError", "zdict argument must support the buffer protocol");
            return st.decompress().newDecompressor(wbits, p[1]);
        });
        return m;
    }

    /** adler32/crc32(data, value): the running checksum, unsigned. */
    private static long checksum(VmApi vm, String name, long[] a, int o, int n, long kw, long start) {
        Params.noKeywords(vm, name, kw);
        Params.unpack(vm, name, n, 0, 1, 2);
        byte[] data = buffer(vm, a[o]);
        long value = n == 2 ? vm.asIndex(a[o + 1]).longValue() & 0xffff_ffffL : start;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = Zlib.copyIn(arena, data);
            return vm.newInt(name.equals("crc32") ? Zlib.crc32(value, buf, data.length) : Zlib.adler32(value, buf, data.length));
        }
    }

    /** zlib_compress_impl: one deflate stream over {@code data}, finished. */
    private static byte[] compress(VmApi vm, State st, byte[] data, int level, int wbits) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment zst = arena.allocate(Zlib.Z_STREAM_SIZE);
            int err = Zlib.deflateInit2(zst, level, DEFLATED, wbits, DEF_MEM_LEVEL, 0);
            if (err == Z_MEM_ERROR) throw vm.error("MemoryError", "Out of memory while compressing data");
            if (err == Z_STREAM_ERROR) throw error(vm, st, "Bad compression level");
            if (err != Z_OK) {
                Zlib.deflateEnd(zst);
                throw zlibError(vm, st, zst, err, "while compressing data");
            }
            MemorySegment in = Zlib.copyIn(arena, data);
            Zlib.setInput(zst, in, data.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MemorySegment chunk = arena.allocate(CHUNK);
            do {
                Zlib.setOutput(zst, chunk, CHUNK);
                err = Zlib.deflate(zst, Z_FINISH);
                if (err == Z_STREAM_ERROR) {
                    Zlib.deflateEnd(zst);
                    throw zlibError(vm, st, zst, err, "while compressing data");
                }
                Zlib.drain(zst, chunk, CHUNK, out);
            } while (Zlib.availOut(zst) == 0);
            err = Zlib.deflateEnd(zst);
            if (err != Z_OK) throw zlibError(vm, st, zst, err, "while finishing compression");
            return out.toByteArray();
        }
    }

    /** zlib_decompress_impl: one inflate stream; input after its end is ignored, a stream that does not end is an error. */
    private static byte[] decompress(VmApi vm, State st, byte[] data, int wbits) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment zst = arena.allocate(Zlib.Z_STREAM_SIZE);
            MemorySegment in = Zlib.copyIn(arena, data);
            Zlib.setInput(zst, in, data.length);
            int err = Zlib.inflateInit2(zst, wbits);
            if (err == Z_MEM_ERROR) throw vm.error("MemoryError", "Out of memory while decompressing data");
            if (err != Z_OK) {
                Zlib.inflateEnd(zst);
                throw zlibError(vm, st, zst, err, "while preparing to decompress data");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MemorySegment chunk = arena.allocate(CHUNK);
            do {
                Zlib.setOutput(zst, chunk, CHUNK);
                err = Zlib.inflate(zst, Z_FINISH);  // the whole input is given at once, as CPython's first arrange_input_buffer does
                if (err == Z_MEM_ERROR) throw vm.error("MemoryError", "Out of memory while decompressing data");
                if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
                    Zlib.inflateEnd(zst);
                    throw zlibError(vm, st, zst, err, "while decompressing data");
                }
                Zlib.drain(zst, chunk, CHUNK, out);
            } while (Zlib.availOut(zst) == 0);
            if (err != Z_STREAM_END) {
                Zlib.inflateEnd(zst);
                throw zlibError(vm, st, zst, err, "while decompressing data");
            }
            err = Zlib.inflateEnd(zst);
            if (err != Z_OK) throw zlibError(vm, st, zst, err, "while finishing decompression");
            return out.toByteArray();
        }
    }

    /** A bytes-like argument's bytes, or CPython's TypeError for anything else. */
    static byte[] buffer(VmApi vm, long o) {
        byte[] b = vm.bytesLike(o);
        if (b == null) throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(o) + "'");
        return b;
    }

    static PyException error(VmApi vm, State st, String message) {
        long msg = vm.str(message);
        try {
            return new PyException(vm.call(st.error(), msg));
        } finally {
            vm.heap.decref(msg);
        }
    }

    /** zlib_error: "Error N while ...: zlib's message", or the generic text for the code when zlib gave none. */
    static PyException zlibError(VmApi vm, State st, MemorySegment zst, int err, String what) {
        String zmsg = err == Z_VERSION_ERROR ? "library version mismatch" : Zlib.msg(zst);
        if (zmsg == null) {
            zmsg = switch (err) {
                case Z_BUF_ERROR -> "incomplete or truncated stream";
                case Z_STREAM_ERROR -> "inconsistent stream state";
                case Z_DATA_ERROR -> "invalid input data";
                default -> null;
            };
        }
        return error(vm, st, zmsg == null ? "Error " + err + " " + what : "Error " + err + " " + what + ": " + zmsg);
    }
}
