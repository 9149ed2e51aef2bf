# class Q(collections.deque): 3.11's layout (deque's 216 bytes with its own weakref list at 208, so
# a subclass adds only a managed dict), deque_sizeof over the subclass's basicsize, deque_init as
# __init__, deque_copy calling the subclass, and deque's protocol on an instance.
import collections, sys, gc, weakref
D = collections.deque
class Q(D): pass
class M(D):
    def __init__(self, it, tag):
        super().__init__(it, maxlen=3)
        self.tag = tag
print(D.__basicsize__, D.__weakrefoffset__, D.__dictoffset__, Q.__basicsize__, Q.__weakrefoffset__, Q.__dictoffset__)
q = Q([1, 2])
print(sys.getsizeof(q), sys.getsizeof(D([1, 2])), gc.get_referents(q), repr(q), q.__sizeof__(), gc.is_tracked(q))
q.x = 5
print(gc.get_referents(q), q.__dict__, sys.getsizeof(q))
q.append(3); q.appendleft(0)
print(q, len(q), q[0], q[-1], list(q), 2 in q, q.pop(), q.popleft(), q)
print(q == D([1, 2]), q == Q([1, 2]), q != D([1]), q < D([1, 3]))
m = M(range(10), 't')
print(m, m.tag, m.maxlen, type(m).__name__)
print(type(q + D([9])).__name__, q + D([9]), type(q * 2).__name__)
q += [7]
print(q, type(q).__name__)
q.extend(range(100))
print(sys.getsizeof(q), len(q))
r = weakref.ref(q)
del q
print(r())
c = Q([1])
c.append(c)
wc = weakref.ref(c)
del c
print(gc.collect() > 0, wc())
print(isinstance(m, D), Q.__mro__)
