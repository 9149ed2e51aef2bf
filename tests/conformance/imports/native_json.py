# _json: the module's names and docs, the Scanner and Encoder types (flags, sizes, members, GC
# tracking and traversal; their dicts' names sorted: refheap's native types list theirs in another order), their constructors' and calls' argument errors, scanstring's and the encoders' errors
import _json, sys, gc
def t(f):
    try: print(repr(f()))
    except BaseException as e: print(type(e).__name__, e)
print(list(vars(_json)))
print(_json.__doc__)
for n in ('scanstring', 'encode_basestring_ascii', 'encode_basestring'):
    f = getattr(_json, n)
    print(n, type(f).__name__, f.__module__, f.__self__ is _json, f.__text_signature__, repr(f.__doc__))
# before json.decoder is imported, scanstring's decoding errors return NULL without an exception
t(lambda: _json.scanstring('"abc', 1))
t(lambda: _json.scanstring('"a\\q"', 1))
t(lambda: _json.scanstring('"abc"', 1))
print('json.decoder' in sys.modules)
import json.decoder
S, E = _json.make_scanner, _json.make_encoder
for T in (S, E):
    print(T, T.__name__, T.__qualname__, T.__module__, repr(T.__doc__), T.__flags__ & ~(1 << 19), T.__basicsize__, T.__itemsize__,
          T.__dictoffset__, T.__weakrefoffset__, T.__mro__, T.__base__)
    print(sorted(vars(T)))
    print(T.__call__, T.__new__.__self__ is T, T.__new__.__name__)
    t(lambda: type('X', (T,), {}))
print([(k, type(v).__name__, v.__doc__) for k, v in sorted(vars(S).items()) if k not in ('__doc__', '__module__')])
print([(k, type(v).__name__, v.__doc__) for k, v in sorted(vars(E).items()) if k not in ('__doc__', '__module__')])
class Ctx:
    strict = 0
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = str
s = S(Ctx())
print(s.strict, s.object_hook, s.object_pairs_hook, s.parse_float, s.parse_int, s.parse_constant)
print(gc.is_tracked(s), sys.getsizeof(s), s.__sizeof__(), [type(x).__name__ for x in gc.get_referents(s)])
print(gc.get_referents(s)[0] is S, type(gc.get_referents(s)[-1]))
t(lambda: setattr(s, 'strict', 1))
t(lambda: setattr(s, 'parse_int', 1))
t(lambda: setattr(s, 'other', 1))
t(lambda: s.__dict__)
t(lambda: S())
t(lambda: S(1))
t(lambda: S(context=1, x=2))
t(lambda: S(Ctx(), 2))
t(lambda: S(ctx=Ctx()))
t(lambda: S(context=Ctx()).strict)
class Bad:
    strict = property(lambda self: 1 / 0)
t(lambda: S(Bad()))
class BadTruth:
    strict = type('B', (), {'__bool__': lambda self: 1 / 0})()
t(lambda: S(BadTruth()))
class Partial:
    strict = True
    object_hook = None
t(lambda: S(Partial()))
t(lambda: s('1', 0))
t(lambda: s(string='[1]', idx=0))
t(lambda: s('1'))
t(lambda: s('1', 0, 1))
t(lambda: s(b'1', 0))
t(lambda: s('1', '0'))
t(lambda: s('1', 0.0))
t(lambda: s('1', 2**63))
t(lambda: s('1', -1))
t(lambda: s('1', 1))
t(lambda: s(string='1', idx=0, x=1))
t(lambda: s('"a\x01b"', 0))
e = E(None, str, _json.encode_basestring, None, ':', ',', False, False, True)
print(e.markers, e.default, e.encoder, e.indent, e.key_separator, e.item_separator, e.sort_keys, e.skipkeys)
print(gc.is_tracked(e), sys.getsizeof(e), [type(x).__name__ for x in gc.get_referents(e)])
t(lambda: setattr(e, 'markers', {}))
t(lambda: setattr(e, 'sort_keys', 1))
t(lambda: e([1, 'a'], 0))
t(lambda: e(1))
t(lambda: e(1, 'a'))
t(lambda: e(1, 2**70))
t(lambda: e(obj=1, _current_indent_level=3))
t(lambda: e(1, 0, 0))
t(lambda: E())
t(lambda: E(*(1,) * 9))
t(lambda: E({}, str, str, None, 1, ',', 0, 0, 0))
t(lambda: E({}, str, str, None, ':', None, 0, 0, 0))
t(lambda: E([], str, str, None, ':', ',', 0, 0, 0))
t(lambda: E(None, str, str, None, ':', ',', 0, 0, 0, 0))
t(lambda: E(markers=None, default=str, encoder=str, indent=None, key_separator=':', item_separator=',', sort_keys=0, skipkeys=0, allow_nan=0).sort_keys)
t(lambda: E(None, str, str, None, ':', ',', [], [1], 0).skipkeys)
t(lambda: E(None, str, str, None, ':', ',', type('B', (), {'__bool__': lambda self: 1 / 0})(), 0, 0))
class D(dict): pass
t(lambda: E(D(), str, str, None, ':', ',', 0, 0, 0).markers)
for f in (_json.encode_basestring_ascii, _json.encode_basestring):
    t(lambda: f(1))
    t(lambda: f())
    t(lambda: f('a', 'b'))
    t(lambda: f(s='a'))
    t(lambda: f(''))
    t(lambda: f('a'))
    t(lambda: f('\x00\x1f "\\/\b\f\n\r\t\x7f\x80\xe9\u1234\uffff\U0001f600\U0010ffff\ud800\udfff'))
    print(type(f(type('S', (str,), {})('x'))).__name__)
t(lambda: _json.scanstring('"abc"', 1, strict=1))
t(lambda: _json.scanstring('"abc"'))
t(lambda: _json.scanstring('"abc"', 1, 1, 1))
t(lambda: _json.scanstring(b'"abc"', 1))
t(lambda: _json.scanstring('"abc"', '1'))
t(lambda: _json.scanstring('"abc"', 1.0))
t(lambda: _json.scanstring('"abc"', -1))
t(lambda: _json.scanstring('"abc"', 6))
t(lambda: _json.scanstring('"abc"', 5))
t(lambda: _json.scanstring('"abc"', 2**70))
t(lambda: _json.scanstring('"abc"', 1, 2**40))
t(lambda: _json.scanstring('"abc"', 1, -2**40))
t(lambda: _json.scanstring('"abc"', 1, 1.5))
t(lambda: _json.scanstring('"a\tc"', 1, 0))
t(lambda: _json.scanstring('"a\tc"', 1, 1))
t(lambda: _json.scanstring('"a\tc"', 1, False))
t(lambda: _json.scanstring('xx"abc"yy', 3))
t(lambda: _json.scanstring('"', 1))
t(lambda: _json.scanstring('""', 1))
t(lambda: _json.scanstring('"x"', 1))
t(lambda: _json.scanstring('"\\u00e9\\n\\"\\\\\\/\\b\\f\\r\\t"', 1))
