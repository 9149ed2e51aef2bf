# With importlib.machinery's names, _codecs and _contextvars: decimal (over _pydecimal and its ContextVar), fractions,
# dataclasses, pprint and inspect import and work.
import decimal, fractions, dataclasses, pprint, inspect, weakref
from decimal import Decimal, localcontext, getcontext
from fractions import Fraction
print(Decimal('1.1') + Decimal('2.2'), Decimal(1) / Decimal(7), getcontext().prec)
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(7))
print(Decimal(1) / Decimal(7), Fraction(3, 4) + Fraction(1, 4), Fraction('1/3') * 3, Fraction(0.5), Fraction(Decimal('0.25')))
@dataclasses.dataclass(order=True)
class P:
    x: int
    y: list = dataclasses.field(default_factory=list)
print(P(1), P(1) < P(2), dataclasses.asdict(P(3, [1])), dataclasses.replace(P(1), x=5), dataclasses.fields(P)[0].name)
pprint.pprint({'k%d' % i: list(range(i)) for i in range(8)}, width=40)
def f(a, b=1, *c, d, **e): pass
print(inspect.signature(f), inspect.isfunction(f), inspect.getmodulename('x/y.py'), inspect.getsource(f).strip())
