# object.__setattr__, __getattribute__, __delattr__ bypass a class's hooks
class C:
    def __setattr__(self, name, value):
        print('hook', name)
        object.__setattr__(self, name, value * 2)
    def __getattribute__(self, name):
        if name == 'secret':
            return 'hidden'
        return object.__getattribute__(self, name)
c = C()
c.x = 5
object.__setattr__(c, 'y', 1)
print(c.x, c.y, c.secret, object.__getattribute__(c, 'x'))
object.__delattr__(c, 'y')
print(hasattr(c, 'y'))
try:
    object.__getattribute__(c, 'nothing')
except AttributeError as e:
    print(e)
try:
    object.__setattr__(1, 'x', 2)
except AttributeError as e:
    print(e)
