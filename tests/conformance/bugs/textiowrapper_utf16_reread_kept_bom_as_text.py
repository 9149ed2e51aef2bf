# A utf-16 or utf-32 TextIOWrapper read to its end, sought back to 0 and read again gave the BOM
# as U+FEFF: the decoder kept the byte order the first BOM named instead of starting over.
import io

data = "1234567890"
for encoding in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"):
    buf = io.BytesIO()
    f = io.TextIOWrapper(buf, encoding=encoding)
    f.write(data)
    f.write(data)
    f.seek(0)
    a = f.read()
    f.seek(0)
    b = f.read()
    f.seek(0)
    f.write('ab')
    f.flush()
    print(encoding, a == data * 2, b == data * 2, buf.getvalue()[:12])
