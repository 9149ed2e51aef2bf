package dev.refheap.lang.modules.posix;

import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.BytesType;

/**
 * posixmodule.c's path_t and path_converter: a path argument as the bytes the system call takes
 * (str encoded with the filesystem encoding, UTF-8 with surrogateescape; bytes as given; another
 * bytes-like object copied, with 3.11's DeprecationWarning; an os.PathLike through
 * {@code __fspath__}; an int as a file descriptor where allowed; None as "." where nullable), the
 * object given (borrowed: the caller's argument), whether {@code __fspath__} made the path (then
 * OSError names what it returned, as path_t's object is, {@link #filename}), and whether results
 * should be bytes (the path was bytes or bytes-like).
 */
record PathArg(long object, byte[] bytes, boolean isBytes, int fd, boolean fromFspath) {

    PathArg(long object, byte[] bytes, boolean isBytes, int fd) { this(object, bytes, isBytes, fd, false); }

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
            byte[] buffer = vm.bytesLike(o);
            if (buffer != null) {  // 3.11 still takes a bytes-like object (bytearray, memoryview...), deprecated
                vm.warn("DeprecationWarning", function + ": " + argument + " should be " + kinds(allowFd, nullable) + ", not " + shortName(vm, o), 1);
                return new PathArg(o, checkedBytes(vm, buffer, function, argument), true, -1);
            }
            if (!vm.typeHas(o, "__fspath__")) {
                throw vm.error("TypeError", function + ": " + argument + " should be " + kinds(allowFd, nullable) + ", not " + shortName(vm, o));
            }
            p = vm.callMethod(o, "__fspath__");
            fspath = true;
        }
        try {
            if (vm.isStr(p)) return new PathArg(o, encoded(vm, p), false, -1, fspath);
            if (vm.heap.typeOf(p) == vm.heap.bytes) return new PathArg(o, checkedBytes(vm, BytesType.value(p), function, argument), true, -1, fspath);
            throw vm.error("TypeError", "expected " + vm.typeName(o) + ".__fspath__() to return str or bytes, not " + vm.typeName(p));
        } finally {
            if (fspath) vm.heap.decref(p);
        }
    }

    /**
     * PyUnicode_FSConverter (putenv's names and values, system's command, fork_exec's
     * arguments): str encoded, bytes, or an os.PathLike's; no other bytes-like object; a NUL is
     * "embedded null byte" for both kinds.
     */
    static byte[] fsConverter(VmApi vm, long o) {
        long p = o;
        boolean fspath = false;
        if (!vm.isStr(o) && vm.heap.typeOf(o) != vm.heap.bytes) {
            if (!vm.typeHas(o, "__fspath__")) throw vm.error("TypeError", "expected str, bytes or os.PathLike object, not " + shortName(vm, o));
            p = vm.callMethod(o, "__fspath__");
            fspath = true;
        }
        try {
            if (vm.isStr(p)) return encoded(vm, p);
            if (vm.heap.typeOf(p) == vm.heap.bytes) return checked(vm, BytesType.value(p));
            throw vm.error("TypeError", "expected " + vm.typeName(o) + ".__fspath__() to return str or bytes, not " + vm.typeName(p));
        } finally {
            if (fspath) vm.heap.decref(p);
        }
    }

    /** _PyType_Name: a type's name after its last dot ("array", not "array.array"). */
    private static String shortName(VmApi vm, long o) {
        String n = vm.typeName(o);
        return n.substring(n.lastIndexOf('.') + 1);
    }

    /** A bytes path's check: a NUL is path_converter's "embedded null character in <argument>". */
    private static byte[] checkedBytes(VmApi vm, byte[] b, String function, String argument) {
        for (byte x : b) if (x == 0) throw vm.error("ValueError", function + ": embedded null character in " + argument);
        return b;
    }

    private static String kinds(boolean allowFd, boolean nullable) {
        if (allowFd && nullable) return "string, bytes, os.PathLike, integer or None";
        if (allowFd) return "string, bytes, os.PathLike or integer";
        if (nullable) return "string, bytes, os.PathLike or None";
        return "string, bytes or os.PathLike";
    }

    /** A str path's check: a NUL is PyUnicode_FSConverter's "embedded null byte". */
    /** A str path's bytes: UTF-8 with surrogateescape (the file system encoding), a NUL refused. */
    private static byte[] encoded(VmApi vm, long str) {
        long b = vm.fsEncode(str);
        try {
            return checked(vm, BytesType.value(b));
        } finally {
            vm.heap.decref(b);
        }
    }

    private static byte[] checked(VmApi vm, byte[] b) {
        for (byte x : b) if (x == 0) throw vm.error("ValueError", "embedded null byte");
        return b;
    }

    /** A name from the system as the result type the path asked for: bytes, or str decoded with surrogateescape. */
    long result(VmApi vm, byte[] name) {
        return isBytes ? vm.heap.bytes.of(name) : vm.fsDecode(name);
    }

    /**
     * The object OSError names, path_t's object: the argument as given, or for an os.PathLike
     * what its {@code __fspath__} returned (made again from the path: an equal str or bytes).
     * A new reference; 0 where the call names no object (fstat's descriptor).
     */
    long filename(VmApi vm) {
        if (!fromFspath) return object == 0 ? 0 : vm.incref(object);
        return isBytes ? vm.heap.bytes.of(bytes) : vm.fsDecode(bytes);
    }

    /** The OSError of the failed call on this path (errno's, naming {@link #filename}). */
    PyException error(VmApi vm) { return error(vm, this, null); }

    /** The OSError of a failed call on two paths (path_error2), {@code b} null for one. */
    static PyException error(VmApi vm, PathArg a, PathArg b) {
        int e = Libc.errno();
        long f1 = a.filename(vm), f2 = b == null ? 0 : b.filename(vm);
        try {
            return vm.osError(e, Libc.strerror(e), f1, f2);
        } finally {
            if (f1 != 0) vm.heap.decref(f1);
            if (f2 != 0) vm.heap.decref(f2);
        }
    }
}
