# a proxy forwards attributes, methods, operators, items, iteration, len, truth and str to its referent
import weakref
class Box:
    def __init__(self, items):
        self.items = list(items)
        self.label = "box"
    def total(self):
        return sum(self.items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __iter__(self):
        return iter(self.items)
    def __contains__(self, v):
        return v in self.items
    def __add__(self, other):
        return Box(self.items + [other])
    def __str__(self):
        return "Box" + str(self.items)
    def __eq__(self, other):
        return isinstance(other, Box) and self.items == other.items
    __hash__ = None
b = Box([1, 2, 3])
p = weakref.proxy(b)
print(p.label, p.total(), len(p), p[0], list(p), 2 in p, 9 in p, str(p), bool(p), p.__class__.__name__)
p[0] = 10
del p[1]
p.label = "changed"
print(b.items, b.label, (p + 4).items, p == b, p == Box([10, 3]), p != b)
del p.label
print(hasattr(b, "label"), hasattr(p, "label"), getattr(p, "missing", "default"))
print(type(p).__name__, isinstance(p, Box), isinstance(p, weakref.ProxyType))
n = weakref.proxy(b)
print(n is p)
