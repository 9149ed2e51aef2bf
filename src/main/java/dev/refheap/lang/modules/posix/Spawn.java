package dev.refheap.lang.modules.posix;

import static dev.refheap.lang.modules.posix.Libc.INT;
import static dev.refheap.lang.modules.posix.Libc.PTR;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Starting child processes: {@code _posixsubprocess.fork_exec} (3.11's 22 arguments, and the
 * 23rd, allow_vfork, of later 3.11 releases) and {@code os.system}, over glibc's posix_spawn
 * through java.lang.foreign. The JVM never forks: fork() in a multi-threaded JVM copies one thread
 * and every lock another one held. What CPython's child does between fork and exec becomes
 * posix_spawn's file actions and attributes, in the child's order: the kept descriptors made
 * inheritable (dup2 of a descriptor onto itself clears FD_CLOEXEC in glibc >= 2.29), the parent's
 * pipe ends closed, the three child ends dup2'ed onto 0, 1, 2, the cwd (addchdir_np), the signals
 * (SIGPIPE and SIGXFSZ back to SIG_DFL with restore_signals; an empty signal mask always), a new
 * session (POSIX_SPAWN_SETSID) or process group, and with close_fds every descriptor >= 3 not
 * kept closed (listed from /proc/self/fd just before the call).
 *
 * <p>The error pipe: glibc's posix_spawn reports a failed exec as its result (the child shares
 * memory with the parent until it execs), so refheap writes what CPython's child would have
 * ("OSError:&lt;hex errno&gt;:", plus "noexec" when the cwd was the problem) to errpipe_write in
 * the parent; subprocess then raises FileNotFoundError etc. as python3 does. A failed start returns
 * refheap's own pid (never a child of it: subprocess's waitpid then gets ChildProcessError, which
 * it expects). preexec_fn, user, group, extra_groups and umask would need code to run in the child
 * between fork and exec: each is refused by name. Stateless.
 */
public final class Spawn {
    private Spawn() {}

    private static final int ENOENT = 2, ENOTDIR = 20;
    private static final short SETPGROUP = 0x02, SETSIGDEF = 0x04, SETSIGMASK = 0x08, SETSID = 0x80;
    /** sizeof(posix_spawn_file_actions_t) and sizeof(posix_spawnattr_t) on x86-64 glibc, rounded up. */
    private static final long FILE_ACTIONS_SIZE = 128, ATTR_SIZE = 512, SIGSET_SIZE = 128;

    /** What one posix_spawn call is asked to do. */
    static final class Request {
        List<byte[]> argv = new ArrayList<>();
        List<byte[]> executables = new ArrayList<>();
        List<byte[]> env;  // null: the process's environment
        byte[] cwd;
        boolean closeFds, restoreSignals, setsid;
        int[] keep = new int[0];
        int p2cread = -1, p2cwrite = -1, c2pread = -1, c2pwrite = -1, errread = -1, errwrite = -1, errpipeWrite = -1;
        int pgid = -1;
    }

    /** A spawn's outcome: the child's pid, or the errno and whether the cwd (not the exec) failed. */
    record Result(int pid, int errno, boolean noexec) {}

    public static long posixSubprocessModule(VmApi vm) {
        long m = vm.newModule("_posixsubprocess");
        vm.def(m, "fork_exec", (s, a, o, n, kw) -> forkExec(vm, a, o, n, kw));
        return m;
    }

