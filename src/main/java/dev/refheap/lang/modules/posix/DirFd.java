package dev.refheap.lang.modules.posix;

import dev.refheap.lang.vm.VmApi;
import java.math.BigInteger;

/**
 * posixmodule.c's dir_fd and follow_symlinks arguments: the dir_fd converter (None or absent is
 * AT_FDCWD, "relative to the working directory"; an index in C int's range is a descriptor the
 * *at() call resolves a relative path against) and the argument checks CPython 3.11 makes before
 * a call, with its messages (a descriptor path with dir_fd, a descriptor with
 * follow_symlinks=False, dir_fd with follow_symlinks=False where the call cannot take both).
 * Stateless; the flags are Linux's.
 */
final class DirFd {
    private DirFd() {}

    /** AT_FDCWD: no dir_fd (also what a dir_fd of -100 means to the C library, as in CPython). */
    static final int DEFAULT = Posix.AT_FDCWD;
    /** The *at() calls' flags (Linux). */
    static final int AT_SYMLINK_NOFOLLOW = 0x100, AT_REMOVEDIR = 0x200, AT_EACCESS = 0x200, AT_SYMLINK_FOLLOW = 0x400;

    /**
     * dir_fd_converter: {@code o} absent (0) or None is {@link #DEFAULT}; an object with
     * {@code __index__} is _fd_converter's C int (OverflowError "fd is greater than maximum" /
     * "fd is less than minimum"); anything else TypeError naming its type.
     */
    static int convert(VmApi vm, long o) {
        if (o == 0 || o == vm.heap.None) return DEFAULT;
        if (!vm.isInt(o) && !vm.typeHas(o, "__index__")) {
            throw vm.error("TypeError", "argument should be integer or None, not " + vm.typeName(o));
        }
        return fd(vm, o);
    }

    /** _fd_converter: an index in C int's range (negative ones too: the call reports EBADF). */
    static int fd(VmApi vm, long o) {
        BigInteger v = vm.asIndex(o);
        if (v.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) throw vm.error("OverflowError", "fd is greater than maximum");
        if (v.compareTo(BigInteger.valueOf(Integer.MIN_VALUE)) < 0) throw vm.error("OverflowError", "fd is less than minimum");
        return v.intValue();
    }

    /** path_and_dir_fd_invalid: a descriptor given as the path, with a dir_fd. */
    static void pathAndDirFd(VmApi vm, String fn, PathArg path, int dirFd) {
        if (path.isFd() && dirFd != DEFAULT) throw vm.error("ValueError", fn + ": can't specify dir_fd without matching path");
    }

    /** dir_fd_and_fd_invalid: the same, in the words of the calls that check only this (chown). */
    static void dirFdAndFd(VmApi vm, String fn, PathArg path, int dirFd) {
        if (path.isFd() && dirFd != DEFAULT) throw vm.error("ValueError", fn + ": can't specify both dir_fd and fd");
    }

    /** fd_and_follow_symlinks_invalid: a descriptor given as the path, with follow_symlinks=False. */
    static void fdAndFollow(VmApi vm, String fn, PathArg path, boolean follow) {
        if (path.isFd() && !follow) throw vm.error("ValueError", fn + ": cannot use fd and follow_symlinks together");
    }

    /** dir_fd_and_follow_symlinks_invalid's error. */
    static dev.refheap.lang.vm.PyException dirFdAndFollow(VmApi vm, String fn) {
        return vm.error("ValueError", fn + ": cannot use dir_fd and follow_symlinks together");
    }

    /** follow_symlinks_specified's error: the call cannot honour follow_symlinks=False. */
    static dev.refheap.lang.vm.PyException followUnavailable(VmApi vm, String fn) {
        return vm.error("NotImplementedError", fn + ": follow_symlinks unavailable on this platform");
    }
}
