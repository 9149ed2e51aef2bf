package dev.refheap.lang.modules.posix;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.PyType;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code grp}: the group database through the C library (getgrgid, getgrnam, and
 * setgrent/getgrent/endgrent for getgrall), each entry a {@code grp.struct_group} struct sequence of
 * 4 fields as 3.11's (gr_mem a list of the members' names). Strings are decoded as the filesystem
 * encoding (UTF-8, surrogateescape). struct group on Linux x86-64: gr_name 0, gr_passwd 8, gr_gid 16
 * (4 bytes), gr_mem 24 (a NULL-terminated array of names). Stateless: each call copies what the C
 * library's static buffer holds. An extension module in CPython, built in here like pwd.
 */
public final class GrpModule {
    private GrpModule() {}

    private static final FunctionDescriptor P_I = FunctionDescriptor.of(Libc.PTR, Libc.INT);

    public static long create(VmApi vm) {
        PyType type = vm.moduleState("grp", () -> vm.newStructSeqType("grp.struct_group", 4, "gr_name", "gr_passwd", "gr_gid", "gr_mem"));
        long m = vm.newModule("grp");
        vm.def(m, "getgrgid", (s, a, o, n, kw) -> {
            long[] args = Params.parse(vm, "getgrgid", new String[] {"id"}, 1, 1, 0, a, o, n, kw);
            int gid = FileCalls.id(vm, args[0], "gid");
            long p = Libc.call("getgrgid", P_I, gid);
            // the gid as _PyLong_FromGid gives it back: (gid_t)-1 is -1
            if (p == 0) throw vm.error("KeyError", "getgrgid(): gid not found: " + (gid == -1 ? "-1" : Integer.toUnsignedString(gid)));
            return entry(vm, type, p);
        });
        vm.def(m, "getgrnam", (s, a, o, n, kw) -> {
            long[] args = Params.parse(vm, "getgrnam", new String[] {"name"}, 1, 1, 0, a, o, n, kw);
            long name = args[0];
            if (!vm.isStr(name)) throw vm.error("TypeError", "getgrnam() argument 'name' must be str, not " + vm.typeName(name));
            long p = PwdModule.byName(vm, "getgrnam", name);
            if (p == 0) throw vm.error("KeyError", "getgrnam(): name not found: " + vm.repr(name));
            return entry(vm, type, p);
        });
        vm.def(m, "getgrall", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "grp.getgrall", n, kw);
            return PwdModule.all(vm, "gr", p -> entry(vm, type, p));
        });
        vm.heap.dicts.setItem(vm.moduleDict(m), "struct_group", type.address());
        return m;
    }

    /** mkgrent: the members' list first, then the entry's fields in order. */
    private static long entry(VmApi vm, PyType type, long p) {
        MemorySegment gr = MemorySegment.ofAddress(p).reinterpret(32);
        long members = vm.heap.lists.alloc(0);
        MemorySegment mem = gr.get(ValueLayout.ADDRESS, 24);
        if (mem.address() != 0) {
            MemorySegment names = mem.reinterpret(Long.MAX_VALUE);
            for (long i = 0; ; i += 8) {
                MemorySegment name = names.get(ValueLayout.ADDRESS, i);
                if (name.address() == 0) break;
                long v = PwdModule.string(vm, name);
                vm.heap.lists.append(members, v);
                vm.heap.decref(v);
            }
        }
        long[] items = new long[4];
        items[0] = PwdModule.string(vm, gr.get(ValueLayout.ADDRESS, 0));
        items[1] = PwdModule.string(vm, gr.get(ValueLayout.ADDRESS, 8));
        items[2] = vm.newInt(Integer.toUnsignedLong(gr.get(ValueLayout.JAVA_INT, 16)));
        items[3] = members;
        return vm.newStructSeq(type, items);
    }
}
