# utf-8 encoding and decoding with every error handler, and CPython's error spans and messages
print("héllo €𝄞".encode(), "héllo".encode("utf8"), b"h\xc3\xa9llo".decode(), b"\xe2\x82\xac".decode("UTF-8"))
cases = [b"\xff", b"a\xe2\x82", b"\xe2\x28\xa1", b"\xf0\x9f\x98", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"ok\x80\x80ok", b"\xe0\x80\x80"]
for raw in cases:
    try:
        raw.decode()
    except UnicodeDecodeError as e:
        print(str(e), "|", e.encoding, e.start, e.end, e.reason, e.object == raw)
    for handler in ["ignore", "replace", "backslashreplace", "surrogateescape"]:
        print(" ", handler, ascii(raw.decode("utf-8", handler)))
print(ascii(b"\xed\xa0\x80".decode("utf-8", "surrogatepass")), "\ud800".encode("utf-8", "surrogatepass"))
for s in ["\udc80", "a\ud800b\udfff", "x\udcff\udc80y"]:
    try:
        s.encode()
    except UnicodeEncodeError as e:
        print(str(e), "|", e.start, e.end, e.reason)
    print(" ", s.encode("utf-8", "replace"), s.encode("utf-8", "ignore"), s.encode("utf-8", "backslashreplace"), s.encode("utf-8", "xmlcharrefreplace"))
print(b"a\xffb\xfe".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"))
