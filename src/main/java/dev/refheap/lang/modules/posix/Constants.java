package dev.refheap.lang.modules.posix;

import dev.refheap.lang.vm.VmApi;

/**
 * posix's integer constants as CPython 3.11 has them on Linux x86-64, in its module dict's order
 * (access's F_OK.., the wait flags, open's O_* flags, priorities, EX_* exit codes, statvfs's ST_*
 * flags, posix_fadvise's advice, waitid's P_*, CLD_*, lockf's F_*, the RWF_* and SPLICE_F_* flags,
 * posix_spawn's file actions, the schedulers, xattr, dlopen's RTLD_*, getrandom, memfd_create and
 * eventfd flags), and the three name tables sysconf, confstr and pathconf take (name to the C
 * library's number). Facts of the platform, not code: the values are glibc's.
 */
final class Constants {
    private Constants() {}

    private static final Object[] VALUES = {
            "F_OK", 0L, "R_OK", 4L, "W_OK", 2L, "X_OK", 1L, "NGROUPS_MAX", 65536L, "TMP_MAX", 238328L, "WCONTINUED", 8L,
            "WNOHANG", 1L, "WUNTRACED", 2L, "O_RDONLY", 0L, "O_WRONLY", 1L, "O_RDWR", 2L, "O_NDELAY", 2048L,
            "O_NONBLOCK", 2048L, "O_APPEND", 1024L, "O_DSYNC", 4096L, "O_RSYNC", 1052672L, "O_SYNC", 1052672L,
            "O_NOCTTY", 256L, "O_CREAT", 64L, "O_EXCL", 128L, "O_TRUNC", 512L, "O_LARGEFILE", 0L, "O_PATH", 2097152L,
            "O_TMPFILE", 4259840L, "PRIO_PROCESS", 0L, "PRIO_PGRP", 1L, "PRIO_USER", 2L, "O_CLOEXEC", 524288L,
            "O_ACCMODE", 3L, "O_FSYNC", 1052672L, "SEEK_HOLE", 4L, "SEEK_DATA", 3L, "O_ASYNC", 8192L, "O_DIRECT",
            16384L, "O_DIRECTORY", 65536L, "O_NOFOLLOW", 131072L, "O_NOATIME", 262144L, "EX_OK", 0L, "EX_USAGE", 64L,
            "EX_DATAERR", 65L, "EX_NOINPUT", 66L, "EX_NOUSER", 67L, "EX_NOHOST", 68L, "EX_UNAVAILABLE", 69L,
            "EX_SOFTWARE", 70L, "EX_OSERR", 71L, "EX_OSFILE", 72L, "EX_CANTCREAT", 73L, "EX_IOERR", 74L, "EX_TEMPFAIL",
            75L, "EX_PROTOCOL", 76L, "EX_NOPERM", 77L, "EX_CONFIG", 78L, "ST_RDONLY", 1L, "ST_NOSUID", 2L, "ST_NODEV",
            4L, "ST_NOEXEC", 8L, "ST_SYNCHRONOUS", 16L, "ST_MANDLOCK", 64L, "ST_WRITE", 128L, "ST_APPEND", 256L,
            "ST_NOATIME", 1024L, "ST_NODIRATIME", 2048L, "ST_RELATIME", 4096L, "POSIX_FADV_NORMAL", 0L,
            "POSIX_FADV_SEQUENTIAL", 2L, "POSIX_FADV_RANDOM", 1L, "POSIX_FADV_NOREUSE", 5L, "POSIX_FADV_WILLNEED", 3L,
            "POSIX_FADV_DONTNEED", 4L, "P_PID", 1L, "P_PGID", 2L, "P_ALL", 0L, "P_PIDFD", 3L, "WEXITED", 4L, "WNOWAIT",
            16777216L, "WSTOPPED", 2L, "CLD_EXITED", 1L, "CLD_KILLED", 2L, "CLD_DUMPED", 3L, "CLD_TRAPPED", 4L,
            "CLD_STOPPED", 5L, "CLD_CONTINUED", 6L, "F_LOCK", 1L, "F_TLOCK", 2L, "F_ULOCK", 0L, "F_TEST", 3L,
            "RWF_DSYNC", 2L, "RWF_HIPRI", 1L, "RWF_SYNC", 4L, "RWF_NOWAIT", 8L, "RWF_APPEND", 16L, "SPLICE_F_MOVE", 1L,
            "SPLICE_F_NONBLOCK", 2L, "SPLICE_F_MORE", 4L, "POSIX_SPAWN_OPEN", 0L, "POSIX_SPAWN_CLOSE", 1L,
            "POSIX_SPAWN_DUP2", 2L, "SCHED_OTHER", 0L, "SCHED_FIFO", 1L, "SCHED_RR", 2L, "SCHED_BATCH", 3L,
            "SCHED_IDLE", 5L, "SCHED_RESET_ON_FORK", 1073741824L, "XATTR_CREATE", 1L, "XATTR_REPLACE", 2L,
            "XATTR_SIZE_MAX", 65536L, "RTLD_LAZY", 1L, "RTLD_NOW", 2L, "RTLD_GLOBAL", 256L, "RTLD_LOCAL", 0L,
            "RTLD_NODELETE", 4096L, "RTLD_NOLOAD", 4L, "RTLD_DEEPBIND", 8L, "GRND_RANDOM", 2L, "GRND_NONBLOCK", 1L,
            "MFD_CLOEXEC", 1L, "MFD_ALLOW_SEALING", 2L, "MFD_HUGETLB", 4L, "MFD_HUGE_SHIFT", 26L, "MFD_HUGE_MASK", 63L,
            "MFD_HUGE_64KB", 1073741824L, "MFD_HUGE_512KB", 1275068416L, "MFD_HUGE_1MB", 1342177280L, "MFD_HUGE_2MB",
            1409286144L, "MFD_HUGE_8MB", 1543503872L, "MFD_HUGE_16MB", 1610612736L, "MFD_HUGE_32MB", 1677721600L,
            "MFD_HUGE_256MB", 1879048192L, "MFD_HUGE_512MB", 1946157056L, "MFD_HUGE_1GB", 2013265920L, "MFD_HUGE_2GB",
            2080374784L, "MFD_HUGE_16GB", 2281701376L, "EFD_CLOEXEC", 524288L, "EFD_NONBLOCK", 2048L, "EFD_SEMAPHORE",
            1L};

