package dev.refheap.lang.modules;

import dev.refheap.lang.vm.Builtin;
import dev.refheap.lang.vm.VmApi;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code _stat}: CPython 3.11's C accelerator for stat.py (which imports it over its Python
 * definitions): the S_IF and permission constants with Linux's values, the ST_ indexes into a stat
 * result, the BSD file flags, S_IS*(mode), S_IMODE, S_IFMT and filemode, with the C module's
 * argument errors (a mode is a C mode_t: "an integer is required", negative or too large refused).
 */
public final class StatModule {
    private StatModule() {}

    private static final Object[] CONSTANTS = {
        "SF_APPEND", 262144L, "SF_ARCHIVED", 65536L, "SF_IMMUTABLE", 131072L, "SF_NOUNLINK", 1048576L, "SF_SNAPSHOT", 2097152L,
        "ST_ATIME", 7L, "ST_CTIME", 9L, "ST_DEV", 2L, "ST_GID", 5L, "ST_INO", 1L, "ST_MODE", 0L, "ST_MTIME", 8L, "ST_NLINK", 3L,
        "ST_SIZE", 6L, "ST_UID", 4L, "S_ENFMT", 1024L, "S_IEXEC", 64L, "S_IFBLK", 24576L, "S_IFCHR", 8192L, "S_IFDIR", 16384L,
        "S_IFDOOR", 0L, "S_IFIFO", 4096L, "S_IFLNK", 40960L, "S_IFPORT", 0L, "S_IFREG", 32768L, "S_IFSOCK", 49152L, "S_IFWHT", 0L,
        "S_IREAD", 256L, "S_IRGRP", 32L, "S_IROTH", 4L, "S_IRUSR", 256L, "S_IRWXG", 56L, "S_IRWXO", 7L, "S_IRWXU", 448L,
        "S_ISGID", 1024L, "S_ISUID", 2048L, "S_ISVTX", 512L, "S_IWGRP", 16L, "S_IWOTH", 2L, "S_IWRITE", 128L, "S_IWUSR", 128L,
        "S_IXGRP", 8L, "S_IXOTH", 1L, "S_IXUSR", 64L, "UF_APPEND", 4L, "UF_COMPRESSED", 32L, "UF_HIDDEN", 32768L,
        "UF_IMMUTABLE", 2L, "UF_NODUMP", 1L, "UF_NOUNLINK", 16L, "UF_OPAQUE", 8L};

    static final int S_IFMT = 0170000;
    /** S_ISxxx name → the file type it tests (0: a type Linux does not have, always False). */
    private static final Object[] TESTS = {"S_ISBLK", 0060000, "S_ISCHR", 0020000, "S_ISDIR", 0040000, "S_ISDOOR", 0,
        "S_ISFIFO", 0010000, "S_ISLNK", 0120000, "S_ISPORT", 0, "S_ISREG", 0100000, "S_ISSOCK", 0140000, "S_ISWHT", 0};

    /** _PyLong_AsMode_t. */
    static long mode(VmApi vm, long o) {
        if (!vm.isInt(o)) throw vm.error("TypeError", "an integer is required");
        BigInteger b = vm.asIndex(o);
        if (b.signum() < 0) throw vm.error("OverflowError", "can't convert negative value to unsigned int");
        if (b.bitLength() > 64) throw vm.error("OverflowError", "Python int too large to convert to C unsigned long");
        if (b.bitLength() > 32) throw vm.error("OverflowError", "mode out of range");
        return b.longValue();
    }

    private static void one(VmApi vm, String name, int n, long kw) {
        Params.noKeywords(vm, "_stat." + name, kw);
        if (n != 1) throw vm.error("TypeError", "_stat." + name + "() takes exactly one argument (" + n + " given)");
    }

    /** stat.filemode: "-rwxr-xr-x" as ls shows a mode. */
    static String filemode(long mode) {
        char type = switch ((int) (mode & S_IFMT)) {
            case 0100000 -> '-';
            case 0040000 -> 'd';
            case 0120000 -> 'l';
            case 0060000 -> 'b';
            case 0020000 -> 'c';
            case 0010000 -> 'p';
            case 0140000 -> 's';
            default -> '?';
        };
        StringBuilder sb = new StringBuilder().append(type);
        sb.append((mode & 0400) != 0 ? 'r' : '-').append((mode & 0200) != 0 ? 'w' : '-');
        sb.append((mode & 04000) != 0 ? ((mode & 0100) != 0 ? 's' : 'S') : ((mode & 0100) != 0 ? 'x' : '-'));
        sb.append((mode & 040) != 0 ? 'r' : '-').append((mode & 020) != 0 ? 'w' : '-');
        sb.append((mode & 02000) != 0 ? ((mode & 010) != 0 ? 's' : 'S') : ((mode & 010) != 0 ? 'x' : '-'));
        sb.append((mode & 04) != 0 ? 'r' : '-').append((mode & 02) != 0 ? 'w' : '-');
        sb.append((mode & 01000) != 0 ? ((mode & 01) != 0 ? 't' : 'T') : ((mode & 01) != 0 ? 'x' : '-'));
        return sb.toString();
    }

    /**
     * The module's functions by name, made from the runtime alone (no object allocated): the
     * module's setup defines them from this table, and a runtime adopting a start-up image makes
     * them again from it.
     */
    public static Map<String, Builtin> functions(VmApi vm) {
        Map<String, Builtin> f = new HashMap<>();
        for (int i = 0; i < TESTS.length; i += 2) {
            String name = (String) TESTS[i];
            int type = (Integer) TESTS[i + 1];
            f.put(name, (s, a, o, n, kw) -> {
                one(vm, name, n, kw);
                long mode = mode(vm, a[o]);
                return vm.incref(type != 0 && (mode & S_IFMT) == type ? vm.heap.True : vm.heap.False);
            });
        }
        f.put("S_IMODE", (s, a, o, n, kw) -> {
            one(vm, "S_IMODE", n, kw);
            return vm.newInt(mode(vm, a[o]) & 07777);
        });
        f.put("S_IFMT", (s, a, o, n, kw) -> {
            one(vm, "S_IFMT", n, kw);
            return vm.newInt(mode(vm, a[o]) & S_IFMT);
        });
        f.put("filemode", (s, a, o, n, kw) -> {
            one(vm, "filemode", n, kw);
            return vm.str(filemode(mode(vm, a[o])));
        });
        return f;
    }

    public static long create(VmApi vm) {
        Map<String, Builtin> fns = functions(vm);
        long m = vm.newModule("_stat");
        long d = vm.moduleDict(m);
        for (int i = 0; i < CONSTANTS.length; i += 2) {
            long v = vm.newInt((Long) CONSTANTS[i + 1]);
            vm.heap.dicts.setItem(d, (String) CONSTANTS[i], v);
            vm.heap.decref(v);
        }
        for (int i = 0; i < TESTS.length; i += 2) vm.def(m, (String) TESTS[i], fns.get((String) TESTS[i]));
        for (String name : new String[] {"S_IMODE", "S_IFMT", "filemode"}) vm.def(m, name, fns.get(name));
        return m;
    }
}
