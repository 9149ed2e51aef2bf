# Seed cells 8-9: getrefcount of a small int is about 1e9 in 3.11 (static objects start at 999_999_999).
# env-line: 1 the absolute count depends on every reference to 2 the interpreter holds
import sys
a = 2
b = 3
c = a
d = a
print(sys.getrefcount(a))
n = sys.getrefcount(a)
print(n > 999999999, n < 1000001000)
del c, d
print(n - sys.getrefcount(a))
