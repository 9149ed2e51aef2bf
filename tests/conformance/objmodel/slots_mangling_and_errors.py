# private slot names are mangled; bad __slots__ raise CPython's errors
class M:
    __slots__ = ('__secret', 'pub')
    def set(self, v):
        self.__secret = v
    def get(self):
        return self.__secret
m = M()
m.set(3)
print(m.get(), sorted(k for k in M.__dict__ if not k.startswith('__')))
def attempt(body):
    try:
        body()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
def conflict():
    class C:
        __slots__ = ('x',)
        x = 1
def notstr():
    class C:
        __slots__ = (1,)
def notident():
    class C:
        __slots__ = ('a b',)
def twodict():
    class A:
        pass
    class B(A):
        __slots__ = ('__dict__',)
def twoweak():
    class A:
        pass
    class B(A):
        __slots__ = ('__weakref__',)
def layout():
    class A:
        __slots__ = ('a',)
    class B:
        __slots__ = ('b',)
    class C(A, B):
        pass
for f in (conflict, notstr, notident, twodict, twoweak, layout):
    attempt(f)
