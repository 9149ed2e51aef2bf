# gzip and zipfile (ZIP_DEFLATED) over the native zlib
import zlib
data = b'hello world ' * 200 + bytes(range(256))
import gzip, zipfile, io
g = gzip.compress(data, mtime=0); print(len(g), g[:10].hex(), gzip.decompress(g) == data)
buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as zf:
    zf.writestr(zipfile.ZipInfo('a.txt', (2020,1,1,0,0,0)), data)
print(len(buf.getvalue()))
with zipfile.ZipFile(buf) as zf: print(zf.read('a.txt') == data, zf.namelist())
