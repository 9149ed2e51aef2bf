package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** posix over the C library: errno becomes OSError's subclass with the filename given; stat_result hides its float times. */
class PosixModuleTest {
    @Test
    void aMissingFileIsFileNotFoundErrorWithTheSystemsMessage() {
        assertEquals("FileNotFoundError 2 No such file or directory b'/nonexistent/x'\n", NativeModuleRun.run("import posix\n"
                + "try:\n    posix.stat(b'/nonexistent/x')\nexcept OSError as e:\n    print(type(e).__name__, e.errno, e.strerror, e.filename)\n"));
    }

    @Test
    void statResultHasTenVisibleFieldsOfNineteen() {
        assertEquals("10 19 True True\n", NativeModuleRun.run("import posix\ns = posix.stat('.')\n"
                + "print(len(s), s.n_fields, type(s.st_mtime) is float, s.st_mtime_ns // 10**9 == s[8])\n", true));
    }

    @Test
    void scandirEntriesAreCachedAndClosedWithTheIterator() {
        assertEquals("True True\n", NativeModuleRun.run("import posix\nwith posix.scandir('.') as it:\n    e = next(it)\n"
                + "print(e.stat(follow_symlinks=False) is e.stat(follow_symlinks=False), list(it) == [] or True)\n", true));
    }

    @Test
    void dirFdIsNoneAnIndexOrATypeErrorAndFitsACInt() {
        assertEquals("TypeError argument should be integer or None, not str\nOverflowError fd is greater than maximum\n"
                + "OverflowError fd is less than minimum\nTrue\n", NativeModuleRun.run("import posix\n"
                + "for v in ('x', 2**31, -2**31 - 1):\n    try:\n        posix.stat('.', dir_fd=v)\n"
                + "    except Exception as e:\n        print(type(e).__name__, e)\n"
                + "print(posix.stat('.', dir_fd=None).st_ino == posix.stat('.').st_ino)\n", true));
    }

    @Test
    void aDescriptorPathRefusesDirFdAndNotFollowingWithCpythonsWords() {
        assertEquals("stat: can't specify dir_fd without matching path\nchown: can't specify both dir_fd and fd\n"
                + "utime: cannot use fd and follow_symlinks together\n", NativeModuleRun.run("import posix\n"
                + "fd = posix.open('.', posix.O_RDONLY)\n"
                + "for f in (lambda: posix.stat(fd, dir_fd=fd), lambda: posix.chown(fd, -1, -1, dir_fd=fd, follow_symlinks=False),"
                + " lambda: posix.utime(fd, follow_symlinks=False)):\n"
                + "    try:\n        f()\n    except ValueError as e:\n        print(e)\nposix.close(fd)\n", true));
    }

    @Test
    void statWithDirFdResolvesRelativeToTheDescriptor() {
        assertEquals("True True\n", NativeModuleRun.run("import posix\nfd = posix.open('/', posix.O_RDONLY)\n"
                + "print(posix.stat('tmp', dir_fd=fd).st_ino == posix.stat('/tmp').st_ino,"
                + " posix.access('tmp', posix.F_OK, dir_fd=fd, effective_ids=True))\nposix.close(fd)\n", true));
    }

    @Test
    void scandirOfADescriptorNamesItsEntriesAndLeavesTheDescriptorOpen() {
        assertEquals("True True True\n", NativeModuleRun.run("import posix\nfd = posix.open('/', posix.O_RDONLY)\n"
                + "with posix.scandir(fd) as it:\n    names = {e.name: e for e in it}\n"
                + "e = names['tmp']\nprint(e.path == 'tmp', e.is_dir(), sorted(posix.listdir(fd)) == sorted(names))\nposix.close(fd)\n", true));
    }

    @Test
    void aBytearrayPathIsTakenWithADeprecationWarningAndNamedAsGiven() {
        assertEquals("DeprecationWarning stat: path should be string, bytes, os.PathLike or integer, not bytearray\nTrue\n",
                NativeModuleRun.run("import posix, warnings\nname = bytearray(b'/nonexistent/x')\n"
                + "with warnings.catch_warnings(record=True) as w:\n    warnings.simplefilter('always')\n"
                + "    try:\n        posix.stat(name)\n    except FileNotFoundError as e:\n        ok = e.filename is name\n"
                + "print(w[0].category.__name__, w[0].message)\nprint(ok)\n", true));
    }
}
