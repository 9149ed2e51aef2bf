package dev.refheap.lang.modules;

import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * {@code _socket}, what {@code socket} (and through it asyncio and unittest.mock) needs to import:
 * CPython 3.11's integer constants for Linux x86-64 (socket-constants.txt), {@code error} (OSError),
 * {@code herror} and {@code gaierror} (OSError subclasses of module {@code socket}), {@code timeout}
 * (TimeoutError), {@code has_ipv6}, the byte-order functions, inet_aton/inet_ntoa and the default
 * timeout; and the type {@code socket} with PySocketSockObject's layout (48 bytes, not GC-tracked:
 * {@code refcnt | type | sock_fd, sock_family (int) | sock_type, sock_proto (int) | errorhandler |
 * sock_timeout}), which {@code socket.socket} extends. refheap does no networking: creating a
 * socket, and every function that would reach the network or a descriptor, is refused by name.
 * Instances made without __init__ ({@code socket.__new__}) have fd -1 and no timeout, as sock_new
 * leaves them. State: the default timeout (seconds, -1 for None), per runtime.
 */
public final class SocketModule {
    private SocketModule() {}

    static final int FD = 16, FAMILY = 20, TYPE = 24, PROTO = 28, ERRORHANDLER = 32, TIMEOUT = 40;

    /** The module's state in one runtime: the socket type and the default timeout. */
    private static final class State {
        final SocketType type;
        final long herror, gaierror;
        double defaultTimeout = -1;

        State(SocketType type, long herror, long gaierror) {
            this.type = type;
            this.herror = herror;
            this.gaierror = gaierror;
        }
    }

    /** {@code _socket.socket}: a static type Python classes may extend (socket.socket adds __weakref__ and two slots). */
    static final class SocketType extends FieldsType {
        SocketType(VmApi vm) { super(vm, "_socket.socket", PyType.BASETYPE, 48, 0); }

        @Override
        public boolean allowsPythonSubclasses() { return true; }

        /** sock_new: no descriptor yet, no timeout. */
        @Override
        public void initSubtypeInstance(long o) {
            Native.putInt(o + FD, -1);
            Native.putLong(o + TIMEOUT, -1);
        }

        @Override
        public long newInstance(long[] a, int off, int n, long kwnames) {
            throw refused(vm, "socket");
        }

        @Override
        public String reprOf(long o) {
            return "<socket object, fd=" + Native.getInt(o + FD) + ", family=" + Native.getInt(o + FAMILY) + ", type="
                    + Native.getInt(o + TYPE) + ", proto=" + Native.getInt(o + PROTO) + ">";
        }
    }

    static dev.refheap.lang.vm.PyException refused(VmApi vm, String what) {
        return vm.error("NotImplementedError", "refheap does not support sockets yet (_socket." + what + ")");
    }

    /**
     * The methods of a socket that need a real descriptor: refused by name. sendmsg and recvmsg
     * are left out: socket.py imports {@code array} (not in refheap) when the type has them.
     */
    private static final String[] SOCKET_METHODS = {"_accept", "bind", "connect", "connect_ex", "getpeername", "getsockname",
            "getsockopt", "listen", "recv", "recv_into", "recvfrom", "recvfrom_into", "send", "sendall", "sendto", "setblocking", "setsockopt", "settimeout", "shutdown"};

    /** The module functions that would reach the network, the resolver or a descriptor: refused by name. */
    private static final String[] NETWORK_FUNCTIONS = {"close", "dup", "getaddrinfo", "gethostbyaddr", "gethostbyname",
            "gethostbyname_ex", "gethostname", "getnameinfo", "getprotobyname", "getservbyname", "getservbyport", "if_indextoname",
            "if_nameindex", "if_nametoindex", "inet_ntop", "inet_pton", "sethostname", "socketpair", "CMSG_LEN", "CMSG_SPACE"};

    private static State state(VmApi vm) {
        return vm.moduleState("_socket", () -> {
            SocketType t = vm.registerType(new SocketType(vm));
            Heap heap = vm.heap;
            t.defMethod("__init__", (s, a, o, n, kw) -> { throw refused(vm, "socket"); });
            t.defMethod("fileno", (s, a, o, n, kw) -> {
                Params.unpack(vm, "fileno", n, kw, 0, 0);
                return vm.newInt(Native.getInt(s + FD));
            });
            t.defMethod("detach", (s, a, o, n, kw) -> {
                Params.unpack(vm, "detach", n, kw, 0, 0);
                int fd = Native.getInt(s + FD);
                Native.putInt(s + FD, -1);
                return vm.newInt(fd);
            });
            t.defMethod("close", (s, a, o, n, kw) -> {
                Params.unpack(vm, "close", n, kw, 0, 0);
                if (Native.getInt(s + FD) != -1) throw refused(vm, "socket.close");
                return vm.incref(heap.None);
            });
            t.defMethod("gettimeout", (s, a, o, n, kw) -> {
                Params.unpack(vm, "gettimeout", n, kw, 0, 0);
                long ns = Native.getLong(s + TIMEOUT);
                return ns < 0 ? vm.incref(heap.None) : heap.floats.of(ns / 1e9);
            });
            t.defMethod("getblocking", (s, a, o, n, kw) -> {
                Params.unpack(vm, "getblocking", n, kw, 0, 0);
                return vm.incref(Native.getLong(s + TIMEOUT) != 0 ? heap.True : heap.False);
            });
            for (String m : SOCKET_METHODS) t.defMethod(m, (s, a, o, n, kw) -> { throw refused(vm, "socket." + m); });
            return new State(t, vm.newExceptionClass("socket", "herror", "OSError"), vm.newExceptionClass("socket", "gaierror", "OSError"));
        });
    }

