# CPython 3.11's mkfifo and mknod raise OSError from errno alone (posix_error: no filename); refheap's
# named the path.
import os, stat, tempfile, shutil
d = tempfile.mkdtemp(prefix='mkfifo_err')
try:
    p = os.path.join(d, 'x')
    os.mkfifo(p)
    for f in (lambda: os.mkfifo(p), lambda: os.mknod(p, stat.S_IFREG | 0o600), lambda: os.mkfifo(os.path.join(d, 'no', 'x'))):
        try:
            f()
        except OSError as e:
            print(type(e).__name__, e.errno, e.filename, e.filename2)
finally:
    shutil.rmtree(d)
