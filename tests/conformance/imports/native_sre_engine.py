# _sre's engine on patterns whose answers depend on backtracking details: stale captures, lastindex, empty matches in finditer/sub/split, pos/endpos, buffers, sub with callables, a long subject
import _sre

STALE = _sre.compile(*('(?:(a)|b)*', 32, [14, 4, 0, 0, 4294967295, 23, 19, 0, 4294967295, 7, 9, 17, 0, 16, 97, 17, 1, 15, 7, 5, 16, 98, 15, 2, 0, 18, 1], 1, {}, (None, None)))
LASTIDX = _sre.compile(*('(a)(b(c))', 32, [14, 12, 1, 3, 3, 3, 0, 97, 98, 99, 0, 0, 0, 17, 0, 16, 97, 17, 1, 17, 2, 16, 98, 17, 4, 16, 99, 17, 5, 17, 3, 1], 3, {}, (None, None, None, None)))
NESTED = _sre.compile(*('((a)|b)+', 32, [14, 4, 0, 1, 4294967295, 23, 23, 1, 4294967295, 17, 0, 7, 9, 17, 2, 16, 97, 17, 3, 15, 7, 5, 16, 98, 15, 2, 0, 17, 1, 18, 1], 2, {}, (None, None, None)))
EMPTY = _sre.compile(*('', 32, [14, 4, 0, 0, 0, 1], 0, {}, (None,)))
XSTAR = _sre.compile(*('x*', 32, [14, 4, 0, 0, 4294967295, 24, 6, 0, 4294967295, 16, 120, 1, 1], 0, {}, (None,)))
CARET = _sre.compile(*('^\\w', 32, [14, 4, 0, 1, 1, 6, 0, 13, 4, 8, 14, 0, 1], 0, {}, (None,)))
BEHIND = _sre.compile(*('(?<=a)b', 32, [14, 4, 0, 1, 1, 4, 5, 1, 16, 97, 1, 16, 98, 1], 0, {}, (None,)))
WORDS = _sre.compile(*('\\w+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 1], 0, {}, (None,)))
PAIRS = _sre.compile(*('(\\w)(\\d)?', 32, [14, 7, 4, 1, 2, 8, 14, 0, 17, 0, 13, 4, 8, 14, 0, 17, 1, 23, 12, 0, 1, 17, 2, 13, 4, 8, 10, 0, 17, 3, 18, 1], 2, {}, (None, None, None)))
COMMA = _sre.compile(*('\\s*(,)\\s*', 32, [14, 4, 0, 1, 4294967295, 24, 9, 0, 4294967295, 13, 4, 8, 12, 0, 1, 17, 0, 16, 44, 17, 1, 24, 9, 0, 4294967295, 13, 4, 8, 12, 0, 1, 1], 1, {}, (None, None)))
POSS = _sre.compile(*('(?:a|ab)++c', 32, [14, 4, 0, 2, 4294967295, 28, 15, 1, 4294967295, 16, 97, 7, 3, 15, 7, 5, 16, 98, 15, 2, 0, 1, 16, 99, 1], 0, {}, (None,)))
ATOMIC = _sre.compile(*('(?>a|ab)c', 32, [14, 4, 0, 2, 3, 27, 14, 16, 97, 7, 3, 15, 7, 5, 16, 98, 15, 2, 0, 1, 16, 99, 1], 0, {}, (None,)))
BACKREF = _sre.compile(*('(?P<q>[\\\'"]).*?(?P=q)', 32, [14, 9, 4, 2, 4294967295, 16, 39, 16, 34, 0, 17, 0, 13, 6, 16, 39, 16, 34, 0, 17, 1, 26, 5, 0, 4294967295, 2, 1, 11, 0, 1], 1, {'q': 1}, (None, 'q')))
COND = _sre.compile(*('(<)?\\w+(?(1)>)', 32, [14, 4, 0, 1, 4294967295, 23, 9, 0, 1, 17, 0, 16, 60, 17, 1, 18, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 12, 0, 4, 16, 62, 1], 1, {}, (None, None)))
LAZY = _sre.compile(*('<.*?>', 32, [14, 8, 1, 2, 4294967295, 1, 1, 60, 0, 16, 60, 26, 5, 0, 4294967295, 2, 1, 16, 62, 1], 0, {}, (None,)))
GREEDY = _sre.compile(*('<.*>', 32, [14, 8, 1, 2, 4294967295, 1, 1, 60, 0, 16, 60, 24, 5, 0, 4294967295, 2, 1, 16, 62, 1], 0, {}, (None,)))
ALT = _sre.compile(*('(a|ab)(c|bcd)(d*)', 32, [14, 8, 1, 2, 4294967295, 1, 0, 97, 0, 17, 0, 16, 97, 7, 3, 15, 7, 5, 16, 98, 15, 2, 0, 17, 1, 17, 2, 7, 5, 16, 99, 15, 11, 9, 16, 98, 16, 99, 16, 100, 15, 2, 0, 17, 3, 17, 4, 24, 6, 0, 4294967295, 16, 100, 1, 17, 5, 1], 3, {}, (None, None, None, None)))
BYTES_WORDS = _sre.compile(*(b'\\w+', 0, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 4, 0, 1, 1], 0, {}, (None,)))


def show(m):
    return None if m is None else (m.span(), m.groups(), m.lastindex)


# a group that took part in an earlier iteration keeps its capture (CPython's marks are not reset)
print(show(STALE.match('ab')), show(STALE.match('ba')), show(NESTED.match('ab')), show(NESTED.match('ba')))
print(show(LASTIDX.match('abc')), LASTIDX.match('abc').lastindex)
print(show(ALT.match('abcd')), show(ALT.match('abcdd')))
print(show(POSS.match('ababc')), show(POSS.match('abc')), show(ATOMIC.match('abc')), show(ATOMIC.match('ac')))
print(BACKREF.findall('say "hi" and \'bye\' "x\'y"'), COND.findall('<a> b <c d>'))
print(LAZY.findall('<a><b>'), GREEDY.findall('<a><b>'))
# empty matches: finditer, findall, sub and split all step past them the same way
print([m.span() for m in XSTAR.finditer('axxb')], XSTAR.findall('axxb'), XSTAR.sub('-', 'axxb'), XSTAR.split('axxb'))
print(EMPTY.sub('.', 'abc'), EMPTY.split('abc'), EMPTY.subn('', 'abc', 2), COMMA.split('a , b,c ,d', 2))
sc = XSTAR.scanner('xax')
print([show(sc.search()) for _ in range(5)])
sc = WORDS.scanner('ab cd')
print(show(sc.match()), show(sc.match()), show(sc.search()), show(sc.search()), show(sc.match()))
# pos and endpos: ^ and lookbehind still see the whole string; endpos cuts it
print(show(CARET.match('ab', 1)), show(CARET.search('ab', 1)), show(BEHIND.search('ab', 1)), show(WORDS.search('abcd', 1, 3)))
print(show(EMPTY.match('abc', 2, 1)), show(EMPTY.search('abc', 2, 1)), show(WORDS.match('abc', -5, 99)), show(WORDS.fullmatch('abc', 0, 2)))
m = WORDS.search('xy zz', 2, 4)
print(m.pos, m.endpos, m.span(), m.string)
# buffers: the match keeps the object, the pieces are bytes
for buf in (bytearray(b'ab cd'), memoryview(b'ef gh'), b'ij kl'):
    m = BYTES_WORDS.search(buf, 1)
    print(type(m.string).__name__, m.group(), type(m.group()).__name__, BYTES_WORDS.findall(buf), BYTES_WORDS.sub(b'_', buf))
print(PAIRS.findall('a1b c2'), PAIRS.split('a1b'), PAIRS.sub(lambda m: m.group(2) or '?', 'a1b c2'))
print(PAIRS.sub(lambda m: None, 'a1b c2'), PAIRS.subn('', 'a1b c2', 1), PAIRS.sub('', 'a1b c2', -1))
for f in (lambda: PAIRS.sub(lambda m: 7, 'ab'), lambda: BYTES_WORDS.sub(lambda m: 'x', b'ab'), lambda: PAIRS.sub(b'x', 'ab')):
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)
# long subjects: the engine's stack is its own
s = 'ab ' * 500
print(len(WORDS.findall(s)), show(LAZY.search('<' + 'x' * 100000 + '>'))[0], len(XSTAR.split('y' * 100)))
