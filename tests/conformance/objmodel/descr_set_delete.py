# __set__ and __delete__ of a user descriptor are called for assignment and del
log = []
class D:
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return obj._v
    def __set__(self, obj, value):
        log.append(('set', value))
        obj._v = value * 2
    def __delete__(self, obj):
        log.append(('delete',))
        del obj._v
class C:
    x = D()
c = C()
c.x = 5
print(c.x)
del c.x
print(hasattr(c, '_v'), log)
setattr(c, 'x', 1)
print(getattr(c, 'x'))
delattr(c, 'x')
print(log)
print(type(C.x).__name__)
