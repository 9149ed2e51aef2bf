# oct(), hex() and bin() take any object whose type has __index__ (PyNumber_ToBase calls
# PyNumber_Index), including one set on the class later or given by a descriptor, as
# unittest.mock's MagicMock configures it (a callable set on its class); they refused everything
# but ints.
class I:
    def __index__(self):
        return 300

class Later:
    pass

class Proxy:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, owner=None):
        return self.f

Later.__index__ = Proxy(lambda: -5)
for x in (I(), Later(), 7, -2**70, True):
    print(oct(x), hex(x), bin(x))

class Bad:
    def __index__(self):
        return 1.5

for f in (oct, hex, bin):
    for x in (Bad(), 1.0, 'a'):
        try:
            f(x)
        except TypeError as e:
            print(f.__name__, e)
