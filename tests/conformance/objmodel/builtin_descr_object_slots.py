# object's slot wrappers applied to any object: identity ==, NotImplemented ordering, default repr and hash
class C: pass
c = C()
print(object.__eq__(c, c), object.__eq__(c, 1), object.__ne__(c, 1), object.__ne__(c, c))
print(object.__lt__(1, 2), object.__ge__(c, c), object.__eq__(1, 1))
print(object.__repr__(c) == repr(c), object.__str__(c) == repr(c), object.__str__(1), object.__hash__(c) == hash(c))
print(object.__repr__(1).startswith('<int object at 0x'), object.__format__(c, '') == str(c))
try:
    object.__format__(1, 'x')
except TypeError as e:
    print(e)
print(object.__sizeof__(c), object.__subclasshook__(), object.__init__(c))
