# stat from CPython's library: the file-mode constants and tests (pure Python; no _stat in refheap)
import stat
print(stat.S_ISDIR(0o040755), stat.S_ISREG(0o100644), stat.S_IMODE(0o100644))
print(stat.filemode(0o100644), stat.filemode(0o040755), stat.S_IFMT(0o120777) == stat.S_IFLNK)
