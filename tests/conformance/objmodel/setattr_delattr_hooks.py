# __setattr__ and __delattr__ intercept assignment and del; object's versions do the storing
log = []
class C:
    def __setattr__(self, name, value):
        log.append(('set', name, value))
        object.__setattr__(self, name, value * 10)
    def __delattr__(self, name):
        log.append(('del', name))
        super().__delattr__(name)
c = C()
c.x = 1
setattr(c, 'y', 2)
print(c.x, c.y, vars(c))
del c.x
delattr(c, 'y')
print(vars(c), log)
class Frozen:
    __slots__ = ('v',)
    def __init__(self, v):
        object.__setattr__(self, 'v', v)
    def __setattr__(self, name, value):
        raise AttributeError('frozen')
f = Frozen(3)
try:
    f.v = 4
except AttributeError as e:
    print(e, f.v)
