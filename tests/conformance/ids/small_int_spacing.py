# Small ints -5..256 are one static array whose objects are 32 bytes apart.
print(id(10) - id(2))
print(id(256) - id(0))
print(id(-5) - id(0))
a = 7
b = 8
print(id(b) - id(a))
n = 100
m = n + 1
print(id(m) - id(n))
