package dev.refheap.lang.modules.posix;

import dev.refheap.lang.vm.VmApi;

/**
 * posix's integer constants for the functions refheap's posix has (Linux x86-64 values, as
 * CPython 3.11 has them there): open's O_* flags, access's F_OK/R_OK/W_OK/X_OK, lseek's
 * SEEK_DATA/SEEK_HOLE, the EX_* exit codes, TMP_MAX, NGROUPS_MAX.
 */
final class Constants {
    private Constants() {}

    private static final Object[] VALUES = {
            "EX_CANTCREAT", 73L, "EX_CONFIG", 78L, "EX_DATAERR", 65L, "EX_IOERR", 74L, "EX_NOHOST", 68L, "EX_NOINPUT", 66L,
            "EX_NOPERM", 77L, "EX_NOUSER", 67L, "EX_OK", 0L, "EX_OSERR", 71L, "EX_OSFILE", 72L, "EX_PROTOCOL", 76L, "EX_SOFTWARE",
            70L, "EX_TEMPFAIL", 75L, "EX_UNAVAILABLE", 69L, "EX_USAGE", 64L, "F_OK", 0L, "NGROUPS_MAX", 65536L, "O_ACCMODE", 3L,
            "O_APPEND", 1024L, "O_ASYNC", 8192L, "O_CLOEXEC", 524288L, "O_CREAT", 64L, "O_DIRECT", 16384L, "O_DIRECTORY", 65536L,
            "O_DSYNC", 4096L, "O_EXCL", 128L, "O_FSYNC", 1052672L, "O_LARGEFILE", 0L, "O_NDELAY", 2048L, "O_NOATIME", 262144L,
            "O_NOCTTY", 256L, "O_NOFOLLOW", 131072L, "O_NONBLOCK", 2048L, "O_PATH", 2097152L, "O_RDONLY", 0L, "O_RDWR", 2L,
            "O_RSYNC", 1052672L, "O_SYNC", 1052672L, "O_TMPFILE", 4259840L, "O_TRUNC", 512L, "O_WRONLY", 1L, "R_OK", 4L,
            "SEEK_DATA", 3L, "SEEK_HOLE", 4L, "TMP_MAX", 238328L, "W_OK", 2L, "X_OK", 1L};

    static void install(VmApi vm, long d) {
        for (int i = 0; i < VALUES.length; i += 2) {
            long v = vm.newInt((Long) VALUES[i + 1]);
            vm.heap.dicts.setItem(d, (String) VALUES[i], v);
            vm.heap.decref(v);
        }
    }
}
