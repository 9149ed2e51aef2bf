# BaseException.__reduce__/__setstate__, ImportError's and OSError's __reduce__ were not supported (pickle and copy of exceptions failed), and a builtin exception refused attributes of its own.
import pickle, copy, sys

e = Exception('x')
print(e.__reduce__())
e.__dict__
print(e.__reduce__())
k = KeyError('k')
k.foo = 1
print(k.__reduce__(), vars(k))
k.with_traceback = 5
print(sorted(vars(k)))
del k.foo
print(vars(k))
try:
    del k.foo
except AttributeError as ex:
    print('AttributeError', ex)
print(ImportError('m', name='n', path='p').__reduce__())
print(ImportError('m', name='n').__reduce__())
i = ImportError('m')
print(i.__reduce__())
i.extra = 2
print(i.__reduce__())
print(AttributeError('x', name='n', obj=1).__reduce__())
print(SyntaxError('m', ('f', 1, 2, 't')).__reduce__())
print(OSError(2, 'x', 'f').__reduce__())
print(OSError(2, 'x', 'f', None, 'g').__reduce__())
print(OSError('only').__reduce__())
print(UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'bad').__reduce__())
for ex in [ValueError('v'), ImportError('m', name='n', path='p'), ModuleNotFoundError('mm', name='q'),
           SyntaxError('m', ('f', 1, 2, 't')), UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'bad'),
           StopIteration(5), SystemExit(3), FileNotFoundError(2, 'No such file', 'f'), k]:
    p = pickle.loads(pickle.dumps(ex))
    c = copy.copy(ex)
    print(type(p).__name__, p.args, str(p), vars(p), type(c).__name__, str(c))
i2 = pickle.loads(pickle.dumps(ImportError('m', name='n', path='p')))
print(i2.name, i2.path, i2.msg)
s = Exception()
s.__setstate__({'a': 1, 'b': 2})
print(vars(s))
s.__setstate__(None)
try:
    s.__setstate__([1])
except TypeError as ex:
    print('TypeError', ex)
