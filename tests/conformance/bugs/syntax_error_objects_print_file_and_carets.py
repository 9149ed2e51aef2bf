# sys.excepthook (CPython's C printer) shows a SyntaxError object as the compiler's errors are shown:
# the "File" line, the source line and its carets, then the message alone. refheap printed
# "SyntaxError: m (f.py, line 2)" for any SyntaxError a program raised or compile() raised.
import sys


def show(e):
    sys.excepthook(type(e), e, None)


show(SyntaxError('m', ('f.py', 2, 7, 'print(x is 5)\n', 2, 13)))
show(SyntaxError('m', ('f.py', 2, 7, '  print(x is 5)\n', 2, 13)))     # leading blanks shift the carets
show(SyntaxError('m', ('f.py', 2, 7, '  print(x is 5)\n', 3, 13)))     # spans lines: to the end of the first
show(SyntaxError('m', (None, 2, None, 'abc', None, None)))              # no file: <string>; no offset: no carets
show(SyntaxError('m', ('f.py', None, 1, 'abc', None, None)))            # no line number: printed as any exception
show(SyntaxError('m'))
show(SyntaxError('', ('f.py', 1, 1, 'abc', 1, 99)))                     # carets clipped to the line
show(SyntaxError(None, ('f.py', 1, 2, 'abcdef', 1, 4)))
show(IndentationError('bad', ('g.py', 3, 2, '\tx = 1\n', 3, 5)))


class E(SyntaxError):
    pass


show(E('sub', ('h.py', 1, 3, 'abcdef', 1, 5)))                          # a subclass: end_offset not read
show(SyntaxError('m', ('f.py', 1, 0, 'a\nbcd\nef', 1, 0)))
show(SyntaxError('m', ('f.py', 1, 6, 'ab\ncdef\n', 1, 8)))               # lines before the offset skipped
try:
    eval('1 +* 2')
except SyntaxError as e:
    show(e)
try:
    raise ValueError('outer') from SyntaxError('inner', ('f.py', 1, 2, 'xyz', 1, 3))
except ValueError as e:
    show(e)
print('done')
