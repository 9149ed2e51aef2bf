# str's methods and operators on a str subclass's instances give exact strs (an unchanged result
# is an exact copy, unicode_result_unchanged); a subclass instance is accepted wherever a str is
# (PyUnicode_Check): method arguments, attribute names, dict keys, join, formatting.
import sys


class S(str):
    pass


s = S('Hello World')
results = [s + '!', '!' + s, s + '', '' + s, s * 2, s * 1, 2 * s, s[:], s[0:5], s[0], s[::-1],
           s.upper(), s.lower(), s.strip(), s.strip('xyz'), s.replace('o', '0'), s.replace('q', 'r'),
           s.center(5), s.ljust(3), s.rjust(20), s.zfill(2), s.title(), s.swapcase(), s.capitalize(),
           '%s' % s, s % (), '{}'.format(s), f'{s}', f'{s!r}', format(s), format(s, '>14'), str(s), repr(s)]
for r in results:
    print(type(r).__name__, repr(r))
print(s == 'Hello World', 'Hello World' == s, s != 'x', s < 'Z', s >= S('Hello'), hash(s) == hash('Hello World'))
print(len(s), 'World' in s, S('lo') in s, list(S('ab')), s.split(), s.split(S(' ')), s.partition(S(' ')))
print(s.startswith(S('He')), s.endswith((S('x'), 'ld')), s.find(S('o')), s.count(S('l')), s.index('W'))
print(S('-').join([S('a'), 'b', S('c')]), ', '.join([s, s]), type(S('').join([S('x')])).__name__)
print(bool(S('')), bool(S('a')), int(S('42')), float(S('2.5')), complex(S('1+2j')), ord(S('z')))
print(s.encode(), S('é').encode('utf-8'), bytes(S('ab'), 'ascii'), S('ff').isalnum(), S('12').isdigit())
d = {S('key'): 1, 'other': 2}
print(d['key'], d[S('other')], S('key') in d, 'key' in {S('key')}, sorted([S('b'), 'c', S('a')]))


class Obj:
    pass


o = Obj()
setattr(o, S('name'), 5)
print(getattr(o, S('name')), hasattr(o, S('name')), o.name, vars(o))
print(max(S('a'), 'b'), min([S('a'), S('b')]), type(max(S('a'), 'b')).__name__, type(min([S('a'), S('b')])).__name__)
print(sys.getrefcount(s), s.__class__.__name__, isinstance(s, str), issubclass(S, str), S.__mro__)
print(S(), repr(S()), S(5), S(b'ab', 'ascii'), S(object=3), type(S()).__name__)
x = S('abc')
x += 'd'
print(type(x).__name__, x)
