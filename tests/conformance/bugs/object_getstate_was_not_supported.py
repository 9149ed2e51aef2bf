# object.__getstate__ (new in 3.11: object_getstate_default) was refused as not supported, so
# pickling or deep-copying a datetime with a tzinfo (datetime.py's __reduce__ calls it) failed;
# the state is the instance dict (None when empty), then (dict, slots) when a slot has a value.
import copy, pickle, datetime, gc
class A: pass
a = A(); a.x = 1
print(object.__getstate__, a.__getstate__(), object().__getstate__(), A().__getstate__())
class S:
    __slots__ = ('p', 'q')
s = S(); s.p = 1
print(s.__getstate__(), S().__getstate__())
class SD:
    __slots__ = ('p', '__dict__')
sd = SD(); sd.p = 2; sd.z = 3
print(sd.__getstate__())
def f(): pass
print(f.__getstate__()); f.tag = 1; print(f.__getstate__())
print([1].__getstate__(), (1, 2).__getstate__(), 'ab'.__getstate__())
class G:
    def __getstate__(self): return {'custom': 1}
print(G().__getstate__(), copy.copy(G()).__dict__)
tz = datetime.timezone(datetime.timedelta(hours=-5), 'EST')
t = datetime.datetime(2024, 3, 10, 14, 5, 9, 123456, tzinfo=tz)
print(pickle.loads(pickle.dumps(t)) == t, copy.deepcopy(t) == t, pickle.loads(pickle.dumps(datetime.date(2024, 1, 2))))
