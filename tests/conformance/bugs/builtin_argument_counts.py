# Builtins refuse wrong argument counts with CPython 3.11's messages
import sys, gc, time
calls = [
    ('len', lambda: len()), ('len', lambda: len(1, 2)), ('id', lambda: id()), ('id', lambda: id(1, 2)),
    ('getsizeof', lambda: sys.getsizeof(1, 1, 2)), ('getsizeof', lambda: sys.getsizeof()), ('getrefcount', lambda: sys.getrefcount()),
    ('getrefcount', lambda: sys.getrefcount(1, 2)), ('intern', lambda: sys.intern()), ('getrecursionlimit', lambda: sys.getrecursionlimit(1)),
    ('setrecursionlimit', lambda: sys.setrecursionlimit()), ('exit', lambda: sys.exit(1, 2)),
    ('collect', lambda: gc.collect(1, 2)), ('enable', lambda: gc.enable(1)), ('disable', lambda: gc.disable(1)), ('isenabled', lambda: gc.isenabled(1)),
    ('get_count', lambda: gc.get_count(1)), ('get_threshold', lambda: gc.get_threshold(1)), ('set_threshold', lambda: gc.set_threshold()),
    ('set_threshold', lambda: gc.set_threshold(1, 2, 3, 4)), ('is_tracked', lambda: gc.is_tracked()), ('is_tracked', lambda: gc.is_tracked(1, 2)),
    ('get_referents', lambda: gc.get_referents()), ('freeze', lambda: gc.freeze(1)), ('get_objects', lambda: gc.get_objects(1, 2)),
    ('set_debug', lambda: gc.set_debug()), ('get_debug', lambda: gc.get_debug(1)), ('get_stats', lambda: gc.get_stats(1)),
    ('time', lambda: time.time(1)), ('perf_counter', lambda: time.perf_counter(1)), ('monotonic', lambda: time.monotonic(1)),
    ('process_time', lambda: time.process_time(1)), ('sleep', lambda: time.sleep()), ('sleep', lambda: time.sleep(1, 2)),
    ('abs', lambda: abs()), ('abs', lambda: abs(1, 2)), ('chr', lambda: chr()), ('ord', lambda: ord('a', 'b')),
    ('round', lambda: round()), ('round', lambda: round(1, 2, 3)), ('sum', lambda: sum()), ('sum', lambda: sum([], 1, 2)),
    ('min', lambda: min()), ('max', lambda: max()), ('sorted', lambda: sorted()), ('sorted', lambda: sorted([], 1)),
    ('any', lambda: any()), ('all', lambda: all(1, 2)), ('format', lambda: format()), ('format', lambda: format(1, '', 2)),
    ('isinstance', lambda: isinstance(1)), ('issubclass', lambda: issubclass(int, int, int)), ('iter', lambda: iter()), ('iter', lambda: iter(1, 2, 3)),
    ('next', lambda: next()), ('getattr', lambda: getattr(1)), ('setattr', lambda: setattr(1, 2)), ('delattr', lambda: delattr(1)),
    ('hasattr', lambda: hasattr(1)), ('globals', lambda: globals(1)), ('vars', lambda: vars(1, 2)), ('callable', lambda: callable()),
    ('hash', lambda: hash()), ('repr', lambda: repr()), ('ascii', lambda: ascii(1, 2)), ('hex', lambda: hex()), ('bin', lambda: bin(1, 2)),
    ('divmod', lambda: divmod(1)), ('pow', lambda: pow(1)), ('reversed', lambda: reversed()), ('enumerate', lambda: enumerate()),
    ('zip', lambda: zip(1, x=2)), ('map', lambda: map(len)), ('filter', lambda: filter(None)), ('range', lambda: range()),
    ('range', lambda: range(1, 2, 3, 4)), ('list', lambda: list(1, 2)), ('tuple', lambda: tuple(1, 2)), ('dict', lambda: dict(1, 2)),
    ('set', lambda: set(1, 2)), ('frozenset', lambda: frozenset(1, 2)), ('int', lambda: int(1, 2, 3)), ('float', lambda: float(1, 2)),
    ('str', lambda: str(1, 2, 3, 4)), ('bool', lambda: bool(1, 2)), ('bytes', lambda: bytes(1, 2, 3, 4)), ('object', lambda: object(1)),
    ('type', lambda: type()), ('type', lambda: type(1, 2)), ('print', lambda: print(x=1)), ('input', lambda: input(1, 2)),
    ('id kw', lambda: id(x=1)), ('len kw', lambda: len(obj=1)), ('getsizeof kw', lambda: sys.getsizeof(obj=1)),
]
for name, f in calls:
    try:
        f()
        print(name, '-> no error')
    except TypeError as e:
        print(name, '->', e)
    except Exception as e:
        print(name, '->', type(e).__name__, e)
