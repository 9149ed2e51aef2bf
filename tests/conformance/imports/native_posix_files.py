# posix (refheap native module): files and directories in a temporary directory the program makes and removes: mkdir/listdir/scandir (DirEntry)/stat (os.stat_result as a struct sequence)/open/read/write/lseek/rename/replace/unlink/rmdir, OSError with errno, strerror and filename
import posix, sys, gc
base = posix.getcwd() + '/tests/conformance/imports/_posix_tmp_' + str(posix.getpid())
posix.mkdir(base)
try:
    print(sorted(posix.listdir(base)), posix.access(base, posix.F_OK), posix.access(base + '/nope', posix.F_OK))
    fd = posix.open(base + '/a.txt', posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
    print(type(fd), posix.write(fd, b'hello\nworld\n'), posix.write(fd, bytearray(b'!')), posix.lseek(fd, 0, 1), posix.isatty(fd))
    posix.close(fd)
    fd = posix.open(base + '/a.txt', posix.O_RDONLY)
    print(posix.read(fd, 5), posix.read(fd, 100), posix.read(fd, 10), posix.lseek(fd, 2, 0), posix.read(fd, 3), posix.lseek(fd, -1, 2))
    st = posix.fstat(fd); posix.close(fd)
    s = posix.stat(base + '/a.txt')
    print(type(s), type(s).__module__, type(s).__name__, len(s), s.n_fields, s.n_sequence_fields, s.n_unnamed_fields, sys.getsizeof(s), gc.is_tracked(s))
    print(s.st_size, oct(s.st_mode), s.st_nlink, s == st, s[6], s[0] == s.st_mode, type(s.st_atime), type(s[7]), type(s.st_mtime_ns), s.st_mtime_ns // 10**9 == s[8])
    print(repr(s).startswith('os.stat_result(st_mode='), repr(s).count('='), s.st_blocks >= 0, s.st_blksize > 0, s.st_ino == s[1], s.st_rdev)
    print(posix.stat(base.encode() + b'/a.txt').st_size, posix.lstat(base + '/a.txt').st_size)
    posix.mkdir(base + '/sub', 0o755); posix.symlink(base + '/a.txt', base + '/link')
    print(sorted(posix.listdir(base)), sorted(posix.listdir(base.encode())), posix.readlink(base + '/link') == base + '/a.txt')
    with posix.scandir(base) as it:
        print(type(it).__name__, sys.getsizeof(it), gc.is_tracked(it))
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        print(repr(e), e.name, e.path == base + '/' + e.name, e.is_dir(), e.is_file(), e.is_symlink(), e.is_file(follow_symlinks=False), e.inode() == e.stat(follow_symlinks=False).st_ino, e.stat().st_size if e.is_file() else '-', posix.fspath(e) == e.path)
    e = entries[0]; print(type(e).__name__, sys.getsizeof(e), gc.is_tracked(e), e.stat() is e.stat(), e.stat(follow_symlinks=False) is e.stat())
    print([x.name for x in sorted(posix.scandir(base.encode()), key=lambda e: e.name)])
    posix.rename(base + '/a.txt', base + '/b.txt'); posix.replace(base + '/b.txt', base + '/c.txt')
    posix.unlink(base + '/link'); posix.remove(base + '/c.txt'); posix.rmdir(base + '/sub')
    print(posix.listdir(base))
    for bad in ["posix.stat(base + '/nope')", "posix.rename(base + '/nope', base + '/x')", "posix.rmdir(base + '/nope')", "posix.open(base + '/nope', posix.O_RDONLY)",
                "posix.listdir(base + '/nope')", "posix.mkdir(base)", "posix.remove(b'/nonexistent/x')", "posix.read(-1, 1)", "posix.close(-5)",
                "posix.stat([])", "posix.listdir([])", "posix.mkdir(1.5)", "posix.stat('a\\0b')", "posix.fspath(1)", "posix.stat()", "posix.write(1, 'str')",
                "posix.scandir(base + '/nope')", "posix.rmdir(base + '/..')"]:
        try: eval(bad); print(bad, 'ok')
        except Exception as ex: print(bad, type(ex).__name__, ex.args, getattr(ex, 'errno', None), str(getattr(ex, 'filename', None)).replace(base, 'BASE'), str(ex).replace(base, 'BASE'))
finally:
    for name in posix.listdir(base): posix.unlink(base + '/' + name)
    posix.rmdir(base)
print(posix.access(base, posix.F_OK))
