# type.mro() was refused (NotImplementedError); email._policybase calls base.mro() as it is imported.
class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print(D.mro() == list(D.__mro__), [k.__name__ for k in D.mro()], type.mro(bool), int.mro())
try:
    type.mro(1)
except TypeError as e:
    print('TypeError', e)
try:
    D.mro(1)
except TypeError as e:
    print('TypeError', e)
