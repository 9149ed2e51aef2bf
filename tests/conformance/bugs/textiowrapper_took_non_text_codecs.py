# TextIOWrapper refuses a codec that is not a text encoding (hex, rot13, base64...: LookupError
# "is not a text encoding"), as _PyCodec_LookupTextEncoding does, in __init__ and reconfigure().
import io

for enc in ["hex", "rot13", "base64", "zlib_codec", "quopri", "uu", "no-such-codec"]:
    try:
        io.TextIOWrapper(io.BytesIO(), encoding=enc)
        print(enc, "made")
    except Exception as e:
        print(enc, type(e).__name__, e)
t = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
for enc in ["hex", "rot_13", "nope"]:
    try:
        t.reconfigure(encoding=enc)
    except Exception as e:
        print("reconfigure", enc, type(e).__name__, e)
print(t.encoding)
