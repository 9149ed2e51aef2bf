package dev.refheap.lang.modules.zlib;

import static dev.refheap.lang.modules.zlib.ZlibModule.*;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * {@code zlib.Compress} and {@code zlib.Decompress}: CPython 3.11's compobject, 168 bytes, not
 * GC-tracked, a heap type whose instances hold their type:
 * <pre>
 *  refcnt | type | z_stream (112 bytes) | unused_data | unconsumed_tail | eof (char) . is_initialised (int)
 *  | zdict | lock
 * </pre>
 * zlib works on the z_stream in place. States: initialised (a deflate or inflate stream zlib set
 * up: is_initialised 1) → ended (Compress.flush(Z_FINISH), Decompress.flush() at the stream's
 * end: is_initialised 0, eof 1 for a decompressor); dealloc ends a stream still initialised.
 * unused_data and unconsumed_tail are always bytes (b'' to start); zdict is NULL or the
 * decompressor's dictionary object. The lock word stays 0 (refheap's interpreter lock serialises
 * the calls).
 */
final class StreamType extends FieldsType {
    static final int ZST = 16, UNUSED_DATA = 128, UNCONSUMED_TAIL = 136, EOF = 144, IS_INITIALISED = 148, ZDICT = 152;
    private final boolean compress;
    ZlibModule.State state;

    StreamType(VmApi vm, String name, boolean compress) {
        super(vm, name, 0, 168, 0, UNUSED_DATA, UNCONSUMED_TAIL, ZDICT);
        this.compress = compress;
    }

    /** Py_TPFLAGS_HEAPTYPE | IMMUTABLETYPE | DISALLOW_INSTANTIATION | READY, as CPython 3.11.7 reports, plus the version tag once set. */
    @Override
    protected long declaredFlags() { return 0x1280; }

    @Override
    protected boolean heapTypeInstances() { return true; }

    private static MemorySegment zst(long o) { return Zlib.at(o + ZST); }

    private static boolean initialised(long o) { return Native.getInt(o + IS_INITIALISED) != 0; }

    private static void setInitialised(long o, boolean v) { Native.putInt(o + IS_INITIALISED, v ? 1 : 0); }

    /** newcompobject: empty unused_data and unconsumed_tail, nothing else set. */
    private long newObject() {
        long o = alloc();
        put(o, UNUSED_DATA, heap.bytes.of(new byte[0]));
        put(o, UNCONSUMED_TAIL, heap.bytes.of(new byte[0]));
        return o;
    }

    long newCompressor(int level, int method, int wbits, int memLevel, int strategy, byte[] zdict) {
        long o = newObject();
        try {
            int err = Zlib.deflateInit2(zst(o), level, method, wbits, memLevel, strategy);
            switch (err) {
                case Z_OK -> {
                    setInitialised(o, true);
                    if (zdict != null && Zlib.setDictionary(true, zst(o), zdict) != Z_OK) throw vm.error("ValueError", "Invalid dictionary");
                }
                case Z_MEM_ERROR -> throw vm.error("MemoryError", "Can't allocate memory for compression object");
                case Z_STREAM_ERROR -> throw vm.error("ValueError", "Invalid initialization option");
                default -> throw zlibError(vm, state, zst(o), err, "while creating compression object");
            }
        } catch (PyException e) {
            heap.decref(o);
            throw e;
        }
        return o;
    }

    long newDecompressor(int wbits, long zdict) {
        long o = newObject();
        try {
            if (zdict != 0) put(o, ZDICT, vm.incref(zdict));
            int err = Zlib.inflateInit2(zst(o), wbits);
            switch (err) {
                case Z_OK -> {
                    setInitialised(o, true);
                    if (zdict != 0 && wbits < 0) setInflateZdict(o);
                }
                case Z_STREAM_ERROR -> throw vm.error("ValueError", "Invalid initialization option");
                case Z_MEM_ERROR -> throw vm.error("MemoryError", "Can't allocate memory for decompression object");
                default -> throw zlibError(vm, state, zst(o), err, "while creating decompression object");
            }
        } catch (PyException e) {
            heap.decref(o);
            throw e;
        }
        return o;
    }

    private void setInflateZdict(long o) {
        byte[] dict = buffer(vm, get(o, ZDICT));
        int err = Zlib.setDictionary(false, zst(o), dict);
        if (err != Z_OK) throw zlibError(vm, state, zst(o), err, "while setting zdict");
    }

    @Override
    protected void freeArrays(long o) {
        if (initialised(o)) {
            if (compress) Zlib.deflateEnd(zst(o));
            else Zlib.inflateEnd(zst(o));
            setInitialised(o, false);
        }
    }

    @Override
    public long newInstance(long[] a, int off, int n, long kw) {
        throw vm.error("TypeError", "cannot create '" + name() + "' instances");
    }

    @Override
    public long attrOf(long o, String name) {
        if (compress) return 0;
        return switch (name) {
            case "unused_data" -> vm.incref(get(o, UNUSED_DATA));
            case "unconsumed_tail" -> vm.incref(get(o, UNCONSUMED_TAIL));
            case "eof" -> vm.incref(Native.getByte(o + EOF) != 0 ? heap.True : heap.False);
            default -> 0;
        };
    }

