# reading, deleting an unset slot and setting an undeclared name raise AttributeError with CPython's messages
class P:
    __slots__ = ('x', 'y')
p = P()
for action in ('get', 'del', 'set_z', 'get_z', 'dict'):
    try:
        if action == 'get':
            p.x
        elif action == 'del':
            del p.y
        elif action == 'set_z':
            p.z = 1
        elif action == 'get_z':
            p.z
        else:
            p.__dict__
    except AttributeError as e:
        print(action, type(e).__name__, e)
p.x = 5
del p.x
print(hasattr(p, 'x'))
p.x = 6
print(getattr(p, 'x'), getattr(p, 'y', 'default'))
