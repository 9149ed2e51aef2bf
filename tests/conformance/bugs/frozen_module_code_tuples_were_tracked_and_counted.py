# The code objects of the standard library modules CPython 3.11 freezes (runpy, importlib.util,
# importlib.machinery, os, site, ...) are deep-frozen static objects: importing one makes no tuple
# for their co_consts, co_names and co_varnames, so those are never tracked and move no count.
# A module loaded from its .py file (importlib's __init__, types) has ordinary tracked tuples.
# refheap made every module's code tuples as GC objects (counted, tracked until a collection).
import gc, sys
gc.disable()
print('runpy' in sys.modules, 'importlib.util' in sys.modules, 'importlib' in sys.modules)
import runpy
import importlib.util
frozen = [runpy._run_code, runpy.run_module, importlib.util.find_spec, importlib.util.resolve_name]
for f in frozen:
    c = f.__code__
    print(f.__name__, gc.is_tracked(c.co_consts), gc.is_tracked(c.co_names), gc.is_tracked(c.co_varnames))
import importlib
c = importlib.import_module.__code__
print('import_module', gc.is_tracked(c.co_consts), gc.is_tracked(c.co_varnames))
gc.enable()
