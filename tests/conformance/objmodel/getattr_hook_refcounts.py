# __getattr__ results are new references and nothing leaks when it raises
import sys
marker = object()
class C:
    def __getattr__(self, name):
        if name == 'm':
            return marker
        raise AttributeError(name)
c = C()
base = sys.getrefcount(marker)
xs = [c.m for i in range(5)]
print(sys.getrefcount(marker) - base)
for i in range(5):
    hasattr(c, 'missing')
del xs
print(sys.getrefcount(marker) - base, sys.getrefcount(c))
