# math (refheap's native module): values, integer functions and exact summation as CPython's
import math
print(math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.pi, math.e, math.tau, math.log(100, 10), math.log2(8), math.log10(1000))
print(math.factorial(20), math.gcd(12, 18, 27), math.lcm(4, 6), math.isqrt(99), math.comb(10, 3), math.perm(5, 2), math.perm(4))
print(math.fsum([0.1] * 10), math.hypot(3, 4), math.isclose(1.0, 1.0 + 1e-10), math.frexp(8.0), math.modf(-2.5))
print(math.exp(1), math.sin(1), math.cos(1), math.atan2(1, 2), math.trunc(-3.7), math.copysign(3, -0.0), math.fmod(7, -3))
print(math.log(2 ** 2000), math.ldexp(0.5, 3), math.dist((0, 0), (3, 4)), math.inf, math.isnan(math.nan), math.isinf(-math.inf))
print(math.floor(7), type(math.floor(2.5)).__name__, math.ceil(True), math.pow(2, 10), math.fabs(-3), math.degrees(math.pi))
print(math.factorial(30) // math.factorial(28), math.gcd(), math.lcm(), math.fsum([1e100, 1.0, -1e100, 1e-100]))