    @Override
    public boolean setAttrOf(long o, String name, long v) {
        if (!compress && (name.equals("unused_data") || name.equals("unconsumed_tail") || name.equals("eof"))) {
            throw vm.error("AttributeError", "readonly attribute");
        }
        return false;
    }

    void install() {
        vm.registerType(this);
        if (compress) {
            defMethod("compress", (s, a, o, n, kw) -> {
                Params.noKeywords(vm, "compress", kw);
                Params.unpack(vm, "compress", n, 0, 1, 1);
                return heap.bytes.of(compressData(s, buffer(vm, a[o])));
            });
            defMethod("flush", (s, a, o, n, kw) -> {
                long[] p = Params.parse(vm, "flush", new String[] {"mode"}, 0, 1, 1, a, o, n, kw);
                return heap.bytes.of(compressFlush(s, p[0] == 0 ? Z_FINISH : Params.cInt(vm, p[0])));
            });
        } else {
            defMethod("decompress", (s, a, o, n, kw) -> {
                long[] p = Params.parse(vm, "decompress", new String[] {"", "max_length"}, 1, 2, 1, a, o, n, kw);
                byte[] data = buffer(vm, p[0]);
                long max = p[1] == 0 ? 0 : Params.ssize(vm, p[1]);
                if (max < 0) throw vm.error("ValueError", "max_length must be non-negative");
                return heap.bytes.of(decompressData(s, data, max));
            });
            defMethod("flush", (s, a, o, n, kw) -> {
                long[] p = Params.parse(vm, "flush", new String[] {"length"}, 0, 1, 1, a, o, n, kw);
                long length = p[0] == 0 ? DEF_BUF_SIZE : Params.ssize(vm, p[0]);
                if (length <= 0) throw vm.error("ValueError", "length must be greater than zero");
                return heap.bytes.of(decompressFlush(s));
            });
        }
        defMethod("copy", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "copy", n, kw);
            return copy(s);
        });
        defMethod("__copy__", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "__copy__", n, kw);
            return copy(s);
        });
        defMethod("__deepcopy__", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "__deepcopy__", kw);
            Params.unpack(vm, "__deepcopy__", n, 0, 1, 1);
            return copy(s);
        });
    }

    /** zlib_Compress_compress_impl: deflate with Z_NO_FLUSH until the input is taken. */
    private byte[] compressData(long o, byte[] data) {
        MemorySegment zst = zst(o);
        try (Arena arena = Arena.ofConfined()) {
            Zlib.setInput(zst, Zlib.copyIn(arena, data), data.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MemorySegment chunk = arena.allocate(CHUNK);
            do {
                Zlib.setOutput(zst, chunk, CHUNK);
                int err = Zlib.deflate(zst, Z_NO_FLUSH);
                if (err == Z_STREAM_ERROR) throw zlibError(vm, state, zst, err, "while compressing data");
                Zlib.drain(zst, chunk, CHUNK, out);
            } while (Zlib.availOut(zst) == 0);
            return out.toByteArray();
        }
    }

    /** zlib_Compress_flush_impl: Z_NO_FLUSH gives b''; Z_FINISH ends the stream. */
    private byte[] compressFlush(long o, int mode) {
        if (mode == Z_NO_FLUSH) return new byte[0];
        MemorySegment zst = zst(o);
        try (Arena arena = Arena.ofConfined()) {
            Zlib.setInput(zst, arena.allocate(1), 0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MemorySegment chunk = arena.allocate(CHUNK);
            int err;
            do {
                Zlib.setOutput(zst, chunk, CHUNK);
                err = Zlib.deflate(zst, mode);
                if (err == Z_STREAM_ERROR) throw zlibError(vm, state, zst, err, "while flushing");
                Zlib.drain(zst, chunk, CHUNK, out);
            } while (Zlib.availOut(zst) == 0);
            if (err == Z_STREAM_END && mode == Z_FINISH) {
                err = Zlib.deflateEnd(zst);
                setInitialised(o, false);
                if (err != Z_OK) throw zlibError(vm, state, zst, err, "while finishing compression");
            } else if (err != Z_OK && err != Z_BUF_ERROR) {
                throw zlibError(vm, state, zst, err, "while flushing");
            }
            return out.toByteArray();
        }
    }

    /**
     * zlib_Decompress_decompress_impl: inflate with Z_SYNC_FLUSH, at most {@code max} bytes out
     * (0: no limit); input left by the limit goes to unconsumed_tail, input after the stream's end
     * to unused_data.
     */
    private byte[] decompressData(long o, byte[] data, long max) {
        long limit = max == 0 ? Long.MAX_VALUE : max;
        MemorySegment zst = zst(o);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = Zlib.copyIn(arena, data);
            Zlib.setInput(zst, in, data.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MemorySegment chunk = arena.allocate(CHUNK);
            int err = Z_OK;
            while (true) {
                long room = limit - out.size();
                if (room <= 0) break;
                int size = (int) Math.min(CHUNK, room);
                Zlib.setOutput(zst, chunk, size);
                err = Zlib.inflate(zst, Z_SYNC_FLUSH);
                if (err == Z_NEED_DICT && get(o, ZDICT) != 0) {
                    setInflateZdict(o);
                    Zlib.drain(zst, chunk, size, out);
                    continue;
                }
                Zlib.drain(zst, chunk, size, out);
                if (err != Z_OK && err != Z_BUF_ERROR) break;
                if (Zlib.availOut(zst) != 0) break;
            }
            saveUnconsumedInput(o, zst, err, in, data.length);
            if (err == Z_STREAM_END) {
                Native.putByte(o + EOF, (byte) 1);
            } else if (err != Z_OK && err != Z_BUF_ERROR) {
                throw zlibError(vm, state, zst, err, "while decompressing data");
            }
            return out.toByteArray();
        }
    }

    /** zlib_Decompress_flush_impl: inflates unconsumed_tail with Z_FINISH; at the stream's end the stream is ended. */
    private byte[] decompressFlush(long o) {
        MemorySegment zst = zst(o);
        byte[] tail = buffer(vm, get(o, UNCONSUMED_TAIL));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = Zlib.copyIn(arena, tail);
            Zlib.setInput(zst, in, tail.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MemorySegment chunk = arena.allocate(CHUNK);
            int err;
            while (true) {
                Zlib.setOutput(zst, chunk, CHUNK);
                err = Zlib.inflate(zst, Z_FINISH);
                if (err == Z_NEED_DICT && get(o, ZDICT) != 0) {
                    setInflateZdict(o);
                    Zlib.drain(zst, chunk, CHUNK, out);
                    continue;
                }
                Zlib.drain(zst, chunk, CHUNK, out);
                if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) break;
                if (Zlib.availOut(zst) != 0) break;
            }
            saveUnconsumedInput(o, zst, err, in, tail.length);
            if (err == Z_STREAM_END) {
                Native.putByte(o + EOF, (byte) 1);
                setInitialised(o, false);
                err = Zlib.inflateEnd(zst);
                if (err != Z_OK) throw zlibError(vm, state, zst, err, "while finishing decompression");
            }
            return out.toByteArray();
        }
    }

    /**
     * save_unconsumed_input: at the stream's end the input left goes to unused_data (appended); then,
     * if input is left or unconsumed_tail held some, unconsumed_tail becomes what lies between where
     * zlib stopped and the end of {@code in} (so at the end it holds what went to unused_data too,
     * as 3.11's does).
     */
    private void saveUnconsumedInput(long o, MemorySegment zst, int err, MemorySegment in, int len) {
        long end = in.address() + len;
        if (err == Z_STREAM_END && Zlib.availIn(zst) > 0) {
            int left = (int) (end - Zlib.nextIn(zst));
            byte[] old = buffer(vm, get(o, UNUSED_DATA));
            byte[] joined = java.util.Arrays.copyOf(old, old.length + left);
            MemorySegment.copy(MemorySegment.ofAddress(Zlib.nextIn(zst)).reinterpret(left), java.lang.foreign.ValueLayout.JAVA_BYTE, 0,
                    joined, old.length, left);
            set(o, UNUSED_DATA, heap.bytes.of(joined));
            Zlib.setInput(zst, MemorySegment.ofAddress(Zlib.nextIn(zst)), 0);
        }
        if (Zlib.availIn(zst) > 0 || Native.getLong(get(o, UNCONSUMED_TAIL) + 16) > 0) {
            int left = (int) (end - Zlib.nextIn(zst));
            byte[] rest = left == 0 ? new byte[0]
                    : MemorySegment.ofAddress(Zlib.nextIn(zst)).reinterpret(left).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            set(o, UNCONSUMED_TAIL, heap.bytes.of(rest));
        }
    }

    /** zlib_Compress_copy_impl / zlib_Decompress_copy_impl. */
    private long copy(long o) {
        if (!initialised(o)) throw vm.error("ValueError", "Inconsistent stream state");
        long c = newObject();
        int err = compress ? Zlib.deflateCopy(zst(c), zst(o)) : Zlib.inflateCopy(zst(c), zst(o));
        switch (err) {
            case Z_OK -> { }
            case Z_STREAM_ERROR -> {
                heap.decref(c);
                throw vm.error("ValueError", "Inconsistent stream state");
            }
            case Z_MEM_ERROR -> {
                heap.decref(c);
                throw vm.error("MemoryError", "Can't allocate memory for " + (compress ? "compression" : "decompression") + " object");
            }
            default -> {
                heap.decref(c);
                throw zlibError(vm, state, zst(o), err, "while copying " + (compress ? "compression" : "decompression") + " object");
            }
        }
        set(c, UNUSED_DATA, vm.incref(get(o, UNUSED_DATA)));
        set(c, UNCONSUMED_TAIL, vm.incref(get(o, UNCONSUMED_TAIL)));
        if (get(o, ZDICT) != 0) put(c, ZDICT, vm.incref(get(o, ZDICT)));
        Native.putByte(c + EOF, Native.getByte(o + EOF));
        setInitialised(c, true);
        return c;
    }
}
