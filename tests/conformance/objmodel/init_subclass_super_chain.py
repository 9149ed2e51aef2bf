# __init_subclass__ implementations chain through super() with their own keywords
class A:
    def __init_subclass__(cls, a=0, **kw):
        super().__init_subclass__(**kw)
        cls.a = a
class B(A):
    def __init_subclass__(cls, b=0, **kw):
        super().__init_subclass__(**kw)
        cls.b = b
class C(B, a=1, b=2):
    pass
print(C.a, C.b)
try:
    class D(B, c=3):
        pass
except TypeError as e:
    print(e)
