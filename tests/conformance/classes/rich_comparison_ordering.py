# sorted, list.sort, min, max and container comparisons order instances by their class's rich comparisons.
class V:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return 'V(%d)' % self.v
print(sorted([V(3), V(1), V(2)]), min([V(3), V(1)]), max([V(3), V(1)]))
l = [V(2), V(0)]; l.sort(); print(l)
try:
    sorted([object(), object()])
except TypeError as e:
    print(e)
print([V(1)] < [V(2)], (V(3),) > (V(2),), sorted([(V(2), 'b'), (V(1), 'a')]))
