# obj.__dict__ can be replaced by a dict for classes with a managed dict; not for slot-only classes
class C:
    pass
c = C()
c.a = 1
c.__dict__ = {'b': 2}
print(vars(c), hasattr(c, 'a'), c.b)
try:
    c.__dict__ = 5
except TypeError as e:
    print(e)
class S:
    __slots__ = ('x',)
try:
    S().__dict__ = {}
except AttributeError as e:
    print(e)
