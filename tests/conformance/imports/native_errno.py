# errno (refheap's native module): Linux's numbers, errorcode, and the aliases that share a number
import errno
print(errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EINTR, errno.EAGAIN, errno.EPIPE)
print(errno.errorcode[2], errno.errorcode[errno.EAGAIN], errno.EWOULDBLOCK == errno.EAGAIN, errno.EDEADLOCK == errno.EDEADLK)
print(len(errno.errorcode), sorted(errno.errorcode)[:5], max(errno.errorcode))
