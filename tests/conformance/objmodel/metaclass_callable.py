# metaclass= a plain callable receives name, bases, namespace and the other keywords; metaclass=type is type
def meta(name, bases, ns, **kw):
    return (name, bases, sorted(k for k in ns if not k.startswith('__')), kw)
class D(metaclass=meta, z=3):
    a = 1
    def m(self):
        pass
print(D)
class T(metaclass=type):
    pass
print(type(T).__name__, T.__name__)
