# sys.setrecursionlimit refuses a limit at or below the current recursion depth (this call
# counted), as 3.11 does; _testinternalcapi.get_recursion_depth() does not count its own call.
import sys, _testinternalcapi
def attempt(v):
    try:
        sys.setrecursionlimit(v)
        r = 'ok'
    except RecursionError as e:
        r = str(e)
    sys.setrecursionlimit(1000)
    return r
print(_testinternalcapi.get_recursion_depth(), [attempt(v) for v in (4, 3, 2, 1)])
def g():
    return _testinternalcapi.get_recursion_depth(), attempt(4), attempt(3)
print(g())
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