    /** pathconf_names, confstr_names, sysconf_names: "NAME=number ..." in CPython's (sorted) order. */
    static final String PATHCONF_NAMES =
            "PC_ALLOC_SIZE_MIN=18 PC_ASYNC_IO=10 PC_CHOWN_RESTRICTED=6 PC_FILESIZEBITS=13 PC_LINK_MAX=0 "
            + "PC_MAX_CANON=1 PC_MAX_INPUT=2 PC_NAME_MAX=3 PC_NO_TRUNC=7 PC_PATH_MAX=4 PC_PIPE_BUF=5 PC_PRIO_IO=11 "
            + "PC_REC_INCR_XFER_SIZE=14 PC_REC_MAX_XFER_SIZE=15 PC_REC_MIN_XFER_SIZE=16 PC_REC_XFER_ALIGN=17 "
            + "PC_SOCK_MAXBUF=12 PC_SYMLINK_MAX=19 PC_SYNC_IO=9 PC_VDISABLE=8 ";
    static final String CONFSTR_NAMES =
            "CS_GNU_LIBC_VERSION=2 CS_GNU_LIBPTHREAD_VERSION=3 CS_LFS64_CFLAGS=1004 CS_LFS64_LDFLAGS=1005 "
            + "CS_LFS64_LIBS=1006 CS_LFS64_LINTFLAGS=1007 CS_LFS_CFLAGS=1000 CS_LFS_LDFLAGS=1001 CS_LFS_LIBS=1002 "
            + "CS_LFS_LINTFLAGS=1003 CS_PATH=0 CS_XBS5_ILP32_OFF32_CFLAGS=1100 CS_XBS5_ILP32_OFF32_LDFLAGS=1101 "
            + "CS_XBS5_ILP32_OFF32_LIBS=1102 CS_XBS5_ILP32_OFF32_LINTFLAGS=1103 CS_XBS5_ILP32_OFFBIG_CFLAGS=1104 "
            + "CS_XBS5_ILP32_OFFBIG_LDFLAGS=1105 CS_XBS5_ILP32_OFFBIG_LIBS=1106 CS_XBS5_ILP32_OFFBIG_LINTFLAGS=1107 "
            + "CS_XBS5_LP64_OFF64_CFLAGS=1108 CS_XBS5_LP64_OFF64_LDFLAGS=1109 CS_XBS5_LP64_OFF64_LIBS=1110 "
            + "CS_XBS5_LP64_OFF64_LINTFLAGS=1111 CS_XBS5_LPBIG_OFFBIG_CFLAGS=1112 CS_XBS5_LPBIG_OFFBIG_LDFLAGS=1113 "
            + "CS_XBS5_LPBIG_OFFBIG_LIBS=1114 CS_XBS5_LPBIG_OFFBIG_LINTFLAGS=1115 ";
    static final String SYSCONF_NAMES =
            "SC_2_CHAR_TERM=95 SC_2_C_BIND=47 SC_2_C_DEV=48 SC_2_C_VERSION=96 SC_2_FORT_DEV=49 SC_2_FORT_RUN=50 "
            + "SC_2_LOCALEDEF=52 SC_2_SW_DEV=51 SC_2_UPE=97 SC_2_VERSION=46 SC_AIO_LISTIO_MAX=23 SC_AIO_MAX=24 "
            + "SC_AIO_PRIO_DELTA_MAX=25 SC_ARG_MAX=0 SC_ASYNCHRONOUS_IO=12 SC_ATEXIT_MAX=87 SC_AVPHYS_PAGES=86 "
            + "SC_BC_BASE_MAX=36 SC_BC_DIM_MAX=37 SC_BC_SCALE_MAX=38 SC_BC_STRING_MAX=39 SC_CHARCLASS_NAME_MAX=45 "
            + "SC_CHAR_BIT=101 SC_CHAR_MAX=102 SC_CHAR_MIN=103 SC_CHILD_MAX=1 SC_CLK_TCK=2 SC_COLL_WEIGHTS_MAX=40 "
            + "SC_DELAYTIMER_MAX=26 SC_EQUIV_CLASS_MAX=41 SC_EXPR_NEST_MAX=42 SC_FSYNC=15 SC_GETGR_R_SIZE_MAX=69 "
            + "SC_GETPW_R_SIZE_MAX=70 SC_INT_MAX=104 SC_INT_MIN=105 SC_IOV_MAX=60 SC_JOB_CONTROL=7 SC_LINE_MAX=43 "
            + "SC_LOGIN_NAME_MAX=71 SC_LONG_BIT=106 SC_MAPPED_FILES=16 SC_MB_LEN_MAX=108 SC_MEMLOCK=17 "
            + "SC_MEMLOCK_RANGE=18 SC_MEMORY_PROTECTION=19 SC_MESSAGE_PASSING=20 SC_MINSIGSTKSZ=249 "
            + "SC_MQ_OPEN_MAX=27 SC_MQ_PRIO_MAX=28 SC_NGROUPS_MAX=3 SC_NL_ARGMAX=119 SC_NL_LANGMAX=120 "
            + "SC_NL_MSGMAX=121 SC_NL_NMAX=122 SC_NL_SETMAX=123 SC_NL_TEXTMAX=124 SC_NPROCESSORS_CONF=83 "
            + "SC_NPROCESSORS_ONLN=84 SC_NZERO=109 SC_OPEN_MAX=4 SC_PAGESIZE=30 SC_PAGE_SIZE=30 SC_PASS_MAX=88 "
            + "SC_PHYS_PAGES=85 SC_PII=53 SC_PII_INTERNET=56 SC_PII_INTERNET_DGRAM=62 SC_PII_INTERNET_STREAM=61 "
            + "SC_PII_OSI=57 SC_PII_OSI_CLTS=64 SC_PII_OSI_COTS=63 SC_PII_OSI_M=65 SC_PII_SOCKET=55 SC_PII_XTI=54 "
            + "SC_POLL=58 SC_PRIORITIZED_IO=13 SC_PRIORITY_SCHEDULING=10 SC_REALTIME_SIGNALS=9 SC_RE_DUP_MAX=44 "
            + "SC_RTSIG_MAX=31 SC_SAVED_IDS=8 SC_SCHAR_MAX=111 SC_SCHAR_MIN=112 SC_SELECT=59 SC_SEMAPHORES=21 "
            + "SC_SEM_NSEMS_MAX=32 SC_SEM_VALUE_MAX=33 SC_SHARED_MEMORY_OBJECTS=22 SC_SHRT_MAX=113 SC_SHRT_MIN=114 "
            + "SC_SIGQUEUE_MAX=34 SC_SSIZE_MAX=110 SC_STREAM_MAX=5 SC_SYNCHRONIZED_IO=14 SC_THREADS=67 "
            + "SC_THREAD_ATTR_STACKADDR=77 SC_THREAD_ATTR_STACKSIZE=78 SC_THREAD_DESTRUCTOR_ITERATIONS=73 "
            + "SC_THREAD_KEYS_MAX=74 SC_THREAD_PRIORITY_SCHEDULING=79 SC_THREAD_PRIO_INHERIT=80 "
            + "SC_THREAD_PRIO_PROTECT=81 SC_THREAD_PROCESS_SHARED=82 SC_THREAD_SAFE_FUNCTIONS=68 "
            + "SC_THREAD_STACK_MIN=75 SC_THREAD_THREADS_MAX=76 SC_TIMERS=11 SC_TIMER_MAX=35 SC_TTY_NAME_MAX=72 "
            + "SC_TZNAME_MAX=6 SC_T_IOV_MAX=66 SC_UCHAR_MAX=115 SC_UINT_MAX=116 SC_UIO_MAXIOV=60 SC_ULONG_MAX=117 "
            + "SC_USHRT_MAX=118 SC_VERSION=29 SC_WORD_BIT=107 SC_XBS5_ILP32_OFF32=125 SC_XBS5_ILP32_OFFBIG=126 "
            + "SC_XBS5_LP64_OFF64=127 SC_XBS5_LPBIG_OFFBIG=128 SC_XOPEN_CRYPT=92 SC_XOPEN_ENH_I18N=93 "
            + "SC_XOPEN_LEGACY=129 SC_XOPEN_REALTIME=130 SC_XOPEN_REALTIME_THREADS=131 SC_XOPEN_SHM=94 "
            + "SC_XOPEN_UNIX=91 SC_XOPEN_VERSION=89 SC_XOPEN_XCU_VERSION=90 SC_XOPEN_XPG2=98 SC_XOPEN_XPG3=99 "
            + "SC_XOPEN_XPG4=100 ";

    static void install(VmApi vm, long d) {
        for (int i = 0; i < VALUES.length; i += 2) {
            long v = vm.newInt((Long) VALUES[i + 1]);
            vm.heap.dicts.setItem(d, (String) VALUES[i], v);
            vm.heap.decref(v);
        }
    }

    /** A name table as a new dict of str to int, in the table's order. */
    static long names(VmApi vm, String table) {
        long dict = vm.heap.dicts.create();
        for (String entry : table.trim().split(" ")) {
            int eq = entry.indexOf('=');
            long v = vm.newInt(Long.parseLong(entry.substring(eq + 1)));
            vm.heap.dicts.setItem(dict, entry.substring(0, eq), v);
            vm.heap.decref(v);
        }
        return dict;
    }

    /** The number a name table gives {@code name}, or -1. */
    static int lookup(String table, String name) {
        String key = " " + name + "=";
        int i = (" " + table).indexOf(key);
        if (i < 0) return -1;
        int start = i + key.length() - 1, end = table.indexOf(' ', start);
        return Integer.parseInt(table.substring(start, end < 0 ? table.length() : end));
    }
}
