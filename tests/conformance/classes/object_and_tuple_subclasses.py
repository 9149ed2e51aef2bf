# object.__subclasses__() and tuple.__subclasses__(): the interpreter's own types first (refheap's
# set differs from CPython's, so only named ones are shown), then the program's classes in the
# order they were made; a collected class drops out, a new one comes last.
import gc

def mine(base):
    return [c.__name__ for c in base.__subclasses__() if c.__module__ == "__main__"]

subs = object.__subclasses__()
print(type(subs).__name__, len(subs) == len(set(subs)), all(isinstance(c, type) for c in subs))
builtin = [c for c in subs if c.__module__ == "builtins"]
print(builtin[0] is type, builtin.index(dict) < builtin.index(float) < builtin.index(list), int in builtin, bool in builtin)
print(all(c.__base__ is object for c in subs), mine(object))

class First: pass
class Second: pass
class Point(tuple): pass
print(mine(object), mine(tuple))
print(object.__subclasses__()[-2:] == [First, Second], tuple.__subclasses__()[-1] is Point)
del Second
gc.collect()
print(mine(object))
class Third(First): pass
class Fourth: pass
print(mine(object), mine(First))
del First, Third
gc.collect()
print(mine(object))
Made = type("Made", (), {})
print(mine(object)[-1], object.__subclasses__()[-1] is Made)
class Pair(tuple): pass
print(mine(tuple))
del Point
gc.collect()
print(mine(tuple), all(issubclass(c, tuple) for c in tuple.__subclasses__()))
print(object.__subclasses__() is object.__subclasses__(), type.__subclasses__(object) == object.__subclasses__())
