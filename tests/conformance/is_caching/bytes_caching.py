# Single-byte bytes objects are cached; longer ones built at run time are not.
b = b'abc'
a = b'a'
print(b[0:1] is a)
print(b[1:2] is b'xb'[1:2])
c = b'hello'
print(c[0:2] is c[0:2], c[0:2] == c[0:2])
empty = b''
print(empty is b[3:])
