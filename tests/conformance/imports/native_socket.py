# _socket as socket, asyncio and unittest.mock import it: CPython 3.11's constants, error classes,
# byte-order functions, default timeout, inet_aton/ntoa; the socket type socket.socket extends.
import _socket, socket, sys, gc
print(_socket.socket.__name__, _socket.socket.__module__, _socket.SocketType is _socket.socket)
print(_socket.error is OSError, _socket.timeout is TimeoutError, _socket.herror.__module__, _socket.gaierror.__mro__[1].__name__)
print(socket.AF_INET, socket.SOCK_STREAM, socket.AddressFamily.AF_INET6.value, socket.SOL_SOCKET, socket.has_ipv6)
print(_socket.htons(1), _socket.htonl(1), _socket.ntohs(258), _socket.ntohl(16777216))
for f, v in [('htons', -1), ('htons', 70000), ('htonl', -1), ('htonl', 1 << 33), ('ntohs', 1.5)]:
    try:
        getattr(_socket, f)(v)
    except (OverflowError, TypeError) as e:
        print(f, type(e).__name__, e)
print(_socket.getdefaulttimeout())
_socket.setdefaulttimeout(2)
print(_socket.getdefaulttimeout())
try:
    _socket.setdefaulttimeout(-1)
except ValueError as e:
    print('ValueError', e)
_socket.setdefaulttimeout(None)
print(_socket.inet_aton('1.2.3.4'), _socket.inet_aton('127.1'), _socket.inet_ntoa(b'\x01\x02\x03\x04'))
class S(socket.socket):
    pass
print(S.__basicsize__ if hasattr(S, '__basicsize__') else None, socket.socket.__slots__)
print(sorted(n for n in vars(_socket.socket) if not n.startswith('__'))[:6])
print(len([n for n in dir(_socket) if n.isupper() and isinstance(getattr(_socket, n), int)]))
