# An instance's attributes iterate in the order that instance set them (3.11 keeps an insertion
# order per instance in its values array), not in the order the class's shared keys first saw them.
import copy
import pickle
import sys


class A:
    pass


a = A(); a.x = 1; a.y = 2
b = A(); b.y = 3; b.x = 4
print(list(vars(b)), repr(vars(b)), list(b.__dict__.items()), list(b.__dict__.values()))
print(list(vars(a)))

# a deletion takes the name out of the order; setting it again puts it last
c = A(); c.y = 1; del c.y; c.z = 3; c.y = 5
print(list(vars(c)))
d = A(); d.z = 1; d.y = 2; d.x = 3; del d.y; d.w = 4; d.y = 6; del d.z
print(vars(d))

# a replacement keeps its place
e = A(); e.y = 1; e.x = 2; e.y = 3
print(vars(e))

# materialized, then more sets and deletions go on in the dict's own order
f = A(); f.y = 1; f.x = 2
f.__dict__
f.q = 3; del f.y; f.y = 4
print(list(vars(f)), sys.getsizeof(vars(f)) > 0)

# everything that iterates the attributes
g = A(); g.z = 1; g.x = 2; g.y = 3
print(dict(vars(g)), list(reversed(vars(g))))
print(copy.copy(g).__dict__, copy.deepcopy(g).__dict__)
print(pickle.loads(pickle.dumps(g)).__dict__)
print(g.__getstate__(), g.__reduce_ex__(2)[2])
print([n for n in dir(g) if not n.startswith('__')])
print(vars(g) == {'x': 2, 'y': 3, 'z': 1}, str(vars(g)))

# the split dict's copy keeps the order too
h = A(); h.y = 1; h.x = 2
print(list(vars(h).copy()), list({**vars(h)}))
u = {}
u.update(vars(h))
print(list(u))


# a class whose first instance used another order: the later ones still share its keys
class B:
    def __init__(self, order):
        if order:
            self.a, self.b, self.c = 1, 2, 3
        else:
            self.c, self.b, self.a = 1, 2, 3


o1 = B(True)
o2 = B(False)
print(list(o1.__dict__), list(o2.__dict__), sys.getsizeof(o1.__dict__) == sys.getsizeof(o2.__dict__))


# a name the keys have not seen yet joins them after the others
class C:
    pass


p = C(); p.m = 1; p.n = 2
q = C(); q.k = 1; q.n = 2; q.m = 3
r = C(); r.n = 1; r.k = 2
print(list(vars(q)), list(vars(r)))


# more names than the shared keys hold: the instance's dict is combined, still in its own order
class D:
    pass


s = D()
for i in range(40, 0, -1):
    setattr(s, 'n%d' % i, i)
print(list(vars(s))[:5], list(vars(s))[-3:], len(vars(s)))
t = D()
for i in range(5):
    setattr(t, 'm%d' % (4 - i), i)
del t.m2
t.m2 = 9
print(list(vars(t)))


# popitem of a split dict combines it first; it pops the last one the instance set
class E:
    pass


e1 = E(); e1.w = 1; e1.y = 2; e1.x = 3
v = vars(e1)
before = sys.getsizeof(v)
print(v.popitem(), list(v), sys.getsizeof(v) > before)
v['q'] = 1
print(list(v))
e2 = E(); e2.x = 1; e2.w = 2
print(vars(e2).popitem(), list(vars(e2)))


# attribute access is unchanged by the order
class F:
    def __init__(self):
        self.b = 1
        self.a = 2

    def total(self):
        return self.a + self.b


fs = [F() for _ in range(3)]
fs[1].c = 5
del fs[1].b
fs[1].b = 7
print([f.total() for f in fs], [list(vars(f)) for f in fs])
