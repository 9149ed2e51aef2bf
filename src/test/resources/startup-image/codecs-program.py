# After the image: the codec registry's cache, search functions and error handlers, and _codecs' functions, work on the adopted heap.
import _codecs, sys
print(_codecs.lookup('rot_one') is info, _codecs.lookup_error('strict') is strict, _codecs.lookup_error('shout') is shout)
print(_codecs.decode(b'bcd', 'rot-one'), 'x\u20acy'.encode('ascii', 'shout'), 'x\u20acy'.encode('ascii', 'backslashreplace'))
try:
    _codecs.lookup('no_such_codec')
except LookupError as e:
    print('LookupError', e)
def search2(name):
    return (lambda s, errors='strict': (b'2', len(s)), None, None, None) if name == 'two' else None
_codecs.register(search2)
print(_codecs.encode('zz', 'two'))
_codecs.unregister(search)
try:
    _codecs.lookup('rot_one')
except LookupError as e:
    print('LookupError', e)
print(_codecs.charmap_encode('a\u0401', 'strict', emap), type(emap).__name__, emap.size(), type(_codecs.charmap_build('abc' + 'd' * 253)).__name__)
print(_codecs.utf_8_decode(b'\xc3\xa9x', 'strict', True), _codecs.escape_decode(b'\\x41\\n'), _codecs.unicode_escape_encode('\u20ac'))
print(_codecs.utf_16_le_encode('hi'), _codecs.latin_1_decode(b'\xe9'), _codecs.ascii_encode('x\xe9', 'replace'))
print(strict.__name__, _codecs.lookup_error('surrogateescape').__name__, ascii(b'\xff'.decode('utf-8', 'surrogateescape')))
for f, a in ((_codecs.lookup, ()), (_codecs.register, (1,)), (_codecs.lookup_error, ('nope',)), (strict, (1, 2)), (emap.size, (1,))):
    try:
        f(*a)
    except Exception as e:
        print(type(e).__name__, e)
