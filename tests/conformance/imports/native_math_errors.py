# math's errors: domain and range errors, conversions, as CPython's messages
import math
for f, args in [(math.sqrt, (-1,)), (math.log, (0,)), (math.log, (-2.0,)), (math.exp, (1000,)), (math.factorial, (-1,)),
                (math.floor, (math.inf,)), (math.ceil, (math.nan,)), (math.sqrt, ('x',)), (math.pow, (0, -1)),
                (math.acos, (2,)), (math.isqrt, (-4,)), (math.fmod, (math.inf, 1)), (math.factorial, (2.5,)),
                (math.comb, (-1, 2)), (math.ldexp, (1.0, 2.0))]:
    try:
        print(f(*args))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)
