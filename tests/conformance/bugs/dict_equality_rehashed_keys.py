# dict == dict called __hash__ again for every key of the left dict (dict_equal looks each key up
# in the other dict with the hash the left one stored): a key class counting its __hash__ and
# __eq__ calls sees CPython's numbers.
calls = {'hash': 0, 'eq': 0}


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        calls['hash'] += 1
        return hash(self.v) & 3

    def __eq__(self, other):
        calls['eq'] += 1
        return isinstance(other, K) and self.v == other.v


def show(label):
    print(label, calls)
    calls['hash'] = calls['eq'] = 0


keys = [K(i) for i in range(6)]
a = dict.fromkeys(keys, 1)
b = dict.fromkeys(keys, 1)
c = {K(i): 1 for i in range(6)}
show('made')
print(a == b, a != b)
show('same keys')
print(a == c, c != a)
show('equal keys')
print(a == {K(0): 1}, {1: 2, 'x': [3]} == {'x': [3], 1: 2}, {1: 2} == {1: 3})
show('others')
