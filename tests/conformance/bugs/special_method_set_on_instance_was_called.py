# format(), f-strings, str.format and the comparisons look a special method up on the class, never
# in the instance's own dict: a __format__ or __eq__ set on the instance is not called.
import sys
import types


class X:
    def __format__(self, spec):
        return 'class:' + spec

    def __eq__(self, other):
        return 'class-eq'

    def __lt__(self, other):
        return 'class-lt'


y = X()
y.__format__ = types.MethodType(lambda self, spec: 'instance', y)
y.__eq__ = lambda other: 'instance-eq'
y.__lt__ = lambda other: 'instance-lt'
print(f'{y}', f'{y:>3}', format(y), format(y, 'q'), '{}|{:z}'.format(y, y))
print(y == 1, 1 == y, y < 2, 2 > y, y != 1)
print(y.__format__(''), y.__eq__(0))


class R:
    def __format__(self, spec):
        print('refs in __format__:', sys.getrefcount(self))
        return 'r'

    def __eq__(self, other):
        print('refs in __eq__:', sys.getrefcount(self))
        return True


r = R()
r.__format__ = None
r.__eq__ = None
print(f'{r}', format(r, 'x'), r == 0, 0 == r, r != 0, [r] == [r], r in [0])
del r


class Meta(type):
    def __format__(cls, spec):
        return 'meta:' + spec


class C(metaclass=Meta):
    def __format__(self, spec):
        return 'instance-of-C'


print(format(C, 'a'), f'{C:b}', format(C(), 'c'))


# the references self and other have while __eq__ runs: one more for self and two for other when
# object.__ne__ calls it (through its slot wrapper's argument tuple and slice)
class Q:
    def __eq__(self, other):
        print('  refs', sys.getrefcount(self), sys.getrefcount(other))
        return True


class P(Q):
    pass


q, o, p = Q(), object(), P()
for label, f in [('q == o', lambda: q == o), ('o == q', lambda: o == q), ('q != o', lambda: q != o),
                 ('o != q', lambda: o != q), ('q != p', lambda: q != p), ('p != q', lambda: p != q),
                 ('q == p', lambda: q == p)]:
    print(label)
    f()
