# An instance whose class defines __class__ (a class attribute or a property) reports that class, and
# isinstance() (object_isinstance's second look) and ABCs' instance checks accept it: refheap returned
# the real type for __class__ and ignored it in isinstance.
import abc


class Duck:
    pass


class Fake:
    __class__ = Duck


class Masked:
    @property
    def __class__(self):
        return Duck


class Quacks(abc.ABC):
    pass


Quacks.register(Duck)


class Logged:
    def __getattribute__(self, name):
        print("looked up", name)
        if name == "__class__":
            return Duck
        return object.__getattribute__(self, name)


for o in (Fake(), Masked()):
    print(o.__class__.__name__, type(o).__name__, isinstance(o, Duck), isinstance(o, type(o)), isinstance(o, Quacks), isinstance(o, int))
lg = Logged()
print(isinstance(lg, Duck))
print(isinstance(lg, Logged))
print(isinstance(lg, Quacks))
