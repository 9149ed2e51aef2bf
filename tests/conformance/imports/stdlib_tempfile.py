# tempfile: named files and directories, cleaned up (names come from random)
import tempfile, os
with tempfile.TemporaryDirectory() as d:
    print(os.path.isdir(d))
    p = os.path.join(d, 'x.txt')
    with open(p, 'w') as f:
        f.write('hello')
    print(os.listdir(d))
print(os.path.exists(d))
fd, path = tempfile.mkstemp(suffix='.dat', prefix='rh')
os.write(fd, b'data')
os.close(fd)
print(os.path.basename(path).startswith('rh'), path.endswith('.dat'), os.path.getsize(path))
os.unlink(path)
# NamedTemporaryFile is not here: its wrapper's functools.wraps reads a builtin method's __doc__,
# which refheap does not carry (docs/stdlib.md)
with tempfile.TemporaryFile() as f:
    f.write(b'xyz')
    f.seek(0)
    print(f.read())
print(tempfile.gettempdir() == tempfile.gettempdir(), len(tempfile.mkdtemp.__name__))
import sys
print(sys.audit('refheap.test', 1, 2), sys.audit(1))
