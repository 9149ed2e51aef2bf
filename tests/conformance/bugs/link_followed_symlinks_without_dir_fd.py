# os.link(symlink, new) without dir_fd and with follow_symlinks left True is link(2) in CPython 3.11,
# which on Linux links the symlink itself; refheap called linkat(AT_SYMLINK_FOLLOW) and linked its target.
# With a dir_fd or follow_symlinks=False, 3.11 calls linkat (following when asked).
import os, tempfile, shutil
d = tempfile.mkdtemp(prefix='link_follow')
try:
    open(os.path.join(d, 'f'), 'w').close()
    os.symlink('f', os.path.join(d, 'l'))
    os.link(os.path.join(d, 'l'), os.path.join(d, 'plain'))
    os.link(os.path.join(d, 'l'), os.path.join(d, 'nofollow'), follow_symlinks=False)
    fd = os.open(d, os.O_RDONLY)
    os.link('l', 'at_follow', src_dir_fd=fd, dst_dir_fd=fd)
    os.link('l', 'at_nofollow', dst_dir_fd=fd, src_dir_fd=fd, follow_symlinks=False)
    os.close(fd)
    for n in ('plain', 'nofollow', 'at_follow', 'at_nofollow'):
        print(n, os.path.islink(os.path.join(d, n)))
finally:
    shutil.rmtree(d)
