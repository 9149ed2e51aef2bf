# Before the image: _codecs' state (its EncodingMap type) and functions, and the codec registry
# (its search functions, its cache, its error handlers, encodings taken as imported: the real
# package would be imported from a directory).
import _codecs, sys
sys.modules['encodings'] = type(sys)('encodings')
def search(name):
    if name == 'rot_one':
        enc = lambda s, errors='strict': (bytes((ord(c) + 1) % 256 for c in s), len(s))
        dec = lambda b, errors='strict': (''.join(chr((x - 1) % 256) for x in b), len(b))
        return (enc, dec, None, None)
    return None
_codecs.register(search)
info = _codecs.lookup('ROT-one')
def shout(exc):
    return ('!' * (exc.end - exc.start), exc.end)
_codecs.register_error('shout', shout)
strict = _codecs.lookup_error('strict')
table = ''.join(chr(c) for c in range(128)) + ''.join(chr(0x400 + c) for c in range(128))
emap = _codecs.charmap_build(table)
print(info[0]('ab'), _codecs.encode('abc', 'rot_one'), emap.size())
