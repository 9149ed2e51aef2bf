# Before the image: posix (its struct sequences, DirEntry and ScandirIterator, the fork hooks' list)
# and a set of its functions as os makes supports_fd (builtins hashed now).
import posix
supports_fd = {posix.stat, posix.listdir, posix.chdir, posix.truncate, posix.scandir}
here = posix.stat('.')
entries = sorted([e.name for e in posix.scandir('src/test/resources/startup-image')])
iterator = posix.scandir('src/test/resources/startup-image')
first = next(iterator)
iterator.close()  # an open one holds the C library's directory stream: refused
def hook():
    pass
posix.register_at_fork(before=hook)
