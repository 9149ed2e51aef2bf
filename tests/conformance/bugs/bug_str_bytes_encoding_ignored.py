# bug_str_bytes_encoding_ignored: str(obj, encoding, errors) decodes with that codec and handler (it decoded UTF-8 with U+FFFD whatever was asked)
for args in [(b"\xff", "utf-8"), (b"ab", "ascii"), (bytearray(b"\xe9"), "latin-1"), (memoryview(b"hi"), "utf-8"), (b"\xff", "utf-8", "replace"),
             ("x", "utf-8"), (1, "utf-8"), (b"x", 1), (b"x", "utf-8", 2), (b"\xff\xfe\x00\x00a\x00\x00\x00", "utf-32"), (b"a", "nope"), (b"\x80", "cp1252"), (b"x", "rot13")]:
    try:
        r = str(*args)
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)
try: print(repr(str(b"\xff", errors="ignore")), repr(str(object=b"\xc3\xa9", encoding="utf-8")))
except Exception as e: print(type(e).__name__, e)
