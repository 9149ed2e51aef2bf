# _codecs: the registry (lookup, register, error handlers) and the codec functions encodings/ calls
import codecs, sys
print(codecs.lookup('UTF 8').name, codecs.lookup('Latin_1').name, codecs.lookup('utf-8') is codecs.lookup('UTF-8'))
print('abc\u20ac'.encode('cp1252'), b'\x80ab'.decode('cp1252'), 'Ж'.encode('koi8_r'), b'\xb6'.decode('iso8859_7'))
print(codecs.utf_8_decode(b'ab\xc3', None, False), codecs.utf_8_decode(b'ab\xc3\xa9', None, True))
print(codecs.utf_16_ex_decode(b'\xff\xfea\x00b'), codecs.utf_16_ex_decode(b'\xfe\xff\x00a', 'strict', 0, True))
print(codecs.utf_16_decode(b'\xff\xfea\x00\x00', None, False), codecs.utf_32_le_decode(b'a\x00\x00\x00b\x00', None, False))
print(codecs.utf_16_encode('ab'), codecs.utf_16_encode('ab', None, 1), codecs.utf_32_be_encode('a'))
print(codecs.latin_1_encode('a\xff'), codecs.ascii_decode(b'abc'), codecs.latin_1_decode(bytearray(b'\xe9')))
print(codecs.escape_decode(b'a\\x41\\n\\101'), codecs.escape_decode('\\t'), codecs.escape_encode(b'a\n\x00\x7f\xff\'"\\'))
print(codecs.unicode_escape_decode(b'a\\u20ac\\N{BULLET}\\x41\\n'), codecs.unicode_escape_decode(b'ab\\u20', None, False))
print(codecs.raw_unicode_escape_encode('a\u20ac\xff\U0001f600'), codecs.unicode_escape_encode('a\u20ac\xff\n\\\U0001f600'))
print(codecs.raw_unicode_escape_decode(b'a\\u20ac\\n\\\\u0041'), codecs.readbuffer_encode('h\xe9'), codecs.readbuffer_encode(b'x'))
for f in [lambda: codecs.encode(b'x', 'rot13'), lambda: codecs.lookup('xyz'), lambda: 'a'.encode('rot13'),
          lambda: b'a'.decode('hex'), lambda: codecs.register(1), lambda: codecs.lookup_error('x'),
          lambda: codecs.strict_errors(1), lambda: codecs.ignore_errors(1), lambda: codecs.utf_8_decode('x'),
          lambda: codecs.utf_8_encode(b'x'), lambda: codecs.lookup(1), lambda: codecs.encode('a', 'utf-8', 1),
          lambda: codecs.register_error('x', 1), lambda: 'a\u0100'.encode('cp1252'), lambda: b'\x81'.decode('cp1252'),
          lambda: codecs.escape_decode(b'\\x4'), lambda: codecs.unicode_escape_decode(b'\\u12'),
          lambda: codecs.unicode_escape_decode(b'\\N{NO SUCH NAME}'), lambda: 'x'.encode('ascii', 'nosuchhandler'),
          lambda: 'x\xff'.encode('ascii', 'nosuchhandler'), lambda: codecs.utf_8_decode(b'x', None, 'no')]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(codecs.encode('abc', 'rot13'), codecs.decode(b'616263', 'hex'), codecs.encode(b'abc', 'base64'))
import encodings.cp1252 as cp
m = codecs.charmap_build(cp.decoding_table)
print(type(m).__name__, sys.getsizeof(m), m.size(), codecs.charmap_encode('a\u20ac', 'strict', m), type(codecs.charmap_build('\x01\x02')).__name__)
print(codecs.charmap_decode(b'\x00\x01\x02', 'replace', 'ab'), codecs.charmap_decode(b'\x00\x01', 'strict', {0: 'xy', 1: 0x41}))
print(codecs.charmap_encode('ab', 'replace', {97: b'A', 63: 63}))
print('\xe9\u20acx'.encode('cp1252'), 'a\xe9'.encode('ascii', 'namereplace'), 'a\u20ac'.encode('latin-1', 'xmlcharrefreplace'))
print('a\u0100\u0101'.encode('cp1252', 'replace'), 'a\u0100'.encode('cp1252', 'backslashreplace'), b'a\x81'.decode('cp1252', 'replace'))
codecs.register_error('mine', lambda e: ('<%d-%d>' % (e.start, e.end), e.end))
print('a\xe9\xe9 b'.encode('ascii', 'mine'), b'a\xff\xfeb'.decode('utf-8', 'mine'), 'a\u0100'.encode('cp1252', 'mine'))
codecs.register_error('skip2', lambda e: (b'??', e.end))
print('a\xe9b'.encode('latin-1', 'skip2') if False else 'a\u0100b'.encode('latin-1', 'skip2'))
print(codecs.replace_errors(UnicodeEncodeError('ascii', 'a\xe9', 1, 2, 'x')), codecs.backslashreplace_errors(UnicodeDecodeError('utf-8', b'a\xff', 1, 2, 'x')))
print(codecs.xmlcharrefreplace_errors(UnicodeEncodeError('ascii', 'a\xe9\u20ac', 1, 3, 'x')), codecs.ignore_errors(UnicodeTranslateError('ab', 0, 1, 'x')))
print(codecs.lookup_error('surrogateescape')(UnicodeDecodeError('utf-8', b'a\xff\xfe', 1, 3, 'x')))
print(codecs.lookup_error('surrogatepass')(UnicodeEncodeError('utf-8', 'a\ud800', 1, 2, 'x')))
print(codecs.lookup_error('strict'), codecs.lookup_error('surrogateescape'), codecs.lookup_error('namereplace').__name__)
def search(name):
    print('search', repr(name))
    if name == 'my_codec':
        return codecs.CodecInfo(lambda s, errors='strict': (s.upper().encode(), len(s)), lambda b, errors='strict': (bytes(b).decode().lower(), len(b)), name='my-codec')
    if name == 'bad_codec':
        return 1
codecs.register(search)
for x in ['A-B', 'a.b-c d', '\xc4B', '-x-']:
    try:
        codecs.lookup(x)
    except LookupError as e:
        print(e)
print('abc'.encode('My Codec'), b'ABC'.decode('my-codec'), codecs.lookup('my codec').name, codecs.lookup('MY-CODEC').name)
try:
    codecs.lookup('bad-codec')
except TypeError as e:
    print('TypeError', e)
codecs.unregister(search)
try:
    codecs.lookup('bad-codec')
except LookupError as e:
    print('LookupError', e)
try:
    codecs.lookup('my-codec')
except LookupError as e:
    print('unregistered, cache cleared:', e)
print(codecs.iterdecode([b'\xc3', b'\xa9', b'x'], 'utf-8').__class__.__name__, ''.join(codecs.iterdecode([b'\xc3', b'\xa9', b'x'], 'utf-8')))
dec = codecs.getincrementaldecoder('utf-16')()
print(repr(dec.decode(b'\xff')), repr(dec.decode(b'\xfea')), repr(dec.decode(b'\x00', final=True)))
print(codecs.getincrementalencoder('cp1252')().encode('\u20ac'), codecs.getdecoder('latin-1')(b'\xe9'))
