# math.comb(n, k) and math.perm(n, k) with min(n - k, k) (comb) or k (perm) past a C long long raise
# OverflowError as CPython does (they looped for ever); perm(n) is factorial(n), with its errors;
# comb(n, 1), comb(n, n - 1) and perm(n, 1) return n itself; the rest are the exact values.
import math
class I(int): pass
class X:
    def __index__(self): return 7
n = 2**1000
print(math.comb(n, 0), math.comb(n, 1) == n, math.comb(n, 1) is n, math.comb(n, n-1) is n, math.perm(n, 1) is n)
print(math.comb(n, 2) == n*(n-1)//2, math.comb(n, n-2) == n*(n-1)//2, math.comb(n, n))
for f in [lambda: math.comb(n, n//2), lambda: math.perm(n, n), lambda: math.perm(-1), lambda: math.perm(2**100),
          lambda: math.perm(-1, None), lambda: math.comb(5), lambda: math.perm(5, 1.5), lambda: math.comb(-2**1000, 1),
          lambda: math.factorial(-1), lambda: math.factorial(10**100), lambda: math.comb(1, 2**1000), lambda: math.perm(1, 2**1000)]:
    try: print(f())
    except BaseException as e: print(repr(e))
print(type(math.comb(I(5), I(1))), math.comb(X(), 3), math.perm(X(), 1), math.perm(X()))
for a in range(0, 60, 7):
    for b in range(0, a + 2, 3):
        print(a, b, math.comb(a, b), math.perm(a, b))
print(math.factorial(1000) % (10**40 + 7), math.comb(3000, 1234) % 999999937, math.perm(10**30, 40) % 1000003)
print(math.comb(10**20 + 3, 25) % 99991, math.factorial(0), math.factorial(1), math.factorial(2), math.factorial(30))
print(math.factorial(5000).bit_length(), math.comb(20000, 10000) % 1000000007)
