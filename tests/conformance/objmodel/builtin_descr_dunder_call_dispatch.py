# explicit dunder calls on instances of builtin types give the same results as the operators
x, y = 7, 3
print(x.__add__(y), x.__sub__(y), x.__mul__(y), x.__truediv__(y), x.__mod__(y), x.__pow__(y))
print((1.5).__mul__(2), 'ab'.__add__('c'), [1].__add__([2]), (1,).__mul__(2))
print([1, 2].__len__(), {'a': 1}.__getitem__('a'), 'abc'.__contains__('b'), {1}.__contains__(1))
print(x.__eq__(7), x.__lt__(3.5), (3.5).__lt__(x), 'a'.__lt__('b'))
print(next(iter([5]).__iter__()), iter([6]).__next__())
