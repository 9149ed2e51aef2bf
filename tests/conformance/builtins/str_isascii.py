# str.isascii: True for the empty string and for code points below 128 only
for s in ['', 'abc', 'a\x7f', 'a\x80', '\xe9', '\u20ac', 'A B\n']:
    print(repr(s), s.isascii())
