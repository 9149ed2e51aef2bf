# a module's own __getattr__ (PEP 562) serves missing attributes; its AttributeError means "no such attribute"
import sys
sys.path.insert(1, sys.path[0] + '/mods')
import withgetattr
print(withgetattr.present, withgetattr.lazy_value)
print(getattr(withgetattr, 'lazy_x', 'default'), getattr(withgetattr, 'other', 'default'))
print(hasattr(withgetattr, 'lazy_y'), hasattr(withgetattr, 'nope'))
from withgetattr import lazy_imported
print(lazy_imported)
try:
    withgetattr.missing
except AttributeError as e:
    print('AttributeError', e)
import getattrpkg
print(getattrpkg.dynamic)
from getattrpkg import dynamic
print(dynamic)
