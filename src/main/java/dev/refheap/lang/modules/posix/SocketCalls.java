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
import java.util.ArrayList;
import java.util.List;

/**
 * The C library's socket calls {@code _socket} makes (Linux x86-64), through java.lang.foreign
 * with errno captured as every posix call: socket, socketpair, bind, connect, listen, accept4,
 * send, recv, sendto, recvfrom, shutdown, getsockopt, setsockopt, getsockname, getpeername,
 * getaddrinfo, and the O_NONBLOCK flag. A socket address is passed as the bytes of its C struct
 * (sockaddr_un, sockaddr_in, sockaddr_in6: the module builds and reads them). Calls that may wait
 * (connect, accept4, send, recv and the like) run without the interpreter lock and are retried on
 * EINTR after the signal handlers ran; every call returns the C result, -1 on failure with
 * {@link #errno} set.
 */
public final class SocketCalls {
    private SocketCalls() {}

    public static final int EINTR = 4, EAGAIN = 11, EINPROGRESS = 115, SOCK_NONBLOCK = 04000, SOCK_CLOEXEC = 02000000;
    /** The largest socket address (sockaddr_storage). */
    private static final int ADDR_MAX = 128;

    /** errno of this thread's last failed call. */
    public static int errno() { return Libc.errno(); }

    /** OSError (or the subclass errno maps to) for this thread's last failed call. */
    public static PyException error(VmApi vm) { return Posix.error(vm, 0, 0); }

    public static int socket(int family, int type, int proto) {
        return (int) Libc.call("socket", FunctionDescriptor.of(INT, INT, INT, INT), family, type, proto);
    }

