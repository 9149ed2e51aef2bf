# sys.setrecursionlimit refuses a limit at or below the current recursion depth (this call
# counted), as 3.11 does; _testinternalcapi.get_recursion_depth() does not count its own call.
# (Depths are shown relative to the module's: the runner's own frames are below it.)
import re, sys, _testinternalcapi
base = _testinternalcapi.get_recursion_depth()
def attempt(v):
    try:
        sys.setrecursionlimit(base + v)
        r = 'ok'
    except RecursionError as e:
        m = re.fullmatch(r'cannot set the recursion limit to (\d+) at the recursion depth (\d+): the limit is too low', str(e))
        r = (int(m[1]) - base, int(m[2]) - base) if m else str(e)
    sys.setrecursionlimit(1000)
    return r
print([attempt(v) for v in (4, 3, 2, 1)])
def g():
    return _testinternalcapi.get_recursion_depth() - base, attempt(4), attempt(3)
print(g())
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
