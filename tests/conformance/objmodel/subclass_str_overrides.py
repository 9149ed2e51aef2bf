# A str subclass that overrides __new__, __str__, __repr__, __eq__/__hash__, __add__ and
# __getitem__: the overrides win over str's slots, super() reaches str's own operation, format()
# and %s keep str's characters; instances in cycles are collected; __del__ runs.
import gc
import sys


class Tagged(str):
    def __new__(cls, value, tag):
        self = super().__new__(cls, value)
        self.tag = tag
        return self

    def __str__(self):
        return '<' + super().__str__() + '>'

    def __repr__(self):
        return 'Tagged(' + super().__repr__() + ', ' + repr(self.tag) + ')'


t = Tagged('abc', 7)
print(t, repr(t), [t], t.tag, str(t), type(str(t)).__name__, f'{t}', f'{t!s:>8}', format(t, '>5'), '%s %r' % (t, t))
print(t == 'abc', t.upper(), t + '!', len(t), sys.getrefcount(t), gc.is_tracked(t))


class NoCase(str):
    def __eq__(self, other):
        return self.lower() == str(other).lower()

    def __hash__(self):
        return hash(self.lower())


k = NoCase('Key')
d = {k: 1}
print(NoCase('KEY') in d, d[NoCase('kEy')], k == 'KEY', 'KEY' == k, k != 'key', NoCase('a') == NoCase('A'))


class Path(str):
    def __add__(self, other):
        return Path(str.__add__(self, '/' + other))

    def __getitem__(self, i):
        return Path(super().__getitem__(i))

    def __len__(self):
        return 99


p = Path('usr') + 'lib'
print(p, type(p).__name__, type(p[0]).__name__, p[0], len(p), 'x' + p, type('x' + p).__name__, bool(Path('')))


class Node(str):
    def __del__(self):
        print('del', str.__str__(self))


a = Node('a')
b = Node('b')
a.other = b
b.other = a
del a, b
print('collected', gc.collect())


class Once(str):
    def __init__(self, *args):
        print('init', args)


o = Once('x')
print(o, Once(b'y', 'ascii'), sys.getrefcount(o))
