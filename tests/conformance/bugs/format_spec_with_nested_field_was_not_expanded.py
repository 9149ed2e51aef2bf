# str.format expands the replacement fields nested in a format spec ('{:^{}}', '{:{w}.{p}f}'),
# sharing the automatic numbering with the outer fields (test_string's test_auto_numbering).
import string
print('{:^{}}'.format('bar', 6) + '|')
print('{:^{}} {}'.format('bar', 6, 'X'))
print('{:^{pad}}{}'.format('foo', 'bar', pad=6))
print('{0:{1}}|{0:>{2}}'.format('ab', 4, 5))
print('{:{w}.{p}f}'.format(3.14159, w=10, p=3))
print('{x:{fill}{align}{width}}'.format(x='a', fill='*', align='>', width=4))
print('{!r:>{}}'.format('q', 6))
fmt = string.Formatter()
print(fmt.format('{:^{}}', 'bar', 6), fmt.format('{:^{pad}}{}', 'foo', 'bar', pad=6))
print('{:{}}'.format_map if False else '{a:{b}}'.format_map({'a': 1, 'b': '>3'}))
try:
    '{:{:{}}}'.format(1, 2, 3)
except ValueError as e:
    print('ValueError', e)
try:
    '{:{}}'.format(1)
except IndexError as e:
    print('IndexError', e)
# timeit -v's message
print("{num} loop{s} -> {secs:.{prec}g} secs".format(num=1, s='', secs=1.0, prec=4))
