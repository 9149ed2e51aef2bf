package dev.refheap.lang.modules;

import dev.refheap.lang.modules.posix.SocketCalls;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * {@code _socket} as Linux's CPython 3.11 has it for socket, selectors, asyncio and
 * unittest.mock: CPython's integer constants for Linux x86-64 (socket-constants.txt), {@code error}
 * (OSError), {@code herror} and {@code gaierror} (OSError subclasses of module {@code socket}),
 * {@code timeout} (TimeoutError), the byte-order and address functions, the default timeout,
 * {@code socketpair}, {@code dup}, {@code close}, {@code gethostname}; and the type {@code socket}
 * over real descriptors (the C library's calls through java.lang.foreign: {@link SocketCalls}),
 * which {@code socket.socket} extends. Addresses: AF_UNIX (a path, str or bytes; the abstract
 * namespace), AF_INET ({@code (host, port)}) and AF_INET6 ({@code (host, port[, flowinfo[,
 * scope_id]])}); a host name is resolved with getaddrinfo as CPython does. Not yet: sendmsg and
 * recvmsg (so socket.py has no send_fds/recv_fds, as on a platform without them), other families'
 * addresses (refused by name), non-ASCII host names.
 *
 * <p>A socket is PySocketSockObject, 48 bytes, not GC-tracked:
 * <pre> refcnt | type | sock_fd, sock_family (int) | sock_type, sock_proto (int) | errorhandler (0) | sock_timeout (ns) </pre>
 * The timeout is CPython's: -1 blocking (None), 0 non-blocking, else the nanoseconds each call
 * may wait (the descriptor is then non-blocking and calls wait with poll). States: made without
 * a descriptor (fd -1, by {@code socket.__new__}); open (fd set by {@code __init__}, socketpair or
 * accept); closed or detached (fd -1 again). An open socket that dies is closed by its finalizer
 * (sock_finalize: a ResourceWarning "unclosed ..." first, ignored by default).
 */
public final class SocketModule {
    private SocketModule() {}

    static final int FD = 16, FAMILY = 20, TYPE = 24, PROTO = 28, ERRORHANDLER = 32, TIMEOUT = 40;
    static final int AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10, SOCK_STREAM = 1, SOL_SOCKET = 1;

    /** The module's state in one runtime: the socket type and the default timeout (ns, -1 for None). */
    static final class State {
        final SocketType type;
        final long herror, gaierror;
        long defaultTimeout = -1;

        State(SocketType type, long herror, long gaierror) {
            this.type = type;
            this.herror = herror;
            this.gaierror = gaierror;
        }
    }

    /** {@code _socket.socket}: a static type Python classes may extend (socket.socket adds __weakref__ and two slots). */
    static final class SocketType extends FieldsType {
        State st;

        SocketType(VmApi vm) {
            super(vm, "_socket.socket", PyType.BASETYPE, 48, 0);
            cpythonFlags(0x1500);  // READY | BASETYPE | IMMUTABLETYPE (a static type in 3.11)
        }

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
            long o = alloc();
            initSubtypeInstance(o);
            try {
                init(vm, st, o, a, off, n, kwnames);
            } catch (PyException e) {
                heap.decref(o);
                throw e;
            }
            return o;
        }

        @Override
        public String reprOf(long o) {
            return "<socket object, fd=" + fd(o) + ", family=" + Native.getInt(o + FAMILY) + ", type="
                    + Native.getInt(o + TYPE) + ", proto=" + Native.getInt(o + PROTO) + ">";
        }

        @Override
        public long attrOf(long o, String attrName) {
            return switch (attrName) {
                case "family" -> vm.newInt(Native.getInt(o + FAMILY));
                case "type" -> vm.newInt(Native.getInt(o + TYPE));
                case "proto" -> vm.newInt(Native.getInt(o + PROTO));
                case "timeout" -> timeoutObject(vm, Native.getLong(o + TIMEOUT));
                default -> 0;
            };
        }

        @Override
        public boolean hasFinalizer() { return true; }

        @Override
        public void dealloc(long o) {
            if (heap.callFinalizerFromDealloc(o, this)) return;
            super.dealloc(o);
        }

        /** sock_finalize: an open socket warns (ResourceWarning, source the socket) and is closed; close's errors are not reported. */
        @Override
        public void finalize(long o) {
            int fd = fd(o);
            if (fd == -1) return;
            if (!vm.closing()) {
                try {
                    vm.resourceWarning(o, "unclosed " + vm.repr(o));
                } catch (PyException e) {
                    heap.decref(e.exc());  // PyErr_WriteUnraisable in CPython; the socket is still closed
                }
            }
            Native.putInt(o + FD, -1);
            SocketCalls.close(fd);
        }
    }

    static int fd(long s) { return Native.getInt(s + FD); }

    private static long timeoutObject(VmApi vm, long ns) {
        return ns < 0 ? vm.incref(vm.heap.None) : vm.heap.floats.of(ns / 1e9);
    }

    static PyException refused(VmApi vm, String what) {
        return vm.error("NotImplementedError", "refheap does not support " + what + " yet");
    }

    private static State state(VmApi vm) {
        return vm.moduleState("_socket", () -> {
            SocketType t = vm.registerType(new SocketType(vm));
            State st = new State(t, vm.newExceptionClass("socket", "herror", "OSError"), vm.newExceptionClass("socket", "gaierror", "OSError"));
            t.st = st;
            vm.defMember(t, "family");
            vm.defMember(t, "type");
            vm.defMember(t, "proto");
            vm.defGetSet(t, "timeout", true);
            SocketMethods.install(vm, t);
            return st;
        });
    }

    /** sock_initobj: {@code socket(family=-1, type=-1, proto=-1, fileno=None)}. */
    static void init(VmApi vm, State st, long s, long[] a, int off, int n, long kwnames) {
        long[] p = Params.parse(vm, "socket", new String[] {"family", "type", "proto", "fileno"}, 0, 4, 0, a, off, n, kwnames);
        int family = p[0] == 0 ? -1 : Params.cInt(vm, p[0]);
        int type = p[1] == 0 ? -1 : Params.cInt(vm, p[1]);
        int proto = p[2] == 0 ? -1 : Params.cInt(vm, p[2]);
        int fd;
        if (p[3] != 0 && p[3] != vm.heap.None) {
            long v = Params.cLong(vm, p[3]);
            if (v < 0) throw vm.error("ValueError", "negative file descriptor");
            if (v > Integer.MAX_VALUE) throw vm.error("OverflowError", "Python int too large to convert to C int");
            fd = (int) v;
            // the family, type and protocol of a descriptor made elsewhere, where not given
            if (family == -1) family = intOption(vm, fd, 39);  // SO_DOMAIN
            if (type == -1) type = intOption(vm, fd, 3);  // SO_TYPE
            if (proto == -1) proto = intOption(vm, fd, 38);  // SO_PROTOCOL
        } else {
            if (family == -1) family = AF_INET;
            if (type == -1) type = SOCK_STREAM;
            if (proto == -1) proto = 0;
            fd = SocketCalls.socket(family, type | SocketCalls.SOCK_CLOEXEC, proto);
            if (fd < 0) throw SocketCalls.error(vm);
        }
        setUp(vm, st, s, fd, family, type, proto);
    }

    private static int intOption(VmApi vm, int fd, int option) {
        byte[] b = SocketCalls.getsockopt(fd, SOL_SOCKET, option, 4);
        if (b == null) throw SocketCalls.error(vm);
        return littleInt(b, 0);
    }

    /** init_sockobject: the fields, the type without SOCK_NONBLOCK/SOCK_CLOEXEC, the default timeout (non-blocking when one is set). */
    static void setUp(VmApi vm, State st, long s, int fd, int family, int type, int proto) {
        Native.putInt(s + FD, fd);
        Native.putInt(s + FAMILY, family);
        Native.putInt(s + TYPE, type & ~(SocketCalls.SOCK_NONBLOCK | SocketCalls.SOCK_CLOEXEC));
        Native.putInt(s + PROTO, proto);
        if ((type & SocketCalls.SOCK_NONBLOCK) != 0) Native.putLong(s + TIMEOUT, 0);
        else {
            Native.putLong(s + TIMEOUT, st.defaultTimeout);
            if (st.defaultTimeout >= 0 && SocketCalls.setBlocking(fd, false) < 0) throw SocketCalls.error(vm);
        }
    }

    /** A new socket of the module's type over descriptor {@code fd} (new_sockobject). */
    static long newSocket(VmApi vm, State st, int fd, int family, int type, int proto) {
        long s = st.type.alloc();
        st.type.initSubtypeInstance(s);
        try {
            setUp(vm, st, s, fd, family, type, proto);
        } catch (PyException e) {
            vm.heap.decref(s);
            throw e;
        }
        return s;
    }

    /**
     * socket_parse_timeout: None is -1 (blocking), else seconds as an int or a float, rounded up to
     * whole nanoseconds (_PyTime_ROUND_TIMEOUT), with CPython's errors for NaN, a negative value and
     * one past _PyTime_t.
     */
    static long parseTimeout(VmApi vm, long v) {
        if (v == vm.heap.None) return -1;
        long ns;
        if (vm.isFloat(v)) {
            double d = vm.asDouble(v);
            if (Double.isNaN(d)) throw vm.error("ValueError", "Invalid value NaN (not a number)");
            double x = Math.ceil(d * 1e9);
            if (!(x >= -9.223372036854775808e18 && x < 9.223372036854775808e18)) {
                throw vm.error("OverflowError", "timestamp out of range for platform time_t");
            }
            ns = (long) x;
        } else {
            BigInteger secs = vm.asIndex(v);
            BigInteger nanos = secs.multiply(BigInteger.valueOf(1_000_000_000L));
            if (secs.bitLength() > 63 || nanos.bitLength() > 63) throw vm.error("OverflowError", "timestamp too large to convert to C _PyTime_t");
            ns = nanos.longValue();
        }
        if (ns < 0) throw vm.error("ValueError", "Timeout value out of range");
        return ns;
    }

    static int littleInt(byte[] b, int at) {
        return (b[at] & 255) | (b[at + 1] & 255) << 8 | (b[at + 2] & 255) << 16 | (b[at + 3] & 255) << 24;
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
            return timeoutObject(vm, st.defaultTimeout);
        });
        vm.def(m, "setdefaulttimeout", (s, a, o, n, kw) -> {
            Params.unpack(vm, "setdefaulttimeout", n, kw, 1, 1);
            st.defaultTimeout = parseTimeout(vm, a[o]);
            return vm.incref(heap.None);
        });
        vm.def(m, "socketpair", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "socketpair", kw);
            if (n > 3) throw vm.error("TypeError", "socketpair() takes at most 3 arguments (" + n + " given)");
            int family = n > 0 ? Params.cInt(vm, a[o]) : AF_UNIX, type = n > 1 ? Params.cInt(vm, a[o + 1]) : SOCK_STREAM;
            int proto = n > 2 ? Params.cInt(vm, a[o + 2]) : 0;
            int[] sv = SocketCalls.socketpair(family, type | SocketCalls.SOCK_CLOEXEC, proto);
            if (sv == null) throw SocketCalls.error(vm);
            long s0 = 0, s1 = 0;
            try {
                s0 = newSocket(vm, st, sv[0], family, type, proto);
            } catch (PyException e) {
                SocketCalls.close(sv[0]);
                SocketCalls.close(sv[1]);
                throw e;
            }
            try {
                s1 = newSocket(vm, st, sv[1], family, type, proto);
            } catch (PyException e) {
                heap.decref(s0);
                SocketCalls.close(sv[1]);
                throw e;
            }
            long t = heap.tuples.alloc(2);
            TupleType.setItemSteal(t, 0, s0);
            TupleType.setItemSteal(t, 1, s1);
            return t;
        });
        vm.def(m, "dup", (s, a, o, n, kw) -> {
            Params.unpack(vm, "dup", n, kw, 1, 1);
            int fd = Params.cInt(vm, a[o]);
            long r = SocketCalls.dupCloexec(fd);
            if (r < 0) throw SocketCalls.error(vm);
            return vm.newInt(r);
        });
        vm.def(m, "close", (s, a, o, n, kw) -> {
            Params.unpack(vm, "close", n, kw, 1, 1);
            int fd = Params.cInt(vm, a[o]);
            if (SocketCalls.close(fd) < 0 && SocketCalls.errno() != 104) throw SocketCalls.error(vm);  // ECONNRESET is not reported
            return vm.incref(heap.None);
        });
        vm.def(m, "gethostname", (s, a, o, n, kw) -> {
            Params.unpack(vm, "gethostname", n, kw, 0, 0);
            byte[] name = SocketCalls.gethostname();
            if (name == null) throw SocketCalls.error(vm);
            return vm.fsDecode(name);
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
        vm.def(m, "getaddrinfo", (s, a, o, n, kw) -> getaddrinfo(vm, st, a, o, n, kw));
        vm.def(m, "inet_pton", (s, a, o, n, kw) -> {
            Params.unpack(vm, "inet_pton", n, kw, 2, 2);
            int af = Params.cInt(vm, a[o]);
            if (!vm.isStr(a[o + 1])) throw vm.error("TypeError", "inet_pton() argument 2 must be str, not " + vm.typeName(a[o + 1]));
            if (af != AF_INET && af != AF_INET6) throw vm.osError(97, SocketCalls.strerror(97), 0, 0);  // EAFNOSUPPORT, as inet_pton(3) says
            byte[] b = SocketCalls.inetPton(af, vm.strValue(a[o + 1]).getBytes(StandardCharsets.UTF_8));
            if (b == null) throw vm.error("OSError", "illegal IP address string passed to inet_pton");
            return heap.bytes.of(b);
        });
        vm.def(m, "inet_ntop", (s, a, o, n, kw) -> {
            Params.unpack(vm, "inet_ntop", n, kw, 2, 2);
            int af = Params.cInt(vm, a[o]);
            byte[] b = vm.bytesLike(a[o + 1]);
            if (b == null) throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(a[o + 1]) + "'");
            if (af == AF_INET && b.length != 4 || af == AF_INET6 && b.length != 16) {
                throw vm.error("ValueError", "invalid length of packed IP address string");
            }
            if (af != AF_INET && af != AF_INET6) throw vm.error("ValueError", "unknown address family " + af);
            return vm.str(SocketCalls.inetNtop(af, b));
        });
        for (String f : NETWORK_FUNCTIONS) vm.def(m, f, (s, a, o, n, kw) -> { throw refused(vm, "_socket." + f); });
        return m;
    }

    /** socket_getaddrinfo: {@code getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)}, a list of (family, type, proto, canonname, sockaddr). */
    private static long getaddrinfo(VmApi vm, State st, long[] a, int o, int n, long kw) {
        long[] p = Params.parse(vm, "getaddrinfo", new String[] {"host", "port", "family", "type", "proto", "flags"}, 2, 6, 0, a, o, n, kw);
        Heap heap = vm.heap;
        byte[] host;
        if (p[0] == heap.None) host = null;
        else if (vm.isStr(p[0])) host = SocketMethods.asciiHost(vm, p[0]);
        else if (Heap.isBytes(p[0])) host = vm.bytesLike(p[0]);
        else throw vm.error("TypeError", "getaddrinfo() argument 1 must be string or None");
        byte[] port;
        if (vm.isInt(p[1])) port = String.valueOf(Params.cLong(vm, p[1])).getBytes(StandardCharsets.US_ASCII);
        else if (vm.isStr(p[1])) port = vm.strValue(p[1]).getBytes(StandardCharsets.UTF_8);
        else if (Heap.isBytes(p[1])) port = vm.bytesLike(p[1]);
        else if (p[1] == heap.None) port = null;
        else throw vm.error("OSError", "Int or String expected");
        int family = p[2] == 0 ? 0 : Params.cInt(vm, p[2]), type = p[3] == 0 ? 0 : Params.cInt(vm, p[3]);
        int proto = p[4] == 0 ? 0 : Params.cInt(vm, p[4]), flags = p[5] == 0 ? 0 : Params.cInt(vm, p[5]);
        SocketCalls.Resolved r = SocketCalls.getaddrinfo(vm, host, port, family, type, proto, flags);
        if (r.error() != 0) throw gaierror(vm, st, r);
        long list = heap.lists.alloc(0);
        try {
            for (SocketCalls.AddrInfo ai : r.found()) {
                long t = heap.tuples.alloc(5);
                TupleType.setItemSteal(t, 0, vm.newInt(ai.family()));
                TupleType.setItemSteal(t, 1, vm.newInt(ai.socktype()));
                TupleType.setItemSteal(t, 2, vm.newInt(ai.protocol()));
                TupleType.setItemSteal(t, 3, ai.canonname() == null ? vm.str("") : vm.decode(ai.canonname(), "utf-8", "strict"));
                TupleType.setItemSteal(t, 4, SocketMethods.addrObject(vm, ai.addr()));
                heap.lists.append(list, t);
                heap.decref(t);
            }
        } catch (PyException e) {
            heap.decref(list);
            throw e;
        }
        return list;
    }

    /** set_gaierror: EAI_SYSTEM is OSError from errno, any other code socket.gaierror((code, message)). */
    static PyException gaierror(VmApi vm, State st, SocketCalls.Resolved r) {
        if (r.error() == -11) return SocketCalls.error(vm);  // EAI_SYSTEM
        long code = vm.newInt(r.error()), message = vm.str(r.message());
        try {
            return new PyException(vm.call(st.gaierror, code, message));
        } finally {
            vm.heap.decref(code);
            vm.heap.decref(message);
        }
    }

    /** The module functions refheap does not have yet: refused by name. */
    private static final String[] NETWORK_FUNCTIONS = {"gethostbyaddr", "gethostbyname",
            "gethostbyname_ex", "getnameinfo", "getprotobyname", "getservbyname", "getservbyport", "if_indextoname",
            "if_nameindex", "if_nametoindex", "sethostname", "CMSG_LEN", "CMSG_SPACE"};

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