    /** socketpair(2): the two descriptors, or null (errno set). */
    public static int[] socketpair(int family, int type, int proto) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sv = arena.allocate(8, 4);
            long r = Libc.call("socketpair", FunctionDescriptor.of(INT, INT, INT, INT, PTR), family, type, proto, sv);
            return r < 0 ? null : new int[] {sv.get(INT, 0), sv.get(INT, 4)};
        }
    }

    /** strerror(3). */
    public static String strerror(int errno) { return Libc.strerror(errno); }

    /** fcntl(F_DUPFD_CLOEXEC): the new descriptor, or -1 (errno set). */
    public static long dupCloexec(int fd) { return Libc.call("fcntl", FunctionDescriptor.of(INT, INT, INT, INT), fd, 1030, 0); }

    /** gethostname(2): the name's bytes, or null (errno set). */
    public static byte[] gethostname() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(1025);
            if (Libc.call("gethostname", FunctionDescriptor.of(INT, PTR, LONG), buf, 1024L) < 0) return null;
            return buf.getString(0, java.nio.charset.StandardCharsets.ISO_8859_1).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    public static int close(int fd) { return (int) Libc.call("close", Libc.I_I, fd); }

    public static int shutdown(int fd, int how) { return (int) Libc.call("shutdown", FunctionDescriptor.of(INT, INT, INT), fd, how); }

    public static int listen(int fd, int backlog) { return (int) Libc.call("listen", FunctionDescriptor.of(INT, INT, INT), fd, backlog); }

    /** O_NONBLOCK set (blocking false) or cleared through fcntl: 0, or -1 (errno set). */
    public static int setBlocking(int fd, boolean blocking) {
        long flags = Libc.call("fcntl", FunctionDescriptor.of(INT, INT, INT, INT), fd, 3, 0);  // F_GETFL
        if (flags < 0) return -1;
        long want = blocking ? flags & ~04000 : flags | 04000;
        if (want == flags) return 0;
        return (int) Libc.call("fcntl", FunctionDescriptor.of(INT, INT, INT, INT), fd, 4, (int) want);  // F_SETFL
    }

    /** bind(2) to the address whose C struct is {@code addr}. */
    public static int bind(int fd, byte[] addr) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) Libc.call("bind", FunctionDescriptor.of(INT, INT, PTR, INT), fd, bytes(arena, addr), addr.length);
        }
    }

    /** connect(2), without the interpreter lock: 0, or -1 (errno set; EINTR is the caller's). */
    public static int connect(VmApi vm, int fd, byte[] addr) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = bytes(arena, addr);
            Object released = vm.allowThreads();
            try {
                return (int) Libc.call("connect", FunctionDescriptor.of(INT, INT, PTR, INT), fd, a, addr.length);
            } finally {
                vm.endAllowThreads(released);
            }
        }
    }

    /** A received datagram or stream chunk, and the sender's address (null when none was asked for). */
    public record Received(byte[] data, byte[] addr) {}

    /** recv(2)/recvfrom(2) of at most {@code n} bytes, once, without the interpreter lock; null on failure (errno set). */
    public static Received recv(VmApi vm, int fd, long n, int flags, boolean from) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, n));
            MemorySegment addr = from ? arena.allocate(ADDR_MAX, 8) : MemorySegment.NULL;
            MemorySegment len = from ? arena.allocate(4, 4) : MemorySegment.NULL;
            if (from) len.set(INT, 0, ADDR_MAX);
            Object released = vm.allowThreads();
            long r;
            try {
                r = Libc.call("recvfrom", FunctionDescriptor.of(LONG, INT, PTR, LONG, INT, PTR, PTR), fd, buf, n, flags, addr, len);
            } finally {
                vm.endAllowThreads(released);
            }
            if (r < 0) return null;
            byte[] a = from ? addr.asSlice(0, Math.min(ADDR_MAX, len.get(INT, 0))).toArray(ValueLayout.JAVA_BYTE) : null;
            return new Received(buf.asSlice(0, r).toArray(ValueLayout.JAVA_BYTE), a);
        }
    }

    /** send(2)/sendto(2) of data[off, off+len) once, without the interpreter lock: the count sent, or -1 (errno set). */
    public static long send(VmApi vm, int fd, byte[] data, int off, int len, int flags, byte[] to) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, len));
            MemorySegment.copy(data, off, buf, ValueLayout.JAVA_BYTE, 0, len);
            MemorySegment a = to == null ? MemorySegment.NULL : bytes(arena, to);
            Object released = vm.allowThreads();
            try {
                return Libc.call("sendto", FunctionDescriptor.of(LONG, INT, PTR, LONG, INT, PTR, INT), fd, buf, (long) len, flags, a,
                        to == null ? 0 : to.length);
            } finally {
                vm.endAllowThreads(released);
            }
        }
    }

    /** accept4(2) with SOCK_CLOEXEC, once, without the interpreter lock: {fd} and the peer's address, or null (errno set). */
    public static Received accept(VmApi vm, int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment addr = arena.allocate(ADDR_MAX, 8), len = arena.allocate(4, 4);
            len.set(INT, 0, ADDR_MAX);
            Object released = vm.allowThreads();
            long r;
            try {
                r = Libc.call("accept4", FunctionDescriptor.of(INT, INT, PTR, PTR, INT), fd, addr, len, SOCK_CLOEXEC);
            } finally {
                vm.endAllowThreads(released);
            }
            if (r < 0) return null;
            int n = (int) r;
            return new Received(new byte[] {(byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)},
                    addr.asSlice(0, Math.min(ADDR_MAX, len.get(INT, 0))).toArray(ValueLayout.JAVA_BYTE));
        }
    }

    /** getsockname(2) (peer false) or getpeername(2): the address's C struct, or null (errno set). */
    public static byte[] name(int fd, boolean peer) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment addr = arena.allocate(ADDR_MAX, 8), len = arena.allocate(4, 4);
            len.set(INT, 0, ADDR_MAX);
            long r = Libc.call(peer ? "getpeername" : "getsockname", FunctionDescriptor.of(INT, INT, PTR, PTR), fd, addr, len);
            return r < 0 ? null : addr.asSlice(0, Math.min(ADDR_MAX, len.get(INT, 0))).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /** getsockopt(2) of up to {@code buflen} bytes: the value's bytes, or null (errno set). */
    public static byte[] getsockopt(int fd, int level, int name, int buflen) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, buflen), 8), len = arena.allocate(4, 4);
            len.set(INT, 0, buflen);
            long r = Libc.call("getsockopt", FunctionDescriptor.of(INT, INT, INT, INT, PTR, PTR), fd, level, name, buf, len);
            return r < 0 ? null : buf.asSlice(0, Math.min(buflen, len.get(INT, 0))).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /** setsockopt(2) with the value's bytes ({@code value} null: a NULL pointer of length {@code nullLen}). */
    public static int setsockopt(int fd, int level, int name, byte[] value, int nullLen) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = value == null ? MemorySegment.NULL : bytes(arena, value);
            return (int) Libc.call("setsockopt", FunctionDescriptor.of(INT, INT, INT, INT, PTR, INT), fd, level, name, v,
                    value == null ? nullLen : value.length);
        }
    }

    /**
     * Waits up to {@code timeoutNanos} (< 0: no limit) for {@code fd} to be readable (writing
     * false) or writable, without the interpreter lock, EINTR retried with the time left: true
     * when it is ready (or has an error or hang-up for the call to report), false on timeout.
     */
    public static boolean await(VmApi vm, int fd, boolean writing, long timeoutNanos) {
        List<int[]> fds = new ArrayList<>(1);
        fds.add(new int[] {fd, writing ? 4 : 1, 0});
        return SelectModule.ppoll(vm, fds, timeoutNanos) > 0;
    }

    /** One address getaddrinfo found: its family, type, protocol, canonical name (null: none) and C struct. */
    public record AddrInfo(int family, int socktype, int protocol, byte[] canonname, byte[] addr) {}

    /** What getaddrinfo gave: the addresses in its order, or its EAI_ code (negative) and gai_strerror's message. */
    public record Resolved(List<AddrInfo> found, int error, String message) {
        /** The first address's C struct. */
        public byte[] addr() { return found.isEmpty() ? null : found.get(0).addr(); }
    }

    /**
     * getaddrinfo(3) of {@code host} and {@code service} (either null) with the hints given,
     * without the interpreter lock (a lookup may wait on the network).
     */
    public static Resolved getaddrinfo(VmApi vm, byte[] host, byte[] service, int family, int socktype, int protocol, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            // struct addrinfo (x86-64): ai_flags 0, ai_family 4, ai_socktype 8, ai_protocol 12, ai_addrlen 16, ai_addr 24, ai_canonname 32, ai_next 40
            MemorySegment hints = arena.allocate(48, 8), res = arena.allocate(8, 8);
            hints.set(INT, 0, flags);
            hints.set(INT, 4, family);
            hints.set(INT, 8, socktype);
            hints.set(INT, 12, protocol);
            MemorySegment h = host == null ? MemorySegment.NULL : Libc.cString(arena, host);
            MemorySegment sv = service == null ? MemorySegment.NULL : Libc.cString(arena, service);
            Object released = vm.allowThreads();
            long r;
            try {
                r = Libc.call("getaddrinfo", FunctionDescriptor.of(INT, PTR, PTR, PTR, PTR), h, sv, hints, res);
            } finally {
                vm.endAllowThreads(released);
            }
            if (r != 0) {
                long m = Libc.call("gai_strerror", FunctionDescriptor.of(PTR, INT), (int) r);
                return new Resolved(List.of(), (int) r, MemorySegment.ofAddress(m).reinterpret(4096).getString(0));
            }
            List<AddrInfo> found = new ArrayList<>();
            MemorySegment head = res.get(ValueLayout.ADDRESS, 0);
            for (MemorySegment p = head; !p.equals(MemorySegment.NULL); ) {
                MemorySegment ai = p.reinterpret(48);
                int len = ai.get(INT, 16);
                MemorySegment canon = ai.get(ValueLayout.ADDRESS, 32);
                byte[] cname = canon.equals(MemorySegment.NULL) ? null
                        : canon.reinterpret(1025).getString(0, java.nio.charset.StandardCharsets.ISO_8859_1).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                found.add(new AddrInfo(ai.get(INT, 4), ai.get(INT, 8), ai.get(INT, 12), cname,
                        ai.get(ValueLayout.ADDRESS, 24).reinterpret(len).toArray(ValueLayout.JAVA_BYTE)));
                p = ai.get(ValueLayout.ADDRESS, 40);
            }
            Libc.call("freeaddrinfo", FunctionDescriptor.ofVoid(PTR), head);
            return new Resolved(found, 0, null);
        }
    }

    /** inet_pton(3): the 4 or 16 bytes of a numeric address, or null when {@code text} is not one. */
    public static byte[] inetPton(int family, byte[] text) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment dst = arena.allocate(16, 8);
            long r = Libc.call("inet_pton", FunctionDescriptor.of(INT, INT, PTR, PTR), family, Libc.cString(arena, text), dst);
            return r == 1 ? dst.asSlice(0, family == 10 ? 16 : 4).toArray(ValueLayout.JAVA_BYTE) : null;
        }
    }

    /** inet_ntop(3) of 4 or 16 address bytes. */
    public static String inetNtop(int family, byte[] addr) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment dst = arena.allocate(64);
            long r = Libc.call("inet_ntop", FunctionDescriptor.of(PTR, INT, PTR, PTR, INT), family, bytes(arena, addr), dst, 64);
            return r == 0 ? null : dst.getString(0);
        }
    }

    private static MemorySegment bytes(Arena arena, byte[] b) {
        MemorySegment s = arena.allocate(Math.max(1, b.length), 8);
        MemorySegment.copy(b, 0, s, ValueLayout.JAVA_BYTE, 0, b.length);
        return s;
    }
}
