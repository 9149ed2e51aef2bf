# unicodedata's property functions (Unicode 14.0.0, CPython 3.11's database) over a spread of
# characters: ASCII, Latin-1, combining marks, Greek, Arabic/Hebrew (bidi), CJK, Hangul, emoji,
# fractions and other numerics, private use, surrogates, noncharacters and unassigned code points.
import unicodedata

SAMPLE = ('\x00', '\t', ' ', 'A', 'z', '5', '~', '\x7f', '\x85', '\xa0', '\xa7', '\xaa', '\xad', '\xb2', '\xbd', '\xc9',
          '\xdf', '\xff', '\u0130', '\u01c5', '\u0300', '\u0301', '\u0345', '\u0374', '\u037e', '\u0387', '\u03a9',
          '\u0627', '\u0660', '\u05d0', '\u06f5', '\u0966', '\u0e50', '\u0f3a', '\u1100', '\u1161', '\u11a8',
          '\u1e9e', '\u2028', '\u2029', '\u202e', '\u2066', '\u2160', '\u2168', '\u2189', '\u2460', '\u2475',
          '\u2153', '\u2212', '\u231a', '\u3000', '\u3007', '\u3042', '\u30ab', '\u3099', '\u4e00', '\u4e07',
          '\u5146', '\u9fff', '\ua000', '\uac00', '\uac01', '\ud7a3', '\ud800', '\udfff', '\ue000', '\uf900',
          '\ufb01', '\ufdd0', '\ufe0f', '\uff21', '\uff61', '\ufffd', '\uffff', '\U00010140', '\U0001d15e',
          '\U0001d7ce', '\U0001f600', '\U0001f1e6', '\U00020000', '\U0002f800', '\U00030000', '\U0003134a',
          '\U00017000', '\U0001b170', '\U000e0001', '\U000f0000', '\U0010ffff', '\u0378', '\u08bf', '\U0001fb00')

for ch in SAMPLE:
    print('%04X' % ord(ch), repr(unicodedata.name(ch, None)), unicodedata.category(ch),
          repr(unicodedata.bidirectional(ch)), unicodedata.combining(ch), unicodedata.east_asian_width(ch),
          unicodedata.mirrored(ch), repr(unicodedata.decomposition(ch)), unicodedata.decimal(ch, None),
          unicodedata.digit(ch, None), unicodedata.numeric(ch, None))

# the computed names, and lookup's round trip
for ch in ('\u3400', '\u4dbf', '\u9fa5', '\u9ffc', '\U0002a6df', '\U0002b738', '\uac00', '\ub098', '\ud7a3', '\uf900'):
    n = unicodedata.name(ch)
    print(n, unicodedata.lookup(n) == ch, unicodedata.lookup(n.lower()) == ch if 'CJK UNIFIED' not in n and 'HANGUL' not in n else None)

# the default argument and the errors
print(unicodedata.name('\x00', 'no name'), unicodedata.decimal('x', -1), unicodedata.digit('\u00bd', 'none'),
      unicodedata.numeric('x', 0.0))
for f in (unicodedata.name, unicodedata.decimal, unicodedata.digit, unicodedata.numeric):
    try:
        f('\x00')
    except ValueError as e:
        print(f.__name__, 'ValueError', e)
for bad in ('', 'ab', 3, b'a', None):
    for f in (unicodedata.name, unicodedata.category, unicodedata.mirrored, unicodedata.decimal):
        try:
            f(bad)
        except TypeError as e:
            print(f.__name__, repr(bad), 'TypeError', e)
