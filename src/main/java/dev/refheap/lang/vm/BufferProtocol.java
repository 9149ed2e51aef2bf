package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.BytesType;
import dev.refheap.object.PyType;

/**
 * The buffer protocol's consumer side for the builtins that accept any bytes-like object
 * (bytes, bytearray, memoryview, and a native type that exports a buffer: {@link NativeType#getBuffer},
 * array.array's): a copy of the bytes the object exports. A released memoryview raises ValueError,
 * as getting its buffer does in CPython.
 */
final class BufferProtocol {
    private BufferProtocol() {}

    /** The bytes {@code o} exports, or null when it is not bytes-like. */
    static byte[] bytesOrNull(Runtime rt, long o) {
        PyType t = rt.ops.bufferView(o);  // an instance of a bytes or bytearray subclass exports its base's buffer
        if (t == rt.heap.bytes) return BytesType.value(o);
        if (t == rt.byteArrayType) return ByteArrayType.value(o);
        if (t == rt.memoryViewType) return rt.memoryViewType.liveBytes(o);
        if (t instanceof NativeType nt && nt.exportsBuffer()) {
            NativeType.Buffer b = nt.getBuffer(o);
            try {
                byte[] out = new byte[Math.toIntExact(b.len())];
                if (out.length > 0) Native.copyTo(b.buf(), out, 0, out.length);
                return out;
            } finally {
                nt.releaseBuffer(o);
            }
        }
        return null;
    }

    /** The item size of the buffer {@code o} exports (1 for bytes and bytearray), or -1 when it exports none. */
    static long itemsize(Runtime rt, long o) {
        PyType t = rt.ops.bufferView(o);
        if (t == rt.heap.bytes || t == rt.byteArrayType) return 1;
        if (t == rt.memoryViewType) {
            rt.memoryViewType.checkLive(o);
            return rt.memoryViewType.itemsize(o);
        }
        if (t instanceof NativeType nt && nt.exportsBuffer()) {
            long size = nt.getBuffer(o).itemsize();
            nt.releaseBuffer(o);
            return size;
        }
        return -1;
    }
}
