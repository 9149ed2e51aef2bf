# An iterator holds its container until it is exhausted (list iterators let go at the end).
import sys
l = [1, 2, 3]
print(sys.getrefcount(l))
it = iter(l)
print(sys.getrefcount(l))
next(it)
print(sys.getrefcount(l))
for v in it:
    pass
print(sys.getrefcount(l))
d = {'a': 1}
ki = iter(d)
print(sys.getrefcount(d))
del ki
print(sys.getrefcount(d))
for v in l:
    print(sys.getrefcount(l))
    break
print(sys.getrefcount(l))
