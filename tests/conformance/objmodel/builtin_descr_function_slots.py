# function, method and builtin function slot wrappers
def f(x):
    return x * 2
print(type(f).__call__(f, 4), type(f).__get__(f, 1, int)(), type(f.__get__(1)).__name__)
class C:
    def m(self):
        return 'm'
bm = C().m
print(type(bm).__call__(bm), type(len).__call__(len, 'abc'), type(f).__repr__(f).startswith('<function f at'))
