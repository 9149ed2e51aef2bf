# An OSError for an os.PathLike path names what its __fspath__ returned (path_t's object), not
# the os.PathLike itself; refheap named the object given.
import os, pathlib
class P:
    def __init__(self, p): self.p = p
    def __fspath__(self): return self.p
for name in (pathlib.PurePath('/nonexistent/x'), P('/nonexistent/y'), P(b'/nonexistent/z')):
    for f in (os.stat, os.listdir, os.unlink, os.chdir, os.readlink, os.scandir):
        try:
            f(name)
        except OSError as e:
            print(f.__name__, type(e).__name__, e.errno, type(e.filename).__name__, e.filename)
    try:
        os.rename(name, P('/nonexistent/dst'))
    except OSError as e:
        print('rename', e.filename, e.filename2)
# fstat's error names no file (its path has no object)
r, w = os.pipe()
os.close(r)
os.close(w)
try:
    os.fstat(r)
except OSError as e:
    print('fstat', type(e).__name__, e.errno, e.filename)
