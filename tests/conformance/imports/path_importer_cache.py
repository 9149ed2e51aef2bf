# sys.path_importer_cache: the finder of each path entry the import search reached (a FileFinder for a directory, None for anything else, '' by the current directory's name); a None entry is passed by
import sys, posix
HERE = sys.path[0]
cache = sys.path_importer_cache
def mine():
    return sorted((k.replace(HERE, '<dir>'), type(v).__name__) for k, v in cache.items() if k.startswith(HERE))
print(type(cache) is dict, mine())
sys.path.insert(1, HERE + '/mods')
sys.path.insert(2, HERE + '/no_such_dir')
sys.path.insert(3, HERE + '/module_basic.py')
import helper
print(mine())
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print(e)
print(mine())
f = cache[HERE + '/mods']
print(type(f).__module__, type(f).__qualname__, f.path.replace(HERE, '<dir>'), repr(f).replace(HERE, '<dir>'))
import basicpkg.mod
print(mine())
sys.path.insert(1, HERE + '/mods2')
cache[HERE + '/mods2'] = None
try:
    import onlyhere
except ModuleNotFoundError as e:
    print(e)
del cache[HERE + '/mods2']
import onlyhere
print(onlyhere.value, mine())
start = posix.getcwd()
try:
    posix.chdir(HERE + '/mods2')
    sys.path.insert(0, '')
    try:
        import still_not_there
    except ModuleNotFoundError as e:
        print(e)
    print(posix.getcwd() in cache, type(cache[posix.getcwd()]).__name__, cache[posix.getcwd()].path == posix.getcwd(), '' in cache)
    cache.clear()
    import shadow
    print(shadow.where, mine())
finally:
    posix.chdir(start)  # the directory the run started in (programs may share one process)
