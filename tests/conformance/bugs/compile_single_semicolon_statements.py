# compile(..., 'single') takes simple statements joined by ';' as one statement line (as the REPL
# does); a second statement on a later line is still "multiple statements"
import _ast
exec(compile('x = 1; y = 2', 'f', 'single'))
print(x, y)
exec(compile('z = (1 +\n 2); w = z', 'f', 'single'))
print(z, w)
for src in ['x = 1\ny = 2', 'if x:\n    pass\ny = 3\n', '']:
    try:
        compile(src, 'f', 'single')
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.lineno)
    try:
        compile(src, 'f', 'single', _ast.PyCF_ONLY_AST)
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.lineno)
print(len(compile('a = 1; b = 2', 'f', 'single', _ast.PyCF_ONLY_AST).body))
