# a __getattribute__ that reads its own attributes through object.__getattribute__ does not recurse
class Counter:
    def __init__(self):
        object.__setattr__(self, 'reads', 0)
    def __getattribute__(self, name):
        n = object.__getattribute__(self, 'reads')
        object.__setattr__(self, 'reads', n + 1)
        return object.__getattribute__(self, name)
c = Counter()
c.reads
c.reads
print(object.__getattribute__(c, 'reads'))
