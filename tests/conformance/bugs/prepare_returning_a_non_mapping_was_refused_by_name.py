# A metaclass __prepare__ that returns something other than a mapping is CPython's TypeError.
class BadMeta(type):
    @classmethod
    def __prepare__(*args):
        return None


try:
    class Foo(metaclass=BadMeta):
        pass
except TypeError as e:
    print('TypeError', e)


class IntMeta(type):
    @classmethod
    def __prepare__(*args):
        return 3


try:
    class Bar(metaclass=IntMeta):
        pass
except TypeError as e:
    print('TypeError', e)


class NotAType:
    @classmethod
    def __prepare__(*args):
        return None


try:
    class Baz(metaclass=NotAType()):
        pass
except TypeError as e:
    print('TypeError', e)


class NamespaceMaker:
    def __prepare__(self, name, bases, **kw):
        print('__prepare__', name, bases, kw)
        return {'made_by': 'prepare'}

    def __call__(self, name, bases, ns, **kw):
        return sorted(ns)


class Made(metaclass=NamespaceMaker(), flag=1):
    x = 1


print(Made)
