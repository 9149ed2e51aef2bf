# posix's Linux calls beyond the file basics: each function exists with CPython 3.11's behaviour
# (results compared where they are the same on every run; kinds and round trips where not).
import os, posix, tempfile, sys, gc

names = sorted(n for n, v in vars(posix).items() if callable(v) and type(v).__name__ == 'builtin_function_or_method')
print(len(set(names) - {'fork', 'forkpty'}), 'functions besides fork and forkpty;', 'execv' in names, 'posix_spawn' in names)
print(sorted(n for n in vars(posix) if n.endswith('_names')), len(posix.sysconf_names), len(posix.confstr_names), len(posix.pathconf_names))
print(posix.sysconf_names['SC_PAGESIZE'], posix.confstr_names['CS_PATH'], posix.pathconf_names['PC_NAME_MAX'])
print(sorted(k for k in vars(posix) if isinstance(getattr(posix, k), int))[:12], os.SCHED_BATCH, os.RTLD_NOW, os.P_PIDFD, os.MFD_HUGE_16GB)

# device numbers
d = os.makedev(8, 1)
print(d, os.major(d), os.minor(d), os.makedev(4095, 1048575), os.major(2**40 + 5), os.minor(2**40 + 5))

# configuration
print(os.sysconf('SC_PAGESIZE'), os.sysconf(30), type(os.sysconf('SC_CLK_TCK')).__name__)
print(os.confstr('CS_PATH'), os.confstr('CS_GNU_LIBC_VERSION').split()[0])
for bad in ['SC_NOPE', 1.5]:
    try:
        os.sysconf(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

with tempfile.TemporaryDirectory() as tmp:
    p = os.path.join(tmp, 'f')
    print(os.pathconf(tmp, 'PC_NAME_MAX'), os.statvfs(tmp).f_namemax, type(os.statvfs(tmp)).__name__, len(os.statvfs(tmp)))
    fd = os.open(p, os.O_RDWR | os.O_CREAT, 0o600)
    print(os.fpathconf(fd, 'PC_NAME_MAX'), os.fstatvfs(fd).f_bsize == os.statvfs(tmp).f_bsize)
    # positioned and vectored I/O
    print(os.pwrite(fd, b'hello world', 0), os.pread(fd, 5, 6), os.writev(fd, [b'ab', bytearray(b'cd'), memoryview(b'ef')]))
    print(os.pwritev(fd, [b'XY', b'Z'], 1), os.pread(fd, 20, 0))
    bufs = [bytearray(3), bytearray(4)]
    os.lseek(fd, 0, 0)
    print(os.readv(fd, bufs), bufs)
    bufs = [bytearray(2), bytearray(2)]
    print(os.preadv(fd, bufs, 6), bufs)
    os.posix_fallocate(fd, 0, 100)
    os.posix_fadvise(fd, 0, 100, os.POSIX_FADV_NORMAL)
    print(os.fstat(fd).st_size, os.get_blocking(fd))
    os.set_blocking(fd, False); print(os.get_blocking(fd)); os.set_blocking(fd, True)
    os.lockf(fd, os.F_TLOCK, 0); os.lockf(fd, os.F_ULOCK, 0)
    os.fdatasync(fd); os.fchmod(fd, 0o640); print(oct(os.stat(p).st_mode & 0o777))
    os.fchown(fd, -1, -1); os.chown(p, -1, -1); os.lchown(p, -1, -1)
    fd2 = os.dup2(fd, 100); print(fd2, os.get_inheritable(100)); os.close(100)
    fd3 = os.dup2(fd, 101, inheritable=False); print(fd3, os.get_inheritable(101)); os.close(101)
    # copying between descriptors
    q = os.path.join(tmp, 'g')
    out = os.open(q, os.O_RDWR | os.O_CREAT, 0o600)
    print(os.sendfile(out, fd, 0, 5), os.copy_file_range(fd, out, 3, offset_src=6, offset_dst=5), os.pread(out, 20, 0))
    r, w = os.pipe2(os.O_CLOEXEC | os.O_NONBLOCK)
    print(os.get_blocking(r), os.get_inheritable(w), os.splice(fd, w, 4, offset_src=0), os.read(r, 10))
    for x in (r, w, out, fd):
        os.close(x)
    # fifos, fchdir, sync
    f = os.path.join(tmp, 'fifo'); os.mkfifo(f, 0o600)
    import stat; print(stat.S_ISFIFO(os.stat(f).st_mode))
    here = os.getcwd(); dfd = os.open(tmp, os.O_RDONLY)
    os.fchdir(dfd); print(os.getcwd() == os.path.realpath(tmp)); os.chdir(here); os.close(dfd)
    os.sync()
    try:
        os.mknod(os.path.join(tmp, 'dev'), 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError as e:
        print('mknod', e.errno)
    try:
        os.setxattr(p, 'user.k', b'v'); print(os.getxattr(p, 'user.k'), os.listxattr(p)); os.removexattr(p, 'user.k')
    except OSError as e:
        print('xattr errno', e.errno in (1, 95))
    try:
        os.getxattr(p, 'user.none')
    except OSError as e:
        print(type(e).__name__, e.filename == p)
    try:
        os.statvfs(os.path.join(tmp, 'missing'))
    except FileNotFoundError as e:
        print('statvfs', e.errno, e.filename.endswith('missing'))

# random, memfd, eventfd
print(len(os.getrandom(16)), len(os.getrandom(5, os.GRND_NONBLOCK)))
m = os.memfd_create('refheap'); os.write(m, b'abc'); print(os.pread(m, 3, 0), os.get_inheritable(m)); os.close(m)
e = os.eventfd(3); os.eventfd_write(e, 4); print(os.eventfd_read(e)); os.close(e)

# ids, groups, priorities, scheduler
print(os.getresuid() == (os.getuid(), os.geteuid(), os.getuid()) or len(os.getresuid()), len(os.getresgid()))
print(type(os.getgroups()).__name__, os.getgid() in os.getgrouplist('root', os.getgid()) or os.getgid())
print(os.getpriority(os.PRIO_PROCESS, 0) == os.nice(0), type(os.getloadavg()), len(os.getloadavg()))
print(os.sched_get_priority_max(os.SCHED_FIFO), os.sched_get_priority_min(os.SCHED_FIFO), os.sched_getscheduler(0) in (0, 3, 5))
sp = os.sched_param(5); print(sp, sp.sched_priority, gc.is_tracked(sp), sys.getsizeof(sp), os.sched_param(sched_priority=2))
print(os.sched_getparam(0), type(os.sched_rr_get_interval(0)).__name__, os.sched_getaffinity(0) <= set(range(1024)))
os.sched_setaffinity(0, os.sched_getaffinity(0)); os.sched_yield()
for bad in [(), (1, 2)]:
    try:
        os.sched_param(*bad)
    except TypeError as e:
        print(e)
try:
    os.sched_setparam(0, (1,))
except TypeError as e:
    print(e)
print(os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG) if False else 'waitid', os.sysconf('SC_NGROUPS_MAX') > 0)
try:
    os.wait()
except ChildProcessError as e:
    print('wait', e.errno)
# child processes: posix_spawn, waitid, pidfd
pid = os.posix_spawn('/bin/sh', ['sh', '-c', 'exit 3'], os.environ)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
pid = os.posix_spawnp('true', ['true'], {'PATH': os.environ.get('PATH', '/usr/bin:/bin')})
res = os.waitid(os.P_PID, pid, os.WEXITED)
print(type(res).__name__, res.si_pid == pid, res.si_status, res.si_code == os.CLD_EXITED, res.si_signo)
r, w = os.pipe()
pid = os.posix_spawn('/bin/echo', ['echo', 'spawned'], {}, file_actions=[(os.POSIX_SPAWN_DUP2, w, 1), (os.POSIX_SPAWN_CLOSE, r)])
os.close(w); print(os.read(r, 100)); os.close(r); os.waitpid(pid, 0)
try:
    os.posix_spawn('/nonexistent/x', ['x'], {})
except FileNotFoundError as e:
    print('spawn', e.errno, e.filename)
pid = os.posix_spawn('/bin/sleep', ['sleep', '5'], {})
fd = os.pidfd_open(pid); os.kill(pid, 9); print(os.waitid(os.P_PIDFD, fd, os.WEXITED).si_status); os.close(fd)
try:
    os.execv('/nonexistent/y', ['y'])
except FileNotFoundError as e:
    print('execv', e.errno, e.filename)
for bad in [[], ['']]:
    try:
        os.execv('/bin/true', bad)
    except ValueError as e:
        print(e)
print(os.path.normpath('a//b/./c/..'), os.path.normpath(''), os.path.normpath('//x/../..'), os.path.normpath(b'/a/./b'))
# os builds supports_fd from posix._have_functions: chdir takes a descriptor (fchdir), as in CPython
print(sorted(f.__name__ for f in os.supports_fd))
here = os.getcwd()
with tempfile.TemporaryDirectory() as tmp:
    dfd = os.open(tmp, os.O_RDONLY)
    os.chdir(dfd)
    print(os.getcwd() == os.path.realpath(tmp))
    os.chdir(here)
    os.close(dfd)
# _path_normpath (posixpath.normpath's core) against CPython's on generated paths
import random
rnd = random.Random(7)
cases = [''.join(rnd.choice(['a', '.', '/', 'b', '..']) for _ in range(rnd.randint(0, 9))) for i in range(400)]
print(' '.join(repr(posix._path_normpath(c)) for c in cases))
