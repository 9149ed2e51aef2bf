# math's functions give CPython's bits: the C library's sin, exp, pow, log... (not Java's, which
# differ in the last bit), CPython's own gamma/lgamma (Lanczos) and hypot/dist (compensated
# vector norm); float ** and complex ** and abs() too. Each line digests many results.
import math, random, zlib

def digest(values):
    return zlib.crc32(' '.join(values).encode())

def run(f, xs):
    out = []
    for x in xs:
        try:
            out.append(f(*x).hex() if isinstance(x, tuple) else f(x).hex())
        except (ValueError, OverflowError, ZeroDivisionError) as e:
            out.append(type(e).__name__ + ':' + str(e))
    return out

random.seed(2011)
xs = [random.uniform(-10, 10) for _ in range(400)] + [random.uniform(0, 1e-3) for _ in range(50)] \
    + [random.uniform(-720, 720) for _ in range(50)] + [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-300, 5e-324, 1e308,
                                                       math.inf, -math.inf, math.nan]
for name in ['exp', 'exp2', 'expm1', 'log1p', 'cbrt', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh',
             'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'log', 'log2', 'log10', 'sqrt', 'erf', 'erfc',
             'gamma', 'lgamma', 'fabs', 'degrees', 'radians']:
    print(name, digest(run(getattr(math, name), xs)))
pairs = list(zip(xs, xs[1:] + xs[:1]))
for name in ['atan2', 'pow', 'hypot', 'fmod', 'remainder', 'copysign', 'dist']:
    f = getattr(math, name)
    if name == 'dist':
        f = lambda x, y: math.dist((x, y, x * y), (y, 1.5, -x))
    print(name, digest(run(f, pairs)))

# some in the clear
print(math.sin(1.0), math.exp(1.5), math.log10(7.0), math.atan(0.7), math.cosh(3.3))
print(math.gamma(4.5), math.gamma(0.3), math.gamma(-2.5), math.gamma(171.5), math.gamma(-170.2), math.gamma(1e-25))
print(math.lgamma(7.3), math.lgamma(-2.5), math.lgamma(1e-30), math.lgamma(1e300), math.lgamma(math.inf), math.lgamma(1.0))
print(math.erf(0.3), math.erfc(5.5), math.erf(-math.inf), math.erfc(30.0))
for bad in [0.0, -0.0, -3.0, -math.inf, 172.0, 1e-320]:
    try:
        print('gamma', bad, math.gamma(bad))
    except (ValueError, OverflowError) as e:
        print('gamma', bad, type(e).__name__, e)
for bad in [0.0, -4.0, 3e306]:
    try:
        print('lgamma', bad, math.lgamma(bad))
    except (ValueError, OverflowError) as e:
        print('lgamma', bad, type(e).__name__, e)
print(math.hypot(3, 4), math.hypot(*[0.1] * 10), math.hypot(1e-320, 2e-320), math.hypot(1e308, 1e308 / 3),
      math.hypot(), math.hypot(-7.5), math.hypot(math.inf, math.nan), math.hypot(math.nan, 1.0))
print(math.dist((1, 2, 3), (4.5, 6, -1)), math.dist([], []), math.dist(iter([1.0, 2.0]), (3.0, 1.0)))
print(math.pow(-2.0, 3.0), math.pow(math.inf, -3.0), math.pow(-math.inf, 3.0), math.pow(0.5, -math.inf),
      math.pow(math.nan, 0.0), math.pow(1.0, math.nan), math.pow(-1.0, math.inf))
for x, y in [(0.0, -1.0), (-8.0, 1 / 3), (10.0, 400.0)]:
    try:
        print(math.pow(x, y))
    except (ValueError, OverflowError) as e:
        print('pow', x, y, type(e).__name__, e)
print(math.log(2 ** 2000), math.log(10 ** 400, 10), math.log2(2 ** 1500 + 1), math.log10(10 ** 500))

# math.prod
print(math.prod([2, 3, 4]), math.prod([]), math.prod([1.5, 2], start=2), math.prod([], start='x'),
      math.prod(range(1, 25)), math.prod([[1]], start=3), math.prod([2, 0.5, 2 ** 70]))
for args, kw in [((), {}), (([1], 2), {}), (([1],), {'stat': 2}), ((5,), {})]:
    try:
        math.prod(*args, **kw)
    except TypeError as e:
        print('prod', e)
try:
    math.hypot(x=1)
except TypeError as e:
    print('hypot', e)

# float ** and complex, computed and folded
a, b = 2.0, 0.5
print(a ** b, 2.0 ** 0.5, 1.1 ** 1000.5, 7.3 ** -2.2, (-2.0) ** 3.0, (-2.0) ** -3.0, 0.0 ** 0.0, 1.0 ** math.nan,
      (-1.0) ** math.inf, math.inf ** -1.0, (-math.inf) ** 3.0, (-0.0) ** 3.0, 2 ** -3, 10 ** -20)
print((-8.0) ** (1 / 3), (-8) ** 0.5, (1 + 2j) ** 0.5, (3 + 4j) ** (1.5 - 0.5j), abs(3 + 4j), abs(1e-300 + 1e-300j))
random.seed(3)
vals = []
for i in range(2000):
    x = random.uniform(0, 50); y = random.uniform(-20, 20)
    vals.append((x ** y).hex())
    vals.append(((-x) ** round(y)).hex())
    z = complex(random.uniform(-5, 5), random.uniform(-5, 5)) ** complex(random.uniform(-2, 2), random.uniform(-2, 2))
    vals.append(z.real.hex() + z.imag.hex())
    vals.append(abs(complex(x, y)).hex())
print('pow', digest(vals))
for x, y in [(0.0, -2.0), (10.0, 400.0), (-10.0, 401.0)]:
    try:
        print(x ** y)
    except (ZeroDivisionError, OverflowError) as e:
        print('**', x, y, type(e).__name__, e)
try:
    print(10 ** -(10 ** 400))
except OverflowError as e:
    print('**', type(e).__name__, e)
