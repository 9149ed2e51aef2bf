# A sequence subscript with an object that has __index__ (a class's, a weakref proxy's) raised
# TypeError where CPython 3.11 indexes through it; int() and float() of a weakref proxy raised
# TypeError where the proxy converts its referent; a str subscript's TypeError has 3.11's own words.
import weakref
class I:
    def __index__(self): return 1
class Big:
    def __index__(self): return 2**70
class Bad:
    def __index__(self): return 'x'
seq = [10, 20, 30]
print(seq[I()], (1, 2)[I()], 'ab'[I()], b'ab'[I()], range(5)[I()], seq[-I().__index__()])
seq[I()] = 5; print(seq); del seq[I()]; print(seq)
for k in (Big(), Bad(), 1.5, 'a'):
    for s in ([1, 2], (1, 2), 'ab'):
        try:
            print(s[k])
        except (TypeError, IndexError) as e:
            print(type(e).__name__, e)
class A:
    def __index__(self): return 2
a = A()
p = weakref.proxy(a)
print([7, 8, 9][p], 'xyz'[p])
class N:
    def __int__(self): return 7
    def __float__(self): return 1.5
n = N()
q = weakref.proxy(n)
print(int(q), float(q), int(weakref.proxy(A())) if False else 'x')
s = {'v': '12'}
class S(str): pass
t = S('12')
ps = weakref.proxy(t)
print(int(ps), float(ps))
del n
for f in (int, float):
    try:
        f(q)
    except ReferenceError as e:
        print(f.__name__, 'ReferenceError', e)
