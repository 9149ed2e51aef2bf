package dev.refheap.lang.modules.posix;

import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.BytesType;

/**
 * posixmodule.c's path_t and path_converter: a path argument as the bytes the system call takes
 * (str encoded with the filesystem encoding, UTF-8 with surrogateescape; bytes as given; an
 * os.PathLike through {@code __fspath__}; an int as a file descriptor where allowed; None as "."
 * where nullable), the original object kept for OSError's filename, and whether results should
 * be bytes.
 */
record PathArg(long object, byte[] bytes, boolean isBytes, int fd) {

    boolean isFd() { return fd >= 0; }

    static PathArg convert(VmApi vm, String function, String argument, long o, boolean allowFd, boolean nullable) {
        PathArg a = convertPath(vm, function, argument, o, allowFd, nullable);
        if (a.bytes != null) dev.refheap.lang.vm.StartupInputs.note(a.bytes);  // a start-up image's key: what start-up looked at
        return a;
    }

    private static PathArg convertPath(VmApi vm, String function, String argument, long o, boolean allowFd, boolean nullable) {
        if (o == 0 || o == vm.heap.None && nullable) return new PathArg(o == 0 ? vm.heap.None : o, new byte[] {'.'}, false, -1);
        if (allowFd && vm.isInt(o) && vm.heap.typeOf(o) != vm.heap.typeOf(vm.heap.True)) {
            long fd = dev.refheap.lang.modules.Params.ssize(vm, o);
            if (fd < 0) throw vm.error("ValueError", function + ": fd is negative");
            if (fd > Integer.MAX_VALUE) throw vm.error("OverflowError", function + ": fd is greater than maximum");
            return new PathArg(o, null, false, (int) fd);
        }
        long p = o;
        boolean fspath = false;
        if (!vm.isStr(o) && vm.heap.typeOf(o) != vm.heap.bytes) {
            if (!vm.typeHas(o, "__fspath__")) {
                throw vm.error("TypeError", function + ": " + argument + " should be " + kinds(allowFd, nullable) + ", not " + vm.typeName(o));
            }
            p = vm.callMethod(o, "__fspath__");
            fspath = true;
        }
        try {
            if (vm.isStr(p)) {
                long b = vm.encode(p, "utf-8", "surrogateescape");
                try {
                    return new PathArg(o, checked(vm, BytesType.value(b)), false, -1);
                } finally {
                    vm.heap.decref(b);
                }
            }
            if (vm.heap.typeOf(p) == vm.heap.bytes) return new PathArg(o, checked(vm, BytesType.value(p)), true, -1);
            throw vm.error("TypeError", "expected " + vm.typeName(o) + ".__fspath__() to return str or bytes, not " + vm.typeName(p));
        } finally {
            if (fspath) vm.heap.decref(p);
        }
    }

    private static String kinds(boolean allowFd, boolean nullable) {
        if (allowFd && nullable) return "string, bytes, os.PathLike, integer or None";
        if (allowFd) return "string, bytes, os.PathLike or integer";
        if (nullable) return "string, bytes, os.PathLike or None";
        return "string, bytes or os.PathLike";
    }

    private static byte[] checked(VmApi vm, byte[] b) {
        for (byte x : b) if (x == 0) throw vm.error("ValueError", "embedded null byte");
        return b;
    }

    /** A name from the system as the result type the path asked for: bytes, or str decoded with surrogateescape. */
    long result(VmApi vm, byte[] name) {
        return isBytes ? vm.heap.bytes.of(name) : vm.decode(name, "utf-8", "surrogateescape");
    }

    /** The OSError of the failed call on this path (the object given is the filename). */
    PyException error(VmApi vm) { return Posix.error(vm, object, 0); }
}
