# slotted instances are hashable by identity and usable as dict keys and set members
class K:
    __slots__ = ('v',)
    def __init__(self, v):
        self.v = v
a, b = K(1), K(2)
d = {a: 'a', b: 'b'}
s = {a, b, a}
print(d[a], d[b], len(s), hash(a) == hash(a))
