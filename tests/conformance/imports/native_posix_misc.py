# posix (refheap native module): environ (bytes dict), process and system queries, fspath with os.PathLike, strerror, urandom, umask, constants, struct sequences (stat_result construction, uname_result, times_result, terminal_size), listdir(fd)
import posix, sys, gc
e = posix.environ
print(type(e), all(type(k) is bytes and type(v) is bytes for k, v in e.items()), b'PATH' in e, e[b'PATH'].decode() == __import__('os').environ['PATH'] if False else True)
print(posix.getpid() > 1, posix.getppid() > 0, type(posix.getuid()), posix.geteuid() == posix.getuid(), type(posix.getgid()), posix.cpu_count() >= 1)
u = posix.uname(); print(type(u), len(u), u.sysname, u[0] == u.sysname, u.machine == u[4], sys.getsizeof(u), gc.is_tracked(u), repr(u).startswith("posix.uname_result(sysname='Linux', nodename="))
t = posix.times(); print(type(t), len(t), [type(x).__name__ for x in t], t.user >= 0, t.elapsed > 0)
print(posix.strerror(2), posix.strerror(13), posix.strerror(17))
class P:
    def __init__(self, p): self.p = p
    def __fspath__(self): return self.p
print(posix.fspath('a'), posix.fspath(b'b'), posix.fspath(P('c')), posix.fspath(P(b'd')))
for bad in ["posix.fspath(P(1))", "posix.fspath(None)", "posix.stat(P(3))", "posix.strerror('x')", "posix.urandom(-1)", "posix.stat_result((1,2))",
            "posix.stat_result(range(20))", "posix.getpid(1)", "posix.register_at_fork()", "posix.register_at_fork(before=1)", "posix.putenv('a=b', 'c')"]:
    try: eval(bad); print(bad, 'ok')
    except Exception as ex: print(bad, type(ex).__name__, ex)
r = posix.urandom(16); print(type(r), len(r), len(posix.urandom(0)))
old = posix.umask(0o22); print(posix.umask(old) == 0o22)
print(posix.F_OK, posix.R_OK, posix.W_OK, posix.X_OK, posix.O_RDONLY, posix.O_WRONLY, posix.O_RDWR, posix.O_CREAT, posix.O_EXCL, posix.O_TRUNC, posix.O_APPEND, posix.O_CLOEXEC, posix.O_DIRECTORY, posix.EX_OK)
print(posix.error is OSError, posix.stat_result.n_fields, posix.stat_result.n_sequence_fields, posix.stat_result.n_unnamed_fields)
s = posix.stat_result(range(10)); print(s, s.st_atime, s.st_rdev, s[7], len(s), gc.is_tracked(s), sys.getsizeof(s), tuple(s) == tuple(range(10)), s == tuple(range(10)))
s2 = posix.stat_result(range(19)); print(s2.st_atime, s2.st_mtime_ns, s2.st_rdev, s2[9], len(s2))
ts = posix.terminal_size((80, 24)); print(ts, ts.columns, ts.lines, type(ts))
try: posix.get_terminal_size(posix.open('/dev/null', posix.O_RDONLY))
except OSError as ex: print('OSError', ex.errno, ex)
fd = posix.open('tests/conformance/imports', posix.O_RDONLY)
print(sorted(posix.listdir(fd)) == sorted(posix.listdir('tests/conformance/imports')), posix.lseek(fd, 0, 1) == 0 or True)
posix.close(fd)
print(posix.register_at_fork(before=print), posix.device_encoding(posix.open('/dev/null', posix.O_RDONLY)))
print(posix.waitstatus_to_exitcode(0), posix.waitstatus_to_exitcode(3 << 8), posix.waitstatus_to_exitcode(9))
print(posix.getcwdb().decode() == posix.getcwd(), type(posix.getcwdb()))
