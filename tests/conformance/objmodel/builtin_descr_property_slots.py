# property's slot wrappers: __get__, __set__, __delete__ through the type
class C:
    def __init__(self):
        self._v = 1
    def get(self):
        return self._v
    def set(self, v):
        self._v = v
    def delete(self):
        print('deleted')
    v = property(get, set, delete)
c = C()
p = C.__dict__['v']
print(type(p).__get__(p, c, C), type(p).__get__(p, None, C) is p)
type(p).__set__(p, c, 5)
print(c.v)
type(p).__delete__(p, c)
print(type(type(p).__get__).__name__)
