# posix (refheap native module): utime (times, ns, errors), truncate, link, chdir, get/set_inheritable, in a temporary directory the program makes and removes
import posix
base = posix.getcwd() + '/tests/conformance/imports/_posix_more_' + str(posix.getpid())
posix.mkdir(base)
try:
    f = base + '/f'
    fd = posix.open(f, posix.O_WRONLY | posix.O_CREAT, 0o600); posix.write(fd, b'0123456789')
    print(posix.get_inheritable(fd), posix.set_inheritable(fd, True), posix.get_inheritable(fd), posix.set_inheritable(fd, False), posix.get_inheritable(fd))
    posix.close(fd)
    posix.utime(f, (1000000000, 1500000000.25)); s = posix.stat(f)
    print(s.st_atime, s.st_mtime, s.st_atime_ns, s.st_mtime_ns, s[7], s[8])
    posix.utime(f, ns=(123456789012345678, -1)); s = posix.stat(f); print(s.st_atime_ns, s.st_mtime_ns, s.st_mtime)
    posix.utime(f); print(posix.stat(f).st_mtime > 1600000000)
    posix.truncate(f, 4); print(posix.stat(f).st_size)
    posix.link(f, base + '/g'); print(posix.stat(f).st_nlink, posix.stat(base + '/g').st_ino == posix.stat(f).st_ino)
    cwd = posix.getcwd(); posix.chdir(base); print(sorted(posix.listdir()), posix.getcwd() == base); posix.chdir(cwd)
    for bad in ["posix.utime(f, (1, 2), ns=(1, 2))", "posix.utime(f, (1,))", "posix.utime(f, [1, 2])", "posix.utime(f, ns=(1.5, 2))", "posix.utime(base + '/nope')",
                "posix.truncate(base + '/nope', 0)", "posix.link(base + '/nope', base + '/x')", "posix.get_inheritable(-1)", "posix.utime(f, ('a', 1))", "posix.chdir(base + '/nope')"]:
        try: eval(bad); print(bad, 'ok')
        except Exception as ex: print(bad, type(ex).__name__, ex.errno if isinstance(ex, OSError) else '', str(ex).replace(base, 'BASE'))
finally:
    for name in posix.listdir(base): posix.unlink(base + '/' + name)
    posix.rmdir(base)
