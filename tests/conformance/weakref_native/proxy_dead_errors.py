# once the referent dies, every use of a proxy raises ReferenceError; its repr names None's type
import weakref
class Thing:
    value = 1
    def method(self):
        return 2
    def __len__(self):
        return 0
    def __call__(self):
        return 3
t = Thing()
p = weakref.proxy(t)
c = weakref.proxy(t.__call__ if False else t)
print(type(p).__name__, type(c).__name__, c())
del t
ops = [lambda: p.value, lambda: p.method(), lambda: len(p), lambda: str(p), lambda: bool(p), lambda: p + 1, lambda: p == 1,
       lambda: c(), lambda: iter(p), lambda: setattr(p, "x", 1)]
for op in ops:
    try:
        op()
        print("no error")
    except ReferenceError as e:
        print("ReferenceError:", e)
r = repr(p)
print(r.startswith("<weakproxy at 0x"), r.split(" to ")[1].split(" at ")[0])
