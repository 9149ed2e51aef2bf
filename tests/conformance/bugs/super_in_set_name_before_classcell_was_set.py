# The class's __class__ cell is set before __set_name__ and __init_subclass__ run (type_new sets it
# with the class's attributes): a method they call may already use super() (an enum member's
# __new__ made from __set_name__); refheap set it last ("__class__ cell not found").
import enum


class Seen:
    def __set_name__(self, owner, name):
        print('__set_name__', owner.__name__, name, owner.probe())


class K:
    attr = Seen()

    @classmethod
    def probe(cls):
        return type(super()).__name__, super().__thisclass__.__name__


try:
    class BadSuper(enum.Enum):
        def __new__(cls, value):
            obj = super().__new__(cls, value)
            return obj
        failed = 1
except TypeError as e:
    print('TypeError', e)


class Base:
    def __init_subclass__(cls, **kw):
        print('Base.__init_subclass__', cls.__name__, kw)
        super().__init_subclass__()


class Mid(Base):
    def __init_subclass__(cls, **kw):
        print('Mid.__init_subclass__', cls.__name__)
        super().__init_subclass__(**kw)


class Leaf(Mid, flag=1):
    pass


# super's members
class A:
    def m(self):
        s = super()
        return s.__thisclass__.__name__, type(s.__self__).__name__, s.__self_class__.__name__

    @classmethod
    def c(cls):
        s = super()
        return s.__thisclass__.__name__, s.__self__.__name__, s.__self_class__.__name__


class B(A):
    pass


print(B().m(), B.c(), super(A, B()).__self_class__.__name__)
