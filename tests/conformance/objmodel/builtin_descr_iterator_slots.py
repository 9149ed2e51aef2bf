# iterator slot wrappers: __iter__ returns itself, __next__ raises StopIteration at the end
it = iter([1, 2])
print(it.__iter__() is it, it.__next__(), type(it).__next__(it))
try:
    it.__next__()
except StopIteration:
    print('stop')
g = (i for i in range(2))
print(g.__iter__() is g, g.__next__(), next(g))
