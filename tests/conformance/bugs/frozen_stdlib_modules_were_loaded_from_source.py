# CPython 3.11 freezes the modules start-up imports (os, stat, codecs, io, abc, posixpath, site...),
# runpy, importlib.util and importlib.machinery into its binary: FrozenImporter loads them before any
# path entry is searched, their repr says "(frozen)", their spec's origin is 'frozen' with a loader
# state, they have __file__ but no __cached__, and their code's co_filename is '<frozen NAME>'.
# refheap loaded them from source with a SourceFileLoader.
import _imp
import importlib.machinery
import importlib.util
import os
import runpy
import stat
import sys

import _frozen_importlib as bootstrap

print(os, stat, runpy, importlib.util, importlib.machinery)
print(os.path, sys.modules['os.path'] is os.path, os.path.__name__)
for m in (os, stat, os.path, importlib.util, sys.modules['_frozen_importlib_external'], sys.modules['_frozen_importlib']):
    spec = m.__spec__
    state = spec.loader_state
    print(m.__name__, spec.origin, spec.loader is bootstrap.FrozenImporter, spec.has_location, spec.cached,
          spec.submodule_search_locations, type(state).__name__, sorted(vars(state)), state.origname,
          state.filename is None or state.filename.endswith(m.__name__.replace('importlib.', 'importlib/').replace('_frozen_importlib_external', 'importlib/_bootstrap_external').replace('os.path', 'posixpath') + '.py'),
          hasattr(m, '__file__'), hasattr(m, '__cached__'), m.__loader__ is bootstrap.FrozenImporter)
print([k for k in vars(os) if k.startswith('__')])
print(os.__file__ == os.__spec__.loader_state.filename, os.__file__.endswith('/os.py'))
print(os.getcwd.__module__, os.fspath.__module__, os.makedirs.__code__.co_filename, os.path.join.__code__.co_filename, runpy.run_path.__code__.co_filename)
print(importlib.util.find_spec('os'), importlib.util.find_spec('stat').origin)
print(importlib.machinery.FrozenImporter.find_spec('runpy'))
print(importlib.machinery.FrozenImporter.find_spec('collections'), importlib.util.find_spec('collections').origin.endswith('__init__.py'))
print(bootstrap.FrozenImporter.get_source('os'), bootstrap.FrozenImporter.is_package('os'),
      bootstrap.FrozenImporter.get_code('os').co_filename)
print(_imp._frozen_module_names())
for name in ('os', 'os.path', '_frozen_importlib', 'importlib.util', '__phello__', '__phello_alias__', '__hello_only__', 'collections', 'nope'):
    print(name, _imp.is_frozen(name), _imp.find_frozen(name))
for call in (lambda: _imp.is_frozen_package('nope'), lambda: _imp.get_frozen_object('nope'), lambda: _imp.init_frozen('nope'),
             lambda: _imp.find_frozen('os', True), lambda: _imp.is_frozen(1), lambda: _imp.find_frozen(1),
             lambda: _imp.find_frozen('os', nope=1), lambda: _imp.is_frozen_package('os'), lambda: _imp.is_frozen_package('__phello__'),
             lambda: _imp.source_hash(1, b'abc'), lambda: _imp.source_hash(key=1, source=b'abc'), lambda: _imp.source_hash(2 ** 64, b''),
             lambda: _imp.source_hash(-1, b''), lambda: _imp.source_hash(3495, b'print(1)\n'), lambda: _imp.source_hash(7, b'x' * 100),
             lambda: _imp.source_hash(1, 'str'), lambda: _imp.source_hash(1), lambda: _imp.exec_dynamic(sys)):
    try:
        print(repr(call()))
    except Exception as e:
        print(type(e).__name__, e)
# a traceback through frozen code shows '<frozen os>' and no source line
import traceback
try:
    os.environ['REFHEAP_NO_SUCH_VARIABLE']
except KeyError:
    lines = traceback.format_exc().splitlines()
    print([l for l in lines if '<frozen' in l])
import __hello__
print(__hello__, __hello__.initialized, __hello__.__spec__.loader_state.origname)
__hello__.main()
import __phello__.spam
print(__phello__, __phello__.__path__ == [os.path.dirname(__phello__.__file__)], __phello__.spam)
print(__phello__.__spec__.submodule_search_locations == __phello__.__path__)
import __phello_alias__
print(__phello_alias__.__path__, __phello_alias__.__spec__.loader_state.origname)
