# ImportError(msg, name=..., path=...) takes 3.11's two keywords (refheap refused every keyword of
# a builtin exception; FileFinder's path hook raises ImportError('...', path=path)), and a failed
# import's ModuleNotFoundError carries the module's name.
e = ImportError('boom', name='mod', path='/x/mod.py')
print(repr(e), e.args, e.msg, e.name, e.path)
e = ModuleNotFoundError(name='only')
print(repr(e), e.args, e.msg, e.name, e.path)
e = ImportError('a', 'b', path='p')
print(e.args, e.msg, e.name, e.path, str(e))
try:
    ImportError('x', other=1)
except TypeError as t:
    print('TypeError', t)
try:
    ValueError('x', name=1)
except TypeError as t:
    print('TypeError', t)
try:
    import no_such_module_for_import_error_keywords
except ModuleNotFoundError as m:
    print(m.name, m.path, m.msg)
try:
    import tests.no_such_sub
except ModuleNotFoundError as m:
    print(m.name)
