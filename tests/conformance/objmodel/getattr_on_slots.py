# __getattr__ is the fallback when an unset slot raises AttributeError
class P:
    __slots__ = ('x',)
    def __getattr__(self, name):
        return 'fallback ' + name
p = P()
print(p.x, p.y)
p.x = 1
print(p.x)
