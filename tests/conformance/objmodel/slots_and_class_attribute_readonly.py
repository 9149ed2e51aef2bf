# a name that is a plain class attribute of a slotted class cannot be set on the instance
class P:
    __slots__ = ('x',)
    y = 'class value'
p = P()
print(p.y)
try:
    p.y = 2
except AttributeError as e:
    print(e)
try:
    del p.y
except AttributeError as e:
    print(e)
