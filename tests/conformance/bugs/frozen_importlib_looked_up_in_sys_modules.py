# The import system's own modules name each other (_frozen_importlib._bootstrap_external,
# _frozen_importlib_external._bootstrap), as CPython's do: a source importlib imported with the
# frozen ones blocked (None in sys.modules, as test.test_importlib.util does through
# import_helper.import_fresh_module) no longer broke every import of a source file, which looked
# _frozen_importlib up in sys.modules to make its spec.
import sys
import _frozen_importlib
import _frozen_importlib_external

print(_frozen_importlib_external._bootstrap is _frozen_importlib)
print(_frozen_importlib._bootstrap_external is _frozen_importlib_external)

saved = {name: sys.modules[name] for name in list(sys.modules)
         if name == 'importlib' or name.startswith('importlib.')
         or name in ('_frozen_importlib', '_frozen_importlib_external')}
for name in saved:
    del sys.modules[name]
sys.modules['_frozen_importlib'] = None
sys.modules['_frozen_importlib_external'] = None
try:
    import importlib
    source = importlib
finally:
    for name in list(sys.modules):
        if name == 'importlib' or name.startswith('importlib.'):
            del sys.modules[name]
    sys.modules.update(saved)

print(source.__name__, source._bootstrap.__name__, source._bootstrap_external.__name__)
print(source._bootstrap is _frozen_importlib, source._bootstrap_external is _frozen_importlib_external)
print(sys.modules['_frozen_importlib'] is _frozen_importlib)
import colorsys
print(colorsys.__spec__.name, type(colorsys.__spec__).__module__, type(colorsys.__loader__).__name__)
print(colorsys.rgb_to_hsv(0.2, 0.4, 0.4))
