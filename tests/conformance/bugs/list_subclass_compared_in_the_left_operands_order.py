# A list (or tuple) compared with an instance of a proper subclass: the subclass's comparison
# goes first, reflected, even though it only inherits list's, so items compare as right[i] ==
# left[i] (CPython's do_richcompare). unittest.mock's `[call(ANY)] == mock.mock_calls` needs it
# when the recorded argument's own __eq__ says neither yes nor NotImplemented.
log = []

class Item:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        log.append((self.name, getattr(other, 'name', other)))
        return NotImplemented if self.name.startswith('n') else self.name.startswith('t')
    __hash__ = None

class L(list):
    pass

class T(tuple):
    pass

def show(label, v):
    print(label, v, log)
    log.clear()

show('list == L', [Item('a')] == L([Item('t')]))
show('L == list', L([Item('t')]) == [Item('a')])
show('list != L', [Item('a')] != L([Item('t')]))
show('tuple == T', (Item('a'),) == T((Item('t'),)))
show('T == tuple', T((Item('t'),)) == (Item('a'),))
show('list < L', [1, Item('a')] < L([1, Item('t')]))
show('list == list', [Item('a')] == [Item('t')])
show('L == L', L([Item('a')]) == L([Item('t')]))
show('n first', [Item('t')] == L([Item('n')]))

class M(L):
    def __eq__(self, other):
        log.append('M.__eq__')
        return NotImplemented

show('L == M', L([Item('a')]) == M([Item('t')]))

# unittest.mock's case: an item whose __eq__ returns None, compared with one equal to anything
class Any:
    def __eq__(self, other):
        return True
    __hash__ = None

class Foo:
    def __eq__(self, other):
        pass

d, anything = Foo(), Any()
print([(anything,)] == L([(d,)]), L([(d,)]) == [(anything,)], [(anything,)] == [(d,)], [(d,)] == [(anything,)])