    private static long forkExec(VmApi vm, long[] a, int o, int n, long kw) {
        var h = vm.heap;
        if (kw != 0 && dev.refheap.object.TupleType.size(kw) > 0) throw vm.error("TypeError", "fork_exec() takes no keyword arguments");
        if (n != 22 && n != 23) throw vm.error("TypeError", "fork_exec() takes exactly 23 arguments (" + n + " given)");
        Request r = new Request();
        if (a[o] != h.None) vm.forEach(a[o], v -> r.argv.add(fsEncode(vm, v)));
        vm.forEach(a[o + 1], v -> r.executables.add(fsEncode(vm, v)));
        r.closeFds = vm.truthy(a[o + 2]);
        long keep = a[o + 3];
        if (h.typeOf(keep) != h.tuples) throw vm.error("TypeError", "fork_exec() argument 4 must be tuple, not " + vm.typeName(keep));
        int nk = (int) dev.refheap.object.TupleType.size(keep);
        r.keep = new int[nk];
        for (int i = 0; i < nk; i++) {
            long v = dev.refheap.object.TupleType.item(keep, i);
            if (!vm.isInt(v) || vm.asIndex(v).signum() < 0 || vm.asIndex(v).bitLength() > 31 || (i > 0 && vm.asIndex(v).intValue() <= r.keep[i - 1])) {
                throw vm.error("ValueError", "bad value(s) in fds_to_keep");
            }
            r.keep[i] = vm.asIndex(v).intValue();
        }
        if (a[o + 4] != h.None) r.cwd = fsEncode(vm, a[o + 4]);
        if (a[o + 5] != h.None) {
            r.env = new ArrayList<>();
            vm.forEach(a[o + 5], v -> r.env.add(fsEncode(vm, v)));
        }
        int[] fds = new int[8];
        for (int i = 0; i < 8; i++) fds[i] = FileDescriptors.fd(vm, a[o + 6 + i]);
        r.p2cread = fds[0];
        r.p2cwrite = fds[1];
        r.c2pread = fds[2];
        r.c2pwrite = fds[3];
        r.errread = fds[4];
        r.errwrite = fds[5];
        r.errpipeWrite = fds[7];
        r.restoreSignals = vm.truthy(a[o + 14]);
        r.setsid = vm.truthy(a[o + 15]);
        r.pgid = FileDescriptors.fd(vm, a[o + 16]);
        if (a[o + 17] != h.None || a[o + 18] != h.None || a[o + 19] != h.None) {
            throw vm.error("NotImplementedError", "refheap does not support changing a child's user or groups yet (subprocess's user, group, "
                    + "extra_groups: it starts children with posix_spawn, which cannot run setuid/setgid/setgroups in them)");
        }
        if (FileDescriptors.fd(vm, a[o + 20]) >= 0) {
            throw vm.error("NotImplementedError", "refheap does not support a child's umask yet (subprocess's umask: it starts children with posix_spawn)");
        }
        if (a[o + 21] != h.None) {
            throw vm.error("NotImplementedError", "refheap does not support preexec_fn yet (it starts children with posix_spawn: no Python code "
                    + "can run in the child before exec)");
        }
        if (r.closeFds && r.errpipeWrite < 3) throw vm.error("ValueError", "errpipe_write must be >= 3");
        Result res = spawn(vm, r);
        if (res.pid() > 0) return vm.newInt(res.pid());
        // what CPython's child writes to the error pipe before _exit(255)
        String msg = "OSError:" + Integer.toHexString(res.errno()) + ":" + (res.noexec() ? "noexec" : "");
        if (r.errpipeWrite >= 0) {
            try {
                FileDescriptors.write(vm, r.errpipeWrite, msg.getBytes(StandardCharsets.US_ASCII));
            } catch (RuntimeException ignored) {
                // the child's write is _Py_write_noraise too
            }
        }
        return vm.newInt(Libc.call("getpid", Libc.I_V));
    }

    /** PyUnicode_FSConverter: str (UTF-8, surrogateescape), bytes, or an os.PathLike; no NUL. */
    static byte[] fsEncode(VmApi vm, long v) {
        return PathArg.fsConverter(vm, v);
    }

