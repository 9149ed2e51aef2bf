package dev.refheap.lang.modules.posix;

import static dev.refheap.lang.modules.posix.Libc.INT;
import static dev.refheap.lang.modules.posix.Libc.LONG;
import static dev.refheap.lang.modules.posix.Libc.PTR;

import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The system calls {@code _io.FileIO} makes, for the io package: open(2) with O_CLOEXEC, read,
 * write, lseek, close, fstat (mode, size, blksize), isatty, ftruncate. Failures are OSError
 * subclasses from errno, with the file name when one is given ({@code filename}: 0 for none).
 */
public final class PosixFiles {
    private PosixFiles() {}

    public static final int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0100, O_EXCL = 0200, O_TRUNC = 01000,
            O_APPEND = 02000, O_CLOEXEC = FileDescriptors.O_CLOEXEC;
    public static final int EISDIR = 21, EBADF = 9, EINTR = 4;

    /** OSError from the current errno, naming {@code filename} (0: none). */
    public static PyException error(VmApi vm, long filename) { return Posix.error(vm, filename, 0); }

    /** The errno of the last failed call. */
    public static int errno() { return Libc.errno(); }

    public static String strerror(int errno) { return Libc.strerror(errno); }

    /** open(path, flags | O_CLOEXEC, mode): the fd, or -1 (errno set). */
    public static int open(byte[] path, int flags, int mode) {
        dev.refheap.lang.vm.StartupInputs.note(path);
        try (Arena arena = Arena.ofConfined()) {
            return (int) Libc.call("open", FunctionDescriptor.of(INT, PTR, INT, INT), Libc.cString(arena, path), flags | O_CLOEXEC, mode);
        }
    }

    /**
     * Waits until a read of {@code fd} will not block ({@link VmApi#awaitReady}: in slices of
     * 20 ms, without the interpreter lock, signal handlers run between them), so Ctrl-C raises
     * KeyboardInterrupt in a read from a terminal or a pipe as in python3. A descriptor readable at
     * once (a regular file, a pipe with data) costs one poll(2); a non-blocking one is not waited
     * for (its read gives EAGAIN as it would); an error or hang-up is left for the read to report.
     */
    public static void awaitReadable(VmApi vm, int fd) {
        if (pollIn(fd, 0) != 0) return;
        long flags = Libc.call("fcntl", FunctionDescriptor.of(INT, INT, INT, INT), fd, 3, 0);  // F_GETFL
        if (flags < 0 || (flags & 04000) != 0) return;  // O_NONBLOCK: the read says EAGAIN
        vm.awaitReady(() -> pollIn(fd, 20) != 0);
    }

    /** poll(2) of fd for POLLIN for at most {@code ms}: 0 when it timed out or a signal interrupted it, else not 0 (ready, hung up, an error). */
    private static int pollIn(int fd, int ms) { return poll(fd, (short) 1, ms); }

    /** As {@link #pollIn}, for POLLOUT. */
    private static int pollOut(int fd, int ms) { return poll(fd, (short) 4, ms); }

    /** The bytes one wait for POLLOUT lets a write of a pipe, socket or terminal send without blocking (PIPE_BUF: one page of a pipe). */
    private static final int WRITE_SLICE = 4096;

    /**
     * write(2) of {@code len} bytes that a signal interrupts as it interrupts CPython's (PEP 475),
     * though the JVM never delivers it to the blocked thread as EINTR: a write that may block (a
     * blocking pipe, socket or terminal) waits first for room ({@link VmApi#awaitReady}'s slices,
     * without the interpreter lock) and sends at most a page per wait. When a signal arrives
     * while it waits its handlers run, and an exception from one goes on from here; if they
     * return, with nothing sent yet the wait goes on, with some bytes sent their count is
     * returned, as write(2) returns a partial count (CPython's eval breaker or a buffered object's
     * PyErr_CheckSignals then runs the handlers: refheap runs them before the call returns, as
     * its eval loop does not check right after a builtin's call). A regular file, a non-blocking descriptor, or a write
     * that fits at once is the one system call. Returns the count written, or -1 (errno set).
     * A page that fails after others went without a wait fails the whole write: write(2) of the
     * whole would have been one call, all sent or (the reader gone: EPIPE) none, never the first
     * pages alone (a buffered writer would keep the rest and fail again at exit). After a wait
     * its count is returned, as write(2) returns what it sent before the reader went.
     */
    public static long writeInterruptibly(VmApi vm, int fd, byte[] data, int off, int len) {
        return writeInterruptibly(vm, fd, data, off, len, () -> { });
    }

