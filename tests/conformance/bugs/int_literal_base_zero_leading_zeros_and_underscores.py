# int(text, base) reads text as 3.11's PyLong_FromString: base 0 refuses a leading zero unless the
# value is 0 ('010', '0_7'), one underscore may follow a prefix, underscores only between digits
# (not after a sign), one sign, only ASCII digits of the base (Unicode decimal digits of a str count
# as their ASCII digit first); a bytes' spaces are only ASCII ones. refheap dropped every underscore
# first and read the rest with Java's BigInteger, which took '010', '0_7', '+-1', '+_1', '0_x1'
# and fullwidth letters.
cases = [
    ('010', 0), ('08', 0), ('0_7', 0), ('00', 0), ('0_0', 0), ('000', 0), ('0', 0), ('-0', 0), ('+00', 0),
    ('0x_1', 0), ('0x__1', 0), ('0_x1', 0), ('0x1_', 0), ('0b', 0), ('0b_', 0), ('0o_7', 0), ('0o8', 0),
    ('_1', 10), ('+_1', 10), ('-_1', 10), ('1_', 10), ('1__0', 10), ('1_0', 10), ('+-1', 10), ('-+1', 10),
    ('--1', 10), ('- 1', 10), (' 1 ', 10), ('\t+1\n', 10), ('1 0', 10), ('', 10), (' ', 10), ('_', 0),
    ('0x1f', 16), ('1f', 16), ('0X1F', 0), ('0b101', 2), ('0B1_01', 0), ('0o17', 8), ('0x1', 8), ('0b1', 16),
    ('z', 36), ('Z_z', 36), ('9', 8), ('12', 3), ('\uff21', 16), ('\uff11\uff12', 16), ('\u0661\u0662', 10),
    ('\u0661\u0662', 16), ('\u00b2', 10), ('\u2003 7 \u3000', 10), ('1\u00a0', 0), ('٠', 0), ('٠٧', 0),
    ('0' * 50, 0), ('0' * 50 + '1', 0), ('1' + '_0' * 30, 0),
]
for text, base in cases:
    try:
        print(repr(text), base, int(text, base))
    except ValueError as e:
        print(repr(text), base, 'ValueError', e)

for b in (b'0x_1', b'010', b'\x851', b'1\xa0', b'\x0c1\x0b', b' -0b1 ', b'1__1', b'\xff'):
    for base in (0, 10):
        try:
            print(b, base, int(b, base))
        except ValueError as e:
            print(b, base, 'ValueError', e)

# without a base: base 10, where a leading zero is fine
for text in ('010', '0_10', '00', ' -0_0 ', '1e3', '1.0', '0x10', '١٠'):
    try:
        print(repr(text), int(text))
    except ValueError as e:
        print(repr(text), 'ValueError', e)

# the long messages are cut at 200 characters of the repr
try:
    int('x' * 300, 0)
except ValueError as e:
    print(len(str(e)), str(e)[-20:])
