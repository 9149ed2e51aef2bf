# math.sin, math.log10, math.cosh, float ** and math.hypot once came from Java's Math/StrictMath,
# whose results differ from the C library CPython calls in the last bit for many arguments; and
# math.gamma, lgamma, erf, erfc were missing. Each value below differed.
import math, random
random.seed(99)
xs = [random.uniform(-10, 10) for _ in range(40)]
for name in ['sin', 'cos', 'tan', 'atan', 'cosh', 'sinh', 'asinh', 'log10', 'cbrt']:
    print(name, [getattr(math, name)(abs(x) if name in ('log10',) else x).hex() for x in xs[:12]])
print([(abs(x) ** (x / 3)).hex() for x in xs[:12]])
print([math.hypot(x, x / 3, 1.5).hex() for x in xs[:8]])
print(math.gamma(4.5), math.lgamma(7.3), math.erf(0.3), math.erfc(2.5))
