# cmath: every function over finite values (digested), its C99 Annex G special values (the 7 x 7
# kinds of real and imaginary part), its errors, the argument conversions and the constants.
import cmath, math, random, zlib

def digest(values):
    return zlib.crc32(' '.join(values).encode())

def show(z):
    if isinstance(z, complex):
        return z.real.hex() + ',' + z.imag.hex()
    if isinstance(z, float):
        return z.hex()
    return repr(z)

def run(f, zs):
    out = []
    for z in zs:
        try:
            out.append(show(f(z)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ':' + str(e))
    return out

random.seed(311)
zs = [complex(random.uniform(-10, 10), random.uniform(-10, 10)) for _ in range(300)]
zs += [complex(random.uniform(-1, 1), random.uniform(-1, 1)) for _ in range(100)]
zs += [complex(random.choice([-1, 1]) * 10 ** random.uniform(-320, 308), random.choice([-1, 1]) * 10 ** random.uniform(-320, 308))
       for _ in range(100)]
zs += [complex(x, y) for x in (0.0, -0.0, 1.0, -1.0, 1e-310, 1e308, 710.0, -710.0) for y in (0.0, -0.0, 1.0, 1e-310, -1e308, 2.5)]
names = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp', 'log', 'log10', 'sin', 'sinh',
         'sqrt', 'tan', 'tanh', 'phase', 'polar', 'isfinite', 'isnan', 'isinf']
for name in names:
    print(name, digest(run(getattr(cmath, name), zs)))
print('rect', digest(run(lambda z: cmath.rect(z.real, z.imag), zs)))
print('log base', digest(run(lambda z: cmath.log(z, z.conjugate() + 0.5), zs)))

kinds = [-math.inf, -2.5, -0.0, 0.0, 2.5, math.inf, math.nan]
specials = [complex(x, y) for x in kinds for y in kinds]
for name in names:
    print(name, ' '.join(r.split(':')[0] if ':' in r else r for r in run(getattr(cmath, name), specials)))
print('rect', ' '.join(run(lambda z: cmath.rect(z.real, z.imag), specials)))

print(cmath.sqrt(-1), cmath.exp(1j * math.pi), cmath.log(-1), cmath.log(8, 2), cmath.log10(1000j), cmath.phase(-1 - 0j))
print(cmath.polar(3 + 4j), cmath.rect(2, math.pi / 3), cmath.atanh(1 + 1e-320j), cmath.acos(1e300 + 1e300j))
for f, z in [(cmath.log, 0), (cmath.atanh, 1), (cmath.exp, 1000 + 1j), (cmath.cosh, 800 + 1j), (cmath.polar, complex(1e308, 1e308)),
             (cmath.sqrt, complex(math.inf, math.nan))]:
    try:
        print(f.__name__, f(z))
    except (ValueError, OverflowError) as e:
        print(f.__name__, type(e).__name__, e)
for args in [(0, 2), (2, 1), (2, 0), (1j, 1j)]:
    try:
        print('log', args, cmath.log(*args))
    except (ValueError, OverflowError) as e:
        print('log', args, type(e).__name__, e)

class C:
    def __complex__(self):
        return 1 + 2j
class Fl:
    def __float__(self):
        return 2.5
class Ix:
    def __index__(self):
        return 3
class Bad:
    def __complex__(self):
        return 5
class Sub(complex):
    pass
for v in [C(), Fl(), Ix(), Sub(4), True, 7, 'x', None, Bad(), 2 ** 1100]:
    try:
        print(cmath.sqrt(v))
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
for args, kw in [((), {}), ((1, 2), {}), ((1,), {'z': 1})]:
    for f in (cmath.sqrt, cmath.log, cmath.rect, cmath.isclose, cmath.phase):
        try:
            f(*args, **kw)
        except TypeError as e:
            print(f.__name__, e)
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 2j, abs_tol=1.5), cmath.isclose(a=1, b=1),
      cmath.isclose(complex(math.inf, 1), complex(math.inf, 1)), cmath.isclose(1, complex(math.inf, 0)))
try:
    cmath.isclose(1, 1, rel_tol=-1)
except ValueError as e:
    print(e)
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(sorted(n for n in dir(cmath) if not n.startswith('_')))
