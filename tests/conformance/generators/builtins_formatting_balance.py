# Builtins, formatting and generators leave every reference balanced (regression: % formatting leaked its temporary str).
def gen(n):
    try:
        for i in range(n):
            yield i * 2
    finally:
        pass
print(sum(gen(10)), list(gen(3)), [x for x in gen(4) if x])
g = gen(5)
next(g)
del g
def deleg():
    r = yield from gen(2)
    return r
print(list(deleg()))
d = {'a': 1, 'b': 2}
print(sorted(d.items()), list(zip([1, 2], 'ab')), list(enumerate('xy', 1)), dict(a=1) | {'b': 2})
print(f"{3.14159:.2f} {'x':>3} {10:,}", "%s-%d" % ('a', 5), '{0}+{1}'.format(1, 2))
class P:
    @property
    def v(self):
        return 42
print(P().v, [i for i in reversed(range(3))], max([3, 1, 2], key=lambda x: -x), min(4, 2))
