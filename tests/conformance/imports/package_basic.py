# a regular package: __init__ runs first, __path__ and __package__, submodules bound on their parents
import sys
HERE = sys.path[0]
import basicpkg
print(basicpkg.init_ran, basicpkg.sub.SUB)
print([p.replace(HERE, '<dir>') for p in basicpkg.__path__], basicpkg.__package__)
print(basicpkg.__file__.replace(HERE, '<dir>'))
print(basicpkg.__spec__.parent, basicpkg.sub.__spec__.parent, basicpkg.sub.__package__)
print(repr(basicpkg.__spec__).replace(HERE, '<dir>').split(' object at ')[0])
print(sorted(k for k in sys.modules if k.startswith('basicpkg')))
