# Argument Clinic's checks come in _PyArg_UnpackKeywords' order and words: the total count, then
# "exactly" N positional arguments when none is optional ("at most" before), then each missing
# required parameter by name before any unknown keyword; PyArg_ParseTupleAndKeywords (ContextVar)
# keeps "at most".
import os, binascii, math, contextvars, re
calls = [
    (os.lstat, ('a', 'b'), {}),
    (os.readlink, ('a', 'b'), {}),
    (os.fspath, ('a', 'b'), {}),
    (binascii.b2a_base64, (b'a', 1), {}),
    (binascii.b2a_base64, (), {'newline': 1, 'data': b'a', 'x': 2}),
    (math.isclose, (1,), {'zz': 1}),
    (math.isclose, (), {'b': 1, 'a': 1, 'rel_tol': 0.1, 'abs_tol': 0, 'x': 1}),
    (math.isclose, (1, 2), {'a': 1}),
    (contextvars.ContextVar, ('a', 1), {}),
    (contextvars.ContextVar, ('a', 1), {'default': 2}),
    (re.compile('x').match, ('a', 1, 2, 3), {}),
    (re.compile('x').split, (), {'maxsplit': 1}),
]
for f, args, kw in calls:
    try:
        f(*args, **kw)
        print('no error')
    except TypeError as e:
        print(e)
