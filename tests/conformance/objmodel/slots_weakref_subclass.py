# a subclass of a slotted class without __weakref__ gets one unless it declares __slots__ itself
import weakref
class A:
    __slots__ = ('a',)
class B(A):
    pass
class C(A):
    __slots__ = ('c',)
print(weakref.ref(B()) is not None)
try:
    weakref.ref(C())
except TypeError as e:
    print(e)
print('__weakref__' in B.__dict__, '__dict__' in B.__dict__, '__weakref__' in C.__dict__)
