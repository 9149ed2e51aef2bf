# _sre's objects on the heap: sizes (Pattern by code length, Match by group count, Scanner), GC tracking, referents, the references a Match holds, copy/eq/hash, repr, errors
import _sre
import gc
import sys

AB = ('(a)(b)', 32, [14, 10, 1, 2, 2, 2, 0, 97, 98, 0, 0, 17, 0, 16, 97, 17, 1, 17, 2, 16, 98, 17, 3, 1], 2, {}, (None, None, None))
NAMED = ('(?P<first>\\w+) (?P<last>\\w+)', 32, [14, 4, 0, 3, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 1,
         16, 32, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 3, 1], 2, {'first': 1, 'last': 2}, (None, 'first', 'last'))
XSTAR = ('x*', 32, [14, 4, 0, 0, 4294967295, 24, 6, 0, 4294967295, 16, 120, 1, 1], 0, {}, (None,))
LONG = ('abcdefgh', 32, [14, 22, 3, 8, 8, 8, 8, 97, 98, 99, 100, 101, 102, 103, 104, 0, 0, 0, 0, 0, 0, 0, 0, 16, 97, 16, 98, 16, 99,
        16, 100, 16, 101, 16, 102, 16, 103, 16, 104, 1], 0, {}, (None,))

print(_sre.MAGIC, _sre.CODESIZE, _sre.getcodesize(), _sre.MAXREPEAT, _sre.MAXGROUPS, repr(_sre.copyright))
print(_sre.ascii_iscased(ord('a')), _sre.ascii_iscased(ord('1')), _sre.ascii_iscased(0xe9), _sre.unicode_iscased(0xe9))
print(_sre.ascii_tolower(ord('Q')), _sre.ascii_tolower(0xc9), _sre.unicode_tolower(0xc9), _sre.unicode_tolower(0x212a))

ab = _sre.compile(*AB)
named = _sre.compile(*NAMED)
xstar = _sre.compile(*XSTAR)
long_ = _sre.compile(*LONG)
print(type(ab).__name__, type(ab).__module__, type(ab).__qualname__)
# a Pattern is 96 bytes + 4 per code word (+ the GC head)
print([sys.getsizeof(p) - 4 * len(args[2]) for p, args in ((ab, AB), (named, NAMED), (xstar, XSTAR), (long_, LONG))])
print(gc.is_tracked(ab), [type(o).__name__ for o in gc.get_referents(ab)], [type(o).__name__ for o in gc.get_referents(named)])
print(ab.pattern, ab.flags, ab.groups, ab.groupindex, named.groupindex, type(named.groupindex).__name__)

subject = ''.join(['ab', 'cd'])  # a fresh str: its refcount is the program's own
before_s, before_p = sys.getrefcount(subject), sys.getrefcount(ab)
m = ab.match(subject)
print(sys.getrefcount(subject) - before_s, sys.getrefcount(ab) - before_p)
print(type(m).__name__, type(m).__module__, gc.is_tracked(m), [type(o).__name__ for o in gc.get_referents(m)])
# a Match is 88 bytes + 16 per group, group 0 included (+ the GC head)
print(sys.getsizeof(m), sys.getsizeof(xstar.match('xx')), sys.getsizeof(named.match('a b')))
regs = m.regs
print(regs, m.regs is regs, [type(o).__name__ for o in gc.get_referents(m)])
del m
print(sys.getrefcount(subject) - before_s, sys.getrefcount(ab) - before_p)

sc = ab.scanner(subject)
print(type(sc).__name__, type(sc).__module__, sys.getsizeof(sc), gc.is_tracked(sc), [type(o).__name__ for o in gc.get_referents(sc)])
print(sys.getrefcount(subject) - before_s, sc.pattern is ab)
del sc
print(sys.getrefcount(subject) - before_s)

m = named.search('  Ada Lovelace ')
print(repr(m), m.group(), m.group(1, 'last'), m['first'], m.groups(), m.groupdict(), m.lastindex, m.lastgroup)
print(m.span(), m.span('last'), m.start(2), m.end(), m.pos, m.endpos, m.re is named, m.string)
print(m.__copy__() is m, m.__deepcopy__({}) is m, ab.__copy__() is ab, ab.__deepcopy__({}) is ab)
again = _sre.compile(*AB)
print(again == ab, again is ab, hash(again) == hash(ab), ab != named, ab == 'x')
print(repr(ab), repr(_sre.compile('a', 2 | 8 | 1024, [14, 4, 0, 1, 1, 16, 97, 1], 0, {}, (None,))))
print(repr(_sre.compile(b'a', 256, [14, 8, 3, 1, 1, 1, 1, 97, 0, 16, 97, 1], 0, {}, (None,))))
print(repr(xstar.match('x' * 80)))
print(type(ab)[str], type(m)[bytes])

def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

check(lambda: type(ab)())
check(lambda: type(m)())
check(lambda: m.group(3))
check(lambda: m.group('middle'))
check(lambda: m[-1])
check(lambda: m.start(99))
check(lambda: ab.match(b'ab'))
check(lambda: _sre.compile(b'a', 0, [14, 4, 0, 1, 1, 16, 97, 1], 0, {}, (None,)).match('a'))
check(lambda: ab.match(42))
check(lambda: ab.match('ab', pos='1'))
check(lambda: ab.match('ab', flags=1))
check(lambda: ab.search())
check(lambda: _sre.compile('a', 0, (1, 2), 0, {}, ()))
check(lambda: _sre.compile('a', 0, [2 ** 32], 0, {}, ()))
check(lambda: _sre.compile('a', 0, [-1], 0, {}, ()))
check(lambda: _sre.ascii_tolower('a'))
