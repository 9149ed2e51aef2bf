"""json.dumps and json.loads of a sizeable document: RECORDS records (default 5,000: about 1 MB of JSON
text) of ints, floats, strs with escapes and non-ASCII characters, nested lists and dicts and
None/True/False, each way ROUNDS times (default 5). Usage: json_roundtrip.py [ROUNDS [RECORDS]].
Prints the text's length and a digest of the decoded value."""
import json
import sys

rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
nrec = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
records = [{'id': i, 'name': 'record %d "quoted" \u00e9\u4e2d' % i, 'score': i * 0.37, 'ok': i % 3 == 0,
            'tags': ['t%d' % (i % 7), 't%d' % (i % 11), None], 'pos': {'x': i % 97, 'y': -i, 'z': [1.5, 2.5, i]},
            'note': 'line1\nline2\ttab' if i % 5 == 0 else ''} for i in range(nrec)]
doc = {'version': 3, 'records': records}
n = 0
for _ in range(rounds):
    text = json.dumps(doc)
    back = json.loads(text)
    n += len(back['records'])
print(len(text), n, back['records'][-1]['pos']['y'], json.dumps(doc, sort_keys=True) == json.dumps(back, sort_keys=True))
