package dev.refheap.lang.vm;

import dev.refheap.object.BytesType;
import dev.refheap.object.PyType;

/**
 * The buffer protocol's consumer side for the builtins that accept any bytes-like object
 * (bytes, bytearray, memoryview): a copy of the bytes the object exports. A released memoryview
 * raises ValueError, as getting its buffer does in CPython.
 */
final class BufferProtocol {
    private BufferProtocol() {}

    /** The bytes {@code o} exports, or null when it is not bytes-like. */
    static byte[] bytesOrNull(Runtime rt, long o) {
        PyType t = rt.ops.baseView(o);  // an instance of a bytes or bytearray subclass exports its base's buffer
        if (t == rt.heap.bytes) return BytesType.value(o);
        if (t == rt.byteArrayType) return ByteArrayType.value(o);
        if (t == rt.memoryViewType) return rt.memoryViewType.liveBytes(o);
        return null;
    }
}
