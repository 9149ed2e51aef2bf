package dev.refheap.lang.vm;

import static dev.refheap.lang.modules.NativeModuleRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refheap.memory.Native;
import org.junit.jupiter.api.Test;

/**
 * {@link MemoryViewType}: the view's Py_buffer fields and ob_array as CPython's memoryobject.c
 * fills them (shape and strides in the object, the contiguity flags), typed items, and the
 * {@code memory_iterator}'s reference to its view.
 */
class MemoryViewTypeTest {
    @Test
    void aViewOfBytesIsOneDimensionalFormatB() {
        try (Runtime rt = new Runtime(new RuntimeOptions(1L << 30, false, System.out, System.err))) {
            MemoryViewType t = rt.memoryViewType;
            long b = rt.heap.bytes.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            long m = t.create(b);
            assertEquals(1, t.ndim(m));
            assertEquals(8, t.shape(m, 0));
            assertEquals(1, t.stride(m, 0));
            assertEquals(m + MemoryViewType.ARRAY, Native.getLong(m + MemoryViewType.V_SHAPE));  // shape lives in ob_array
            assertEquals(8, Native.getLong(m + MemoryViewType.V_LEN));
            assertEquals("B", t.formatString(m));
            int flags = Native.getInt(m + MemoryViewType.FLAGS);
            assertEquals(MemoryViewType.C | MemoryViewType.FORTRAN, flags);
            long it = t.iterType.create(m);
            long first = t.iterType.next(it);
            assertEquals(1, dev.refheap.object.IntType.asLong(first));
            rt.heap.decref(first);
            rt.heap.decref(it);
            rt.heap.decref(m);
            rt.heap.decref(b);
        }
    }

    @Test
    void castsGiveCPythonsGeometry() {
        assertEquals("(2, 2) (8, 4) True False 208\n[[1, 2], [3, 4]] 4 b'\\x03\\x00\\x00\\x00'\n",
                run("import sys\nm = memoryview(bytes([1,0,0,0, 2,0,0,0, 3,0,0,0, 4,0,0,0])).cast('i', [2, 2])\n"
                        + "print(m.shape, m.strides, m.c_contiguous, m.f_contiguous, sys.getsizeof(m))\n"
                        + "print(m.tolist(), m[1, 1], m[1:][0:1].cast('B')[0:4].tobytes())\n"));
    }

    @Test
    void packErrorsNameTheFormat() {
        String out = run("m = memoryview(bytearray(4)).cast('h')\n"
                + "for v in (70000, 'x', 1.5):\n    try:\n        m[0] = v\n    except (TypeError, ValueError) as e:\n        print(type(e).__name__, e)\n");
        assertTrue(out.equals("ValueError memoryview: invalid value for format 'h'\n"
                + "TypeError memoryview: invalid type for format 'h'\nTypeError memoryview: invalid type for format 'h'\n"), out);
    }
}
