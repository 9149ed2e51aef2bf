# A path hook a program adds, a finder it stores in sys.path_importer_cache, and meta path finders
# it inserts or appends: each is consulted where CPython's import consults it, and the modules they
# find are loaded through their loaders.
import sys
import importlib.abc
import importlib.util


class StringLoader(importlib.abc.Loader):
    def __init__(self, sources):
        self.sources = sources

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(self.sources[module.__name__], module.__dict__)


class DictFinder:
    """A path entry finder over a dict of sources."""

    def __init__(self, sources):
        self.sources = sources
        self.asked = []

    def find_spec(self, fullname, target=None):
        self.asked.append(fullname)
        if fullname in self.sources:
            return importlib.util.spec_from_loader(fullname, StringLoader(self.sources))
        return None

    def invalidate_caches(self):
        pass


def hook(path):
    if not path.startswith('mem:'):
        raise ImportError('not mine', path=path)
    print('hook called for', path)
    return DictFinder({'memmod': 'value = 42\nprint("running memmod", __name__, __spec__.origin)'})


sys.path_hooks.insert(0, hook)
sys.path.append('mem:one')
import memmod
print(memmod.value, type(sys.path_importer_cache['mem:one']).__name__, type(memmod.__loader__).__name__)
try:
    import not_in_memory
except ModuleNotFoundError as e:
    print(e)
print(sys.path_importer_cache['mem:one'].asked)

other = DictFinder({'memmod2': 'print("memmod2 runs")\nx = [1, 2]'})
sys.path_importer_cache['mem:two'] = other
sys.path.append('mem:two')
import memmod2
print(memmod2.x, other.asked)
sys.path.remove('mem:one')
sys.path.remove('mem:two')
sys.path_hooks.remove(hook)


class Meta:
    def __init__(self, names):
        self.names = names
        self.asked = []

    def find_spec(self, fullname, path, target=None):
        self.asked.append((fullname, path is None))
        if fullname in self.names:
            src = 'print("virtual", __name__)\nanswer = %r' % self.names[fullname]
            return importlib.util.spec_from_loader(fullname, StringLoader({fullname: src}))
        return None


first = Meta({'virtual_mod': 7, 'colorsys': 'shadowed'})
sys.meta_path.insert(0, first)
import virtual_mod
print(virtual_mod.answer)
import colorsys
print(colorsys.answer)
import basicpkg.mod
print(first.asked)
sys.meta_path.remove(first)
del sys.modules['colorsys']

last = Meta({'late_only': 'late', 'colorsys': 'never'})
sys.meta_path.append(last)
import colorsys
print(hasattr(colorsys, 'answer'))
import late_only
print(late_only.answer, [n for n, _ in last.asked])
print(importlib.util.find_spec('late_only').name, importlib.util.find_spec('no_module_at_all'))
sys.meta_path.remove(last)
try:
    import another_missing
except ModuleNotFoundError as e:
    print(e)
