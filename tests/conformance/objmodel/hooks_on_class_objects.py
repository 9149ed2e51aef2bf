# instance hooks do not apply to attribute access on the class object itself
class C:
    x = 'class x'
    def __getattribute__(self, name):
        return 'hooked'
    def __setattr__(self, name, value):
        raise AttributeError('blocked')
print(C.x, C().x)
C.y = 'set on class'
print(C.y)
try:
    C().y = 1
except AttributeError as e:
    print(e)
