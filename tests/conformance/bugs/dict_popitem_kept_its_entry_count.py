# dict.popitem() cuts the keys' entry count back to the entry it empties (dict_popitem_impl), so the
# next key takes that entry again and a copy afterwards is a clone of the table, not a compacted one.
import sys


def show(d):
    print(sys.getsizeof(d), list(d), sys.getsizeof(d.copy()), sys.getsizeof(dict(d)))


d = {}
d["b"] = 11
d["f"] = 12
d.popitem()
d.popitem()
d["a"] = 18
show(d)
d2 = {"k%d" % i: i for i in range(5)}
for i in range(4):
    d2.popitem()
d2["z"] = 1
d2["y"] = 2
show(d2)
for i in range(10):
    d2["q%d" % i] = i
    d2.popitem()
show(d2)
g = {1: 1, 2: 2, 3: 3}
print(g.popitem(), g.popitem())
g[4] = 4
g[5] = 5
show(g)


class A:
    pass


o = A()
o.b = 11
o.f = 12
vars(o).popitem()  # a split dict: combined to the shared keys' size first
vars(o).popitem()
o.a = 18
show(vars(o))


class K:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 7

    def __eq__(self, other):
        print("eq", self.n, other.n)
        return self is other


h = {K(1): 1, K(2): 2, K(3): 3}
print(h.popitem()[1], h.popitem()[1], len(h))
