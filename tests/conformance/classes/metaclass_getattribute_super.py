# type.__getattribute__/__setattr__/__delattr__ called on a class whose metaclass overrides them (super() in the
# metaclass, typing's _DeprecatedType) are type's own; object.__setattr__/__delattr__ refuse a class (hackcheck).
import sys
class Meta(type):
    def __getattribute__(cls, name):
        if name == 'magic':
            return 42
        return super().__getattribute__(name)
    def __setattr__(cls, name, value):
        print('Meta.__setattr__', name)
        super().__setattr__(name, value)
    def __delattr__(cls, name):
        print('Meta.__delattr__', name)
        super().__delattr__(name)
class C(metaclass=Meta):
    x = 1
print(C.magic, C.x, C.__name__, type.__getattribute__(C, 'x'))
try:
    type.__getattribute__(C, 'magic')
except AttributeError as e:
    print('AttributeError', e)
C.y = 2
print(C.y, type.__getattribute__(C, 'y'))
type.__setattr__(C, 'z', 3)
print(C.z)
del C.z
type.__delattr__(C, 'y')
print(hasattr(C, 'y'), hasattr(C, 'z'))
for f, args in [(object.__setattr__, (C, 'q', 1)), (object.__delattr__, (C, 'x')), (type.__setattr__, (1, 'a', 2)),
                (type.__getattribute__, (1, 'a')), (type.__getattribute__, (C, 5)), (object.__setattr__, (int, 'a', 1))]:
    try:
        f(*args)
        print('ok')
    except TypeError as e:
        print('TypeError', e)
print(object.__getattribute__(C, 'x'), object.__getattribute__(C, '__name__'))
class D(C):
    pass
print(D.magic, D.x)
class Meta2(type):
    def __getattribute__(cls, name):
        return type.__getattribute__(cls, name.lower())
class E(metaclass=Meta2):
    val = 'v'
print(E.VAL, E.Val)
