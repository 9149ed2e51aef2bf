# _json's scanner under json.loads: values, numbers (ints past 18 digits, the digit limit, floats,
# exponents, NaN/Infinity), strings (escapes, surrogates, control characters), hooks and parse_*,
# every JSONDecodeError's message and position, StopIteration from the scanner itself, nesting depth
import json, json.scanner, json.decoder, _json, sys
def t(f):
    try: print(repr(f()))
    except RecursionError as e: print('RecursionError', e)
    except json.JSONDecodeError as e: print('JSONDecodeError', e, e.pos, e.lineno, e.colno, repr(e.__context__), e.__suppress_context__)
    except BaseException as e: print(type(e).__name__, e, getattr(e, 'value', None))
print(json.scanner.make_scanner is _json.make_scanner, json.decoder.scanstring is _json.scanstring,
      type(json.decoder.JSONDecoder().scan_once).__name__)
for doc in ['null', 'true', 'false', ' [ 1 , 2 ] ', '{}', '[]', '{ }', '[ ]', '{"a" : 1 , "b":[{}]}', '0', '-0', '-0.0', '1.5',
            '1e5', '1E+5', '1e-5', '1.25e2', '123456789012345678', '1234567890123456789', '-1234567890123456789012345678901234567890',
            '1e400', '-1e400', '1e-400', '0.1', '2.5e-324', '1.7976931348623157e308', 'NaN', 'Infinity', '-Infinity', '[NaN, -Infinity]',
            '"\\u00e9\\u1234\\ud834\\udd1e\\ud834\\ud834\\udd1e\\udd1e"', '"\\ud834"', '"\\ud834x"', '"\\ud834\\u0041"', '"\\udd1e\\ud834"',
            '"\u00e9\u1234\U0001f600"', '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '""', '"a"', '\t\n\r [1]\t\n\r ', '[1,[2,[3,[4]]]]',
            '1.', '1e', '1e+', '1.e5', '01', '-', '--1', '-a', '.5', '+1', 'nul', 'tru', 'fals', 'Na', 'Infinit', '-Infinit', 'nulls',
            '', ' ', '[', ']', '{', '}', '[1,', '[1,]', '[1 2]', '[,1]', '{"a"', '{"a":', '{"a":1', '{"a":1,', '{"a":1,}', '{"a" 1}',
            '{"a":1 "b":2}', '{1:2}', "{'a':1}", '{"a":1}x', '1 2', '[1] [2]', '"abc', '"\\', '"\\x"', '"\\u12"', '"\\u12zz"', '"\\u"',
            '"\\u1234', '"\\ud834\\u12"', '"\\ud834\\uzzzz"', '"\\ud834\\udd1e', '"a\x01b"', '"a\x1fb"', '"a\x7fb"', '"a\nb"',
            '\ufeff[]', '[\u0661]', '["\\u0000"]', '"\\U0001f600"', '1' * 4301, '1' * 4300, '-' + '1' * 4300, '[' + '1' * 5000 + ']']:
    t(lambda: json.loads(doc))
t(lambda: json.loads('"a\tb"', strict=False))
t(lambda: json.loads('{"a\nb": "c\td"}', strict=False))
t(lambda: json.loads('{"a":1,"b":[1.5,2]}', object_hook=lambda d: ('hook', d)))
t(lambda: json.loads('{"a":1,"a":2,"b":{}}', object_pairs_hook=lambda p: ('pairs', p)))
t(lambda: json.loads('{"a":{"b":1}}', object_hook=lambda d: sorted(d), object_pairs_hook=lambda p: ('pairs', p)))
t(lambda: json.loads('[1, 2.5, 1e3, -0, 123456789012345678901234567890]', parse_int=lambda s: ('i', s), parse_float=lambda s: ('f', s)))
t(lambda: json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda s: (s, sys.intern(s) is s)))
t(lambda: json.loads('[1.5]', parse_float=lambda s: 1 / 0))
t(lambda: json.loads('{"a": 1}', object_hook=lambda d: 1 / 0))
t(lambda: json.loads('[NaN]', parse_constant=lambda s: 1 / 0))
import decimal
t(lambda: json.loads('[1.10, 2]', parse_float=decimal.Decimal, parse_int=float))
t(lambda: json.loads(b'[1, "\xc3\xa9"]'))
t(lambda: json.loads(bytearray(b'{"a": 1}')))
t(lambda: json.loads('"\\ud83d\\ude00"') == '\U0001f600')
t(lambda: len(json.loads('"\\ud83d\\ud83d"')))
class Str(str): pass
t(lambda: json.loads(Str('[1, "x"]')))
d = json.decoder.JSONDecoder()
t(lambda: d.raw_decode('[1, 2] tail'))
t(lambda: d.raw_decode('  [1]'))
t(lambda: d.raw_decode('[1]', 1))
t(lambda: d.raw_decode('xx"s"', 2))
s = json.scanner.make_scanner(d)
for a in [('', 0), ('[', 0), ('{"a":', 0), ('[1,', 0), ('x', 0), ('1', 1), ('1', 5), ('-', 0), ('{"a":1}', 0), ('xx1.5yy', 2), ('x', -1)]:
    t(lambda: s(*a))
# the depth limit: 3.11's C scanner counts a level per array and object on the recursion depth
for n in (10, 100, 2000):
    t(lambda: len(json.loads('[' * n + ']' * n)))
    t(lambda: len(json.loads('{"a":' * n + '1' + '}' * n)))
t(lambda: json.loads('[' * 100000))
t(lambda: json.loads('[1]', cls=None))
t(lambda: json.loads('[1]', bogus=1))
t(lambda: json.loads(1))
t(lambda: json.load(__import__('io').StringIO('{"x": [1, 2]}')))
