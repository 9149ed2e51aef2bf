# inspect.signature and help() of builtins: they read __text_signature__, and a module function's
# __self__ (the module, whose parameter inspect drops); pydoc renders the docstring.
import inspect
import math
import pydoc

for f in (len, list.append, [].append, dict.fromkeys, int.bit_length, (1).__add__, math.sqrt, object, float, abs):
    print(f.__qualname__, inspect.signature(f))
print(len.__self__, math.sqrt.__self__ is math, [].append.__self__)
print(inspect.getdoc(len))
print(inspect.getdoc(list.append))
print(inspect.getdoc(math.hypot))
try:
    inspect.signature(int)
except ValueError as e:
    print('ValueError', e)
print(pydoc.render_doc(len, renderer=pydoc.plaintext))
print(pydoc.render_doc(math.sqrt, renderer=pydoc.plaintext))
pydoc.help(abs)
