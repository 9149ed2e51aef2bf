# sys.path_hooks and sys.meta_path hold importlib's finders once an import has used them
# (zipimporter and FileFinder's hook; BuiltinImporter, FrozenImporter, PathFinder), and pkgutil finds
# modules through them: get_importer gives a FileFinder for any directory, iter_modules and
# walk_packages list a directory's modules and packages; FileFinder.find_spec's answers.
import sys
HERE = sys.path[0]
import importlib.machinery
import pkgutil
import zipimport


def short(p):
    return p.replace(HERE, '<dir>') if isinstance(p, str) else p


print([getattr(h, '__qualname__', h) for h in sys.path_hooks])
print([f.__name__ for f in sys.meta_path])
print(sys.path_hooks[0] is zipimport.zipimporter, sys.meta_path[2] is importlib.machinery.PathFinder)
imp = pkgutil.get_importer(HERE + '/mods')
print(type(imp).__name__, short(imp.path), type(sys.path_importer_cache[HERE + '/mods']).__name__)
print(sorted((m.name, m.ispkg, short(m.module_finder.path)) for m in pkgutil.iter_modules([HERE + '/mods', HERE + '/basicpkg'])))
print(sorted((m.name, m.ispkg) for m in pkgutil.iter_modules([HERE + '/basicpkg'], 'basicpkg.')))
print(pkgutil.get_importer(HERE + '/no_such_dir'), pkgutil.get_importer(HERE + '/module_basic.py'))
print(sorted(m.name for m in pkgutil.walk_packages([HERE + '/basicpkg'], 'basicpkg.')))
print('colorsys' in [m.name for m in pkgutil.iter_modules()], 'basicpkg' in [m.name for m in pkgutil.iter_modules()])

ff = importlib.machinery.FileFinder(HERE + '/basicpkg', (importlib.machinery.SourceFileLoader, ['.py']))
for name in ['mod', 'sub', 'nothing']:
    spec = ff.find_spec(name)
    if spec is None:
        print(name, None)
    else:
        print(name, spec.name, type(spec.loader).__name__, short(spec.origin),
              spec.submodule_search_locations and [short(p) for p in spec.submodule_search_locations])
hook = sys.path_hooks[-1]
f2 = hook(HERE + '/mods2')
print(type(f2).__name__, short(f2.path), short(f2.find_spec('onlyhere').origin))
try:
    hook(HERE + '/module_basic.py')
except ImportError as e:
    print(type(e).__name__, e, short(e.path))
try:
    zipimport.zipimporter(HERE + '/module_basic.py')
except ImportError as e:
    print(type(e).__name__, short(str(e)))
spec = importlib.machinery.PathFinder.find_spec('helper', [HERE + '/mods'])
print(spec.name, type(spec.loader).__name__, short(spec.origin))
