# __delattr__ intercepts del; object.__delattr__ empties a slot
log = []
class P:
    __slots__ = ('x',)
    def __delattr__(self, name):
        log.append(name)
        object.__delattr__(self, name)
p = P()
p.x = 1
del p.x
print(log, hasattr(p, 'x'))
try:
    del p.x
except AttributeError as e:
    print('AttributeError', e)
