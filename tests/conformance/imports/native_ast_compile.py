# compile() with PyCF_ONLY_AST gives ast node objects with CPython's positions; compile() of a tree runs it
import _ast

src = '''def f(a, *, b=2):
    return [i * a for i in range(b)]
x = f(3, b=4)
print(x, "é" + 'x', 1.5j, -7, ...)
'''
t = compile(src, 'mod.py', 'exec', _ast.PyCF_ONLY_AST)
print(type(t).__name__, [type(s).__name__ for s in t.body], t.type_ignores)
fd = t.body[0]
print(fd.name, fd.type_comment, fd.returns, fd.decorator_list, type(fd.args).__name__)
print(fd.args.kwonlyargs[0].arg, fd.args.kw_defaults[0].value, fd.args.vararg, fd.args.defaults)
ret = fd.body[0]
print(ret.lineno, ret.col_offset, ret.end_lineno, ret.end_col_offset)
comp = ret.value
print(type(comp).__name__, comp.col_offset, comp.end_col_offset, comp.generators[0].is_async)
call = t.body[2].value
for arg in call.args:
    print(type(arg).__name__, getattr(arg, 'value', None), arg.col_offset, arg.end_col_offset)
print(t.body[0].body[0].value.elt.left.ctx is t.body[2].value.func.ctx)

exec(compile(t, 'mod.py', 'exec'))
print(x)

e = compile('1 + 2 * 3', '<e>', 'eval', _ast.PyCF_ONLY_AST)
print(type(e).__name__, type(e.body.op).__name__, eval(compile(e, '<e>', 'eval')))
s = compile('y = 5', '<s>', 'single', _ast.PyCF_ONLY_AST)
print(type(s).__name__, len(s.body))
print(compile(t, 'f', 'exec', _ast.PyCF_ONLY_AST) is t)

# a tree built by hand
mod = _ast.Module(body=[_ast.Expr(value=_ast.Call(func=_ast.Name(id='print', ctx=_ast.Load(), lineno=1, col_offset=0),
                                                  args=[_ast.Constant(value=42, lineno=1, col_offset=6)], keywords=[],
                                                  lineno=1, col_offset=0),
                                  lineno=1, col_offset=0)],
                  type_ignores=[])
exec(compile(mod, '<hand>', 'exec'))

# malformed trees: CPython's errors
bad = [
    _ast.Module(body=[_ast.Expr(_ast.Name('x', _ast.Load()))], type_ignores=[]),
    _ast.Module(type_ignores=[]),
    _ast.Module(body=(), type_ignores=[]),
    _ast.Module(body=[_ast.Expr(value=None, lineno=1, col_offset=0)], type_ignores=[]),
    _ast.Module(body=[_ast.Expr(value=_ast.Pass(lineno=1, col_offset=0), lineno=1, col_offset=0)], type_ignores=[]),
]
for b in bad:
    try:
        compile(b, '<bad>', 'exec')
    except (TypeError, ValueError) as err:
        print(type(err).__name__, str(err).split(' at 0x')[0])
try:
    compile(_ast.Expression(body=_ast.Constant(1, lineno=1, col_offset=0)), '<bad>', 'exec')
except TypeError as err:
    print('TypeError', err)
try:
    compile('x = = 1', '<bad>', 'exec', _ast.PyCF_ONLY_AST)
except SyntaxError as err:
    print('SyntaxError', err.msg, err.lineno, err.offset)
