# The modules CPython 3.11 builds as shared libraries are found where CPython finds them: through
# sys.path's lib-dynload entry, by PathFinder's FileFinder, loaded by ExtensionFileLoader
# (__file__, __spec__.origin, __loader__, the dict's order with __file__ before the names the
# module's exec slot adds); the modules built into the interpreter stay built in. Paths are shown
# relative to sys.base_prefix ('<base>') and sys.prefix ('<prefix>').
import sys, importlib, importlib.util, importlib.machinery

def short(p):
    if not isinstance(p, str):
        return p
    for prefix, tag in ((sys.base_prefix, '<base>'), (sys.prefix, '<prefix>')):
        if p.startswith(prefix + '/'):
            return tag + p[len(prefix):]
    return p

print([short(p) if not p.endswith('site-packages') else '<site-packages>' for p in sys.path[1:]])
print(importlib.machinery.EXTENSION_SUFFIXES, importlib.machinery.all_suffixes())
import _imp
print(_imp.extension_suffixes())

EXT = ['math', 'cmath', 'resource', '_struct', '_random', 'binascii', 'array', '_bisect', '_posixsubprocess', '_sha1',
       '_sha256', '_md5', '_contextvars', 'fcntl', 'grp', '_csv', '_sha3', '_blake2', 'select', 'zlib', '_heapq',
       '_socket', '_sha512', '_opcode']
# CPython's built-in modules that refheap has (it has no _symtable, _tokenize or xxsubtype)
BUILTIN = ['_abc', '_ast', '_codecs', '_collections', '_functools', '_imp', '_io', '_locale', '_operator', '_signal', '_sre',
           '_stat', '_string', '_thread', '_tracemalloc', '_warnings', '_weakref', 'atexit', 'builtins', 'errno',
           'faulthandler', 'gc', 'itertools', 'marshal', 'posix', 'pwd', 'sys', 'time']
print([n for n in EXT if n in sys.builtin_module_names], [n for n in BUILTIN if n not in sys.builtin_module_names])
print(list(sys.builtin_module_names) == sorted(sys.builtin_module_names))
print([n for n in EXT if _imp.is_builtin(n)], [n for n in BUILTIN if not _imp.is_builtin(n)])

for name in EXT:
    spec = importlib.util.find_spec(name)
    m = importlib.import_module(name)
    keys = list(vars(m))
    print(name, short(m.__file__), type(m.__loader__).__name__, m.__loader__.name, short(m.__loader__.path),
          m.__spec__.origin == m.__file__, m.__spec__.has_location, m.__spec__.cached, m.__spec__.parent,
          m.__spec__.submodule_search_locations, m.__package__, spec == m.__spec__, keys[:5])
    if name not in ('select', 'zlib', '_heapq'):  # these lack some of CPython's names in refheap
        print(' ', keys[keys.index('__file__'):])
    print(' ', repr(m).replace(sys.base_prefix, '<base>'))
    print(' ', m.__loader__.is_package(name), m.__loader__.get_code(name), m.__loader__.get_source(name),
          short(m.__loader__.get_filename(name)))

for name in ('sys', 'posix', 'itertools', '_io', 'time'):
    m = importlib.import_module(name)
    spec = importlib.util.find_spec(name)
    print(name, m.__spec__.origin, m.__loader__, hasattr(m, '__file__'), spec.origin, repr(m))

# the path importer cache holds CPython's finders for the new entries
print({short(k): type(v).__name__ for k, v in sys.path_importer_cache.items() if k in sys.path[1:-1]})

# a module made again from its spec: another module object, the same file
import math
spec = importlib.util.find_spec('math')
m2 = importlib.util.module_from_spec(spec)
print(m2 is math, short(m2.__file__))  # (refheap's has the exec slot's names already here)
spec.loader.exec_module(m2)
print(list(vars(m2))[-6:], m2.pi == math.pi, m2.sqrt(4.0))
# an extension module refheap does not implement is found, and refused when loaded
spec = importlib.util.find_spec('_lsprof')
print(type(spec.loader).__name__, short(spec.origin))
