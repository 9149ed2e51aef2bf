package dev.refheap.lang.modules.posix;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code fcntl}: fcntl, ioctl, flock and lockf over the C library with CPython 3.11's conversions
 * and errors on Linux, and its 52 constants in its order. An argument that is not an int is a
 * buffer of at most 1,024 bytes (a str as UTF-8, or a bytes-like object): the call gets a copy and
 * the result is the copy's bytes afterwards; ioctl writes a writable buffer back when mutate_flag
 * is true. An interrupted call is retried after the signal handlers have run. Stateless; an
 * extension module in CPython, built in here like pwd.
 */
public final class FcntlModule {
    private FcntlModule() {}

    private static final int BUF = 1024, F_SETLK = 6, F_SETLKW = 7, F_RDLCK = 0, F_WRLCK = 1, F_UNLCK = 2;
    private static final int LOCK_SH = 1, LOCK_EX = 2, LOCK_NB = 4, LOCK_UN = 8;
    private static final FunctionDescriptor FCNTL_INT = FunctionDescriptor.of(Libc.INT, Libc.INT, Libc.INT, Libc.INT);
    private static final FunctionDescriptor FCNTL_PTR = FunctionDescriptor.of(Libc.INT, Libc.INT, Libc.INT, Libc.PTR);
    private static final FunctionDescriptor IOCTL_INT = FunctionDescriptor.of(Libc.INT, Libc.INT, Libc.LONG, Libc.INT);
    private static final FunctionDescriptor IOCTL_PTR = FunctionDescriptor.of(Libc.INT, Libc.INT, Libc.LONG, Libc.PTR);

    private static final Object[] CONSTANTS = {"LOCK_SH", 1, "LOCK_EX", 2, "LOCK_NB", 4, "LOCK_UN", 8, "LOCK_MAND", 32,
        "LOCK_READ", 64, "LOCK_WRITE", 128, "LOCK_RW", 192, "F_DUPFD", 0, "F_DUPFD_CLOEXEC", 1030, "F_GETFD", 1, "F_SETFD", 2,
        "F_GETFL", 3, "F_SETFL", 4, "F_GETLK", 5, "F_SETLK", 6, "F_SETLKW", 7, "F_OFD_GETLK", 36, "F_OFD_SETLK", 37,
        "F_OFD_SETLKW", 38, "F_GETOWN", 9, "F_SETOWN", 8, "F_GETSIG", 11, "F_SETSIG", 10, "F_RDLCK", 0, "F_WRLCK", 1,
        "F_UNLCK", 2, "F_GETLK64", 5, "F_SETLK64", 6, "F_SETLKW64", 7, "FASYNC", 8192, "F_SETLEASE", 1024,
        "F_GETLEASE", 1025, "F_NOTIFY", 1026, "F_EXLCK", 4, "F_SHLCK", 8, "F_SETPIPE_SZ", 1031, "F_GETPIPE_SZ", 1032,
        "FD_CLOEXEC", 1, "DN_ACCESS", 1, "DN_MODIFY", 2, "DN_CREATE", 4, "DN_DELETE", 8, "DN_RENAME", 16, "DN_ATTRIB", 32,
        "DN_MULTISHOT", 2147483648L, "F_ADD_SEALS", 1033, "F_GET_SEALS", 1034, "F_SEAL_SEAL", 1, "F_SEAL_SHRINK", 2,
        "F_SEAL_GROW", 4, "F_SEAL_WRITE", 8};

