# bytes/bytearray replace, strip, case mapping, padding, predicates, affixes, removeprefix
for t in (bytes, bytearray):
    s = t(b"Hello World hello")
    print(s.replace(b"llo", b"LLO"), s.replace(b"l", b"", 2), t(b"ab").replace(b"", b"-"), s.upper(), s.lower(), s.swapcase())
    print(t(b"hello wORLD").capitalize(), t(b"hello wORLD 1st").title(), t(b"xxhixx").strip(b"x"), t(b"  pad ").lstrip(), t(b" pad  ").rstrip())
    print(t(b"ab").center(6, b"*"), t(b"ab").ljust(5), t(b"ab").rjust(5, b"0"), t(b"-42").zfill(6), t(b"a\tb").expandtabs(4))
    print(t(b"123").isdigit(), t(b"abc").isalpha(), t(b"a1").isalnum(), t(b" \n").isspace(), t(b"AB").isupper(), t(b"ab").islower(),
          t(b"Ab Cd").istitle(), t(b"\x80").isascii(), t(b"").isdigit())
    print(s.startswith(b"Hello"), s.startswith((b"x", b"Hel")), s.endswith(b"hello"), s.startswith(b"World", 6), s.endswith(b"World", 0, 11))
    print(s.removeprefix(b"Hello "), s.removesuffix(b" hello"), s.removeprefix(b"zz"))
