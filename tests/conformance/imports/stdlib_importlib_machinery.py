# importlib.machinery and the names of importlib._bootstrap_external that library code reads
# (inspect, pkgutil, runpy): the suffix lists, the path helpers, spec_from_file_location, a
# module loaded from a file by its spec, PathFinder/FileFinder, and _bootstrap._find_spec.
import sys
import importlib
import importlib.machinery as machinery
import importlib._bootstrap as bootstrap
import importlib._bootstrap_external as external

print(machinery.SOURCE_SUFFIXES, machinery.BYTECODE_SUFFIXES)
print(machinery.DEBUG_BYTECODE_SUFFIXES, machinery.OPTIMIZED_BYTECODE_SUFFIXES)
print(machinery.DEBUG_BYTECODE_SUFFIXES is machinery.BYTECODE_SUFFIXES)
print(machinery.all_suffixes()[:2])
print(external.MAGIC_NUMBER, external._RAW_MAGIC_NUMBER, external._PYCACHE, external._OPT)
print(external._path_join('a/', 'b', '', 'c//'), external._path_split('x/y/z.py'), external._path_split('z.py'))
print(external._path_isabs('/a'), external._path_isabs('a'))
print(external._path_isdir('tests'), external._path_isfile('tests'), external._path_isfile('nonexistent-file'))
print(external._pack_uint32(0x01020304), external._unpack_uint32(b'\x04\x03\x02\x01'), external._unpack_uint16(b'\x01\x02'))
for cls in (machinery.SourceFileLoader, machinery.SourcelessFileLoader, machinery.ExtensionFileLoader):
    print(cls.__name__, [c.__name__ for c in cls.__mro__])
print([c.__name__ for c in (machinery.PathFinder, machinery.FileFinder, machinery.WindowsRegistryFinder,
                            machinery.NamespaceLoader, machinery.ModuleSpec, machinery.BuiltinImporter)])

# a module from a file, as importlib.util.spec_from_file_location + module_from_spec do it
path = 'tests/conformance/imports/mods/helper.py'
spec = external.spec_from_file_location('loaded_helper', path)
print(spec.name, spec.origin.endswith('/' + path), spec.has_location, spec.parent, spec.submodule_search_locations)
print(type(spec.loader).__name__, spec.loader.name, spec.loader.path == spec.origin)
print(spec.loader.is_package('loaded_helper'), spec.loader.get_filename() == spec.origin)
print(spec.loader.get_data(spec.origin) == open(path, 'rb').read())
print(spec.loader.get_source('loaded_helper') == open(path).read())
module = bootstrap.module_from_spec(spec)
print(module.__name__, module.__spec__ is spec, module.__loader__ is spec.loader, module.__file__ == spec.origin)
spec.loader.exec_module(module)
print('loaded_helper' in sys.modules, sorted(k for k in vars(module) if not k.startswith('__')))
pkg = external.spec_from_file_location('pkgx', 'tests/conformance/imports/basicpkg/__init__.py')
print(pkg.parent, [p.rsplit('/', 2)[-2:] for p in pkg.submodule_search_locations])
print(external.spec_from_file_location('data', 'tests/conformance/imports/mods/helper.txt'))
explicit = external.spec_from_file_location('e', path, submodule_search_locations=['x'])
print(explicit.submodule_search_locations, explicit.parent)

# finding without importing
spec = bootstrap._find_spec('basicpkg', ['tests/conformance/imports'])
print(spec.name, spec.origin.endswith('basicpkg/__init__.py'), type(spec.loader).__name__)
print(spec.submodule_search_locations[0].endswith('imports/basicpkg'), 'basicpkg' in sys.modules)
print(bootstrap._find_spec('no_such_module_here', None))
print(bootstrap._find_spec('sys', None))
print(machinery.PathFinder.find_spec('sys'), machinery.PathFinder.find_spec('mods', ['tests/conformance/imports']) is not None)
print(machinery.FileFinder('tests/conformance/imports/mods').find_spec('helper'))
finder = machinery.FileFinder('tests/conformance/imports/mods', (machinery.SourceFileLoader, machinery.SOURCE_SUFFIXES))
print(repr(finder).endswith("tests/conformance/imports/mods')"), finder.find_spec('helper').name)
print(type(finder.find_spec('helper').loader).__name__, finder.find_spec('nothing'))
hook = machinery.FileFinder.path_hook((machinery.SourceFileLoader, machinery.SOURCE_SUFFIXES))
try:
    hook('tests/conformance/imports/mods/helper.py')
except ImportError as e:
    print('ImportError', e, e.path)
print(type(hook('tests')).__name__)
