# _stat (refheap native module): constants, S_IS*/S_IMODE/S_IFMT and filemode over every file type and permission bit, the C module's argument errors, and stat.py using it
import _stat, stat
print(sorted(n for n in dir(_stat) if not n.startswith('__')) == sorted(n for n in dir(_stat) if not n.startswith('__')), len([n for n in dir(_stat) if n.isupper()]))
print(_stat.S_IFDIR, _stat.S_IFREG, _stat.S_IFLNK, _stat.S_IRWXU, _stat.ST_MTIME, _stat.UF_HIDDEN, _stat.SF_SNAPSHOT, _stat.S_IFDOOR)
modes = [0o100644, 0o40755, 0o120777, 0o4755 | 0o100000, 0o1777 | 0o40000, 0o2644 | 0o100000, 0o20600, 0o60660, 0o10644, 0o140755, 0o7000, 0, 0o170000, 0o1000 | 0o100000, 0o4644 | 0o100000]
for m in modes:
    print(oct(m), _stat.filemode(m), _stat.S_IMODE(m), _stat.S_IFMT(m), [f for f in ('S_ISBLK', 'S_ISCHR', 'S_ISDIR', 'S_ISDOOR', 'S_ISFIFO', 'S_ISLNK', 'S_ISPORT', 'S_ISREG', 'S_ISSOCK', 'S_ISWHT') if getattr(_stat, f)(m)])
for bad in ['_stat.S_ISDIR("x")', '_stat.S_ISDIR(-1)', '_stat.filemode(2**70)', '_stat.filemode(2**40)', '_stat.S_IMODE(1.5)', '_stat.S_ISDIR()', '_stat.S_ISDIR(1, 2)', '_stat.S_IFMT(x=1)']:
    try: print(bad, eval(bad))
    except Exception as e: print(bad, type(e).__name__, e)
print(stat.filemode is _stat.filemode, stat.S_ISDIR is _stat.S_ISDIR, stat.S_ISDIR(True), _stat.filemode(True))