    public static long create(VmApi vm) {
        long m = vm.newModule("fcntl");
        vm.def(m, "fcntl", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "fcntl.fcntl", kw);
            Params.unpack(vm, "fcntl", n, 0, 2, 3);
            int fd = FileCalls.fileno(vm, a[o]);
            int cmd = cInt(vm, a[o + 1]);
            if (n == 3 && !vm.isInt(a[o + 2])) {
                byte[] data = bufferArg(vm, a[o + 2]);
                if (data != null) {
                    if (data.length > BUF) throw vm.error("ValueError", "fcntl string arg too long");
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment buf = copy(arena, data);
                        Libc.blocking(vm, () -> Libc.callForm("fcntl", "ptr", FCNTL_PTR, fd, cmd, buf));
                        return vm.heap.bytes.of(buf.asSlice(0, data.length).toArray(ValueLayout.JAVA_BYTE));
                    }
                }
            }
            int arg = n == 3 ? cInt(vm, a[o + 2]) : 0;
            return vm.newInt(Libc.blocking(vm, () -> Libc.call("fcntl", FCNTL_INT, fd, cmd, arg)));
        });
        vm.def(m, "ioctl", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "fcntl.ioctl", kw);
            Params.unpack(vm, "ioctl", n, 0, 2, 4);
            int fd = FileCalls.fileno(vm, a[o]);
            long request = vm.asIndex(a[o + 1]).longValue() & 0xffffffffL;  // unsigned int, bitwise
            boolean mutate = n < 4 || vm.truthy(a[o + 3]);
            if (n >= 3 && !vm.isInt(a[o + 2])) {
                long arg = a[o + 2];
                byte[] data = bufferArg(vm, arg);
                if (data != null) {
                    boolean writable = !vm.isStr(arg) && isWritable(vm, arg);
                    if (!(writable && mutate) && data.length > BUF) throw vm.error("ValueError", "ioctl string arg too long");
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment buf = copy(arena, data);
                        long r = Libc.blocking(vm, () -> Libc.call("ioctl", IOCTL_PTR, fd, request, buf));
                        byte[] after = buf.asSlice(0, data.length).toArray(ValueLayout.JAVA_BYTE);
                        if (writable && mutate) {
                            vm.writeBuffer(arg, 0, after);
                            return vm.newInt(r);
                        }
                        return vm.heap.bytes.of(after);
                    }
                }
            }
            int arg = n >= 3 ? cInt(vm, a[o + 2]) : 0;
            return vm.newInt(Libc.blocking(vm, () -> Libc.callForm("ioctl", "int", IOCTL_INT, fd, request, arg)));
        });
        vm.def(m, "flock", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "fcntl.flock", kw);
            Params.unpack(vm, "flock", n, 0, 2, 2);
            int fd = FileCalls.fileno(vm, a[o]);
            int op = cInt(vm, a[o + 1]);
            Libc.blocking(vm, () -> Libc.call("flock", FunctionDescriptor.of(Libc.INT, Libc.INT, Libc.INT), fd, op));
            return vm.incref(vm.heap.None);
        });
        vm.def(m, "lockf", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "fcntl.lockf", kw);
            Params.unpack(vm, "lockf", n, 0, 2, 5);
            int fd = FileCalls.fileno(vm, a[o]);
            int code = cInt(vm, a[o + 1]);
            long len = n >= 3 ? Params.cLong(vm, a[o + 2]) : 0, start = n >= 4 ? Params.cLong(vm, a[o + 3]) : 0;
            int whence = n >= 5 ? cInt(vm, a[o + 4]) : 0;
            short type;
            if (code == LOCK_UN) type = F_UNLCK;
            else if ((code & LOCK_SH) != 0) type = F_RDLCK;
            else if ((code & LOCK_EX) != 0) type = F_WRLCK;
            else throw vm.error("ValueError", "unrecognized lockf argument");
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment lock = arena.allocate(32);  // struct flock: l_type, l_whence, l_start, l_len, l_pid
                lock.set(ValueLayout.JAVA_SHORT, 0, type);
                lock.set(ValueLayout.JAVA_SHORT, 2, (short) whence);
                lock.set(ValueLayout.JAVA_LONG, 8, start);
                lock.set(ValueLayout.JAVA_LONG, 16, len);
                int cmd = (code & LOCK_NB) != 0 ? F_SETLK : F_SETLKW;
                Libc.blocking(vm, () -> Libc.callForm("fcntl", "ptr", FCNTL_PTR, fd, cmd, lock));
            }
            return vm.incref(vm.heap.None);
        });
        long d = vm.moduleDict(m);
        for (int i = 0; i < CONSTANTS.length; i += 2) {
            long v = vm.newInt(((Number) CONSTANTS[i + 1]).longValue());
            vm.heap.dicts.setItem(d, (String) CONSTANTS[i], v);
            vm.heap.decref(v);
        }
        return m;
    }

    /** A str's UTF-8 bytes or a bytes-like object's bytes ("s#"), or null for anything else. */
    private static byte[] bufferArg(VmApi vm, long o) {
        if (vm.isStr(o)) {
            long b = vm.encode(o, "utf-8", "strict");
            try {
                return vm.bytesLike(b);
            } finally {
                vm.heap.decref(b);
            }
        }
        return vm.bytesLike(o);
    }

    /** Whether {@code o} exports a writable buffer (a bytearray, or a memoryview that is not read-only). */
    private static boolean isWritable(VmApi vm, long o) {
        if (vm.isInstanceOf(o, vm.byteArrayType())) return true;
        if (!vm.typeName(o).equals("memoryview")) return false;
        long ro = vm.getAttrOrNull(o, "readonly");
        try {
            return ro != 0 && !vm.truthy(ro);
        } finally {
            vm.heap.xdecref(ro);
        }
    }

    private static MemorySegment copy(Arena arena, byte[] data) {
        MemorySegment buf = arena.allocate(Math.max(BUF, data.length) + 1L);
        MemorySegment.copy(data, 0, buf, ValueLayout.JAVA_BYTE, 0, data.length);
        return buf;
    }

    /** The "i" converter. */
    private static int cInt(VmApi vm, long o) {
        if (vm.isFloat(o)) throw vm.error("TypeError", "'float' object cannot be interpreted as an integer");
        return Params.cInt(vm, o);
    }

}
