package dev.refheap.lang.modules.posix;

import static dev.refheap.lang.modules.posix.Libc.INT;
import static dev.refheap.lang.modules.posix.Libc.LONG;
import static dev.refheap.lang.modules.posix.Libc.PTR;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.ListType;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * posix's other file functions, as CPython 3.11 has them on Linux: ownership (chown, fchown,
 * lchown), fchmod, chroot, fchdir, sync, fdatasync, dup2, lockf, the vectored and positioned reads
 * and writes (readv, pread, preadv, writev, pwrite, pwritev), sendfile, copy_file_range, splice,
 * pipe2, mkfifo, mknod and the device numbers (major, minor, makedev), posix_fallocate,
 * posix_fadvise, get/set_blocking, statvfs and fstatvfs, the extended attributes, getrandom,
 * memfd_create, eventfd, the configuration queries (sysconf, confstr, pathconf, fpathconf) and
 * {@code _path_normpath}, which posixpath's normpath is made of. Each is the C library's call, its
 * errno turned into CPython's OSError. Stateless (statvfs's result type is the module's state).
 */
final class FileCalls {
    private FileCalls() {}

    private static final int EINTR = 4;

    private static long none(VmApi vm) { return vm.incref(vm.heap.None); }

    private static int fd(VmApi vm, long o) { return FileDescriptors.fd(vm, o); }

    /** Retries a call while it fails with EINTR (PEP 475), checking for signals in between. */
    private static long retry(VmApi vm, java.util.function.LongSupplier call) {
        while (true) {
            long r = call.getAsLong();
            if (r != -1 || Libc.errno() != EINTR) return r;
            vm.checkInterrupt();
        }
    }

    /** _Py_Uid_Converter / _Py_Gid_Converter: an int in uid_t's range, or -1 for "unchanged". */
    static int id(VmApi vm, long o, String what) {
        if (vm.isFloat(o)) throw vm.error("TypeError", what + " should be integer, not float");
        if (!vm.isInt(o) && !vm.typeHas(o, "__index__")) throw vm.error("TypeError", what + " should be integer, not " + vm.typeName(o));
        BigInteger v = vm.asIndex(o);
        if (v.equals(BigInteger.ONE.negate())) return -1;
        if (v.signum() < 0) throw vm.error("OverflowError", what + " is less than minimum");
        // 3.11's _Py_Uid_Converter/_Py_Gid_Converter: a C long truncated by the cast to uid_t is
        // "less than minimum", past a C long "greater than maximum"; 2**32-1 is (uid_t)-1
        if (v.bitLength() > 63) throw vm.error("OverflowError", what + " is greater than maximum");
        if (v.bitLength() > 32) throw vm.error("OverflowError", what + " is less than minimum");
        return (int) v.longValue();
    }


    /**
     * The objects of a buffers sequence, held (a new list, as PySequence_Fast copies): the caller
     * writes into them after the call and decrefs the list.
     */
    private static long buffers(VmApi vm, String fn, long seq) {
        if (!vm.typeHas(seq, "__getitem__") || vm.isStr(seq) || vm.heap.typeOf(seq) == vm.heap.bytes) {
            throw vm.error("TypeError", fn + "() arg 2 must be a sequence");
        }
        long list = vm.heap.lists.alloc(0, false);
        try {
            vm.forEach(seq, v -> vm.heap.lists.append(list, v));
        } catch (RuntimeException e) {
            vm.heap.decref(list);
            throw e;
        }
        return list;
    }

    /** An iovec array over native copies of the buffers' bytes (sizes from {@code lens}). */
    private static MemorySegment iovec(Arena arena, MemorySegment[] bufs) {
        MemorySegment iov = arena.allocate(16L * Math.max(1, bufs.length), 8);
        for (int i = 0; i < bufs.length; i++) {
            iov.set(ValueLayout.ADDRESS, 16L * i, bufs[i]);
            iov.set(LONG, 16L * i + 8, bufs[i].byteSize());
        }
        return iov;
    }

    private static MemorySegment copyOf(Arena arena, byte[] b) {
        MemorySegment s = arena.allocate(Math.max(1, b.length));
        MemorySegment.copy(b, 0, s, ValueLayout.JAVA_BYTE, 0, b.length);
        return s.asSlice(0, b.length);
    }

