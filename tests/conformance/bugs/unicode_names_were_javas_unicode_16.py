# \N{...} in literals and in the unicode_escape codec, and the namereplace error handler, read
# CPython 3.11's Unicode 14.0.0 names (unicodedata's database); refheap used Java's, Unicode 16.0,
# which knows characters 3.11 does not, no aliases, and computed names in lower case.
import codecs

print(ascii('\N{LATIN SMALL LETTER A}\N{latin small letter sharp s}\N{BULLET}\N{HANGUL SYLLABLE GAG}\N{CJK UNIFIED IDEOGRAPH-4E00}'))
print(ascii('\N{LATIN CAPITAL LETTER GHA}'), ascii('\N{PRESENTATION FORM FOR VERTICAL RIGHT WHITE LENTICULAR BRAKCET}'))
for src in (r"'\N{WIRELESS}'", r"'\N{CJK UNIFIED IDEOGRAPH-31350}'", r"'\N{cjk unified ideograph-4e00}'",
            r"'\N{hangul syllable ga}'", r"'\N{TANGUT IDEOGRAPH-17000}'", r"'\N{LATIN SMALL LETTER R WITH TILDE}'",
            r"'\N{}'", r"'\N{LATIN SMALL LETTER A'", r"b'\N{BULLET}'"):
    try:
        print(ascii(eval(src)))
    except SyntaxError as e:
        print(src, 'SyntaxError', e.msg)
for b in (b'\\N{EM DASH}', b'\\N{em dash}', b'\\N{WIRELESS}', b'\\N{LATIN CAPITAL LETTER GHA}', b'\\N{}', b'\\N{x'):
    try:
        print(ascii(codecs.decode(b, 'unicode_escape')))
    except UnicodeDecodeError as e:
        print(b, 'UnicodeDecodeError', e)
print(ascii(codecs.decode(b'a\\N{WIRELESS}b', 'unicode_escape', 'replace')))
for s in ('\u2022\xe9', '\U0001f6dc', '\U00031350', '\U00017000', '\uac01', '\x00', '\ue000', '\U0001f600'):
    print(s.encode('ascii', 'namereplace'), s.encode('latin-1', 'namereplace'))
print(codecs.namereplace_errors(UnicodeEncodeError('ascii', '\u2022\U0001f6dc', 0, 2, 'x')))
