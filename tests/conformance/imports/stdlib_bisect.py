# bisect from CPython's library (its pure-Python code)
import bisect
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5))
bisect.insort(a, 3)
bisect.insort_left(a, 4)
print(a, bisect.bisect_left(a, 100), bisect.bisect_right(a, -1))
print(bisect.bisect_left(['a', 'c'], 'b'), bisect.bisect([1, 2, 3], 2, lo=0, hi=1))
