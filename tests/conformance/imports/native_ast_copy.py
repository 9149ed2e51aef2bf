# ast nodes: copy/deepcopy through AST.__reduce__ (object.__reduce_ex__ uses an overriding __reduce__), match, __dict__ assignment
import _ast, copy
n = _ast.Name('x', _ast.Load(), lineno=1)
c = copy.copy(n)
print(type(c).__name__, c.id, c.ctx is n.ctx, c.lineno)
d = copy.deepcopy(_ast.BinOp(_ast.Constant(1), _ast.Add(), n))
print(type(d).__name__, d.left.value, type(d.op).__name__, d.right.id)
match n:
    case _ast.Name(ident, ctx):
        print('matched', ident, type(ctx).__name__)
print(n == c, hash(n) != 0)
del n.id
print(hasattr(n, 'id'))
n.__dict__ = {'id': 'z'}
print(n.id)
print(isinstance(compile('x', 'f', 'exec', 1024), _ast.mod))
print(compile('x', 'f', 'exec', flags=_ast.PyCF_ONLY_AST, dont_inherit=True, optimize=2).body[0].value.id)
