# isinstance/issubclass with an object that is not a class but whose class defines
# __instancecheck__/__subclasscheck__ (typing.Union[int, str], Optional[int]: typing's aliases are
# instances of Python classes) asks it, as PyObject_IsInstance does; it was refused with TypeError
# (test_types' and test_typing's instance checks).
import typing
U = typing.Union[int, str]
print(isinstance(1, U), isinstance('a', U), isinstance(1.5, U), isinstance(None, typing.Optional[int]))
print(issubclass(bool, U), issubclass(float, U), isinstance(1, (float, U)))
class Checker:
    def __instancecheck__(self, obj):
        print('instancecheck', obj)
        return obj == 42
    def __subclasscheck__(self, cls):
        print('subclasscheck', cls.__name__)
        return cls is int
c = Checker()
print(isinstance(42, c), isinstance(1, c), issubclass(int, c), issubclass(str, c))
class Plain:
    pass
for f in (lambda: isinstance(1, Plain()), lambda: issubclass(int, Plain()), lambda: isinstance(1, typing.List[int])):
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)
