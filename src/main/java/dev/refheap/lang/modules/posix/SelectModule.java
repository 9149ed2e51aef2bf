package dev.refheap.lang.modules.posix;

import static dev.refheap.lang.modules.posix.Libc.INT;
import static dev.refheap.lang.modules.posix.Libc.LONG;
import static dev.refheap.lang.modules.posix.Libc.PTR;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.PyType;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code select} as Linux's CPython 3.11 has it for subprocess and selectors: {@code select.poll}
 * objects and {@code select.select}, both over ppoll(2) through java.lang.foreign, the POLL*
 * constants and PIPE_BUF. No epoll/devpoll/kqueue (selectors' DefaultSelector is then its
 * PollSelector). select.select is ppoll too, so a descriptor past FD_SETSIZE works where
 * CPython's select(2) raises ValueError; a closed descriptor is OSError EBADF in both.
 *
 * <p>A poll object is CPython's pollObject, a heap type, not GC, 48 bytes:
 * <pre> refcnt | type | dict (fd -> event mask, a real dict) | ufd_uptodate, ufd_len (unused: 0) | ufds (0) | poll_running </pre>
 * The pollfd array is built from the dict on each poll() (CPython caches it while the dict is
 * unchanged). States: poll_running is 1 during a poll() call; a second, nested call raises
 * RuntimeError as CPython's does.
 */
public final class SelectModule {
    private SelectModule() {}

    static final int POLLIN = 1, POLLPRI = 2, POLLOUT = 4, POLLERR = 8, POLLHUP = 16, POLLNVAL = 32, EINTR = 4, EBADF = 9;

    private static final Object[] CONSTANTS = {
        "POLLIN", POLLIN, "POLLPRI", POLLPRI, "POLLOUT", POLLOUT, "POLLERR", POLLERR, "POLLHUP", POLLHUP, "POLLNVAL", POLLNVAL,
        "POLLRDNORM", 64, "POLLRDBAND", 128, "POLLWRNORM", 256, "POLLWRBAND", 512, "POLLMSG", 1024, "POLLRDHUP", 0x2000,
        "PIPE_BUF", 4096,
    };

    /** select.poll. */
    static final class PollType extends FieldsType {
        static final int DICT = 16, RUNNING = 40;

        PollType(VmApi vm) {
            super(vm, "select.poll", 0, 48, 0, DICT);
            cpythonFlags(0x1280);  // READY | HEAPTYPE | DISALLOW_INSTANTIATION
        }

        @Override
        protected boolean heapTypeInstances() { return true; }

        long create() {
            long o = alloc();
            put(o, DICT, heap.dicts.create());
            return o;
        }

        void install() {
            defMethod("register", (s, a, o, n, kw) -> {
                Params.unpack(vm, "register", n, kw, 1, 2);
                int fd = fileDescriptor(vm, a[o]);
                int mask = n > 1 ? unsignedShort(vm, a[o + 1]) : POLLIN | POLLPRI | POLLOUT;
                setMask(s, fd, mask);
                return vm.incref(heap.None);
            });
            defMethod("modify", (s, a, o, n, kw) -> {
                Params.unpack(vm, "modify", n, kw, 2, 2);
                int fd = fileDescriptor(vm, a[o]);
                int mask = unsignedShort(vm, a[o + 1]);
                long key = vm.newInt(fd);
                try {
                    if (heap.dicts.getItem(get(s, DICT), key) == 0) throw vm.osError(2, Libc.strerror(2), 0, 0);
                } finally {
                    heap.decref(key);
                }
                setMask(s, fd, mask);
                return vm.incref(heap.None);
            });
            defMethod("unregister", (s, a, o, n, kw) -> {
                Params.unpack(vm, "unregister", n, kw, 1, 1);
                long key = vm.newInt(fileDescriptor(vm, a[o]));
                try {
                    if (heap.dicts.getItem(get(s, DICT), key) == 0) throw new dev.refheap.lang.vm.PyException(vm.callArgs(vm.exceptionType("KeyError").address(), new long[] {key}, 0, 1, 0));
                    heap.dicts.delItem(get(s, DICT), key);
                } finally {
                    heap.decref(key);
                }
                return vm.incref(heap.None);
            });
            defMethod("poll", (s, a, o, n, kw) -> {
                Params.unpack(vm, "poll", n, kw, 0, 1);
                long timeout = n == 0 ? -1 : millisTimeout(vm, a[o]);
                return poll(s, timeout);
            });
        }

