# open() and TextIOWrapper with the standard library's single-byte codecs (cp1252, koi8-r, mac-roman...)
# raised NotImplementedError; they read, write, tell and seek as with utf-8.
import io, os, tempfile

d = tempfile.mkdtemp()
path = os.path.join(d, 'text.txt')
for enc in ['cp1252', 'windows-1252', 'cp437', 'mac-roman', 'iso8859-15', 'latin9', 'koi8-r', 'cp866', 'cp424']:
    try:
        with open(path, 'w', encoding=enc) as f:
            print(enc, f.encoding, f.write('caf\xe9 \u20ac\nline two\r\nthird\rend'))
    except UnicodeEncodeError as e:
        print(enc, 'UnicodeEncodeError', e)
        continue
    with open(path, 'rb') as f:
        print(f.read())
    with open(path, encoding=enc) as f:
        print(repr(f.readline()), f.tell(), repr(f.read(4)), f.tell(), repr(f.read()), f.tell())
        f.seek(0)
        print(f.readlines())
        f.seek(0)
        f.readline()
        here = f.tell()
        rest = f.read()
        f.seek(here)
        print(f.read() == rest)
with open(path, 'wb') as f:
    f.write(b'a\x81b\x8dc\n' * 3)
for errors in ['replace', 'surrogateescape', 'ignore', 'backslashreplace']:
    with open(path, encoding='cp1252', errors=errors) as f:
        print(errors, ascii(f.read()))
with open(path, encoding='cp1252', errors='surrogateescape') as f:
    print(ascii(f.readline()), f.tell())
with open(path, encoding='cp1252') as f:
    try:
        f.read()
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError', e)
with open(path, 'w', encoding='cp1252') as f:
    try:
        f.write('\u20ac \u0100')
        f.flush()
    except UnicodeEncodeError as e:
        print('UnicodeEncodeError', e)
t = io.TextIOWrapper(io.BytesIO('Привет, мир\n'.encode('koi8-r')), encoding='koi8-r')
print(t.read(), t.encoding)
t.reconfigure(encoding='cp866')
print(t.encoding)
b = io.BytesIO()
w = io.TextIOWrapper(b, encoding='mac-roman', newline='\r')
w.write('caf\xe9\nna\xefve\n')
w.flush()
print(b.getvalue())
os.remove(path)
os.rmdir(d)
