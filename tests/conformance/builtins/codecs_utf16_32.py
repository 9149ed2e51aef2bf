# utf-16 and utf-32 with and without byte order marks, their -le/-be forms and their decoding errors
s = "a€𝄞"
for enc in ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf_16", "UTF-32LE"]:
    b = s.encode(enc)
    print(enc, b, b.decode(enc) == s)
print(b"\xfe\xff\x00a".decode("utf-16"), b"a\x00".decode("utf-16"), b"\x00\x00\xfe\xff\x00\x00\x00a".decode("utf-32"))
for raw, enc in [(b"a\x00b", "utf-16-le"), (b"\x00\xd8a\x00", "utf-16-le"), (b"\x00\xdc", "utf-16-le"), (b"\x00\xd8", "utf-16-le"),
                 (b"a\x00\x00", "utf-32-le"), (b"\x00\x00\x11\x00", "utf-32-le"), (b"\x00\xd8\x00\x00", "utf-32-le")]:
    try:
        raw.decode(enc)
    except UnicodeDecodeError as e:
        print(enc, str(e), e.start, e.end)
    print(" ", ascii(raw.decode(enc, "replace")), ascii(raw.decode(enc, "ignore")))
print("\ud800".encode("utf-16-le", "surrogatepass"), ascii(b"\x00\xd8".decode("utf-16-le", "surrogatepass")))
