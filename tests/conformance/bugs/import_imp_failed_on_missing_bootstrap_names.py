# 'import imp' (3.11's deprecated module, still in old scripts) failed: refheap's importlib._bootstrap
# lacked _ERR_MSG and _imp lacked the frozen-module functions imp imports; _imp.is_builtin gave 1
# for sys and builtins where CPython gives -1 (no init function).
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    import imp
print([str(x.message)[:60] for x in w])
import os, sys
print(imp.get_magic() == __import__('importlib.util').util.MAGIC_NUMBER, imp.get_suffixes()[:2])
print(imp.new_module('m'), imp.is_builtin('sys'), imp.is_frozen('os'), imp.lock_held())
f, path, desc = imp.find_module('json')
print(f, path.endswith('json'), desc)
f, path, desc = imp.find_module('textwrap')
print(type(f).__name__, path.endswith('textwrap.py'), desc); f.close()
m = imp.load_module('textwrap2', *imp.find_module('textwrap'))
print(m.__name__, m.dedent('  a'))
print(imp.reload(os) is os)
print(imp.init_builtin('sys') is sys)
print(imp.find_module('os'))
try:
    imp.find_module('no_such_module_x')
except ImportError as e:
    print(e)
print([(n, imp.is_builtin(n)) for n in ('sys', 'builtins', 'gc', '_imp', 'os', '__main__')])
