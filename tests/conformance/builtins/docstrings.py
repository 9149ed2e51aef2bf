# Docstrings and text signatures of builtin types, functions, methods, slot wrappers, getsets and
# native modules, as CPython 3.11 serves them: a static type's __doc__ is a str in its dict (put
# there when the type is readied, seen by instances through the type), while type.__doc__, a
# function's and a method's __doc__ and every __text_signature__ are made at each access from the
# C doc, whose "name(sig)\n--\n\n" front is the text signature.
import sys
import math
import itertools
import collections
import _csv
import _io
import types


def first(s):
    return s if s is None else s.splitlines()[0]


print('int', first(int.__doc__))
print('dict entry', first(int.__dict__['__doc__']), int.__dict__['__doc__'] == int.__doc__)
print('instance sees the dict', (1).__doc__ is int.__dict__['__doc__'], True.__doc__ is bool.__dict__['__doc__'])
print('refcount of the dict entry', sys.getrefcount(int.__dict__['__doc__']))
print('made per access', int.__doc__ is int.__doc__, len.__doc__ is len.__doc__, list.append.__doc__ is list.append.__doc__)
print('signatures per access', len.__text_signature__ is len.__text_signature__)
print('object', repr(object.__doc__), object.__text_signature__)
print('object dict', repr(object.__dict__['__doc__']))
print('float', repr(float.__doc__), float.__text_signature__, repr(float.__dict__['__doc__']))
print('int signature', int.__text_signature__)
print('ValueError', ValueError.__doc__, ValueError.__dict__['__doc__'], ValueError('x').__doc__)
print('NoneType', type(None).__doc__, type(None).__dict__['__doc__'])
print('no tp_doc', types.BuiltinFunctionType.__doc__)
print('len', repr(len.__doc__), len.__text_signature__)
print('list.append', repr(list.append.__doc__), list.append.__text_signature__)
print('[].append', repr([].append.__doc__), [].append.__text_signature__)
print('int.__add__', repr(int.__add__.__doc__), int.__add__.__text_signature__)
print('(1).__add__', repr((1).__add__.__doc__), (1).__add__.__text_signature__)
print('int.__new__', repr(int.__new__.__doc__), int.__new__.__text_signature__)
print('dict.fromkeys', repr(dict.fromkeys.__doc__), dict.fromkeys.__text_signature__)
print('classmethod descriptor', dict.__dict__['fromkeys'].__text_signature__)
print('str.maketrans', first(str.maketrans.__doc__))
print('int.real', repr(int.real.__doc__), repr(complex.real.__doc__))
print('BaseException.args', repr(BaseException.args.__doc__))
print('staticmethod(len)', staticmethod(len).__doc__ == len.__doc__)
print('math', first(math.__doc__))
print('math.sqrt', repr(math.sqrt.__doc__), math.sqrt.__text_signature__)
print('sys', first(sys.__doc__))
print('sys.getrefcount', sys.getrefcount.__text_signature__)
print('_csv', first(_csv.__doc__))
print('_csv.reader', first(_csv.reader.__doc__))
print('_csv.Dialect', repr(_csv.Dialect.__doc__))
print('deque', repr(collections.deque.__doc__), repr(collections.deque.append.__doc__))
print('itertools.count', first(itertools.count.__doc__), itertools.count.__text_signature__)
print('_io.BytesIO', repr(_io.BytesIO.__doc__), _io.BytesIO.__text_signature__)
print('bool keys', list(bool.__dict__)[-1])
