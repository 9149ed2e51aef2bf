# builtins.__import__: the top-level package without a fromlist, the module itself with one, and level
import sys
m = __import__('basicpkg.sub.leaf')
print(m.__name__)
m = __import__('basicpkg.sub.leaf', fromlist=['LEAF'])
print(m.__name__, m.LEAF)
m = __import__('leaf', globals={'__package__': 'basicpkg.sub', '__name__': 'basicpkg.sub'}, fromlist=['x'], level=1)
print(m.__name__)
m = __import__('sub', {'__package__': 'basicpkg', '__name__': 'basicpkg'}, None, (), 1)
print(m.__name__)
print(__import__('sys') is sys)
