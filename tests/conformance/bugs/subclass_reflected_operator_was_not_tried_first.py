# A right operand whose class derives from the left's and overrides the reflected method is asked
# first (binary_op1 / slot_nb_*), after the left's in-place method; the same class's reflected method
# is never asked; a reflected NotImplemented falls back to the left's builtin slot
class A:
    def __add__(self, o): return 'A.add'
    def __radd__(self, o): return 'A.radd'
    def __or__(self, o): return 'A.or'
    def __ror__(self, o): return 'A.ror'
    def __sub__(self, o): return 'A.sub'
    def __rsub__(self, o): return 'A.rsub'
    def __lt__(self, o): return 'A.lt'
    def __gt__(self, o): return 'A.gt'
class B(A):
    def __radd__(self, o): return 'B.radd'
    def __ror__(self, o): return 'B.ror'
    def __rsub__(self, o): return 'B.rsub'
    def __gt__(self, o): return 'B.gt'
print(A() + B(), A() | B(), A() - B(), A() < B())
x = A(); x += B(); print(x)
y = A(); y |= B(); print(y)
calls = []
class MyInt(int):
    def __radd__(self, o): calls.append('MyInt.radd'); return 'MyInt.radd'
    def __rsub__(self, o): calls.append('MyInt.rsub'); return NotImplemented
class Plain(int): pass
print(1 + MyInt(2), 1 + Plain(2), type(1 + Plain(2)).__name__)
try: print(1 - MyInt(2))
except TypeError as e: print(e)
print(calls)
class MyStr(str):
    def __radd__(self, o): return 'MyStr.radd:' + o
print('a' + MyStr('b'), MyStr('b') + 'a')
class MyList(list):
    def __radd__(self, o): return 'MyList.radd'
x = [1]; x += MyList([2]); print(x)
print([1] + MyList([2]))
class MyFloat(float):
    def __rmul__(self, o): return 'MyFloat.rmul'
print(2.0 * MyFloat(3), 2 * MyFloat(3))
class A:
    def __iadd__(self, o): calls.append('A.iadd'); return NotImplemented
    def __add__(self, o): calls.append('A.add'); return NotImplemented
class B(A):
    def __radd__(self, o): calls.append('B.radd'); return NotImplemented
a = A()
try: a += B()
except TypeError as e: print(e)
print(calls)
class S(set):
    def __ror__(self, o): return 'S.ror'
print({1} | S({2}))
class D(dict):
    def __ror__(self, o): return 'D.ror'
print({1: 1} | D())
class Same:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return 'Same.radd'
try: print(Same() + Same())
except TypeError as e: print(e)

from collections import ChainMap
class SubclassRor(ChainMap):
    def __ror__(self, other):
        return super().__ror__(other)
print(type(ChainMap() | SubclassRor()).__name__)
