package dev.refheap.lang.modules;

import static dev.refheap.lang.modules.SocketModule.AF_INET;
import static dev.refheap.lang.modules.SocketModule.AF_INET6;
import static dev.refheap.lang.modules.SocketModule.AF_UNIX;
import static dev.refheap.lang.modules.SocketModule.FAMILY;
import static dev.refheap.lang.modules.SocketModule.FD;
import static dev.refheap.lang.modules.SocketModule.PROTO;
import static dev.refheap.lang.modules.SocketModule.SOL_SOCKET;
import static dev.refheap.lang.modules.SocketModule.TIMEOUT;
import static dev.refheap.lang.modules.SocketModule.TYPE;
import static dev.refheap.lang.modules.SocketModule.fd;

import dev.refheap.lang.modules.posix.SocketCalls;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.TupleType;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * The methods of {@code _socket.socket} (sock_methods): each call on the descriptor goes through
 * {@link #call}, CPython's sock_call_ex: with a timeout it waits for the descriptor with poll
 * until the deadline (TimeoutError "timed out"), retries on EINTR after the signal handlers ran
 * and on a false EAGAIN; a non-blocking socket's EAGAIN is BlockingIOError; a blocking call runs
 * without the interpreter lock. Addresses are converted as getsockaddrarg and makesockaddr do.
 */
final class SocketMethods {
    private SocketMethods() {}

    private static final int EAGAIN = 11, EINPROGRESS = 115;

    static void install(VmApi vm, SocketModule.SocketType t) {
        Heap heap = vm.heap;
        t.defMethod("__init__", (s, a, o, n, kw) -> {
            SocketModule.init(vm, t.st, s, a, o, n, kw);
            return vm.incref(heap.None);
        });
        t.defMethod("fileno", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "fileno", n, kw);
            return vm.newInt(fd(s));
        });
        t.defMethod("detach", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "detach", n, kw);
            int fd = fd(s);
            Native.putInt(s + FD, -1);
            return vm.newInt(fd);
        });
        t.defMethod("close", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "close", n, kw);
            int fd = fd(s);
            if (fd != -1) {
                Native.putInt(s + FD, -1);
                // ECONNRESET: the peer already closed, which close() does not report (bpo-30319)
                if (SocketCalls.close(fd) < 0 && SocketCalls.errno() != 104) throw SocketCalls.error(vm);
            }
            return vm.incref(heap.None);
        });
        t.defMethod("gettimeout", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "gettimeout", n, kw);
            long ns = Native.getLong(s + TIMEOUT);
            return ns < 0 ? vm.incref(heap.None) : heap.floats.of(ns / 1e9);
        });
        t.defMethod("getblocking", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "getblocking", n, kw);
            return vm.incref(Native.getLong(s + TIMEOUT) != 0 ? heap.True : heap.False);
        });
        t.defMethod("setblocking", (s, a, o, n, kw) -> {
            Params.unpack(vm, "setblocking", n, kw, 1, 1);
            boolean block = Params.cLong(vm, a[o]) != 0;
            Native.putLong(s + TIMEOUT, block ? -1 : 0);
            setBlocking(vm, s, block);
            return vm.incref(heap.None);
        });
        t.defMethod("settimeout", (s, a, o, n, kw) -> {
            Params.unpack(vm, "settimeout", n, kw, 1, 1);
            long ns = SocketModule.parseTimeout(vm, a[o]);
            Native.putLong(s + TIMEOUT, ns);
            setBlocking(vm, s, ns < 0);
            return vm.incref(heap.None);
        });
        t.defMethod("send", (s, a, o, n, kw) -> {
            Params.unpack(vm, "send", n, kw, 1, 2);
            byte[] data = bytesArg(vm, a[o]);
            int flags = n > 1 ? Params.cInt(vm, a[o + 1]) : 0;
            return vm.newInt(call(vm, s, true, deadline(s), () -> SocketCalls.send(vm, fd(s), data, 0, data.length, flags, null)));
        });
        t.defMethod("sendall", (s, a, o, n, kw) -> {
            Params.unpack(vm, "sendall", n, kw, 1, 2);
            byte[] data = bytesArg(vm, a[o]);
            int flags = n > 1 ? Params.cInt(vm, a[o + 1]) : 0;
            long deadline = deadline(s);
            int done = 0;
            do {
                if (Native.getLong(s + TIMEOUT) > 0 && deadline - System.nanoTime() <= 0) throw vm.error("TimeoutError", "timed out");
                int from = done;
                done += (int) call(vm, s, true, deadline, () -> SocketCalls.send(vm, fd(s), data, from, data.length - from, flags, null));
                vm.checkInterrupt();  // a partial send may be a signal's doing: its handler runs before the next
            } while (done < data.length);
            return vm.incref(heap.None);
        });
        t.defMethod("sendto", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "sendto", kw);
            if (n != 2 && n != 3) throw vm.error("TypeError", "sendto() takes 2 or 3 arguments (" + n + " given)");
            byte[] data = bytesArg(vm, a[o]);
            int flags = n == 3 ? Params.cInt(vm, a[o + 1]) : 0;
            byte[] to = sockaddr(vm, t.st, s, a[o + n - 1], "sendto");
            return vm.newInt(call(vm, s, true, deadline(s), () -> SocketCalls.send(vm, fd(s), data, 0, data.length, flags, to)));
        });
        t.defMethod("recv", (s, a, o, n, kw) -> {
            Params.unpack(vm, "recv", n, kw, 1, 2);
            long size = Params.ssize(vm, a[o]);
            int flags = n > 1 ? Params.cInt(vm, a[o + 1]) : 0;
            if (size < 0) throw vm.error("ValueError", "negative buffersize in recv");
            return heap.bytes.of(receive(vm, s, size, flags, false).data());
        });
        t.defMethod("recvfrom", (s, a, o, n, kw) -> {
            Params.unpack(vm, "recvfrom", n, kw, 1, 2);
            long size = Params.ssize(vm, a[o]);
            int flags = n > 1 ? Params.cInt(vm, a[o + 1]) : 0;
            if (size < 0) throw vm.error("ValueError", "negative buffersize in recvfrom");
            SocketCalls.Received r = receive(vm, s, size, flags, true);
            return pair(vm, heap.bytes.of(r.data()), addrObject(vm, r.addr()));
        });
        t.defMethod("recv_into", (s, a, o, n, kw) -> receiveInto(vm, s, a, o, n, kw, false));
        t.defMethod("recvfrom_into", (s, a, o, n, kw) -> receiveInto(vm, s, a, o, n, kw, true));
        t.defMethod("shutdown", (s, a, o, n, kw) -> {
            Params.unpack(vm, "shutdown", n, kw, 1, 1);
            int how = Params.clinicInt(vm, a[o]);
            if (SocketCalls.shutdown(fd(s), how) < 0) throw SocketCalls.error(vm);
            return vm.incref(heap.None);
        });
        t.defMethod("listen", (s, a, o, n, kw) -> {
            Params.unpack(vm, "listen", n, kw, 0, 1);
            int backlog = n > 0 ? Params.cInt(vm, a[o]) : 128;  // min(SOMAXCONN, 128)
            if (SocketCalls.listen(fd(s), Math.max(0, backlog)) < 0) throw SocketCalls.error(vm);
            return vm.incref(heap.None);
        });
        t.defMethod("_accept", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "_accept", n, kw);
            SocketCalls.Received[] got = {null};
            call(vm, s, false, deadline(s), () -> {
                got[0] = SocketCalls.accept(vm, fd(s));
                return got[0] == null ? -1 : 0;
            });
            long fd = vm.newInt(SocketModule.littleInt(got[0].data(), 0));
            return pair(vm, fd, addrObject(vm, got[0].addr()));
        });
        t.defMethod("bind", (s, a, o, n, kw) -> {
            Params.unpack(vm, "bind", n, kw, 1, 1);
            byte[] addr = sockaddr(vm, t.st, s, a[o], "bind");
            if (SocketCalls.bind(fd(s), addr) < 0) throw SocketCalls.error(vm);
            return vm.incref(heap.None);
        });
        t.defMethod("connect", (s, a, o, n, kw) -> {
            Params.unpack(vm, "connect", n, kw, 1, 1);
            int err = connect(vm, s, sockaddr(vm, t.st, s, a[o], "connect"), true);
            if (err != 0) throw vm.osError(err, SocketCalls.strerror(err), 0, 0);
            return vm.incref(heap.None);
        });
        t.defMethod("connect_ex", (s, a, o, n, kw) -> {
            Params.unpack(vm, "connect_ex", n, kw, 1, 1);
            return vm.newInt(connect(vm, s, sockaddr(vm, t.st, s, a[o], "connect_ex"), false));
        });
        t.defMethod("getsockname", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "getsockname", n, kw);
            byte[] addr = SocketCalls.name(fd(s), false);
            if (addr == null) throw SocketCalls.error(vm);
            return addrObject(vm, addr);
        });
        t.defMethod("getpeername", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "getpeername", n, kw);
            byte[] addr = SocketCalls.name(fd(s), true);
            if (addr == null) throw SocketCalls.error(vm);
            return addrObject(vm, addr);
        });
        t.defMethod("getsockopt", (s, a, o, n, kw) -> {
            Params.unpack(vm, "getsockopt", n, kw, 2, 3);
            int level = Params.cInt(vm, a[o]), name = Params.cInt(vm, a[o + 1]), buflen = n > 2 ? Params.cInt(vm, a[o + 2]) : 0;
            if (buflen == 0) {
                byte[] b = SocketCalls.getsockopt(fd(s), level, name, 4);
                if (b == null) throw SocketCalls.error(vm);
                return vm.newInt(b.length < 4 ? 0 : SocketModule.littleInt(b, 0));
            }
            if (buflen < 0 || buflen > 1024) throw vm.error("OSError", "getsockopt buflen out of range");
            byte[] b = SocketCalls.getsockopt(fd(s), level, name, buflen);
            if (b == null) throw SocketCalls.error(vm);
            return heap.bytes.of(b);
        });
        t.defMethod("setsockopt", (s, a, o, n, kw) -> {
            Params.unpack(vm, "setsockopt", n, kw, 3, 4);
            int level = Params.cInt(vm, a[o]), name = Params.cInt(vm, a[o + 1]);
            int r;
            if (n == 3 && vm.isInt(a[o + 2])) {
                int flag = Params.cInt(vm, a[o + 2]);
                r = SocketCalls.setsockopt(fd(s), level, name, new byte[] {(byte) flag, (byte) (flag >> 8), (byte) (flag >> 16), (byte) (flag >> 24)}, 0);
            } else if (n == 4 && a[o + 2] == heap.None) {
                long len = Params.cLong(vm, a[o + 3]);
                if (len < 0 || len > 0xffffffffL) throw vm.error("OverflowError", "Python int too large to convert to C unsigned long");
                r = SocketCalls.setsockopt(fd(s), level, name, null, (int) len);
            } else {
                if (n == 4) throw vm.error("TypeError", "setsockopt() takes exactly 3 arguments (4 given)");
                r = SocketCalls.setsockopt(fd(s), level, name, bytesArg(vm, a[o + 2]), 0);
            }
            if (r < 0) throw SocketCalls.error(vm);
            return vm.incref(heap.None);
        });
    }

    /** internal_setblocking: O_NONBLOCK cleared (blocking) or set. */
    private static void setBlocking(VmApi vm, long s, boolean block) {
        if (fd(s) != -1 && SocketCalls.setBlocking(fd(s), block) < 0) throw SocketCalls.error(vm);
    }

    /** The deadline of a call that starts now (System.nanoTime), when the socket has a timeout. */
    private static long deadline(long s) {
        long t = Native.getLong(s + TIMEOUT);
        return t > 0 ? System.nanoTime() + t : 0;
    }

    /** A "y*" argument: the bytes of a bytes-like object. */
    private static byte[] bytesArg(VmApi vm, long o) {
        byte[] b = vm.bytesLike(o);
        if (b == null) throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(o) + "'");
        return b;
    }

    /**
     * sock_call_ex: {@code op} (-1 with errno on failure, else its result) with the socket's
     * timeout: poll for readiness until {@code deadline} first, TimeoutError past it; EINTR
     * retried after the signal handlers; a false EAGAIN with a timeout polled again.
     */
    static long call(VmApi vm, long s, boolean writing, long deadline, LongSupplier op) {
        while (true) {
            long timeout = Native.getLong(s + TIMEOUT);
            if (timeout > 0 && fd(s) != -1) {
                long left = deadline - System.nanoTime();
                if (left < 0 || !SocketCalls.await(vm, fd(s), writing, left)) throw vm.error("TimeoutError", "timed out");
            }
            long r;
            while ((r = op.getAsLong()) < 0 && SocketCalls.errno() == SocketCalls.EINTR) vm.checkInterrupt();
            if (r >= 0) return r;
            if (timeout > 0 && SocketCalls.errno() == EAGAIN) continue;
            throw SocketCalls.error(vm);
        }
    }

    private static SocketCalls.Received receive(VmApi vm, long s, long size, int flags, boolean from) {
        SocketCalls.Received[] got = {null};
        call(vm, s, false, deadline(s), () -> {
            got[0] = SocketCalls.recv(vm, fd(s), size, flags, from);
            return got[0] == null ? -1 : 0;
        });
        return got[0];
    }

    /** recv_into(buffer, nbytes=0, flags=0) and recvfrom_into: the count (and the sender's address). */
    private static long receiveInto(VmApi vm, long s, long[] a, int o, int n, long kw, boolean from) {
        String fname = from ? "recvfrom_into" : "recv_into";
        long[] p = Params.parse(vm, fname, new String[] {"buffer", "nbytes", "flags"}, 1, 3, 0, a, o, n, kw);
        byte[] cur = vm.bytesLike(p[0]);
        if (cur == null || Heap.isBytes(p[0])) {
            throw vm.error("TypeError", fname + "() argument 1 must be read-write bytes-like object, not " + vm.argTypeName(p[0]));
        }
        long size = p[1] == 0 ? 0 : Params.ssize(vm, p[1]);
        int flags = p[2] == 0 ? 0 : Params.cInt(vm, p[2]);
        if (size < 0) throw vm.error("ValueError", "negative buffersize in " + fname);
        if (size == 0) size = cur.length;
        else if (size > cur.length) throw vm.error("ValueError", from ? "nbytes is greater than the length of the buffer" : "buffer too small for requested bytes");
        SocketCalls.Received r = receive(vm, s, size, flags, from);
        vm.writeBuffer(p[0], 0, r.data());
        long count = vm.newInt(r.data().length);
        return from ? pair(vm, count, addrObject(vm, r.addr())) : count;
    }

    /**
     * internal_connect: 0 or the errno of the failure. An interrupted or, with a timeout, an
     * in-progress connection is waited for (writable) and its result read from SO_ERROR; past the
     * timeout, TimeoutError is raised ({@code raise}) or ETIMEDOUT's errno returned (connect_ex).
     */
    private static int connect(VmApi vm, long s, byte[] addr, boolean raise) {
        int r = SocketCalls.connect(vm, fd(s), addr);
        if (r == 0) return 0;
        int err = SocketCalls.errno();
        long timeout = Native.getLong(s + TIMEOUT);
        boolean wait = err == SocketCalls.EINTR ? timeout != 0 : err == EINPROGRESS && timeout > 0;
        if (err == SocketCalls.EINTR) vm.checkInterrupt();
        if (!wait) return err == SocketCalls.EINTR && timeout == 0 ? EINPROGRESS : err;
        long deadline = timeout > 0 ? System.nanoTime() + timeout : 0;
        if (!SocketCalls.await(vm, fd(s), true, timeout > 0 ? Math.max(0, deadline - System.nanoTime()) : -1)) {
            if (raise) throw vm.error("TimeoutError", "timed out");
            return 110;  // ETIMEDOUT
        }
        byte[] so = SocketCalls.getsockopt(fd(s), SOL_SOCKET, 4, 4);  // SO_ERROR
        if (so == null) return SocketCalls.errno();
        return SocketModule.littleInt(so, 0);
    }

    private static long pair(VmApi vm, long first, long second) {
        long t = vm.heap.tuples.alloc(2);
        TupleType.setItemSteal(t, 0, first);
        TupleType.setItemSteal(t, 1, second);
        return t;
    }

    // ---- addresses (getsockaddrarg, makesockaddr) ------------------------------------------------

    /** The C struct of address {@code o} for the socket's family, with CPython's errors naming {@code caller}. */
    static byte[] sockaddr(VmApi vm, SocketModule.State st, long s, long o, String caller) {
        int family = Native.getInt(s + FAMILY);
        switch (family) {
            case AF_UNIX -> {
                byte[] path;
                if (vm.isStr(o)) {
                    long b = vm.fsEncode(o);
                    path = vm.bytesLike(b);
                    vm.heap.decref(b);
                } else {
                    path = vm.bytesLike(o);
                    if (path == null) throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(o) + "'");
                }
                boolean abstractName = path.length > 0 && path[0] == 0;
                if (abstractName ? path.length > 108 : path.length >= 108) throw vm.error("OSError", "AF_UNIX path too long");
                byte[] addr = new byte[2 + path.length + (abstractName ? 0 : 1)];
                addr[0] = AF_UNIX;
                System.arraycopy(path, 0, addr, 2, path.length);
                return java.util.Arrays.copyOf(addr, 2 + path.length);
            }
            case AF_INET, AF_INET6 -> {
                String fam = family == AF_INET ? "AF_INET" : "AF_INET6";
                if (!vm.isInstanceOf(o, vm.heap.tuples)) throw vm.error("TypeError", caller + "(): " + fam + " address must be tuple, not " + vm.typeName(o));
                long n = TupleType.size(o);
                if (family == AF_INET ? n != 2 : n < 2 || n > 4) {
                    throw vm.error("TypeError", family == AF_INET ? "AF_INET address must be a pair (host, port)"
                            : "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
                }
                byte[] host = hostArg(vm, TupleType.item(o, 0));
                int port = Params.cInt(vm, TupleType.item(o, 1));
                long flowinfo = n > 2 ? Params.cLong(vm, TupleType.item(o, 2)) : 0;
                long scope = n > 3 ? Params.cLong(vm, TupleType.item(o, 3)) : 0;
                if (port < 0 || port > 0xffff) throw vm.error("OverflowError", caller + "(): port must be 0-65535.");
                if (flowinfo < 0 || flowinfo > 0xfffff) throw vm.error("OverflowError", caller + "(): flowinfo must be 0-1048575.");
                byte[] ip = ipAddress(vm, st, host, family);
                byte[] addr = new byte[family == AF_INET ? 16 : 28];
                addr[0] = (byte) family;
                addr[2] = (byte) (port >> 8);
                addr[3] = (byte) port;
                if (family == AF_INET) System.arraycopy(ip, 0, addr, 4, 4);
                else {
                    for (int i = 0; i < 4; i++) addr[4 + i] = (byte) (flowinfo >> (24 - 8 * i));
                    System.arraycopy(ip, 0, addr, 8, 16);
                    for (int i = 0; i < 4; i++) addr[24 + i] = (byte) (scope >> (8 * i));
                }
                return addr;
            }
            default -> throw vm.error("NotImplementedError", "refheap does not support addresses of socket family " + family + " yet");
        }
    }

    /** idna_converter for an ASCII host: str, bytes or bytearray. */
    private static byte[] hostArg(VmApi vm, long o) {
        if (vm.isStr(o)) return asciiHost(vm, o);
        if (Heap.isBytes(o) || vm.isInstanceOf(o, vm.byteArrayType())) return vm.bytesLike(o);
        throw vm.error("TypeError", "str, bytes or bytearray expected, not " + vm.typeName(o));
    }

    /** A host name given as str: ASCII as the idna codec leaves it; other names are refused by name. */
    static byte[] asciiHost(VmApi vm, long o) {
        String h = vm.strValue(o);
        for (int i = 0; i < h.length(); i++) {
            if (h.charAt(i) >= 128) throw SocketModule.refused(vm, "non-ASCII host names (the idna codec)");
        }
        return h.getBytes(StandardCharsets.US_ASCII);
    }

    /** setipaddr: '' is the wildcard address, '<broadcast>' 255.255.255.255, a numeric address itself, else getaddrinfo's first. */
    private static byte[] ipAddress(VmApi vm, SocketModule.State st, byte[] host, int family) {
        int len = family == AF_INET ? 4 : 16;
        if (host.length == 0) return new byte[len];
        if ("<broadcast>".equals(new String(host, StandardCharsets.US_ASCII))) {
            if (family != AF_INET) throw vm.error("OSError", "address family mismatched");
            return new byte[] {-1, -1, -1, -1};
        }
        byte[] ip = SocketCalls.inetPton(family, host);
        if (ip != null) return ip;
        SocketCalls.Resolved r = SocketCalls.getaddrinfo(vm, host, null, family, 0, 0, 0);
        if (r.error() != 0) throw SocketModule.gaierror(vm, st, r);
        byte[] out = new byte[len];
        System.arraycopy(r.addr(), family == AF_INET ? 4 : 8, out, 0, len);
        return out;
    }

    /** makesockaddr: the Python form of a C socket address (None when empty). */
    static long addrObject(VmApi vm, byte[] addr) {
        if (addr == null || addr.length == 0) return vm.incref(vm.heap.None);
        int family = (addr[0] & 255) | (addr[1] & 255) << 8;
        switch (family) {
            case AF_UNIX -> {
                int len = addr.length - 2;
                if (len > 0 && addr[2] == 0) return vm.heap.bytes.of(java.util.Arrays.copyOfRange(addr, 2, addr.length));  // the abstract namespace
                int end = 2;
                while (end < addr.length && addr[end] != 0) end++;
                return vm.fsDecode(java.util.Arrays.copyOfRange(addr, 2, end));
            }
            case AF_INET -> {
                long host = vm.str((addr[4] & 255) + "." + (addr[5] & 255) + "." + (addr[6] & 255) + "." + (addr[7] & 255));
                return pair(vm, host, vm.newInt((addr[2] & 255) << 8 | (addr[3] & 255)));
            }
            case AF_INET6 -> {
                long t = vm.heap.tuples.alloc(4);
                TupleType.setItemSteal(t, 0, vm.str(SocketCalls.inetNtop(AF_INET6, java.util.Arrays.copyOfRange(addr, 8, 24))));
                TupleType.setItemSteal(t, 1, vm.newInt((addr[2] & 255) << 8 | (addr[3] & 255)));
                long flow = 0;
                for (int i = 0; i < 4; i++) flow = flow << 8 | (addr[4 + i] & 255);
                TupleType.setItemSteal(t, 2, vm.newInt(flow));
                TupleType.setItemSteal(t, 3, vm.newInt(Integer.toUnsignedLong(SocketModule.littleInt(addr, 24))));
                return t;
            }
            default -> {
                byte[] data = java.util.Arrays.copyOfRange(addr, 2, 16);
                return pair(vm, vm.newInt(family), vm.heap.bytes.of(data));
            }
        }
    }
}
