package dev.refheap.memory;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Native's accessors (the layouts' var handles, called directly) against MemorySegment.get/set
 * over the same bytes: native byte order, aligned and unaligned addresses alike.
 */
class NativeTest {
    @Test
    void accessorsAgreeWithASegmentAtEveryOffset() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(64, 16);
            long base = seg.address();
            Random rnd = new Random(11);
            for (int off = 0; off < 48; off++) {
                long a = base + off;
                long v = rnd.nextLong();
                Native.putLong(a, v);
                assertEquals(v, seg.get(ValueLayout.JAVA_LONG_UNALIGNED, off));
                assertEquals(v, Native.getLong(a));
                int i = rnd.nextInt();
                seg.set(ValueLayout.JAVA_INT_UNALIGNED, off, i);
                assertEquals(i, Native.getInt(a));
                Native.putInt(a, ~i);
                assertEquals(~i, seg.get(ValueLayout.JAVA_INT_UNALIGNED, off));
                short s = (short) rnd.nextInt();
                Native.putShort(a, s);
                assertEquals(s, seg.get(ValueLayout.JAVA_SHORT_UNALIGNED, off));
                assertEquals(s, Native.getShort(a));
                byte b = (byte) rnd.nextInt();
                Native.putByte(a, b);
                assertEquals(b, seg.get(ValueLayout.JAVA_BYTE, off));
                assertEquals(b, Native.getByte(a));
                double d = rnd.nextDouble();
                Native.putDouble(a, d);
                assertEquals(d, seg.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, off));
                assertEquals(d, Native.getDouble(a));
            }
        }
    }
}
