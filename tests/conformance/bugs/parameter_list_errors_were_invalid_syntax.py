# The parameter lists 3.11 refuses with their own messages: '/' first, '/*' without a comma, '=' with no
# default, parenthesized parameters; a starred annotation only on *args (x: *b compiled).
sources = [
    'def f(/): pass',
    'def f(/, a): pass',
    'lambda /: 0',
    'lambda /,a,b,c: None',
    'def f(a, /*, b): pass',
    'def f(a, /*b): pass',
    'def f(a, /**b): pass',
    'def f(a=): pass',
    'lambda a=,: 0',
    'lambda a=: 0',
    'lambda a, (b, c): 0',
    'lambda a, (b: int): 0',
    'def f(a, (b: int, c)): pass',
    'def f((a, b)=1): pass',
    'def f(a, (b,)): pass',
    'def f((), a): pass',
    'def f(a, (b, *c)): pass',
    'lambda x=1, (y): 0',
    'def foo(a=1,/*,b,c):\n   pass\n',
    'def foo(a,d: int=,c):\n   pass\n',
    'def f(x, (y, z), w):\n   pass\n',
    'lambda (x, y, z), w: None\n',
    'def f6(x: *b): pass\n',
    'def f7(x: *b = 1): pass\n',
    'def f8(**kwargs: *a): pass\n',
    'def f(*a: *b): pass',
    'def f(*, a: *b): pass',
    'def f(a=(1, 2), *, b): pass',
    'def f(a, b, /, c, d=(1), *e, f=2, **g): pass',
]
for s in sources:
    try:
        compile(s, '<s>', 'exec')
        print(repr(s), 'compiled')
    except SyntaxError as e:
        print(repr(s), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
