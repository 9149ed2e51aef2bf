# a dict or set display whose key's __hash__ raises releases the half-built container and the key
import sys
class Bad:
    def __hash__(self):
        raise ValueError('no hash')
k = Bad()
before = sys.getrefcount(k)
for build in (lambda: {k: 1}, lambda: {k}, lambda: {1: 2, k: 3}):
    try:
        build()
    except ValueError as e:
        print(e)
print(sys.getrefcount(k) - before)
