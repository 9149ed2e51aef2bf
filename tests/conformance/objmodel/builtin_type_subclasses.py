# A builtin type's __subclasses__() lists its builtin subclasses in CPython's order, then the
# program's classes in creation order, weakly (a collected class leaves the list). Classes of
# modules imported at start-up are filtered out: they depend on what the interpreter imports.
import gc

def subs(t):
    return [c.__name__ for c in t.__subclasses__() if c.__module__ in ('builtins', '__main__')]

class I(int): pass
class E(ValueError): pass
class K(KeyError, AttributeError): pass
print(subs(int), subs(bool), subs(ValueError), subs(KeyError), subs(AttributeError))
print(subs(Exception))
print(subs(BaseException), subs(BaseExceptionGroup), subs(OSError), subs(ArithmeticError))
print(subs(Warning), subs(UnicodeError), subs(list), subs(float))
class L(list): pass
class L2(list): pass
print(subs(list))
del L, E
gc.collect()
print(subs(list), subs(ValueError))
