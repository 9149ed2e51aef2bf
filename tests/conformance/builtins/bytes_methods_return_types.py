# bytearray methods return bytearrays (new objects); unchanged exact bytes may come back as the same object
b = b"abc"
ba = bytearray(b"abc")
for name, args in [("upper", ()), ("strip", ()), ("replace", (b"z", b"y")), ("center", (3,)), ("ljust", (2,)), ("zfill", (1,)),
                   ("removeprefix", (b"z",)), ("lower", ())]:
    rb = getattr(b, name)(*args)
    ra = getattr(ba, name)(*args)
    print(name, type(rb).__name__, rb is b, type(ra).__name__, ra is ba, ra == rb)
print(type(ba.split()[0]).__name__, type(ba.partition(b"b")[1]).__name__, type(b"-".join([ba])).__name__, type(ba.join([b"x"])).__name__)
