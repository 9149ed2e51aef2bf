# A backslash continuation inside a line's indentation: the column of the first backslash is the
# line's indentation (so a docstring continued from an indented line is in the block, and a dedent
# to a column no block has is IndentationError). compile()/exec() of bytes with a coding cookie
# decode them in that encoding ('# coding=latin': b'\xb5' was U+FFFD).
sources = [
    "\\\ndef fib(n):\n    \\\n'''Print a Fibonacci series up to n.'''\n    \\\na, b = 0, 1\n",
    "\\\ndef fib(n):\n    '''doc'''\n    a, b = 0, 1\n",
    "\\\nif x:\n    y = 1\n  \\\n  foo = 1\n        ",
    "if x:\n    \\\n  \\\ny = 1\n",
    "if x:\n  \\\n    y = 1\n",
    "if x:\n    y = 1\n\\\n\n",
    "if x:\n    y = 1\n    \\\n",
    "if x:\n\ty = 1\n    \\\nz = 2\n",
    "x = 1 + \\\n    2\n",
    b'# coding=latin\n(aaaaaaaaaaaaaaaaa\naaaaaaaaaaa\xb5',
]
for s in sources:
    try:
        compile(s, '<s>', 'exec')
        print(repr(s), 'compiled')
    except SyntaxError as e:
        print(repr(s), type(e).__name__, e.msg, e.lineno, e.offset)
ns = {}
exec(b'# coding=latin\nx = "\xb5"\n', ns)
exec(b'# -*- coding: cp1252 -*-\ny = "\x80"\n', ns)
print(ascii(ns['x']), ascii(ns['y']))
print(ascii(eval(b'# coding=latin-1\n"\xe9"')))
