# _socket over TCP on the loopback: getaddrinfo, bind/listen/accept/connect, socket.create_server
# and create_connection with a timeout, addresses of AF_INET and AF_INET6, and their errors
import _socket, socket

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

s = _socket.socket(); print(s.family, s.type, s.timeout)
t(lambda: s.bind(5)); t(lambda: s.bind((1, 2))); t(lambda: s.bind(("x",))); t(lambda: s.bind(("127.0.0.1", 70000))); t(lambda: s.connect(5))
s.bind(("127.0.0.1", 0)); s.listen(); host, port = s.getsockname(); print(host, port > 0)
c = _socket.socket(); c.connect(("127.0.0.1", port)); fd2, addr = s._accept(); print(type(fd2).__name__, addr[0])
d = _socket.socket(fileno=fd2); print(d.family, d.type, d.proto)
c.sendall(b'over tcp'); print(d.recv(100))
d.close(); c.close(); s.close()
u = _socket.socket(_socket.AF_INET6); u.bind(("::1", 0)); print(u.getsockname()[0], len(u.getsockname()))
t(lambda: u.bind(5)); t(lambda: u.connect(("::1", 1, 2, 3, 4))); u.close()
print(socket.getaddrinfo('127.0.0.1', 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo(None, '8080', socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE))
print(socket.getaddrinfo('localhost', None, socket.AF_INET)[0][4])
t(lambda: socket.getaddrinfo(1, 80))
t(lambda: _socket.getaddrinfo('127.0.0.1', 1.5))
with socket.create_server(('127.0.0.1', 0)) as srv:
    port = srv.getsockname()[1]
    with socket.create_connection(('127.0.0.1', port), timeout=5) as c:
        conn, addr = srv.accept()
        with conn:
            c.sendall(b'sync'); print(conn.recv(10), addr[0], c.gettimeout(), conn.gettimeout())
            conn.settimeout(0.05)
            t(lambda: conn.recv(10))
