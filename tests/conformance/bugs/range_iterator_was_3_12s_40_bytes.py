# CPython 3.11's range_iterator keeps an index beside start, step and len (48 bytes; 3.12 dropped
# the index and made it 40). Its pickle names the whole range and how far it got; __setstate__
# clips the index to [0, len]; __length_hint__ is len - index. refheap had 3.12's layout.
import pickle
import sys

it = iter(range(10))
print(sys.getsizeof(it), type(it).__name__, sys.getsizeof(iter(range(2 ** 70))), sys.getsizeof(reversed(range(5))))
next(it), next(it), next(it)
print(it.__reduce__(), it.__length_hint__())
it.__setstate__(8)
print(list(it), it.__length_hint__(), it.__reduce__())
it = iter(range(3, -7, -2))
it.__setstate__(-5)
print(it.__reduce__(), list(it))
it = iter(range(5))
it.__setstate__(99)
print(it.__reduce__(), list(it))
r = reversed(range(1, 20, 3))
next(r)
print(r.__reduce__(), list(pickle.loads(pickle.dumps(r))), list(r))
big = iter(range(sys.maxsize - 5, sys.maxsize, 2))
print(type(big).__name__, big.__reduce__(), list(big))
try:
    iter(range(3)).__setstate__(2 ** 64)
except OverflowError as e:
    print('OverflowError', e)
for it in (iter(range(0)), iter(range(1, 2))):
    print(list(it), it.__length_hint__())
# range_iter's overflow check: a stop within step - 1 of the C long's end takes the long iterator
for r in (range(sys.maxsize - 5, sys.maxsize, 2), range(sys.maxsize - 5, sys.maxsize - 1, 2), range(-sys.maxsize, -sys.maxsize - 1, -1),
          range(-sys.maxsize + 3, -sys.maxsize - 1, -3), range(0, sys.maxsize, sys.maxsize // 2), range(5, 5, 2)):
    print(type(iter(r)).__name__, type(reversed(r)).__name__, list(iter(r)) == list(r))