    /** As above, {@code betweenPages} run after each page sent (a test's hook: the reader going away there). */
    static long writeInterruptibly(VmApi vm, int fd, byte[] data, int off, int len, Runnable betweenPages) {
        if (len == 0 || len <= WRITE_SLICE && pollOut(fd, 0) != 0) return write(fd, data, off, len);
        long flags = Libc.call("fcntl", FunctionDescriptor.of(INT, INT, INT, INT), fd, 3, 0);  // F_GETFL
        if (flags < 0 || (flags & 04000) != 0) return write(fd, data, off, len);  // O_NONBLOCK: EAGAIN or a partial count, as it would
        long[] st = fstat(fd);
        int kind = st == null ? 0 : (int) (st[0] & 0170000);
        if (kind != 0010000 && kind != 0140000 && kind != 0020000) return write(fd, data, off, len);  // not a FIFO, socket or character device
        int done = 0;
        boolean waited = false;
        while (done < len) {
            if (pollOut(fd, 0) == 0) {
                waited = true;
                if (!vm.awaitReadyUnlessInterrupted(() -> pollOut(fd, 20) != 0)) {
                    vm.checkInterrupt();
                    if (done > 0) return done;
                    continue;
                }
            }
            long r = write(fd, data, off + done, Math.min(WRITE_SLICE, len - done));
            if (r < 0) return done > 0 && waited ? done : -1;
            done += (int) r;
            if (done < len) betweenPages.run();
        }
        return done;
    }

    private static int poll(int fd, short events, int ms) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = arena.allocate(8, 4);
            p.set(ValueLayout.JAVA_INT, 0, fd);
            p.set(ValueLayout.JAVA_SHORT, 4, events);
            int r = (int) Libc.call("poll", FunctionDescriptor.of(INT, PTR, LONG, INT), p, 1L, ms);
            return r < 0 && Libc.errno() == EINTR ? 0 : r;
        }
    }

    /** read(2) of at most n bytes, or null on failure (errno set). */
    public static byte[] read(int fd, long n) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, n));
            long r = Libc.call("read", FunctionDescriptor.of(LONG, INT, PTR, LONG), fd, buf, n);
            if (r < 0) return null;
            return buf.asSlice(0, r).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /** write(2): the count written, or -1 (errno set). */
    public static long write(int fd, byte[] data, int off, int len) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, len));
            MemorySegment.copy(data, off, buf, ValueLayout.JAVA_BYTE, 0, len);
            return Libc.call("write", FunctionDescriptor.of(LONG, INT, PTR, LONG), fd, buf, (long) len);
        }
    }

    /** lseek(2): the new offset, or -1 (errno set). */
    public static long lseek(int fd, long pos, int how) {
        return Libc.call("lseek", FunctionDescriptor.of(LONG, INT, LONG, INT), fd, pos, how);
    }

    /** close(2): 0, or -1 (errno set). */
    public static int close(int fd) { return (int) Libc.call("close", Libc.I_I, fd); }

    public static boolean isatty(int fd) { return Libc.call("isatty", Libc.I_I, fd) == 1; }

    /** ftruncate(2): 0, or -1 (errno set). */
    public static int ftruncate(int fd, long size) {
        return (int) Libc.call("ftruncate", FunctionDescriptor.of(INT, INT, LONG), fd, size);
    }

    /** fstat(2): {st_mode, st_size, st_blksize}, or null (errno set). */
    public static long[] fstat(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Libc.ST_SIZE_OF);
            if (Libc.call("fstat", Libc.I_IP, fd, buf) != 0) return null;
            return new long[] {buf.get(ValueLayout.JAVA_INT, Libc.ST_MODE) & 0xffffffffL, buf.get(ValueLayout.JAVA_LONG, Libc.ST_SIZE),
                buf.get(ValueLayout.JAVA_LONG, Libc.ST_BLKSIZE)};
        }
    }
}
