# _json's encoder under json.dumps: every kind of value and key, int and float subclasses by int's and
# float's own repr, str subclasses, NaN with and without allow_nan, skipkeys, sort_keys, separators,
# ensure_ascii, default (and its errors), circular references with and without check_circular,
# custom encoders through make_encoder, dict subclasses and their items(), nesting depth
import json, json.encoder, _json, sys, enum, collections
def t(f):
    try: print(repr(f()))
    except RecursionError as e: print('RecursionError', e)
    except BaseException as e: print(type(e).__name__, e)
print(json.encoder.c_make_encoder is _json.make_encoder, json.encoder.encode_basestring_ascii is _json.encode_basestring_ascii,
      json.encoder.encode_basestring is _json.encode_basestring)
class I(int):
    def __repr__(self): return 'I!'
class F(float):
    def __repr__(self): return 'F!'
class S(str):
    def __repr__(self): return 'S!'
class E(enum.IntEnum):
    A = 1
class FE(float, enum.Enum):
    X = 2.5
for o in [None, True, False, 0, -1, 2**100, 1.5, -0.0, 1e16, 1e-7, 0.1, 1e300 * 10, -1e300 * 10, float('nan'), 'abc', '',
          '\x00\x1f"\\\u007f\u0080\u00e9\u1234\ud800\U0001f600', [], (), {}, [1, [2, (3, {})]], (1, 'a'), {'a': 1, 'b': [None]},
          I(5), F(2.5), S('s'), E.A, FE.X, [I(1), F(1.5), S('x'), E.A], {I(1): 1, F(1.5): 2, E.A: 3, True: 4, None: 5, 2.0: 6, -3: 7},
          {False: 1, 0: 2}, {1e300 * 10: 1}, {float('nan'): 1}, collections.OrderedDict([('z', 1), ('a', 2)]), [10**20, -10**20]]:
    t(lambda: json.dumps(o))
    t(lambda: json.dumps(o, ensure_ascii=False))
t(lambda: json.dumps(2 ** 20000))
t(lambda: json.dumps([float('nan')], allow_nan=False))
t(lambda: json.dumps({float('inf'): 1}, allow_nan=False))
t(lambda: json.dumps({(1, 2): 3}))
t(lambda: json.dumps({(1, 2): 3, 'a': 1, b'x': 2, 'b': 2}, skipkeys=True))
t(lambda: json.dumps({'b': 1, 'a': 2, 'c': {'z': 1, 'y': 2}}, sort_keys=True))
t(lambda: json.dumps({'b': 1, 2: 2}, sort_keys=True))
t(lambda: json.dumps({'a': [1, 2], 'b': {}}, separators=(';', '=')))
t(lambda: json.dumps({'a': [1, 2]}, separators=(S(','), S(':'))))
t(lambda: json.dumps(object()))
t(lambda: json.dumps({1j}))
t(lambda: json.dumps([1j, 2], default=lambda o: [o.real, o.imag]))
t(lambda: json.dumps({'s': {1, 2}}, default=sorted))
t(lambda: json.dumps(object(), default=lambda o: 1 / 0))
class Node:
    pass
n = Node()
t(lambda: json.dumps(n, default=lambda o: o))
t(lambda: json.dumps(n, default=lambda o: [o]))
l = []; l.append(l)
t(lambda: json.dumps(l))
d = {}; d['d'] = d
t(lambda: json.dumps(d))
t(lambda: json.dumps([l], check_circular=False))
t(lambda: json.dumps(d, check_circular=False))
shared = [1]
t(lambda: json.dumps([shared, shared, {'a': shared}]))
class D(dict):
    def items(self): return [('x', 1), ('y', 2)]
class D2(dict):
    def items(self): return iter([('k', 'v')])
class D3(dict):
    def items(self): return 5
class D4(dict):
    def items(self): return [('x', 1, 2)]
class D5(dict):
    def items(self): return ['ab']
t(lambda: json.dumps(D(a=1)))
t(lambda: json.dumps(D()))
t(lambda: json.dumps(D2(a=1)))
t(lambda: json.dumps(D3(a=1)))
t(lambda: json.dumps(D4(a=1)))
t(lambda: json.dumps(D5(a=1)))
class L(list):
    def __iter__(self): return iter([9])
t(lambda: json.dumps(L([1, 2])))
# make_encoder directly: the C encoder ignores indent; the encoder function's result must be a str
mk = _json.make_encoder
t(lambda: mk(None, str, json.encoder.encode_basestring, 4, ':', ',', False, False, True)([1, {'a': [2]}], 0))
t(lambda: mk(None, str, lambda s: '<' + s + '>', None, ':', ',', False, False, True)({'a': ['b'], 1: 2.5}, 0))
t(lambda: mk(None, str, lambda s: 5, None, ':', ',', False, False, True)(['b'], 0))
t(lambda: mk(None, str, lambda s: S('q'), None, ':', ',', False, False, True)(['b'], 0))
t(lambda: mk(None, str, repr, None, ':', ',', False, False, True)(['b', {'k': None}], 0))
t(lambda: mk(None, str, str, None, ':', ',', False, False, True)(l, 0))
m = {}
enc = mk(m, lambda o: list(o), json.encoder.encode_basestring_ascii, None, ':', ',', False, False, True)
t(lambda: enc([{'a': (1, 2)}, {3, 4}], 0))
print(m)
t(lambda: enc(l, 0))
print(len(m))
m.clear()
t(lambda: enc(n, 0))
print(len(m))
class X: pass
m2 = {}
t(lambda: mk(m2, lambda o: 1 / 0, str, None, ':', ',', False, False, True)([X()], 0))
print(len(m2))
t(lambda: json.dumps([1, 2], indent=2))
t(lambda: json.dumps({'a': [1, {'b': 2}]}, indent='\t', sort_keys=True))
t(lambda: json.JSONEncoder().encode('x\u00e9'))
t(lambda: list(json.JSONEncoder().iterencode([1, 2])))
t(lambda: list(json.JSONEncoder().iterencode([1, 2], _one_shot=True)))
x = []
y = x
for i in range(3000):
    y.append([])
    y = y[0]
t(lambda: json.dumps(x))
z = {}
y = z
for i in range(3000):
    y['a'] = {}
    y = y['a']
t(lambda: json.dumps(z))
t(lambda: json.dumps([[[[[1]]]]]))
import io
f = io.StringIO()
json.dump({'a': [1, 2.5]}, f)
print(f.getvalue())
class T(tuple):
    def __iter__(self): return iter(['t'])
class Bad(list):
    def __iter__(self): raise TypeError('no')
class Bad2(list):
    def __iter__(self): raise KeyError('no')
class Empty(list):
    def __iter__(self): return iter([])
t(lambda: json.dumps([T((1,)), Empty([1]), L()]))
t(lambda: json.dumps(Bad([1])))
t(lambda: json.dumps(Bad2([1])))
ll = L([1])
t(lambda: mk({}, str, str, None, ':', ',', False, False, True)(ll, 0))
