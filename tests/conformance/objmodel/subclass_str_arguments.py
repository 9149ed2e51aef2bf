# A str subclass instance passed where str methods, **kwargs, sys.intern, format and repr take a str.
import sys
class S(str): pass
def f(**kw): return sorted(kw)
print(f(**{S('a'): 1}), 'abc'.replace(S('a'), S('b')), S('a') in ['a'], 'a' in [S('a')], S('ab').encode('ascii'))
try:
    sys.intern(S('x'))
except TypeError as e:
    print(e)
print(S('x').__class__.__name__, S('a,b').split(','), S(' a ').strip() == 'a', S('abc').find('c'), S('A').lower())
print(max([S('b'), S('a')]), type(max([S('b'), S('a')])).__name__, S('5').isdigit(), S('ab')[::-1], len({S('a'), 'a'}))
print('{0}-{x}'.format(S('p'), x=S('q')), S('{}').format(1), S('a').ljust(3, S('*')), S('é').encode('utf-8'), S('x') * 0 == '')
print(repr(S('it\'s')), ascii(S('é')), S('abc').startswith(('x', S('a'))), str.__len__(S('abcd')), str.upper(S('q')))
