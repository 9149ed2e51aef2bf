# _json's objects and the memory they leave: the scanner's memo makes equal object keys one str
# (identity and refcounts), the memo is emptied after each call, the sizes and GC tracking of what
# loads makes, the GC allocations of loads and dumps (gc.get_count deltas; _iterencode's list of chunks), no references kept
import json, json.scanner, json.decoder, json.encoder, _json, sys, gc
l = json.loads('[{"aa":1},{"aa":2,"bb":3},{"bb":[]}, "aa", "bb"]')
ka, kb = list(l[0])[0], list(l[1])[1]
print(ka is list(l[1])[0], kb is list(l[2])[0], l[3] is ka, l[4] is kb, sys.getrefcount(ka), sys.getrefcount(kb))
del l
print(sys.getrefcount(ka), sys.getrefcount(kb))
m = json.loads('[{"key":1}]')[0]
n = json.loads('[{"key":1}]')[0]
print(list(m)[0] is list(n)[0], sys.getrefcount(list(m)[0]))
p = json.loads('{"xx": 1, "xx": 2, "yy": {"xx": 3}}', object_pairs_hook=lambda p: p)
print(p, p[0][0] is p[1][0], p[2][1][0][0] is p[0][0], sys.getrefcount(p[0][0]))
s = json.scanner.make_scanner(json.decoder.JSONDecoder())
r = s('{"abc": {"abc": 1}}', 0)
k = list(r[0])[0]
print(r, sys.getrefcount(k), k is list(r[0]['abc'])[0])
del r, k
for doc in ['[1]', '[1, "a", null]', '{"a": 1}', '{"a": "b"}', '{"a": [1]}', '{"a": {}}', '[[]]', '[{}]', '[]', '{}', '[1.5, 2]']:
    o = json.loads(doc)
    print(doc, gc.is_tracked(o), sys.getsizeof(o))
for doc in ['[' + ','.join(['1'] * n) + ']' for n in (1, 4, 5, 9, 17, 100)] + ['{' + ','.join('"%d": %d' % (i, i) for i in range(n)) + '}' for n in (1, 5, 6, 11, 22, 100)]:
    print(len(doc), sys.getsizeof(json.loads(doc)))
for doc in ['"x"', '"\u00e9"', '"\u1234"', '"\U0001f600"', '"a\\u1234"', '"abc"', '"\\ud800"', '""']:
    v = json.loads(doc)
    print(ascii(v), sys.getsizeof(v), v is json.loads(doc))
a = json.loads('["x", "x", "\\u00e9", "\\u00e9", "xy", "xy", "", ""]')
print([a[i] is a[i + 1] for i in range(0, 8, 2)])
enc = json.encoder.c_make_encoder(None, str, json.encoder.encode_basestring_ascii, None, ':', ',', False, False, True)
out = enc(['x'], 0)
print(type(out).__name__, out, sys.getrefcount(out), gc.is_tracked(out), sys.getsizeof(out))
doc = json.dumps({'k%d' % i: [i, i * 1.5, 'v' * i, None, True, {'n': [i]}] for i in range(50)})
v = json.loads(doc)
# (at 40 and more such entries the pairs' lists and dicts meet the free lists' limits, where refheap's
# list and dict free lists differ from CPython's with the pure-Python scanner too)
doc20 = json.dumps({'k%d' % i: [i, i * 1.5, 'v' * i, None, True, {'n': [i]}] for i in range(20)})
E = json.JSONEncoder(separators=(',', ':'), ensure_ascii=False)
D = json.JSONDecoder(object_pairs_hook=dict)
P = json.JSONDecoder(object_pairs_hook=lambda p: p)
ops = [('loads', lambda: json.loads(doc)), ('dumps', lambda: json.dumps(v)), ('sorted', lambda: json.dumps(v, sort_keys=True)),
       ('pairs_dict', lambda: D.decode(doc20)), ('pairs', lambda: P.decode('[{"aa": 1, "bb": [2]}, {}]')),
       ('compact', lambda: E.encode(v)), ('scan', lambda: D.scan_once('{"aa": [1, {"bb": 2}]}', 0)),
       ('iterencode', lambda: json.encoder.c_make_encoder({}, str, str, None, ':', ',', True, False, True)([{'b': 1, 'a': (2, 3)}], 0)),
       ('encoder', lambda: E.encode({'a': [1.5, 'x', None]}))]
# each measured on its third run after a collection (the free lists as the first two runs leave them)
for name, f in ops:
    gc.collect()
    gc.disable()
    f(); f()
    c0 = gc.get_count()[0]
    r = f()
    c1 = gc.get_count()[0]
    del r
    c2 = gc.get_count()[0]
    gc.enable()
    print(name, c1 - c0, c2 - c0)
class Obj:
    pass
o = Obj()
rc = sys.getrefcount(o)
for i in range(3):
    try:
        json.dumps([o])
    except TypeError:
        pass
    json.dumps([o], default=lambda x: 1)
    json.dumps({'a': o}, default=lambda x: [x.__class__.__name__])
print(sys.getrefcount(o) - rc)
sc = json.scanner.make_scanner(json.decoder.JSONDecoder())
en = json.encoder.c_make_encoder({}, str, str, None, ':', ',', False, False, True)
print(len(gc.get_referrers(sc)), len(gc.get_referrers(en)), [type(x).__name__ for x in gc.get_referents(en)])
import weakref
class Hook:
    def __call__(self, d): return d
h = Hook()
ctx = json.decoder.JSONDecoder(object_hook=h)
sc = json.scanner.make_scanner(ctx)
ctx.scan_once = sc
ctx.cycle = ctx
wr = weakref.ref(h)
del h, ctx, sc
print(wr() is not None, gc.collect() > 0, wr())
