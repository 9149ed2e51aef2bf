# property with getter, setter and deleter; class access gives the property; errors without fset/fdel
class C:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        self._x = v
    @x.deleter
    def x(self):
        self._x = 'deleted'
    @property
    def ro(self):
        return 'ro'
c = C()
c.x = 5
print(c.x, type(C.x).__name__)
del c.x
print(c.x)
try:
    c.ro = 1
except AttributeError as e:
    print(e)
try:
    del c.ro
except AttributeError as e:
    print(e)
print(C.x.__get__(c, C), C.x.__get__(None, C) is C.x)
C.x.__set__(c, 11)
print(c._x)
