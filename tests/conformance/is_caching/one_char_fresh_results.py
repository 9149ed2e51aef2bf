# Which one-character results are the Latin-1 singleton and which are new objects: int's str/repr/format, f-strings of ints, case mapping and replace make new ones.
c = chr(53)
A = chr(65)
a = chr(97)
tests = [
    ('str(5)', lambda: str(5)), ('repr(5)', lambda: repr(5)), ('f-string', lambda: f'{5}'), ("'%d' % 5", lambda: '%d' % 5),
    ("'%s' % 5", lambda: '%s' % 5), ('format(5)', lambda: format(5)), ("format(5, 'd')", lambda: format(5, 'd')),
    ('upper', lambda: a.upper()), ('lower', lambda: A.lower()), ('capitalize', lambda: a.capitalize()),
    ('title', lambda: a.title()), ('swapcase', lambda: a.swapcase()), ('replace', lambda: 'x'.replace('x', '5')),
    ('replace, nothing found', lambda: c.replace('x', 'y')), ('replace with count', lambda: 'x5'.replace('x', '', 1)),
    ('strip', lambda: ' 5'.strip()), ('split', lambda: '5 6'.split()[0]), ('partition', lambda: '5,6'.partition(',')[0]),
    ('join', lambda: '-'.join(['5'])), ('slice', lambda: '56'[0:1]), ('index', lambda: '56'[0]),
    ('iteration', lambda: next(iter('56'))), ('chr', lambda: chr(53)), ('hex', lambda: hex(5)[2]),
    ("'{}'.format(5)", lambda: '{}'.format(5)), ('f-string !r', lambda: f'{5!r}'), ('ascii(5)', lambda: ascii(5)),
    ('decode', lambda: b'5'.decode()), ('min', lambda: min('56')), ('str(True)[0]', lambda: str(True)[0]),
]
for name, f in tests:
    r = f()
    print(name, r is chr(ord(r)))
class R:
    def __repr__(self):
        return 'a'
    def __str__(self):
        return 'b'
r = R()
print(repr(r) is 'a', str(r) is 'b', f'{r!r}' is 'a', f'{r}' is 'b', ascii(r) is 'a', format(r) is 'b')
print('ab'.replace('', '-', 2), 'ab'.replace('', '-', 5), 'ab'.replace('', '-', 0), ''.replace('', 'x', 1))
