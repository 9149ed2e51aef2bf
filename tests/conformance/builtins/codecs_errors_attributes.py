# UnicodeDecodeError/UnicodeEncodeError carry encoding, object, start, end, reason; they are ValueErrors
try:
    b"ab\xffcd".decode("utf-8")
except ValueError as e:
    print(type(e).__name__, isinstance(e, UnicodeError), e.encoding, e.object, e.start, e.end, e.reason)
    print(e.args[0], e.args[2:])
try:
    "x\u20acy\u20acz".encode("latin-1")
except UnicodeError as e:
    print(type(e).__name__, e.encoding, e.object, e.start, e.end, e.reason)
    print(str(e))
