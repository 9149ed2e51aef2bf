# a user non-data descriptor binds like a function; the instance dict shadows it
class Method:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return lambda *a: self.f(obj, *a)
class C:
    @Method
    def add(self, x):
        return ('add', x)
c = C()
print(c.add(2), type(C.add).__name__)
c.add = 'shadow'
print(c.add)
del c.add
print(c.add(3))