    private static byte[] bytesOf(VmApi vm, long o) {
        byte[] b = vm.bytesLike(o);
        if (b == null) throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(o) + "'");
        return b;
    }

    /**
     * readv/preadv (into the buffers: what was read is copied back into each, in order) and
     * writev/pwritev (from them), the positioned ones with their offset and RWF_* flags.
     */
    private static long vectored(VmApi vm, String fn, long fdObj, long seq, long offset, int flags, boolean positioned, boolean write) {
        int fd = fd(vm, fdObj);
        long objs = buffers(vm, fn, seq);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment[] bufs = new MemorySegment[(int) ListType.size(objs)];
            for (int i = 0; i < bufs.length; i++) {
                byte[] cur = vm.bytesLike(ListType.item(objs, i));
                if (cur == null) throw vm.error("TypeError", fn + "() arg 2 must be a sequence of " + (write ? "" : "writable ") + "bytes-like objects");
                bufs[i] = write ? copyOf(arena, cur) : arena.allocate(Math.max(1, cur.length)).asSlice(0, cur.length);
            }
            MemorySegment iov = iovec(arena, bufs);
            String call = (positioned ? "p" : "") + (write ? "writev" : "readv") + (positioned ? "2" : "");
            Object released = vm.allowThreads();
            long r;
            try {
                r = retry(vm, () -> positioned
                        ? Libc.call(call, FunctionDescriptor.of(LONG, INT, PTR, INT, LONG, INT), fd, iov, bufs.length, offset, flags)
                        : Libc.call(call, FunctionDescriptor.of(LONG, INT, PTR, INT), fd, iov, bufs.length));
            } finally {
                vm.endAllowThreads(released);
            }
            if (r < 0) throw Posix.error(vm, 0, 0);
            long left = write ? 0 : r;
            for (int i = 0; i < bufs.length && left > 0; i++) {
                int take = (int) Math.min(left, bufs[i].byteSize());
                vm.writeBuffer(ListType.item(objs, i), 0, bufs[i].asSlice(0, take).toArray(ValueLayout.JAVA_BYTE));
                left -= take;
            }
            return vm.newInt(r);
        } finally {
            vm.heap.decref(objs);
        }
    }

    /** os.statvfs_result of a struct statvfs (x86-64 glibc: eleven unsigned longs, then flags). */
    private static long statvfsResult(VmApi vm, MemorySegment b) {
        long[] items = new long[11];
        int[] at = {0, 8, 16, 24, 32, 40, 48, 56, 72, 80};  // bsize frsize blocks bfree bavail files ffree favail flag namemax
        for (int i = 0; i < 10; i++) items[i] = vm.newInt(new BigInteger(Long.toUnsignedString(b.get(LONG, at[i]))));
        items[10] = vm.newInt(new BigInteger(Long.toUnsignedString(b.get(LONG, 64))));  // f_fsid
        return vm.newStructSeq(Posix.state(vm).statvfsResult, items);
    }

    /** A name for sysconf/confstr/pathconf: an int, or a str from the module's table (ValueError if unknown). */
    private static int confName(VmApi vm, long o, String table) {
        if (vm.isInt(o)) return Params.cInt(vm, o);
        if (!vm.isStr(o)) throw vm.error("TypeError", "configuration names must be strings or integers");
        int v = Constants.lookup(table, vm.strValue(o));
        if (v < 0) throw vm.error("ValueError", "unrecognized configuration name");
        return v;
    }

    /** _Py_normpath of a str path (posixpath.normpath adds "." for an empty result). */
    static String normpath(String path) {
        if (path.isEmpty()) return "";
        int slashes = 0;
        if (path.charAt(0) == '/') slashes = path.startsWith("//") && !path.startsWith("///") ? 2 : 1;
        List<String> comps = new ArrayList<>();
        for (String c : path.split("/", -1)) {
            if (c.isEmpty() || c.equals(".")) continue;
            if (c.equals("..") && (slashes == 0 && comps.isEmpty() || !comps.isEmpty() && comps.get(comps.size() - 1).equals(".."))) {
                comps.add(c);
            } else if (c.equals("..")) {
                if (!comps.isEmpty()) comps.remove(comps.size() - 1);
            } else {
                comps.add(c);
            }
        }
        String out = "/".repeat(slashes) + String.join("/", comps);
        return out.isEmpty() && path.equals(".") ? "." : out;
    }

    static void defineFunctions(VmApi vm, Posix.Def def) {
        var h = vm.heap;
        def.def("fchmod", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "fchmod", new String[] {"fd", "mode"}, 2, 2, 0, a, o, n, kw);
            int fd = fd(vm, p[0]), mode = Params.cInt(vm, p[1]);
            if (retry(vm, () -> Libc.call("fchmod", FunctionDescriptor.of(INT, INT, INT), fd, mode)) != 0) throw Posix.error(vm, 0, 0);
            return none(vm);
        });
        def.def("chown", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "chown", new String[] {"path", "uid", "gid", "dir_fd", "follow_symlinks"}, 3, 3, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "chown", "path", p[0], true, false);
            int uid = id(vm, p[1], "uid"), gid = id(vm, p[2], "gid");
            int dirFd = DirFd.convert(vm, p[3]);
            boolean follow = p[4] == 0 || vm.truthy(p[4]);
            DirFd.dirFdAndFd(vm, "chown", path, dirFd);
            DirFd.fdAndFollow(vm, "chown", path, follow);
            try (Arena arena = Arena.ofConfined()) {
                long r;
                if (path.isFd()) r = Libc.call("fchown", FunctionDescriptor.of(INT, INT, INT, INT), path.fd(), uid, gid);
                else if (dirFd != DirFd.DEFAULT) {
                    r = Libc.call("fchownat", FunctionDescriptor.of(INT, INT, PTR, INT, INT, INT), dirFd, Libc.cString(arena, path.bytes()), uid, gid,
                            follow ? 0 : DirFd.AT_SYMLINK_NOFOLLOW);
                } else {
                    r = Libc.call(follow ? "chown" : "lchown", FunctionDescriptor.of(INT, PTR, INT, INT), Libc.cString(arena, path.bytes()), uid, gid);
                }
                if (r != 0) throw path.error(vm);
            }
            return none(vm);
        });
        def.def("fchown", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "fchown", new String[] {"fd", "uid", "gid"}, 3, 3, 0, a, o, n, kw);
            int fd = fd(vm, p[0]), uid = id(vm, p[1], "uid"), gid = id(vm, p[2], "gid");
            if (retry(vm, () -> Libc.call("fchown", FunctionDescriptor.of(INT, INT, INT, INT), fd, uid, gid)) != 0) throw Posix.error(vm, 0, 0);
            return none(vm);
        });
        def.def("lchown", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "lchown", new String[] {"path", "uid", "gid"}, 3, 3, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "lchown", "path", p[0], false, false);
            int uid = id(vm, p[1], "uid"), gid = id(vm, p[2], "gid");
            try (Arena arena = Arena.ofConfined()) {
                if (Libc.call("lchown", FunctionDescriptor.of(INT, PTR, INT, INT), Libc.cString(arena, path.bytes()), uid, gid) != 0) throw path.error(vm);
            }
            return none(vm);
        });
        def.def("chroot", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "chroot", new String[] {"path"}, 1, 1, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "chroot", "path", p[0], false, false);
            try (Arena arena = Arena.ofConfined()) {
                if (Libc.call("chroot", Libc.I_P, Libc.cString(arena, path.bytes())) != 0) throw path.error(vm);
            }
            return none(vm);
        });
        def.def("fchdir", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "fchdir", new String[] {"fd"}, 1, 1, 0, a, o, n, kw);
            int fd = fileno(vm, p[0]);
            if (retry(vm, () -> Libc.call("fchdir", Libc.I_I, fd)) != 0) throw Posix.error(vm, 0, 0);
            return none(vm);
        });
        def.def("sync", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "posix.sync", n, kw);
            Libc.call("sync", FunctionDescriptor.ofVoid());
            return none(vm);
        });
        def.def("fdatasync", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "fdatasync", new String[] {"fd"}, 1, 1, 0, a, o, n, kw);
            int fd = fileno(vm, p[0]);
            if (retry(vm, () -> Libc.call("fdatasync", Libc.I_I, fd)) != 0) throw Posix.error(vm, 0, 0);
            return none(vm);
        });
        def.def("dup2", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "dup2", new String[] {"fd", "fd2", "inheritable"}, 2, 3, 0, a, o, n, kw);
            int fd = fd(vm, p[0]), fd2 = fd(vm, p[1]);
            boolean inheritable = p[2] == 0 || vm.truthy(p[2]);
            long r = inheritable ? Libc.call("dup2", FunctionDescriptor.of(INT, INT, INT), fd, fd2)
                    : Libc.call("dup3", FunctionDescriptor.of(INT, INT, INT, INT), fd, fd2, FileDescriptors.O_CLOEXEC);
            if (r < 0) throw Posix.error(vm, 0, 0);
            return vm.newInt(r);
        });
        def.def("lockf", (s, a, o, n, kw) -> {
            Params.unpack(vm, "lockf", n, kw, 3, 3);
            int fd = fd(vm, a[o]), cmd = Params.cInt(vm, a[o + 1]);
            long len = Params.cLong(vm, a[o + 2]);
            Object released = vm.allowThreads();  // F_LOCK waits for the lock
            long r;
            try {
                r = Libc.call("lockf", FunctionDescriptor.of(INT, INT, INT, LONG), fd, cmd, len);
            } finally {
                vm.endAllowThreads(released);
            }
            if (r != 0) throw Posix.error(vm, 0, 0);
            return none(vm);
        });
        def.def("readv", (s, a, o, n, kw) -> {
            Params.unpack(vm, "readv", n, kw, 2, 2);
            return vectored(vm, "readv", a[o], a[o + 1], 0, 0, false, false);
        });
        def.def("pread", (s, a, o, n, kw) -> {
            Params.unpack(vm, "pread", n, kw, 3, 3);
            int fd = fd(vm, a[o]);
            long len = Params.ssize(vm, a[o + 1]), offset = Params.cLong(vm, a[o + 2]);
            if (len < 0) throw vm.osError(22, Libc.strerror(22), 0, 0);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment buf = arena.allocate(Math.max(1, len));
                long r = retry(vm, () -> Libc.call("pread", FunctionDescriptor.of(LONG, INT, PTR, LONG, LONG), fd, buf, len, offset));
                if (r < 0) throw Posix.error(vm, 0, 0);
                return h.bytes.of(buf.asSlice(0, r).toArray(ValueLayout.JAVA_BYTE));
            }
        });
        def.def("preadv", (s, a, o, n, kw) -> {
            Params.unpack(vm, "preadv", n, kw, 3, 4);
            return vectored(vm, "preadv", a[o], a[o + 1], Params.cLong(vm, a[o + 2]), n > 3 ? Params.cInt(vm, a[o + 3]) : 0, true, false);
        });
        def.def("writev", (s, a, o, n, kw) -> {
            Params.unpack(vm, "writev", n, kw, 2, 2);
            return vectored(vm, "writev", a[o], a[o + 1], 0, 0, false, true);
        });
        def.def("pwrite", (s, a, o, n, kw) -> {
            Params.unpack(vm, "pwrite", n, kw, 3, 3);
            int fd = fd(vm, a[o]);
            byte[] data = bytesOf(vm, a[o + 1]);
            long offset = Params.cLong(vm, a[o + 2]);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment buf = copyOf(arena, data);
                long r = retry(vm, () -> Libc.call("pwrite", FunctionDescriptor.of(LONG, INT, PTR, LONG, LONG), fd, buf, (long) data.length, offset));
                if (r < 0) throw Posix.error(vm, 0, 0);
                return vm.newInt(r);
            }
        });
        def.def("pwritev", (s, a, o, n, kw) -> {
            Params.unpack(vm, "pwritev", n, kw, 3, 4);
            return vectored(vm, "pwritev", a[o], a[o + 1], Params.cLong(vm, a[o + 2]), n > 3 ? Params.cInt(vm, a[o + 3]) : 0, true, true);
        });
        def.def("sendfile", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "sendfile", new String[] {"out_fd", "in_fd", "offset", "count"}, 4, 4, 0, a, o, n, kw);
            int out = fd(vm, p[0]), in = fd(vm, p[1]);
            long count = Params.ssize(vm, p[3]);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment offset = MemorySegment.NULL;
                if (p[2] != h.None) {
                    offset = arena.allocate(8);
                    offset.set(LONG, 0, Params.cLong(vm, p[2]));
                }
                MemorySegment at = offset;
                long r = retry(vm, () -> Libc.call("sendfile", FunctionDescriptor.of(LONG, INT, INT, PTR, LONG), out, in, at, count));
                if (r < 0) throw Posix.error(vm, 0, 0);
                return vm.newInt(r);
            }
        });
        def.def("copy_file_range", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "copy_file_range", new String[] {"src", "dst", "count", "offset_src", "offset_dst"}, 3, 5, 0, a, o, n, kw);
            return rangeCall(vm, "copy_file_range", p, 0);
        });
        def.def("splice", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "splice", new String[] {"src", "dst", "count", "offset_src", "offset_dst", "flags"}, 3, 6, 0, a, o, n, kw);
            return rangeCall(vm, "splice", p, p[5] == 0 ? 0 : Params.cInt(vm, p[5]));
        });
        def.def("pipe2", (s, a, o, n, kw) -> {
            Params.unpack(vm, "pipe2", n, kw, 1, 1);
            int flags = Params.cInt(vm, a[o]);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment fds = arena.allocate(8);
                if (Libc.call("pipe2", FunctionDescriptor.of(INT, PTR, INT), fds, flags) != 0) throw Posix.error(vm, 0, 0);
                return Posix.tuple(vm, vm.newInt(fds.get(INT, 0)), vm.newInt(fds.get(INT, 4)));
            }
        });
        def.def("mkfifo", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "mkfifo", new String[] {"path", "mode", "dir_fd"}, 1, 2, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "mkfifo", "path", p[0], false, false);
            int mode = p[1] == 0 ? 0666 : Params.cInt(vm, p[1]);
            int dirFd = DirFd.convert(vm, p[2]);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment c = Libc.cString(arena, path.bytes());
                long r = retry(vm, () -> dirFd != DirFd.DEFAULT ? Libc.call("mkfifoat", FunctionDescriptor.of(INT, INT, PTR, INT), dirFd, c, mode)
                        : Libc.call("mkfifo", Libc.I_PI, c, mode));
                if (r != 0) throw Posix.error(vm, 0, 0);  // 3.11's mkfifo names no file
            }
            return none(vm);
        });
        def.def("mknod", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "mknod", new String[] {"path", "mode", "device", "dir_fd"}, 1, 3, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "mknod", "path", p[0], false, false);
            int mode = p[1] == 0 ? 0600 : Params.cInt(vm, p[1]);
            long dev = p[2] == 0 ? 0 : device(vm, p[2]);
            int dirFd = DirFd.convert(vm, p[3]);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment c = Libc.cString(arena, path.bytes());
                long r = dirFd != DirFd.DEFAULT ? Libc.call("mknodat", FunctionDescriptor.of(INT, INT, PTR, INT, LONG), dirFd, c, mode, dev)
                        : Libc.call("mknod", FunctionDescriptor.of(INT, PTR, INT, LONG), c, mode, dev);
                if (r != 0) throw Posix.error(vm, 0, 0);  // 3.11's mknod names no file
            }
            return none(vm);
        });
        def.def("major", (s, a, o, n, kw) -> {
            Params.unpack(vm, "major", n, kw, 1, 1);
            long d = device(vm, a[o]);
            return vm.newInt(((d >>> 32) & 0xfffff000L) | ((d >>> 8) & 0xfffL));  // glibc's gnu_dev_major
        });
        def.def("minor", (s, a, o, n, kw) -> {
            Params.unpack(vm, "minor", n, kw, 1, 1);
            long d = device(vm, a[o]);
            return vm.newInt(((d >>> 12) & 0xffffff00L) | (d & 0xffL));  // gnu_dev_minor
        });
        def.def("makedev", (s, a, o, n, kw) -> {
            Params.unpack(vm, "makedev", n, kw, 2, 2);
            // 3.11 takes C ints and returns the dev_t as a signed long long (_PyLong_FromDev)
            long ma = Params.clinicInt(vm, a[o]) & 0xffffffffL, mi = Params.clinicInt(vm, a[o + 1]) & 0xffffffffL;
            long d = ((ma & 0x00000fffL) << 8) | ((ma & 0xfffff000L) << 32) | (mi & 0x000000ffL) | ((mi & 0xffffff00L) << 12);
            return vm.newInt(d);
        });
        def.def("posix_fallocate", (s, a, o, n, kw) -> {
            Params.unpack(vm, "posix_fallocate", n, kw, 3, 3);
            int fd = fd(vm, a[o]);
            long offset = Params.cLong(vm, a[o + 1]), len = Params.cLong(vm, a[o + 2]);
            return errnoResult(vm, () -> Libc.call("posix_fallocate", FunctionDescriptor.of(INT, INT, LONG, LONG), fd, offset, len));
        });
        def.def("posix_fadvise", (s, a, o, n, kw) -> {
            Params.unpack(vm, "posix_fadvise", n, kw, 4, 4);
            int fd = fd(vm, a[o]), advice = Params.cInt(vm, a[o + 3]);
            long offset = Params.cLong(vm, a[o + 1]), len = Params.cLong(vm, a[o + 2]);
            return errnoResult(vm, () -> Libc.call("posix_fadvise", FunctionDescriptor.of(INT, INT, LONG, LONG, INT), fd, offset, len, advice));
        });
        def.def("get_blocking", (s, a, o, n, kw) -> {
            Params.unpack(vm, "get_blocking", n, kw, 1, 1);
            long flags = Libc.call("fcntl", FunctionDescriptor.of(INT, INT, INT, INT), fd(vm, a[o]), 3, 0);  // F_GETFL
            if (flags < 0) throw Posix.error(vm, 0, 0);
            return vm.incref((flags & 04000) == 0 ? h.True : h.False);  // O_NONBLOCK
        });
        def.def("set_blocking", (s, a, o, n, kw) -> {
            Params.unpack(vm, "set_blocking", n, kw, 2, 2);
            int fd = fd(vm, a[o]);
            boolean blocking = vm.truthy(a[o + 1]);
            long flags = Libc.call("fcntl", FunctionDescriptor.of(INT, INT, INT, INT), fd, 3, 0);
            if (flags < 0) throw Posix.error(vm, 0, 0);
            long want = blocking ? flags & ~04000 : flags | 04000;
            if (want != flags && Libc.call("fcntl", FunctionDescriptor.of(INT, INT, INT, INT), fd, 4, (int) want) < 0) throw Posix.error(vm, 0, 0);  // F_SETFL
            return none(vm);
        });
        def.def("fstatvfs", (s, a, o, n, kw) -> {
            Params.unpack(vm, "fstatvfs", n, kw, 1, 1);
            int fd = fd(vm, a[o]);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment b = arena.allocate(112, 8);
                if (retry(vm, () -> Libc.call("fstatvfs", Libc.I_IP, fd, b)) != 0) throw Posix.error(vm, 0, 0);
                return statvfsResult(vm, b);
            }
        });
        def.def("statvfs", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "statvfs", new String[] {"path"}, 1, 1, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "statvfs", "path", p[0], true, false);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment b = arena.allocate(112, 8);
                long r = path.isFd() ? Libc.call("fstatvfs", Libc.I_IP, path.fd(), b) : Libc.call("statvfs", Libc.I_PP, Libc.cString(arena, path.bytes()), b);
                if (r != 0) throw path.error(vm);
                return statvfsResult(vm, b);
            }
        });
        Xattrs.defineFunctions(vm, def);
        def.def("getrandom", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "getrandom", new String[] {"size", "flags"}, 1, 2, 0, a, o, n, kw);
            long size = Params.ssize(vm, p[0]);
            int flags = p[1] == 0 ? 0 : Params.cInt(vm, p[1]);
            if (size < 0) throw vm.osError(22, Libc.strerror(22), 0, 0);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment buf = arena.allocate(Math.max(1, size));
                long r = retry(vm, () -> Libc.call("getrandom", FunctionDescriptor.of(LONG, PTR, LONG, INT), buf, size, flags));
                if (r < 0) throw Posix.error(vm, 0, 0);
                return h.bytes.of(buf.asSlice(0, r).toArray(ValueLayout.JAVA_BYTE));
            }
        });
        def.def("memfd_create", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "memfd_create", new String[] {"name", "flags"}, 1, 2, 0, a, o, n, kw);
            byte[] name = Spawn.fsEncode(vm, p[0]);
            int flags = p[1] == 0 ? 1 : Params.cInt(vm, p[1]);  // MFD_CLOEXEC
            try (Arena arena = Arena.ofConfined()) {
                long r = Libc.call("memfd_create", FunctionDescriptor.of(INT, PTR, INT), Libc.cString(arena, name), flags);
                if (r < 0) throw Posix.error(vm, 0, 0);
                return vm.newInt(r);
            }
        });
        def.def("eventfd", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "eventfd", new String[] {"initval", "flags"}, 1, 2, 0, a, o, n, kw);
            long init = vm.asIndex(p[0]).longValue();
            if (init < 0 || init > 0xffffffffL) throw vm.error("OverflowError", "Python int too large to convert to C unsigned int");
            int flags = p[1] == 0 ? FileDescriptors.O_CLOEXEC : Params.cInt(vm, p[1]);
            long r = Libc.call("eventfd", FunctionDescriptor.of(INT, INT, INT), (int) init, flags);
            if (r < 0) throw Posix.error(vm, 0, 0);
            return vm.newInt(r);
        });
        def.def("eventfd_read", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "eventfd_read", new String[] {"fd"}, 1, 1, 0, a, o, n, kw);
            int fd = fileno(vm, p[0]);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment v = arena.allocate(8);
                Object released = vm.allowThreads();
                long r;
                try {
                    r = retry(vm, () -> Libc.call("eventfd_read", Libc.I_IP, fd, v));
                } finally {
                    vm.endAllowThreads(released);
                }
                if (r != 0) throw Posix.error(vm, 0, 0);
                return vm.newInt(new BigInteger(Long.toUnsignedString(v.get(LONG, 0))));
            }
        });
        def.def("eventfd_write", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "eventfd_write", new String[] {"fd", "value"}, 2, 2, 0, a, o, n, kw);
            int fd = fileno(vm, p[0]);
            BigInteger v = vm.asIndex(p[1]);
            if (v.signum() < 0 || v.bitLength() > 64) throw vm.error("OverflowError", "Python int too large to convert to C unsigned long long");
            long value = v.longValue();
            if (retry(vm, () -> Libc.call("eventfd_write", FunctionDescriptor.of(INT, INT, LONG), fd, value)) != 0) throw Posix.error(vm, 0, 0);
            return none(vm);
        });
        def.def("confstr", (s, a, o, n, kw) -> {
            Params.unpack(vm, "confstr", n, kw, 1, 1);
            int name = confName(vm, a[o], Constants.CONFSTR_NAMES);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment buf = arena.allocate(1024);
                long len = Libc.call("confstr", FunctionDescriptor.of(LONG, INT, PTR, LONG), name, buf, 1024L);
                if (len == 0) {
                    if (Libc.errno() != 0) throw Posix.error(vm, 0, 0);
                    return none(vm);
                }
                if (len > 1024) {
                    buf = arena.allocate(len);
                    Libc.call("confstr", FunctionDescriptor.of(LONG, INT, PTR, LONG), name, buf, len);
                }
                return vm.fsDecode(buf.asSlice(0, len - 1).toArray(ValueLayout.JAVA_BYTE));
            }
        });
        def.def("sysconf", (s, a, o, n, kw) -> {
            Params.unpack(vm, "sysconf", n, kw, 1, 1);
            int name = confName(vm, a[o], Constants.SYSCONF_NAMES);
            Libc.clearErrno();
            long r = Libc.call("sysconf", FunctionDescriptor.of(LONG, INT), name);
            if (r == -1 && Libc.errno() != 0) throw Posix.error(vm, 0, 0);
            return vm.newInt(r);
        });
        def.def("fpathconf", (s, a, o, n, kw) -> {
            Params.unpack(vm, "fpathconf", n, kw, 2, 2);
            PathArg path = PathArg.convert(vm, "fpathconf", "fd", a[o], true, false);
            return pathconf(vm, path, confName(vm, a[o + 1], Constants.PATHCONF_NAMES));
        });
        def.def("pathconf", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "pathconf", new String[] {"path", "name"}, 2, 2, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "pathconf", "path", p[0], true, false);
            return pathconf(vm, path, confName(vm, p[1], Constants.PATHCONF_NAMES));
        });
        def.def("_path_normpath", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "_path_normpath", new String[] {"path"}, 1, 1, 0, a, o, n, kw);
            if (!vm.isStr(p[0])) throw vm.error("TypeError", "expected 'str', not '" + vm.typeName(p[0]) + "'");
            return vm.str(normpath(vm.strValue(p[0])));
        });
    }

    private static long pathconf(VmApi vm, PathArg path, int name) {
        Libc.clearErrno();
        try (Arena arena = Arena.ofConfined()) {
            long r = path.isFd() ? Libc.call("fpathconf", FunctionDescriptor.of(LONG, INT, INT), path.fd(), name)
                    : Libc.call("pathconf", FunctionDescriptor.of(LONG, PTR, INT), Libc.cString(arena, path.bytes()), name);
            if (r == -1 && Libc.errno() != 0) throw path.error(vm);
            return vm.newInt(r);
        }
    }

    /** A call that returns an errno (0: success) instead of setting it: posix_fallocate, posix_fadvise. */
    private static long errnoResult(VmApi vm, java.util.function.LongSupplier call) {
        while (true) {
            int e = (int) call.getAsLong();
            if (e == 0) return none(vm);
            if (e != EINTR) throw vm.osError(e, Libc.strerror(e), 0, 0);
            vm.checkInterrupt();
        }
    }

    /** copy_file_range / splice: offsets None or ints (then passed by pointer). */
    private static long rangeCall(VmApi vm, String fn, long[] p, int flags) {
        int src = fd(vm, p[0]), dst = fd(vm, p[1]);
        long count = Params.ssize(vm, p[2]);
        if (count < 0) throw vm.error("ValueError", "Cannot specify a negative count");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment[] offs = new MemorySegment[2];
            for (int i = 0; i < 2; i++) {
                long v = p[3 + i];
                if (v == 0 || v == vm.heap.None) {
                    offs[i] = MemorySegment.NULL;
                } else {
                    offs[i] = arena.allocate(8);
                    offs[i].set(LONG, 0, Params.cLong(vm, v));
                }
            }
            Object released = vm.allowThreads();
            long r;
            try {
                r = retry(vm, () -> Libc.call(fn, FunctionDescriptor.of(LONG, INT, PTR, INT, PTR, LONG, INT), src, offs[0], dst, offs[1], count,
                        fn.equals("splice") ? flags : 0));
            } finally {
                vm.endAllowThreads(released);
            }
            if (r < 0) throw Posix.error(vm, 0, 0);
            return vm.newInt(r);
        }
    }

    /**
     * 3.11's dev_t converter (_Py_Dev_Converter, PyLong_AsUnsignedLongLong): an int, not an
     * object with {@code __index__} ("an integer is required"), in unsigned 64 bits.
     */
    private static long device(VmApi vm, long o) {
        if (!vm.isInt(o)) throw vm.error("TypeError", "an integer is required");
        BigInteger v = vm.asIndex(o);
        if (v.signum() < 0) throw vm.error("OverflowError", "can't convert negative int to unsigned");
        if (v.bitLength() > 64) throw vm.error("OverflowError", "int too big to convert");
        return v.longValue();
    }

    /** A descriptor argument that may be an object with fileno() (fildes converter). */
    static int fileno(VmApi vm, long o) {
        if (vm.isInt(o)) {
            int fd = fd(vm, o);
            if (fd < 0) throw vm.error("ValueError", "file descriptor cannot be a negative integer (" + fd + ")");
            return fd;
        }
        if (!vm.typeHas(o, "fileno")) {
            throw vm.error("TypeError", "argument must be an int, or have a fileno() method.");
        }
        long f = vm.callMethod(o, "fileno");
        try {
            if (!vm.isInt(f)) throw vm.error("TypeError", "fileno() returned a non-integer");
            int fd = fd(vm, f);
            if (fd < 0) throw vm.error("ValueError", "file descriptor cannot be a negative integer (" + fd + ")");
            return fd;
        } finally {
            vm.heap.decref(f);
        }
    }
}
