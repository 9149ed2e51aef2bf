# A text file read with errors='surrogateescape' had each undecodable byte counted as 2 bytes (ascii,
# latin-1) or 4 (utf-8) by tell(): refheap's strs hold a lone surrogate as one code point past U+FFFF.
import os, tempfile

d = tempfile.mkdtemp()
path = os.path.join(d, 'bytes.txt')
with open(path, 'wb') as f:
    f.write(b'a\x81b\xffc\xc3\xa9\n' * 3)
for enc in ['ascii', 'utf-8']:
    with open(path, encoding=enc, errors='surrogateescape') as f:
        line = f.readline()
        print(enc, ascii(line), f.tell(), ascii(f.read(3)), f.tell())
        here = f.tell()
        rest = f.read()
        f.seek(here)
        print(f.read() == rest, ascii(rest))
os.remove(path)
os.rmdir(d)
