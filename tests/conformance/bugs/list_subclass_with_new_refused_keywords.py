# A list subclass with its own __new__ takes keywords (list___init__ refuses them only when tp_new is
# list's); refheap refused them always (test_list test_keywords_in_subclass).
class subclass_with_new(list):
    def __new__(cls, seq, newarg=None):
        self = super().__new__(cls, seq)
        self.newarg = newarg
        return self
u = subclass_with_new([1, 2], newarg=3)
print(type(u).__name__, list(u), u.newarg)
class S2(list):
    def __new__(cls, *a, **k):
        return super().__new__(cls)
try:
    S2(sequence=())
except TypeError as e: print(e)
print(S2([3], x=1))
class D(dict):
    def __new__(cls, *a, **k):
        return super().__new__(cls)
print(D(a=1), D([(1,2)], z=3))
class T(tuple):
    pass
try: T(x=1)
except TypeError as e: print(e)
class St(set):
    def __new__(cls, *a, **k): return super().__new__(cls)
try: print(St([1], k=2))
except TypeError as e: print(e)
