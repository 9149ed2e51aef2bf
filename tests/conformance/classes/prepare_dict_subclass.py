# A metaclass's __prepare__ may return a dict subclass (enum's _EnumDict): the class body's
# STORE_NAME, LOAD_NAME, DELETE_NAME and LOAD_CLASSDEREF go through its __setitem__,
# __getitem__ and __delitem__ (PyObject_SetItem...), and type.__new__ takes it as the namespace.
import sys


class Recording(dict):
    def __init__(self):
        super().__init__()
        self.log = []

    def __setitem__(self, key, value):
        self.log.append(('set', key))
        if key.startswith('dup_') and key in self:
            raise TypeError('%r already defined' % key)
        super().__setitem__(key, value)

    def __getitem__(self, key):
        self.log.append(('get', key))
        return super().__getitem__(key)

    def __delitem__(self, key):
        self.log.append(('del', key))
        super().__delitem__(key)

    def __missing__(self, key):
        self.log.append(('missing', key))
        raise KeyError(key)


class Meta(type):
    @classmethod
    def __prepare__(metacls, name, bases, **kw):
        ns = Recording()
        ns['preset'] = 'from prepare'
        return ns

    def __new__(metacls, name, bases, ns, **kw):
        print(name, type(ns).__name__, ns.log)
        return super().__new__(metacls, name, bases, ns)


class Base:
    pass


def outer():
    free = 'closure'

    class A(Base, metaclass=Meta):
        x = 1
        y = x + 1           # LOAD_NAME from the namespace
        z = len             # LOAD_NAME falls through to builtins (KeyError first)
        w = preset
        tmp = 0
        del tmp             # DELETE_NAME
        seen = free         # LOAD_CLASSDEREF: the namespace first, then the cell
    return A


A = outer()
print(A.x, A.y, A.z is len, A.w, A.seen, hasattr(A, 'tmp'), type(A).__name__, type(A.__dict__).__name__)

try:
    class B(metaclass=Meta):
        dup_a = 1
        dup_a = 2
except TypeError as e:
    print('TypeError:', e)

try:
    class C(metaclass=Meta):
        del nothing
except NameError as e:
    print('NameError:', e)
