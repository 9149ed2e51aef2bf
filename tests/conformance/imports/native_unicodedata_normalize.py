# unicodedata.normalize and is_normalized in the four forms (Unicode 14.0.0): canonical and
# compatibility decompositions, canonical reordering, composition (with exclusions and blocking),
# Hangul, and a str returned as itself when it is normalized already.
import unicodedata

SAMPLES = ['abc', 'e\u0301', '\xe9', 'A\u030a', '\u212b', '\u2126', '\ufb01', '\u1e9b\u0323', '\u0344', '\u0958',
           'q\u0307\u0323', '\u1100\u1161\u11a8', '\uac01', '\u1100\u1161', '\uac00\u11a8', '\u3300', '\u00bd',
           '\u2460', '\uff21\uff22', '\U0001d400', '\U0002f800', 'a\u0301\u0316', 'a\u0316\u0301', '\u0b47\u0b3e',
           '\u0b47\u0b3e\u0b57', '\u0f73', '\u03d3', '\u1f80', 'x\ud800\u0301', '\ud800\udc00', '\U0001f600\ufe0f',
           '\u0627\u0653', '\u30ab\u3099', '\u304b\u3099\u309a', 'Ä\u0308', '\u00c5\u0300', '\u1e0a\u0323']
h = lambda s: ' '.join('%04X' % ord(c) for c in s)
for s in SAMPLES:
    print(h(s), '|', ' | '.join(h(unicodedata.normalize(f, s)) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')),
          [unicodedata.is_normalized(f, s) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')])

s = 'already normal'
print(unicodedata.normalize('NFC', s) is s, unicodedata.normalize('NFKD', s) is s, unicodedata.normalize('NFC', 'e\u0301') == '\xe9')
class S(str):
    pass
print(type(unicodedata.normalize('NFC', S('abc'))).__name__, type(unicodedata.normalize('NFC', S('e\u0301'))).__name__,
      type(unicodedata.normalize('NFD', S(''))).__name__, unicodedata.is_normalized('NFC', ''))
print(repr(unicodedata.normalize('NFX', '')), unicodedata.is_normalized('NFX', ''))
for args in (('NFX', 'a'), ('nfc', 'a'), ('NFC', 3), (b'NFC', 'a'), ('NFC',), ()):
    for f in (unicodedata.normalize, unicodedata.is_normalized):
        try:
            f(*args)
        except (TypeError, ValueError) as e:
            print(f.__name__, type(e).__name__, e)
try:
    unicodedata.normalize('NFC', 'a', x=1)
except TypeError as e:
    print(e)
