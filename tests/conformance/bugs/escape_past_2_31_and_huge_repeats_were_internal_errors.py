# A \U escape of eight hex digits past 2**31 (its int's sign) stopped refheap with an internal error where 3.11
# raises SyntaxError "illegal Unicode character" (test_unicode test_literals); bytearray * sys.maxsize overflowed
# into a negative array size (test_bytes test_repeat): MemoryError, as bytearray_repeat checks.
for src in ["'\\Ufffffffe'", "'\\U00110000'", "'\\U0010ffff'", "b'\\x'", "'\\N{foo}'", "'\\U1234'"]:
    try:
        print(repr(eval(compile(src, "<s>", "exec"), {})) if False else compile(src, "<s>", "exec") and "compiled")
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.offset)
for s in [b'\\Ufffffffe', b'\\U00110000']:
    try: print(s.decode('unicode_escape'))
    except UnicodeDecodeError as e: print('UDE', e)
for s in [b'\\Ufffffffe']:
    try: print(s.decode('raw_unicode_escape'))
    except UnicodeDecodeError as e: print('UDE', e)
b = bytearray(b'abc')
for n in [-1, 0, 2, -100]:
    print(b * n, n * b)
    c = bytearray(b'xy'); c *= n; print(c)
print(b'ab' * -3)
import sys
for b in [b'abc', bytearray(b'abc'), 'abc', [1, 2], (1,)]:
    try:
        b * sys.maxsize
    except (OverflowError, MemoryError) as e:
        print(type(b).__name__, type(e).__name__)
    try:
        b *= sys.maxsize
    except (OverflowError, MemoryError) as e:
        print(type(b).__name__, 'in place', type(e).__name__)
