# in-place operators through a proxy act on the referent; the name keeps the proxy
import weakref
class Acc:
    def __init__(self):
        self.v = []
    def __iadd__(self, other):
        self.v.append(other)
        return self
    def __add__(self, other):
        return "add"
a = Acc()
p = weakref.proxy(a)
q = p
q += 1
q += 2
print(a.v, type(q).__name__, q is p, p + 1)
