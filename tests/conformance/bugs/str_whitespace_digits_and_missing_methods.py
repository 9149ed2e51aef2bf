# str.split()/rsplit() without a separator but with maxsplit dropped the whitespace at the end
# (start) of the remainder and split on Java's whitespace only; strip() and isspace() missed
# U+0085 and the no-break spaces; isdigit/isnumeric/isdecimal/isalpha/isalnum read UTF-16 units
# and Java's digit class (no superscripts, Roman numerals or CJK numerals); casefold, istitle,
# isprintable and format_map raised NotImplementedError.
for s in ["Hello, World! h\u00e9llo\tTab  end ", "  a b  c  ", "a\u00a0b\u2007c\x85d\x1ce", "", "   ", "one", "\u3000x\u3000y\u3000"]:
    print(repr(s), s.split(), s.split(None, 1), s.split(None, 0), s.rsplit(None, 1), s.rsplit(None, 0), s.rsplit(), s.split(maxsplit=2), s.rsplit(maxsplit=2))
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), s.isspace())
chars = ["5", "\u00b2", "\u2460", "\u216b", "\u00bd", "\u4e00", "\u4e07", "\u0663", "\U0001d7d8", "\u0e53", "a", "\u0301", "\u01c5", "\u2167", "\U00010107", "x2", "\u00b9\u00b2"]
for c in chars:
    print(repr(c), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isalpha(), c.isalnum(), c.isprintable(), c.istitle())
print([hex(c) for c in range(0x3000) if chr(c).isspace()])
print(sum(chr(c).isdigit() for c in range(0x20000)), sum(chr(c).isnumeric() for c in range(0x20000)), sum(chr(c).isdecimal() for c in range(0x20000)))
for s in ["Stra\u00dfe", "\u1e9e", "\u0130stanbul", "\u0131", "\u03a3\u03af\u03c3\u03c5\u03c6\u03bf\u03c2", "\ufb01ne", "\u13a0\uab70\u13f8", "\u0149", "HELLO", ""]:
    print(repr(s), repr(s.casefold()), s.casefold() == s.upper().casefold())
for s in ["Hello World", "Hello world", "HELLO", "hello", "", "123", "A1 B2", "\u01c5ungla", "They're Bill's", "A\u01c5", "\u0391\u03b2"]:
    print(repr(s), s.istitle(), s.title().istitle())
for s in ["abc", "a\tb", "a\nb", "\x7f", "\u00a0", " ", "\u200b", "\ue000", "\U0001f600", "", "\u2028", "\u0378"]:
    print(repr(s), s.isprintable())
class D(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{a} {b!r} {c:>5} {a.__class__.__name__}".format_map(D(a=1)), "{x[0]}".format_map({"x": [7]}), "".format_map({}))
for f in [lambda: "{0}".format_map({}), lambda: "{}".format_map({}), lambda: "{z}".format_map({}), lambda: "x".format_map(), lambda: "{a}".format_map(5), lambda: "x".format_map({}, 1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
import string
print(string.capwords("hello\u00a0world  x"), "a\u0085b".splitlines(), "x\u00a0".rstrip(), int("\u0663\u0664"), int(" 12\u00a0"), float("\u00a01.5\u2003"))
