# _ast: the AST base type, the node classes of 3.11's ASDL, their layout and gc facts
import _ast
import gc
import sys
import weakref

print(_ast.AST, _ast.AST.__module__, _ast.AST.__name__, type(_ast.AST))
print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
names = [k for k in vars(_ast) if not k.startswith('__')]
print(len(names), names[:12])
for n in names:
    c = getattr(_ast, n)
    if isinstance(c, type):
        assert c.__module__ == 'ast', n
print([(n, getattr(_ast, n).__bases__[0].__name__) for n in ['mod', 'Module', 'stmt', 'If', 'expr', 'Name', 'Load',
                                                             'Add', 'Eq', 'comprehension', 'ExceptHandler', 'arguments',
                                                             'arg', 'keyword', 'alias', 'withitem', 'match_case',
                                                             'MatchAs', 'TypeIgnore']])
print(_ast.Name._fields, _ast.Name.__match_args__ is _ast.Name._fields, _ast.Name._attributes)
print(_ast.FunctionDef._fields, _ast.FunctionDef.__doc__)
print(_ast.arguments._fields, _ast.arguments._attributes, _ast.arguments.vararg)
print(_ast.Return.value, _ast.expr.end_lineno, _ast.Constant.kind)
print(list(_ast.expr.__dict__), list(_ast.Return.__dict__))
print(_ast.AST._fields, _ast.AST._attributes, _ast.AST.__match_args__)

# construction: positional fields, keywords, missing fields stay missing
n = _ast.Name('x', _ast.Load(), lineno=3)
print(n.id, type(n.ctx).__name__, n.lineno, n.__dict__.keys(), n.end_lineno)
m = _ast.Name()
print(m.__dict__, hasattr(m, 'id'))
try:
    m.id
except AttributeError as e:
    print('AttributeError', e)
for args, kw in [(('a', 'b', 'c'), {}), (('a',), {'id': 'b'}), ((1,), {})]:
    try:
        print(_ast.Name(*args, **kw).__dict__)
    except TypeError as e:
        print('TypeError', e)
try:
    _ast.AST(1)
except TypeError as e:
    print('TypeError', e)
a = _ast.AST(foo=1)
print(a.foo, a.__dict__)
print(n.__reduce__()[0] is _ast.Name, n.__reduce__()[1], sorted(n.__reduce__()[2]), _ast.Load().__reduce__())

# layout and gc facts as CPython 3.11's
print(sys.getsizeof(_ast.AST()), sys.getsizeof(n), sys.getsizeof(_ast.Load()), sys.getsizeof(_ast.arguments()))
print(gc.is_tracked(_ast.AST()), gc.is_tracked(n), gc.is_tracked(_ast.Load()))
print(gc.get_referents(_ast.AST()), len(gc.get_referents(n)), gc.get_referents(_ast.Load()))
print(gc.get_referents(n)[0] is _ast.Name, gc.get_referents(n)[1] is n.__dict__)
w = weakref.ref(n)
print(w() is n)
del n
print(w())
print(_ast.Load() is _ast.Load(), isinstance(_ast.Load(), _ast.expr_context))

# a cycle through node dicts is collected
x = _ast.List([], _ast.Load())
x.elts.append(x)
r = weakref.ref(x)
del x
gc.collect()
print(r())

# subclasses of node classes
class MyName(_ast.Name):
    def __init__(self, ident):
        super().__init__(ident, _ast.Load())
y = MyName('q')
print(y.id, type(y.ctx).__name__, sys.getsizeof(y), isinstance(y, _ast.expr), list(y.__dict__))
