# Unbounded recursion raises RecursionError; the program recovers and can recurse again.
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, e)
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(500))
print(sys.getrecursionlimit())
