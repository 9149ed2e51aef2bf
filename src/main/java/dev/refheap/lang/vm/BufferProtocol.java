package dev.refheap.lang.vm;

import dev.refheap.object.BytesType;

/**
 * The buffer protocol's consumer side for the builtins that accept any bytes-like object
 * (bytes, bytearray, memoryview): a copy of the bytes the object exports.
 */
final class BufferProtocol {
    private BufferProtocol() {}

    /** The bytes {@code o} exports, or null when it is not bytes-like. */
    static byte[] bytesOrNull(Runtime rt, long o) {
        if (rt.heap.typeOf(o) == rt.heap.bytes) return BytesType.value(o);
        return null;
    }
}
