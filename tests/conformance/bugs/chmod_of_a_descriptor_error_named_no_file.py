# os.chmod(fd, mode) failing is path_error in CPython 3.11: the OSError's filename is the descriptor
# given (as for stat, chown and chdir of one); refheap's named no file.
import os
r, w = os.pipe()
os.close(r)
os.close(w)
for f in (lambda: os.chmod(r, 0o600), lambda: os.chown(r, -1, -1), lambda: os.stat(r), lambda: os.chdir(r)):
    try:
        f()
    except OSError as e:
        print(type(e).__name__, e.errno, e.filename == r)
