# A utf-16 or utf-32 text stream that does not start with a byte order mark is refused by
# encodings.utf_16's incremental decoder (UnicodeError), after the native order's own decoding
# errors (named utf-16-le); refheap read it as little-endian.
import io

for enc, data in [('utf-16', b'ab\n\x00'), ('utf-32', b'abc\x00'), ('utf-32', b'a\x00\x00\x00'), ('utf-16', b'\xff\xfea\x00'),
                  ('utf-16', b'\xfe\xff\x00a'), ('utf-16', b'a'), ('utf-16', b''), ('utf-32', b'\xff\xfe\x00\x00a\x00\x00\x00')]:
    try:
        print(enc, data, ascii(io.TextIOWrapper(io.BytesIO(data), encoding=enc).read()))
    except UnicodeError as e:
        print(enc, data, type(e).__name__, e)
w = io.TextIOWrapper(io.BytesIO(), encoding='utf-16')
w.write('hi')
w.flush()
w.seek(0)
print(ascii(w.read()), w.buffer.getvalue())
