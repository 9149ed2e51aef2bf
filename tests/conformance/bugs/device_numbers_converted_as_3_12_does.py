# posix's dev_t arguments (major, minor, mknod's device) are 3.11's _Py_Dev_Converter: an int in
# unsigned 64 bits, -1 refused (OverflowError), an __index__ object refused; makedev takes C ints and
# returns a signed dev_t. refheap took -1 as 3.12's NODEV does and made makedev's result unsigned.
import posix, os
class I:
    def __index__(self): return 5
d = posix.stat('/').st_dev
print(posix.makedev(posix.major(d), posix.minor(d)) == d)
for f in (lambda: posix.major(-1), lambda: posix.minor(-1), lambda: posix.major(2**64), lambda: posix.major(2**64 - 1),
          lambda: posix.minor(2**64 - 1), lambda: posix.major(1.5), lambda: posix.major(I()), lambda: posix.makedev(-1, 0),
          lambda: posix.makedev(0, -1), lambda: posix.makedev(2**32, 0), lambda: posix.makedev(1.0, 0), lambda: posix.makedev(I(), 3),
          lambda: posix.mknod('/nonexistent/x', 0o600, -1)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
