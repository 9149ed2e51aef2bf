# getattr, setattr, delattr and hasattr on slots behave like attribute syntax
class P:
    __slots__ = ('a', 'b')
p = P()
setattr(p, 'a', 1)
print(getattr(p, 'a'), hasattr(p, 'b'), getattr(p, 'b', 'none'))
delattr(p, 'a')
print(hasattr(p, 'a'))
try:
    setattr(p, 'c', 1)
except AttributeError as e:
    print(e)
