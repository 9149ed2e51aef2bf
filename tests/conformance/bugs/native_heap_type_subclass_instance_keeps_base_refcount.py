# An instance of a Python subclass of a native heap type (_random.Random) holds a reference to its
# class, not to the native base: freeing it released the base's type object too (its refcount fell
# by one per instance until the type itself was freed), and the verifier found one reference too many.
import _random, sys, gc

class R(_random.Random):
    pass

base = sys.getrefcount(_random.Random)
rs = [R(i) for i in range(5)]
print(sys.getrefcount(_random.Random) - base)
del rs
print(sys.getrefcount(_random.Random) - base)
r = R(5)
r.seed(5)
print(r.random(), gc.get_referents(r) == [R], gc.is_tracked(r))
r.x = 1
print(len(gc.get_referents(r)))
plain = _random.Random(7)
print(sys.getrefcount(_random.Random) - base)
del plain, r
print(sys.getrefcount(_random.Random) - base)
