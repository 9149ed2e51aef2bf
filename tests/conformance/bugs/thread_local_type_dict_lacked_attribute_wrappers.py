# _thread._local's type dict holds tp_new's __new__ and the slot wrappers of local_getattro and
# local_setattro (__getattribute__, __setattr__, __delattr__), as CPython 3.11's: refheap's had only
# __doc__ and __module__, so _local.__getattribute__ was object's, and object.__setattr__ on a local
# was not refused. The wrappers do the local's own lookup, even under a subclass's __getattribute__.
import _thread, threading, gc, sys
L = _thread._local
print(list(L.__dict__.keys()))
for k, v in L.__dict__.items():
    print(k, type(v).__name__)
loc = L()
loc.x = 1
print(L.__getattribute__(loc, 'x'))
L.__setattr__(loc, 'y', 2)
print(loc.y, loc.__dict__)
L.__delattr__(loc, 'y')
print(hasattr(loc, 'y'))
print(type(L.__new__(L)).__name__)
try:
    L.__getattribute__(loc, 'nope')
except AttributeError as e:
    print('AttributeError', e)
try:
    L.__getattribute__(1, 'x')
except TypeError as e:
    print('TypeError', e)
print(L.__getattribute__)
print(repr(L.__new__).split(' of ')[0])
print(L.__getattribute__.__objclass__ is L, L.__setattr__.__name__, L.__delattr__.__qualname__)
class S(L):
    def __getattribute__(self, name):
        print('get', name)
        return L.__getattribute__(self, name)
    def __setattr__(self, name, v):
        print('set', name)
        L.__setattr__(self, name, v)
s = S()
s.a = 1
print(s.a)
try:
    object.__setattr__(s, 'b', 2)
except TypeError as e:
    print('TypeError', e)
L.__setattr__(s, 'b', 2)
print(s.b)
try:
    print(object.__getattribute__(s, 'b'))
except AttributeError as e:
    print('AttributeError', e)
print(object.__getattribute__(s, '__dict__'), S.__dictoffset__, L.__dictoffset__)
try:
    object.__delattr__(s, 'b')
except TypeError as e:
    print('TypeError', e)
try:
    object.__setattr__(loc, 'z', 3)
except TypeError as e:
    print('TypeError', e)
try:
    object.__getattribute__(loc, 'x')
except AttributeError as e:
    print('AttributeError', e)
print(object.__getattribute__(loc, '__class__'))
class P(L):
    @property
    def p(self): return 'prop'
p = P()
p.__dict__['p'] = 'dict'
print(p.p, L.__getattribute__(p, 'p'), object.__getattribute__(p, 'p'))
try:
    object.__setattr__(p, 'q', 1)
except TypeError as e:
    print('TypeError', e)
try:
    P.__setattr__(p, '__dict__', {})
except AttributeError as e:
    print('AttributeError', e)
try:
    L.__delattr__(p, 'nope')
except AttributeError as e:
    print('AttributeError', e)
try:
    L.__setattr__(loc, 1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    L.__getattribute__(loc)
except TypeError as e:
    print('TypeError', e)
print(L.__dict__['__new__'](P).__class__.__name__)

class T(threading.local):
    def __init__(self, a, b=2):
        self.a = a; self.b = b
t = T(1, b=3)
print(t.a, t.b)
res = []
th = threading.Thread(target=lambda: res.append((t.a, t.b)))
th.start(); th.join()
print(res)
try:
    L(1)
except TypeError as e:
    print('TypeError', e)
print(sys.getrefcount(L) - sys.getrefcount(L))
print(L.__dict__['__getattribute__'](loc, 'x'))
print(L.__new__(S).__class__.__name__)
try:
    L.__new__(int)
except TypeError as e:
    print('TypeError', e)
try:
    L.__new__()
except TypeError as e:
    print('TypeError', e)
print(S.__getattribute__ is L.__getattribute__, L.__getattribute__ is object.__getattribute__)
try:
    L.__getattribute__(loc, name='x')
except TypeError as e:
    print('TypeError', e)
try:
    L.__setattr__(loc, 'a')
except TypeError as e:
    print('TypeError', e)
try:
    L.__delattr__(loc, 'never')
except AttributeError as e:
    print('AttributeError', e)
try:
    L.__setattr__(loc, '__dict__', {})
except AttributeError as e:
    print('AttributeError', e)
print(L.__getattribute__(loc, '__dict__') is loc.__dict__, L.__getattribute__(loc, '__class__'))

# a subclass whose __getattribute__ and __setattr__ go through _local's: no recursion, and another
# thread sees its own dict, made by __init__ with the creation's arguments
class Q(threading.local):
    def __init__(self, v):
        L.__setattr__(self, 'v', v)
        L.__setattr__(self, 'seen', [])
    def __getattribute__(self, name):
        L.__getattribute__(self, 'seen').append(name)
        return L.__getattribute__(self, name)
    def __setattr__(self, name, value):
        L.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        L.__delattr__(self, name)
q = Q(7)
q.w = 5
print(q.v, q.w, L.__getattribute__(q, 'seen'))
del q.w
print(hasattr(q, 'w'))
out = []
def other():
    out.append((q.v, hasattr(q, 'w'), L.__getattribute__(q, 'seen')))
    q.w = 1
    out.append(q.w)
th = threading.Thread(target=other)
th.start(); th.join()
print(out, q.v, hasattr(q, 'w'))
print(list(threading.local.__dict__) == list(L.__dict__), threading.local is L)
for f, args in ((L.__setattr__, (loc, 'a', 1, 2)), (L.__delattr__, (loc,)), (L.__delattr__, (loc, 'a', 'b')), (L.__getattribute__, (loc, 'a', 'b'))):
    try:
        f(*args)
    except TypeError as e:
        print(repr(str(e)))
