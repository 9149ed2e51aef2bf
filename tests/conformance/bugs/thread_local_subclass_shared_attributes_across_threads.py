# A _thread._local subclass kept its attributes in its class's managed dict, shared by every thread (test_threading_local's subclass tests): now they live in the per-thread dict as local_getattro/local_setattro keep them, __dict__ is that dict (read-only), and another thread's first use runs __init__ again with the creation's arguments
import _thread, threading
class L(_thread._local):
    """doc"""
obj = L()
obj.x = 5
print(obj.__dict__)
try:
    obj.__dict__ = {}
except AttributeError as e:
    print("AttributeError", e)
try:
    del obj.__dict__
except AttributeError as e:
    print("AttributeError", e)
obj.y = 'foo'
out = []
def f():
    try:
        out.append(obj.y)
    except AttributeError as e:
        out.append(("AttributeError", str(e)))
    out.append(sorted(obj.__dict__))
t = threading.Thread(target=f); t.start(); t.join()
print(out)
b = _thread._local()
b.x = 1
try:
    b.__dict__ = {}
except AttributeError as e:
    print("AttributeError", e)
print(type(L.__dict__.get('__dict__')), '__dict__' in L.__dict__, '__weakref__' in L.__dict__)
class MyLocal(_thread._local):
    number = 2
    def __init__(self, /, **kw):
        self.__dict__.update(kw)
    def squared(self):
        return self.number ** 2
mydata = MyLocal(color='red')
print(sorted(mydata.__dict__), mydata.number, mydata.color)
mydata.number = 11
print(mydata.squared())
del mydata.color
try:
    del mydata.color
except AttributeError as e:
    print("AttributeError", e)
log = []
def f():
    items = sorted(mydata.__dict__.items())
    log.append(items)
    mydata.number = 11
    log.append(mydata.number)
    mydata.squared = lambda: "shadowed"
    log.append(mydata.squared())
for i in range(2):
    t = threading.Thread(target=f); t.start(); t.join()
print(log)
print(mydata.number, mydata.squared(), hasattr(mydata, "color"))
class Bad(_thread._local):
    def __init__(self, x):
        if threading.current_thread() is not threading.main_thread():
            raise ValueError("no init here")
        self.x = x
b = Bad(5)
out = []
def g():
    for _ in range(2):
        try:
            out.append(b.x)
        except ValueError as e:
            out.append(str(e))
t = threading.Thread(target=g); t.start(); t.join()
print(out, b.x)
try:
    _thread._local(1)
except TypeError as e:
    print(e)
class NoInit(_thread._local): pass
try:
    NoInit(1)
except TypeError as e:
    print(e)
class C(_thread._local):
    __slots__ = ('a',)
c = C(); c.a = 1; c.z = 2
res = []
t = threading.Thread(target=lambda: res.append((c.a, hasattr(c, 'z')))); t.start(); t.join()
print(res)
