# Before the image: _abc's state (its _abc_data type, its counter) and functions, used by a small
# ABCMeta made over them (abc.py would import the standard library from a directory).
import _abc
class Meta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        _abc._abc_init(cls)
        return cls
    def register(cls, sub):
        return _abc._abc_register(cls, sub)
    def __instancecheck__(cls, inst):
        return _abc._abc_instancecheck(cls, inst)
    def __subclasscheck__(cls, sub):
        return _abc._abc_subclasscheck(cls, sub)
    def __subclasshook__(cls, sub):
        return NotImplemented
class Base(metaclass=Meta):
    def f(self): pass
    f.__isabstractmethod__ = True
class Sized(metaclass=Meta):
    __abc_tpflags__ = 1 << 5
class Plain:
    pass
class Gone:
    pass
Base.register(Plain)
Base.register(Gone)
print(isinstance(Plain(), Base), isinstance(1, Base), issubclass(Plain, Base))
del Gone  # its weak reference's _destroy callback runs once the class is collected
token = _abc.get_cache_token()
