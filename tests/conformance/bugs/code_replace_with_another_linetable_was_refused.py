# code.replace(co_linetable=...) with a table other than the code's own was refused by name (test_dis
# sets b'\xf8' at import). The table, in 3.11's location format, is now decoded over the code's units:
# co_positions() (which stops where the table ends), co_lines(), co_lnotab, dis, the traceback's lines
# and f_lineno come from it, and co_linetable returns it as given.
import dis
import io
import sys
import traceback


def bug42562():
    pass


code = bug42562.__code__.replace(co_linetable=b'\xf8')
print(code.co_linetable, list(code.co_lines()), list(code.co_positions()), code.co_lnotab)
bug42562.__code__ = code
print(bug42562())
out = io.StringIO()
dis.dis(bug42562, file=out)
print(out.getvalue())

empty = bug42562.__code__.replace(co_linetable=b'')
print(list(empty.co_lines()), list(empty.co_positions()), empty.co_lnotab)
print(empty == code, empty == empty.replace(co_linetable=b''))


def f(x):
    y = x + 1
    return 10 // y


def g(x):

    y = x + 1

    return 10 // y


# g with f's table: g's lines become f's, counted from g's first line
h = g.__code__.replace(co_linetable=f.__code__.co_linetable)
print([l for _, _, l in h.co_lines()] == [l - f.__code__.co_firstlineno + g.__code__.co_firstlineno if l is not None else None
                                            for _, _, l in f.__code__.co_lines()])
print(list(h.co_positions()) == [(a - f.__code__.co_firstlineno + g.__code__.co_firstlineno if a is not None else None,
                                  b - f.__code__.co_firstlineno + g.__code__.co_firstlineno if b is not None else None, c, d)
                                 for a, b, c, d in f.__code__.co_positions()])
g.__code__ = h
try:
    g(-1)
except ZeroDivisionError as e:
    tb = e.__traceback__.tb_next
    print(tb.tb_lineno - g.__code__.co_firstlineno, tb.tb_lasti)
    print(len(traceback.extract_tb(e.__traceback__)), traceback.extract_tb(e.__traceback__)[-1].lineno - g.__code__.co_firstlineno)

# a hand-written table in each form: short (0-9), one-line (10-12), no column (13), long (14), none (15)
def k(a, b):
    return a + b

n = len(k.__code__.co_code) // 2
entries = [
    bytes([0x80 | (0 << 3) | 0, (3 << 4) | 5]),          # short: same line, col 3..8, 1 unit
    bytes([0x80 | (11 << 3) | 1, 7, 20]),                # one-line: line + 1, col 7..20, 2 units
    bytes([0x80 | (13 << 3) | 0, 2 << 1]),               # no column: line + 2
    bytes([0x80 | (14 << 3) | 0, (3 << 1) | 1, 2, 5, 9]),  # long: line - 3, end line + 2, col 4..8
    bytes([0x80 | (15 << 3) | 1]),                       # none, 2 units
]
table = b''.join(entries)
kk = k.__code__.replace(co_linetable=table)
print(n, list(kk.co_lines()))
print(list(kk.co_positions()))
print(kk.co_lnotab, kk.co_linetable == table)
moved = kk.replace(co_firstlineno=kk.co_firstlineno + 10)  # the table stays, its lines move
print(moved.co_linetable == table, [l - kk.co_firstlineno if l is not None else None for _, _, l in moved.co_lines()])
k.__code__ = kk
print(k(1, 2))
out = io.StringIO()
dis.dis(k, file=out)
print(out.getvalue())


def where():
    return sys._getframe().f_lineno - where.__code__.co_firstlineno


print(where())
n = len(where.__code__.co_code) // 2
table = bytes([0x80 | (13 << 3) | 7, 5 << 1]) + b''.join(bytes([0x80 | (13 << 3) | 7, 0]) for _ in range(n // 8))
where.__code__ = where.__code__.replace(co_linetable=table)
print(where(), [l - where.__code__.co_firstlineno for _, _, l in where.__code__.co_lines()])
