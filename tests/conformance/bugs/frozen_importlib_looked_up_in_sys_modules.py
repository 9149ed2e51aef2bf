# The import system's own modules name each other (_frozen_importlib._bootstrap_external,
# _frozen_importlib_external._bootstrap), as CPython's do: a source importlib imported with the
# frozen ones blocked (None in sys.modules, as test.test_importlib.util does) no longer broke every
# import of a source file, which looked _frozen_importlib up in sys.modules to make its spec.
import _frozen_importlib
import _frozen_importlib_external
from test.support import import_helper

print(_frozen_importlib_external._bootstrap is _frozen_importlib)
print(_frozen_importlib._bootstrap_external is _frozen_importlib_external)
source = import_helper.import_fresh_module('importlib', fresh=('importlib',),
                                          blocked=('_frozen_importlib', '_frozen_importlib_external'))
print(source.__name__, source._bootstrap.__name__, source._bootstrap_external.__name__)
print(source._bootstrap is _frozen_importlib, source._bootstrap_external is _frozen_importlib_external)
import sys
print(sys.modules['_frozen_importlib'] is _frozen_importlib)
import colorsys
print(colorsys.__spec__.name, type(colorsys.__spec__).__module__, type(colorsys.__loader__).__name__)
print(colorsys.rgb_to_hsv(0.2, 0.4, 0.4))
