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
}
