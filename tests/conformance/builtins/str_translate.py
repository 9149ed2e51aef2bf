# str.translate (string.Template and textwrap use it at import): mapping lookups by code point,
# LookupError keeps the character, None deletes it, int or str replaces it; always a new str.
import sys

s = 'abc'
print(s.translate({}) is s, s.translate({ord('z'): 'q'}) is s, s.translate({97: 97}))
t = 'xyz' * 2
before = sys.getrefcount(t)
r = t.translate({})
print(sys.getrefcount(t) - before, r == t)
print('héllo😀'.translate({ord('é'): 'e', 0x1F600: None, ord('l'): 'LL'}))
print('hello'.translate(str.maketrans('el', 'ip', 'o')))


class Table:
    def __init__(self):
        self.calls = 0

    def __getitem__(self, k):
        self.calls += 1
        if k == ord('a'):
            return 'A'
        if k == ord('b'):
            raise IndexError(k)
        raise KeyError(k)


tb = Table()
print('abcab'.translate(tb), tb.calls)
for table in [{97: 0x110000}, {97: 1.5}, {97: -1}]:
    try:
        'a'.translate(table)
    except Exception as e:
        print(type(e).__name__, e)


class Bad:
    def __getitem__(self, k):
        raise RuntimeError('no')


try:
    'a'.translate(Bad())
except RuntimeError as e:
    print('RuntimeError', e)
tb = Table()
print('aab'.translate(tb), tb.calls)


class Count(dict):
    calls = 0

    def __getitem__(self, k):
        Count.calls += 1
        return dict.__getitem__(self, k)


for text in ['aaxa', 'aé a', 'abba']:
    Count.calls = 0
    print(text.translate(Count({97: 'AA', 98: None})), Count.calls)
