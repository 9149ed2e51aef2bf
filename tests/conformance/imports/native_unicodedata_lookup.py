# unicodedata.lookup: names (ASCII letters in either case), the computed Hangul and CJK names
# (upper case only), the correction aliases, and its errors; name() never returns an alias.
import unicodedata

for n in ('LATIN SMALL LETTER A', 'latin small letter a', 'Latin Capital Letter E With Acute', 'SNOWMAN',
          'GREEK SMALL LETTER ALPHA', 'HANGUL SYLLABLE GA', 'HANGUL SYLLABLE HIH', 'CJK UNIFIED IDEOGRAPH-4E00',
          'CJK UNIFIED IDEOGRAPH-04E00', 'CJK UNIFIED IDEOGRAPH-20000', 'CJK COMPATIBILITY IDEOGRAPH-F900',
          'LATIN CAPITAL LETTER GHA', 'PRESENTATION FORM FOR VERTICAL RIGHT WHITE LENTICULAR BRAKCET',
          'GRINNING FACE', 'REGIONAL INDICATOR SYMBOL LETTER A', 'NUSHU CHARACTER-1B170',
          'KHITAN SMALL SCRIPT CHARACTER-18B00', b'DIGIT SEVEN'):
    ch = unicodedata.lookup(n)
    print(repr(n), '%04X' % ord(ch), unicodedata.name(ch))

print(unicodedata.name('\u01a2'), unicodedata.name('\ufe18'))

for n in ('hangul syllable ga', 'HANGUL SYLLABLE ga', 'cjk unified ideograph-4e00', 'CJK UNIFIED IDEOGRAPH-4e00',
          'CJK UNIFIED IDEOGRAPH-', 'CJK UNIFIED IDEOGRAPH-4E00X', 'CJK UNIFIED IDEOGRAPH-E000', 'HANGUL SYLLABLE ',
          'TANGUT IDEOGRAPH-17000', ' LATIN SMALL LETTER A', 'LATIN  SMALL LETTER A', 'LATIN_SMALL_LETTER_A',
          '\xe9', 'x' * 257):
    try:
        unicodedata.lookup(n)
    except KeyError as e:
        print('KeyError', e.args[0][:40])

for bad in (3, None, bytearray(b'A')):
    try:
        unicodedata.lookup(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    unicodedata.lookup('\ud800')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)
for args in ((), ('a', 'b')):
    try:
        unicodedata.lookup(*args)
    except TypeError as e:
        print('TypeError', e)
