# The file descriptor converter (PyObject_AsFileDescriptor) refuses a negative int as it refuses a
# negative fileno(): refheap passed -1 to the system call (EBADF) where python3 raises ValueError.
import os


class F:
    def fileno(self):
        return -2


for call in (lambda: os.fsync(-1), lambda: os.fdatasync(-5), lambda: os.fchdir(-1), lambda: os.fsync(F())):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
