# every supported codec round-trips text it can encode; lengths of the encodings
text = "A\u00e9\u20ac\U0001F600z"
for enc in ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]:
    data = text.encode(enc)
    print(enc, len(data), data.decode(enc) == text, bytearray(data).decode(enc) == text, str(data, enc) == text if False else "")
print("caf\u00e9".encode("latin-1").decode("latin-1"), "plain".encode("ascii").decode("ascii"), b"x".decode(), "".encode("utf-16"))
print(bytes("h\u00e9", "utf-8"), bytes("h\u00e9", "latin-1"), bytearray("h\u00e9", "utf-16-le"))
