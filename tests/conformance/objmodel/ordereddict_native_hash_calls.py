# collections.OrderedDict is _collections' C type: each operation hashes a key once
# (PyObject_Hash, then the known-hash dict calls; the fast-nodes table is rebuilt with the hashes
# its nodes keep), so a key class counting its __hash__ and __eq__ calls sees CPython's numbers.
from collections import OrderedDict

calls = {'hash': 0, 'eq': 0}


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        calls['hash'] += 1
        return hash(self.v)

    def __eq__(self, other):
        calls['eq'] += 1
        return isinstance(other, K) and self.v == other.v

    def __repr__(self):
        return 'K%d' % self.v


def show(label):
    print(label, calls)
    calls['hash'] = calls['eq'] = 0


ks = [K(i) for i in range(12)]
o = OrderedDict()
show('new')
o[ks[0]] = 0
show('set0')
o[ks[1]] = 1
show('set1')
o[ks[1]] = 2
show('reset1')
for k in ks[2:]:
    o[k] = 0
show('set rest (resizes)')
del o[ks[3]]
show('del')
o.move_to_end(ks[2])
show('move_to_end')
o.move_to_end(ks[2])
show('move_to_end of the last')
o.pop(ks[4])
show('pop')
o.pop(K(99), None)
show('pop absent')
o.popitem()
show('popitem')
o.popitem(last=False)
show('popitem first')
o.setdefault(ks[5])
show('setdefault present')
o.setdefault(K(50))
show('setdefault absent')
list(o)
show('iter')
list(o.values())
show('values')
list(o.items())
show('items')
c = o.copy()
show('copy')
print(o == c, o != c, o == dict(c))
show('eq')
repr(o)
show('repr')
print(ks[6] in o, o.get(ks[7]), ks[7] in o.keys())
show('contains')
OrderedDict.fromkeys(ks[:5])
show('fromkeys')
o.update(OrderedDict.fromkeys(ks[8:10], 5))
show('update')
