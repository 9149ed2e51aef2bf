# unicodedata.ucd_3_2_0, Unicode 3.2.0 as CPython 3.11 keeps it for stringprep and idna: characters
# assigned after 3.2 answer as unassigned (digit excepted), names and lookup (no aliases), and
# normalization, which leaves characters unassigned in 3.2 undecomposed and applies the five
# decompositions 3.2 had before Unicode corrected them.
import unicodedata

db = unicodedata.ucd_3_2_0
for ch in ('\u0221', '\u0237', '\u0870', '\u1b06', '\u1b50', '\u9fa6', '\U0001f600', '\U0002a700', '\U0001ecb1',
           '\u0378', '\ufa70', '\U000104a0', '\u19d0', '\u2189'):
    print('%04X' % ord(ch), repr(db.name(ch, None)), db.category(ch), repr(db.bidirectional(ch)), db.combining(ch),
          db.east_asian_width(ch), db.mirrored(ch), repr(db.decomposition(ch)), db.decimal(ch, None),
          db.digit(ch, None), db.numeric(ch, None))
for ch in ('A', '\xe9', '\u0301', '\u00bd', '\u2460', '\u4e00', '\uac00', '\ufb01', '\uf900', '\u0660', '\U0002f868'):
    print('%04X' % ord(ch), db.name(ch), db.combining(ch), repr(db.decomposition(ch)), db.digit(ch, None),
          db.numeric(ch, None))
for n in ('LATIN SMALL LETTER A', 'latin small letter e with acute', 'CJK UNIFIED IDEOGRAPH-9FA5',
          'CJK UNIFIED IDEOGRAPH-9FA6', 'HANGUL SYLLABLE GAG', 'EURO SIGN', 'GRINNING FACE', 'LATIN CAPITAL LETTER GHA',
          'LATIN SMALL LETTER R WITH TILDE'):
    try:
        print(repr(n), '%04X' % ord(db.lookup(n)))
    except KeyError as e:
        print(repr(n), 'KeyError', e)

h = lambda s: ' '.join('%04X' % ord(c) for c in s)
for s in ('e\u0301', '\u1b05\u1b35', '\u1b06', '\u0304\u0351\u034d', '\ufa70', '\U0002f868', '\U0002f874a',
          '\U0002f91f\u0301', '\U0002f95f', '\U0002f9bf', '\U0002f8a0', '\u1e9b\u0323', '\uac01', '\u1100\u1161\u11a8',
          '\u00bd\u2460', 'x\u0345\u0301', '\u0b47\u0b3e\u0b57', 'q\u0307\u0323', '\U0001d15e\U0001d165'):
    print(h(s), '|', ' | '.join(h(db.normalize(f, s)) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')),
          [db.is_normalized(f, s) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')])
s = 'abc'
print(db.normalize('NFC', s) is s, db.normalize('NFC', s) == s, db.normalize('NFC', '') == '')
