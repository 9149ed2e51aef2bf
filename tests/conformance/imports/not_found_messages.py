# ModuleNotFoundError and ImportError messages for missing modules, submodules, non-packages and names
import sys
HERE = sys.path[0]
sys.path.insert(1, HERE + '/mods')
def show(e):
    print(type(e).__name__ + ':', str(e).replace(HERE, '<dir>'))
try:
    import no_such_module_xyz
except ImportError as e:
    show(e)
try:
    import basicpkg.no_such
except ImportError as e:
    show(e)
try:
    import helper.sub
except ImportError as e:
    show(e)
try:
    from basicpkg import no_such
except ImportError as e:
    show(e)
try:
    from helper import no_such
except ImportError as e:
    show(e)
try:
    import no_such_pkg.sub
except ImportError as e:
    show(e)
try:
    from sys import no_such
except ImportError as e:
    show(e)
print(issubclass(ModuleNotFoundError, ImportError))
