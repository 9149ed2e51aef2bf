# str.expandtabs (textwrap.fill uses it): columns counted in code points, reset by \n and \r,
# tabsize by position or keyword, 0 and negative sizes drop tabs; a string without a tab is itself.
import textwrap

for s in ['a\tb', '\t', 'abc\tdef\tg', '12345678\tx', 'a\nb\tc', 'x\r\ty', 'é\tz', '\U0001f600\tq', '', 'no tabs']:
    print(repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(tabsize=1)), repr(s.expandtabs(0)),
          repr(s.expandtabs(-3)))
s = 'no tabs here'
t = 'a\tb'
print(s.expandtabs() is s, t.expandtabs() is t)


class S(str):
    pass


r = S('plain').expandtabs()
print(type(r).__name__, r)
for bad in [(1.5,), ('4',), (1, 2)]:
    try:
        'a\tb'.expandtabs(*bad)
    except TypeError as e:
        print('TypeError', e)
try:
    'a\tb'.expandtabs(size=3)
except TypeError as e:
    print('TypeError', e)
print(textwrap.fill('The\tquick brown fox jumps over the lazy dog and keeps running far away', width=20))
