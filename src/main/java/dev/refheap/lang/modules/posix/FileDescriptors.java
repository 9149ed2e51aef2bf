package dev.refheap.lang.modules.posix;

import static dev.refheap.lang.modules.posix.Libc.INT;
import static dev.refheap.lang.modules.posix.Libc.LONG;
import static dev.refheap.lang.modules.posix.Libc.PTR;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;

/**
 * posix's file-descriptor functions: open (always with O_CLOEXEC, as CPython makes descriptors
 * non-inheritable), close, closerange, read, write, lseek, pipe, dup, ftruncate, fsync. Each is
 * the C call, its errno turned into OSError. These are what _io's FileIO builds on in CPython.
 */
final class FileDescriptors {
    private FileDescriptors() {}

    static final int O_CLOEXEC = 0x80000;

    static int fd(VmApi vm, long o) {
        if (vm.isFloat(o)) throw vm.error("TypeError", "'float' object cannot be interpreted as an integer");
        BigInteger b = vm.asIndex(o);
        if (b.bitLength() > 31) throw vm.error("OverflowError", "Python int too large to convert to C int");
        return b.intValue();
    }

    /** open(2) with CPython's O_CLOEXEC; returns the fd or throws OSError naming the path. */
    static int open(VmApi vm, PathArg path, int flags, int mode) { return open(vm, path, DirFd.DEFAULT, flags, mode); }

    /** open(2), or openat(2) relative to {@code dirFd} when one is given; EINTR retried (PEP 475). */
    static int open(VmApi vm, PathArg path, int dirFd, int flags, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment c = Libc.cString(arena, path.bytes());
            while (true) {
                long fd = dirFd != DirFd.DEFAULT ? Libc.call("openat", FunctionDescriptor.of(INT, INT, PTR, INT, INT), dirFd, c, flags | O_CLOEXEC, mode)
                        : Libc.call("open", FunctionDescriptor.of(INT, PTR, INT, INT), c, flags | O_CLOEXEC, mode);
                if (fd >= 0) return (int) fd;
                if (Libc.errno() != PosixFiles.EINTR) throw path.error(vm);
                vm.checkInterrupt();
            }
        }
    }

    /** read(2) of at most n bytes; a Java byte array of what was read. */
    static byte[] read(VmApi vm, int fd, long n) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, n));
            PosixFiles.awaitReadable(vm, fd);  // Ctrl-C interrupts a read that waits, as in python3
            Object released = vm.allowThreads();  // a read from a pipe may block: other threads run
            long r;
            try {
                r = Libc.call("read", FunctionDescriptor.of(LONG, INT, PTR, LONG), fd, buf, n);
            } finally {
                vm.endAllowThreads(released);
            }
            if (r < 0) throw Posix.error(vm, 0, 0);
            return buf.asSlice(0, r).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /** write(2) of data; the number of bytes written. */
    static long write(VmApi vm, int fd, byte[] data) {
        // a write to a full pipe waits for room without the interpreter lock (other threads run); a signal interrupts it
        long r = PosixFiles.writeInterruptibly(vm, fd, data, 0, data.length);
        if (r < 0) throw Posix.error(vm, 0, 0);
        return r;
    }

    static long lseek(VmApi vm, int fd, long pos, int how) {
        long r = Libc.call("lseek", FunctionDescriptor.of(LONG, INT, LONG, INT), fd, pos, how);
        if (r < 0) throw Posix.error(vm, 0, 0);
        return r;
    }

    static void close(VmApi vm, int fd) {
        if (Libc.call("close", Libc.I_I, fd) != 0) throw Posix.error(vm, 0, 0);
    }

    /** The file-descriptor functions, in the order the module's setup defines them. */
    static void defineFunctions(VmApi vm, Posix.Def def) {
        var h = vm.heap;
        def.def("open", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "open", new String[] {"path", "flags", "mode", "dir_fd"}, 2, 3, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "open", "path", p[0], false, false);
            int flags = fd(vm, p[1]), mode = p[2] == 0 ? 0777 : fd(vm, p[2]);
            return vm.newInt(open(vm, path, DirFd.convert(vm, p[3]), flags, mode));
        });
        def.def("close", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "close", new String[] {"fd"}, 1, 1, 0, a, o, n, kw);
            close(vm, fd(vm, p[0]));
            return vm.incref(h.None);
        });
        def.def("closerange", (s, a, o, n, kw) -> {
            Params.unpack(vm, "closerange", n, kw, 2, 2);
            int lo = fd(vm, a[o]), hi = fd(vm, a[o + 1]);
            for (int fd = Math.max(lo, 0); fd < hi; fd++) Libc.call("close", Libc.I_I, fd);
            return vm.incref(h.None);
        });
        def.def("read", (s, a, o, n, kw) -> {
            Params.unpack(vm, "read", n, kw, 2, 2);
            int fd = fd(vm, a[o]);
            long len = Params.ssize(vm, a[o + 1]);
            if (len < 0) throw vm.osError(22, Libc.strerror(22), 0, 0);
            return h.bytes.of(read(vm, fd, len));
        });
        def.def("write", (s, a, o, n, kw) -> {
            Params.unpack(vm, "write", n, kw, 2, 2);
            int fd = fd(vm, a[o]);
            byte[] data = vm.bytesLike(a[o + 1]);
            if (data == null) throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(a[o + 1]) + "'");
            return vm.newInt(write(vm, fd, data));
        });
        def.def("lseek", (s, a, o, n, kw) -> {
            Params.unpack(vm, "lseek", n, kw, 3, 3);
            return vm.newInt(lseek(vm, fd(vm, a[o]), Params.ssize(vm, a[o + 1]), fd(vm, a[o + 2])));
        });
        def.def("pipe", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "posix.pipe", n, kw);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment fds = arena.allocate(8);
                if (Libc.call("pipe2", FunctionDescriptor.of(INT, PTR, INT), fds, O_CLOEXEC) != 0) throw Posix.error(vm, 0, 0);
                return Posix.tuple(vm, vm.newInt(fds.get(INT, 0)), vm.newInt(fds.get(INT, 4)));
            }
        });
        def.def("dup", (s, a, o, n, kw) -> {
            Params.unpack(vm, "dup", n, kw, 1, 1);
            long r = Libc.call("fcntl", FunctionDescriptor.of(INT, INT, INT, INT), fd(vm, a[o]), 1030, 0);  // F_DUPFD_CLOEXEC
            if (r < 0) throw Posix.error(vm, 0, 0);
            return vm.newInt(r);
        });
        def.def("ftruncate", (s, a, o, n, kw) -> {
            Params.unpack(vm, "ftruncate", n, kw, 2, 2);
            if (Libc.call("ftruncate", FunctionDescriptor.of(INT, INT, LONG), fd(vm, a[o]), Params.ssize(vm, a[o + 1])) != 0) {
                throw Posix.error(vm, 0, 0);
            }
            return vm.incref(h.None);
        });
        def.def("fsync", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "fsync", new String[] {"fd"}, 1, 1, 0, a, o, n, kw);
            if (Libc.call("fsync", Libc.I_I, FileCalls.fileno(vm, p[0])) != 0) throw Posix.error(vm, 0, 0);
            return vm.incref(h.None);
        });
    }
}
