package dev.refheap.lang.modules.posix;

import static dev.refheap.lang.modules.posix.Libc.INT;
import static dev.refheap.lang.modules.posix.Libc.LONG;
import static dev.refheap.lang.modules.posix.Libc.PTR;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * posix's extended attributes on Linux: getxattr, setxattr, removexattr, listxattr, each on a path
 * (following symbolic links or not: the l* calls) or a descriptor (the f* calls), as CPython 3.11
 * chooses between them. Attribute names are file-system encoded; listxattr's are decoded back
 * to str. Stateless.
 */
final class Xattrs {
    private Xattrs() {}

    /** XATTR_SIZE_MAX and XATTR_LIST_MAX: the largest buffer the kernel fills. */
    private static final long MAX = 65536;
    private static final int ERANGE = 34;

    /** The C function for a path argument: the fd form, the l form without following, else the plain one. */
    private static String variant(VmApi vm, String fn, PathArg path, boolean follow) {
        if (path.isFd() && !follow) throw vm.error("ValueError", fn + ": cannot use fd and follow_symlinks together");
        return (path.isFd() ? "f" : follow ? "" : "l") + fn;
    }

    /** The path (or fd) argument as the call's first argument. */
    private static Object target(Arena arena, PathArg path) { return path.isFd() ? (Object) path.fd() : Libc.cString(arena, path.bytes()); }

    private static ValueLayout targetLayout(PathArg path) { return path.isFd() ? INT : PTR; }

    private static boolean follow(VmApi vm, long o) { return o == 0 || vm.truthy(o); }

    static void defineFunctions(VmApi vm, Posix.Def def) {
        var h = vm.heap;
        def.def("getxattr", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "getxattr", new String[] {"path", "attribute", "follow_symlinks"}, 2, 2, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "getxattr", "path", p[0], true, false);
            PathArg attr = PathArg.convert(vm, "getxattr", "attribute", p[1], false, false);
            String fn = variant(vm, "getxattr", path, follow(vm, p[2]));
            try (Arena arena = Arena.ofConfined()) {
                for (long size = 128; ; size = Math.min(MAX, size * 16)) {
                    MemorySegment buf = arena.allocate(size);
                    long r = Libc.call(fn, FunctionDescriptor.of(LONG, targetLayout(path), PTR, PTR, LONG), target(arena, path),
                            Libc.cString(arena, attr.bytes()), buf, size);
                    if (r >= 0) return h.bytes.of(buf.asSlice(0, r).toArray(ValueLayout.JAVA_BYTE));
                    if (Libc.errno() != ERANGE || size == MAX) throw path.error(vm);
                }
            }
        });
        def.def("setxattr", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "setxattr", new String[] {"path", "attribute", "value", "flags", "follow_symlinks"}, 3, 4, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "setxattr", "path", p[0], true, false);
            PathArg attr = PathArg.convert(vm, "setxattr", "attribute", p[1], false, false);
            byte[] value = vm.bytesLike(p[2]);
            if (value == null) throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(p[2]) + "'");
            int flags = p[3] == 0 ? 0 : Params.cInt(vm, p[3]);
            String fn = variant(vm, "setxattr", path, follow(vm, p[4]));
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment v = arena.allocate(Math.max(1, value.length));
                MemorySegment.copy(value, 0, v, ValueLayout.JAVA_BYTE, 0, value.length);
                long r = Libc.call(fn, FunctionDescriptor.of(INT, targetLayout(path), PTR, PTR, LONG, INT), target(arena, path),
                        Libc.cString(arena, attr.bytes()), v, (long) value.length, flags);
                if (r != 0) throw path.error(vm);
            }
            return vm.incref(h.None);
        });
        def.def("removexattr", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "removexattr", new String[] {"path", "attribute", "follow_symlinks"}, 2, 2, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "removexattr", "path", p[0], true, false);
            PathArg attr = PathArg.convert(vm, "removexattr", "attribute", p[1], false, false);
            String fn = variant(vm, "removexattr", path, follow(vm, p[2]));
            try (Arena arena = Arena.ofConfined()) {
                long r = Libc.call(fn, FunctionDescriptor.of(INT, targetLayout(path), PTR), target(arena, path), Libc.cString(arena, attr.bytes()));
                if (r != 0) throw path.error(vm);
            }
            return vm.incref(h.None);
        });
        def.def("listxattr", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "listxattr", new String[] {"path", "follow_symlinks"}, 0, 1, 0, a, o, n, kw);
            PathArg path = PathArg.convert(vm, "listxattr", "path", p[0], true, true);
            String fn = variant(vm, "listxattr", path, follow(vm, p[1]));
            try (Arena arena = Arena.ofConfined()) {
                for (long size = 256; ; size = Math.min(MAX, size * 16)) {
                    MemorySegment buf = arena.allocate(size);
                    long r = Libc.call(fn, FunctionDescriptor.of(LONG, targetLayout(path), PTR, LONG), target(arena, path), buf, size);
                    if (r < 0) {
                        if (Libc.errno() != ERANGE || size == MAX) throw path.error(vm);
                        continue;
                    }
                    long list = h.lists.alloc(0, false);
                    byte[] all = buf.asSlice(0, r).toArray(ValueLayout.JAVA_BYTE);
                    int start = 0;
                    for (int i = 0; i < all.length; i++) {
                        if (all[i] != 0) continue;
                        long name = vm.fsDecode(java.util.Arrays.copyOfRange(all, start, i));
                        h.lists.append(list, name);
                        h.decref(name);
                        start = i + 1;
                    }
                    return list;
                }
            }
        });
    }
}
