# ascii and latin-1 codecs: ranges of unencodable characters, handlers, and decoding errors
for enc in ["ascii", "latin-1", "latin1", "iso-8859-1", "us-ascii"]:
    for s in ["plain", "café", "€uro", "aé€b", "\U0001F600x"]:
        try:
            print(enc, s.encode(enc))
        except UnicodeEncodeError as e:
            print(enc, "error:", e, e.start, e.end)
        print(" ", s.encode(enc, "replace"), s.encode(enc, "ignore"), s.encode(enc, "backslashreplace"), s.encode(enc, "xmlcharrefreplace"))
print(bytes(range(250, 256)).decode("latin-1") == "".join(map(chr, range(250, 256))))
try:
    b"ab\x80\x81c".decode("ascii")
except UnicodeDecodeError as e:
    print(e, e.start, e.end)
print(ascii(b"ab\x80\x81c".decode("ascii", "replace")), ascii(b"ab\x80c".decode("ascii", "surrogateescape")), b"ab\x80c".decode("ascii", "ignore"))
for bad in [lambda: "x".encode("no-such-codec"), lambda: b"x".decode("nope"), lambda: "x".encode("utf-8", "bogus"), lambda: "x".encode(1)]:
    try:
        bad()
    except (LookupError, TypeError) as e:
        print(type(e).__name__ + ":", e)
