# os.fsync took its argument through its own fileno() lookup: a float, a str or a fileno()
# returning a non-int met the wrong error or none, and a negative fileno() went to the call.
# Now it converts as fchdir and fdatasync do (CPython's fildes converter).
import os, tempfile
class F:
    def __init__(self, fd): self.fd = fd
    def fileno(self): return self.fd
class Bad:
    def fileno(self): return 'x'
with tempfile.TemporaryFile() as f:
    print(os.fsync(f), os.fsync(f.fileno()), os.fsync(F(f.fileno())))
for x in (Bad(), 1.5, 'a', F(-1)):
    try: os.fsync(x)
    except (TypeError, ValueError, OSError) as e: print(type(e).__name__, e)