    /**
     * posix_spawn for {@code r}, trying each executable in turn as CPython's child tries each
     * execve: the first error that is not ENOENT/ENOTDIR is the one reported, else the last.
     */
    static Result spawn(VmApi vm, Request r) {
        List<Integer> temps = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            if (r.cwd != null) {
                int e = cwdProblem(arena, r.cwd);
                if (e != 0) return new Result(0, e, true);
            }
            // a child end that sits on a lower standard fd would be overwritten before it is copied
            int c2pwrite = r.c2pwrite == 0 ? dupHigh(vm, r.c2pwrite, temps) : r.c2pwrite;
            int errwrite = r.errwrite == 0 || r.errwrite == 1 ? dupHigh(vm, r.errwrite, temps) : r.errwrite;
            MemorySegment fa = arena.allocate(FILE_ACTIONS_SIZE, 16);
            MemorySegment attr = arena.allocate(ATTR_SIZE, 16);
            Libc.call("posix_spawn_file_actions_init", Libc.I_P, fa);
            Libc.call("posix_spawnattr_init", Libc.I_P, attr);
            try {
                for (int fd : r.keep) if (fd != r.errpipeWrite) dup2(fa, fd, fd);
                for (int fd : new int[] {r.p2cwrite, r.c2pread, r.errread}) if (fd != -1) close(fa, fd);
                if (r.p2cread != -1) dup2(fa, r.p2cread, 0);
                if (c2pwrite != -1) dup2(fa, c2pwrite, 1);
                if (errwrite != -1) dup2(fa, errwrite, 2);
                if (r.p2cread > 2) close(fa, r.p2cread);
                if (c2pwrite > 2 && c2pwrite != r.p2cread) close(fa, c2pwrite);
                if (errwrite > 2 && errwrite != c2pwrite && errwrite != r.p2cread) close(fa, errwrite);
                if (r.cwd != null) {
                    Libc.call("posix_spawn_file_actions_addchdir_np", Libc.I_PP, fa, Libc.cString(arena, r.cwd));
                }
                if (r.closeFds) {
                    TreeSet<Integer> keep = new TreeSet<>();
                    for (int fd : r.keep) keep.add(fd);
                    for (int fd : openFds()) if (fd > 2 && !keep.contains(fd)) close(fa, fd);
                }
                short flags = SETSIGMASK;
                MemorySegment set = arena.allocate(SIGSET_SIZE, 8);
                Libc.call("sigemptyset", Libc.I_P, set);
                Libc.call("posix_spawnattr_setsigmask", Libc.I_PP, attr, set);
                if (r.restoreSignals) {
                    MemorySegment def = arena.allocate(SIGSET_SIZE, 8);
                    Libc.call("sigemptyset", Libc.I_P, def);
                    Libc.call("sigaddset", Libc.I_PI, def, 13);  // SIGPIPE
                    Libc.call("sigaddset", Libc.I_PI, def, 25);  // SIGXFSZ
                    Libc.call("posix_spawnattr_setsigdefault", Libc.I_PP, attr, def);
                    flags |= SETSIGDEF;
                }
                if (r.setsid) flags |= SETSID;
                if (r.pgid >= 0) {
                    Libc.call("posix_spawnattr_setpgroup", Libc.I_PI, attr, r.pgid);
                    flags |= SETPGROUP;
                }
                Libc.call("posix_spawnattr_setflags", FunctionDescriptor.of(INT, PTR, ValueLayout.JAVA_SHORT), attr, flags);
                MemorySegment argv = cArray(arena, r.argv);
                MemorySegment envp = r.env == null ? environ() : cArray(arena, r.env);
                MemorySegment pid = arena.allocate(4);
                int saved = 0, last = ENOENT;
                FunctionDescriptor spawnFd = FunctionDescriptor.of(INT, PTR, PTR, PTR, PTR, PTR, PTR);
                for (byte[] exe : r.executables) {
                    int rc = (int) Libc.call("posix_spawn", spawnFd, pid, Libc.cString(arena, exe), fa, attr, argv, envp);
                    if (rc == 0) return new Result(pid.get(INT, 0), 0, false);
                    last = rc;
                    if (rc != ENOENT && rc != ENOTDIR && saved == 0) saved = rc;
                }
                return new Result(0, saved != 0 ? saved : last, false);
            } finally {
                Libc.call("posix_spawn_file_actions_destroy", Libc.I_P, fa);
                Libc.call("posix_spawnattr_destroy", Libc.I_P, attr);
            }
        } finally {
            for (int fd : temps) Libc.call("close", Libc.I_I, fd);
        }
    }

    /** The errno chdir(cwd) would fail with in the child (0: none), checked before spawning. */
    private static int cwdProblem(Arena arena, byte[] cwd) {
        MemorySegment path = Libc.cString(arena, cwd);
        if (Libc.call("access", Libc.I_PI, path, 1) != 0) return Libc.errno();  // X_OK
        MemorySegment st = arena.allocate(Libc.ST_SIZE_OF, 8);
        if (Libc.call("stat", Libc.I_PP, path, st) != 0) return Libc.errno();
        return (st.get(INT, Libc.ST_MODE) & 0170000) == 0040000 ? 0 : ENOTDIR;
    }

    private static int dupHigh(VmApi vm, int fd, List<Integer> temps) {
        long r = Libc.call("fcntl", FunctionDescriptor.of(INT, INT, INT, INT), fd, 1030, 3);  // F_DUPFD_CLOEXEC
        if (r < 0) throw Posix.error(vm, 0, 0);
        temps.add((int) r);
        return (int) r;
    }

    private static void dup2(MemorySegment fa, int fd, int to) {
        Libc.call("posix_spawn_file_actions_adddup2", FunctionDescriptor.of(INT, PTR, INT, INT), fa, fd, to);
    }

    private static void close(MemorySegment fa, int fd) {
        Libc.call("posix_spawn_file_actions_addclose", FunctionDescriptor.of(INT, PTR, INT), fa, fd);
    }

    /** The process's open descriptors now. */
    private static List<Integer> openFds() {
        List<Integer> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path p : ds) {
                try {
                    out.add(Integer.parseInt(p.getFileName().toString()));
                } catch (NumberFormatException ignored) {
                    // not a descriptor entry
                }
            }
        } catch (IOException e) {
            // no /proc: only the CLOEXEC descriptors close (as refheap opens all of its own)
        }
        return out;
    }

    /** A NULL-terminated char*[] of {@code items}. */
    static MemorySegment cArray(Arena arena, List<byte[]> items) {
        MemorySegment arr = arena.allocate(8L * (items.size() + 1), 8);
        for (int i = 0; i < items.size(); i++) arr.set(ValueLayout.ADDRESS, 8L * i, Libc.cString(arena, items.get(i)));
        arr.set(ValueLayout.ADDRESS, 8L * items.size(), MemorySegment.NULL);
        return arr;
    }

    /** The C library's environ now (os.putenv/unsetenv change it). */
    private static MemorySegment environ() {
        MemorySegment var = Linker.nativeLinker().defaultLookup().find("environ").orElseThrow().reinterpret(8);
        return var.get(ValueLayout.ADDRESS, 0);
    }

    /** waitpid(2), retried on EINTR (PEP 475): {pid, status}; OSError (ChildProcessError...) on failure. */
    static int[] waitpid(VmApi vm, int pid, int options) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment status = arena.allocate(4);
            long r = Libc.blocking(vm, () -> Libc.call("waitpid", FunctionDescriptor.of(INT, INT, PTR, INT), pid, status, options));
            return new int[] {(int) r, status.get(INT, 0)};
        }
    }

    /** os.system(command): /bin/sh -c command, waited for; its wait status (127 << 8: no shell). */
    static long system(VmApi vm, byte[] command) {
        Request r = new Request();
        r.argv = List.of("sh".getBytes(StandardCharsets.US_ASCII), "-c".getBytes(StandardCharsets.US_ASCII), command);
        r.executables = List.of("/bin/sh".getBytes(StandardCharsets.US_ASCII));
        Result res = spawn(vm, r);
        if (res.pid() <= 0) return 127 << 8;
        return waitpid(vm, res.pid(), 0)[1];
    }
}
