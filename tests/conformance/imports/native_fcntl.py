# fcntl (CPython 3.11's on Linux): fcntl, ioctl, flock and lockf, their buffer arguments and results,
# the constants in CPython's order, and their errors. refheap had no fcntl module.
import fcntl, os, struct
print([(k, v) for k, v in vars(fcntl).items() if not k.startswith('__') and not callable(v)])
print([k for k, v in vars(fcntl).items() if callable(v) and not k.startswith('__')])
r, w = os.pipe()
flags = fcntl.fcntl(r, fcntl.F_GETFL)
print(flags & os.O_NONBLOCK, fcntl.fcntl(r, fcntl.F_SETFL, flags | os.O_NONBLOCK), fcntl.fcntl(r, fcntl.F_GETFL) & os.O_NONBLOCK != 0)
print(fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC, fcntl.fcntl(w, fcntl.F_GETPIPE_SZ) > 0)
path = '/tmp/refheap-fcntl-test-%d' % os.getpid()
with open(path, 'w+') as f:
    f.write('x' * 100)
    f.flush()
    print(fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB), fcntl.flock(f.fileno(), fcntl.LOCK_UN))
    print(fcntl.lockf(f, fcntl.LOCK_EX, 10, 0, 0), fcntl.lockf(f, fcntl.LOCK_UN))
    lk = struct.pack('hhqqi', fcntl.F_WRLCK, 0, 0, 0, 0) + b'\0' * 4
    res = fcntl.fcntl(f, fcntl.F_GETLK, lk)
    print(type(res), len(res), struct.unpack('hhqqi', res[:28])[0] == fcntl.F_UNLCK)
    buf = bytearray(4)
    print(fcntl.ioctl(r, 0x541B, buf), buf)  # FIONREAD on the pipe
    os.write(w, b'abc')
    print(fcntl.ioctl(r, 0x541B, buf, True), struct.unpack('i', buf)[0])
    print(fcntl.ioctl(r, 0x541B, bytes(4)), fcntl.ioctl(r, 0x541B, '    '))
    for fn in (lambda: fcntl.fcntl(f, fcntl.F_GETLK, b'x' * 2000), lambda: fcntl.lockf(f, 0), lambda: fcntl.fcntl(-1, fcntl.F_GETFL),
               lambda: fcntl.fcntl(f, 1.5), lambda: fcntl.fcntl(f, fcntl.F_SETFD, 1.5), lambda: fcntl.fcntl(f, fcntl.F_SETFD, None),
               lambda: fcntl.flock(99999, fcntl.LOCK_SH), lambda: fcntl.fcntl('x', 1), lambda: fcntl.fcntl(f),
               lambda: fcntl.ioctl(f, 0x541B, b'x' * 2000), lambda: fcntl.ioctl(f, 0x541B, None), lambda: fcntl.fcntl(f, 1, x=2)):
        try:
            print(repr(fn()))
        except Exception as e:
            print(type(e).__name__, e)
os.unlink(path)
