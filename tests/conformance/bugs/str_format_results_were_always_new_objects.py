# str.format, format() and f-strings keep the object 3.11's writer keeps: a str spec that neither pads nor
# cuts gives the str itself (a subclass instance too), the last field of a format with nothing before it
# is that field's str, a class's __format__ result is returned as it is, and a format with no field is
# the format string itself. refheap made a new str every time; a non-str __format__ result had __str__'s message.
class S(str): pass
s = S('ab')
print(type(s.format()).__name__, s.format() is s, type(format(s, 's')).__name__, format(s, 's') is s, type('%s' % s).__name__, type(s % ()).__name__, type('{}'.format(s)).__name__)
t = 'abcde'
print(format(t, 's') is t, format(t, '.10s') is t, format(t, '5') is t, format(t, '6') is t, f'{t:s}' is t, f'{t:.5}' is t, format(t, '<3') is t)
print('{0}'.format(t) is t, '{0}x'.format(t) is t, '{}{}'.format('', t) is t, '{0!s}'.format(t) is t, '{0!r}'.format(t) is t, '{0:.5s}'.format(t) is t, '{0:1s}'.format(t) is t)
print(t.format_map({}) is t, '{0:{1}}'.format(t, 's') is t, '{k}'.format_map({'k': t}) is t, t.format() is t, 'a{{b'.format() == 'a{b')
class F:
    c = 'cached'
    def __format__(self, spec): return self.c
print('{}'.format(F()) is F.c, '{:x}'.format(F()) is F.c, f'{F()}' is F.c, format(F(), '') is F.c, 'x{}'.format(F()) is F.c)
print('{}'.format(5), '{:>4}'.format(12), '{}'.format(2.5), '{0}{0}'.format(t), '{!a}'.format('é'))
try:
    format(t, '+s')
except ValueError as e:
    print(e)
class B:
    def __format__(self, s): return 5
try: format(B())
except TypeError as e: print(e)
try: f'{B()}'
except TypeError as e: print(e)
class C(str):
    def __format__(self, s): return S2('q')
class S2(str): pass
print(type(format(C('a'))).__name__, type(f'{C(1)}').__name__)
