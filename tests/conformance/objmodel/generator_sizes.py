# getsizeof of a generator grows with its code's frame: locals, cells and stack
import sys
def one():
    yield 1
def locals3(a, b):
    c = a + b
    yield c
def deep():
    yield (1, (2, (3, (4, [5, 6]))))
print(sys.getsizeof((x * 10 for x in range(1000))))
print(sys.getsizeof(one()), sys.getsizeof(locals3(1, 2)), sys.getsizeof(deep()))
g = locals3(1, 2)
next(g)
print(sys.getsizeof(g))
