# _socket over real descriptors: socketpair, send/recv, timeouts, blocking, errors, AF_UNIX names,
# the socket's layout and members, and socket.py's socket on top (asyncio's self-pipe needs these)
import _socket, socket, os, gc, sys, re, warnings

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

a, b = _socket.socketpair()
print(type(a).__name__, a.family, a.type, a.proto, a.timeout, a.getblocking(), sys.getsizeof(a), gc.is_tracked(a))
print(repr(a).startswith('<socket object, fd='), type(_socket.socket.__dict__['family']).__name__)
print(_socket.socket.__dict__['family'], _socket.socket.family.__doc__, _socket.socket.timeout.__doc__)
print(b.send(b'hello'), a.recv(3), a.recv(10))
t(lambda: _socket.socket(fileno=-1)); t(lambda: _socket.socket(fileno=1.5))
t(lambda: a.settimeout("x")); t(lambda: a.settimeout(-1)); t(lambda: a.settimeout(float('nan')))
t(lambda: a.settimeout(1e10)); t(lambda: a.settimeout(10**10))
t(lambda: a.recv(-1)); t(lambda: a.recv_into(bytearray(2), -1)); t(lambda: a.recv_into(bytearray(2), 5)); t(lambda: a.recv_into(b'xx'))
t(lambda: a.send("x"))
a.setblocking(False); print(a.timeout, a.getblocking())
t(lambda: a.recv(10))
a.settimeout(0.01); print(a.timeout, a.getblocking())
t(lambda: a.recv(10))
a.settimeout(1e-10); print(a.gettimeout())
a.settimeout(None)
b.sendall(b'abc')
buf = bytearray(5); print(a.recv_into(buf), buf)
b.send(b'zz'); buf = bytearray(5); print(a.recvfrom_into(buf, 2), buf)
b.send(b'qq'); print(a.recvfrom(10))
print(repr(a.getsockname()), repr(a.getpeername()))
t(lambda: a.getsockopt(_socket.SOL_SOCKET, _socket.SO_TYPE)); t(lambda: a.getsockopt(_socket.SOL_SOCKET, _socket.SO_TYPE, 4))
t(lambda: a.getsockopt(1, 3, 2000))
t(lambda: a.setsockopt(1, 2, "x")); t(lambda: a.setsockopt(_socket.SOL_SOCKET, _socket.SO_SNDBUF, 65536))
t(lambda: a.sendto(b'x')); t(lambda: a.sendto(b'x', 1, 2, 3))
fd = b.fileno(); b.close(); print(repr(b).replace('fd=-1', 'closed'), b.fileno()); t(lambda: b.recv(1)); b.close()
t(lambda: os.fstat(fd))
print(a.recv(10))
a.close()
t(lambda: _socket.socket(99)); t(lambda: _socket.socket(1, 99))
_socket.setdefaulttimeout(2.5); s = _socket.socket(); print(s.timeout, _socket.getdefaulttimeout()); s.close(); _socket.setdefaulttimeout(None)
t(lambda: _socket.inet_pton(99, '1.2.3.4')); t(lambda: _socket.inet_pton(2, 'x')); t(lambda: _socket.inet_ntop(2, b'123'))
print(_socket.inet_ntop(10, _socket.inet_pton(10, '::1')), _socket.inet_pton(2, '10.1.2.3'))
x, y = socket.socketpair(); print(repr(x).split(' fd=')[0], y.family, y.type)
with x, y:
    x.sendall(b'via socket.py'); print(y.recv(100))
    f = y.makefile('rb'); x.sendall(b'line1\nline2\n'); print(f.readline()); f.close()
print(repr(x).replace('fd=-1', 'closed'))
z, w = _socket.socketpair(); zfd = z.fileno(); del z; gc.collect()  # the finalizer closes what was not closed
t(lambda: os.fstat(zfd))
w.close()
un = socket.socket(socket.AF_UNIX); un.bind("\0refheap-abstract-%d" % os.getpid()); print(un.getsockname()[:9]); un.close()
print(_socket.gethostname() == os.uname().nodename)
# an unclosed socket warns (ResourceWarning, shown here by a filter) and is closed by its finalizer
warnings.simplefilter('always', ResourceWarning)
warnings.showwarning = lambda m, c, f, l, *rest: print(c.__name__, re.sub(r'fd=\d+', 'fd=N', str(m)))
p, q = _socket.socketpair(); del p
r = socket.socket(socket.AF_UNIX); del r
q.close()
