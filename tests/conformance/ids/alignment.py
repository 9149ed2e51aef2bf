# Heap objects are 16-byte aligned; the static small ints and the static empty tuple sit 8 bytes off (id % 16 == 8).
class A:
    pass
def f():
    pass
objs = [12345678901234567890, 1.5, 'abc', 'x' * 50, [], {}, (1, 2), A(), f, A, None, True, b'xy', 'a', ()]
print([id(o) % 16 for o in objs])
print([id(n) % 16 for n in [-5, 0, 1, 100, 256]])
