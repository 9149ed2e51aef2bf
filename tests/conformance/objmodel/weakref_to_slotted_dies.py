# a weakref to a slotted instance with __weakref__ dies with it and runs its callback
import weakref
class W:
    __slots__ = ('__weakref__', 'v')
log = []
w = W()
r = weakref.ref(w, lambda ref: log.append('callback'))
print(w.__weakref__ is r)
del w
print(r(), log)
