# json: dumps and loads (the Python encoder and scanner: no _json), round trips, errors
import json
data = {'a': [1, 2.5, None, True, False], 'b': {'c': 'd\u00e9\n'}, 'e': []}
s = json.dumps(data)
print(s)
print(json.loads(s) == data)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps('\u20ac', ensure_ascii=False), json.dumps('\u20ac'), json.dumps([1, 'x'], separators=(',', ':')))
print(json.loads('[1, 2.0, "x", {"y": null}]'), json.loads('"\\u00e9\\ud83d\\ude00"'))
for bad in ['[1,', '{"a" 1}', 'nul', '']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(type(e).__name__, e.msg, e.pos, e.lineno, e.colno)
try:
    json.dumps({1j: 1})
except TypeError as e:
    print('TypeError', e)
class P:
    pass
try:
    json.dumps(P())
except TypeError as e:
    print('TypeError', e)
print(json.dumps(P(), default=lambda o: 'P!'), json.loads('1e400'), json.dumps(float('nan')))
print(json.loads(b'{"k": 1}'), json.loads('{"k": 1}', object_hook=lambda d: sorted(d)))
