package dev.refheap.lang.modules.posix;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.PyType;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code pwd}: the password database through the C library (getpwuid, getpwnam, and
 * setpwent/getpwent/endpwent for getpwall), each entry a {@code pwd.struct_passwd} struct sequence
 * of 7 fields as 3.11's. Strings are decoded as the filesystem encoding (UTF-8, surrogateescape).
 * struct passwd on Linux x86-64: pw_name 0, pw_passwd 8, pw_uid 16 (4 bytes), pw_gid 20, pw_gecos 24,
 * pw_dir 32, pw_shell 40. Stateless: each call copies what the C library's static buffer holds.
 */
public final class PwdModule {
    private PwdModule() {}

    private static final FunctionDescriptor P_P = FunctionDescriptor.of(Libc.PTR, Libc.PTR);
    private static final FunctionDescriptor P_I = FunctionDescriptor.of(Libc.PTR, Libc.INT);
    private static final FunctionDescriptor P_V = FunctionDescriptor.of(Libc.PTR);

    public static long create(VmApi vm) {
        PyType type = vm.moduleState("pwd", () -> vm.newStructSeqType("pwd.struct_passwd", 7,
                "pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"));
        long m = vm.newModule("pwd");
        vm.heap.dicts.setItem(vm.moduleDict(m), "struct_passwd", type.address());
        vm.def(m, "getpwuid", (s, a, o, n, kw) -> {
            Params.unpack(vm, "getpwuid", n, kw, 1, 1);
            java.math.BigInteger big;
            try {
                big = vm.asIndex(a[o]);
            } catch (dev.refheap.lang.vm.PyException e) {
                if (!vm.isInstance(e, "TypeError")) throw e;
                vm.heap.decref(e.exc());
                throw vm.error("TypeError", "uid should be integer, not " + vm.typeName(a[o]));
            }
            // _Py_Uid_Converter: -1 is (uid_t)-1; another value outside uid_t overflows, which pwd reports as not found
            long uid = big.equals(java.math.BigInteger.ONE.negate()) ? 0xFFFFFFFFL : big.signum() < 0 || big.bitLength() > 32 ? -1 : big.longValue();
            long p = uid < 0 ? 0 : Libc.call("getpwuid", P_I, (int) uid);
            if (p == 0) {
                throw uid < 0 ? vm.error("KeyError", "getpwuid(): uid not found")
                        : vm.error("KeyError", "getpwuid(): uid not found: " + uid);
            }
            return entry(vm, type, p);
        });
        vm.def(m, "getpwnam", (s, a, o, n, kw) -> {
            Params.unpack(vm, "getpwnam", n, kw, 1, 1);
            if (!vm.isStr(a[o])) throw vm.error("TypeError", "getpwnam() argument must be str, not " + vm.typeName(a[o]));
            long p = byName(vm, "getpwnam", a[o]);
            if (p == 0) throw vm.error("KeyError", "getpwnam(): name not found: " + vm.repr(a[o]));
            return entry(vm, type, p);
        });
        vm.def(m, "getpwall", (s, a, o, n, kw) -> {
            Params.unpack(vm, "getpwall", n, kw, 0, 0);
            return all(vm, "pw", p -> entry(vm, type, p));
        });
        return m;
    }

    private static long entry(VmApi vm, PyType type, long p) {
        MemorySegment pw = MemorySegment.ofAddress(p).reinterpret(48);
        long[] items = new long[7];
        items[0] = string(vm, pw.get(ValueLayout.ADDRESS, 0));
        items[1] = string(vm, pw.get(ValueLayout.ADDRESS, 8));
        items[2] = vm.newInt(Integer.toUnsignedLong(pw.get(ValueLayout.JAVA_INT, 16)));
        items[3] = vm.newInt(Integer.toUnsignedLong(pw.get(ValueLayout.JAVA_INT, 20)));
        items[4] = string(vm, pw.get(ValueLayout.ADDRESS, 24));
        items[5] = string(vm, pw.get(ValueLayout.ADDRESS, 32));
        items[6] = string(vm, pw.get(ValueLayout.ADDRESS, 40));
        return vm.newStructSeq(type, items);
    }

    /**
     * A database lookup by name ({@code fn}: getpwnam, getgrnam): the name encoded as the filesystem
     * encoding (an embedded NUL is ValueError), the C library's entry pointer or 0.
     */
    static long byName(VmApi vm, String fn, long name) {
        long encoded = vm.fsEncode(name);
        byte[] bytes = vm.bytesLike(encoded);
        vm.heap.decref(encoded);
        for (byte b : bytes) if (b == 0) throw vm.error("ValueError", "embedded null byte");
        try (Arena arena = Arena.ofConfined()) {
            return Libc.call(fn, P_P, Libc.cString(arena, bytes));
        }
    }

    /**
     * Every entry of a database ({@code db}: "pw" or "gr", through set/get/end{db}ent), each made
     * by {@code entry} from the C library's entry pointer: a new list.
     */
    static long all(VmApi vm, String db, java.util.function.LongUnaryOperator entry) {
        long list = vm.heap.lists.alloc(0);
        try {
            Libc.call("set" + db + "ent", FunctionDescriptor.ofVoid());
            for (long p = Libc.call("get" + db + "ent", P_V); p != 0; p = Libc.call("get" + db + "ent", P_V)) {
                long e = entry.applyAsLong(p);
                vm.heap.lists.append(list, e);
                vm.heap.decref(e);
            }
        } catch (RuntimeException e) {
            vm.heap.decref(list);
            throw e;
        } finally {
            Libc.call("end" + db + "ent", FunctionDescriptor.ofVoid());
        }
        return list;
    }

    /** A C string as str (filesystem encoding); None for NULL, as CPython's mkpwent. */
    static long string(VmApi vm, MemorySegment c) {
        if (c.address() == 0) return vm.incref(vm.heap.None);
        MemorySegment s = c.reinterpret(Long.MAX_VALUE);
        long len = 0;
        while (s.get(ValueLayout.JAVA_BYTE, len) != 0) len++;
        byte[] b = new byte[(int) len];
        MemorySegment.copy(s, ValueLayout.JAVA_BYTE, 0, b, 0, b.length);
        return vm.fsDecode(b);
    }
}
