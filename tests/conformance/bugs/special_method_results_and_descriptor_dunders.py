# float()/int() check what __float__/__int__ return (a None was returned as the number; a subclass's
# value comes with a DeprecationWarning); a class statement keeps a base that is not a type and has
# no __mro_entries__ for its metaclass; an __eq__ or __init__ that is a property is looked up through
# it (a failing getter makes == fall back to identity, and is __init__'s error); a bound method
# hashes its self by identity (a self whose __hash__ raises).
import warnings


class Bad:
    def __int__(self):
        return None
    __float__ = __int__
    __complex__ = __int__
    __index__ = __int__


for f in (float, int, complex, hex):
    try:
        print(f(Bad()))
    except TypeError as e:
        print(f.__name__, e)


class F(float):
    pass


class I(int):
    pass


class Sub:
    def __float__(self):
        return F(1.5)

    def __int__(self):
        return I(3)


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(float(Sub()), type(float(Sub())).__name__, int(Sub()), type(int(Sub())).__name__)
    print(sorted(set(str(x.message) for x in w)))


class Meta(int):
    def __init__(*args, **kwargs):
        pass

    def __new__(cls, name, bases, attrs, **kwargs):
        return bases, kwargs


d = {'metaclass': Meta}


class A(**d):
    pass


print(A)


class A(0, 1, 2, 3, **d):
    pass


print(A)


class A(0, *range(1, 4), **d, foo='bar'):
    pass


print(A)
try:
    class B(0, 1):
        pass
except TypeError as e:
    print(e)


def booh(self):
    raise AttributeError("booh")


class E:
    __eq__ = property(booh)


e = E()
print(E() == E(), e == e, e != e)


class Init:
    __init__ = property(booh)


try:
    Init()
except AttributeError as x:
    print('AttributeError', x)


class StaticInit:
    @staticmethod
    def __init__(*args):
        print('static init', len(args))


StaticInit(1, 2)


class H:
    def f(self):
        pass

    def __eq__(self, other):
        return True

    def __hash__(self):
        raise TypeError('no hash')


h = H()
print(hash(h.f) == hash(h.f), h.f == h.f, h.f == H().f, H.f == h.f)
