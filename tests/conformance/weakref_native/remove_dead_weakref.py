# _weakref._remove_dead_weakref deletes a key only when its value is a dead weakref
import _weakref, weakref
class X:
    pass
alive = X()
dead = X()
d = {"alive": weakref.ref(alive), "dead": weakref.ref(dead), "proxy": weakref.proxy(dead)}
del dead
_weakref._remove_dead_weakref(d, "alive")
_weakref._remove_dead_weakref(d, "dead")
_weakref._remove_dead_weakref(d, "proxy")
_weakref._remove_dead_weakref(d, "missing")
print(sorted(d))
for bad in [lambda: _weakref._remove_dead_weakref({"k": 1}, "k"), lambda: _weakref._remove_dead_weakref([], "k"),
            lambda: _weakref._remove_dead_weakref({}), lambda: _weakref._remove_dead_weakref({[1]: 1}, [1])]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
