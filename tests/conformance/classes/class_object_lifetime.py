# A class lives while instances exist, since each instance refers to its class.
import gc, weakref
gc.collect()
class Temp:
    pass
t = Temp()
r = weakref.ref(Temp)
del Temp
gc.collect()
print(r() is not None, type(t).__name__)
del t
gc.collect()
print(r())