        private void setMask(long o, int fd, int mask) {
            long k = vm.newInt(fd), v = vm.newInt(mask);
            heap.dicts.setItem(get(o, DICT), k, v);
            heap.decref(k);
            heap.decref(v);
        }

        private long poll(long o, long timeoutNanos) {
            if (dev.refheap.memory.Native.getInt(o + RUNNING) != 0) throw vm.error("RuntimeError", "concurrent poll() invocation");
            List<int[]> fds = new ArrayList<>();
            heap.dicts.forEach(get(o, DICT), (k, v) -> fds.add(new int[] {vm.asIndex(k).intValue(), vm.asIndex(v).intValue(), 0}));
            dev.refheap.memory.Native.putInt(o + RUNNING, 1);
            try {
                ppoll(vm, fds, timeoutNanos);
            } finally {
                dev.refheap.memory.Native.putInt(o + RUNNING, 0);
            }
            long list = heap.lists.alloc(0, false);
            for (int[] f : fds) {
                if (f[2] == 0) continue;
                long t = Posix.tuple(vm, vm.newInt(f[0]), vm.newInt(f[2] & 0xffff));
                heap.lists.append(list, t);
                heap.decref(t);
            }
            return list;
        }
    }

    /**
     * ppoll(2) over {@code fds} (each {fd, events, revents}), filling revents; EINTR retried with
     * the time left (PEP 475). {@code timeoutNanos} < 0: no limit.
     */
    static int ppoll(VmApi vm, List<int[]> fds, long timeoutNanos) {
        long deadline = timeoutNanos < 0 ? 0 : System.nanoTime() + timeoutNanos;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment arr = arena.allocate(8L * Math.max(1, fds.size()), 8);
            for (int i = 0; i < fds.size(); i++) {
                arr.set(INT, 8L * i, fds.get(i)[0]);
                arr.set(ValueLayout.JAVA_SHORT, 8L * i + 4, (short) fds.get(i)[1]);
                arr.set(ValueLayout.JAVA_SHORT, 8L * i + 6, (short) 0);
            }
            MemorySegment ts = arena.allocate(16, 8);
            while (true) {
                MemorySegment tsp = MemorySegment.NULL;
                if (timeoutNanos >= 0) {
                    long left = Math.max(0, deadline - System.nanoTime());
                    ts.set(LONG, 0, left / 1_000_000_000L);
                    ts.set(LONG, 8, left % 1_000_000_000L);
                    tsp = ts;
                }
                Object released = vm.allowThreads();  // the wait runs without the interpreter lock
                long r;
                try {
                    r = Libc.call("ppoll", FunctionDescriptor.of(INT, PTR, LONG, PTR, PTR), arr, (long) fds.size(), tsp, MemorySegment.NULL);
                } finally {
                    vm.endAllowThreads(released);
                }
                if (r >= 0) {
                    for (int i = 0; i < fds.size(); i++) fds.get(i)[2] = arr.get(ValueLayout.JAVA_SHORT, 8L * i + 6) & 0xffff;
                    return (int) r;
                }
                if (Libc.errno() != EINTR) throw Posix.error(vm, 0, 0);
                vm.checkInterrupt();
            }
        }
    }

    /** PyObject_AsFileDescriptor: an int, or the int its fileno() returns; never negative. */
    static int fileDescriptor(VmApi vm, long o) {
        long v = o;
        boolean own = false;
        if (!vm.isInt(o)) {
            if (!vm.typeHas(o, "fileno")) throw vm.error("TypeError", "argument must be an int, or have a fileno() method.");
            v = vm.callMethod(o, "fileno");
            own = true;
            if (!vm.isInt(v)) {
                vm.heap.decref(v);
                throw vm.error("TypeError", "fileno() returned a non-integer");
            }
        }
        try {
            BigInteger b = vm.asIndex(v);
            if (b.bitLength() > 31) throw vm.error("OverflowError", "Python int too large to convert to C int");
            if (b.signum() < 0) throw vm.error("ValueError", "file descriptor cannot be a negative integer (" + b + ")");
            return b.intValue();
        } finally {
            if (own) vm.heap.decref(v);
        }
    }

    private static int unsignedShort(VmApi vm, long o) {
        if (!vm.isInt(o)) throw vm.error("TypeError", "'" + vm.typeName(o) + "' object cannot be interpreted as an integer");
        BigInteger b = vm.asIndex(o);
        if (b.signum() < 0) throw vm.error("OverflowError", "Python int too large for C unsigned short");
        if (b.bitLength() > 16) throw vm.error("OverflowError", "Python int too large for C unsigned short");
        return b.intValue();
    }

    /** poll()'s timeout: milliseconds (int or float, rounded up), None or negative for none; as nanoseconds (-1: none). */
    private static long millisTimeout(VmApi vm, long o) {
        if (o == vm.heap.None) return -1;
        double ms;
        if (vm.isFloat(o)) {
            ms = vm.asDouble(o);
            if (Double.isNaN(ms)) throw vm.error("ValueError", "Invalid value NaN (not a number)");
        } else if (vm.isInt(o)) {
            BigInteger b = vm.asIndex(o);
            if (b.bitLength() > 62) throw vm.error("OverflowError", "timeout is too large");
            ms = b.doubleValue();
        } else {
            throw vm.error("TypeError", "'" + vm.typeName(o) + "' object cannot be interpreted as an integer");
        }
        if (ms < 0) return -1;
        if (ms > Long.MAX_VALUE / 1_000_000.0) throw vm.error("OverflowError", "timeout is too large");
        return (long) Math.ceil(ms) * 1_000_000L;
    }

    /** select.select(rlist, wlist, xlist, timeout=None). */
    private static long select(VmApi vm, long[] a, int o, int n, long kw) {
        Params.unpack(vm, "select", n, kw, 3, 4);
        long timeout = -1;
        if (n > 3 && a[o + 3] != vm.heap.None) {
            long ns = vm.timeoutNanos(a[o + 3]);
            if (ns < 0) throw vm.error("ValueError", "timeout must be non-negative");
            timeout = ns;
        }
        List<List<Long>> objs = new ArrayList<>();
        List<int[]> fds = new ArrayList<>();
        int[] events = {POLLIN, POLLOUT, POLLPRI};
        for (int k = 0; k < 3; k++) {
            List<Long> these = new ArrayList<>();
            long seq = a[o + k];
            if (!vm.typeHas(seq, "__iter__")) throw vm.error("TypeError", "arguments 1-3 must be sequences");
            int ev = events[k];
            vm.forEach(seq, v -> {
                fds.add(new int[] {fileDescriptor(vm, v), ev, 0});
                these.add(v);
            });
            objs.add(these);
        }
        ppoll(vm, fds, timeout);
        long[] lists = new long[3];
        int i = 0;
        for (int k = 0; k < 3; k++) {
            lists[k] = vm.heap.lists.alloc(0, false);
            for (long v : objs.get(k)) {
                int re = fds.get(i++)[2];
                if ((re & POLLNVAL) != 0) {
                    for (int j = 0; j <= k; j++) vm.heap.decref(lists[j]);
                    throw vm.osError(EBADF, Libc.strerror(EBADF), 0, 0);
                }
                int ready = k == 0 ? re & (POLLIN | POLLHUP | POLLERR) : k == 1 ? re & (POLLOUT | POLLERR) : re & POLLPRI;
                if (ready != 0) vm.heap.lists.append(lists[k], v);
            }
        }
        return Posix.tuple(vm, lists[0], lists[1], lists[2]);
    }

    private static final class State {
        PollType poll;
    }

    public static long create(VmApi vm) {
        State st = vm.moduleState("select", () -> {
            State s = new State();
            s.poll = vm.registerType(new PollType(vm));
            s.poll.install();
            return s;
        });
        long m = vm.newModule("select");
        long d = vm.moduleDict(m);
        vm.heap.dicts.setItem(d, "error", vm.exceptionType("OSError").address());
        for (int i = 0; i < CONSTANTS.length; i += 2) {
            long v = vm.newInt((Integer) CONSTANTS[i + 1]);
            vm.heap.dicts.setItem(d, (String) CONSTANTS[i], v);
            vm.heap.decref(v);
        }
        vm.def(m, "poll", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "poll", n, kw);
            return st.poll.create();
        });
        vm.def(m, "select", (s, a, o, n, kw) -> select(vm, a, o, n, kw));
        return m;
    }
}
