# The empty str, bytes and tuple are singletons however they are produced; empty lists and dicts are not.
es = ''
et = ()
eb = b''
s = 'abc'
print(s[3:] is es)
print(s[:0] is es)
print(''.join([]) is es)
print(str() is es)
print(tuple([]) is et)
print(tuple() is et)
t = (1, 2)
print(t[2:] is et)
b = b'xy'
print(b[:0] is eb)
print([] is [])
print(list() is list())
print({} is {})
