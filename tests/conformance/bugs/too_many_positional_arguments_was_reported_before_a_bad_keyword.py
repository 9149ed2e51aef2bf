# A call with too many positional arguments and an unexpected (or repeated) keyword reported the
# positional count where CPython (initialize_locals) binds the keywords first and reports them; the
# count's message also names the keyword-only arguments given (too_many_positional).
import inspect
f0 = lambda: None
f1 = lambda a, b: None
f2 = lambda a, b=1: None
def k(a, *, b, c=2): pass
def kw(a, **kws): pass
def star(a, *args): pass
for f, call in [(f0, '1'), (f0, 'x=1'), (f0, '1, x=1'), (f1, '1, 2, 3'), (f1, '1, 2, 3, a=4'), (f2, '1, 2, 3'),
                (f2, '1, 2, 3, c=1'), (k, '1, 2'), (k, '1, 2, b=3'), (k, '1, 2, b=3, c=4'), (k, '1, 2, 3, b=1'),
                (kw, '1, 2, x=3'), (kw, '1, 2, a=3'), (star, 'x=1'), (k, '1, 2, d=1'), (k, '1'), (f1, '1, 2, b=3')]:
    try:
        eval('f(%s)' % call)
    except TypeError as e:
        print(call, '|', e)
    try:
        inspect.getcallargs(f, *eval('(lambda *a, **k: (a, k))(%s)' % call)[0], **eval('(lambda *a, **k: (a, k))(%s)' % call)[1])
    except TypeError as e:
        print(call, '|', e)
