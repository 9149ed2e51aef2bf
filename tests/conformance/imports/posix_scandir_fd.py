# os.scandir(fd): fdopendir on a duplicate of the descriptor (closed with the iterator, the caller's
# descriptor left at its start), entries whose path is their name and which stat through fstatat on
# the descriptor; os.fwalk (defined since posix's dir_fd sets are CPython's), shutil.rmtree's fd path,
# os's supports_* sets; in a temporary directory (no descriptors or inode numbers printed)
import os, posix, shutil, stat, sys, tempfile
print(posix._have_functions)
for n in ['supports_dir_fd', 'supports_fd', 'supports_follow_symlinks', 'supports_effective_ids']:
    print(n, sorted(f.__name__ for f in getattr(os, n)))
print(shutil._use_fd_functions, shutil.rmtree.avoids_symlink_attacks, hasattr(os, 'fwalk'), 'fwalk' in os.__all__)
d = tempfile.mkdtemp(prefix='posix_scandir_fd')
os.makedirs(os.path.join(d, 'a', 'b'))
open(os.path.join(d, 'a', 'f1'), 'w').close()
open(os.path.join(d, 'a', 'b', 'f2'), 'w').close()
os.symlink('b', os.path.join(d, 'a', 'lb'))
os.symlink('nowhere', os.path.join(d, 'a', 'dangling'))
fd = os.open(os.path.join(d, 'a'), os.O_RDONLY)
with os.scandir(fd) as it:
    print(type(it).__name__, sys.getsizeof(it))
    ents = sorted(it, key=lambda e: e.name)
for e in ents:
    print(repr(e), e.name, e.path, e.path is e.name, e.is_dir(), e.is_file(), e.is_symlink(), e.is_dir(follow_symlinks=False),
          os.fspath(e), stat.S_IFMT(e.stat(follow_symlinks=False).st_mode), sys.getsizeof(e))
    try:
        print('  stat', stat.S_IFMT(e.stat().st_mode), e.stat() is e.stat())
    except OSError as x:
        print('  stat', type(x).__name__, x.errno, x.filename)
print(sorted(os.listdir(fd)))
print(sorted(e.name for e in os.scandir(fd)))
print(os.lseek(fd, 0, os.SEEK_CUR))
it = os.scandir(fd)
next(it)
it.close()
print(sorted(os.listdir(fd)), os.lseek(fd, 0, os.SEEK_CUR))
try:
    os.scandir(9999)
except OSError as e:
    print(type(e).__name__, e.errno, e.filename)
ffd = os.open(os.path.join(d, 'a', 'f1'), os.O_RDONLY)
for f in (os.scandir, os.listdir):
    try:
        f(ffd)
    except OSError as e:
        print(f.__name__, type(e).__name__, e.errno, e.filename == ffd)
os.close(ffd)
for top, dirs, files, dfd in os.fwalk(d):
    print(os.path.relpath(top, d), sorted(dirs), sorted(files), type(dfd).__name__, sorted(os.listdir(dfd)) == sorted(dirs + files))
for top, dirs, files, dfd in os.fwalk(d, topdown=False, follow_symlinks=True):
    print(os.path.relpath(top, d), sorted(dirs), sorted(files))
for top, dirs, files, dfd in os.fwalk(os.fsencode(d)):
    print(os.path.relpath(top, os.fsencode(d)), sorted(dirs), sorted(files))
for top, dirs, files, dfd in os.fwalk('a', dir_fd=os.open(d, os.O_RDONLY)):
    print(top, sorted(dirs), sorted(files))
os.close(fd)
shutil.rmtree(os.path.join(d, 'a', 'lb'), ignore_errors=True)
print(os.path.exists(os.path.join(d, 'a', 'b', 'f2')))
try:
    shutil.rmtree(os.path.join(d, 'a', 'lb'))
except OSError as e:
    print(type(e).__name__, e)
shutil.rmtree(d)
print(os.path.exists(d))
