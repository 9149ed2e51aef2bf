# `a is b` holds exactly when id(a) == id(b) for two live objects.
x = [1]
y = [1]
z = x
print(x is y, id(x) == id(y))
print(x is z, id(x) == id(z))
print(x == y)
s = 'abc'
t = 'abc'
print(s is t, id(s) == id(t))
