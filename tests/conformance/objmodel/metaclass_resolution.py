# Which metaclass a class statement calls: the most derived of the explicit one and the bases'
# (a "metaclass conflict" TypeError otherwise), __prepare__ with the statement's keywords,
# keywords reaching __init_subclass__ through type.__new__, and a metaclass __setattr__.
class A(type):
    pass


class B(A):
    pass


class X(type):
    pass


class P(metaclass=A):
    pass


class Q(metaclass=B):
    pass


class R(P, Q):  # B derives from A: R's metaclass is B
    pass


print(type(R).__name__)


class S(Q, metaclass=A):  # the explicit A loses to Q's B
    pass


print(type(S).__name__)


class Other(metaclass=X):
    pass


try:
    class Bad(P, Other):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    type("Bad2", (P, Other), {})
except TypeError as e:
    print("TypeError:", e)


class Prep(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("__prepare__", mcls.__name__, name, kw)
        return {"injected": 42}

    def __new__(mcls, name, bases, ns, **kw):
        print("__new__ keys", sorted(k for k in ns if not k.startswith("__")), kw)
        return super().__new__(mcls, name, bases, ns, **kw)

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


class Root(metaclass=Prep):
    value = injected + 1

    def __init_subclass__(cls, **kw):
        print("__init_subclass__", cls.__name__, kw)


class Leaf(Root, flavour="leafy"):
    pass


print(Root.value, type(Leaf).__name__, Leaf.value)


class Frozen(type):
    def __setattr__(cls, name, value):
        if name.startswith("_"):
            super().__setattr__(name, value)
        else:
            raise AttributeError("frozen: " + name)

    def __delattr__(cls, name):
        raise AttributeError("cannot delete " + name)


class F(metaclass=Frozen):
    x = 1


try:
    F.x = 2
except AttributeError as e:
    print(e)
F._private = 3
print(F.x, F._private)
try:
    del F.x
except AttributeError as e:
    print(e)
print(type.__prepare__("n", ()), type(type.__prepare__("n", ())).__name__)
