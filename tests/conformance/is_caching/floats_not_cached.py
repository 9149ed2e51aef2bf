# Floats are never cached: equal values computed at run time are distinct objects.
x = 0.5
a = x * 2
b = x * 2
print(a == b, a is b)
c = float('1.0')
d = float('1.0')
print(c is d)
e = 1.0
f = 1.0
print(e is f)
