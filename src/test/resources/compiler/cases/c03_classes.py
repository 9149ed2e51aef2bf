class A:
    "docstring"
    x = 1
    def m(self):
        return self.x

class B(A, metaclass=type):
    def __init__(self):
        super().__init__()
        self.__private = 1

    def get(self):
        return __class__

    @property
    def p(self):
        return self.__private

class C:
    y: int = 3
    z: str

class D:
    v = 1
    def f(self):
        return v
    class E:
        def g(self):
            return 1

def make():
    w = 2
    class Local:
        q = w
        def m(self):
            return w
    return Local

@deco
class F(*bases, **kws):
    pass
