package dev.refheap.lang.modules.posix;

import static dev.refheap.lang.modules.posix.Libc.INT;
import static dev.refheap.lang.modules.posix.Libc.LONG;
import static dev.refheap.lang.modules.posix.Libc.PTR;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.TupleType;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * posix's process functions beyond the ids {@link Posix} has: the terminal (ttyname, ctermid,
 * tcgetpgrp, tcsetpgrp, openpty, login_tty), priorities (nice, getpriority, setpriority), the
 * scheduler (sched_* with posix.sched_param), user and group ids (set*, getres*, the group
 * lists, getlogin), sessions and process groups, the wait family (wait, waitid with
 * posix.waitid_result, pidfd_open), exec (execv, execve), posix_spawn and posix_spawnp, abort and
 * getloadavg, each the C library's call with CPython 3.11's conversions and errors.
 *
 * <p>fork and forkpty are absent, as on a platform without them: a forked JVM keeps one thread
 * and none of the virtual machine's own (its garbage collector and compilers), so the child could
 * not run Python. wait3 and wait4 report their rusage as resource.struct_rusage (importing
 * resource, as CPython does). Stateless (the result types are the module's state).
 */
final class ProcessCalls {
    private ProcessCalls() {}


    /**
     * wait3/wait4 (wait4(pid, ...); wait3 is wait4 of -1): (pid, status, resource.struct_rusage),
     * the usage zeroed when no child had changed state (WNOHANG), the type taken from the resource
     * module, imported as CPython's wait_helper imports it.
     */
    private static long waitWithUsage(VmApi vm, int pid, int options) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment status = arena.allocate(4), ru = arena.allocate(ResourceModule.RUSAGE_SIZE);
            long r = Libc.blocking(vm, () -> Libc.call("wait4", FunctionDescriptor.of(INT, INT, PTR, INT, PTR), pid, status, options, ru));
            if (r == 0) ru.fill((byte) 0);
            long usage = ResourceModule.usage(vm, ResourceModule.rusageType(vm), ru);
            return Posix.tuple(vm, vm.newInt(r), vm.newInt(status.get(INT, 0)), usage);
        }
    }
    private static final FunctionDescriptor I_III = FunctionDescriptor.of(INT, INT, INT, INT);
    private static final FunctionDescriptor I_II = FunctionDescriptor.of(INT, INT, INT);

    private static long none(VmApi vm) { return vm.incref(vm.heap.None); }

    private static int cInt(VmApi vm, long o) { return Params.cInt(vm, o); }

    /** An unsigned id (uid_t, gid_t) as Python's int. */
    private static long idValue(VmApi vm, int id) { return vm.newInt(id & 0xffffffffL); }

    /** A call that returns -1 and errno on failure; None on success. */
    private static long check(VmApi vm, long r) {
        if (r == -1) throw Posix.error(vm, 0, 0);
        return none(vm);
    }

    /** METH_O's arity check: "posix.NAME() takes exactly one argument (N given)". */
    private static void one(VmApi vm, String name, int n, long kw) {
        Params.noKeywords(vm, "posix." + name, kw);
        if (n != 1) throw vm.error("TypeError", "posix." + name + "() takes exactly one argument (" + n + " given)");
    }

    /** execv/execve/posix_spawn's argv: a non-empty tuple or list of paths, the first not empty. */
    private static List<byte[]> argv(VmApi vm, String fn, long seq, boolean spawn) {
        var h = vm.heap;
        if (h.typeOf(seq) != h.tuples && h.typeOf(seq) != h.lists) {
            throw vm.error("TypeError", fn + (spawn ? ": argv must be a tuple or list" : "() arg 2 must be a tuple or list"));
        }
        List<byte[]> out = new ArrayList<>();
        vm.forEach(seq, item -> out.add(Spawn.fsEncode(vm, item)));
        if (out.isEmpty() && !spawn) throw vm.error("ValueError", fn + "() arg 2 must not be empty");
        if (!out.isEmpty() && out.get(0).length == 0 && !spawn) throw vm.error("ValueError", fn + "() arg 2 first element cannot be empty");
        return out;
    }

    /** An environment mapping as "key=value" entries (parse_envlist). */
    private static List<byte[]> envlist(VmApi vm, String fn, long env) {
        if (!vm.typeHas(env, "keys") || !vm.typeHas(env, "__getitem__")) throw vm.error("TypeError", fn + ": environment must be a mapping object");
        long keys = vm.callMethod(env, "keys");
        List<byte[]> out = new ArrayList<>();
        try {
            vm.forEach(keys, k -> {
                long v = vm.getItem(env, k);
                try {
                    byte[] kb = Spawn.fsEncode(vm, k), vb = Spawn.fsEncode(vm, v);
                    boolean bad = kb.length == 0;
                    for (int i = 1; i < kb.length && !bad; i++) bad = kb[i] == '=';
                    if (bad) throw vm.error("ValueError", "illegal environment variable name");
                    byte[] kv = new byte[kb.length + 1 + vb.length];
                    System.arraycopy(kb, 0, kv, 0, kb.length);
                    kv[kb.length] = '=';
                    System.arraycopy(vb, 0, kv, kb.length + 1, vb.length);
                    out.add(kv);
                } finally {
                    vm.heap.decref(v);
                }
            });
        } finally {
            vm.heap.decref(keys);
        }
        return out;
    }


    /** A sched_param argument's priority: an instance of posix.sched_param. */
    private static int schedPriority(VmApi vm, String fn, long param) {
        var st = Posix.state(vm);
        if (vm.heap.typeOf(param) != st.schedParam) throw vm.error("TypeError", "must have a sched_param object");
        long pr = TupleType.item(param, 0);
        return cInt(vm, pr);
    }

    private static long schedParam(VmApi vm, int priority) { return vm.newStructSeq(Posix.state(vm).schedParam, vm.newInt(priority)); }

    static void defineFunctions(VmApi vm, Posix.Def def) {
        var h = vm.heap;
        def.def("ttyname", (s, a, o, n, kw) -> {
            one(vm, "ttyname", n, kw);
            int fd = cInt(vm, a[o]);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment buf = arena.allocate(4096);
                int e = (int) Libc.call("ttyname_r", FunctionDescriptor.of(INT, INT, PTR, LONG), fd, buf, 4096L);
                if (e != 0) throw vm.osError(e, Libc.strerror(e), 0, 0);
                return vm.fsDecode(buf.getString(0, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1));
            }
        });
        def.def("ctermid", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "posix.ctermid", n, kw);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment buf = arena.allocate(64);
                if (Libc.call("ctermid", FunctionDescriptor.of(PTR, PTR), buf) == 0) throw Posix.error(vm, 0, 0);
                return vm.fsDecode(buf.getString(0, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1));
            }
        });
        def.def("nice", (s, a, o, n, kw) -> {
            one(vm, "nice", n, kw);
            int inc = cInt(vm, a[o]);
            Libc.clearErrno();
            long r = Libc.call("nice", Libc.I_I, inc);
            if (r == -1 && Libc.errno() != 0) throw Posix.error(vm, 0, 0);
            return vm.newInt(r);
        });
        def.def("getpriority", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "getpriority", new String[] {"which", "who"}, 2, 2, 0, a, o, n, kw);
            int which = cInt(vm, p[0]), who = FileCalls.id(vm, p[1], "who");
            Libc.clearErrno();
            long r = Libc.call("getpriority", I_II, which, who);
            if (r == -1 && Libc.errno() != 0) throw Posix.error(vm, 0, 0);
            return vm.newInt(r);
        });
        def.def("setpriority", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "setpriority", new String[] {"which", "who", "priority"}, 3, 3, 0, a, o, n, kw);
            return check(vm, Libc.call("setpriority", I_III, cInt(vm, p[0]), FileCalls.id(vm, p[1], "who"), cInt(vm, p[2])));
        });
        for (String fn : new String[] {"posix_spawn", "posix_spawnp"}) {
            def.def(fn, (s, a, o, n, kw) -> PosixSpawn.call(vm, fn, a, o, n, kw));
        }
        def.def("execv", (s, a, o, n, kw) -> {
            Params.unpack(vm, "execv", n, kw, 2, 2);
            PathArg path = PathArg.convert(vm, "execv", "path", a[o], false, false);
            return exec(vm, path, argv(vm, "execv", a[o + 1], false), null);
        });
        def.def("execve", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "execve", new String[] {"path", "argv", "env"}, 3, 3, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "execve", "path", p[0], true, false);
            return exec(vm, path, argv(vm, "execve", p[1], false), envlist(vm, "execve", p[2]));
        });
        for (String fn : new String[] {"sched_get_priority_max", "sched_get_priority_min"}) {
            def.def(fn, (s, a, o, n, kw) -> {
                long[] p = Params.parse(vm, fn, new String[] {"policy"}, 1, 1, 0, a, o, n, kw);
                long r = Libc.call(fn, Libc.I_I, cInt(vm, p[0]));
                if (r < 0) throw Posix.error(vm, 0, 0);
                return vm.newInt(r);
            });
        }
        def.def("sched_getparam", (s, a, o, n, kw) -> {
            one(vm, "sched_getparam", n, kw);
            int pid = cInt(vm, a[o]);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment param = arena.allocate(4);
                if (Libc.call("sched_getparam", Libc.I_IP, pid, param) != 0) throw Posix.error(vm, 0, 0);
                return schedParam(vm, param.get(INT, 0));
            }
        });
        def.def("sched_getscheduler", (s, a, o, n, kw) -> {
            one(vm, "sched_getscheduler", n, kw);
            long r = Libc.call("sched_getscheduler", Libc.I_I, cInt(vm, a[o]));
            if (r < 0) throw Posix.error(vm, 0, 0);
            return vm.newInt(r);
        });
        def.def("sched_rr_get_interval", (s, a, o, n, kw) -> {
            one(vm, "sched_rr_get_interval", n, kw);
            int pid = cInt(vm, a[o]);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment ts = arena.allocate(16, 8);
                if (Libc.call("sched_rr_get_interval", Libc.I_IP, pid, ts) != 0) throw Posix.error(vm, 0, 0);
                return vm.newFloat(ts.get(LONG, 0) + ts.get(LONG, 8) * 1e-9);
            }
        });
        def.def("sched_setparam", (s, a, o, n, kw) -> {
            Params.unpack(vm, "sched_setparam", n, kw, 2, 2);
            int pid = cInt(vm, a[o]), pr = schedPriority(vm, "sched_setparam", a[o + 1]);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment param = arena.allocate(4);
                param.set(INT, 0, pr);
                return check(vm, Libc.call("sched_setparam", Libc.I_IP, pid, param));
            }
        });
        def.def("sched_setscheduler", (s, a, o, n, kw) -> {
            Params.unpack(vm, "sched_setscheduler", n, kw, 3, 3);
            int pid = cInt(vm, a[o]), policy = cInt(vm, a[o + 1]), pr = schedPriority(vm, "sched_setscheduler", a[o + 2]);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment param = arena.allocate(4);
                param.set(INT, 0, pr);
                return check(vm, Libc.call("sched_setscheduler", FunctionDescriptor.of(INT, INT, INT, PTR), pid, policy, param));
            }
        });
        def.def("sched_yield", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "posix.sched_yield", n, kw);
            return check(vm, Libc.call("sched_yield", Libc.I_V));
        });
        def.def("sched_setaffinity", (s, a, o, n, kw) -> {
            Params.unpack(vm, "sched_setaffinity", n, kw, 2, 2);
            int pid = cInt(vm, a[o]);
            java.util.BitSet cpus = new java.util.BitSet();
            long it = vm.iter(a[o + 1]);
            try {
                for (long v = vm.next(it); v != 0; v = vm.next(it)) {
                    try {
                        if (!vm.isInt(v)) throw vm.error("TypeError", "expected an iterator of ints, but iterator yielded " + vm.typeName(v));
                        java.math.BigInteger c = vm.asIndex(v);
                        if (c.signum() < 0) throw vm.error("ValueError", "negative CPU number");
                        if (c.bitLength() > 20) throw vm.error("OverflowError", "Python int too large to convert to C long");
                        cpus.set(c.intValue());
                    } finally {
                        h.decref(v);
                    }
                }
            } finally {
                h.decref(it);
            }
            try (Arena arena = Arena.ofConfined()) {
                long size = Math.max(128, ((cpus.length() + 63) / 64) * 8L);
                MemorySegment mask = arena.allocate(size, 8);
                long[] words = cpus.toLongArray();
                for (int i = 0; i < words.length; i++) mask.set(LONG, 8L * i, words[i]);
                return check(vm, Libc.call("sched_setaffinity", FunctionDescriptor.of(INT, INT, LONG, PTR), pid, size, mask));
            }
        });
        def.def("sched_getaffinity", (s, a, o, n, kw) -> {
            one(vm, "sched_getaffinity", n, kw);
            int pid = cInt(vm, a[o]);
            try (Arena arena = Arena.ofConfined()) {
                for (long size = 128; ; size *= 2) {
                    MemorySegment mask = arena.allocate(size, 8);
                    if (Libc.call("sched_getaffinity", FunctionDescriptor.of(INT, INT, LONG, PTR), pid, size, mask) != 0) {
                        if (Libc.errno() == 22 && size < (1 << 20)) continue;  // EINVAL: a larger mask
                        throw Posix.error(vm, 0, 0);
                    }
                    long set = h.sets.create();
                    for (long w = 0; w < size / 8; w++) {
                        long word = mask.get(LONG, 8 * w);
                        for (int b = 0; b < 64; b++) {
                            if ((word & (1L << b)) == 0) continue;
                            long c = vm.newInt(w * 64 + b);
                            h.sets.add(set, c);
                            h.decref(c);
                        }
                    }
                    return set;
                }
            }
        });
        def.def("openpty", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "posix.openpty", n, kw);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment fds = arena.allocate(8);
                if (Libc.call("openpty", FunctionDescriptor.of(INT, PTR, PTR, PTR, PTR, PTR), fds, fds.asSlice(4), MemorySegment.NULL, MemorySegment.NULL,
                        MemorySegment.NULL) != 0) {
                    throw Posix.error(vm, 0, 0);
                }
                int master = fds.get(INT, 0), slave = fds.get(INT, 4);
                for (int fd : new int[] {master, slave}) {  // non-inheritable, as CPython makes them
                    Libc.call("fcntl", I_III, fd, 2, 1);  // F_SETFD FD_CLOEXEC
                }
                return Posix.tuple(vm, vm.newInt(master), vm.newInt(slave));
            }
        });
        def.def("login_tty", (s, a, o, n, kw) -> {
            one(vm, "login_tty", n, kw);
            return check(vm, Libc.call("login_tty", Libc.I_I, FileCalls.fileno(vm, a[o])));
        });
        def.def("getgrouplist", (s, a, o, n, kw) -> {
            Params.unpack(vm, "getgrouplist", n, kw, 2, 2);
            if (!vm.isStr(a[o])) throw vm.error("TypeError", "getgrouplist() argument 1 must be str, not " + vm.typeName(a[o]));
            byte[] user = vm.strValue(a[o]).getBytes(StandardCharsets.UTF_8);
            int basegid = FileCalls.id(vm, a[o + 1], "gid");
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment name = Libc.cString(arena, user);
                for (int ngroups = 64; ; ngroups *= 4) {
                    MemorySegment groups = arena.allocate(4L * ngroups);
                    MemorySegment count = arena.allocate(4);
                    count.set(INT, 0, ngroups);
                    long r = Libc.call("getgrouplist", FunctionDescriptor.of(INT, PTR, INT, PTR, PTR), name, basegid, groups, count);
                    if (r == -1 && ngroups < (1 << 16)) continue;
                    if (r == -1) throw Posix.error(vm, 0, 0);
                    return idList(vm, groups, count.get(INT, 0));
                }
            }
        });
        def.def("getgroups", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "posix.getgroups", n, kw);
            try (Arena arena = Arena.ofConfined()) {
                long count = Libc.call("getgroups", FunctionDescriptor.of(INT, INT, PTR), 0, MemorySegment.NULL);
                if (count < 0) throw Posix.error(vm, 0, 0);
                MemorySegment groups = arena.allocate(4 * Math.max(1, count));
                long got = Libc.call("getgroups", FunctionDescriptor.of(INT, INT, PTR), (int) count, groups);
                if (got < 0) throw Posix.error(vm, 0, 0);
                return idList(vm, groups, (int) got);
            }
        });
        def.def("getlogin", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "posix.getlogin", n, kw);
            Libc.clearErrno();
            long p = Libc.call("getlogin", FunctionDescriptor.of(PTR));
            if (p == 0) {
                if (Libc.errno() != 0) throw Posix.error(vm, 0, 0);
                throw vm.error("OSError", "unable to determine login name");
            }
            byte[] name = MemorySegment.ofAddress(p).reinterpret(256).getString(0, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
            return vm.fsDecode(name);
        });
        String[][] setIds = {{"setuid", "uid"}, {"seteuid", "euid"}, {"setgid", "gid"}, {"setegid", "egid"}};
        for (String[] fn : setIds) {
            def.def(fn[0], (s, a, o, n, kw) -> {
                one(vm, fn[0], n, kw);
                return check(vm, Libc.call(fn[0], Libc.I_I, FileCalls.id(vm, a[o], fn[0].contains("u") ? "uid" : "gid")));
            });
        }
        for (String fn : new String[] {"setreuid", "setregid"}) {
            def.def(fn, (s, a, o, n, kw) -> {
                Params.unpack(vm, fn, n, kw, 2, 2);
                String what = fn.equals("setreuid") ? "uid" : "gid";
                return check(vm, Libc.call(fn, I_II, FileCalls.id(vm, a[o], what), FileCalls.id(vm, a[o + 1], what)));
            });
        }
        def.def("setgroups", (s, a, o, n, kw) -> {
            one(vm, "setgroups", n, kw);
            if (!vm.typeHas(a[o], "__getitem__") || !vm.typeHas(a[o], "__len__")) throw vm.error("TypeError", "setgroups argument must be a sequence");
            List<Integer> gids = new ArrayList<>();
            vm.forEach(a[o], g -> {
                if (!vm.isInt(g)) throw vm.error("TypeError", "groups must be integers");
                gids.add(FileCalls.id(vm, g, "gid"));
            });
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment groups = arena.allocate(4L * Math.max(1, gids.size()));
                for (int i = 0; i < gids.size(); i++) groups.set(INT, 4L * i, gids.get(i));
                return check(vm, Libc.call("setgroups", FunctionDescriptor.of(INT, LONG, PTR), (long) gids.size(), groups));
            }
        });
        def.def("initgroups", (s, a, o, n, kw) -> {
            Params.unpack(vm, "initgroups", n, kw, 2, 2);
            byte[] user = Spawn.fsEncode(vm, a[o]);
            int gid = FileCalls.id(vm, a[o + 1], "gid");
            try (Arena arena = Arena.ofConfined()) {
                return check(vm, Libc.call("initgroups", Libc.I_PI, Libc.cString(arena, user), gid));
            }
        });
        def.def("setpgrp", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "posix.setpgrp", n, kw);
            return check(vm, Libc.call("setpgid", I_II, 0, 0));
        });
        def.def("wait", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "posix.wait", n, kw);
            int[] r = Spawn.waitpid(vm, -1, 0);
            return Posix.tuple(vm, vm.newInt(r[0]), vm.newInt(r[1]));
        });
        for (String fn : new String[] {"wait3", "wait4"}) {
            def.def(fn, (s, a, o, n, kw) -> {
                long[] args = fn.equals("wait3") ? Params.parse(vm, fn, new String[] {"options"}, 1, 1, 0, a, o, n, kw)
                        : Params.parse(vm, fn, new String[] {"pid", "options"}, 2, 2, 0, a, o, n, kw);
                int pid = fn.equals("wait3") ? -1 : cInt(vm, args[0]);
                int options = cInt(vm, args[args.length - 1]);
                return waitWithUsage(vm, pid, options);
            });
        }
        def.def("waitid", (s, a, o, n, kw) -> {
            Params.unpack(vm, "waitid", n, kw, 3, 3);
            int idtype = cInt(vm, a[o]), id = FileCalls.id(vm, a[o + 1], "id"), options = cInt(vm, a[o + 2]);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment info = arena.allocate(128, 8);
                Libc.blocking(vm, () -> Libc.call("waitid", FunctionDescriptor.of(INT, INT, INT, PTR, INT), idtype, id, info, options));
                if (info.get(INT, 16) == 0) return none(vm);  // WNOHANG and no child changed state
                return vm.newStructSeq(Posix.state(vm).waitidResult, vm.newInt(info.get(INT, 16)), idValue(vm, info.get(INT, 20)),
                        vm.newInt(info.get(INT, 0)), vm.newInt(info.get(INT, 24)), vm.newInt(info.get(INT, 8)));
            }
        });
        def.def("pidfd_open", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "pidfd_open", new String[] {"pid", "flags"}, 1, 2, 0, a, o, n, kw);
            long r = Libc.call("pidfd_open", I_II, cInt(vm, p[0]), p[1] == 0 ? 0 : cInt(vm, p[1]));
            if (r < 0) throw Posix.error(vm, 0, 0);
            return vm.newInt(r);
        });
        def.def("setsid", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "posix.setsid", n, kw);
            return check(vm, Libc.call("setsid", Libc.I_V));
        });
        def.def("setpgid", (s, a, o, n, kw) -> {
            Params.unpack(vm, "setpgid", n, kw, 2, 2);
            return check(vm, Libc.call("setpgid", I_II, cInt(vm, a[o]), cInt(vm, a[o + 1])));
        });
        def.def("tcgetpgrp", (s, a, o, n, kw) -> {
            one(vm, "tcgetpgrp", n, kw);
            long r = Libc.call("tcgetpgrp", Libc.I_I, cInt(vm, a[o]));
            if (r < 0) throw Posix.error(vm, 0, 0);
            return vm.newInt(r);
        });
        def.def("tcsetpgrp", (s, a, o, n, kw) -> {
            Params.unpack(vm, "tcsetpgrp", n, kw, 2, 2);
            return check(vm, Libc.call("tcsetpgrp", I_II, cInt(vm, a[o]), cInt(vm, a[o + 1])));
        });
        def.def("abort", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "posix.abort", n, kw);
            System.out.flush();
            System.err.flush();
            Libc.call("abort", FunctionDescriptor.ofVoid());
            return none(vm);  // not reached
        });
        def.def("getloadavg", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "posix.getloadavg", n, kw);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment avg = arena.allocate(24, 8);
                if (Libc.call("getloadavg", FunctionDescriptor.of(INT, PTR, INT), avg, 3) != 3) {
                    throw vm.error("OSError", "Load averages are unobtainable");
                }
                return Posix.tuple(vm, vm.newFloat(avg.get(ValueLayout.JAVA_DOUBLE, 0)), vm.newFloat(avg.get(ValueLayout.JAVA_DOUBLE, 8)),
                        vm.newFloat(avg.get(ValueLayout.JAVA_DOUBLE, 16)));
            }
        });
        for (String fn : new String[] {"setresuid", "setresgid"}) {
            def.def(fn, (s, a, o, n, kw) -> {
                Params.unpack(vm, fn, n, kw, 3, 3);
                String what = fn.equals("setresuid") ? "uid" : "gid";
                return check(vm, Libc.call(fn, I_III, FileCalls.id(vm, a[o], what), FileCalls.id(vm, a[o + 1], what), FileCalls.id(vm, a[o + 2], what)));
            });
        }
        for (String fn : new String[] {"getresuid", "getresgid"}) {
            def.def(fn, (s, a, o, n, kw) -> {
                Params.noArgs(vm, "posix." + fn, n, kw);
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment ids = arena.allocate(12, 4);
                    if (Libc.call(fn, FunctionDescriptor.of(INT, PTR, PTR, PTR), ids, ids.asSlice(4), ids.asSlice(8)) != 0) throw Posix.error(vm, 0, 0);
                    return Posix.tuple(vm, idValue(vm, ids.get(INT, 0)), idValue(vm, ids.get(INT, 4)), idValue(vm, ids.get(INT, 8)));
                }
            });
        }
    }

    private static long idList(VmApi vm, MemorySegment ids, int count) {
        long list = vm.heap.lists.alloc(0, false);
        for (int i = 0; i < count; i++) {
            long v = idValue(vm, ids.get(INT, 4L * i));
            vm.heap.lists.append(list, v);
            vm.heap.decref(v);
        }
        return list;
    }

    /** execv/execve: replaces the process (the JVM with it); returns only by raising OSError. */
    private static long exec(VmApi vm, PathArg path, List<byte[]> argv, List<byte[]> env) {
        System.out.flush();
        System.err.flush();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment args = Spawn.cArray(arena, argv);
            if (env == null) {
                Libc.call("execv", Libc.I_PP, Libc.cString(arena, path.bytes()), args);
            } else if (path.isFd()) {
                Libc.call("fexecve", FunctionDescriptor.of(INT, INT, PTR, PTR), path.fd(), args, Spawn.cArray(arena, env));
            } else {
                Libc.call("execve", FunctionDescriptor.of(INT, PTR, PTR, PTR), Libc.cString(arena, path.bytes()), args, Spawn.cArray(arena, env));
            }
            throw Posix.error(vm, 0, 0);  // 3.11's exec errors name no file
        }
    }

    /** os.posix_spawn / posix_spawnp: the options CPython 3.11 takes, over glibc's posix_spawn. */
    static final class PosixSpawn {
        private PosixSpawn() {}

        private static final short RESETIDS = 0x01, SETPGROUP = 0x02, SETSIGDEF = 0x04, SETSIGMASK = 0x08, SETSID = 0x80;

        static long call(VmApi vm, String fn, long[] a, int o, int n, long kw) {
            var h = vm.heap;
            long[] p = Params.parse(vm, fn, new String[] {"path", "argv", "env", "file_actions", "setpgroup", "resetids", "setsid", "setsigmask",
                    "setsigdef", "scheduler"}, 3, 3, 3, a, o, n, kw);
            PathArg path = PathArg.convert(vm, fn, "path", p[0], false, false);
            // resetids and setsid are clinic's bool(accept={int}): an int (or __index__), converted before the body runs
            boolean resetids = p[5] != 0 && Params.clinicInt(vm, p[5]) != 0, setsid = p[6] != 0 && Params.clinicInt(vm, p[6]) != 0;
            List<byte[]> argv = argv(vm, fn, p[1], true);
            if (argv.isEmpty()) throw vm.error("ValueError", fn + ": argv must not be empty");
            if (argv.get(0).length == 0) throw vm.error("ValueError", fn + ": argv first element cannot be empty");
            List<byte[]> env = envlist(vm, fn, p[2]);
            if (p[9] != 0) throw vm.error("NotImplementedError", fn + ": the scheduler option is not supported by refheap");
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment fa = arena.allocate(128, 16), attr = arena.allocate(512, 16);
                Libc.call("posix_spawn_file_actions_init", Libc.I_P, fa);
                Libc.call("posix_spawnattr_init", Libc.I_P, attr);
                try {
                    if (p[3] != 0 && p[3] != h.None) fileActions(vm, fn, arena, fa, p[3]);
                    short flags = 0;
                    if (p[4] != 0) {
                        Libc.call("posix_spawnattr_setpgroup", Libc.I_PI, attr, cInt(vm, p[4]));
                        flags |= SETPGROUP;
                    }
                    if (resetids) flags |= RESETIDS;
                    if (setsid) flags |= SETSID;
                    if (p[7] != 0) {
                        Libc.call("posix_spawnattr_setsigmask", Libc.I_PP, attr, sigset(vm, arena, p[7]));
                        flags |= SETSIGMASK;
                    }
                    if (p[8] != 0) {
                        Libc.call("posix_spawnattr_setsigdefault", Libc.I_PP, attr, sigset(vm, arena, p[8]));
                        flags |= SETSIGDEF;
                    }
                    Libc.call("posix_spawnattr_setflags", FunctionDescriptor.of(INT, PTR, ValueLayout.JAVA_SHORT), attr, flags);
                    MemorySegment pid = arena.allocate(4);
                    int rc = (int) Libc.call(fn, FunctionDescriptor.of(INT, PTR, PTR, PTR, PTR, PTR, PTR), pid, Libc.cString(arena, path.bytes()), fa, attr,
                            Spawn.cArray(arena, argv), Spawn.cArray(arena, env));
                    if (rc != 0) {
                        long f = path.filename(vm);
                        try {
                            throw vm.osError(rc, Libc.strerror(rc), f, 0);
                        } finally {
                            vm.heap.decref(f);
                        }
                    }
                    return vm.newInt(pid.get(INT, 0));
                } finally {
                    Libc.call("posix_spawn_file_actions_destroy", Libc.I_P, fa);
                    Libc.call("posix_spawnattr_destroy", Libc.I_P, attr);
                }
            }
        }

        /** file_actions: a sequence of (POSIX_SPAWN_OPEN, fd, path, flags, mode), (CLOSE, fd), (DUP2, fd, new_fd). */
        private static void fileActions(VmApi vm, String fn, Arena arena, MemorySegment fa, long seq) {
            long it;
            try {
                it = vm.iter(seq);
            } catch (RuntimeException e) {
                throw vm.error("TypeError", fn + ": file_actions must be a sequence or None");
            }
            try {
                for (long act = vm.next(it); act != 0; act = vm.next(it)) {
                    try {
                        if (vm.heap.typeOf(act) != vm.heap.tuples || TupleType.size(act) == 0) throw vm.error("TypeError", "Each file_actions element must be a non-empty tuple");
                        int tag = cInt(vm, TupleType.item(act, 0));
                        int size = (int) TupleType.size(act);
                        switch (tag) {
                            case 0 -> {
                                if (size != 5) throw vm.error("TypeError", "A open file_action tuple must have 5 elements");
                                PathArg path = PathArg.convert(vm, fn, "path", TupleType.item(act, 2), false, false);
                                Libc.call("posix_spawn_file_actions_addopen", FunctionDescriptor.of(INT, PTR, INT, PTR, INT, INT), fa,
                                        cInt(vm, TupleType.item(act, 1)), Libc.cString(arena, path.bytes()), cInt(vm, TupleType.item(act, 3)),
                                        cInt(vm, TupleType.item(act, 4)));
                            }
                            case 1 -> {
                                if (size != 2) throw vm.error("TypeError", "A close file_action tuple must have 2 elements");
                                Libc.call("posix_spawn_file_actions_addclose", FunctionDescriptor.of(INT, PTR, INT), fa, cInt(vm, TupleType.item(act, 1)));
                            }
                            case 2 -> {
                                if (size != 3) throw vm.error("TypeError", "A dup2 file_action tuple must have 3 elements");
                                Libc.call("posix_spawn_file_actions_adddup2", FunctionDescriptor.of(INT, PTR, INT, INT), fa, cInt(vm, TupleType.item(act, 1)),
                                        cInt(vm, TupleType.item(act, 2)));
                            }
                            default -> throw vm.error("TypeError", "Unknown file_actions identifier");
                        }
                    } finally {
                        vm.heap.decref(act);
                    }
                }
            } finally {
                vm.heap.decref(it);
            }
        }

        /** A signal set from an iterable of signal numbers (1..64). */
        private static MemorySegment sigset(VmApi vm, Arena arena, long iterable) {
            MemorySegment set = arena.allocate(128, 8);
            Libc.call("sigemptyset", Libc.I_P, set);
            long it = vm.iter(iterable);
            try {
                for (long v = vm.next(it); v != 0; v = vm.next(it)) {
                    try {
                        int sig = cInt(vm, v);
                        if (sig < 1 || sig > 64) throw vm.error("ValueError", "signal number " + sig + " out of range [1; 64]");
                        Libc.call("sigaddset", Libc.I_PI, set, sig);
                    } finally {
                        vm.heap.decref(v);
                    }
                }
            } finally {
                vm.heap.decref(it);
            }
            return set;
        }
    }
}
