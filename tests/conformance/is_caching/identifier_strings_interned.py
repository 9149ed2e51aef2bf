# Identifier-like string constants are interned, so a string built at run time interns to the same object.
import sys
a = 'hello'
b = ''.join(['hel', 'lo'])
print(a == b, a is b)
c = sys.intern(b)
print(c is a)
d = 'hello world'
e = ''.join(['hello', ' world'])
print(d is e)
f = sys.intern(e)
print(f is e, f is d)
