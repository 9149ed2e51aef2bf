# iter() of an object with __getitem__ and no __iter__ read the whole sequence into a list first:
# an endless sequence never ended, side effects came early, and the iterator was a list_iterator
# (CPython: a lazy "iterator" of 32 bytes that asks seq[i] as it goes).
import sys
class Inf:
    def __getitem__(self, i):
        print("get", i)
        return i
for x in Inf():
    if x >= 2:
        break
it = iter(Inf())
print(type(it).__name__, type(it), sys.getsizeof(it), next(it), next(it))
class Seq:
    def __init__(self, n): self.n = n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError(i)
        return i * 10
s = Seq(3)
it = iter(s)
print(next(it)); s.n = 5; print(list(it), list(it), next(it, "done"))
class Stop:
    def __getitem__(self, i):
        if i == 2: raise StopIteration
        return i
print(list(Stop()), 1 in Stop(), sorted(Stop()), tuple(Seq(2)), dict.fromkeys(Seq(2)), set(Seq(3)), sum(Seq(4)), max(Seq(3)))
class Err:
    def __getitem__(self, i):
        if i == 1: raise KeyError("k")
        return i
it = iter(Err())
print(next(it))
try:
    next(it)
except KeyError as e:
    print("KeyError", e)
try:
    next(it, "again?")
except KeyError as e:
    print("KeyError again", e)
print(iter(it) is it, a := [*Seq(2)], list(zip(Seq(2), Seq(3))), list(enumerate(Seq(2))), list(map(str, Seq(2))))
import gc
print(gc.is_tracked(iter(Seq(1))), sys.getrefcount(s) , len(gc.get_referents(iter(s))))
x, y = Seq(2)
print(x, y)
try:
    a, b, c = Seq(2)
except ValueError as e:
    print(e)
