package dev.refheap.memory;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Native's accessors (the layouts' var handles, called directly) against MemorySegment.get/set
 * over the same bytes: native byte order, aligned and unaligned addresses alike; its copies
 * (memmove's overlap), fills and array copies.
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

    @Test
    void copiesMoveOverlappingRangesAsMemmoveAndFillsAndArrayCopiesAgreeWithASegment() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(64, 16);
            long a = seg.address();
            for (int i = 0; i < 64; i++) seg.set(ValueLayout.JAVA_BYTE, i, (byte) i);
            Native.copy(a, a + 3, 20);  // forward overlap: bytes 0..19 land at 3..22
            for (int i = 0; i < 20; i++) assertEquals((byte) i, seg.get(ValueLayout.JAVA_BYTE, 3 + i));
            Native.copy(a + 40, a + 37, 10);  // backward overlap: bytes 40..49 land at 37..46
            for (int i = 0; i < 10; i++) assertEquals((byte) (40 + i), seg.get(ValueLayout.JAVA_BYTE, 37 + i));
            Native.fill(a + 5, 7, (byte) 0x5a);
            for (int i = 5; i < 12; i++) assertEquals((byte) 0x5a, seg.get(ValueLayout.JAVA_BYTE, i));
            assertEquals((byte) 1, seg.get(ValueLayout.JAVA_BYTE, 4));  // byte 1 copied to 4, untouched by the fill
            byte[] b = {9, 8, 7, 6, 5, 4};
            Native.copyFrom(b, 2, a + 50, 3);
            assertEquals(7, seg.get(ValueLayout.JAVA_BYTE, 50));
            assertEquals(5, seg.get(ValueLayout.JAVA_BYTE, 52));
            byte[] out = new byte[5];
            Native.copyTo(a + 50, out, 1, 3);
            assertArrayEquals(new byte[] {0, 7, 6, 5, 0}, out);
            assertThrows(IndexOutOfBoundsException.class, () -> Native.copyTo(a, out, 3, 3));
            assertThrows(IndexOutOfBoundsException.class, () -> Native.copyFrom(b, 4, a, 3));
        }
    }

    /** Short copies are a byte loop, longer ones the bulk copy: both agree with the segment at every length around the switch, and refuse the same bad ranges. */
    @Test
    void arrayCopiesOfEveryLengthAroundTheShortCopyLimitAgreeWithASegment() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(128, 16);
            long a = seg.address();
            Random r = new Random(19);
            for (int n = 0; n <= 64; n++) {
                byte[] src = new byte[n + 3];
                r.nextBytes(src);
                seg.fill((byte) 0);
                Native.copyFrom(src, 3, a + 1, n);
                for (int i = 0; i < 128; i++) assertEquals(i >= 1 && i <= n ? src[2 + i] : 0, seg.get(ValueLayout.JAVA_BYTE, i), "length " + n + ", byte " + i);
                byte[] back = new byte[n + 2];
                Native.copyTo(a + 1, back, 2, n);
                for (int i = 0; i < n; i++) assertEquals(src[3 + i], back[2 + i]);
                assertEquals(0, back[0]);
                assertEquals(0, back[1]);
                int len = n;
                assertThrows(IndexOutOfBoundsException.class, () -> Native.copyTo(a, new byte[len], 1, len));
                assertThrows(IndexOutOfBoundsException.class, () -> Native.copyFrom(new byte[len], 1, a, len));
                assertThrows(IndexOutOfBoundsException.class, () -> Native.copyTo(a, new byte[len], 0, -1));
            }
        }
    }
}
