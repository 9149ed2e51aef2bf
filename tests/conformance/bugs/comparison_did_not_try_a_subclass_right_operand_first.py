# A rich comparison whose right operand's class is a proper subclass of the left's tries the right
# operand's reflected method first (do_richcompare), and for != without its own __ne__ its __eq__
# inverted (object.__ne__): refheap called the left's __eq__ first, so the pure-Python datetime's
# date(...) == datetime(...) was True (date.__eq__ compares only the date part)
class D:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print("D.eq", type(self).__name__, type(o).__name__)
        return isinstance(o, D) and self.v == o.v
class DT(D):
    def __eq__(self, o):
        print("DT.eq", type(self).__name__, type(o).__name__)
        if isinstance(o, DT): return self.v == o.v
        if not isinstance(o, D): return NotImplemented
        return False
a, b = D(1), DT(1)
print(a == b, a != b, b == a, b != a, a == a, b != b)
class L:
    def __lt__(self, o): print("L.lt"); return NotImplemented
    def __gt__(self, o): print("L.gt"); return NotImplemented
class M(L):
    def __gt__(self, o): print("M.gt"); return True
print(L() < M(), M() < L() if False else None)
class I(int): pass
class J(I):
    def __gt__(self, o): print("J.gt"); return NotImplemented
print(5 < I(6), I(6) > 5, 5 == I(5), I(1) < J(2), J(3) > I(1))
class N:
    def __ne__(self, o): print("N.ne"); return "ne"
class NS(N):
    def __eq__(self, o): print("NS.eq"); return True
print(N() != NS(), NS() != N())
import importlib, sys
sys.modules.pop('datetime', None)
sys.modules['_datetime'] = None  # the pure-Python classes
pure = importlib.import_module('datetime')
d = pure.date(2020, 1, 1); dt = pure.datetime(2020, 1, 1)
print(type(d).__module__, d == dt, d != dt, dt == d, dt != d)
