# OSError has 3.11's fields: errno, strerror, filename, filename2 (args keeps two), characters_written, the errno-to-subclass mapping of OSError(errno, ...), its str, getsizeof 128, traversal, and the builtin subclasses; an __init__ of a subclass gets empty args
import sys
e = OSError(2, 'x')
print(type(e).__name__, e.errno, e.strerror, e.filename, e.args, str(e))
e = OSError(2, 'No such file', 'f.txt')
print(type(e).__name__, e.errno, e.strerror, e.filename, e.filename2, e.args, str(e), repr(e))
e = OSError(1, 'a', 'f', None, 'g')
print(type(e).__name__, e.errno, e.strerror, e.filename, e.filename2, e.args, str(e))
e = OSError('just')
print(e.errno, e.strerror, e.filename, e.args, str(e))
e = OSError()
print(e.errno, e.args, str(e))
e = OSError(1, 2, 3, 4, 5, 6)
print(e.errno, e.args, str(e))
for n in (1, 2, 11, 13, 17, 20, 21, 32, 104, 110, 111, 4, 10, 3, 35, 99):
    print(n, type(OSError(n, 's')).__name__)
print(type(FileNotFoundError(13, 'x')).__name__)
print(IOError is OSError, EnvironmentError is OSError)
e = OSError(2, 'x')
e.errno = 5
e.strerror = 'y'
e.filename = 'q'
print(e.errno, e.strerror, e.filename, str(e), e.args)
print(sys.getsizeof(OSError(2, 'x')), sys.getsizeof(ValueError(1)))
class MyErr(OSError): pass
print(type(MyErr(2, 'x')).__name__, MyErr(2,'x').errno)
import errno
print(errno.ENOENT)
print(BlockingIOError(11, 'x', 5).characters_written)
import gc
e = OSError(2, 'x', 'fn', None, 'fn2')
print([type(r).__name__ for r in gc.get_referents(e)], gc.is_tracked(e))
print(isinstance(e, FileNotFoundError), issubclass(FileNotFoundError, OSError), issubclass(ConnectionResetError, ConnectionError), issubclass(ConnectionResetError, OSError))
class E2(OSError):
    def __init__(self, *a):
        self.extra = a
x = E2(2, 'y', 'z')
print(type(x).__name__, x.errno, x.args, x.extra)
try:
    raise FileNotFoundError(2, 'No such file or directory', 'nope.txt')
except OSError as ex:
    print(repr(ex), ex)
e = BlockingIOError(11, 'x')
try:
    e.characters_written
except AttributeError as ex:
    print('AttributeError', ex)
e.characters_written = 3
print(e.characters_written, e.args)
print(sys.getsizeof(MyErr(1, 'x')), sys.getrefcount(e.strerror) > 0)
raise PermissionError(13, 'Permission denied', '/root/x')
