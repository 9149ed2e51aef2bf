# After the image: posix's functions, types and state; os's sets of builtins found by hash.
import posix, os, stat
print(type(here).__name__, type(here) is posix.stat_result, posix.stat('.').st_ino == here.st_ino, stat.S_ISDIR(here.st_mode), len(here))
print('posix-prelude.py' in entries, entries == sorted(posix.listdir('src/test/resources/startup-image')))
print(type(first).__name__, type(first) is posix.DirEntry, first.is_file(), type(first.stat()) is posix.stat_result, first.path.startswith('src/'))
print(list(iterator), iterator.close(), type(iterator).__name__)
with posix.scandir('src/test/resources') as it:
    print(sorted(e.name for e in it if e.is_dir()) [:1], type(it).__name__)
print(posix.stat in supports_fd, posix.lstat in supports_fd, posix.scandir in supports_fd, hash(posix.stat) == hash(posix.stat), len(supports_fd | {posix.open}))
print(os.stat in os.supports_fd, os.stat in os.supports_follow_symlinks, os.listdir in os.supports_fd, os.open in os.supports_dir_fd)
print(type(posix.times()).__name__, type(posix.uname()).__name__, posix.uname().sysname, type(posix.get_terminal_size.__name__))
print(posix.getcwd() == os.getcwd(), posix.getpid() == os.getpid(), posix.fspath('x'), posix.strerror(2), posix.WIFEXITED(0), posix.waitstatus_to_exitcode(256))
fd = posix.open('src/test/resources/startup-image/posix-prelude.py', posix.O_RDONLY)
print(posix.read(fd, 9), type(posix.fstat(fd)) is posix.stat_result)
posix.close(fd)
posix.register_at_fork(after_in_child=hook)
for f, args in ((posix.stat, ('/no/such/file',)), (posix.scandir, (3,)), (posix.register_at_fork, ()), (posix.close, (-1,)), (first.is_dir, (1,))):
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, e)
print(os.path.join('a', 'b'), os.path.isdir('src'), sorted(os.environ) == sorted(k.decode() for k in posix.environ), stat.filemode(here.st_mode)[0])
