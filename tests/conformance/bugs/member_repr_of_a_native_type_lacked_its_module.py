# the descriptors of a native module's type name the type as its tp_name does ('_socket.socket',
# 'array.array'), in their reprs and errors (they said 'socket', 'array')
import _socket, array, collections
print(_socket.socket.family, _socket.socket.proto, array.array.append, collections.deque.append)
for f in (lambda: _socket.socket.family.__get__(1), lambda: array.array.typecode.__get__(1), lambda: array.array.append(1, 2),
          lambda: array.array.__dict__['append'].__get__(1), lambda: array.array.typecode.__set__(array.array('b'), 1)):
    try:
        f()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
