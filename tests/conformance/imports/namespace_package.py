# a directory without __init__.py is a namespace package: no __file__, a _NamespacePath, a NamespaceLoader
import sys
HERE = sys.path[0]
sys.path.insert(1, HERE + '/nsroot1')
import nsdemo
print(nsdemo.__file__, type(nsdemo.__path__).__name__, len(nsdemo.__path__))
print(type(nsdemo.__loader__).__name__, nsdemo.__spec__.origin, nsdemo.__package__)
print(repr(nsdemo).split(' object at ')[0])
print(repr(nsdemo.__path__).replace(HERE, '<dir>'))
import nsdemo.part1
print(nsdemo.part1.P)
print(sorted(k for k in vars(nsdemo) if k.startswith('__')))
