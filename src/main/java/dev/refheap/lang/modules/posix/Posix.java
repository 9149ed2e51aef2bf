package dev.refheap.lang.modules.posix;

import static dev.refheap.lang.modules.posix.Libc.INT;
import static dev.refheap.lang.modules.posix.Libc.LONG;
import static dev.refheap.lang.modules.posix.Libc.PTR;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.Builtin;
import dev.refheap.lang.vm.ModuleImage;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.BytesType;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code posix}: the part of CPython 3.11's posix module that os, os.path, stat, shutil, tempfile,
 * glob, fnmatch and pathlib use, over the C library through java.lang.foreign (errno and strerror
 * are the system's, so OSError is CPython's: subclass, errno, strerror, filename objects).
 * The module has CPython 3.11's Linux functions in its method table's order ({@link #ORDER};
 * {@link FileCalls}, {@link ProcessCalls}, {@link Xattrs} and {@link WaitStatus} beside this
 * class) but fork and forkpty, absent as on a platform without them (a forked JVM keeps one
 * thread and none of the VM's own); os.py reads what exists. The struct sequences are
 * {@code os.stat_result} (10 visible fields, 19 in all), {@code os.statvfs_result},
 * {@code posix.sched_param}, {@code posix.waitid_result}, {@code posix.uname_result},
 * {@code posix.times_result}, {@code os.terminal_size}; {@link ScandirTypes} has DirEntry and
 * ScandirIterator.
 */
public final class Posix {
    private Posix() {}

    /** AT_FDCWD: the *at() calls' "relative to the working directory". */
    static final int AT_FDCWD = -100;

    /**
     * The module's types, made once per runtime, and the held list register_at_fork keeps its
     * callables in. A start-up image carries it: DirEntry and ScandirIterator are made again by
     * {@link #restore}, the struct sequence types (carried as descriptions) and the list by address.
     */
    static final class State implements ModuleImage {
        PyType statResult, unameResult, timesResult, terminalSize, statvfsResult, schedParam, waitidResult;
        ScandirTypes scandir;
        long atFork;

        @Override
        public java.util.List<? extends PyType> imageTypes() { return java.util.List.of(scandir.entry, scandir.iterator); }

        @Override
        public long[] imageValues() {
            if (scandir.iterator.open != 0) throw new IllegalStateException(scandir.iterator.open + " open ScandirIterator (a directory stream of the C library's)");
            return new long[] {statResult.address(), unameResult.address(), timesResult.address(), terminalSize.address(), atFork,
                    statvfsResult.address(), schedParam.address(), waitidResult.address()};
        }
    }

    /**
     * The state made again for a runtime adopting a start-up image: DirEntry's and
     * ScandirIterator's descriptors (their objects are the image's), the struct sequence types the
     * image adopted already (made before them), the held list.
     */
    public static ModuleImage restore(VmApi vm, long[] values) {
        if (values.length != 8) throw new IllegalArgumentException("posix's image state is 8 addresses, not " + values.length + " values");
        State s = new State();
        s.statResult = vm.typeAt(values[0]);
        s.unameResult = vm.typeAt(values[1]);
        s.timesResult = vm.typeAt(values[2]);
        s.terminalSize = vm.typeAt(values[3]);
        s.atFork = values[4];
        s.statvfsResult = vm.typeAt(values[5]);
        s.schedParam = vm.typeAt(values[6]);
        s.waitidResult = vm.typeAt(values[7]);
        s.scandir = new ScandirTypes(vm, s, false, 0);
        return s;
    }

    /** OSError for the last failed call, with the path objects given (borrowed; 0 for none). */
    static PyException error(VmApi vm, long filename, long filename2) {
        int e = Libc.errno();
        return vm.osError(e, Libc.strerror(e), filename, filename2);
    }

    private static PyException error(VmApi vm) { return error(vm, 0, 0); }

    private static long none(VmApi vm) { return vm.incref(vm.heap.None); }

    private static long bool(VmApi vm, boolean b) { return vm.incref(b ? vm.heap.True : vm.heap.False); }

    private static int intArg(VmApi vm, long o) { return Params.cInt(vm, o); }

    /** A fd argument ("fd" converter): an int, OverflowError past C int. */
    private static int fdArg(VmApi vm, long o) {
        if (vm.isFloat(o)) throw vm.error("TypeError", "'float' object cannot be interpreted as an integer");
        return intArg(vm, o);
    }

    private static boolean truth(VmApi vm, long o, boolean dflt) { return o == 0 ? dflt : vm.truthy(o); }

    private static final FunctionDescriptor I_IPI = FunctionDescriptor.of(INT, INT, PTR, INT);
    private static final FunctionDescriptor I_IP_I = FunctionDescriptor.of(INT, INT, PTR, INT, INT);

    // ---- stat -----------------------------------------------------------------------------------

    static long statResult(VmApi vm, State st, MemorySegment b) {
        long[] items = new long[19];
        items[0] = vm.newInt(b.get(INT, Libc.ST_MODE) & 0xffffffffL);
        items[1] = vm.newInt(new BigInteger(Long.toUnsignedString(b.get(LONG, Libc.ST_INO))));
        items[2] = vm.newInt(new BigInteger(Long.toUnsignedString(b.get(LONG, Libc.ST_DEV))));
        items[3] = vm.newInt(b.get(LONG, Libc.ST_NLINK));
        items[4] = vm.newInt(b.get(INT, Libc.ST_UID) & 0xffffffffL);
        items[5] = vm.newInt(b.get(INT, Libc.ST_GID) & 0xffffffffL);
        items[6] = vm.newInt(b.get(LONG, Libc.ST_SIZE));
        int[] times = {Libc.ST_ATIM, Libc.ST_MTIM, Libc.ST_CTIM};
        for (int i = 0; i < 3; i++) {
            long sec = b.get(LONG, times[i]), nsec = b.get(LONG, times[i] + 8);
            items[7 + i] = vm.newInt(sec);
            items[10 + i] = vm.newFloat(sec + nsec * 1e-9);
            items[13 + i] = vm.newInt(BigInteger.valueOf(sec).multiply(BigInteger.valueOf(1_000_000_000L)).add(BigInteger.valueOf(nsec)));
        }
        items[16] = vm.newInt(b.get(LONG, Libc.ST_BLKSIZE));
        items[17] = vm.newInt(b.get(LONG, Libc.ST_BLOCKS));
        items[18] = vm.newInt(new BigInteger(Long.toUnsignedString(b.get(LONG, Libc.ST_RDEV))));
        return vm.newStructSeq(st.statResult, items);
    }

    /** stat/lstat/fstat of a path argument (no dir_fd); OSError names the path. */
    static long doStat(VmApi vm, State st, PathArg p, boolean follow) { return doStat(vm, st, p, DirFd.DEFAULT, follow); }

    /**
     * posix_do_stat's choice of call: fstat for a descriptor, lstat for follow_symlinks=False
     * without dir_fd, fstatat with dir_fd (AT_SYMLINK_NOFOLLOW when not following), else stat.
     */
    static long doStat(VmApi vm, State st, PathArg p, int dirFd, boolean follow) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Libc.ST_SIZE_OF);
            long r;
            if (p.isFd()) r = Libc.call("fstat", Libc.I_IP, p.fd(), buf);
            else if (dirFd != DirFd.DEFAULT) {
                r = Libc.call("fstatat", FunctionDescriptor.of(INT, INT, PTR, PTR, INT), dirFd, Libc.cString(arena, p.bytes()), buf,
                        follow ? 0 : DirFd.AT_SYMLINK_NOFOLLOW);
            } else r = Libc.call(follow ? "stat" : "lstat", Libc.I_PP, Libc.cString(arena, p.bytes()), buf);
            if (r != 0) throw p.error(vm);
            return statResult(vm, st, buf);
        }
    }

    /** A call on one path: r != 0 raises OSError naming it. */
    private static long pathCall(VmApi vm, PathArg p, String fn, FunctionDescriptor fd, Object... rest) {
        try (Arena arena = Arena.ofConfined()) {
            Object[] args = new Object[rest.length + 1];
            args[0] = Libc.cString(arena, p.bytes());
            System.arraycopy(rest, 0, args, 1, rest.length);
            long r = Libc.call(fn, fd, args);
            if (r == -1) throw p.error(vm);
            return r;
        }
    }

    /**
     * A call on one path, or its *at() form when a dir_fd is given ({@code atArgs} after the
     * descriptor and the path): r == -1 raises OSError naming the path.
     */
    private static long pathCall(VmApi vm, PathArg p, int dirFd, String at, FunctionDescriptor atFd, Object[] atRest, String fn,
            FunctionDescriptor fd, Object... rest) {
        if (dirFd == DirFd.DEFAULT) return pathCall(vm, p, fn, fd, rest);
        try (Arena arena = Arena.ofConfined()) {
            Object[] args = new Object[atRest.length + 2];
            args[0] = dirFd;
            args[1] = Libc.cString(arena, p.bytes());
            System.arraycopy(atRest, 0, args, 2, atRest.length);
            long r = Libc.call(at, atFd, args);
            if (r == -1) throw p.error(vm);
            return r;
        }
    }

    /**
     * rename and replace (both rename(2), renameat with a dir_fd). On POSIX a str and a bytes
     * path may be mixed, as in CPython (its same-type check is Windows').
     */
    private static void twoPathCall(VmApi vm, String fn, long[] a, int o, int n, long kw) {
        long[] p = Params.parse(vm, fn, new String[] {"src", "dst", "src_dir_fd", "dst_dir_fd"}, 2, 2, 0, a, o, n, kw);
        PathArg src = PathArg.convert(vm, fn, "src", p[0], false, false);
        PathArg dst = PathArg.convert(vm, fn, "dst", p[1], false, false);
        int srcDirFd = DirFd.convert(vm, p[2]), dstDirFd = DirFd.convert(vm, p[3]);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = Libc.cString(arena, src.bytes()), d = Libc.cString(arena, dst.bytes());
            long r = srcDirFd != DirFd.DEFAULT || dstDirFd != DirFd.DEFAULT
                    ? Libc.call("renameat", FunctionDescriptor.of(INT, INT, PTR, INT, PTR), srcDirFd, s, dstDirFd, d)
                    : Libc.call("rename", Libc.I_PP, s, d);
            if (r != 0) throw PathArg.error(vm, src, dst);
        }
    }

    // ---- the module -----------------------------------------------------------------------------

    /**
     * The functions in the order CPython 3.11's posix module defines them on Linux (its method
     * table's order, which its dict keeps); fork and forkpty are absent (see {@link ProcessCalls}).
     */
    private static final String ORDER = "stat access ttyname chdir chmod fchmod chown fchown lchown chroot ctermid getcwd getcwdb link listdir"
            + " lstat mkdir nice getpriority setpriority posix_spawn posix_spawnp readlink copy_file_range splice rename replace rmdir symlink"
            + " system umask uname unlink remove utime times _exit execv execve register_at_fork sched_get_priority_max"
            + " sched_get_priority_min sched_getparam sched_getscheduler sched_rr_get_interval sched_setparam sched_setscheduler sched_yield"
            + " sched_setaffinity sched_getaffinity openpty login_tty getegid geteuid getgid getgrouplist getgroups getpid getpgrp getppid"
            + " getuid getlogin kill killpg setuid seteuid setreuid setgid setegid setregid setgroups initgroups getpgid setpgrp wait wait3"
            + " wait4 waitid waitpid pidfd_open getsid setsid setpgid tcgetpgrp tcsetpgrp open close closerange device_encoding dup dup2"
            + " lockf lseek read readv pread preadv write writev pwrite pwritev sendfile fstat isatty pipe pipe2 mkfifo mknod major minor"
            + " makedev ftruncate truncate posix_fallocate posix_fadvise putenv unsetenv strerror fchdir fsync sync fdatasync WCOREDUMP"
            + " WIFCONTINUED WIFSTOPPED WIFSIGNALED WIFEXITED WEXITSTATUS WTERMSIG WSTOPSIG fstatvfs statvfs confstr sysconf fpathconf"
            + " pathconf abort _path_normpath getloadavg urandom setresuid setresgid getresuid getresgid getxattr setxattr removexattr"
            + " listxattr get_terminal_size cpu_count get_inheritable set_inheritable get_blocking set_blocking scandir fspath getrandom"
            + " memfd_create eventfd eventfd_read eventfd_write waitstatus_to_exitcode";

    /**
     * CPython 3.11's _have_functions on Linux, in its order: os builds supports_dir_fd,
     * supports_fd, supports_follow_symlinks and supports_effective_ids from these, so they are
     * CPython's sets (each *at() call named here is what the function calls with a dir_fd).
     */
    private static final String[] HAVE = {"HAVE_EVENTFD", "HAVE_FACCESSAT", "HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FCHMODAT", "HAVE_FCHOWN",
            "HAVE_FCHOWNAT", "HAVE_FEXECVE", "HAVE_FDOPENDIR", "HAVE_FPATHCONF", "HAVE_FSTATAT", "HAVE_FSTATVFS", "HAVE_FTRUNCATE",
            "HAVE_FUTIMENS", "HAVE_FUTIMES", "HAVE_FUTIMESAT", "HAVE_LINKAT", "HAVE_LCHOWN", "HAVE_LSTAT", "HAVE_LUTIMES", "HAVE_MEMFD_CREATE",
            "HAVE_MKDIRAT", "HAVE_MKFIFOAT", "HAVE_MKNODAT", "HAVE_OPENAT", "HAVE_READLINKAT", "HAVE_RENAMEAT", "HAVE_SYMLINKAT",
            "HAVE_UNLINKAT", "HAVE_UTIMENSAT"};

    public static long create(VmApi vm) {
        long m = vm.newModule("posix");  // made before its exec makes the types (DirEntry's and ScandirIterator's ht_module)
        State st = vm.moduleState("posix", () -> {
            State s = new State();
            s.statResult = vm.newStructSeqType("os.stat_result", 10, "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid",
                    "st_size", null, null, null, "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns",
                    "st_blksize", "st_blocks", "st_rdev");
            s.waitidResult = vm.newStructSeqType("posix.waitid_result", 5, "si_pid", "si_uid", "si_signo", "si_status", "si_code");
            s.statvfsResult = vm.newStructSeqType("os.statvfs_result", 10, "f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail",
                    "f_files", "f_ffree", "f_favail", "f_flag", "f_namemax", "f_fsid");
            s.schedParam = vm.newStructSeqType("posix.sched_param", 1, "sched_priority");
            s.unameResult = vm.newStructSeqType("posix.uname_result", 5, "sysname", "nodename", "release", "version", "machine");
            s.timesResult = vm.newStructSeqType("posix.times_result", 5, "user", "system", "children_user", "children_system", "elapsed");
            s.terminalSize = vm.newStructSeqType("os.terminal_size", 2, "columns", "lines");
            s.scandir = new ScandirTypes(vm, s, m);
            s.atFork = vm.hold(vm.heap.lists.alloc(0, false));
            return s;
        });
        long d = vm.moduleDict(m);
        var h = vm.heap;
        java.util.Map<String, Builtin> fns = functions(vm);
        for (String name : ORDER.split(" ")) vm.def(m, name, fns.get(name));
        environ(vm, d);
        Constants.install(vm, d);
        for (String[] t : new String[][] {{"pathconf_names", Constants.PATHCONF_NAMES}, {"confstr_names", Constants.CONFSTR_NAMES},
                {"sysconf_names", Constants.SYSCONF_NAMES}}) {
            long names = Constants.names(vm, t[1]);
            h.dicts.setItem(d, t[0], names);
            h.decref(names);
        }
        h.dicts.setItem(d, "error", vm.exceptionType("OSError").address());
        h.dicts.setItem(d, "waitid_result", st.waitidResult.address());
        h.dicts.setItem(d, "stat_result", st.statResult.address());
        h.dicts.setItem(d, "statvfs_result", st.statvfsResult.address());
        h.dicts.setItem(d, "sched_param", st.schedParam.address());
        h.dicts.setItem(d, "terminal_size", st.terminalSize.address());
        h.dicts.setItem(d, "DirEntry", st.scandir.entry.typeObject());
        h.dicts.setItem(d, "times_result", st.timesResult.address());
        h.dicts.setItem(d, "uname_result", st.unameResult.address());
        long have = h.lists.alloc(0, false);
        for (String f : HAVE) {
            long v = vm.str(f);
            h.lists.append(have, v);
            h.decref(v);
        }
        h.dicts.setItem(d, "_have_functions", have);
        h.decref(have);
        return m;
    }

    /** How the module's setup (or its function table) takes each function. */
    @FunctionalInterface
    interface Def {
        void def(String name, Builtin impl);
    }

    /** The runtime's state, made by the module's first import (the functions find it when called). */
    static State state(VmApi vm) {
        return vm.moduleState("posix", () -> {
            throw new IllegalStateException("posix's state is not made yet");
        });
    }

    /**
     * The module's functions by name, made from the runtime alone (no object allocated; they find
     * the runtime's state when called): the module's setup defines them from the same code, and a
     * runtime adopting a start-up image makes them again from this table.
     */
    public static java.util.Map<String, Builtin> functions(VmApi vm) {
        java.util.Map<String, Builtin> f = new java.util.HashMap<>();
        defineFunctions(vm, f::put);
        WaitStatus.defineFunctions(vm, f::put);
        FileCalls.defineFunctions(vm, f::put);
        ProcessCalls.defineFunctions(vm, f::put);
        return f;
    }

    /** The first functions (the module's setup puts every function in CPython's order, {@link #ORDER}). */
    private static void defineFunctions(VmApi vm, Def def) {
        var h = vm.heap;
        def.def("stat", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "stat", new String[] {"path", "dir_fd", "follow_symlinks"}, 1, 1, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "stat", "path", p[0], true, false);
            int dirFd = DirFd.convert(vm, p[1]);
            boolean follow = truth(vm, p[2], true);
            DirFd.pathAndDirFd(vm, "stat", path, dirFd);
            DirFd.fdAndFollow(vm, "stat", path, follow);
            return doStat(vm, state(vm), path, dirFd, follow);
        });
        def.def("lstat", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "lstat", new String[] {"path", "dir_fd"}, 1, 1, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "lstat", "path", p[0], false, false);
            return doStat(vm, state(vm), path, DirFd.convert(vm, p[1]), false);
        });
        def.def("fstat", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "fstat", new String[] {"fd"}, 1, 1, 0, a, o, n, kw);
            return doStat(vm, state(vm), new PathArg(0, null, false, fdArg(vm, p[0])), true);
        });
        def.def("getcwd", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "posix.getcwd", n, kw);
            return vm.fsDecode(cwd(vm));
        });
        def.def("getcwdb", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "posix.getcwdb", n, kw);
            return h.bytes.of(cwd(vm));
        });
        def.def("chdir", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "chdir", new String[] {"path"}, 1, 1, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "chdir", "path", p[0], true, false);
            if (path.isFd()) {
                if (Libc.call("fchdir", Libc.I_I, path.fd()) != 0) throw path.error(vm);
            } else {
                pathCall(vm, path, "chdir", Libc.I_P);
            }
            return none(vm);
        });
        def.def("listdir", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "listdir", new String[] {"path"}, 0, 1, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "listdir", "path", p[0], true, true);
            long list = h.lists.alloc(0, false);
            try {
                ScandirTypes.readDir(vm, path, (name, type, ino) -> {
                    long v = path.result(vm, name);
                    h.lists.append(list, v);
                    h.decref(v);
                });
            } catch (RuntimeException e) {
                h.decref(list);
                throw e;
            }
            return list;
        });
        def.def("scandir", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "scandir", new String[] {"path"}, 0, 1, 0, a, o, n, kw);
            return state(vm).scandir.open(PathArg.convert(vm, "scandir", "path", p[0], true, true));
        });
        def.def("mkdir", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "mkdir", new String[] {"path", "mode", "dir_fd"}, 1, 2, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "mkdir", "path", p[0], false, false);
            int mode = p[1] == 0 ? 0777 : intArg(vm, p[1]);
            int dirFd = DirFd.convert(vm, p[2]);
            pathCall(vm, path, dirFd, "mkdirat", I_IPI, new Object[] {mode}, "mkdir", Libc.I_PI, mode);
            return none(vm);
        });
        for (String fn : new String[] {"rmdir", "remove", "unlink"}) {
            def.def(fn, (s, a, o, n, kw) -> {
                long[] p = Params.parse(vm, fn, new String[] {"path", "dir_fd"}, 1, 1, 0, a, o, n, kw);
                PathArg path = PathArg.convert(vm, fn, "path", p[0], false, false);
                int dirFd = DirFd.convert(vm, p[1]);
                boolean rmdir = fn.equals("rmdir");  // unlinkat(AT_REMOVEDIR) with a dir_fd
                pathCall(vm, path, dirFd, "unlinkat", I_IPI, new Object[] {rmdir ? DirFd.AT_REMOVEDIR : 0}, rmdir ? "rmdir" : "unlink", Libc.I_P);
                return none(vm);
            });
        }
        for (String fn : new String[] {"rename", "replace"}) {
            def.def(fn, (s, a, o, n, kw) -> {
                twoPathCall(vm, fn, a, o, n, kw);
                return none(vm);
            });
        }
        def.def("chmod", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "chmod", new String[] {"path", "mode", "dir_fd", "follow_symlinks"}, 2, 2, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "chmod", "path", p[0], true, false);
            int mode = intArg(vm, p[1]);
            int dirFd = DirFd.convert(vm, p[2]);
            boolean follow = truth(vm, p[3], true);
            if (path.isFd()) {  // fchmod: dir_fd and follow_symlinks do not matter, as in CPython
                if (Libc.call("fchmod", FunctionDescriptor.of(INT, INT, INT), path.fd(), mode) != 0) throw path.error(vm);
            } else if (dirFd != DirFd.DEFAULT || !follow) {
                try (Arena arena = Arena.ofConfined()) {
                    long r = Libc.call("fchmodat", I_IP_I, dirFd, Libc.cString(arena, path.bytes()), mode, follow ? 0 : DirFd.AT_SYMLINK_NOFOLLOW);
                    if (r != 0 && !follow && Libc.errno() == 95) {  // EOPNOTSUPP: the C library cannot change a symlink's mode
                        throw dirFd != DirFd.DEFAULT ? DirFd.dirFdAndFollow(vm, "chmod") : DirFd.followUnavailable(vm, "chmod");
                    }
                    if (r != 0) throw path.error(vm);
                }
            } else {
                pathCall(vm, path, "chmod", Libc.I_PI, mode);
            }
            return none(vm);
        });
        def.def("access", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "access", new String[] {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"}, 2, 2, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "access", "path", p[0], false, false);
            int mode = intArg(vm, p[1]);
            int dirFd = DirFd.convert(vm, p[2]);
            boolean effective = truth(vm, p[3], false), follow = truth(vm, p[4], true);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment c = Libc.cString(arena, path.bytes());
                long r = dirFd != DirFd.DEFAULT || effective || !follow
                        ? Libc.call("faccessat", I_IP_I, dirFd, c, mode, (follow ? 0 : DirFd.AT_SYMLINK_NOFOLLOW) | (effective ? DirFd.AT_EACCESS : 0))
                        : Libc.call("access", Libc.I_PI, c, mode);
                return bool(vm, r == 0);
            }
        });
        def.def("umask", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "umask", new String[] {"mask"}, 1, 1, 1, a, o, n, kw);
            return vm.newInt(Libc.call("umask", Libc.I_I, intArg(vm, p[0])));
        });
        def.def("readlink", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "readlink", new String[] {"path", "dir_fd"}, 1, 1, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "readlink", "path", p[0], false, false);
            int dirFd = DirFd.convert(vm, p[1]);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment buf = arena.allocate(4097);
                MemorySegment c = Libc.cString(arena, path.bytes());
                long r = dirFd != DirFd.DEFAULT ? Libc.call("readlinkat", FunctionDescriptor.of(LONG, INT, PTR, PTR, LONG), dirFd, c, buf, 4096L)
                        : Libc.call("readlink", FunctionDescriptor.of(LONG, PTR, PTR, LONG), c, buf, 4096L);
                if (r < 0) throw path.error(vm);
                return path.result(vm, buf.asSlice(0, r).toArray(ValueLayout.JAVA_BYTE));
            }
        });
        def.def("symlink", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "symlink", new String[] {"src", "dst", "target_is_directory", "dir_fd"}, 2, 3, 0, a, o, n, kw);
            PathArg src = PathArg.convert(vm, "symlink", "src", p[0], false, false);
            PathArg dst = PathArg.convert(vm, "symlink", "dst", p[1], false, false);
            if (p[2] != 0) vm.truthy(p[2]);  // the "p" converter's truth test (Linux ignores the answer)
            int dirFd = DirFd.convert(vm, p[3]);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment s1 = Libc.cString(arena, src.bytes()), d1 = Libc.cString(arena, dst.bytes());
                long r = dirFd != DirFd.DEFAULT ? Libc.call("symlinkat", FunctionDescriptor.of(INT, PTR, INT, PTR), s1, dirFd, d1)
                        : Libc.call("symlink", Libc.I_PP, s1, d1);
                if (r != 0) throw PathArg.error(vm, src, dst);
            }
            return none(vm);
        });
        def.def("link", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "link", new String[] {"src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"}, 2, 2, 0, a, o, n, kw);
            PathArg src = PathArg.convert(vm, "link", "src", p[0], false, false);
            PathArg dst = PathArg.convert(vm, "link", "dst", p[1], false, false);
            int srcDirFd = DirFd.convert(vm, p[2]), dstDirFd = DirFd.convert(vm, p[3]);
            boolean follow = truth(vm, p[4], true);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment s1 = Libc.cString(arena, src.bytes()), d1 = Libc.cString(arena, dst.bytes());
                // 3.11 calls linkat (AT_SYMLINK_FOLLOW when following) only with a dir_fd or follow_symlinks=False;
                // otherwise link(2), which on Linux links a symlink itself
                long r = srcDirFd != DirFd.DEFAULT || dstDirFd != DirFd.DEFAULT || !follow
                        ? Libc.call("linkat", FunctionDescriptor.of(INT, INT, PTR, INT, PTR, INT), srcDirFd, s1, dstDirFd, d1, follow ? DirFd.AT_SYMLINK_FOLLOW : 0)
                        : Libc.call("link", Libc.I_PP, s1, d1);
                if (r != 0) throw PathArg.error(vm, src, dst);
            }
            return none(vm);
        });
        def.def("truncate", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "truncate", new String[] {"path", "length"}, 2, 2, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "truncate", "path", p[0], true, false);
            long length = Params.ssize(vm, p[1]);
            if (path.isFd()) {
                if (Libc.call("ftruncate", FunctionDescriptor.of(INT, INT, LONG), path.fd(), length) != 0) throw error(vm);
            } else {
                pathCall(vm, path, "truncate", FunctionDescriptor.of(INT, PTR, LONG), length);
            }
            return none(vm);
        });
        def.def("utime", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "utime", new String[] {"path", "times", "ns", "dir_fd", "follow_symlinks"}, 1, 2, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "utime", "path", p[0], true, false);
            int dirFd = DirFd.convert(vm, p[3]);
            boolean follow = truth(vm, p[4], true);
            long times = p[1] != 0 && p[1] != h.None ? p[1] : 0;
            if (times != 0 && p[2] != 0) throw vm.error("ValueError", "utime: you may specify either 'times' or 'ns' but not both");
            long[] ts = null;  // sec, nsec, sec, nsec
            if (times != 0) {
                if (h.typeOf(times) != h.tuples || TupleType.size(times) != 2) throw vm.error("TypeError", "utime: 'times' must be either a tuple of two ints or None");
                ts = new long[4];
                for (int i = 0; i < 2; i++) {
                    long t = TupleType.item(times, i);
                    if (vm.isFloat(t)) {  // _PyTime_ObjectToTimespec (_PyTime_DoubleToDenominator), rounding toward -inf
                        double secs = vm.asDouble(t);
                        if (Double.isNaN(secs)) throw vm.error("ValueError", "Invalid value NaN (not a number)");
                        double sec = secs < 0 ? Math.ceil(secs) : Math.floor(secs);  // modf: the parts of secs, each with its sign
                        double nsec = Math.floor((secs - sec) * 1e9);  // the fraction scaled in double, then floored
                        if (nsec >= 1e9) { nsec -= 1e9; sec += 1; }
                        else if (nsec < 0) { nsec += 1e9; sec -= 1; }
                        ts[2 * i] = (long) sec;
                        ts[2 * i + 1] = (long) nsec;
                    } else {
                        ts[2 * i] = Params.ssize(vm, t);
                    }
                }
            } else if (p[2] != 0) {
                if (h.typeOf(p[2]) != h.tuples || TupleType.size(p[2]) != 2) throw vm.error("TypeError", "utime: 'ns' must be a tuple of two ints");
                ts = new long[4];
                BigInteger billion = BigInteger.valueOf(1_000_000_000L);
                for (int i = 0; i < 2; i++) {
                    BigInteger[] qr = vm.asIndex(TupleType.item(p[2], i)).divideAndRemainder(billion);
                    if (qr[1].signum() < 0) { qr[0] = qr[0].subtract(BigInteger.ONE); qr[1] = qr[1].add(billion); }
                    ts[2 * i] = qr[0].longValue();
                    ts[2 * i + 1] = qr[1].longValue();
                }
            }
            DirFd.pathAndDirFd(vm, "utime", path, dirFd);  // after the times, as 3.11 checks them
            DirFd.fdAndFollow(vm, "utime", path, follow);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment spec = MemorySegment.NULL;
                if (ts != null) {
                    spec = arena.allocate(32);
                    for (int i = 0; i < 4; i++) spec.set(LONG, 8L * i, ts[i]);
                }
                long r = path.isFd() ? Libc.call("futimens", FunctionDescriptor.of(INT, INT, PTR), path.fd(), spec)
                        : Libc.call("utimensat", FunctionDescriptor.of(INT, INT, PTR, PTR, INT), dirFd, Libc.cString(arena, path.bytes()), spec,
                                follow ? 0 : DirFd.AT_SYMLINK_NOFOLLOW);
                if (r != 0) throw error(vm);  // 3.11's utime reports no filename
            }
            return none(vm);
        });
        def.def("get_inheritable", (s, a, o, n, kw) -> {
            Params.unpack(vm, "get_inheritable", n, kw, 1, 1);
            long flags = Libc.call("fcntl", FunctionDescriptor.of(INT, INT, INT, INT), fdArg(vm, a[o]), 1, 0);  // F_GETFD
            if (flags < 0) throw error(vm);
            return bool(vm, (flags & 1) == 0);  // FD_CLOEXEC
        });
        def.def("set_inheritable", (s, a, o, n, kw) -> {
            Params.unpack(vm, "set_inheritable", n, kw, 2, 2);
            int fd = fdArg(vm, a[o]);
            long flags = Libc.call("fcntl", FunctionDescriptor.of(INT, INT, INT, INT), fd, 1, 0);
            if (flags < 0) throw error(vm);
            long want = vm.truthy(a[o + 1]) ? flags & ~1 : flags | 1;
            if (want != flags && Libc.call("fcntl", FunctionDescriptor.of(INT, INT, INT, INT), fd, 2, (int) want) < 0) throw error(vm);  // F_SETFD
            return none(vm);
        });
        def.def("fspath", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "fspath", new String[] {"path"}, 1, 1, 0, a, o, n, kw);
            return fspath(vm, p[0]);
        });
        def.def("strerror", (s, a, o, n, kw) -> {
            Params.unpack(vm, "strerror", n, kw, 1, 1);
            return vm.str(Libc.strerror(intArg(vm, a[o])));
        });
        def.def("urandom", (s, a, o, n, kw) -> {
            Params.unpack(vm, "urandom", n, kw, 1, 1);
            long size = Params.ssize(vm, a[o]);
            if (size < 0) throw vm.error("ValueError", "negative argument not allowed");
            byte[] out = new byte[(int) size];
            new java.security.SecureRandom().nextBytes(out);
            return h.bytes.of(out);
        });
        FunctionDescriptor iv = Libc.I_V;
        for (String fn : new String[] {"getpid", "getppid", "getuid", "geteuid", "getgid", "getegid"}) {
            def.def(fn, (s, a, o, n, kw) -> {
                Params.noArgs(vm, "posix." + fn, n, kw);
                return vm.newInt(Libc.call(fn, iv) & 0xffffffffL);
            });
        }
        def.def("cpu_count", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "posix.cpu_count", n, kw);
            long c = Libc.call("sysconf", FunctionDescriptor.of(LONG, INT), 84);  // _SC_NPROCESSORS_ONLN
            return c < 1 ? none(vm) : vm.newInt(c);
        });
        def.def("uname", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "posix.uname", n, kw);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment u = arena.allocate(65 * 6);
                if (Libc.call("uname", Libc.I_P, u) != 0) throw error(vm);
                long[] items = new long[5];
                for (int i = 0; i < 5; i++) items[i] = vm.fsDecode(u.asSlice(65L * i).getString(0).getBytes(StandardCharsets.UTF_8));
                return vm.newStructSeq(state(vm).unameResult, items);
            }
        });
        def.def("times", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "posix.times", n, kw);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment t = arena.allocate(32);
                long c = Libc.call("times", FunctionDescriptor.of(LONG, PTR), t);
                if (c == -1) throw error(vm);
                double tick = Libc.call("sysconf", FunctionDescriptor.of(LONG, INT), 2);  // _SC_CLK_TCK
                return vm.newStructSeq(state(vm).timesResult, vm.newFloat(t.get(LONG, 0) / tick), vm.newFloat(t.get(LONG, 8) / tick),
                        vm.newFloat(t.get(LONG, 16) / tick), vm.newFloat(t.get(LONG, 24) / tick), vm.newFloat(c / tick));
            }
        });
        def.def("get_terminal_size", (s, a, o, n, kw) -> {
            Params.unpack(vm, "get_terminal_size", n, kw, 0, 1);
            int fd = n == 0 ? 1 : fdArg(vm, a[o]);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment w = arena.allocate(8);
                if (Libc.call("ioctl", FunctionDescriptor.of(INT, INT, LONG, PTR), fd, 0x5413L, w) != 0) throw error(vm);  // TIOCGWINSZ
                return vm.newStructSeq(state(vm).terminalSize, vm.newInt(w.get(ValueLayout.JAVA_SHORT, 2) & 0xffff), vm.newInt(w.get(ValueLayout.JAVA_SHORT, 0) & 0xffff));
            }
        });
        def.def("device_encoding", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "device_encoding", new String[] {"fd"}, 1, 1, 0, a, o, n, kw);
            return Libc.call("isatty", Libc.I_I, fdArg(vm, p[0])) == 1 ? vm.str("utf-8") : none(vm);
        });
        def.def("isatty", (s, a, o, n, kw) -> {
            Params.unpack(vm, "isatty", n, kw, 1, 1);
            return bool(vm, Libc.call("isatty", Libc.I_I, fdArg(vm, a[o])) == 1);
        });
        FileDescriptors.defineFunctions(vm, def);
        def.def("_exit", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "_exit", new String[] {"status"}, 1, 1, 0, a, o, n, kw);
            System.out.flush();
            Runtime.getRuntime().halt(intArg(vm, p[0]));
            return none(vm);
        });
        def.def("system", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "system", new String[] {"command"}, 1, 1, 0, a, o, n, kw);
            return vm.newInt(Spawn.system(vm, PathArg.fsConverter(vm, p[0])));
        });
        def.def("kill", (s, a, o, n, kw) -> {
            Params.unpack(vm, "kill", n, kw, 2, 2);
            if (intArg(vm, a[o]) == ProcessHandle.current().pid() && vm.deliverOwnSignal(intArg(vm, a[o + 1]))) return none(vm);
            if (Libc.call("kill", FunctionDescriptor.of(INT, INT, INT), intArg(vm, a[o]), intArg(vm, a[o + 1])) != 0) throw error(vm);
            return none(vm);
        });
        def.def("killpg", (s, a, o, n, kw) -> {
            Params.unpack(vm, "killpg", n, kw, 2, 2);
            if (Libc.call("killpg", FunctionDescriptor.of(INT, INT, INT), intArg(vm, a[o]), intArg(vm, a[o + 1])) != 0) throw error(vm);
            return none(vm);
        });
        for (String fn : new String[] {"getpgid", "getsid"}) {
            def.def(fn, (s, a, o, n, kw) -> {
                Params.unpack(vm, fn, n, kw, 1, 1);
                long r = Libc.call(fn, Libc.I_I, intArg(vm, a[o]));
                if (r < 0) throw error(vm);
                return vm.newInt(r);
            });
        }
        def.def("getpgrp", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "posix.getpgrp", n, kw);
            return vm.newInt(Libc.call("getpgrp", Libc.I_V));
        });
        def.def("register_at_fork", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "register_at_fork", new String[] {"before", "after_in_child", "after_in_parent"}, 0, 0, 0, a, o, n, kw);
            if (p[0] == 0 && p[1] == 0 && p[2] == 0) throw vm.error("TypeError", "At least one argument is required.");
            String[] names = {"before", "after_in_child", "after_in_parent"};
            for (int i = 0; i < 3; i++) {
                if (p[i] != 0 && !vm.isCallable(p[i])) throw vm.error("TypeError", "'" + names[i] + "' must be callable, not " + vm.typeName(p[i]));
            }
            // Kept as CPython keeps them (the interpreter's lists); refheap cannot fork, so they never run.
            for (int i = 0; i < 3; i++) if (p[i] != 0) h.lists.append(state(vm).atFork, p[i]);
            return none(vm);
        });
        def.def("putenv", (s, a, o, n, kw) -> {
            Params.unpack(vm, "putenv", n, kw, 2, 2);
            byte[] k = PathArg.fsConverter(vm, a[o]);
            byte[] v = PathArg.fsConverter(vm, a[o + 1]);
            if (k.length == 0 || indexOf(k, (byte) '=') >= 0) throw vm.error("ValueError", "illegal environment variable name");
            try (Arena arena = Arena.ofConfined()) {
                if (Libc.call("setenv", FunctionDescriptor.of(INT, PTR, PTR, INT), Libc.cString(arena, k), Libc.cString(arena, v), 1) != 0) throw error(vm);
            }
            return none(vm);
        });
        def.def("unsetenv", (s, a, o, n, kw) -> {
            Params.unpack(vm, "unsetenv", n, kw, 1, 1);
            byte[] k = PathArg.fsConverter(vm, a[o]);
            if (k.length == 0 || indexOf(k, (byte) '=') >= 0) throw vm.error("ValueError", "illegal environment variable name");
            try (Arena arena = Arena.ofConfined()) {
                if (Libc.call("unsetenv", Libc.I_P, Libc.cString(arena, k)) != 0) throw error(vm);
            }
            return none(vm);
        });
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) if (b[i] == x) return i;
        return -1;
    }

    /** os.fspath: str and bytes as they are, else __fspath__'s str or bytes. */
    static long fspath(VmApi vm, long o) {
        if (vm.isStr(o) || vm.heap.typeOf(o) == vm.heap.bytes) return vm.incref(o);
        if (!vm.typeHas(o, "__fspath__")) throw vm.error("TypeError", "expected str, bytes or os.PathLike object, not " + vm.typeName(o));
        long r = vm.callMethod(o, "__fspath__");
        if (vm.isStr(r) || vm.heap.typeOf(r) == vm.heap.bytes) return r;
        String t = vm.typeName(r);
        vm.heap.decref(r);
        throw vm.error("TypeError", "expected " + vm.typeName(o) + ".__fspath__() to return str or bytes, not " + t);
    }

    /**
     * The process's current directory (getcwd, which os.chdir changes; the JVM's user.dir does not
     * follow it), decoded as UTF-8; null when getcwd fails (the directory was removed).
     */
    public static String currentDirectory() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(4097);
            if (Libc.call("getcwd", FunctionDescriptor.of(PTR, PTR, LONG), buf, 4097L) == 0) return null;
            return new String(buf.getString(0, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        }
    }

    /** getcwd's bytes as they are (MemorySegment.getString decodes UTF-8 unless told otherwise: a non-ASCII directory came back as its code points' low bytes). */
    private static byte[] cwd(VmApi vm) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(4097);
            if (Libc.call("getcwd", FunctionDescriptor.of(PTR, PTR, LONG), buf, 4097L) == 0) throw error(vm);
            return buf.getString(0, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** posix.environ: bytes → bytes, in the order of the process's initial environment (/proc/self/environ). */
    private static void environ(VmApi vm, long d) {
        long env = newEnviron(vm);
        try {
            vm.heap.dicts.setItem(d, "environ", env);
        } finally {
            vm.heap.decref(env);
        }
    }

    /**
     * A new dict of this process's initial environment (/proc/self/environ), bytes → bytes in its
     * order, as posix's import makes posix.environ (a start-up image's adopter makes its own with it).
     */
    public static long newEnviron(VmApi vm) {
        long env = vm.heap.dicts.create();
        try {
            for (byte[][] kv : environPairs()) {
                long k = vm.heap.bytes.of(kv[0]);
                long v = vm.heap.bytes.of(kv[1]);
                if (vm.heap.dicts.getItem(env, k) == 0) vm.heap.dicts.setItem(env, k, v);
                vm.heap.decref(k);
                vm.heap.decref(v);
            }
            return env;
        } catch (RuntimeException | Error e) {
            vm.heap.decref(env);
            throw e;
        }
    }

    /**
     * This process's initial environment as (name, value) pairs in its order (/proc/self/environ),
     * with LC_CTYPE as PEP 538's coercion at start set it,
     * a name that starts with '=' or has none left out, as CPython's convertenviron leaves it
     * (a repeated name is kept by {@link #newEnviron} once, at its first place).
     */
    public static java.util.List<byte[][]> environPairs() {
        byte[] all;
        try {
            all = Files.readAllBytes(Path.of("/proc/self/environ"));
        } catch (java.io.IOException e) {
            all = new byte[0];
        }
        java.util.List<byte[][]> pairs = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] != 0) continue;
            int eq = -1;
            for (int j = start + 1; j < i; j++) {  // a name may start with '=' (CPython skips that one)
                if (all[j] == '=') {
                    eq = j;
                    break;
                }
            }
            if (eq > 0) pairs.add(new byte[][] {java.util.Arrays.copyOfRange(all, start, eq), java.util.Arrays.copyOfRange(all, eq + 1, i)});
            start = i + 1;
        }
        String coerced = LocaleModule.coercedTo();
        if (coerced != null) {  // PEP 538's setenv("LC_CTYPE", target): the variable's value in its place, or a new one last
            byte[] name = "LC_CTYPE".getBytes(StandardCharsets.US_ASCII), value = coerced.getBytes(StandardCharsets.US_ASCII);
            boolean set = false;
            for (byte[][] kv : pairs) {
                if (java.util.Arrays.equals(kv[0], name)) {
                    kv[1] = value;
                    set = true;
                    break;
                }
            }
            if (!set) pairs.add(new byte[][] {name, value});
        }
        return pairs;
    }

    static byte[] bytesOf(long o) { return BytesType.value(o); }

    static long tuple(VmApi vm, long... items) {
        long t = vm.heap.tuples.alloc(items.length);
        for (int i = 0; i < items.length; i++) TupleType.setItemSteal(t, i, items[i]);
        return t;
    }
}
