package dev.refheap.lang.modules.posix;

import static dev.refheap.lang.modules.posix.Libc.INT;
import static dev.refheap.lang.modules.posix.Libc.PTR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** PosixFiles' system calls where refheap's way differs from one call: a write to a pipe sent a page at a time. */
class PosixFilesTest {

    private static int[] pipe() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(8);
            assertEquals(0L, (long) Libc.call("pipe2", FunctionDescriptor.of(INT, PTR, INT), fds, 02000000));
            return new int[] {fds.get(java.lang.foreign.ValueLayout.JAVA_INT, 0), fds.get(java.lang.foreign.ValueLayout.JAVA_INT, 4)};
        }
    }

    @Test
    void aBrokenPipeRaisesInPrintOnce_theReaderGoneBetweenPagesFailsTheWholeWrite() {
        // `refheap -c 'for i in range(100000): print(i)' | head -1`: head exits between two pages of one
        // 8 KiB chunk. write(2) of the chunk would have failed whole (EPIPE), so nothing is left in the
        // BufferedWriter to fail again at exit ("Exception ignored in: <_io.TextIOWrapper ...>").
        int[] p = pipe();
        try {
            int[] closed = {0};
            long r = PosixFiles.writeInterruptibly(null, p[1], new byte[3 * 4096], 0, 3 * 4096, () -> {
                if (closed[0]++ == 0) PosixFiles.close(p[0]);
            });
            assertEquals(-1, r);
            assertEquals(32, PosixFiles.errno());  // EPIPE
            assertEquals(1, closed[0]);
        } finally {
            PosixFiles.close(p[1]);
        }
    }

    @Test
    void aWriteToAPipeWithRoomSendsEveryPage() {
        int[] p = pipe();
        try {
            int[] pages = {0};
            assertEquals(3 * 4096, PosixFiles.writeInterruptibly(null, p[1], new byte[3 * 4096], 0, 3 * 4096, () -> pages[0]++));
            assertEquals(2, pages[0]);
            assertEquals(3 * 4096, PosixFiles.read(p[0], 1 << 16).length);
        } finally {
            PosixFiles.close(p[0]);
            PosixFiles.close(p[1]);
        }
    }
}