    public static long create(VmApi vm) {
        State st = state(vm);
        Heap heap = vm.heap;
        long m = vm.newModule("_socket");
        long d = vm.moduleDict(m);
        heap.dicts.setItem(d, "socket", st.type.typeObject());
        heap.dicts.setItem(d, "SocketType", st.type.typeObject());
        heap.dicts.setItem(d, "error", vm.exceptionType("OSError").address());
        heap.dicts.setItem(d, "herror", st.herror);
        heap.dicts.setItem(d, "gaierror", st.gaierror);
        heap.dicts.setItem(d, "timeout", vm.exceptionType("TimeoutError").address());
        heap.dicts.setItem(d, "has_ipv6", heap.True);
        readConstants(vm, d);
        swap(vm, m, "htons", 16);
        swap(vm, m, "ntohs", 16);
        swap(vm, m, "htonl", 32);
        swap(vm, m, "ntohl", 32);
        vm.def(m, "getdefaulttimeout", (s, a, o, n, kw) -> {
            Params.unpack(vm, "getdefaulttimeout", n, kw, 0, 0);
            return st.defaultTimeout < 0 ? vm.incref(heap.None) : heap.floats.of(st.defaultTimeout);
        });
        vm.def(m, "setdefaulttimeout", (s, a, o, n, kw) -> {
            Params.unpack(vm, "setdefaulttimeout", n, kw, 1, 1);
            long v = a[o];
            double t;
            if (v == heap.None) t = -1;
            else {
                t = vm.isFloat(v) ? vm.asDouble(v) : vm.asIndex(v).doubleValue();
                if (t < 0 || Double.isNaN(t)) throw vm.error("ValueError", "Timeout value out of range");
            }
            st.defaultTimeout = t;
            return vm.incref(heap.None);
        });
        vm.def(m, "inet_aton", (s, a, o, n, kw) -> {
            Params.unpack(vm, "inet_aton", n, kw, 1, 1);
            if (!vm.isStr(a[o])) throw vm.error("TypeError", "inet_aton() argument 1 must be str, not " + vm.typeName(a[o]));
            byte[] b = inetAton(vm.strValue(a[o]));
            if (b == null) throw vm.error("OSError", "illegal IP address string passed to inet_aton");
            return heap.bytes.of(b);
        });
        vm.def(m, "inet_ntoa", (s, a, o, n, kw) -> {
            Params.unpack(vm, "inet_ntoa", n, kw, 1, 1);
            byte[] b = vm.bytesLike(a[o]);
            if (b == null) throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(a[o]) + "'");
            if (b.length != 4) throw vm.error("OSError", "packed IP wrong length for inet_ntoa");
            return vm.str((b[0] & 255) + "." + (b[1] & 255) + "." + (b[2] & 255) + "." + (b[3] & 255));
        });
        for (String f : NETWORK_FUNCTIONS) vm.def(m, f, (s, a, o, n, kw) -> { throw refused(vm, f); });
        return m;
    }

    /** The constants table: one "NAME VALUE" a line, comments with '#'. */
    private static void readConstants(VmApi vm, long d) {
        try (var in = SocketModule.class.getResourceAsStream("socket-constants.txt");
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int sp = line.indexOf(' ');
                long v = vm.newInt(Long.parseLong(line.substring(sp + 1).strip()));
                vm.heap.dicts.setItem(d, line.substring(0, sp), v);
                vm.heap.decref(v);
            }
        } catch (IOException | NullPointerException e) {
            throw vm.error("ImportError", "refheap's _socket constants table is missing: " + e);
        }
    }

    /** htons/ntohs (16 bits) and htonl/ntohl (32 bits): the byte order swapped, as on a little-endian host; 3.11's range errors. */
    private static void swap(VmApi vm, long m, String name, int bits) {
        vm.def(m, name, (s, a, o, n, kw) -> {
            Params.unpack(vm, name, n, kw, 1, 1);
            BigInteger x = vm.asIndex(a[o]);
            if (bits == 16) {
                if (x.signum() < 0) throw vm.error("OverflowError", name + ": can't convert negative Python int to C 16-bit unsigned integer");
                if (x.bitLength() > 16) throw vm.error("OverflowError", name + ": Python int too large to convert to C 16-bit unsigned integer");
                int v = x.intValue();
                return vm.newInt(((v & 0xff) << 8) | (v >>> 8));
            }
            if (x.signum() < 0) throw vm.error("OverflowError", "can't convert negative value to unsigned int");
            if (x.bitLength() > 32) throw vm.error("OverflowError", "int larger than 32 bits");
            return vm.newInt(Integer.toUnsignedLong(Integer.reverseBytes(x.intValue())));
        });
    }

    /** inet_aton's dotted forms: a, a.b, a.b.c, a.b.c.d, each part decimal, octal (0...) or hex (0x...); null if malformed. */
    static byte[] inetAton(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) return null;
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty()) return null;
            try {
                if (p.startsWith("0x") || p.startsWith("0X")) v[i] = p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16);
                else if (p.startsWith("0") && p.length() > 1) v[i] = Long.parseLong(p.substring(1), 8);
                else v[i] = Long.parseLong(p);
            } catch (NumberFormatException e) {
                return null;
            }
            if (v[i] < 0) return null;
        }
        long addr = 0;
        int last = parts.length - 1;
        for (int i = 0; i < last; i++) {
            if (v[i] > 255) return null;
            addr |= v[i] << (24 - 8 * i);
        }
        if (v[last] >= (1L << (8 * (4 - last)))) return null;
        addr |= v[last];
        return new byte[] {(byte) (addr >>> 24), (byte) (addr >>> 16), (byte) (addr >>> 8), (byte) addr};
    }
}
