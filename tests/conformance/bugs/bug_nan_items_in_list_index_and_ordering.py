# Containers compare items as PyObject_RichCompareBool does: the same object is equal to itself,
# a NaN too (list.index, count, remove, tuple.index/count, sequence comparisons), while two
# different NaNs differ and the first differing items are compared with the operator itself.
x = float('nan')
y = float('nan')
print([x] == [x], [x] <= [x], (x,) == (x,), [x] < [x], [x] == [y], [x] <= [y], [x] >= [y], (x,) <= (y,))
print(x in [x], [x].count(x), [x].index(x), (1, x).index(x), (x, x).count(x), [x, y].count(y))
l = [1, x, 2]
l.remove(x)
print(l, (1, x) >= (1, x), [[x]] == [[x]], [[x]] <= [[y]], [1, x] < [1, y], [1, x] < [2, y])
import collections, operator
d = collections.deque([x, 1])
print(d.count(x), d.index(x), operator.countOf([x, x], x), operator.indexOf([1, x], x))
print({'a': x}.items() <= {'a': x, 'b': 1}.items(), ('a', x) in {'a': x}.items())
