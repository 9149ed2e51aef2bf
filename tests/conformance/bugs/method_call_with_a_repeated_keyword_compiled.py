# A method call (o.f(a=1, a=3): LOAD_METHOD's path) compiled a repeated keyword argument that
# CPython's compiler_call refuses before choosing how to call (inspect.getcallargs' tests).
for src in ['f(a=1, a=3)', 'x.f(a=1, a=3)', 'x.y.f(a=1, a=3)', 'x.f(1, a=1, a=3)', 'f(*a, a=1, a=3)', 'x.f(a=1, **k, a=3)']:
    try:
        compile(src, 's', 'eval')
        print(src, 'compiled')
    except SyntaxError as e:
        print(src, 'SyntaxError', e)
